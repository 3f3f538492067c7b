//! The inspector: everything about the selected object, with its refcount explained by
//! the list of its holders (refcount == number of holders, always).

use eframe::egui::{self, RichText, Ui};

use super::command::Command;
use super::program::{Analyzed, MAX_ANALYSED};
use crate::analysis::{Reach, why_alive};
use crate::record::{Holder, ObjKey, Snapshot};

/// The function name of frame `frame` ("?" when out of range).
pub fn frame_name(s: &Snapshot, frame: usize) -> &str {
    s.frames
        .get(frame)
        .map(|f| f.function.as_str())
        .unwrap_or("?")
}

/// Describes a holder in plain words: "list #12 [0]", "global b", "variable x of f".
pub fn describe(s: &Snapshot, h: &Holder, label: &str) -> String {
    match h {
        Holder::Object { id } => {
            let t = s.object(*id).map_or("object", |o| o.type_name.as_str());
            format!("{t} #{id} {label}")
        }
        Holder::Variable { frame, name } => format!("variable {name} of {}", frame_name(s, *frame)),
        Holder::Global { module, name } => format!("global {name} in {module}"),
        Holder::Stack { frame } => format!("value stack of {}", frame_name(s, *frame)),
        Holder::Constant { function } => format!("constant of {function}"),
        Holder::Runtime { what } => format!("runtime: {what}"),
    }
}

pub fn inspector_ui(
    ui: &mut Ui,
    s: &Snapshot,
    analysis: Option<&Analyzed>,
    selected: Option<ObjKey>,
    hide_refcount: bool,
) -> Option<Command> {
    let mut cmd = None;
    ui.heading("Inspector");
    let Some(id) = selected else {
        ui.label("Click an object in the heap to inspect it.");
        return None;
    };
    let Some(o) = s.object(id) else {
        ui.label(format!(
            "Object #{id} does not exist at this step (freed or not yet created)."
        ));
        return None;
    };
    egui::Grid::new("inspector").num_columns(2).show(ui, |ui| {
        ui.label("type");
        ui.label(RichText::new(o.type_name.as_str()).strong());
        ui.end_row();
        ui.label("id");
        ui.label(format!("#{}", o.id));
        ui.end_row();
        ui.label("repr");
        ui.label(RichText::new(o.repr.as_str()).monospace());
        ui.end_row();
        ui.label("refcount");
        if hide_refcount {
            ui.label("? (press Space to reveal)");
        } else {
            ui.label(RichText::new(format!("refcount {}", o.refcount)).strong());
        }
        ui.end_row();
        ui.label("size");
        ui.label(format!("{} bytes", o.size));
        ui.end_row();
        ui.label("retained");
        match analysis.and_then(|a| a.doms.retained_size(id)) {
            Some(r) => ui
                .label(format!("{r} bytes"))
                .on_hover_text("what deleting the last reference to it would free: its size and that of every object only it keeps alive"),
            None => ui.label(format!("not computed (over {MAX_ANALYSED} objects)")),
        };
        ui.end_row();
        if let Some(a) = analysis {
            ui.label("standing");
            let standing = match a.reach.get(&id) {
                Some(Reach::CyclicGarbage) => {
                    "unreachable, on a cycle: only the collector can free it"
                }
                Some(Reach::HeldByGarbage) => "unreachable, held only by garbage",
                _ => "reachable from a root",
            };
            // Wrapped, so that a narrow panel (or lecture mode's large font) stays narrow.
            ui.add(egui::Label::new(standing).wrap());
            ui.end_row();
            if let Some(n) = a.cycle_len.get(&id) {
                ui.label("cycle");
                ui.label(if *n == 1 {
                    "refers to itself".to_string()
                } else {
                    format!("on a reference cycle of {n} objects")
                });
                ui.end_row();
            }
        }
        ui.label("gc");
        ui.label(match o.generation {
            Some(g) if o.tracked => format!("tracked, generation {g}"),
            _ => "not tracked by the collector".to_string(),
        });
        ui.end_row();
        ui.label("flags");
        let mut flags = Vec::new();
        if o.cached {
            flags.push("cached (shared by the runtime)");
        }
        if o.runtime {
            flags.push("created by the runtime");
        }
        if o.finalized {
            flags.push("__del__ already ran");
        }
        ui.label(if flags.is_empty() {
            "—".to_string()
        } else {
            flags.join(", ")
        });
        ui.end_row();
    });
    ui.separator();
    let holders = s.holders_of(id);
    if !hide_refcount {
        ui.label(RichText::new(format!("held by {} (one per reference):", holders.len())).strong());
        for r in holders {
            let text = format!("holder: {}", describe(s, &r.holder, &r.label));
            match r.holder {
                Holder::Object { id: h } => {
                    if ui.link(text).clicked() {
                        cmd = Some(Command::Select(Some(h)));
                    }
                }
                _ => {
                    ui.label(text);
                }
            }
        }
    }
    ui.separator();
    let referents: Vec<_> = s
        .references
        .iter()
        .filter(|r| r.holder == Holder::Object { id })
        .collect();
    ui.label(RichText::new(format!("refers to {}:", referents.len())).strong());
    for r in referents {
        let t = s.object(r.to).map(|o| o.type_name.as_str()).unwrap_or("?");
        if ui.link(format!("{} -> {t} #{}", r.label, r.to)).clicked() {
            cmd = Some(Command::Select(Some(r.to)));
        }
    }
    ui.separator();
    ui.label(RichText::new("why alive:").strong());
    ui.label(why_alive(s, id).unwrap_or_else(|| {
        "no root reaches it: it stays only because of a reference cycle".to_string()
    }));
    if ui.button("Jump to the step that created it").clicked() {
        cmd = Some(Command::JumpToCreation(id));
    }
    cmd
}
