//! The window's panels around the heap graph: the top bar (menus, files, controls,
//! errors), the bottom (timeline, narration, console), the right (inspector, gc) and the
//! centre (heap graph or backrefs view). Each returns the command its widgets issued.

use eframe::egui::{self, Color32, RichText, Ui};

use super::command::Command;
use super::examples::EXAMPLES;
use super::heap_view::{ViewOptions, legend_ui};
use super::state::{CentralTab, RefscopeApp};
use super::{console, controls, gc_panel, inspector, memory_panel, narration, timeline};

impl RefscopeApp {
    pub(super) fn top_ui(&mut self, ui: &mut Ui) -> Option<Command> {
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
                    &mut self.settings.hide_internals,
                    "Fold code objects, constants and other interpreter plumbing",
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
        if let Some(c) = self
            .files
            .ui(ui, &self.settings.recent, self.dialogs.available)
        {
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

    /// The timeline and the console; in lecture mode the step's narration first, a
    /// shorter plot, and a console only as tall as its lines.
    pub(super) fn bottom_ui(&mut self, ui: &mut Ui) -> Option<Command> {
        let lecture = self.settings.lecture;
        if lecture {
            self.narration_ui(ui);
        }
        let cmd = timeline::timeline_ui(
            ui,
            self.program.cursor,
            &self.program.memory,
            &self.program.series,
            lecture,
        );
        let out = self.program.console();
        let status = self.program.status_text();
        let max_lines = lecture.then_some(4);
        console::console_ui(ui, &out, &status, max_lines);
        cmd
    }

    /// The narration of the step shown (the cursor's, once its view is computed).
    fn narration_ui(&mut self, ui: &mut Ui) {
        let Some(step) = self.program.shown().map(|s| s.step as usize) else {
            return;
        };
        if self.narration.as_ref().map(|n| n.0) != Some(step) {
            let events = self.program.events_into_shown();
            // Of a large heap only the step's events are told (the view itself stands
            // for the one before): a summarized view holds a part of the heap, where what
            // became unreachable cannot be told, and the view before would take as long
            // to compute as the step's own.
            let before = (step > 0 && !self.program.is_large()).then(|| {
                self.program
                    .session
                    .recording()
                    .state_at_view(step - 1, super::program::VIEW, None)
                    .0
            });
            let lines = match self.program.shown() {
                Some(after) => narration::narrate(
                    Some(before.as_ref().unwrap_or(after)),
                    after,
                    events.as_slice(),
                ),
                None => Vec::new(),
            };
            self.narration = Some((step, lines));
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
        let hide = self.hide_refcounts();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(text)
                    .size(22.0)
                    .color(Color32::from_rgb(255, 220, 90)),
            );
            if hide {
                ui.label("Predict the refcounts, then press Space to reveal them.");
            }
        });
    }

    pub(super) fn right_ui(&mut self, ui: &mut Ui) -> Option<Command> {
        let hide = self.hide_refcounts();
        let selected = self.selected;
        let at_end = self.program.cursor + 1 == self.program.len();
        let mut cmd = None;
        let mut phases = std::mem::take(&mut self.gc_phases);
        if phases.0 < self.program.len() {
            // The collections' phases among the steps recorded since the last look.
            let (more, upto) = self.program.session.recording().gc_phases_since(phases.0);
            phases.1.extend(more);
            phases.0 = upto;
        }
        let reports = self.program.mem_profiles();
        let analysis = self.program.analysis();
        let by_line = self.program.memory_by_line();
        let live = self.program.live_profile();
        let file = self.program.filename.clone();
        if let Some(s) = self.program.shown() {
            egui::ScrollArea::vertical()
                .id_salt("right")
                .show(ui, |ui| {
                    cmd = inspector::inspector_ui(ui, s, analysis.as_deref(), selected, hide);
                    ui.separator();
                    cmd = cmd.take().or(memory_panel::memory_ui(
                        ui,
                        &file,
                        by_line.as_deref().map(|v| v.as_slice()),
                    ));
                    if !reports.is_empty() || live.is_some() {
                        ui.separator();
                        cmd = cmd.take().or(memory_panel::profile_ui(
                            ui,
                            &reports,
                            live.as_deref(),
                            &self.program.source,
                        ));
                    }
                    ui.separator();
                    cmd = cmd.take().or(gc_panel::gc_ui(ui, s, at_end, &phases.1));
                });
        }
        self.gc_phases = phases;
        cmd
    }

    pub(super) fn central_ui(&mut self, ui: &mut Ui) -> Option<Command> {
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
            hide_internals: self.settings.hide_internals,
            hide_refcounts: self.hide_refcounts(),
            lecture: self.settings.lecture,
        };
        let freed = self.program.freed_into_shown();
        let selected = self.selected;
        let tab_heap = self.tab == CentralTab::Heap;
        if let Some(n) = self.program.awaited_step() {
            ui.label(
                RichText::new(format!("computing step {n}…"))
                    .color(Color32::from_rgb(255, 200, 80)),
            );
        }
        let (s, summary) = (self.program.shown()?, self.program.summary());
        if tab_heap {
            self.heap.ui(ui, s, summary, &freed, selected, &opts)
        } else {
            self.backrefs.ui(ui, s, selected, self.dialogs.available)
        }
    }
}
