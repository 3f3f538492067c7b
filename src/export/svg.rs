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
    let legend_h = 22.0 * LEGEND.len() as f32 + 30.0;
    let width = l.width.max(330.0);
    let height = l.height + legend_h;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" viewBox=\"0 0 {:.0} {:.0}\" font-family=\"Hack\" font-size=\"11\">",
        width, height, width, height
    );
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555555\"/></marker></defs>\n");
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>"
    );
    // Edges first, under the boxes.
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
        let garbage = matches!(scene.nodes[e.from].kind, NodeKind::Garbage(_))
            && matches!(
                scene.nodes[e.to].kind,
                NodeKind::Garbage(_) | NodeKind::Target(_)
            );
        let stroke = if garbage { "#c0392b" } else { "#555555" };
        // Between boxes of one row, an arc above them.
        let lift = if same_row {
            24.0 + (x2 - x1).abs() * 0.15
        } else {
            0.0
        };
        let (cx, cy) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0 - lift);
        let _ = writeln!(
            out,
            "<path d=\"M {x1:.1} {y1:.1} Q {cx:.1} {cy:.1} {x2:.1} {y2:.1}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>"
        );
        if !e.label.is_empty() {
            let label = clip(&e.label);
            let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0 - lift / 2.0);
            let w = label.chars().count() as f32 * CHAR_W * 0.9 + 6.0;
            let _ = writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"13\" fill=\"#ffffff\" opacity=\"0.85\"/><text x=\"{mx:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333333\">{}</text>",
                mx - w / 2.0,
                my - 9.0,
                my + 1.0,
                esc(&label)
            );
        }
    }
    for (n, p) in scene.nodes.iter().zip(&l.nodes) {
        let (fill, border) = colors(&n.kind);
        let dash = if matches!(n.kind, NodeKind::More(_)) {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{fill}\" stroke=\"{border}\" stroke-width=\"1.5\"{dash}/>",
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
    for (name, fill) in LEGEND {
        let _ = writeln!(
            out,
            "<rect x=\"12\" y=\"{y:.1}\" width=\"16\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"#666666\"/><text x=\"36\" y=\"{:.1}\" fill=\"#333333\">{}</text>",
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
