//! The timeline: a step slider, memory over time, and markers where collections ran.

use eframe::egui::{self, Color32, Sense, Stroke, Ui, pos2, vec2};

use super::command::Command;

pub fn timeline_ui(ui: &mut Ui, cursor: usize, memory: &[(u64, bool)]) -> Option<Command> {
    let mut cmd = None;
    let len = memory.len();
    if len == 0 {
        ui.label("No steps recorded yet.");
        return None;
    }
    let mut at = cursor.min(len - 1);
    ui.horizontal(|ui| {
        ui.label(format!("step {at} / {}", len - 1));
        ui.spacing_mut().slider_width = (ui.available_width() - 20.0).max(100.0);
        if ui
            .add(egui::Slider::new(&mut at, 0..=len - 1).show_value(false))
            .changed()
        {
            cmd = Some(Command::GoTo(at));
        }
    });
    let (rect, resp) =
        ui.allocate_exact_size(vec2(ui.available_width(), 48.0), Sense::click_and_drag());
    let p = ui.painter_at(rect);
    p.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let max = memory.iter().map(|m| m.0).max().unwrap_or(1).max(1) as f32;
    let cols = rect.width().max(1.0) as usize;
    let mut pts = Vec::with_capacity(cols);
    for c in 0..cols {
        let i = c * len / cols.max(1);
        let (bytes, _) = memory[i.min(len - 1)];
        pts.push(pos2(
            rect.left() + c as f32,
            rect.bottom() - bytes as f32 / max * (rect.height() - 4.0),
        ));
    }
    p.add(egui::Shape::line(
        pts,
        Stroke::new(1.5, Color32::from_rgb(80, 140, 230)),
    ));
    let x_of = |i: usize| rect.left() + i as f32 / len.max(1) as f32 * rect.width();
    for (i, _) in memory.iter().enumerate().filter(|(_, m)| m.1) {
        p.vline(
            x_of(i),
            rect.y_range(),
            Stroke::new(1.0, Color32::from_rgb(230, 90, 60)),
        );
    }
    p.vline(
        x_of(at),
        rect.y_range(),
        Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
    p.text(
        rect.left_top() + vec2(4.0, 2.0),
        egui::Align2::LEFT_TOP,
        format!(
            "heap {} bytes (max {})  | red: collections",
            memory[at].0, max as u64
        ),
        egui::FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    if let Some(pos) = resp
        .interact_pointer_pos()
        .filter(|_| resp.clicked() || resp.dragged())
    {
        let i = ((pos.x - rect.left()) / rect.width() * len as f32) as usize;
        cmd = Some(Command::GoTo(i.min(len - 1)));
    }
    cmd
}
