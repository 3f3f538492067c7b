//! The timeline: a step slider, and the model's heap size over the steps (egui_plot)
//! with a red line where each collection started and the cursor's step marked; a click
//! in the plot moves the cursor there. The series is downsampled to the plot's width
//! (the largest value of each bucket, so peaks stay visible), so a recording of
//! millions of steps draws as fast as a short one.

use eframe::egui::{self, Color32, Ui};
use egui_plot::{HoverPosition, Line, Plot, PlotPoints, VLine};

use super::command::Command;

/// Points drawn at most, and collection markers at most.
const MAX_POINTS: usize = 1_500;
const MAX_MARKERS: usize = 300;

/// "12.3 KB" style sizes for the axis and the hover label.
pub fn human_bytes(b: f64) -> String {
    if b < 1024.0 {
        format!("{b:.0} B")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} KiB", b / 1024.0)
    } else {
        format!("{:.1} MiB", b / 1024.0 / 1024.0)
    }
}

/// (step, bytes) points: every step when there are few, else the peak of each bucket.
pub fn downsample(memory: &[(u64, bool)]) -> Vec<[f64; 2]> {
    let len = memory.len();
    if len <= MAX_POINTS {
        return memory
            .iter()
            .enumerate()
            .map(|(i, m)| [i as f64, m.0 as f64])
            .collect();
    }
    let bucket = len.div_ceil(MAX_POINTS);
    memory
        .chunks(bucket)
        .enumerate()
        .map(|(c, chunk)| {
            let (k, peak) = chunk
                .iter()
                .enumerate()
                .max_by_key(|(_, m)| m.0)
                .map_or((0, 0), |(k, m)| (k, m.0));
            [(c * bucket + k) as f64, peak as f64]
        })
        .collect()
}

/// The steps where a collection started, at most one per bucket of the width.
pub fn collection_steps(memory: &[(u64, bool)]) -> Vec<usize> {
    let bucket = memory.len().div_ceil(MAX_MARKERS).max(1);
    let mut out: Vec<usize> = vec![];
    for (i, _) in memory.iter().enumerate().filter(|(_, m)| m.1) {
        if out.last().is_none_or(|l| i / bucket != l / bucket) {
            out.push(i);
        }
    }
    out
}

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
    // Derived from the whole recording: kept until it grows (a million steps take
    // milliseconds to go through, every frame otherwise).
    type Derived = std::sync::Arc<(usize, Vec<[f64; 2]>, Vec<usize>, u64)>;
    let id = ui.id().with("timeline data");
    let derived: Derived = match ui.data(|d| d.get_temp::<Derived>(id)) {
        Some(d) if d.0 == len => d,
        _ => {
            let peak = memory.iter().map(|m| m.0).max().unwrap_or(0);
            let d: Derived =
                std::sync::Arc::new((len, downsample(memory), collection_steps(memory), peak));
            ui.data_mut(|m| m.insert_temp(id, d.clone()));
            d
        }
    };
    let (points, collections, peak) = (derived.1.clone(), &derived.2, derived.3);
    ui.label(format!(
        "heap {} at this step (peak {}) · red: a collection started",
        human_bytes(memory[at].0 as f64),
        human_bytes(peak as f64)
    ));
    let cursor_color = ui.visuals().strong_text_color();
    let response = Plot::new("memory over time")
        .height(70.0)
        .show_axes([false, true])
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .include_x(0.0)
        .include_x((len - 1) as f64)
        .y_axis_min_width(48.0)
        .y_axis_formatter(|mark, _| human_bytes(mark.value))
        .label_formatter(|hover| {
            let p = match hover {
                HoverPosition::NearDataPoint { position, .. } => position,
                HoverPosition::Elsewhere { position } => position,
            };
            Some(format!(
                "step {:.0}\n{}",
                p.x.max(0.0),
                human_bytes(p.y.max(0.0))
            ))
        })
        .show(ui, |plot| {
            plot.line(
                Line::new("heap", PlotPoints::from(points))
                    .color(Color32::from_rgb(80, 140, 230))
                    .fill(0.0)
                    .fill_alpha(0.15),
            );
            for i in collections {
                plot.vline(
                    VLine::new("collection", *i as f64)
                        .color(Color32::from_rgb(230, 90, 60))
                        .width(1.0),
                );
            }
            plot.vline(
                VLine::new("cursor", at as f64)
                    .color(cursor_color)
                    .width(2.0),
            );
            plot.pointer_coordinate()
        });
    if response.response.clicked()
        && let Some(p) = response.inner
    {
        let i = p.x.round().clamp(0.0, (len - 1) as f64) as usize;
        cmd = Some(Command::GoTo(i));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_keeps_the_peaks_and_the_length() {
        let mut memory: Vec<(u64, bool)> = (0..1_000_000).map(|i| (i % 1000, false)).collect();
        memory[777_777] = (99_999, true);
        let pts = downsample(&memory);
        assert!(pts.len() <= MAX_POINTS);
        assert!(pts.iter().any(|p| p[1] == 99_999.0 && p[0] == 777_777.0));
        assert_eq!(collection_steps(&memory), vec![777_777]);
        let short = downsample(&memory[..10]);
        assert_eq!(short.len(), 10);
        assert_eq!(human_bytes(2048.0), "2.0 KiB");
    }
}
