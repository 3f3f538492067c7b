//! The heap graph: roots (module globals, frames) on the left, objects as objgraph-style
//! boxes (type and summary) with a refcount badge, labelled edges from holder to object,
//! colours with a legend. Zoom and pan through `egui::Scene`; boxes can be dragged.

use std::collections::{BTreeMap, HashMap, HashSet};

use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, Ui, Vec2, pos2,
    vec2,
};

use super::command::Command;
use super::layout::StableLayout;
use crate::analysis::SnapIndex;
use crate::analysis::index::Ix;
use crate::record::{HeapSummary, Holder, ObjKey, Snapshot, TypeCount};

/// The sizes of what the graph draws, in scene units, and how far a fit may zoom.
struct Look {
    node: Vec2,
    /// The box's first line (type and id), proportional.
    label: f32,
    /// Its second line (the repr) and the references' labels, monospace.
    repr: f32,
    root_w: f32,
    root_row: f32,
    /// The root boxes' titles, proportional.
    root_title: f32,
    badge: f32,
    /// Where a box's second line starts, below its top.
    repr_y: f32,
    /// At most this many characters of a box's label, of its repr and of a root's name.
    label_chars: usize,
    repr_chars: usize,
    /// Following the graph zooms out no further than this (past it, boxes are too small
    /// to read); None: as far as a box's label stays as large as the window's body text.
    min_zoom: Option<f32>,
    /// A fit magnifies a small graph at most this much.
    max_zoom: f32,
}

/// The ordinary look: a small graph at its natural size, a large one down to 1:1.8.
const NORMAL: Look = Look {
    node: vec2(196.0, 42.0),
    label: 13.0,
    repr: 11.0,
    root_w: 190.0,
    root_row: 18.0,
    root_title: 13.0,
    badge: 11.0,
    repr_y: 22.0,
    label_chars: 40,
    repr_chars: 30,
    min_zoom: Some(1.0 / 1.8),
    max_zoom: 1.0,
};

/// Lecture mode, read from the back of a hall: the same boxes and places (an object
/// keeps its place when the mode changes) with text nearly twice as large in them, and
/// the graph fitted to the panel, never smaller than the body text.
const LECTURE: Look = Look {
    node: vec2(196.0, 58.0),
    label: 24.0,
    repr: 18.0,
    root_w: 226.0,
    root_row: 24.0,
    root_title: 20.0,
    badge: 15.0,
    repr_y: 33.0,
    label_chars: 15,
    repr_chars: 17,
    min_zoom: None,
    max_zoom: 1.5,
};
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
    /// Fold the interpreter's own objects: code objects, the constants only code holds,
    /// module objects only functions and `sys.modules` hold.
    pub hide_internals: bool,
    /// Predict-then-reveal: badges show "?" instead of the refcount.
    pub hide_refcounts: bool,
    /// Lecture mode's look: larger text, the graph fitted to the panel.
    pub lecture: bool,
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
    /// The view follows the graph (fits it whenever the step changes) until the user
    /// pans or zooms; "Fit" turns following back on.
    follow: bool,
    refit: bool,
    /// The next fit shows everything, however small (the Fit button); following only
    /// zooms out as far as boxes stay readable, and shows the roots' corner of a larger
    /// graph.
    fit_all: bool,
    /// The size of the view when it was last fitted: following refits when it changes
    /// (a resized window or panel, lecture mode's magnification).
    fitted_area: Vec2,
    /// UI points per scene unit in the last frame, and a box's size in the scene.
    pub zoom: f32,
    pub node_size: Vec2,
    /// The size of a box's label in the last frame, in UI points (its font size in the
    /// scene times the zoom): what a reader sees.
    pub label_points: f32,
}

type ViewKey = (u64, usize, Option<ObjKey>, bool, bool);

