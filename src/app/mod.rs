//! The desktop app: step through a program and watch its heap. A thin client of the
//! library: the program runs in a `record::Session` (its own thread, paused between steps
//! the app allows), and every picture is a `Snapshot` from the recording, so stepping back
//! is as instant as stepping forward. Owns the window, the panels and the user's
//! commands; never touches the VM.

mod heap_view;
mod panels;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use egui::{Key, Pos2};

use crate::record::{ObjKey, Session, SessionOptions, Snapshot, Status, StepKind};

/// The examples of the seed article, bundled.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "01_object_lifecycle.py",
        include_str!("../../assets/examples/01_object_lifecycle.py"),
    ),
    (
        "02_reference_cycles_and_gc.py",
        include_str!("../../assets/examples/02_reference_cycles_and_gc.py"),
    ),
    (
        "03_small_int_cache_and_identity.py",
        include_str!("../../assets/examples/03_small_int_cache_and_identity.py"),
    ),
    (
        "04_generators_vs_lists.py",
        include_str!("../../assets/examples/04_generators_vs_lists.py"),
    ),
    (
        "05_releasing_objects.py",
        include_str!("../../assets/examples/05_releasing_objects.py"),
    ),
    (
        "06_slots.py",
        include_str!("../../assets/examples/06_slots.py"),
    ),
    (
        "07_array.py",
        include_str!("../../assets/examples/07_array.py"),
    ),
    (
        "08_memory_profiler.py",
        include_str!("../../assets/examples/08_memory_profiler.py"),
    ),
    (
        "09_objgraph.py",
        include_str!("../../assets/examples/09_objgraph.py"),
    ),
    (
        "10_tracemalloc.py",
        include_str!("../../assets/examples/10_tracemalloc.py"),
    ),
    (
        "11_linked_list_cycle.py",
        include_str!("../../assets/examples/11_linked_list_cycle.py"),
    ),
    (
        "12_cache_leak_global_dict.py",
        include_str!("../../assets/examples/12_cache_leak_global_dict.py"),
    ),
    (
        "13_closures_keep_objects_alive.py",
        include_str!("../../assets/examples/13_closures_keep_objects_alive.py"),
    ),
];

/// Steps the engine may run ahead of the cursor while the user steps.
const LOOKAHEAD: usize = 2_000;

pub struct RefscopeApp {
    filename: String,
    source: String,
    session: Session,
    /// The step shown.
    cursor: usize,
    snapshot: Option<(usize, Snapshot)>,
    selected: Option<ObjKey>,
    breakpoints: BTreeSet<u32>,
    /// Running towards a breakpoint or the end.
    running: bool,
    lecture: bool,
    show_cached: bool,
    /// Where each object is drawn: kept while it lives, so the picture is stable.
    positions: HashMap<ObjKey, Pos2>,
    editing: bool,
    /// Predict-then-reveal: refcounts hidden until R is pressed at this step.
    hide_refcounts: bool,
    revealed: Option<usize>,
    narration: Option<(usize, Vec<String>)>,
}

fn start(source: &str, filename: &str) -> Session {
    let mut s = Session::start(
        source.to_string(),
        filename.to_string(),
        SessionOptions::default(),
    );
    s.run_to(LOOKAHEAD);
    s
}

impl RefscopeApp {
    pub fn new(filename: String, source: String) -> RefscopeApp {
        let session = start(&source, &filename);
        RefscopeApp {
            filename,
            source,
            session,
            cursor: 0,
            snapshot: None,
            selected: None,
            breakpoints: BTreeSet::new(),
            running: false,
            lecture: false,
            show_cached: false,
            positions: HashMap::new(),
            editing: false,
            hide_refcounts: false,
            revealed: None,
            narration: None,
        }
    }

    /// Opens another program (an example or a file's text).
    fn load(&mut self, filename: String, source: String) {
        *self = RefscopeApp {
            lecture: self.lecture,
            show_cached: self.show_cached,
            hide_refcounts: self.hide_refcounts,
            ..RefscopeApp::new(filename, source)
        };
    }

