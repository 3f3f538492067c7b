//! The toolbar: run, pause, steps, autoplay, lecture mode; and the keyboard shortcuts.

use eframe::egui::{self, Ui};

use super::command::Command;

/// Buttons for the run controls; returns the command clicked.
pub fn controls_ui(
    ui: &mut Ui,
    running: bool,
    autoplay: &mut bool,
    speed: &mut f32,
    lecture: bool,
) -> Option<Command> {
    let mut cmd = None;
    ui.horizontal_wrapped(|ui| {
        let mut button = |ui: &mut Ui, c: Command| {
            if ui.button(c.label().0).on_hover_text(c.tooltip()).clicked() {
                cmd = Some(c);
            }
        };
        button(ui, Command::Run);
        if running {
            button(ui, Command::Pause);
        } else {
            button(ui, Command::Continue);
        }
        button(ui, Command::StepBack);
        button(ui, Command::StepInto);
        button(ui, Command::StepOver);
        button(ui, Command::StepOut);
        button(ui, Command::Reset);
        ui.separator();
        ui.checkbox(autoplay, "Autoplay")
            .on_hover_text(Command::ToggleAutoplay.tooltip());
        ui.add(
            egui::Slider::new(speed, 0.5..=30.0)
                .logarithmic(true)
                .suffix(" steps/s"),
        );
        ui.separator();
        let mut l = lecture;
        if ui
            .toggle_value(&mut l, Command::ToggleLecture.label().0)
            .on_hover_text(Command::ToggleLecture.tooltip())
            .clicked()
        {
            cmd = Some(Command::ToggleLecture);
        }
    });
    cmd
}

/// The command whose shortcut was pressed this frame (consumed so text fields don't see it).
pub fn shortcut_pressed(ctx: &egui::Context, typing: bool) -> Option<Command> {
    Command::with_shortcuts().into_iter().find(|c| {
        let sc = c.shortcut().expect("listed commands have shortcuts");
        // Space reveals only when no text field has the keyboard.
        if typing && sc.logical_key == egui::Key::Space {
            return false;
        }
        ctx.input_mut(|i| i.consume_shortcut(&sc))
    })
}