struct Derived {
    visible: HashSet<ObjKey>,
    /// Indices of the references between drawn objects (or from a root to one).
    edges: Vec<usize>,
    /// Indices of the drawn objects.
    boxes: Vec<usize>,
    /// When not everything is drawn: the program's objects by type, most bytes first,
    /// each with its largest object.
    types: Vec<TypeCount>,
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
            follow: true,
            refit: true,
            fit_all: false,
            fitted_area: Vec2::ZERO,
            zoom: 1.0,
            node_size: NORMAL.node,
            label_points: 0.0,
        }
    }
}

impl HeapView {
    /// Fits the graph to the panel at the next frame and follows it again (lecture mode
    /// turned on or off).
    pub fn refit(&mut self) {
        self.follow = true;
        self.refit = true;
        self.fit_all = false;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        s: &Snapshot,
        summary: Option<&HeapSummary>,
        freed: &[ObjKey],
        selected: Option<ObjKey>,
        opts: &ViewOptions,
    ) -> Option<Command> {
        let key = (
            s.step,
            s.objects.len(),
            selected,
            opts.hide_cached,
            opts.hide_internals,
        );
        let derived = match &self.cache {
            Some((k, d)) if *k == key => d.clone(),
            _ => {
                let index = SnapIndex::new(s);
                let visible = visible_objects(s, &index, selected, opts);
                // The references to draw: those to a drawn object, found through the
                // drawn objects' holders (a million-item list's are not walked).
                let mut edges: Vec<usize> = vec![];
                for &id in &visible {
                    let start = s.references.partition_point(|r| r.to < id);
                    for (k, r) in s.references[start..].iter().enumerate() {
                        if r.to != id {
                            break;
                        }
                        let drawn_holder = match r.holder {
                            Holder::Object { id } => visible.contains(&id),
                            _ => true,
                        };
                        if drawn_holder {
                            edges.push(start + k);
                        }
                    }
                }
                edges.sort_unstable();
                let mut boxes: Vec<usize> = visible
                    .iter()
                    .filter_map(|&id| index.ix(id))
                    .map(|i| i as usize)
                    .collect();
                boxes.sort_unstable();
                let types = match summary {
                    Some(summary) => summary.types.clone(),
                    None if visible.len() >= MAX_DRAWN => {
                        let program = s.objects.iter().filter(|o| !o.runtime);
                        let program = program.map(|o| (o.type_name.as_str(), o.id, o.size));
                        HeapSummary::of(s.objects.len(), program).types
                    }
                    None => Vec::new(),
                };
                let garbage = index
                    .unreachable(s)
                    .into_iter()
                    .map(|i| s.objects[i as usize].id)
                    .collect();
                let d = std::rc::Rc::new(Derived {
                    types,
                    edges,
                    boxes,
                    visible,
                    garbage,
                    chain: backref_chain(s, selected),
                    roots: root_rows(s, opts.hide_cached, opts.hide_internals),
                });
                self.layout.update(s, &index, &d.visible);
                // Lecture mode fits the graph again whenever other objects are drawn,
                // even after the lecturer zoomed.
                let redrawn = self
                    .cache
                    .as_ref()
                    .is_none_or(|(_, old)| old.visible != d.visible);
                if opts.lecture && redrawn {
                    self.follow = true;
                }
                self.cache = Some((key, d.clone()));
                self.refit = true;
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
        let total = summary.map_or(s.objects.len(), |m| m.objects);
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
                self.follow = true;
                self.refit = true;
                self.fit_all = true;
            }
        });
        if !derived.types.is_empty() {
            // Too many objects to draw them all: a summary by type, whose entries
            // select the type's largest object (its neighbourhood is then drawn).
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("By type:").small());
                for t in derived.types.iter().take(8) {
                    let text = format!(
                        "{} ×{} · {}",
                        t.type_name,
                        t.count,
                        super::memory_panel::format_size(t.bytes as f64)
                    );
                    if ui
                        .small_button(text)
                        .on_hover_text(format!(
                            "Select the largest {} and draw what holds it and what it holds",
                            t.type_name
                        ))
                        .clicked()
                    {
                        cmd = Some(Command::Select(Some(t.largest)));
                    }
                }
            });
        }
        let area = ui.available_rect_before_wrap().intersect(ui.clip_rect());
        if self.follow && (area.size() - self.fitted_area).length() > 1.0 {
            self.refit = true;
        }
        let look = if opts.lecture { &LECTURE } else { &NORMAL };
        if self.scene_rect == Rect::ZERO || (self.follow && self.refit) {
            self.fitted_area = area.size();
            let body = ui
                .style()
                .text_styles
                .get(&egui::TextStyle::Body)
                .map_or(13.0, |f| f.size);
            self.scene_rect = fit(look, roots, &self.layout, area.size(), body, self.fit_all);
            self.refit = false;
            self.fit_all = false;
        }
        let mut rect = self.scene_rect;
        let ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(area));
        let shown = egui::Scene::new()
            .zoom_range(0.1..=2.0)
            .show(ui, &mut rect, |ui| {
                let painter = ui.painter().clone();
                let node = look.node;
                let font = FontId::proportional(look.label);
                let small = FontId::monospace(look.repr);
                let title = FontId::proportional(look.root_title);
                // Roots: one box per group, one row per name.
                let mut row_pos: HashMap<(String, String), Pos2> = HashMap::new();
                let mut y = 0.0;
                for (group, names) in roots {
                    let h = look.root_row * (names.len() as f32 + 1.0) + 4.0;
                    let r = Rect::from_min_size(pos2(0.0, y), vec2(look.root_w, h));
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
                        clip(group, look.repr_chars + 3),
                        title.clone(),
                        colors::TEXT,
                    );
                    for (i, name) in names.iter().enumerate() {
                        let ry = y + look.root_row * (i as f32 + 1.0) + 2.0;
                        painter.text(
                            pos2(14.0, ry),
                            Align2::LEFT_TOP,
                            clip(name, look.repr_chars),
                            small.clone(),
                            colors::TEXT,
                        );
                        let row_mid = pos2(look.root_w, ry + look.repr * 0.65);
                        row_pos.insert((group.clone(), name.clone()), row_mid);
                    }
                    y += h + 10.0;
                }
                // Edges under the boxes: forward ones straight from the holder's right side
                // to the object's left side; to an object in the same column or further
                // left, a curve that leaves and enters on the right (two objects that hold
                // each other get two separate curves).
                for r in derived.edges.iter().filter_map(|&i| s.references.get(i)) {
                    let Some(&to) = self.layout.pos.get(&r.to) else {
                        continue;
                    };
                    let hot = Some(r.to) == selected || chain.contains(&r.to);
                    let color = if hot {
                        Color32::from_rgb(30, 140, 30)
                    } else if garbage.contains(&r.to) {
                        Color32::from_rgb(220, 90, 70)
                    } else {
                        Color32::GRAY
                    };
                    let stroke = Stroke::new(if hot { 2.0 } else { 1.2 }, color);
                    let from = match &r.holder {
                        Holder::Object { id } => match self.layout.pos.get(id) {
                            Some(p) => *p,
                            None => continue,
                        },
                        h => match root_key(s, h, &r.label).and_then(|k| row_pos.get(&k)) {
                            Some(p) => {
                                let end = to + vec2(0.0, node.y / 2.0);
                                painter.arrow(*p, end - *p, stroke);
                                continue;
                            }
                            None => continue,
                        },
                    };
                    let (label_at, align) = if to.x > from.x + node.x {
                        let (a, b) = (
                            from + vec2(node.x, node.y / 2.0),
                            to + vec2(0.0, node.y / 2.0),
                        );
                        painter.arrow(a, b - a, stroke);
                        (a + (b - a) * 0.5, Align2::CENTER_BOTTOM)
                    } else {
                        let a = from + vec2(node.x, node.y * 0.35);
                        let b = to + vec2(node.x, node.y * 0.65);
                        let bulge =
                            36.0 + ((b.y - a.y).abs() * 0.2).min(90.0) + (a.x - b.x).max(0.0) * 0.1;
                        // The cubic curve as a 12-segment polyline: egui's adaptive
                        // flattening of a thousand curves took half the frame.
                        let c = [a, a + vec2(bulge, 0.0), b + vec2(bulge, 0.0), b];
                        let points: Vec<Pos2> = (0..=12)
                            .map(|k| {
                                let t = k as f32 / 12.0;
                                let u = 1.0 - t;
                                let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
                                pos2(
                                    c.iter().zip(w).map(|(p, w)| p.x * w).sum(),
                                    c.iter().zip(w).map(|(p, w)| p.y * w).sum(),
                                )
                            })
                            .collect();
                        painter.add(egui::Shape::line(points, stroke));
                        // The arrowhead, pointing left into the object's right side.
                        let tip = b;
                        painter.line_segment([tip, tip + vec2(7.0, -4.0)], stroke);
                        painter.line_segment([tip, tip + vec2(7.0, 4.0)], stroke);
                        // The label where the curve leaves its holder, so that two
                        // curves between the same pair keep theirs apart.
                        (a + vec2(8.0, -1.0), Align2::LEFT_BOTTOM)
                    };
                    painter.text(label_at, align, &r.label, small.clone(), color);
                }
                for (id, p) in &self.layout.ghosts {
                    let r = Rect::from_min_size(*p, node);
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
                for o in derived.boxes.iter().filter_map(|&i| s.objects.get(i)) {
                    let p = self.layout.pos[&o.id];
                    let r = Rect::from_min_size(p, node);
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
                        clip(&format!("{} #{}", o.type_name, o.id), look.label_chars),
                        font.clone(),
                        colors::TEXT,
                    );
                    painter.text(
                        r.min + vec2(6.0, look.repr_y),
                        Align2::LEFT_TOP,
                        clip(&o.repr, look.repr_chars),
                        small.clone(),
                        colors::TEXT,
                    );
                    let badge = r.right_top() + vec2(-2.0, 2.0);
                    painter.circle(
                        badge,
                        look.badge,
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
                        FontId::proportional(look.badge * 1.2),
                        Color32::WHITE,
                    );
                }
            });
        if shown.response.changed() {
            self.follow = false;
        }
        self.scene_rect = rect;
        // What `Scene` shows: the scene rect fitted into the area, within its zoom range.
        let fitted = area.size() / rect.size().max(vec2(1e-3, 1e-3));
        self.zoom = fitted.min_elem().clamp(0.1, 2.0);
        self.label_points = look.label * self.zoom;
        self.node_size = look.node;
        cmd
    }
}

