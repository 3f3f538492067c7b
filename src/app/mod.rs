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
pub use heap_view::MAX_DRAWN;
pub use memory_panel::format_size;
pub use program::{ASYNC_OBJECTS, Program, VIEW};
pub use state::{RefscopeApp, Settings};

/// Opens the window, optionally with a program file loaded; returns the exit code.
/// `FILE.py` or `FILE.py:LINE` as given on the command line; `None` for anything else
/// (a subcommand, a file that is not Python source).
pub fn parse_target(arg: &str) -> Option<(std::path::PathBuf, Option<u32>)> {
    if arg.ends_with(".py") {
        return Some((arg.into(), None));
    }
    let (file, line) = arg.rsplit_once(':')?;
    let line = line.parse().ok().filter(|&l| l > 0)?;
    file.ends_with(".py").then(|| (file.into(), Some(line)))
}

pub fn run_window(path: Option<std::path::PathBuf>, line: Option<u32>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("refscope")
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "refscope",
        options,
        Box::new(move |cc| Ok(Box::new(RefscopeApp::new(cc, path, line)))),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("refscope: could not open the window: {e}");
            2
        }
    }
}
