//! Native file dialogs (rfd, through the xdg-desktop-portal or zenity), run on their own
//! thread so the window keeps drawing while one is open; the answer comes back through a
//! channel that the app polls every frame.
//!
//! Where neither a portal (a D-Bus session) nor zenity exists, rfd would show nothing and
//! say nothing. That is detected up front: the dialog buttons are then disabled with a
//! tooltip, and the path fields next to them (which always work) do the job.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a program.
    Open,
    /// Save the editor's text.
    Save,
    /// Export the backrefs picture.
    Export,
}

pub struct Dialogs {
    /// Whether a dialog service exists here (see the module's comment).
    pub available: bool,
    waiting: Option<(Purpose, Receiver<Option<PathBuf>>)>,
}

impl Default for Dialogs {
    fn default() -> Self {
        Dialogs {
            available: service_available(),
            waiting: None,
        }
    }
}

/// Why the dialog buttons are off, for their tooltip.
pub const UNAVAILABLE: &str = "No file dialog service here (no xdg-desktop-portal on a D-Bus session, no zenity): type a path in the field and press the button next to it";

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn service_available() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || on_path("zenity")
}

impl Dialogs {
    /// A dialog is open (its answer has not come back yet).
    pub fn busy(&self) -> bool {
        self.waiting.is_some()
    }

    /// Opens a dialog for `purpose`, starting in the folder of `near` (a path the user
    /// already has), proposing its file name for Save and Export.
    pub fn request(&mut self, purpose: Purpose, near: &str) {
        if !self.available || self.busy() {
            return;
        }
        let near = Path::new(near);
        let dir = near
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok());
        let name = near.file_name().map(|n| n.to_string_lossy().to_string());
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("refscope-dialog".into())
            .spawn(move || {
                let mut d = rfd::FileDialog::new();
                if let Some(dir) = dir {
                    d = d.set_directory(dir);
                }
                let picked = match purpose {
                    Purpose::Open => d
                        .set_title("Open a Python program")
                        .add_filter("Python", &["py"])
                        .pick_file(),
                    Purpose::Save => {
                        if let Some(n) = name {
                            d = d.set_file_name(n);
                        }
                        d.set_title("Save the program")
                            .add_filter("Python", &["py"])
                            .save_file()
                    }
                    Purpose::Export => {
                        if let Some(n) = name {
                            d = d.set_file_name(n);
                        }
                        d.set_title("Export the backrefs picture")
                            .add_filter("PNG picture", &["png"])
                            .add_filter("SVG picture", &["svg"])
                            .add_filter("Graphviz DOT", &["dot"])
                            .save_file()
                    }
                };
                let _ = tx.send(picked);
            });
        if spawned.is_ok() {
            self.waiting = Some((purpose, rx));
        }
    }

    /// The answer of the open dialog, once it came: the chosen path, or None when the
    /// user cancelled.
    pub fn poll(&mut self) -> Option<(Purpose, Option<PathBuf>)> {
        let (purpose, rx) = self.waiting.as_ref()?;
        let purpose = *purpose;
        match rx.try_recv() {
            Ok(path) => {
                self.waiting = None;
                Some((purpose, path))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.waiting = None;
                Some((purpose, None))
            }
        }
    }
}
