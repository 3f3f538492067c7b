//! A layered layout: one band per depth (the targets of a backrefs scene at the bottom,
//! the roots of a refs scene at the top), nodes in scene order within a band, and a band
//! wider than `MAX_PER_ROW` nodes wrapped into several rows, so that a fan-in of hundreds
//! of referrers stays a readable block instead of a very wide strip.

use crate::analysis::Scene;

/// Width of one character of the 11px Hack font.
pub const CHAR_W: f32 = 6.7;
pub const LINE_H: f32 = 14.0;
const PAD_X: f32 = 10.0;
const PAD_Y: f32 = 7.0;
const GAP_X: f32 = 28.0;
const GAP_Y: f32 = 56.0;
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
            let chars = clip(&n.title)
                .chars()
                .count()
                .max(clip(&n.detail).chars().count())
                .max(8);
            let lines = if n.detail.is_empty() { 1.0 } else { 2.0 };
            (
                chars as f32 * CHAR_W + 2.0 * PAD_X,
                lines * LINE_H + 2.0 * PAD_Y,
            )
        })
        .collect();
    // Bands from the top: a backrefs scene puts the deepest referrers first.
    let bands: Vec<Vec<usize>> = (0..=max_depth)
        .map(|b| {
            let depth = if scene.upward { max_depth - b } else { b };
            (0..scene.nodes.len())
                .filter(|i| scene.nodes[*i].depth == depth)
                .collect()
        })
        .collect();
    let mut placed = vec![
        Placed {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0
        };
        scene.nodes.len()
    ];
    let mut rows: Vec<(Vec<usize>, f32)> = vec![];
    for band in &bands {
        for chunk in band.chunks(MAX_PER_ROW) {
            let w: f32 = chunk.iter().map(|i| sizes[*i].0).sum::<f32>()
                + GAP_X * (chunk.len().saturating_sub(1)) as f32;
            rows.push((chunk.to_vec(), w));
        }
    }
    let width = rows.iter().map(|r| r.1).fold(0.0, f32::max) + 2.0 * GAP_X;
    // Room above the first row for the arcs between its boxes.
    let mut y = GAP_Y;
    for (row, w) in &rows {
        let h = row.iter().map(|i| sizes[*i].1).fold(0.0, f32::max);
        let mut x = (width - w) / 2.0;
        for i in row {
            placed[*i] = Placed {
                x,
                y,
                w: sizes[*i].0,
                h: sizes[*i].1,
            };
            x += sizes[*i].0 + GAP_X;
        }
        y += h + GAP_Y;
    }
    Layout {
        nodes: placed,
        width: width.max(200.0),
        height: (y - GAP_Y + GAP_X).max(60.0),
    }
}
