//! Drawing a [`Scene`]: a deterministic layered layout (referrers above what they refer
//! to, as objgraph's dot output), and writers for DOT (Graphviz-compatible, byte-stable),
//! SVG and PNG (the SVG rendered by resvg with the bundled Hack font: no Graphviz, no
//! system fonts). Knows nothing of the VM.

mod layout;
mod svg;

use std::fmt::Write as _;
use std::path::Path;

pub use layout::{Layout, Placed, layout};
pub use svg::to_svg;

use crate::analysis::{NodeKind, Scene};

/// What `write` can produce, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Svg,
    Png,
}

impl Format {
    pub fn from_path(path: &Path) -> Result<Format, String> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("dot") | Some("gv") => Ok(Format::Dot),
            Some("svg") => Ok(Format::Svg),
            Some("png") => Ok(Format::Png),
            _ => Err(format!(
                "{}: unknown picture format (use a name ending in .png, .svg or .dot)",
                path.display()
            )),
        }
    }
}

/// The bytes of the scene in a format.
pub fn render(scene: &Scene, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Dot => Ok(to_dot(scene).into_bytes()),
        Format::Svg => Ok(to_svg(scene).into_bytes()),
        Format::Png => to_png(&to_svg(scene)),
    }
}

/// Writes the scene to `path` in the format its extension names.
pub fn write(scene: &Scene, path: &Path) -> Result<(), String> {
    let bytes = render(scene, Format::from_path(path)?)?;
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Graphviz DOT, top to bottom, one statement per line, in scene order (byte-stable).
pub fn to_dot(scene: &Scene) -> String {
    let mut out = String::new();
    out.push_str("digraph ObjectGraph {\n  node [shape=box, style=\"rounded,filled\", fontname=\"Hack\", fontsize=10];\n  edge [fontname=\"Hack\", fontsize=9];\n");
    for (i, n) in scene.nodes.iter().enumerate() {
        let (fill, color) = svg::colors(&n.kind);
        let mut label = n.title.clone();
        if !n.detail.is_empty() {
            label.push('\n');
            label.push_str(&n.detail);
        }
        if let Some(rc) = n.refcount {
            let _ = write!(label, "\nrefcount {rc}");
        }
        let dashed = if matches!(n.kind, NodeKind::More(_)) {
            ", style=\"rounded,filled,dashed\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  n{i} [label=\"{}\", fillcolor=\"{fill}\", color=\"{color}\"{dashed}];",
            dot_escape(&label)
        );
    }
    for e in &scene.edges {
        let _ = writeln!(
            out,
            "  n{} -> n{} [label=\"{}\"];",
            e.from,
            e.to,
            dot_escape(&e.label)
        );
    }
    out.push_str("}\n");
    out
}

/// Renders SVG text to PNG with the bundled font.
pub fn to_png(svg_text: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        font_family: "Hack".to_string(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg_text, &options).map_err(|e| format!("bad picture: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width().max(1), size.height().max(1))
        .ok_or("the picture is too large to draw")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("png: {e}"))
}

#[cfg(test)]
mod tests;
