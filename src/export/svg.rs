//! The SVG picture of a scene: objgraph-style boxes (type, then a summary), a refcount
//! badge, labelled arrows from referrer to referent, colours with a legend.

use std::fmt::Write as _;

use super::layout::{CHAR_W, LINE_H, clip, layout};
use crate::analysis::{NodeKind, Scene};

/// (fill, border) of a node.
pub fn colors(kind: &NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Target(_) => ("#ffe08a", "#b07d00"),
        NodeKind::Object(_) => ("#e8eef7", "#5b6b80"),
        NodeKind::Garbage(_) => ("#ffc4c4", "#c0392b"),
        NodeKind::Root => ("#c9efc9", "#2e7d32"),
        NodeKind::More(_) => ("#f4f4f4", "#888888"),
    }
}

/// (fill, border) of a node the program asked to highlight.
pub const HIGHLIGHT: (&str, &str) = ("#ffd8a8", "#e8590c");
/// Edges on a reference cycle.
pub const CYCLE: &str = "#c0392b";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const LEGEND: &[(&str, &str)] = &[
    ("target", "#ffe08a"),
    ("root: variable, global, runtime", "#c9efc9"),
    ("object", "#e8eef7"),
    ("unreachable: the collector will free it", "#ffc4c4"),
];

pub fn to_svg(scene: &Scene) -> String {
    let l = layout(scene);
    // The legend: the boxes always, the highlight and the cycle line when drawn.
    let mut legend: Vec<(&str, &str, bool)> = LEGEND.iter().map(|(n, c)| (*n, *c, false)).collect();
    if scene.nodes.iter().any(|n| n.highlight) {
        legend.push(("highlighted by the program", HIGHLIGHT.0, false));
    }
    if scene.edges.iter().any(|e| e.in_cycle) {
        legend.push(("reference on a cycle", CYCLE, true));
    }
    let legend_h = 22.0 * legend.len() as f32 + 30.0;
    let width = l.width.max(420.0);
    let height = l.height + legend_h;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" viewBox=\"0 0 {:.0} {:.0}\" font-family=\"Hack\" font-size=\"11\">",
        width, height, width, height
    );
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>"
    );
    // Edges first, under the boxes: one stroked path and one path of arrowheads per
    // colour (a path per edge, with SVG markers, draws several times slower), then the
    // labels.
    let mut lines = [String::new(), String::new()];
    let mut heads = [String::new(), String::new()];
    let mut labels = String::new();
    let pairs: std::collections::HashSet<(usize, usize)> =
        scene.edges.iter().map(|e| (e.from, e.to)).collect();
    for e in &scene.edges {
        let (Some(a), Some(b)) = (l.nodes.get(e.from), l.nodes.get(e.to)) else {
            continue;
        };
        let (x1, x2) = (a.x + a.w / 2.0, b.x + b.w / 2.0);
        let same_row = (a.y - b.y).abs() < 1.0;
        let (y1, y2) = if same_row {
            (a.y, b.y)
        } else if a.y < b.y {
            (a.y + a.h, b.y)
        } else {
            (a.y, b.y + b.h)
        };
        let c = usize::from(e.in_cycle);
        // Between boxes of one row, an arc above them; straight between rows.
        let lift = if same_row {
            24.0 + (x2 - x1).abs() * 0.15
        } else {
            0.0
        };
        let (mut cx, mut cy) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0 - lift);
        // A reference each way between two boxes (a cycle of two): both bend to their
        // right, so the two arrows and their labels stay apart.
        let both_ways = !same_row && e.from != e.to && pairs.contains(&(e.to, e.from));
        if both_ways {
            let (dx, dy) = (x2 - x1, y2 - y1);
            let len = (dx * dx + dy * dy).sqrt().max(0.001);
            cx -= dy / len * 22.0;
            cy += dx / len * 22.0;
        }
        // A straight edge that would pass under another box (a reference that skips a
        // band, like a child's `.parent`) bends around it; not in wrapped bands, whose
        // rows leave no clear way round (the rows are staggered instead).
        let mut curved = same_row || both_ways;
        if !curved
            && !l.wrapped
            && let Some((bx, by)) = detour(&l.nodes, (e.from, e.to), (x1, y1), (x2, y2))
        {
            (cx, cy) = (bx, by);
            curved = true;
        }
        // The arrowhead points along the last segment of the edge.
        let (fx, fy) = if curved { (cx, cy) } else { (x1, y1) };
        let _ = if curved {
            write!(lines[c], "M{x1:.1} {y1:.1}Q{cx:.1} {cy:.1} {x2:.1} {y2:.1}")
        } else {
            write!(lines[c], "M{x1:.1} {y1:.1}L{x2:.1} {y2:.1}")
        };
        let (dx, dy) = (x2 - fx, y2 - fy);
        let len = (dx * dx + dy * dy).sqrt().max(0.001);
        let (ux, uy) = (dx / len, dy / len);
        let (bx, by) = (x2 - ux * 9.0, y2 - uy * 9.0);
        let _ = write!(
            heads[c],
            "M{x2:.1} {y2:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
            bx - uy * 4.0,
            by + ux * 4.0,
            bx + uy * 4.0,
            by - ux * 4.0
        );
        if !e.label.is_empty() {
            let label = clip(&e.label);
            // The middle of the curve (of the line when straight).
            let (mx, my) = ((x1 + 2.0 * cx + x2) / 4.0, (y1 + 2.0 * cy + y2) / 4.0);
            let w = label.chars().count() as f32 * CHAR_W * 0.9 + 6.0;
            let _ = writeln!(
                labels,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"13\" fill=\"#ffffff\" fill-opacity=\"0.85\"/><text x=\"{mx:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333333\">{}</text>",
                mx - w / 2.0,
                my - 9.0,
                my + 1.0,
                esc(&label)
            );
        }
    }
    for (c, (stroke, width)) in [("#555555", 1.3), (CYCLE, 2.2)].iter().enumerate() {
        if !lines[c].is_empty() {
            let _ = writeln!(
                out,
                "<path d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>\n<path d=\"{}\" fill=\"{stroke}\"/>",
                lines[c], heads[c]
            );
        }
    }
    out.push_str(&labels);
    for (n, p) in scene.nodes.iter().zip(&l.nodes) {
        let (fill, border, pen) = if n.highlight {
            (HIGHLIGHT.0, HIGHLIGHT.1, 3.0)
        } else {
            let (fill, border) = colors(&n.kind);
            (fill, border, 1.5)
        };
        let dash = if matches!(n.kind, NodeKind::More(_)) {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{fill}\" stroke=\"{border}\" stroke-width=\"{pen}\"{dash}/>",
            p.x, p.y, p.w, p.h
        );
        let cx = p.x + p.w / 2.0;
        let _ = writeln!(
            out,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#111111\">{}</text>",
            p.y + 7.0 + LINE_H * 0.8,
            esc(&clip(&n.title))
        );
        if !n.detail.is_empty() {
            let _ = writeln!(
                out,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#333333\">{}</text>",
                p.y + 7.0 + LINE_H * 1.8,
                esc(&clip(&n.detail))
            );
        }
        if let Some(extra) = &n.extra {
            let line = if n.detail.is_empty() { 1.8 } else { 2.8 };
            let _ = writeln!(
                out,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-style=\"italic\" fill=\"#5d4037\">{}</text>",
                p.y + 7.0 + LINE_H * line,
                esc(&clip(extra))
            );
        }
        if let Some(rc) = n.refcount {
            let text = rc.to_string();
            let w = text.len() as f32 * 6.0 + 10.0;
            let (bx, by) = (p.x + p.w - w / 2.0, p.y - 6.0);
            let _ = writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{by:.1}\" width=\"{w:.1}\" height=\"14\" rx=\"7\" fill=\"#37474f\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#ffffff\">{text}</text>",
                bx - w / 2.0,
                bx,
                by + 10.5
            );
        }
    }
    // The legend.
    let mut y = l.height + 8.0;
    for (name, color, line) in legend {
        let _ = if line {
            writeln!(
                out,
                "<path d=\"M12 {:.1}H28\" stroke=\"{color}\" stroke-width=\"2.2\"/>",
                y + 7.0
            )
        } else {
            writeln!(
                out,
                "<rect x=\"12\" y=\"{y:.1}\" width=\"16\" height=\"14\" rx=\"3\" fill=\"{color}\" stroke=\"#666666\"/>"
            )
        };
        let _ = writeln!(
            out,
            "<text x=\"36\" y=\"{:.1}\" fill=\"#333333\">{}</text>",
            y + 11.0,
            esc(name)
        );
        y += 22.0;
    }
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"{:.1}\" font-size=\"10\" fill=\"#777777\">dark badge: refcount · arrows go from referrer to referent</text>",
        l.height + legend_h - 10.0
    );
    out.push_str("</svg>\n");
    out
}

