//! The console: the program's output and tracebacks up to the step shown.

use eframe::egui::{self, RichText, Ui};

/// Shows `output` cut at `upto` bytes (what had been written at the cursor's step).
pub fn console_ui(ui: &mut Ui, output: &str, upto: usize, status: &str) {
    ui.horizontal(|ui| {
        ui.strong("Console");
        ui.label(format!("— program {status}"));
    });
    let mut end = upto.min(output.len());
    while !output.is_char_boundary(end) {
        end -= 1;
    }
    let shown = &output[..end];
    egui::ScrollArea::vertical()
        .stick_to_bottom(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for line in shown.lines() {
                let t = RichText::new(line).monospace();
                if line.starts_with("Traceback") || line.contains("Error") {
                    ui.label(t.color(egui::Color32::from_rgb(220, 60, 60)));
                } else {
                    ui.label(t);
                }
            }
        });
}
