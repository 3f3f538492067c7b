//! The heap graph: roots (module globals, frames) on the left, objects as objgraph-style
//! boxes (type and summary) with a refcount badge, labelled edges from holder to object,
//! colours with a legend. Zoom and pan through `egui::Scene`; boxes can be dragged.

use std::collections::{BTreeMap, HashMap, HashSet};

use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2,
};

use super::command::Command;
use super::layout::StableLayout;
use crate::analysis::unreachable;
use crate::record::{Holder, ObjKey, Snapshot};

const NODE: Vec2 = vec2(196.0, 42.0);
const ROOT_W: f32 = 190.0;
const ROOT_ROW: f32 = 18.0;
/// Past this many objects only the selection's neighbourhood and the first objects are drawn.
pub const MAX_DRAWN: usize = 1_500;

pub mod colors {
    use eframe::egui::Color32;
    pub const ROOT: Color32 = Color32::from_rgb(196, 216, 250);
    pub const LIVE: Color32 = Color32::from_rgb(255, 248, 200);
    pub const GARBAGE: Color32 = Color32::from_rgb(255, 160, 140);
    pub const GHOST: Color32 = Color32::from_rgba_premultiplied(90, 90, 90, 90);
    pub const SELECTED: Color32 = Color32::from_rgb(120, 220, 120);
    pub const CHAIN: Color32 = Color32::from_rgb(200, 240, 200);
    pub const TEXT: Color32 = Color32::from_rgb(20, 20, 20);
}

pub struct ViewOptions {
    pub hide_cached: bool,
    /// Predict-then-reveal: badges show "?" instead of the refcount.
    pub hide_refcounts: bool,
}

pub struct HeapView {
    pub layout: StableLayout,
    pub scene_rect: Rect,
    /// Objects drawn in the last frame (for tests and the status line).
    pub drawn: usize,
    /// What the view computes from a snapshot, kept while the step, the selection and
    /// the folding stay the same: each is a walk over the whole heap, too slow to redo
    /// every frame on a heap of a million objects.
    cache: Option<(ViewKey, std::rc::Rc<Derived>)>,
}

type ViewKey = (u64, usize, Option<ObjKey>, bool);

struct Derived {
    visible: HashSet<ObjKey>,
    garbage: HashSet<ObjKey>,
    chain: HashSet<ObjKey>,
    roots: BTreeMap<String, Vec<String>>,
}

impl Default for HeapView {
    fn default() -> Self {
        HeapView {
            layout: StableLayout::default(),
            scene_rect: Rect::ZERO,
            drawn: 0,
            cache: None,
        }
    }
}

