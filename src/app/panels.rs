//! The panels around the heap: the toolbar (controls, examples, lecture mode), the
//! source with the current line and breakpoints, the inspector of the selected object,
//! and the console with the program's output and the narration of the step.

use egui::{Color32, RichText};

use super::{EXAMPLES, RefscopeApp};
use crate::record::{Event, Holder, Status, StepKind};

pub fn toolbar(app: &mut RefscopeApp, ui: &mut egui::Ui) {
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_id_salt("examples")
                .selected_text("Examples")
                .show_ui(ui, |ui| {
                    for (name, src) in EXAMPLES {
                        if ui.selectable_label(false, *name).clicked() {
                            app.load(name.to_string(), src.to_string());
                        }
                    }
                });
            ui.separator();
            if ui
                .button("▶ Run")
                .on_hover_text("Run to the next breakpoint or the end (F5)")
                .clicked()
            {
                app.running = true;
            }
            if ui.button("⏸ Pause").on_hover_text("Stop running").clicked() {
                app.running = false;
            }
            if ui
                .button("⏮ Back")
                .on_hover_text("Step back one line (F9)")
                .clicked()
            {
                app.step_back();
            }
            if ui
                .button("Step over")
                .on_hover_text("Next line in this function (F10)")
                .clicked()
            {
                app.step_over();
            }
            if ui
                .button("Step into")
                .on_hover_text("Next line, entering calls (F11)")
                .clicked()
            {
                app.step_into();
            }
            if ui
                .button("Step out")
                .on_hover_text("Back to the caller (Shift+F11)")
                .clicked()
            {
                app.step_out();
            }
            if ui
                .button("⟲ Reset")
                .on_hover_text("Back to the first step")
                .clicked()
            {
                app.running = false;
                app.cursor = 0;
            }
            if ui
                .button("gc.collect()")
                .on_hover_text("Run the cycle collector in the program's world, where it is paused")
                .clicked()
            {
                app.session.collect_now();
            }
            ui.separator();
            ui.toggle_value(&mut app.lecture, "Lecture mode")
                .on_hover_text("Large text and a narration of each step");
            ui.checkbox(&mut app.show_cached, "small ints & interned strings");
            ui.checkbox(&mut app.hide_refcounts, "predict refcounts")
                .on_hover_text("Hide refcounts; press R to reveal them at this step");
        });
        if app.lecture {
            // The narration line: what the last step did, in plain words.
            let said = narration(app);
            let text = if said.is_empty() {
                "Nothing changed on the heap in the last step.".to_string()
            } else {
                said.join(" · ")
            };
            ui.label(RichText::new(text).size(18.0).strong());
        }
        let n = app.len().max(1);
        ui.horizontal(|ui| {
            let mut c = app.cursor;
            let w = ui.available_width() - 260.0;
            ui.spacing_mut().slider_width = w.max(100.0);
            if ui
                .add(egui::Slider::new(&mut c, 0..=n - 1).text("step"))
                .changed()
            {
                app.running = false;
                app.go_to(c);
            }
            let status = match app.session.status() {
                Status::Running => "running".to_string(),
                Status::Paused => format!("{n} steps recorded"),
                Status::Finished { exit_code } => format!("finished (exit {exit_code})"),
                Status::LimitReached(m) => m.clone(),
            };
            ui.label(status);
        });
    });
}

pub fn source(app: &mut RefscopeApp, ui: &mut egui::Ui) {
    let current = {
        let s = app.session.recording().step(app.cursor);
        (s.kind != StepKind::End).then_some(s.line)
    };
    egui::Panel::left("source")
        .default_size(if app.lecture { 330.0 } else { 380.0 })
        .max_size(520.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(&app.filename);
                if app.editing {
                    if ui.button("Run edited program").clicked() {
                        app.editing = false;
                        app.rerun();
                    }
                } else if ui.button("Edit").clicked() {
                    app.editing = true;
                }
            });
            ui.separator();
            let dark = ui.visuals().dark_mode;
            egui::ScrollArea::vertical().show(ui, |ui| {
                if app.editing {
                    ui.add(
                        egui::TextEdit::multiline(&mut app.source)
                            .code_editor()
                            .desired_width(f32::INFINITY),
                    );
                    return;
                }
                for (i, text) in app.source.lines().enumerate() {
                    let line = i as u32 + 1;
                    ui.horizontal(|ui| {
                        let bp = app.breakpoints.contains(&line);
                        let mark = if bp { "●" } else { " " };
                        let gutter = ui
                            .add(
                                egui::Label::new(
                                    RichText::new(format!("{mark}{line:>4}"))
                                        .monospace()
                                        .color(if bp { Color32::RED } else { Color32::GRAY }),
                                )
                                .sense(egui::Sense::click()),
                            )
                            .on_hover_text("Click to set or clear a breakpoint");
                        if gutter.clicked() {
                            if bp {
                                app.breakpoints.remove(&line);
                            } else {
                                app.breakpoints.insert(line);
                            }
                        }
                        let mut rt = RichText::new(text)
                            .monospace()
                            .color(syntax_color(text, dark));
                        if current == Some(line) {
                            rt = rt
                                .background_color(Color32::from_rgb(255, 236, 150))
                                .color(Color32::BLACK);
                        }
                        ui.add(egui::Label::new(rt).truncate());
                    });
                }
            });
        });
}

