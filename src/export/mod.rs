//! Drawing a [`Scene`]: a deterministic layered layout (referrers above what they refer
//! to, as objgraph's dot output), and writers for DOT (Graphviz-compatible, byte-stable),
//! SVG and PNG (the SVG rendered by resvg with the bundled Hack font: no Graphviz, no
//! system fonts). Knows nothing of the VM.

mod layout;
mod svg;

use std::fmt::Write as _;
use std::path::Path;

pub use layout::{Layout, Placed, clip, layout};
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
        if let Some(extra) = &n.extra {
            label.push('\n');
            label.push_str(extra);
        }
        if let Some(rc) = n.refcount {
            let _ = write!(label, "\nrefcount {rc}");
        }
        let dashed = if matches!(n.kind, NodeKind::More(_)) {
            ", style=\"rounded,filled,dashed\""
        } else {
            ""
        };
        let (fill, color, pen) = if n.highlight {
            (svg::HIGHLIGHT.0, svg::HIGHLIGHT.1, ", penwidth=3")
        } else {
            (fill, color, "")
        };
        let _ = writeln!(
            out,
            "  n{i} [label=\"{}\", fillcolor=\"{fill}\", color=\"{color}\"{dashed}{pen}];",
            dot_escape(&label)
        );
    }
    for e in &scene.edges {
        let cycle = if e.in_cycle {
            format!(", color=\"{}\", penwidth=2", svg::CYCLE)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  n{} -> n{} [label=\"{}\"{cycle}];",
            e.from,
            e.to,
            dot_escape(&e.label)
        );
    }
    out.push_str("}\n");
    out
}

/// Renders SVG text to PNG with the bundled font. Large pictures are drawn in horizontal
/// strips, one per core, on scoped threads; the strips are then written as one image.
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
    let (width, height) = (size.width().max(1), size.height().max(1));
    if u64::from(width) * u64::from(height) > 400_000_000 {
        return Err(format!(
            "the picture is too large to draw ({width}x{height} pixels); lower max_depth or too_many"
        ));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let strips = if u64::from(width) * u64::from(height) < 1_000_000 {
        1
    } else {
        cores.clamp(1, 4) as u32
    };
    let strip_h = height.div_ceil(strips);
    let draw = |k: u32| -> Option<tiny_skia::Pixmap> {
        let top = k * strip_h;
        let h = strip_h.min(height.saturating_sub(top)).max(1);
        let mut pixmap = tiny_skia::Pixmap::new(width, h)?;
        pixmap.fill(tiny_skia::Color::WHITE);
        let shift = tiny_skia::Transform::from_translate(0.0, -(top as f32));
        resvg::render(&tree, shift, &mut pixmap.as_mut());
        Some(pixmap)
    };
    let pieces: Vec<Option<tiny_skia::Pixmap>> = if strips == 1 {
        vec![draw(0)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..strips).map(|k| scope.spawn(move || draw(k))).collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    };
    let pieces: Option<Vec<_>> = pieces.into_iter().collect();
    let pieces = pieces.ok_or("the picture is too large to draw")?;
    encode_rgb(width, height, &pieces)
}

/// The picture is opaque (drawn on white), so it is written as 8-bit RGB with png's fast
/// deflate: a quarter less data than tiny-skia's RGBA and several times faster to
/// compress, for files somewhat larger.
fn encode_rgb(
    width: u32,
    height: u32,
    strips: &[resvg::tiny_skia::Pixmap],
) -> Result<Vec<u8>, String> {
    let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
    for strip in strips {
        rgb.extend(
            strip
                .data()
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]]),
        );
    }
    rgb.truncate(width as usize * height as usize * 3);
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| format!("png: {e}"))?;
    writer
        .write_image_data(&rgb)
        .map_err(|e| format!("png: {e}"))?;
    writer.finish().map_err(|e| format!("png: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests;