/// The point on a quadratic curve at `t`.
fn quad(p0: (f32, f32), c: (f32, f32), p1: (f32, f32), t: f32) -> (f32, f32) {
    let u = 1.0 - t;
    (
        u * u * p0.0 + 2.0 * u * t * c.0 + t * t * p1.0,
        u * u * p0.1 + 2.0 * u * t * c.1 + t * t * p1.1,
    )
}

/// For an edge whose straight line crosses a box other than its ends, a control point
/// that bends it clear of all boxes (the smallest bend that works, or the largest
/// tried); None when the straight line is clear or the scene is large.
fn detour(
    boxes: &[super::layout::Placed],
    ends: (usize, usize),
    p0: (f32, f32),
    p1: (f32, f32),
) -> Option<(f32, f32)> {
    let hits = |c: (f32, f32)| {
        (1..16).any(|k| {
            let (x, y) = quad(p0, c, p1, k as f32 / 16.0);
            boxes.iter().enumerate().any(|(i, b)| {
                i != ends.0
                    && i != ends.1
                    && x > b.x - 4.0
                    && x < b.x + b.w + 4.0
                    && y > b.y - 4.0
                    && y < b.y + b.h + 4.0
            })
        })
    };
    let mid = ((p0.0 + p1.0) / 2.0, (p0.1 + p1.1) / 2.0);
    // Large scenes keep straight lines: their wrapped bands leave no clear way round,
    // and bends there only add tangles.
    if boxes.len() > 80 || !hits(mid) {
        return None;
    }
    let (dx, dy) = (p1.0 - p0.0, p1.1 - p0.1);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (nx, ny) = (-dy / len, dx / len);
    let mut last = mid;
    for off in [60.0, -60.0, 120.0, -120.0, 200.0, -200.0, 320.0, -320.0] {
        let c = (mid.0 + nx * off, mid.1 + ny * off);
        if !hits(c) {
            return Some(c);
        }
        last = c;
    }
    Some(last)
}
