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

/// The plot's data, kept up to date as the recording grows without going through the
/// steps already taken in: the peak of each bucket of steps (a power of two of them, so
/// that when the buckets grow past `MAX_POINTS` two neighbours merge into one), the
/// steps where a collection started, and the peak of all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    len: usize,
    bucket: usize,
    /// (the step of the bucket's peak, the peak), the first such step of each bucket.
    points: Vec<(usize, u64)>,
    collections: Vec<usize>,
    peak: u64,
}

impl Series {
    /// Takes in the steps of `memory` past those already taken in.
    pub fn extend(&mut self, memory: &[(u64, bool)]) {
        self.bucket = self.bucket.max(1);
        for (i, &(bytes, collection)) in memory.iter().enumerate().skip(self.len) {
            self.peak = self.peak.max(bytes);
            if collection {
                self.collections.push(i);
            }
            let b = i / self.bucket;
            match self.points.get_mut(b) {
                Some(p) if bytes > p.1 => *p = (i, bytes),
                Some(_) => {}
                None => self.points.push((i, bytes)),
            }
            if self.points.len() > MAX_POINTS {
                self.bucket *= 2;
                self.points = self
                    .points
                    .chunks(2)
                    .map(|pair| match pair {
                        [a, b] if b.1 > a.1 => *b,
                        _ => pair[0],
                    })
                    .collect();
            }
        }
        self.len = self.len.max(memory.len());
    }

    /// (step, bytes) points for the plot.
    pub fn points(&self) -> Vec<[f64; 2]> {
        self.points
            .iter()
            .map(|&(i, b)| [i as f64, b as f64])
            .collect()
    }

    /// The steps where a collection started, at most one per `MAX_MARKERS`th of the
    /// recording.
    pub fn collections(&self) -> Vec<usize> {
        let bucket = self.len.div_ceil(MAX_MARKERS).max(1);
        let mut out: Vec<usize> = vec![];
        for &i in &self.collections {
            if out.last().is_none_or(|l| i / bucket != l / bucket) {
                out.push(i);
            }
        }
        out
    }

    pub fn peak(&self) -> u64 {
        self.peak
    }
}

/// The slider and the plot; `compact` (lecture mode) puts the heap's size on the
/// slider's line and draws a shorter plot.
pub fn timeline_ui(
    ui: &mut Ui,
    cursor: usize,
    memory: &[(u64, bool)],
    series: &Series,
    compact: bool,
) -> Option<Command> {
    let mut cmd = None;
    let len = memory.len();
    if len == 0 {
        ui.label("No steps recorded yet.");
        return None;
    }
    let mut at = cursor.min(len - 1);
    let (points, collections, peak) = (series.points(), series.collections(), series.peak());
    let heap = format!(
        "heap {} at this step (peak {}) · red: a collection started",
        human_bytes(memory[at].0 as f64),
        human_bytes(peak as f64)
    );
    ui.horizontal(|ui| {
        ui.label(format!("step {at} / {}", len - 1));
        if compact {
            ui.label(&heap);
        }
        ui.spacing_mut().slider_width = (ui.available_width() - 20.0).max(100.0);
        if ui
            .add(egui::Slider::new(&mut at, 0..=len - 1).show_value(false))
            .changed()
        {
            cmd = Some(Command::GoTo(at));
        }
    });
    if !compact {
        ui.label(heap);
    }
    let cursor_color = ui.visuals().strong_text_color();
    let response = Plot::new("memory over time")
        .height(if compact { 40.0 } else { 70.0 })
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
            for i in &collections {
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
        let mut series = Series::default();
        series.extend(&memory);
        let pts = series.points();
        assert!(pts.len() <= MAX_POINTS && pts.len() > MAX_POINTS / 2);
        assert!(pts.iter().any(|p| p[1] == 99_999.0 && p[0] == 777_777.0));
        assert_eq!(series.collections(), vec![777_777]);
        assert_eq!(series.peak(), 99_999);
        let mut short = Series::default();
        short.extend(&memory[..10]);
        assert_eq!(short.points().len(), 10);
        assert_eq!(human_bytes(2048.0), "2.0 KiB");
    }

    /// Taking the steps in as they come, in uneven slices, gives the series that taking
    /// them in at once gives, and each point is its bucket's peak.
    #[test]
    fn a_series_grown_step_by_step_is_the_one_built_at_once() {
        let memory: Vec<(u64, bool)> = (0..50_000u64)
            .map(|i| ((i * 7919) % 10_007, i % 997 == 0))
            .collect();
        let mut whole = Series::default();
        whole.extend(&memory);
        let mut grown = Series::default();
        let mut end = 0;
        for k in 1.. {
            end = (end + k * 37).min(memory.len());
            grown.extend(&memory[..end]);
            if end == memory.len() {
                break;
            }
        }
        assert_eq!(grown, whole);
        for (i, &(step, peak)) in whole.points.iter().enumerate() {
            let range = i * whole.bucket..((i + 1) * whole.bucket).min(memory.len());
            let max = memory[range.clone()].iter().map(|m| m.0).max();
            assert_eq!(Some(peak), max);
            assert!(range.contains(&step) && memory[step].0 == peak);
        }
    }
}