    fn rerun(&mut self) {
        let (f, s) = (self.filename.clone(), self.source.clone());
        let bps = std::mem::take(&mut self.breakpoints);
        self.load(f, s);
        self.breakpoints = bps;
    }

    fn len(&self) -> usize {
        self.session.recording().len()
    }

    fn finished(&self) -> bool {
        matches!(
            self.session.status(),
            Status::Finished { .. } | Status::LimitReached(_)
        )
    }

    /// Moves the cursor, keeping the engine ahead of it.
    fn go_to(&mut self, step: usize) {
        let last = self.len().saturating_sub(1);
        self.cursor = step.min(last);
        if !self.finished() && self.cursor + LOOKAHEAD / 2 > self.len() {
            self.session.run_to(self.cursor + LOOKAHEAD);
        }
    }

    /// Step over: the next line step at this depth or shallower.
    fn step_over(&mut self) {
        let rec = self.session.recording();
        let depth = rec.step(self.cursor).depth;
        let mut i = self.cursor + 1;
        while i < self.len() {
            let s = rec.step(i);
            if (s.kind == StepKind::Line && s.depth <= depth) || s.kind == StepKind::End {
                break;
            }
            i += 1;
        }
        self.go_to(i);
    }

    /// Step into: the next line step anywhere.
    fn step_into(&mut self) {
        let rec = self.session.recording();
        let mut i = self.cursor + 1;
        while i < self.len() && !matches!(rec.step(i).kind, StepKind::Line | StepKind::End) {
            i += 1;
        }
        self.go_to(i);
    }

    /// Step out: the first line step in a shallower frame.
    fn step_out(&mut self) {
        let rec = self.session.recording();
        let depth = rec.step(self.cursor).depth;
        let mut i = self.cursor + 1;
        while i < self.len() {
            let s = rec.step(i);
            if (s.kind == StepKind::Line && s.depth < depth) || s.kind == StepKind::End {
                break;
            }
            i += 1;
        }
        self.go_to(i);
    }

    /// Step back over: the previous line step at this depth or shallower.
    fn step_back(&mut self) {
        let rec = self.session.recording();
        let depth = rec.step(self.cursor).depth;
        let mut i = self.cursor.saturating_sub(1);
        while i > 0 {
            let s = rec.step(i);
            if s.kind == StepKind::Line && s.depth <= depth {
                break;
            }
            i -= 1;
        }
        self.cursor = i;
    }

    /// While running: advance to the next breakpoint (or the end) as steps arrive.
    fn advance_run(&mut self) {
        let rec = self.session.recording();
        let n = rec.len();
        let mut i = self.cursor + 1;
        while i < n {
            let s = rec.step(i);
            if s.kind == StepKind::Line && self.breakpoints.contains(&s.line) {
                self.running = false;
                break;
            }
            i += 1;
        }
        let stop = i.min(n.saturating_sub(1));
        self.cursor = stop;
        if self.running {
            if self.finished() {
                self.running = false;
            } else {
                self.session.run_to(n + LOOKAHEAD * 10);
            }
        }
    }

    fn snapshot(&mut self) -> Option<&Snapshot> {
        if self.len() == 0 {
            return None;
        }
        if self.snapshot.as_ref().map(|(i, _)| *i) != Some(self.cursor) {
            let s = self.session.recording().state_at(self.cursor);
            self.snapshot = Some((self.cursor, s));
        }
        self.snapshot.as_ref().map(|(_, s)| s)
    }

    fn keys(&mut self, ctx: &egui::Context) {
        let (f5, f10, f11, shift, back, reveal) = ctx.input(|i| {
            (
                i.key_pressed(Key::F5),
                i.key_pressed(Key::F10),
                i.key_pressed(Key::F11),
                i.modifiers.shift,
                i.key_pressed(Key::F9),
                i.key_pressed(Key::R),
            )
        });
        if reveal {
            self.revealed = Some(self.cursor);
        }
        if f5 {
            self.running = true;
        }
        if f10 {
            self.step_over();
        }
        if f11 && shift {
            self.step_out();
        } else if f11 {
            self.step_into();
        }
        if back {
            self.step_back();
        }
    }
}

