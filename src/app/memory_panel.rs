//! The memory panel: the live objects of the shown step grouped by the program line that
//! created them, as `tracemalloc`'s `Snapshot.statistics('lineno')` prints them
//! (`file:line: size=..., count=..., average=...`), largest first. The sizes are the
//! model's `sys.getsizeof`; a click on a line runs to it.

use eframe::egui::{self, RichText, Ui};

use super::command::Command;
use super::program::LineMemory;
use crate::record::MemProfileReport;

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

/// memory_profiler's table for one profiled call: the columns `@profile` prints (`Line #`,
/// `Mem usage`, `Increment`, `Occurrences`, `Line Contents`), with the same numbers.
pub fn profile_rows(report: &MemProfileReport, source: &str) -> Vec<[String; 5]> {
    let lines: Vec<&str> = source.lines().collect();
    (report.first_line..=report.last_line)
        .map(|line| {
            let text = lines
                .get(line as usize - 1)
                .copied()
                .unwrap_or("")
                .to_string();
            match report.rows.iter().find(|r| r.line == line) {
                // Right-aligned as memory_profiler aligns them (in a monospace font).
                Some(r) => [
                    line.to_string(),
                    format!("{:>9}", format!("{:.1} MiB", r.mem_usage)),
                    format!("{:>10}", format!("{:.1} MiB", r.increment)),
                    format!("{:>11}", r.occurrences),
                    text,
                ],
                None => [
                    line.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    text,
                ],
            }
        })
        .collect()
}

/// The memory_profiler tables of the profiled calls that have returned by the shown step,
/// and (`live`, after them) the one still running there, as far as it has run: the
/// newest, or an earlier one chosen above it. Nothing when no `@profile` call has run.
pub fn profile_ui(
    ui: &mut Ui,
    reports: &[MemProfileReport],
    live: Option<&MemProfileReport>,
    source: &str,
) -> Option<Command> {
    let reports: Vec<&MemProfileReport> = reports.iter().chain(live).collect();
    if reports.is_empty() {
        return None;
    }
    let mut cmd = None;
    egui::CollapsingHeader::new(RichText::new("memory_profiler").strong())
        .default_open(true)
        .show(ui, |ui| {
            let id = ui.id().with("profile_choice");
            let last = reports.len() - 1;
            // The user's choice stands until another call comes (or the running one
            // returns): then the newest is shown.
            let mut chosen: usize = ui
                .data(|d| d.get_temp::<(usize, usize, bool)>(id))
                .filter(|&(_, n, running)| n == reports.len() && running == live.is_some())
                .map_or(last, |(c, _, _)| c.min(last));
            if reports.len() > 1 {
                let title = |i: usize| {
                    let running = if live.is_some() && i == last {
                        " (running)"
                    } else {
                        ""
                    };
                    format!(
                        "call {} of {}: {}(){running}",
                        i + 1,
                        reports.len(),
                        reports[i].function
                    )
                };
                egui::ComboBox::from_id_salt(id)
                    .selected_text(title(chosen))
                    .show_ui(ui, |ui| {
                        for i in 0..reports.len() {
                            ui.selectable_value(&mut chosen, i, title(i));
                        }
                    });
                ui.data_mut(|d| d.insert_temp(id, (chosen, reports.len(), live.is_some())));
            }
            let r = reports[chosen];
            if live.is_some() && chosen == last {
                ui.label(format!(
                    "{}() is running: its table so far (@profile prints it when the call \
                     returns; Mem usage is the model's heap):",
                    r.function
                ));
            } else {
                ui.label(format!(
                    "@profile's table for {}(), as it printed it when the call returned \
                     (Mem usage is the model's heap):",
                    r.function
                ));
            }
            egui::ScrollArea::horizontal()
                .id_salt("profile_table")
                .show(ui, |ui| {
                    egui::Grid::new("profile_grid")
                        .striped(true)
                        .spacing([10.0, 2.0])
                        .show(ui, |ui| {
                            for h in [
                                "Line #",
                                "Mem usage",
                                "Increment",
                                "Occurrences",
                                "Line Contents",
                            ] {
                                ui.label(RichText::new(h).monospace().small().strong());
                            }
                            ui.end_row();
                            for row in profile_rows(r, source) {
                                let line: u32 = row[0].parse().unwrap_or(0);
                                if ui
                                    .link(RichText::new(&row[0]).monospace().small())
                                    .on_hover_text("Run to this line")
                                    .clicked()
                                {
                                    cmd = Some(Command::RunToLine(line));
                                }
                                for cell in &row[1..] {
                                    ui.label(RichText::new(cell).monospace().small());
                                }
                                ui.end_row();
                            }
                        });
                });
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