/// A light colouring: comments, definitions, the rest (readable on dark and light).
fn syntax_color(line: &str, dark: bool) -> Color32 {
    let t = line.trim_start();
    let plain = if dark {
        Color32::from_gray(210)
    } else {
        Color32::from_gray(20)
    };
    if t.starts_with('#') {
        Color32::from_rgb(110, 140, 110)
    } else if t.starts_with("def ") || t.starts_with("class ") || t.starts_with('@') {
        Color32::from_rgb(90, 120, 200)
    } else if t.starts_with("import ") || t.starts_with("from ") {
        Color32::from_rgb(170, 110, 190)
    } else {
        plain
    }
}

fn holder_text(h: &Holder, label: &str) -> String {
    match h {
        Holder::Object { id } => format!("object #{id} via {label}"),
        Holder::Variable { frame, name } => format!("variable {name} (frame {frame})"),
        Holder::Global { module, name } => format!("global {module}.{name}"),
        Holder::Stack { frame } => format!("value stack of frame {frame}"),
        Holder::Constant { function } => format!("constant of {function}"),
        Holder::Runtime { what } => format!("runtime: {what} ({label})"),
    }
}

pub fn inspector(app: &mut RefscopeApp, ui: &mut egui::Ui) {
    let selected = app.selected;
    let Some(snap) = app.snapshot().cloned() else {
        return;
    };
    egui::Panel::right("inspector")
        .default_size(260.0)
        .show(ui, |ui| {
            ui.heading("Inspector");
            let Some(o) = selected.and_then(|id| snap.object(id)) else {
                ui.label("Click an object to see its holders.");
                return;
            };
            ui.label(RichText::new(format!("{} #{}", o.type_name, o.id)).strong());
            ui.label(RichText::new(&o.repr).monospace());
            ui.label(format!("refcount: {}", o.refcount));
            ui.label(format!("size: {} bytes (sys.getsizeof)", o.size));
            ui.label(match o.generation {
                Some(g) => format!("tracked by the collector, generation {g}"),
                None => "not tracked by the collector".to_string(),
            });
            if o.cached {
                ui.label("shared by the runtime (cached)");
            }
            ui.separator();
            ui.label(RichText::new(format!("held by ({}):", snap.holders_of(o.id).len())).strong());
            for r in snap.holders_of(o.id) {
                ui.label(holder_text(&r.holder, &r.label));
            }
            ui.separator();
            match crate::analysis::why_alive(&snap, o.id) {
                Some(path) => ui.label(format!("alive because of: {path}")),
                None => ui.label(
                    RichText::new("no name reaches it: only the cycle collector can free it")
                        .color(Color32::from_rgb(220, 80, 80)),
                ),
            };
        });
}

/// A plain-words line for one event of the step (`type_of` names an object).
pub fn narrate(e: &Event, type_of: &dyn Fn(u32) -> String) -> Option<String> {
    Some(match e {
        Event::Alloc {
            id,
            type_name,
            size,
        } => format!("{type_name}#{id} created ({size} bytes)"),
        Event::Free { id, type_name } => format!("{type_name}#{id} freed"),
        Event::Refcount { id, from, to } => {
            format!("{}#{id} refcount {from} -> {to}", type_of(*id))
        }
        Event::RefSet {
            holder: Holder::Variable { name, .. } | Holder::Global { name, .. },
            to,
            ..
        } => {
            format!("name {name} now refers to {}#{to}", type_of(*to))
        }
        Event::RefCleared {
            holder: Holder::Variable { name, .. } | Holder::Global { name, .. },
            to,
            ..
        } => {
            format!("name {name} no longer refers to {}#{to}", type_of(*to))
        }
        _ => return None,
    })
}

/// The narration of the step that led to the cursor (computed once per step).
fn narration(app: &mut RefscopeApp) -> Vec<String> {
    if let Some((at, n)) = &app.narration
        && *at == app.cursor
    {
        return n.clone();
    }
    let lines: Vec<String> = if app.cursor > 0 {
        let rec = app.session.recording();
        let before = rec.state_at(app.cursor - 1);
        let after = rec.state_at(app.cursor);
        let type_of = |id: u32| {
            before
                .object(id)
                .or_else(|| after.object(id))
                .map(|o| o.type_name.clone())
                .unwrap_or_default()
        };
        rec.events(app.cursor - 1)
            .iter()
            .filter_map(|e| narrate(e, &type_of))
            .take(12)
            .collect()
    } else {
        vec![]
    };
    app.narration = Some((app.cursor, lines.clone()));
    lines
}

pub fn console(app: &mut RefscopeApp, ui: &mut egui::Ui) {
    let narration = narration(app);
    let rec = app.session.recording();
    let step = rec.step(app.cursor);
    let out = rec.output();
    let shown = &out[..step.output_len.min(out.len())];
    egui::Panel::bottom("console")
        .default_size(170.0)
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                cols[0].label(RichText::new("Output").strong());
                egui::ScrollArea::vertical()
                    .id_salt("out")
                    .stick_to_bottom(true)
                    .show(&mut cols[0], |ui| {
                        ui.label(RichText::new(shown).monospace());
                    });
                cols[1].label(
                    RichText::new(format!(
                        "Step {} · {:?} · line {} · {}()",
                        app.cursor, step.kind, step.line, step.function
                    ))
                    .strong(),
                );
                egui::ScrollArea::vertical()
                    .id_salt("narr")
                    .show(&mut cols[1], |ui| {
                        if narration.is_empty() {
                            ui.label("(nothing changed on the heap in the last step)");
                        }
                        for n in &narration {
                            ui.label(n);
                        }
                    });
            });
        });
}
