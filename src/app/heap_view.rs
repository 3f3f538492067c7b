//! The heap picture: the frames and their variables on the left (the roots), the objects
//! they reach to the right, one column per distance, labelled edges, a refcount badge on
//! every object, and in red the objects no root reaches (the cycles waiting for the
//! collector). An object keeps its place while it lives.

use std::collections::{HashMap, HashSet, VecDeque};

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::RefscopeApp;
use crate::record::{Holder, ObjKey, Snapshot};

const BOX: Vec2 = vec2(150.0, 44.0);
const COL_W: f32 = 196.0;
const ROW_H: f32 = 64.0;
const FRAMES_W: f32 = 190.0;
/// Objects drawn at most (the rest is summarized).
const MAX_SHOWN: usize = 150;

const GARBAGE: Color32 = Color32::from_rgb(255, 170, 170);
const OBJECT: Color32 = Color32::from_rgb(214, 226, 242);
const ROOT: Color32 = Color32::from_rgb(190, 232, 190);
const SELECTED: Color32 = Color32::from_rgb(255, 200, 0);

fn shown_type(t: &str) -> bool {
    !matches!(t, "module" | "code")
}

/// What to draw: objects reachable from the frames' variables (nearest first), then the
/// unreachable ones; with their distance from the roots.
fn visible(snap: &Snapshot, show_cached: bool) -> Vec<(ObjKey, usize)> {
    let ok = |id: ObjKey| {
        snap.object(id)
            .is_some_and(|o| shown_type(&o.type_name) && (show_cached || !(o.cached || o.runtime)))
    };
    let mut out_edges: HashMap<ObjKey, Vec<ObjKey>> = HashMap::new();
    for r in &snap.references {
        if let Holder::Object { id } = r.holder {
            out_edges.entry(id).or_default().push(r.to);
        }
    }
    let mut seen = HashSet::new();
    let mut order = vec![];
    let mut queue = VecDeque::new();
    for f in &snap.frames {
        for (_, id) in &f.variables {
            if ok(*id) && seen.insert(*id) {
                queue.push_back((*id, 1));
            }
        }
    }
    while let Some((id, d)) = queue.pop_front() {
        order.push((id, d));
        for to in out_edges.get(&id).into_iter().flatten() {
            if ok(*to) && seen.insert(*to) {
                queue.push_back((*to, d + 1));
            }
        }
    }
    let mut garbage: Vec<ObjKey> = crate::analysis::unreachable(snap)
        .into_iter()
        .filter(|id| ok(*id) && !seen.contains(id))
        .collect();
    garbage.sort();
    order.extend(garbage.into_iter().map(|id| (id, 1)));
    order.truncate(MAX_SHOWN);
    order
}

