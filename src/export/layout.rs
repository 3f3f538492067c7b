//! A layered layout: one band per depth (the targets of a backrefs scene at the bottom,
//! the roots of a refs scene at the top). Within a band, nodes are ordered by the mean
//! position of their neighbours in the band before (the barycenter heuristic, a few sweeps
//! each way), so chains stay in columns and edges cross less. A band wider than
//! `MAX_PER_ROW` nodes is wrapped into several rows, each shifted by a fraction of a box,
//! so that a fan-in of hundreds of referrers stays a readable block instead of a very
//! wide strip, and edges pass between the boxes of the rows below instead of under them.
//! Everything depends only on the scene: the same scene gives the same picture.

use crate::analysis::Scene;

/// Width of one character of the 11px Hack font.
pub const CHAR_W: f32 = 6.7;
pub const LINE_H: f32 = 14.0;
const PAD_X: f32 = 10.0;
const PAD_Y: f32 = 7.0;
const GAP_X: f32 = 28.0;
const GAP_Y: f32 = 56.0;
/// Between the rows of one wrapped band: no edge runs between them, only through.
const GAP_Y_WRAP: f32 = 30.0;
const MAX_PER_ROW: usize = 8;
/// Longest label line drawn, in characters.
pub const MAX_CHARS: usize = 36;

#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub nodes: Vec<Placed>,
    /// Some band was wrapped into several rows.
    pub wrapped: bool,
    pub width: f32,
    pub height: f32,
}

/// A label line cut to `MAX_CHARS`.
pub fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_CHARS {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX_CHARS - 1).collect();
        t.push('…');
        t
    }
}

pub fn layout(scene: &Scene) -> Layout {
    let max_depth = scene.nodes.iter().map(|n| n.depth).max().unwrap_or(0);
    let sizes: Vec<(f32, f32)> = scene
        .nodes
        .iter()
        .map(|n| {
            let extra = n.extra.as_deref().unwrap_or("");
            let chars = clip(&n.title)
                .chars()
                .count()
                .max(clip(&n.detail).chars().count())
                .max(clip(extra).chars().count())
                .max(8);
            let lines = 1.0
                + f32::from(u8::from(!n.detail.is_empty()))
                + f32::from(u8::from(n.extra.is_some()));
            (
                chars as f32 * CHAR_W + 2.0 * PAD_X,
                lines * LINE_H + 2.0 * PAD_Y,
            )
        })
        .collect();
    // Bands from the top: a backrefs scene puts the deepest referrers first.
    let mut bands: Vec<Vec<usize>> = (0..=max_depth)
        .map(|b| {
            let depth = if scene.upward { max_depth - b } else { b };
            (0..scene.nodes.len())
                .filter(|i| scene.nodes[*i].depth == depth)
                .collect()
        })
        .collect();
    order_bands(scene, &mut bands);
    let mut placed = vec![
        Placed {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0
        };
        scene.nodes.len()
    ];
    // (nodes, width, shift, last row of its band): the rows of a wrapped band are
    // shifted by a fraction of a box each.
    let mut rows: Vec<(Vec<usize>, f32, f32, bool)> = vec![];
    for band in &bands {
        let n_rows = band.len().div_ceil(MAX_PER_ROW);
        for (k, chunk) in band.chunks(MAX_PER_ROW).enumerate() {
            let w: f32 = chunk.iter().map(|i| sizes[*i].0).sum::<f32>()
                + GAP_X * (chunk.len().saturating_sub(1)) as f32;
            let box_w = w / chunk.len().max(1) as f32 + GAP_X;
            let shift = if n_rows > 1 {
                box_w * k as f32 / n_rows as f32 - box_w / 2.0
            } else {
                0.0
            };
            rows.push((chunk.to_vec(), w, shift, k + 1 == n_rows));
        }
    }
    let width = rows
        .iter()
        .map(|r| r.1 + 2.0 * r.2.abs())
        .fold(0.0, f32::max)
        + 2.0 * GAP_X;
    // Room above the first row for the arcs between its boxes.
    let mut y = GAP_Y;
    for (row, w, shift, last_of_band) in &rows {
        let h = row.iter().map(|i| sizes[*i].1).fold(0.0, f32::max);
        let mut x = (width - w) / 2.0 + shift;
        for i in row {
            placed[*i] = Placed {
                x,
                y,
                w: sizes[*i].0,
                h: sizes[*i].1,
            };
            x += sizes[*i].0 + GAP_X;
        }
        y += h + if *last_of_band { GAP_Y } else { GAP_Y_WRAP };
    }
    Layout {
        wrapped: bands.iter().any(|b| b.len() > MAX_PER_ROW),
        nodes: placed,
        width: width.max(200.0),
        height: (y - GAP_Y + GAP_X).max(60.0),
    }
}

/// Orders the nodes of each band by the barycenter of their neighbours in the adjacent
/// band: sweeps from the targets (or roots) outwards, then back, twice. Ties keep the
/// scene's order, so the result is deterministic.
fn order_bands(scene: &Scene, bands: &mut [Vec<usize>]) {
    let n = scene.nodes.len();
    let mut neighbours: Vec<Vec<usize>> = vec![vec![]; n];
    for e in &scene.edges {
        if e.from < n && e.to < n && e.from != e.to {
            neighbours[e.from].push(e.to);
            neighbours[e.to].push(e.from);
        }
    }
    // Position of each node within its band, from 0 to 1.
    let mut pos = vec![0.0f32; n];
    let set_pos = |band: &[usize], pos: &mut [f32]| {
        let len = band.len().max(2) as f32 - 1.0;
        for (k, i) in band.iter().enumerate() {
            pos[*i] = k as f32 / len;
        }
    };
    let mut band_of = vec![usize::MAX; n];
    for (b, band) in bands.iter().enumerate() {
        set_pos(band, &mut pos);
        for i in band {
            band_of[*i] = b;
        }
    }
    let reorder = |b: usize, from: usize, bands: &mut [Vec<usize>], pos: &mut [f32]| {
        let mut keyed: Vec<(f32, usize, usize)> = bands[b]
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let near: Vec<f32> = neighbours[*i]
                    .iter()
                    .filter(|j| band_of[**j] == from)
                    .map(|j| pos[*j])
                    .collect();
                let key = if near.is_empty() {
                    pos[*i]
                } else {
                    near.iter().sum::<f32>() / near.len() as f32
                };
                (key, k, *i)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        bands[b] = keyed.into_iter().map(|(_, _, i)| i).collect();
        set_pos(&bands[b], pos);
    };
    let last = bands.len().saturating_sub(1);
    // The targets' band is the last one for a backrefs scene and the first for refs.
    let outward: Vec<usize> = if scene.upward {
        (0..last).rev().collect()
    } else {
        (1..=last).collect()
    };
    for _ in 0..2 {
        for &b in &outward {
            let from = if scene.upward { b + 1 } else { b - 1 };
            reorder(b, from, bands, &mut pos);
        }
        for &b in outward.iter().rev().skip(1) {
            let from = if scene.upward { b - 1 } else { b + 1 };
            reorder(b, from, bands, &mut pos);
        }
    }
    for &b in &outward {
        let from = if scene.upward { b + 1 } else { b - 1 };
        reorder(b, from, bands, &mut pos);
    }
}
