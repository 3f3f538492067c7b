//! The memory panel: the live objects of the shown step grouped by the program line that
//! created them, as `tracemalloc`'s `Snapshot.statistics('lineno')` prints them
//! (`file:line: size=..., count=..., average=...`), largest first. The sizes are the
//! model's `sys.getsizeof`; a click on a line runs to it.

use eframe::egui::{self, RichText, Ui};

use super::command::Command;
use super::program::LineMemory;

/// tracemalloc's `_format_size`: bytes below 10 KiB, then KiB, MiB... with one decimal
/// under 100.
pub fn format_size(size: f64) -> String {
    let mut size = size;
    for unit in ["B", "KiB", "MiB", "GiB", "TiB"] {
        if size.abs() < 100.0 && unit != "B" {
            return format!("{size:.1} {unit}");
        }
        if size.abs() < 10.0 * 1024.0 || unit == "TiB" {
            return format!("{size:.0} {unit}");
        }
        size /= 1024.0;
    }
    unreachable!("the loop returns at TiB")
}

/// One row in tracemalloc's `str(Statistic)` format.
pub fn statistic(file: &str, m: &LineMemory) -> String {
    let mut text = format!(
        "{file}:{}: size={}, count={}",
        m.line,
        format_size(m.bytes as f64),
        m.count
    );
    if m.count > 0 {
        text.push_str(&format!(
            ", average={}",
            format_size(m.bytes as f64 / m.count as f64)
        ));
    }
    text
}

pub fn memory_ui(ui: &mut Ui, file: &str, rows: Option<&[LineMemory]>) -> Option<Command> {
    let mut cmd = None;
    egui::CollapsingHeader::new(RichText::new("Memory by line").strong())
        .default_open(true)
        .show(ui, |ui| {
            let Some(rows) = rows else {
                ui.label("Not computed for a heap this large.");
                return;
            };
            if rows.is_empty() {
                ui.label("No object created by this program's lines is alive at this step.");
                return;
            }
            ui.label("Live objects by the line that created them (tracemalloc's view):");
            for m in rows.iter().take(10) {
                let text = statistic(file, m);
                if ui
                    .link(RichText::new(text).monospace().small())
                    .on_hover_text("Run to this line")
                    .clicked()
                {
                    cmd = Some(Command::RunToLine(m.line));
                }
            }
            if rows.len() > 10 {
                ui.label(format!("… and {} more lines", rows.len() - 10));
            }
        });
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_formatted_as_tracemalloc_formats_them() {
        // Values checked against python3's tracemalloc._format_size(size, False).
        assert_eq!(format_size(56.0), "56 B");
        assert_eq!(format_size(10239.0), "10239 B");
        assert_eq!(format_size(10240.0), "10.0 KiB");
        assert_eq!(format_size(350000.0), "342 KiB");
        assert_eq!(format_size(160_000_056.0), "153 MiB");
        let m = LineMemory {
            line: 4,
            bytes: 864,
            count: 3,
        };
        assert_eq!(
            statistic("t.py", &m),
            "t.py:4: size=864 B, count=3, average=288 B"
        );
    }
}
