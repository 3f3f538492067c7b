//! The source panel: the program in an editable text box with Python syntax colouring,
//! the current line marked, and a gutter of line numbers where a click sets or clears a
//! breakpoint.

use std::collections::BTreeSet;
use std::sync::Arc;

use eframe::egui::{
    self, Align2, Color32, FontId, Sense, Stroke, TextBuffer, TextFormat, Ui, pos2,
    text::LayoutJob, vec2,
};

use super::command::Command;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];
const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "list",
    "dict",
    "set",
    "tuple",
    "str",
    "int",
    "id",
    "type",
    "object",
    "super",
    "isinstance",
    "sum",
    "min",
    "max",
    "open",
    "iter",
    "next",
    "self",
];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token {
    Keyword,
    Builtin,
    Str,
    Comment,
    Number,
    Other,
}

/// Splits one line of Python into coloured spans (byte ranges). A line-level scanner:
/// good enough for colouring, never used for meaning.
pub fn tokenize_line(line: &str) -> Vec<(std::ops::Range<usize>, Token)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let tok = if c == b'#' {
            i = b.len();
            Token::Comment
        } else if c == b'"' || c == b'\'' {
            i += 1;
            while i < b.len() && b[i] != c {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            Token::Str
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            Token::Number
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let w = &line[start..i];
            if KEYWORDS.contains(&w) {
                Token::Keyword
            } else if BUILTINS.contains(&w) {
                Token::Builtin
            } else {
                Token::Other
            }
        } else {
            i += line[i..]
                .chars()
                .next()
                .map(|ch| ch.len_utf8())
                .unwrap_or(1);
            Token::Other
        };
        out.push((start..i.min(b.len()), tok));
    }
    out
}

pub struct SourceView<'a> {
    pub font_size: f32,
    /// Bytes of the live objects each line created (drawn as a bar in the gutter).
    pub memory: Option<&'a [super::program::LineMemory]>,
}

impl SourceView<'_> {
    fn row(&self) -> f32 {
        (self.font_size * 1.4).round()
    }

    fn job(&self, text: &str, current: u32, dark: bool) -> LayoutJob {
        let font = FontId::monospace(self.font_size);
        let mut job = LayoutJob::default();
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let bg = if n as u32 + 1 == current {
                Color32::from_rgba_unmultiplied(250, 200, 40, 90)
            } else {
                Color32::TRANSPARENT
            };
            for (range, tok) in tokenize_line(line) {
                let color = match (tok, dark) {
                    (Token::Keyword, _) => Color32::from_rgb(200, 100, 220),
                    (Token::Builtin, _) => Color32::from_rgb(60, 160, 200),
                    (Token::Str, _) => Color32::from_rgb(90, 170, 70),
                    (Token::Comment, _) => Color32::GRAY,
                    (Token::Number, _) => Color32::from_rgb(220, 130, 40),
                    (Token::Other, true) => Color32::from_rgb(230, 230, 230),
                    (Token::Other, false) => Color32::from_rgb(20, 20, 20),
                };
                let format = TextFormat {
                    font_id: font.clone(),
                    color,
                    background: bg,
                    line_height: Some(self.row()),
                    ..Default::default()
                };
                job.append(&line[range], 0.0, format);
            }
        }
        job
    }

    pub fn ui(
        &self,
        ui: &mut Ui,
        text: &mut String,
        current_line: u32,
        breakpoints: &BTreeSet<u32>,
    ) -> Option<Command> {
        let mut cmd = None;
        let row = self.row();
        let lines = text.lines().count().max(1);
        let dark = ui.visuals().dark_mode;
        egui::ScrollArea::both()
            .id_salt("source")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    let (rect, resp) =
                        ui.allocate_exact_size(vec2(44.0, row * lines as f32), Sense::click());
                    let p = ui.painter_at(rect);
                    let memory = self.memory.unwrap_or(&[]);
                    let most = memory.iter().map(|m| m.bytes).max().unwrap_or(0).max(1);
                    for m in memory {
                        let y = rect.top() + row * (m.line as f32 - 1.0);
                        // Square-root scale: a small line next to a huge one still shows.
                        let frac = (m.bytes as f32 / most as f32).sqrt();
                        p.rect_filled(
                            egui::Rect::from_min_size(
                                pos2(rect.left(), y + 1.0),
                                vec2(rect.width() * frac, row - 2.0),
                            ),
                            2.0,
                            Color32::from_rgba_unmultiplied(255, 140, 0, 70),
                        );
                    }
                    for n in 0..lines {
                        let line = n as u32 + 1;
                        let y = rect.top() + row * n as f32;
                        if breakpoints.contains(&line) {
                            p.circle_filled(
                                pos2(rect.left() + 7.0, y + row / 2.0),
                                5.0,
                                Color32::from_rgb(220, 40, 40),
                            );
                        }
                        if line == current_line {
                            p.text(
                                pos2(rect.left() + 14.0, y + row / 2.0),
                                Align2::LEFT_CENTER,
                                "▶",
                                FontId::monospace(self.font_size * 0.8),
                                Color32::from_rgb(240, 170, 0),
                            );
                        }
                        p.text(
                            pos2(rect.right() - 2.0, y + row / 2.0),
                            Align2::RIGHT_CENTER,
                            line.to_string(),
                            FontId::monospace(self.font_size * 0.8),
                            Color32::GRAY,
                        );
                    }
                    p.vline(
                        rect.right(),
                        rect.y_range(),
                        Stroke::new(1.0, Color32::GRAY),
                    );
                    let hovered = resp
                        .hover_pos()
                        .map(|pos| ((pos.y - rect.top()) / row) as u32 + 1);
                    let tip = match hovered.and_then(|l| memory.iter().find(|m| m.line == l)) {
                        Some(m) => format!(
                            "Line {}: {} objects it created are alive now ({} bytes).\nClick: breakpoint. Right click: run to this line.",
                            m.line, m.count, m.bytes
                        ),
                        None => "Click: breakpoint. Right click: run to this line.".to_string(),
                    };
                    let resp = resp.on_hover_text(tip);
                    if let Some(pos) = resp.interact_pointer_pos() {
                        let line = ((pos.y - rect.top()) / row) as u32 + 1;
                        if resp.clicked() {
                            cmd = Some(Command::ToggleBreakpoint(line));
                        } else if resp.secondary_clicked() {
                            cmd = Some(Command::RunToLine(line));
                        }
                    }
                    let mut layouter =
                        |ui: &Ui, buf: &dyn TextBuffer, wrap: f32| -> Arc<egui::Galley> {
                            let mut job = self.job(buf.as_str(), current_line, dark);
                            let _ = wrap;
                            job.wrap.max_width = f32::INFINITY;
                            ui.fonts_mut(|f| f.layout_job(job))
                        };
                    ui.add(
                        egui::TextEdit::multiline(text)
                            .code_editor()
                            .margin(egui::Margin::ZERO)
                            .desired_width(f32::INFINITY)
                            .frame(egui::Frame::NONE)
                            .layouter(&mut layouter),
                    );
                });
            });
        cmd
    }
}
