//! The backrefs view (objgraph's `show_backrefs`) on the selection, drawn from the same
//! `analysis` scene and `export` layout as the exporter, with export to PNG, SVG or DOT.

use eframe::egui::{self, Align2, Color32, FontId, Rect, Stroke, StrokeKind, Ui, pos2, vec2};

use super::command::Command;
use super::dialogs::{Purpose, UNAVAILABLE};
use crate::analysis::{GraphOptions, NodeKind, Scene, backrefs};
use crate::export::{layout, write};
use crate::record::{ObjKey, Snapshot};

pub struct BackrefsView {
    pub open: bool,
    pub max_depth: usize,
    pub too_many: usize,
    pub path: String,
    pub message: String,
    /// Export to `path` at the next frame (a dialog chose it).
    pub export_now: bool,
    scene_rect: Rect,
    /// (target, max_depth, too_many, step) the view was last fitted for.
    fitted: Option<(ObjKey, usize, usize, u64)>,
}

impl Default for BackrefsView {
    fn default() -> Self {
        BackrefsView {
            open: false,
            max_depth: 3,
            too_many: 10,
            path: "backrefs.png".into(),
            message: String::new(),
            export_now: false,
            scene_rect: Rect::ZERO,
            fitted: None,
        }
    }
}

fn fill(kind: &NodeKind) -> Color32 {
    match kind {
        NodeKind::Target(_) => Color32::from_rgb(120, 220, 120),
        NodeKind::Object(_) => Color32::from_rgb(255, 248, 200),
        NodeKind::Garbage(_) => Color32::from_rgb(255, 160, 140),
        NodeKind::Root => Color32::from_rgb(196, 216, 250),
        NodeKind::More(_) => Color32::from_rgb(220, 220, 220),
    }
}

impl BackrefsView {
    pub fn scene(&self, s: &Snapshot, target: ObjKey) -> Scene {
        let opts = GraphOptions {
            max_depth: self.max_depth,
            too_many: self.too_many,
            hide_cached: true,
        };
        backrefs(s, &[target], &opts)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        s: &Snapshot,
        target: Option<ObjKey>,
        dialogs: bool,
    ) -> Option<Command> {
        let mut cmd = None;
        let Some(target) = target.filter(|&t| s.object(t).is_some()) else {
            ui.label("Select an object to see what refers to it.");
            return None;
        };
        ui.horizontal(|ui| {
            ui.add(egui::Slider::new(&mut self.max_depth, 1..=8).text("max_depth"));
            ui.add(egui::Slider::new(&mut self.too_many, 1..=50).text("too_many"));
        });
        let scene = self.scene(s, target);
        ui.horizontal(|ui| {
            ui.label("Export to");
            ui.text_edit_singleline(&mut self.path);
            let export = ui
                .button("Export")
                .on_hover_text("Write PNG, SVG or DOT (by the file's extension)")
                .clicked();
            let pick = ui
                .add_enabled(dialogs, egui::Button::new("Export…"))
                .on_hover_text("Choose where in a file dialog")
                .on_disabled_hover_text(UNAVAILABLE);
            if pick.clicked() {
                cmd = Some(Command::Pick(Purpose::Export));
            }
            if export || std::mem::take(&mut self.export_now) {
                self.message = match write(&scene, std::path::Path::new(&self.path)) {
                    Ok(()) => format!("wrote {}", self.path),
                    Err(e) => format!("export failed: {e}"),
                };
            }
        });
        if !self.message.is_empty() {
            ui.label(&self.message);
        }
        let lay = layout(&scene);
        let key = Some((target, self.max_depth, self.too_many, s.step));
        if self.fitted != key {
            // A new scene: show all of it.
            self.fitted = key;
            self.scene_rect =
                Rect::from_min_size(pos2(0.0, 0.0), vec2(lay.width, lay.height)).expand(20.0);
        }
        let mut rect = self.scene_rect;
        let area = ui.available_rect_before_wrap().intersect(ui.clip_rect());
        let ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(area));
        egui::Scene::new()
            .zoom_range(0.1..=2.0)
            .show(ui, &mut rect, |ui| {
                let p = ui.painter();
                let font = FontId::proportional(12.0);
                let center = |i: usize| {
                    let n = &lay.nodes[i];
                    pos2(n.x + n.w / 2.0, n.y + n.h / 2.0)
                };
                let pairs: std::collections::HashSet<(usize, usize)> =
                    scene.edges.iter().map(|e| (e.from, e.to)).collect();
                for e in &scene.edges {
                    let (a, b) = (center(e.from), center(e.to));
                    let dir = (b - a).normalized();
                    let b = b - dir * (lay.nodes[e.to].h / 2.0);
                    // As in the exported picture: references on a cycle in red, and the
                    // two references of a two-way pair bent apart.
                    let color = if e.in_cycle {
                        Color32::from_rgb(220, 70, 60)
                    } else {
                        Color32::GRAY
                    };
                    let bend = if e.from != e.to && pairs.contains(&(e.to, e.from)) {
                        vec2(-dir.y, dir.x) * 18.0
                    } else {
                        vec2(0.0, 0.0)
                    };
                    let mid = a + (b - a) * 0.5 + bend;
                    p.line_segment([a, mid], Stroke::new(1.5, color));
                    p.arrow(mid, b - mid, Stroke::new(1.5, color));
                    p.text(
                        mid + vec2(4.0, 0.0),
                        Align2::LEFT_CENTER,
                        &e.label,
                        FontId::proportional(10.0),
                        color,
                    );
                }
                for (n, pl) in scene.nodes.iter().zip(&lay.nodes) {
                    let r = Rect::from_min_size(pos2(pl.x, pl.y), vec2(pl.w, pl.h));
                    p.rect(
                        r,
                        4.0,
                        fill(&n.kind),
                        Stroke::new(1.0, Color32::DARK_GRAY),
                        StrokeKind::Inside,
                    );
                    let rc = n.refcount.map(|c| format!("  [{c}]")).unwrap_or_default();
                    p.text(
                        r.center_top() + vec2(0.0, 4.0),
                        Align2::CENTER_TOP,
                        format!("{}{rc}", n.title),
                        font.clone(),
                        Color32::BLACK,
                    );
                    p.text(
                        r.center_top() + vec2(0.0, 20.0),
                        Align2::CENTER_TOP,
                        &n.detail,
                        FontId::proportional(10.0),
                        Color32::BLACK,
                    );
                }
            });
        self.scene_rect = rect;
        cmd
    }
}