impl eframe::App for RefscopeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.session.pump() && self.running {
            ctx.request_repaint();
        }
        if self.running {
            self.advance_run();
        }
        if !self.editing {
            self.keys(&ctx);
        }
        // Lecture mode: larger, high-contrast (light) and narrated.
        let zoom = if self.lecture { 1.2 } else { 1.0 };
        if ctx.zoom_factor() != zoom {
            ctx.set_zoom_factor(zoom);
            ctx.set_visuals(if self.lecture {
                egui::Visuals::light()
            } else {
                egui::Visuals::dark()
            });
        }
        panels::toolbar(self, ui);
        panels::console(self, ui);
        panels::source(self, ui);
        panels::inspector(self, ui);
        egui::CentralPanel::default().show(ui, |ui| heap_view::show(self, ui));
        if self.running || matches!(self.session.status(), Status::Running) {
            ctx.request_repaint();
        }
    }
}

/// Opens the window on `file` (or the first example). Returns the exit code.
pub fn run(file: Option<PathBuf>) -> i32 {
    let (name, source) = match &file {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(s) => (p.to_string_lossy().to_string(), s),
            Err(e) => {
                eprintln!("refscope: can't open file '{}': {e}", p.display());
                return 2;
            }
        },
        None => (EXAMPLES[1].0.to_string(), EXAMPLES[1].1.to_string()),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title("refscope"),
        ..Default::default()
    };
    let r = eframe::run_native(
        "refscope",
        options,
        Box::new(move |_cc| Ok(Box::new(RefscopeApp::new(name, source)))),
    );
    match r {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("refscope: could not open the window: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app_on(example: &str) -> RefscopeApp {
        let (name, src) = EXAMPLES
            .iter()
            .find(|(n, _)| n.starts_with(example))
            .expect("a bundled example");
        let mut app = RefscopeApp::new(name.to_string(), src.to_string());
        app.session.wait();
        app.session.pump();
        app
    }

    fn line(app: &RefscopeApp) -> u32 {
        app.session.recording().step(app.cursor).line
    }

    #[test]
    fn stepping_shows_the_cycle_then_steps_back() {
        let mut app = app_on("02_");
        // Step over module-level lines until `create_cycle()` has returned (line 23).
        while line(&app) != 23 {
            let before = app.cursor;
            app.step_over();
            app.session.wait();
            app.session.pump();
            assert!(
                app.cursor > before,
                "stepping moves forward from step {before} (line {}), len {}, status {:?}",
                line(&app),
                app.len(),
                app.session.status()
            );
        }
        let snap = app.snapshot().cloned().expect("a snapshot");
        let garbage = crate::analysis::unreachable(&snap);
        let lists: Vec<_> = snap
            .objects
            .iter()
            .filter(|o| o.type_name == "list" && garbage.contains(&o.id))
            .collect();
        assert_eq!(lists.len(), 2, "list1 and list2 wait for the collector");
        for l in &lists {
            // What the inspector lists: one holder, the other list's [0].
            assert_eq!(l.refcount, 1);
            let holders = snap.holders_of(l.id);
            assert_eq!(holders.len(), 1);
            assert_eq!(holders[0].label, "[0]");
            assert!(crate::analysis::why_alive(&snap, l.id).is_none());
        }
        // The heap view draws them (and places them once).
        let shown = heap_view_visible(&snap);
        assert!(lists.iter().all(|l| shown.contains(&l.id)));
        app.step_back();
        assert_eq!(line(&app), 22, "back to the line that created the cycle");
        let before = app.snapshot().cloned().expect("a snapshot");
        assert!(crate::analysis::unreachable(&before).is_empty());
    }

    fn heap_view_visible(snap: &Snapshot) -> Vec<ObjKey> {
        heap_view::visible_for_tests(snap)
    }

    #[test]
    fn breakpoints_stop_a_run() {
        let mut app = app_on("11_");
        app.breakpoints.insert(41);
        app.running = true;
        for _ in 0..1000 {
            app.session.pump();
            app.advance_run();
            if !app.running {
                break;
            }
            app.session.wait();
        }
        assert!(!app.running);
        assert_eq!(line(&app), 41);
    }
}