impl HeapView {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        s: &Snapshot,
        freed: &[ObjKey],
        selected: Option<ObjKey>,
        opts: &ViewOptions,
    ) -> Option<Command> {
        let key = (s.step, s.objects.len(), selected, opts.hide_cached);
        let derived = match &self.cache {
            Some((k, d)) if *k == key => d.clone(),
            _ => {
                let d = std::rc::Rc::new(Derived {
                    visible: visible_objects(s, selected, opts.hide_cached),
                    garbage: unreachable(s),
                    chain: backref_chain(s, selected),
                    roots: root_rows(s, opts.hide_cached),
                });
                self.layout.update(s, &d.visible);
                self.cache = Some((key, d.clone()));
                d
            }
        };
        let (visible, garbage, chain, roots) = (
            &derived.visible,
            &derived.garbage,
            &derived.chain,
            &derived.roots,
        );
        self.layout.ghosts.retain(|k, _| freed.contains(k));
        self.drawn = visible.len();
        let mut cmd = None;
        let total = s.objects.len();
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} objects drawn of {total} (step {}); {} unreachable",
                visible.len(),
                s.step,
                garbage.len()
            ));
            if ui
                .small_button("Fit")
                .on_hover_text("Show the whole graph")
                .clicked()
            {
                let mut r = Rect::from_min_size(pos2(0.0, 0.0), vec2(ROOT_W, 100.0));
                for p in self.layout.pos.values() {
                    r = r.union(Rect::from_min_size(*p, NODE));
                }
                self.scene_rect = r.expand(20.0);
            }
        });
        if self.scene_rect == Rect::ZERO {
            // First frame: zoom 1 with the roots at the top left.
            self.scene_rect = Rect::from_min_size(pos2(-10.0, -10.0), ui.available_size());
        }
        let mut rect = self.scene_rect;
        let area = ui.available_rect_before_wrap().intersect(ui.clip_rect());
        let ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(area));
        egui::Scene::new()
            .zoom_range(0.1..=2.0)
            .show(ui, &mut rect, |ui| {
                let painter = ui.painter().clone();
                let font = FontId::proportional(12.0);
                let small = FontId::proportional(10.0);
                // Roots: one box per group, one row per name.
                let mut row_pos: HashMap<(String, String), Pos2> = HashMap::new();
                let mut y = 0.0;
                for (group, names) in roots {
                    let h = ROOT_ROW * (names.len() as f32 + 1.0) + 4.0;
                    let r = Rect::from_min_size(pos2(0.0, y), vec2(ROOT_W, h));
                    painter.rect(
                        r,
                        4.0,
                        colors::ROOT,
                        Stroke::new(1.0, Color32::DARK_BLUE),
                        StrokeKind::Inside,
                    );
                    painter.text(
                        r.min + vec2(6.0, 2.0),
                        Align2::LEFT_TOP,
                        group,
                        font.clone(),
                        colors::TEXT,
                    );
                    for (i, name) in names.iter().enumerate() {
                        let ry = y + ROOT_ROW * (i as f32 + 1.0) + 2.0;
                        painter.text(
                            pos2(14.0, ry),
                            Align2::LEFT_TOP,
                            name,
                            small.clone(),
                            colors::TEXT,
                        );
                        row_pos.insert((group.clone(), name.clone()), pos2(ROOT_W, ry + 7.0));
                    }
                    y += h + 10.0;
                }
                // Edges under the boxes.
                for r in &s.references {
                    let Some(&to) = self.layout.pos.get(&r.to) else {
                        continue;
                    };
                    let from = match &r.holder {
                        Holder::Object { id } => match self.layout.pos.get(id) {
                            Some(p) => *p + vec2(NODE.x, NODE.y / 2.0),
                            None => continue,
                        },
                        h => match root_key(s, h, &r.label).and_then(|k| row_pos.get(&k)) {
                            Some(p) => *p,
                            None => continue,
                        },
                    };
                    let end = to + vec2(0.0, NODE.y / 2.0);
                    let hot = Some(r.to) == selected || chain.contains(&r.to);
                    let color = if hot {
                        Color32::from_rgb(30, 140, 30)
                    } else {
                        Color32::GRAY
                    };
                    painter.arrow(
                        from,
                        end - from,
                        Stroke::new(if hot { 2.0 } else { 1.0 }, color),
                    );
                    let mid = from + (end - from) * 0.5;
                    painter.text(mid, Align2::CENTER_BOTTOM, &r.label, small.clone(), color);
                }
                for (id, p) in &self.layout.ghosts {
                    let r = Rect::from_min_size(*p, NODE);
                    painter.rect(
                        r,
                        4.0,
                        colors::GHOST,
                        Stroke::new(1.0, Color32::GRAY),
                        StrokeKind::Inside,
                    );
                    painter.text(
                        r.center(),
                        Align2::CENTER_CENTER,
                        format!("freed #{id}"),
                        font.clone(),
                        Color32::LIGHT_GRAY,
                    );
                }
                for o in s.objects.iter().filter(|o| visible.contains(&o.id)) {
                    let p = self.layout.pos[&o.id];
                    let r = Rect::from_min_size(p, NODE);
                    let resp = ui.interact(r, ui.id().with(("obj", o.id)), Sense::click_and_drag());
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::WidgetType::Button,
                            true,
                            format!("{} #{}", o.type_name, o.id),
                        )
                    });
                    if resp.dragged() {
                        let d = resp.drag_delta();
                        if let Some(p) = self.layout.pos.get_mut(&o.id) {
                            *p += d;
                        }
                    }
                    if resp.clicked() {
                        cmd = Some(Command::Select(Some(o.id)));
                    }
                    let fill = if Some(o.id) == selected {
                        colors::SELECTED
                    } else if garbage.contains(&o.id) {
                        colors::GARBAGE
                    } else if chain.contains(&o.id) {
                        colors::CHAIN
                    } else {
                        colors::LIVE
                    };
                    let border = if resp.hovered() {
                        Stroke::new(2.0, Color32::BLACK)
                    } else {
                        Stroke::new(1.0, Color32::DARK_GRAY)
                    };
                    painter.rect(r, 4.0, fill, border, StrokeKind::Inside);
                    painter.text(
                        r.min + vec2(6.0, 4.0),
                        Align2::LEFT_TOP,
                        format!("{} #{}", o.type_name, o.id),
                        font.clone(),
                        colors::TEXT,
                    );
                    painter.text(
                        r.min + vec2(6.0, 22.0),
                        Align2::LEFT_TOP,
                        clip(&o.repr, 30),
                        small.clone(),
                        colors::TEXT,
                    );
                    let badge = r.right_top() + vec2(-2.0, 2.0);
                    painter.circle(
                        badge,
                        11.0,
                        Color32::from_rgb(40, 60, 160),
                        Stroke::new(1.0, Color32::WHITE),
                    );
                    let n = if opts.hide_refcounts {
                        "?".to_string()
                    } else {
                        o.refcount.to_string()
                    };
                    painter.text(
                        badge,
                        Align2::CENTER_CENTER,
                        n,
                        font.clone(),
                        Color32::WHITE,
                    );
                }
            });
        self.scene_rect = rect;
        cmd
    }
}

