//! The app: persisted `Settings` apart from runtime state, the commands applied after
//! drawing, and the frame's order (panels are drawn by `panels.rs`).

use std::collections::BTreeSet;
use std::time::Instant;

use eframe::egui::{self, Color32, Ui};
use serde::{Deserialize, Serialize};

use super::backrefs::BackrefsView;
use super::command::Command;
use super::controls;
use super::dialogs::{Dialogs, Purpose};
use super::examples::EXAMPLES;
use super::files::{FileBar, read_program};
use super::heap_view::HeapView;
use super::program::{Goal, Program};
use super::source::SourceView;
use crate::record::{ObjKey, Status};

const SETTINGS_KEY: &str = "refscope.settings";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lecture: bool,
    /// Lecture mode hides refcounts until revealed (predict-then-reveal).
    pub predict: bool,
    pub hide_cached: bool,
    /// Fold code objects, constants and other interpreter plumbing.
    pub hide_internals: bool,
    pub recent: Vec<String>,
    pub speed: f32,
    /// The editor's text and file name when the app was closed.
    pub last: Option<(String, String)>,
    /// Breakpoint lines by program file name, kept between runs.
    pub breakpoints: std::collections::BTreeMap<String, BTreeSet<u32>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lecture: false,
            predict: true,
            hide_cached: true,
            hide_internals: true,
            recent: Vec::new(),
            speed: 4.0,
            last: None,
            breakpoints: Default::default(),
        }
    }
}

#[derive(PartialEq)]
pub enum CentralTab {
    Heap,
    Backrefs,
}

pub struct RefscopeApp {
    pub settings: Settings,
    pub program: Program,
    pub editor: String,
    pub breakpoints: BTreeSet<u32>,
    pub selected: Option<ObjKey>,
    pub heap: HeapView,
    pub backrefs: BackrefsView,
    pub tab: CentralTab,
    pub error: Option<String>,
    pub autoplay: bool,
    pub revealed_step: Option<usize>,
    /// Milliseconds spent building the last frames' UI (moving average).
    pub frame_ms: f32,
    /// The height of the bottom panel (timeline, narration, console) in the last frame,
    /// in UI points.
    pub bottom_height: f32,
    pub(super) files: FileBar,
    pub(super) dialogs: Dialogs,
    pub(super) gc_phases: (usize, Vec<(usize, String)>),
    pub(super) narration: Option<(usize, Vec<String>)>,
    last_auto: Option<Instant>,
    lecture_applied: Option<bool>,
}

