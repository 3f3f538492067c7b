//! The app: persisted `Settings` apart from runtime state, the commands applied after
//! drawing, and the window's panels.

use std::collections::BTreeSet;
use std::time::Instant;

use eframe::egui::{self, Color32, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::backrefs::BackrefsView;
use super::command::Command;
use super::examples::EXAMPLES;
use super::files::{FileBar, read_program};
use super::heap_view::{HeapView, ViewOptions, legend_ui};
use super::program::{Goal, Program};
use super::source::SourceView;
use super::{console, controls, gc_panel, inspector, narration, timeline};
use crate::record::{Event, ObjKey, Status};

const SETTINGS_KEY: &str = "refscope.settings";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lecture: bool,
    /// Lecture mode hides refcounts until revealed (predict-then-reveal).
    pub predict: bool,
    pub hide_cached: bool,
    pub recent: Vec<String>,
    pub speed: f32,
    /// The editor's text and file name when the app was closed.
    pub last: Option<(String, String)>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lecture: false,
            predict: true,
            hide_cached: true,
            recent: Vec::new(),
            speed: 4.0,
            last: None,
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
    files: FileBar,
    gc_phases: (usize, Vec<(usize, String)>),
    narration: Option<(usize, Vec<String>)>,
    last_auto: Option<Instant>,
    lecture_applied: Option<bool>,
}