/// The legend for the graph's colours.
pub fn legend_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        for (c, what) in [
            (colors::ROOT, "root (globals, frame variables)"),
            (colors::LIVE, "live object"),
            (
                colors::GARBAGE,
                "unreachable: only the collector can free it",
            ),
            (colors::GHOST, "freed in this step"),
            (colors::SELECTED, "selection"),
            (colors::CHAIN, "its referrers"),
        ] {
            let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, c);
            ui.label(what);
        }
        ui.label("● refcount");
    });
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

/// Which objects to draw: all but the runtime's shared ones when folded; past
/// `MAX_DRAWN`, the selection's neighbourhood and the first objects.
pub fn visible_objects(
    s: &Snapshot,
    selected: Option<ObjKey>,
    hide_cached: bool,
) -> HashSet<ObjKey> {
    let shown = |id: ObjKey| {
        s.object(id)
            .is_some_and(|o| !(hide_cached && (o.cached || o.runtime)))
    };
    let mut v: HashSet<ObjKey> = HashSet::new();
    if let Some(sel) = selected.filter(|&i| s.object(i).is_some()) {
        v.insert(sel);
        for r in s.holders_of(sel) {
            if let Holder::Object { id } = r.holder {
                v.insert(id);
            }
        }
        for r in s
            .references
            .iter()
            .filter(|r| r.holder == Holder::Object { id: sel })
        {
            v.insert(r.to);
        }
    }
    for o in s.objects.iter().filter(|o| shown(o.id)) {
        if v.len() >= MAX_DRAWN {
            break;
        }
        v.insert(o.id);
    }
    v
}

/// The objects that hold the selection, transitively, up to three levels.
fn backref_chain(s: &Snapshot, selected: Option<ObjKey>) -> HashSet<ObjKey> {
    let mut out = HashSet::new();
    let mut frontier: Vec<ObjKey> = selected.into_iter().collect();
    for _ in 0..3 {
        let mut next = Vec::new();
        for t in frontier {
            for r in s.holders_of(t) {
                if let Holder::Object { id } = r.holder
                    && out.insert(id)
                {
                    next.push(id);
                }
            }
        }
        frontier = next;
    }
    out
}

/// The root box a holder belongs to and its row name.
fn root_key(s: &Snapshot, h: &Holder, label: &str) -> Option<(String, String)> {
    match h {
        Holder::Global { module, name } => Some((format!("module {module}"), name.clone())),
        Holder::Variable { frame, name } => Some((frame_title(s, *frame), name.clone())),
        Holder::Stack { frame } => Some((frame_title(s, *frame), "(stack)".into())),
        _ => {
            let _ = label;
            None
        }
    }
}

fn frame_title(s: &Snapshot, frame: usize) -> String {
    let f = s
        .frames
        .get(frame)
        .map(|f| f.function.as_str())
        .unwrap_or("?");
    format!("frame {frame}: {f}")
}

/// Root boxes in order (module namespaces first, then frames outermost first), each with
/// its sorted, distinct row names.
fn root_rows(s: &Snapshot, hide_dunders: bool) -> BTreeMap<String, Vec<String>> {
    let mut rows: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &s.references {
        if let Some((g, n)) = root_key(s, &r.holder, &r.label) {
            let foreign =
                matches!(&r.holder, Holder::Global { module, .. } if module != "__main__");
            if hide_dunders && (n.starts_with("__") || foreign) {
                continue;
            }
            let v = rows.entry(g).or_default();
            if !v.contains(&n) {
                v.push(n);
            }
        }
    }
    for v in rows.values_mut() {
        v.sort();
    }
    rows
}
