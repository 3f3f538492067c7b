//! The console: the program's output and tracebacks up to the step shown.

use eframe::egui::{self, RichText, Ui};

/// Shows `shown` (what had been written at the cursor's step) in all the room left, or,
/// with `max_lines` (lecture mode), beside its title and as tall as its lines: one at
/// least, scrolling past `max_lines` (the top bar says the program's status).
pub fn console_ui(ui: &mut Ui, shown: &str, status: &str, max_lines: Option<usize>) {
    let Some(n) = max_lines else {
        ui.horizontal(|ui| {
            ui.strong("Console");
            ui.label(format!("— program {status}"));
        });
        egui::ScrollArea::vertical()
            .stick_to_bottom(true)
            .auto_shrink([false, false])
            .show(ui, |ui| lines_ui(ui, shown));
        return;
    };
    ui.horizontal_top(|ui| {
        ui.strong("Console");
        let row = ui.text_style_height(&egui::TextStyle::Monospace);
        // The lines' height asked for, not only what the panel had left: the panel is
        // sized by its content, and grows to it in the next frame.
        let lines = shown.lines().count().clamp(1, n.max(1));
        egui::ScrollArea::vertical()
            .stick_to_bottom(true)
            .auto_shrink([false, true])
            .min_scrolled_height((row + ui.spacing().item_spacing.y) * lines as f32)
            .max_height((row + ui.spacing().item_spacing.y) * n as f32)
            .show(ui, |ui| {
                ui.set_min_height(row);
                lines_ui(ui, shown);
            });
    });
}

/// The output's lines, tracebacks and errors in red.
fn lines_ui(ui: &mut Ui, shown: &str) {
    for line in shown.lines() {
        let t = RichText::new(line).monospace();
        if line.starts_with("Traceback") || line.contains("Error") {
            ui.label(t.color(egui::Color32::from_rgb(220, 60, 60)));
        } else {
            ui.label(t);
        }
    }
}