impl RefscopeApp {
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<std::path::PathBuf>) -> Self {
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
        }
        app
    }

    /// An app showing `source` (also what tests build).
    pub fn with_source(source: String, filename: String, settings: Settings) -> Self {
        RefscopeApp {
            settings,
            program: Program::start(source.clone(), filename),
            editor: source,
            breakpoints: BTreeSet::new(),
            selected: None,
            heap: HeapView::default(),
            backrefs: BackrefsView::default(),
            tab: CentralTab::Heap,
            error: None,
            autoplay: false,
            revealed_step: None,
            frame_ms: 0.0,
            files: FileBar::default(),
            gc_phases: (0, Vec::new()),
            narration: None,
            last_auto: None,
            lecture_applied: None,
        }
    }

    fn restart(&mut self, source: String, filename: String) {
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
            Command::ToggleLecture => {
                self.settings.lecture = !self.settings.lecture;
                // The zoom factor changes: fit the graph to the panel again.
                self.heap = HeapView::default();
            }
            Command::Reveal => self.revealed_step = Some(p.cursor),
            Command::ToggleAutoplay => self.autoplay = !self.autoplay,
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
        if self.program.tick(&self.breakpoints) {
            ctx.request_repaint();
        }
        self.autoplay_tick(&ctx);
        let mut cmd = None;
        egui::Panel::top("top").show(ui, |ui| cmd = cmd.take().or(self.top_ui(ui)));
        egui::Panel::bottom("bottom")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                cmd = cmd.take().or(self.bottom_ui(ui));
            });
        let line = self.program.snapshot().map(|s| s.line).unwrap_or(0);
        egui::Panel::left("source")
            .resizable(true)
            .default_size(430.0)
            .show(ui, |ui| {
                let view = SourceView {
                    font_size: if self.settings.lecture { 15.0 } else { 13.0 },
                };
                cmd = cmd
                    .take()
                    .or(view.ui(ui, &mut self.editor, line, &self.breakpoints));
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                cmd = cmd.take().or(self.right_ui(ui));
            });
        egui::CentralPanel::default().show(ui, |ui| cmd = cmd.take().or(self.central_ui(ui)));
        cmds.extend(cmd);
        for c in cmds {
            self.apply(c);
        }
        let ms = started.elapsed().as_secs_f32() * 1000.0;
        self.frame_ms = if self.frame_ms == 0.0 {
            ms
        } else {
            self.frame_ms * 0.9 + ms * 0.1
        };
    }

    fn top_ui(&mut self, ui: &mut Ui) -> Option<Command> {
        let mut cmd = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Examples", |ui| {
                for (i, (name, _)) in EXAMPLES.iter().enumerate() {
                    if ui.button(*name).clicked() {
                        cmd = Some(Command::LoadExample(i));
                    }
                }
            });
            ui.menu_button("View", |ui| {
                ui.checkbox(
                    &mut self.settings.hide_cached,
                    "Fold cached small ints and interned strings",
                );
                ui.checkbox(
                    &mut self.settings.predict,
                    "Lecture: predict refcounts before revealing",
                );
            });
            ui.label(RichText::new(&self.program.filename).strong());
            ui.label(format!(
                "— {} — frame {:.1} ms",
                self.program.status_text(),
                self.frame_ms
            ));
        });
        if let Some(c) = self.files.ui(ui, &self.settings.recent) {
            cmd = Some(c);
        }
        let running = self.program.goal.is_some();
        if let Some(c) = controls::controls_ui(
            ui,
            running,
            &mut self.autoplay,
            &mut self.settings.speed,
            self.settings.lecture,
        ) {
            cmd = Some(c);
        }
        if let Some(e) = self.error.clone() {
            ui.horizontal(|ui| {
                ui.colored_label(Color32::from_rgb(230, 70, 70), e);
                if ui.small_button("✖").clicked() {
                    self.error = None;
                }
            });
        }
        cmd
    }

    fn bottom_ui(&mut self, ui: &mut Ui) -> Option<Command> {
        let cmd = timeline::timeline_ui(ui, self.program.cursor, &self.program.memory);
        if self.settings.lecture {
            self.narration_ui(ui);
        }
        let rec = self.program.session.recording();
        let out = self.program.session.output();
        let at_end = self.program.cursor + 1 >= rec.len() && self.program.finished();
        let upto = if at_end {
            out.len()
        } else {
            rec.step(self.program.cursor).output_len
        };
        let status = self.program.status_text();
        console::console_ui(ui, &out, upto, &status);
        cmd
    }

    fn narration_ui(&mut self, ui: &mut Ui) {
        let cursor = self.program.cursor;
        if self.narration.as_ref().map(|n| n.0) != Some(cursor) {
            let events: Vec<Event> = self.program.events_into_cursor();
            let before =
                (cursor > 0).then(|| self.program.session.recording().state_at(cursor - 1));
            let lines = match self.program.snapshot() {
                Some(after) => narration::narrate(before.as_ref(), after, &events),
                None => Vec::new(),
            };
            self.narration = Some((cursor, lines));
        }
        let lines = &self.narration.as_ref().expect("set above").1;
        let text = if lines.is_empty() {
            "nothing changed on the heap".to_string()
        } else {
            lines
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(";  ")
        };
        ui.label(
            RichText::new(text)
                .size(20.0)
                .color(Color32::from_rgb(255, 220, 90)),
        );
        if self.hide_refcounts() {
            ui.label("Predict the refcounts, then press Space to reveal them.");
        }
    }

    fn right_ui(&mut self, ui: &mut Ui) -> Option<Command> {
        let hide = self.hide_refcounts();
        let selected = self.selected;
        let at_end = self.program.cursor + 1 == self.program.len();
        let mut cmd = None;
        let mut phases = std::mem::take(&mut self.gc_phases);
        self.program.snapshot();
        if let Some(s) = self.program.shown() {
            egui::ScrollArea::vertical()
                .id_salt("right")
                .show(ui, |ui| {
                    cmd = inspector::inspector_ui(ui, s, selected, hide);
                    ui.separator();
                    let rec = self.program.session.recording();
                    cmd = cmd
                        .take()
                        .or(gc_panel::gc_ui(ui, s, rec, at_end, &mut phases));
                });
        }
        self.gc_phases = phases;
        cmd
    }

    fn central_ui(&mut self, ui: &mut Ui) -> Option<Command> {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, CentralTab::Heap, "Heap");
            ui.selectable_value(
                &mut self.tab,
                CentralTab::Backrefs,
                "Backrefs of the selection",
            );
        });
        legend_ui(ui);
        let opts = ViewOptions {
            hide_cached: self.settings.hide_cached,
            hide_refcounts: self.hide_refcounts(),
        };
        let freed: Vec<ObjKey> = self
            .program
            .events_into_cursor()
            .iter()
            .filter_map(|e| match e {
                Event::Free { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        let selected = self.selected;
        let tab_heap = self.tab == CentralTab::Heap;
        let s = self.program.snapshot()?;
        if tab_heap {
            self.heap.ui(ui, s, &freed, selected, &opts)
        } else {
            self.backrefs.ui(ui, s, selected);
            None
        }
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
