//! Actions as values: panels return a `Command`, the app applies it after drawing.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::Purpose;
use crate::record::ObjKey;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Restart the program from the editor's text (keeps the user's edits).
    Run,
    /// Run until a breakpoint or the end.
    Continue,
    Pause,
    StepInto,
    StepOver,
    StepOut,
    StepBack,
    /// Run until the line under the editor cursor (or the selected line).
    RunToLine(u32),
    Reset,
    GoTo(usize),
    Select(Option<ObjKey>),
    ToggleBreakpoint(u32),
    CollectNow,
    JumpToCreation(ObjKey),
    LoadExample(usize),
    Open(String),
    Save(String),
    /// Open a native file dialog (its answer arrives in a later frame).
    Pick(Purpose),
    ToggleLecture,
    Reveal,
    ToggleAutoplay,
}

impl Command {
    /// The keyboard shortcut that issues this command, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let k = |m, key| Some(KeyboardShortcut::new(m, key));
        match self {
            Command::Continue => k(Modifiers::NONE, Key::F5),
            Command::StepOver => k(Modifiers::NONE, Key::F10),
            Command::StepInto => k(Modifiers::NONE, Key::F11),
            Command::StepOut => k(Modifiers::SHIFT, Key::F11),
            Command::StepBack => k(Modifiers::SHIFT, Key::F10),
            Command::Pause => k(Modifiers::SHIFT, Key::F5),
            Command::Run => k(Modifiers::CTRL, Key::R),
            Command::ToggleLecture => k(Modifiers::CTRL, Key::L),
            Command::Reveal => k(Modifiers::NONE, Key::Space),
            _ => None,
        }
    }

    /// The button label and its tooltip.
    pub fn label(&self) -> (&'static str, &'static str) {
        match self {
            Command::Run => ("⟲ Run", "Restart the program from the editor's text"),
            Command::Continue => ("▶ Continue", "Run to the next breakpoint or the end"),
            Command::Pause => ("⏸ Pause", "Stop running (also stops an endless loop)"),
            Command::StepInto => ("Step into", "Go to the next step, entering calls"),
            Command::StepOver => ("Step over", "Go to the next line in this frame"),
            Command::StepOut => ("Step out", "Run until this frame returns"),
            Command::StepBack => ("◀ Step back", "Go back one step (instant)"),
            Command::Reset => ("⏮ Reset", "Back to the first step"),
            Command::CollectNow => ("gc.collect()", "Run a collection in the program's world"),
            Command::ToggleLecture => ("Lecture mode", "Large fonts, high contrast, narration"),
            Command::Reveal => ("Reveal", "Show the refcounts you predicted"),
            Command::ToggleAutoplay => ("Autoplay", "Step forward by itself"),
            _ => ("", ""),
        }
    }

    /// Tooltip text with the shortcut appended.
    pub fn tooltip(&self) -> String {
        let (_, tip) = self.label();
        match self.shortcut() {
            Some(s) => format!(
                "{tip} ({})",
                s.format(&eframe::egui::ModifierNames::NAMES, false)
            ),
            None => tip.to_string(),
        }
    }

    /// Every command that has a shortcut, in the order they are checked.
    pub fn with_shortcuts() -> Vec<Command> {
        vec![
            Command::StepOut,
            Command::StepBack,
            Command::Pause,
            Command::Continue,
            Command::StepOver,
            Command::StepInto,
            Command::Run,
            Command::ToggleLecture,
            Command::Reveal,
        ]
    }
}
