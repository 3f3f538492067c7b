//! The desktop app (feature `gui`): the eframe window that runs a program through a
//! `record::Session` and shows its heap step by step. Owns the persisted `Settings`, the
//! running `Program` (session, cursor, stable layout), the panels (one file each: source,
//! heap graph, inspector, console, timeline, gc, backrefs, files) and the `Command`s they
//! return. It only reads the engine through `record`, `analysis` and `export`; it never
//! touches VM or heap state directly.

mod backrefs;
mod command;
mod console;
mod controls;
mod dialogs;
mod examples;
mod files;
mod gc_panel;
mod heap_view;
mod inspector;
mod layout;
mod memory_panel;
mod narration;
mod panels;
mod program;
mod source;
mod state;
mod timeline;

pub use command::Command;
pub use examples::EXAMPLES;
pub use program::Program;
pub use state::{RefscopeApp, Settings};

/// Opens the window, optionally with a program file loaded; returns the exit code.
pub fn run_window(path: Option<std::path::PathBuf>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("refscope")
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "refscope",
        options,
        Box::new(move |cc| Ok(Box::new(RefscopeApp::new(cc, path)))),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("refscope: could not open the window: {e}");
            2
        }
    }
}
