//! The gc panel: generation counts against thresholds, a collect button, and the phases
//! of the collections recorded so far (click to replay one phase by phase).

use eframe::egui::{self, ProgressBar, Ui};

use super::command::Command;
use crate::record::Snapshot;

/// `phases`: the collections' phases recorded so far, (step, phase).
pub fn gc_ui(
    ui: &mut Ui,
    s: &Snapshot,
    at_end: bool,
    phases: &[(usize, String)],
) -> Option<Command> {
    let mut cmd = None;
    ui.strong(format!(
        "Cycle collector ({})",
        if s.gc.enabled { "enabled" } else { "disabled" }
    ));
    for g in 0..3 {
        let (c, t) = (s.gc.count[g], s.gc.threshold[g].max(1));
        ui.add(
            ProgressBar::new((c as f32 / t as f32).min(1.0))
                .text(format!("generation {g}: {c} / {t}")),
        );
    }
    let b = ui.add_enabled(at_end, egui::Button::new(Command::CollectNow.label().0));
    if b.on_hover_text(Command::CollectNow.tooltip())
        .on_disabled_hover_text(
            "Go to the last recorded step first: the collection runs where the program is",
        )
        .clicked()
    {
        cmd = Some(Command::CollectNow);
    }
    egui::ScrollArea::vertical()
        .id_salt("gc phases")
        .max_height(140.0)
        .show(ui, |ui| {
            for (i, name) in phases {
                if ui
                    .selectable_label(s.step as usize == *i, format!("step {i}: gc {name}"))
                    .clicked()
                {
                    cmd = Some(Command::GoTo(*i));
                }
            }
        });
    cmd
}
