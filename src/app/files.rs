//! Open and save: native dialogs (see `dialogs`), an in-app path field (works everywhere,
//! no dialog service needed) and the recent-files list.

use eframe::egui::{self, Ui};

use super::command::Command;
use super::dialogs::{Purpose, UNAVAILABLE};

#[derive(Default)]
pub struct FileBar {
    pub path: String,
    pub message: String,
}

impl FileBar {
    pub fn ui(&mut self, ui: &mut Ui, recent: &[String], dialogs: bool) -> Option<Command> {
        let mut cmd = None;
        ui.horizontal(|ui| {
            ui.label("File");
            let open = ui
                .add_enabled(dialogs, egui::Button::new("Open…"))
                .on_hover_text("Choose a program in a file dialog")
                .on_disabled_hover_text(UNAVAILABLE);
            if open.clicked() {
                cmd = Some(Command::Pick(Purpose::Open));
            }
            let save = ui
                .add_enabled(dialogs, egui::Button::new("Save as…"))
                .on_hover_text("Save the editor's text where a file dialog says")
                .on_disabled_hover_text(UNAVAILABLE);
            if save.clicked() {
                cmd = Some(Command::Pick(Purpose::Save));
            }
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .hint_text("path/to/program.py")
                    .desired_width(320.0),
            );
            if ui.button("Open").clicked()
                || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
            {
                cmd = Some(Command::Open(self.path.clone()));
            }
            if ui
                .button("Save")
                .on_hover_text("Write the editor's text to this path")
                .clicked()
            {
                cmd = Some(Command::Save(self.path.clone()));
            }
            if !recent.is_empty() {
                egui::ComboBox::from_id_salt("recent")
                    .selected_text("Recent")
                    .show_ui(ui, |ui| {
                        for p in recent {
                            if ui.selectable_label(false, p).clicked() {
                                cmd = Some(Command::Open(p.clone()));
                            }
                        }
                    });
            }
            if !self.message.is_empty() {
                ui.label(&self.message);
            }
        });
        cmd
    }
}

/// Reads a program file, as text (a clear message when it is not).
pub fn read_program(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}