/// The scene rect that shows the graph (its roots and the placed boxes) in a view of
/// `area` points: the whole graph at the largest zoom up to `look.max_zoom`, but, unless
/// `all`, zoomed out no further than `look.min_zoom` (or than keeps a box's label as large
/// as `body`), then showing the roots' corner of a larger graph.
fn fit(
    look: &Look,
    roots: &BTreeMap<String, Vec<String>>,
    layout: &StableLayout,
    area: Vec2,
    body: f32,
    all: bool,
) -> Rect {
    let roots_h: f32 = roots
        .values()
        .map(|names| look.root_row * (names.len() as f32 + 1.0) + 14.0)
        .sum();
    let mut r = Rect::from_min_size(pos2(0.0, 0.0), vec2(look.root_w, roots_h.max(100.0)));
    for p in layout.pos.values() {
        r = r.union(Rect::from_min_size(*p, look.node));
    }
    // Room on the right for the curves of references within a column.
    let r = Rect::from_min_max(r.min - vec2(14.0, 14.0), r.max + vec2(110.0, 14.0));
    let area = area.max(vec2(1.0, 1.0));
    let mut zoom = (area.x / r.width())
        .min(area.y / r.height())
        .min(look.max_zoom);
    if !all {
        zoom = zoom.max(look.min_zoom.unwrap_or(body / look.label));
    }
    Rect::from_min_size(r.min, area / zoom)
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
/// `MAX_DRAWN`, the selection's neighbourhood and what the roots reach first.
pub fn visible_objects(
    s: &Snapshot,
    index: &SnapIndex,
    selected: Option<ObjKey>,
    opts: &ViewOptions,
) -> HashSet<ObjKey> {
    let internal = if opts.hide_internals {
        internal_objects(s, index)
    } else {
        vec![false; index.len()]
    };
    let shown = |i: Ix| {
        let o = &s.objects[i as usize];
        !(opts.hide_cached && (o.cached || o.runtime)) && !internal[i as usize]
    };
    let id = |i: Ix| s.objects[i as usize].id;
    let mut v: HashSet<ObjKey> = HashSet::new();
    if let Some(sel) = selected.and_then(|i| index.ix(i)) {
        v.insert(id(sel));
        for r in s.holders_of(id(sel)) {
            if let Holder::Object { id } = r.holder {
                v.insert(id);
            }
        }
        v.extend(index.referents(sel).map(|(to, _)| id(to)));
    }
    let candidates: Vec<Ix> = (0..index.len() as Ix).filter(|&i| shown(i)).collect();
    if v.len() + candidates.len() <= MAX_DRAWN {
        v.extend(candidates.into_iter().map(id));
        return v;
    }
    // Too many to draw: what the roots reach first, breadth-first (a function, its
    // closure, the cell, the list, before the list's ten thousand items), then what no
    // root reaches (the garbage a teacher is showing), then the rest by id.
    let mut order: Vec<Ix> = vec![];
    let mut seen = vec![false; index.len()];
    let mut queue: std::collections::VecDeque<Ix> = std::collections::VecDeque::new();
    for &i in index.program_roots() {
        if shown(i) && !std::mem::replace(&mut seen[i as usize], true) {
            queue.push_back(i);
        }
    }
    while let Some(i) = queue.pop_front() {
        order.push(i);
        if order.len() >= MAX_DRAWN {
            break;
        }
        for (to, _) in index.referents(i) {
            if shown(to) && !std::mem::replace(&mut seen[to as usize], true) {
                queue.push_back(to);
            }
        }
    }
    // Not reached: garbage, or the items of a container whose references the bounded
    // snapshot left out (they have holders the snapshot does not list): those come last.
    let (unreached, unlisted): (Vec<Ix>, Vec<Ix>) = candidates
        .iter()
        .copied()
        .filter(|&i| !seen[i as usize])
        .partition(|&i| !index.has_unlisted_holders(s, i));
    let reserve = unreached.len().min(MAX_DRAWN / 4);
    let reached_budget = MAX_DRAWN.saturating_sub(v.len() + reserve);
    v.extend(order.iter().take(reached_budget).map(|&i| id(i)));
    let rest = order.into_iter().skip(reached_budget);
    for i in unreached.into_iter().chain(rest).chain(unlisted) {
        if v.len() >= MAX_DRAWN {
            break;
        }
        v.insert(id(i));
    }
    v
}

/// The interpreter's own objects, which a program's picture does without: code objects,
/// and what only they, the running frames' bookkeeping (`f_code`, `f_globals`...),
/// `sys.modules`, other modules' namespaces, dunder globals (`__name__`, `__file__`) and
/// functions' `__globals__`/`__code__` reach. An object the program reaches from its
/// own variables is never internal, and neither is garbage no root reaches. By position
/// in the snapshot's objects.
pub fn internal_objects(s: &Snapshot, index: &SnapIndex) -> Vec<bool> {
    let is_code = |i: Ix| s.objects[i as usize].type_name == "code";
    let mut user: Vec<Ix> = vec![];
    let mut internal: Vec<Ix> = (0..index.len() as Ix).filter(|&i| is_code(i)).collect();
    for r in &s.references {
        let Some(to) = index.ix(r.to) else {
            continue;
        };
        match &r.holder {
            Holder::Object { .. } => {}
            // A bundled module's Python code (memory_profiler's wrapper) is the tool's,
            // not the program's: its frames' variables are plumbing.
            h @ (Holder::Variable { .. } | Holder::Stack { .. }) if in_bundled_frame(s, h) => {
                internal.push(to)
            }
            Holder::Variable { .. } | Holder::Stack { .. } => user.push(to),
            Holder::Global { module, name } => {
                if module == "__main__" && !name.starts_with("__") {
                    user.push(to);
                } else {
                    internal.push(to);
                }
            }
            Holder::Constant { .. } => internal.push(to),
            Holder::Runtime { what } => {
                let bookkeeping = what.starts_with("sys.modules")
                    || (what.starts_with("frame ")
                        && ["f_code", "f_globals", "f_locals", "f_func"]
                            .contains(&r.label.as_str()));
                if bookkeeping {
                    internal.push(to);
                }
            }
        }
    }
    // What a library function's closure holds is the library's.
    for i in 0..index.len() as Ix {
        if index.is_library_function(i) {
            internal.extend(
                index
                    .referents(i)
                    .filter(|&(_, plumbing)| plumbing)
                    .map(|(to, _)| to),
            );
        }
    }
    // What the program reaches, not through plumbing and not into code.
    let mut reached = vec![false; index.len()];
    while let Some(i) = user.pop() {
        if is_code(i) || std::mem::replace(&mut reached[i as usize], true) {
            continue;
        }
        user.extend(
            index
                .referents(i)
                .filter(|&(_, plumbing)| !plumbing)
                .map(|(to, _)| to),
        );
    }
    let mut hidden = vec![false; index.len()];
    while let Some(i) = internal.pop() {
        if reached[i as usize] || std::mem::replace(&mut hidden[i as usize], true) {
            continue;
        }
        internal.extend(index.referents(i).map(|(to, _)| to));
    }
    // The type machinery of a class the program uses: its `__mro__` and `__bases__`
    // tuples and its descriptors (its namespace, which holds its methods, stays). Not
    // what they refer to, and not when the class is garbage: then they are part of what
    // the collector frees.
    for r in &s.references {
        let Holder::Object { id } = r.holder else {
            continue;
        };
        let (Some(from), Some(to)) = (index.ix(id), index.ix(r.to)) else {
            continue;
        };
        let part = match r.label.as_str() {
            "__mro__" | "__bases__" => s.objects[from as usize].type_name == "type",
            // A descriptor, found from the class it belongs to.
            "__objclass__" => {
                let (from, to) = (to, from);
                if reached[from as usize] && !reached[to as usize] {
                    hidden[to as usize] = true;
                }
                false
            }
            _ => false,
        };
        if part && reached[from as usize] && !reached[to as usize] {
            hidden[to as usize] = true;
        }
    }
    hidden
}

/// Whether `h` is a variable or the stack of a frame running a bundled module's Python
/// code (`<frozen memory_profiler>`).
fn in_bundled_frame(s: &Snapshot, h: &Holder) -> bool {
    let (Holder::Variable { frame, .. } | Holder::Stack { frame }) = h else {
        return false;
    };
    s.frames
        .get(*frame)
        .is_some_and(|f| f.filename.starts_with("<frozen"))
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
fn root_rows(
    s: &Snapshot,
    hide_dunders: bool,
    hide_internals: bool,
) -> BTreeMap<String, Vec<String>> {
    let mut rows: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &s.references {
        if hide_internals && in_bundled_frame(s, &r.holder) {
            continue;
        }
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