impl RefscopeApp {
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        path: Option<std::path::PathBuf>,
        line: Option<u32>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let (source, name) = settings
            .last
            .clone()
            .unwrap_or_else(|| (EXAMPLES[0].1.to_string(), EXAMPLES[0].0.to_string()));
        let mut app = RefscopeApp::with_source(source, name, settings);
        if let Some(p) = path {
            app.apply(Command::Open(p.display().to_string()));
            if let Some(l) = line {
                app.apply(Command::RunToLine(l));
            }
        }
        app
    }

    /// An app showing `source` (also what tests build).
    pub fn with_source(source: String, filename: String, settings: Settings) -> Self {
        let breakpoints = settings
            .breakpoints
            .get(&filename)
            .cloned()
            .unwrap_or_default();
        RefscopeApp {
            settings,
            program: Program::start(source.clone(), filename),
            editor: source,
            breakpoints,
            selected: None,
            heap: HeapView::default(),
            backrefs: BackrefsView::default(),
            tab: CentralTab::Heap,
            error: None,
            autoplay: false,
            revealed_step: None,
            frame_ms: 0.0,
            bottom_height: 0.0,
            files: FileBar::default(),
            dialogs: Dialogs::default(),
            gc_phases: (0, Vec::new()),
            narration: None,
            last_auto: None,
            lecture_applied: None,
        }
    }

    fn restart(&mut self, source: String, filename: String) {
        if filename != self.program.filename {
            self.breakpoints = self
                .settings
                .breakpoints
                .get(&filename)
                .cloned()
                .unwrap_or_default();
        }
        self.program = Program::start(source.clone(), filename);
        self.editor = source;
        self.selected = None;
        self.heap = HeapView::default();
        self.gc_phases = (0, Vec::new());
        self.narration = None;
    }

    pub fn hide_refcounts(&self) -> bool {
        self.settings.lecture
            && self.settings.predict
            && self.revealed_step != Some(self.program.cursor)
    }

    pub fn apply(&mut self, cmd: Command) {
        let p = &mut self.program;
        match cmd {
            Command::Run => {
                let name = p.filename.clone();
                self.restart(self.editor.clone(), name);
            }
            Command::Continue => p.goal = Some(Goal::Continue),
            Command::Pause => {
                p.goal = None;
                self.autoplay = false;
            }
            Command::StepInto => p.goal = Some(Goal::Into),
            Command::StepOver => p.goal = Some(Goal::Over(p.current_depth())),
            Command::StepOut => p.goal = Some(Goal::Out(p.current_depth())),
            Command::StepBack => {
                p.goal = None;
                p.cursor = p.cursor.saturating_sub(1);
            }
            Command::RunToLine(l) => p.goal = Some(Goal::Line(l)),
            Command::Reset => {
                p.goal = None;
                p.cursor = 0;
            }
            Command::GoTo(i) => {
                p.goal = None;
                if i < p.len() {
                    p.cursor = i
                } else {
                    p.goal = Some(Goal::Step(i))
                }
            }
            Command::Select(id) => self.selected = id,
            Command::ToggleBreakpoint(l) => {
                if !self.breakpoints.remove(&l) {
                    self.breakpoints.insert(l);
                }
                // Remembered with the settings, per program file.
                let name = self.program.filename.clone();
                if self.breakpoints.is_empty() {
                    self.settings.breakpoints.remove(&name);
                } else {
                    self.settings
                        .breakpoints
                        .insert(name, self.breakpoints.clone());
                }
            }
            Command::CollectNow => {
                let len = p.len();
                if p.cursor + 1 == len && *p.session.status() == Status::Paused {
                    p.session.collect_now();
                    p.goal = Some(Goal::Step(len));
                } else {
                    self.error = Some("gc.collect() runs where the program is: go to the last recorded step first".into());
                }
            }
            Command::JumpToCreation(id) => match p.creation_step(id) {
                Some(i) => p.cursor = i,
                None => {
                    self.error = Some(format!(
                        "#{id} was created by the runtime before the program started"
                    ))
                }
            },
            Command::LoadExample(i) => {
                if let Some((name, src)) = EXAMPLES.get(i) {
                    self.restart(src.to_string(), name.to_string());
                }
            }
            Command::Open(path) => match read_program(&path) {
                Ok(src) => {
                    self.restart(src, path.clone());
                    self.files.path = path.clone();
                    self.settings.recent.retain(|r| *r != path);
                    self.settings.recent.insert(0, path);
                    self.settings.recent.truncate(10);
                    self.error = None;
                }
                Err(e) => self.error = Some(e),
            },
            Command::Save(path) => match std::fs::write(&path, &self.editor) {
                Ok(()) => self.files.message = format!("saved {path}"),
                Err(e) => self.error = Some(format!("cannot save {path}: {e}")),
            },
            Command::Pick(purpose) => {
                let near = match purpose {
                    Purpose::Open | Purpose::Save => {
                        if self.files.path.is_empty() {
                            self.program.filename.clone()
                        } else {
                            self.files.path.clone()
                        }
                    }
                    Purpose::Export => self.backrefs.path.clone(),
                };
                self.dialogs.request(purpose, &near);
            }
            Command::ToggleLecture => {
                self.settings.lecture = !self.settings.lecture;
                // The look and the panel's size change: fit the graph to the panel again.
                self.heap.refit();
            }
            Command::Reveal => self.revealed_step = Some(p.cursor),
            Command::ToggleAutoplay => self.autoplay = !self.autoplay,
        }
    }

    /// Takes in what an open file dialog answered (a cancel changes nothing).
    fn dialog_answers(&mut self, ctx: &egui::Context) {
        if self.dialogs.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let Some((purpose, Some(path))) = self.dialogs.poll() else {
            return;
        };
        let path = path.display().to_string();
        match purpose {
            Purpose::Open => self.apply(Command::Open(path)),
            Purpose::Save => {
                self.files.path = path.clone();
                self.apply(Command::Save(path));
            }
            Purpose::Export => {
                self.backrefs.path = path;
                self.backrefs.export_now = true;
                self.tab = CentralTab::Backrefs;
            }
        }
    }

    fn apply_lecture_style(&mut self, ctx: &egui::Context) {
        if self.lecture_applied == Some(self.settings.lecture) {
            return;
        }
        self.lecture_applied = Some(self.settings.lecture);
        if self.settings.lecture {
            let mut v = egui::Visuals::dark();
            v.override_text_color = Some(Color32::WHITE);
            v.panel_fill = Color32::BLACK;
            v.window_fill = Color32::BLACK;
            v.extreme_bg_color = Color32::from_gray(20);
            ctx.set_visuals(v);
            ctx.set_zoom_factor(1.35);
        } else {
            ctx.set_visuals(egui::Visuals::dark());
            ctx.set_zoom_factor(1.0);
        }
    }

    fn autoplay_tick(&mut self, ctx: &egui::Context) {
        if !self.autoplay {
            return;
        }
        let due = self
            .last_auto
            .is_none_or(|t| t.elapsed().as_secs_f32() >= 1.0 / self.settings.speed);
        if due && self.program.goal.is_none() {
            if self.program.finished() && self.program.cursor + 1 >= self.program.len() {
                self.autoplay = false;
            } else {
                self.apply(Command::StepInto);
                self.last_auto = Some(Instant::now());
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(30));
    }

    /// Draws the whole window into `ui` and applies the commands its panels return.
    pub fn ui_all(&mut self, ui: &mut Ui) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        self.apply_lecture_style(&ctx);
        let typing = ctx.memory(|m| m.focused().is_some());
        let mut cmds: Vec<Command> = controls::shortcut_pressed(&ctx, typing)
            .into_iter()
            .collect();
        // While a view is computed on the worker, the engine's progress waits: both need
        // the recording, and the view of where the cursor is comes first.
        self.program.poll_view();
        if self.program.pending_step().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(15));
        } else if self.program.tick(&self.breakpoints) {
            ctx.request_repaint();
        }
        self.dialog_answers(&ctx);
        // A view of a heap too large to show whole is chosen around the selection.
        self.program.focus = self.selected;
        self.program.update_view();
        // A file dropped on the window is opened like one chosen in a dialog.
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .first()
                .map(|f| f.path().display().to_string())
        });
        if let Some(path) = dropped {
            self.apply(Command::Open(path));
        }
        self.autoplay_tick(&ctx);
        let mut cmd = None;
        egui::Panel::top("top").show(ui, |ui| cmd = cmd.take().or(self.top_ui(ui)));
        // Lecture mode's bottom is as tall as what it shows (the narration, a short plot,
        // the console's lines), so that the heap keeps the height of the room.
        let bottom = if self.settings.lecture {
            egui::Panel::bottom("bottom_lecture").resizable(false)
        } else {
            egui::Panel::bottom("bottom")
                .resizable(true)
                .default_size(230.0)
        };
        let shown = bottom.show(ui, |ui| {
            cmd = cmd.take().or(self.bottom_ui(ui));
        });
        // A panel sized by its content takes its new height in the next frame.
        let height = shown.response.rect.height();
        if (height - self.bottom_height).abs() > 0.5 {
            ctx.request_repaint();
        }
        self.bottom_height = height;
        let line = self.program.shown().map(|s| s.line).unwrap_or(0);
        let memory = self.program.memory_by_line();
        // Lecture mode magnifies everything by 1.35: its panels are their own (their own
        // remembered widths), narrower at the sides, so that the heap keeps the middle.
        let lecture = self.settings.lecture;
        let (source_id, source_w, inspector_id, inspector_w) = if lecture {
            ("source_lecture", 300.0, "inspector_lecture", 220.0)
        } else {
            ("source", 430.0, "inspector", 330.0)
        };
        egui::Panel::left(source_id)
            .resizable(true)
            .default_size(source_w)
            .show(ui, |ui| {
                let view = SourceView {
                    font_size: if lecture { 15.0 } else { 13.0 },
                    memory: memory.as_deref().map(|m| m.as_slice()),
                };
                cmd = cmd
                    .take()
                    .or(view.ui(ui, &mut self.editor, line, &self.breakpoints));
            });
        egui::Panel::right(inspector_id)
            .resizable(true)
            .default_size(inspector_w)
            .show(ui, |ui| {
                cmd = cmd.take().or(self.right_ui(ui));
            });
        egui::CentralPanel::default().show(ui, |ui| cmd = cmd.take().or(self.central_ui(ui)));
        cmds.extend(cmd);
        for c in cmds {
            self.apply(c);
        }
        // After the panels read the recording: a large heap's next view is computed on
        // the worker while the frames show the one before.
        self.program.focus = self.selected;
        self.program.request_view();
        if self.program.pending_step().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(15));
        }
        let ms = started.elapsed().as_secs_f32() * 1000.0;
        self.frame_ms = if self.frame_ms == 0.0 {
            ms
        } else {
            self.frame_ms * 0.9 + ms * 0.1
        };
    }
}

impl eframe::App for RefscopeApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_all(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.last = Some((self.editor.clone(), self.program.filename.clone()));
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