pub fn show(app: &mut RefscopeApp, ui: &mut egui::Ui) {
    let show_cached = app.show_cached;
    let selected = app.selected;
    let Some(snap) = app.snapshot().cloned() else {
        ui.label("Starting the program…");
        return;
    };
    let garbage = crate::analysis::unreachable(&snap);
    let objs = visible(&snap, show_cached);
    // Stable places: keep the old ones, give new objects the first free cell of their
    // column.
    let live: HashSet<ObjKey> = objs.iter().map(|(id, _)| *id).collect();
    app.positions.retain(|id, _| live.contains(id));
    let mut used: HashSet<(i32, i32)> = app
        .positions
        .values()
        .map(|p| ((p.x / COL_W) as i32, (p.y / ROW_H) as i32))
        .collect();
    // Reachable objects by distance, one column each; the unreachable ones in a band
    // below, side by side so that their cycles read left to right.
    let reach_rows = objs
        .iter()
        .filter(|(id, _)| !garbage.contains(id))
        .count()
        .min(8) as i32;
    let mut band_next = 0;
    for (id, d) in &objs {
        if app.positions.contains_key(id) {
            continue;
        }
        let (col, row) = if garbage.contains(id) {
            loop {
                let cell = (band_next % 3, reach_rows + 1 + band_next / 3);
                band_next += 1;
                if !used.contains(&cell) {
                    break cell;
                }
            }
        } else {
            let col = (*d as i32 - 1).min(5);
            let mut row = 0;
            while used.contains(&(col, row)) {
                row += 1;
            }
            (col, row)
        };
        used.insert((col, row));
        app.positions
            .insert(*id, pos2(col as f32 * COL_W, row as f32 * ROW_H));
    }
    let rows = used.iter().map(|c| c.1 + 1).max().unwrap_or(1) as f32;
    let cols = used.iter().map(|c| c.0 + 1).max().unwrap_or(1) as f32;
    let frame_rows: usize = snap.frames.iter().map(|f| f.variables.len() + 1).sum();
    let size = vec2(
        FRAMES_W + 40.0 + cols * COL_W,
        (rows * ROW_H).max(frame_rows as f32 * 22.0) + 120.0,
    );
    egui::ScrollArea::both().show(ui, |ui| {
        let (resp, painter) = ui.allocate_painter(size, Sense::click());
        let origin = resp.rect.min;
        let objects_at = origin + vec2(FRAMES_W + 40.0, 10.0);
        let rect_of = |id: &ObjKey| {
            app.positions
                .get(id)
                .map(|p| Rect::from_min_size(objects_at + p.to_vec2(), BOX))
        };
        // Frames and their variables: the roots.
        let mut var_pos: HashMap<(usize, String), Pos2> = HashMap::new();
        let mut y = origin.y + 10.0;
        let font = FontId::proportional(12.0);
        for (fi, f) in snap.frames.iter().enumerate() {
            let head = Rect::from_min_size(pos2(origin.x + 4.0, y), vec2(FRAMES_W, 20.0));
            painter.rect_filled(head, 4.0, Color32::from_rgb(60, 110, 60));
            painter.text(
                head.left_center() + vec2(6.0, 0.0),
                Align2::LEFT_CENTER,
                format!("{}  line {}", f.function, f.line),
                font.clone(),
                Color32::WHITE,
            );
            y += 22.0;
            for (name, _) in &f.variables {
                let r = Rect::from_min_size(pos2(origin.x + 12.0, y), vec2(FRAMES_W - 8.0, 20.0));
                painter.rect(
                    r,
                    3.0,
                    ROOT,
                    Stroke::new(1.0, Color32::DARK_GREEN),
                    StrokeKind::Inside,
                );
                painter.text(
                    r.left_center() + vec2(6.0, 0.0),
                    Align2::LEFT_CENTER,
                    name,
                    font.clone(),
                    Color32::BLACK,
                );
                var_pos.insert((fi, name.clone()), r.right_center());
                y += 22.0;
            }
            y += 6.0;
        }
        // Edges: variables to objects, objects to objects.
        let edge = Stroke::new(1.3, Color32::from_gray(150));
        let arrow = |from: Pos2, to: Rect, label: &str, stroke: Stroke| {
            let target = if to.center().x >= from.x {
                to.left_center()
            } else {
                to.right_center()
            };
            // Two objects referring to each other: keep the two arrows apart.
            let shift = if target.x < from.x {
                vec2(0.0, 8.0)
            } else {
                vec2(0.0, -6.0)
            };
            let (from, target) = (from + shift, target + shift);
            painter.line_segment([from, target], stroke);
            let dir = (target - from).normalized();
            painter.arrow(target - dir * 10.0, dir * 10.0, stroke);
            if !label.is_empty() {
                let mid = from + (target - from) * 0.5;
                painter.text(
                    mid,
                    Align2::CENTER_BOTTOM,
                    label,
                    FontId::monospace(10.0),
                    Color32::from_gray(128),
                );
            }
        };
        for (fi, f) in snap.frames.iter().enumerate() {
            for (name, id) in &f.variables {
                if let (Some(from), Some(to)) = (var_pos.get(&(fi, name.clone())), rect_of(id)) {
                    arrow(*from, to, "", edge);
                }
            }
        }
        for r in &snap.references {
            let Holder::Object { id: from } = r.holder else {
                continue;
            };
            if let (Some(a), Some(b)) = (rect_of(&from), rect_of(&r.to)) {
                let red = garbage.contains(&from) && garbage.contains(&r.to);
                let stroke = if red {
                    Stroke::new(1.6, Color32::from_rgb(230, 80, 80))
                } else {
                    edge
                };
                let start = if b.center().x < a.center().x {
                    a.left_center()
                } else {
                    a.right_center()
                };
                arrow(start, b, &r.label, stroke);
            }
        }
        // The objects.
        for (id, _) in &objs {
            let (Some(rect), Some(o)) = (rect_of(id), snap.object(*id)) else {
                continue;
            };
            let fill = if garbage.contains(id) {
                GARBAGE
            } else {
                OBJECT
            };
            let stroke = if selected == Some(*id) {
                Stroke::new(3.0, SELECTED)
            } else {
                Stroke::new(1.0, Color32::from_gray(90))
            };
            painter.rect(rect, 6.0, fill, stroke, StrokeKind::Inside);
            painter.text(
                rect.center_top() + vec2(0.0, 5.0),
                Align2::CENTER_TOP,
                &o.type_name,
                FontId::proportional(13.0),
                Color32::BLACK,
            );
            let repr: String = o.repr.chars().take(24).collect();
            painter.text(
                rect.center_bottom() - vec2(0.0, 5.0),
                Align2::CENTER_BOTTOM,
                repr,
                FontId::monospace(11.0),
                Color32::from_gray(40),
            );
            let hidden_rc = app.hide_refcounts && app.revealed != Some(app.cursor);
            let badge =
                Rect::from_center_size(rect.right_top() + vec2(-4.0, 2.0), vec2(26.0, 18.0));
            painter.rect_filled(badge, 9.0, Color32::from_rgb(40, 50, 60));
            let rc = if hidden_rc {
                "?".to_string()
            } else {
                o.refcount.to_string()
            };
            painter.text(
                badge.center(),
                Align2::CENTER_CENTER,
                rc,
                FontId::proportional(12.0),
                Color32::WHITE,
            );
            if ui
                .interact(rect, ui.id().with(("obj", id)), Sense::click())
                .clicked()
            {
                app.selected = Some(*id);
            }
        }
        // The legend.
        let text_color = ui.visuals().text_color();
        let mut lx = origin.x + 8.0;
        let ly = origin.y + size.y - 26.0;
        for (name, c) in [
            ("root (variable)", ROOT),
            ("object", OBJECT),
            ("unreachable: only the collector frees it", GARBAGE),
        ] {
            let r = Rect::from_min_size(pos2(lx, ly), vec2(14.0, 14.0));
            painter.rect_filled(r, 3.0, c);
            let t = painter.text(
                r.right_center() + vec2(6.0, 0.0),
                Align2::LEFT_CENTER,
                name,
                FontId::proportional(12.0),
                text_color,
            );
            lx = t.right() + 18.0;
        }
        painter.text(
            pos2(lx, ly + 7.0),
            Align2::LEFT_CENTER,
            "badge: refcount",
            FontId::proportional(12.0),
            text_color,
        );
    });
}

/// The objects the view draws (for tests).
#[cfg(test)]
pub fn visible_for_tests(snap: &Snapshot) -> Vec<ObjKey> {
    visible(snap, false).into_iter().map(|(id, _)| id).collect()
}
