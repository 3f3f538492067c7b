//! Questions about one [`Snapshot`] as a graph: what refers to an object (objgraph's
//! `show_backrefs`), what it refers to (`show_refs`), the shortest chain from a root
//! (`chain`), which objects no root reaches and which form cycles, the dominator tree and
//! retained sizes (`graph`, on petgraph), and counts by type and their growth between two
//! steps (`stats`). Produces [`Scene`]s, the subgraphs that `export` draws. Knows nothing
//! of the VM or of drawing.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::record::{Holder, ObjKey, Snapshot};

pub mod chain;
mod dominators;
pub mod graph;
pub mod index;
pub mod stats;

pub use chain::{BackrefChain, ChainError, Link, find_backref_chain, find_ref_chain};
pub use graph::{DominatorTree, HeapGraph, Reach};
pub use index::SnapIndex;
pub use stats::{Growth, TypeStat, growth, new_objects, type_stats};

/// A node of a scene: an object, a root (a variable, a global, a runtime holder), or a
/// box standing for the referrers left out.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    pub kind: NodeKind,
    /// The first line of the label: the type, or the root's name.
    pub title: String,
    /// The second line: a short summary of the object.
    pub detail: String,
    pub refcount: Option<u32>,
    /// Distance from the targets (0 for a target).
    pub depth: usize,
    /// objgraph's `highlight`: drawn with a stronger colour.
    pub highlight: bool,
    /// objgraph's `extra_info`: a third line of text.
    pub extra: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    Target(ObjKey),
    Object(ObjKey),
    /// An object no root reaches: only the cycle collector can free it.
    Garbage(ObjKey),
    Root,
    /// "N more referrers"
    More(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SceneEdge {
    /// Index of the referrer in `Scene::nodes`.
    pub from: usize,
    /// Index of the object referred to.
    pub to: usize,
    pub label: String,
    /// Both ends are on one reference cycle of the heap (the same strongly connected
    /// component): drawn in the cycle colour.
    pub in_cycle: bool,
}

/// A subgraph to draw. Edges point from referrer to referent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    /// True for a backrefs scene (targets drawn at the bottom), false for refs.
    pub upward: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct GraphOptions {
    pub max_depth: usize,
    /// Past this many referrers (or referents) of one object, a "N more" box.
    pub too_many: usize,
    /// Leave out the runtime's shared objects (small ints, interned strings...).
    pub hide_cached: bool,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            max_depth: 3,
            too_many: 10,
            hide_cached: true,
        }
    }
}

/// What a program (objgraph's `filter`, `extra_ignore`, `highlight`, `extra_info`) or the
/// app adds to the choice and the look of a scene's objects. Each is asked about an
/// object at most once, when the walk first meets it.
pub trait SceneHooks {
    /// False leaves the object out, with everything only it leads to (targets are
    /// always drawn).
    fn keep(&mut self, _id: ObjKey) -> bool {
        true
    }
    fn highlight(&mut self, _id: ObjKey) -> bool {
        false
    }
    fn extra_info(&mut self, _id: ObjKey) -> Option<String> {
        None
    }
    /// A title other than the short type name (objgraph's `shortnames=False`:
    /// `module.Class`).
    fn title(&mut self, _id: ObjKey) -> Option<String> {
        None
    }
}

/// No additions.
pub struct NoHooks;
impl SceneHooks for NoHooks {}

/// The objects of a snapshot that no root reaches: what the cycle collector will free.
pub fn unreachable(s: &Snapshot) -> HashSet<ObjKey> {
    let index = SnapIndex::new(s);
    index
        .unreachable(s)
        .into_iter()
        .map(|i| s.objects[i as usize].id)
        .collect()
}

/// A root holder's name as a node title.
pub fn root_title(s: &Snapshot, h: &Holder) -> String {
    match h {
        Holder::Variable { frame, name } => {
            let f = s
                .frames
                .get(*frame)
                .map(|f| f.function.as_str())
                .unwrap_or("?");
            format!("{f}(): {name}")
        }
        Holder::Global { module, name } => format!("{module}.{name}"),
        Holder::Stack { frame } => {
            let f = s
                .frames
                .get(*frame)
                .map(|f| f.function.as_str())
                .unwrap_or("?");
            format!("{f}() stack")
        }
        Holder::Constant { function } => format!("constants of {function}"),
        Holder::Runtime { what } => what.clone(),
        Holder::Object { id } => format!("#{id}"),
    }
}

struct Builder<'a, 'h> {
    s: &'a Snapshot,
    reach: HashMap<ObjKey, Reach>,
    /// Strongly connected component of each object on a cycle.
    cycle_of: HashMap<ObjKey, usize>,
    scene: Scene,
    index: HashMap<String, usize>,
    /// Scene index → object, for the cycle marks.
    keys: Vec<Option<ObjKey>>,
    hooks: &'h mut dyn SceneHooks,
    kept: HashMap<ObjKey, bool>,
}

impl<'a, 'h> Builder<'a, 'h> {
    fn new(s: &'a Snapshot, upward: bool, hooks: &'h mut dyn SceneHooks) -> Self {
        let g = HeapGraph::new(s);
        let reach = g.reachability();
        let mut cycle_of = HashMap::new();
        for (c, members) in g.data_cycles(s, &reach).into_iter().enumerate() {
            for id in members {
                cycle_of.insert(id, c);
            }
        }
        Builder {
            s,
            reach,
            cycle_of,
            scene: Scene {
                upward,
                ..Scene::default()
            },
            index: HashMap::new(),
            keys: vec![],
            hooks,
            kept: HashMap::new(),
        }
    }

    /// The hooks' `keep`, asked once per object.
    fn keep(&mut self, id: ObjKey) -> bool {
        if let Some(k) = self.kept.get(&id) {
            return *k;
        }
        let k = self.hooks.keep(id);
        self.kept.insert(id, k);
        k
    }

    fn finish(mut self) -> Scene {
        for e in &mut self.scene.edges {
            let (a, b) = (self.keys[e.from], self.keys[e.to]);
            e.in_cycle = match (a, b) {
                (Some(a), Some(b)) => {
                    let (ca, cb) = (self.cycle_of.get(&a), self.cycle_of.get(&b));
                    ca.is_some() && ca == cb
                }
                _ => false,
            };
        }
        self.scene
    }

    fn object_node(&mut self, id: ObjKey, depth: usize, target: bool) -> (usize, bool) {
        let key = format!("o{id}");
        if let Some(&i) = self.index.get(&key) {
            return (i, false);
        }
        let (title, detail, rc) = match self.s.object(id) {
            Some(o) => (
                self.hooks
                    .title(id)
                    .unwrap_or_else(|| o.type_name.to_string()),
                o.repr.to_string(),
                Some(o.refcount),
            ),
            None => ("?".into(), format!("#{id}"), None),
        };
        let kind = if target {
            NodeKind::Target(id)
        } else if self.reach.get(&id).is_some_and(|r| *r != Reach::Reachable) {
            NodeKind::Garbage(id)
        } else {
            NodeKind::Object(id)
        };
        let highlight = self.hooks.highlight(id);
        let extra = self.hooks.extra_info(id);
        let at = self.push(key, kind, title, detail, rc, depth);
        self.keys[at.0] = Some(id);
        let node = &mut self.scene.nodes[at.0];
        node.highlight = highlight;
        node.extra = extra;
        at
    }

    fn push(
        &mut self,
        key: String,
        kind: NodeKind,
        title: String,
        detail: String,
        refcount: Option<u32>,
        depth: usize,
    ) -> (usize, bool) {
        let i = self.scene.nodes.len();
        self.scene.nodes.push(SceneNode {
            kind,
            title,
            detail,
            refcount,
            depth,
            highlight: false,
            extra: None,
        });
        self.keys.push(None);
        self.index.insert(key, i);
        (i, true)
    }

    fn edge(&mut self, from: usize, to: usize, label: &str) {
        let e = SceneEdge {
            from,
            to,
            label: label.to_string(),
            in_cycle: false,
        };
        if !self.scene.edges.contains(&e) {
            self.scene.edges.push(e);
        }
    }
}

fn hidden(s: &Snapshot, id: ObjKey, opts: &GraphOptions) -> bool {
    opts.hide_cached && s.object(id).is_some_and(|o| o.cached || o.runtime)
}

/// objgraph's `show_backrefs`: the targets at the bottom and, up to `max_depth` levels
/// above, what refers to them; roots (variables, globals, the runtime) end a chain.
pub fn backrefs(s: &Snapshot, targets: &[ObjKey], opts: &GraphOptions) -> Scene {
    backrefs_with(s, targets, opts, &mut NoHooks)
}

/// [`backrefs`] with a program's or the app's [`SceneHooks`].
pub fn backrefs_with(
    s: &Snapshot,
    targets: &[ObjKey],
    opts: &GraphOptions,
    hooks: &mut dyn SceneHooks,
) -> Scene {
    let mut b = Builder::new(s, true, hooks);
    let mut queue = VecDeque::new();
    for t in targets {
        if s.object(*t).is_some() {
            let (i, _) = b.object_node(*t, 0, true);
            queue.push_back((*t, i, 0));
        }
    }
    while let Some((id, at, depth)) = queue.pop_front() {
        if depth >= opts.max_depth {
            continue;
        }
        let holders: Vec<_> = s
            .holders_of(id)
            .iter()
            .filter(|r| match &r.holder {
                Holder::Object { id } => !hidden(s, *id, opts) && b.keep(*id),
                _ => true,
            })
            .collect();
        for r in holders.iter().take(opts.too_many) {
            let from = match &r.holder {
                Holder::Object { id: h } => {
                    let (i, new) = b.object_node(*h, depth + 1, false);
                    if new {
                        queue.push_back((*h, i, depth + 1));
                    }
                    i
                }
                h => {
                    let title = root_title(s, h);
                    let key = format!("r{title}");
                    match b.index.get(&key) {
                        Some(&i) => i,
                        None => {
                            b.push(key, NodeKind::Root, title, String::new(), None, depth + 1)
                                .0
                        }
                    }
                }
            };
            b.edge(from, at, &r.label);
        }
        if holders.len() > opts.too_many {
            let n = holders.len() - opts.too_many;
            let key = format!("m{at}");
            let (i, _) = b.push(
                key,
                NodeKind::More(n),
                format!("{n} more referrers"),
                String::new(),
                None,
                depth + 1,
            );
            b.edge(i, at, "");
        }
    }
    b.finish()
}

/// objgraph's `show_refs`: the roots at the top and what they refer to, down to
/// `max_depth` levels.
pub fn refs(s: &Snapshot, roots: &[ObjKey], opts: &GraphOptions) -> Scene {
    refs_with(s, roots, opts, &mut NoHooks)
}

/// [`refs`] with a program's or the app's [`SceneHooks`].
pub fn refs_with(
    s: &Snapshot,
    roots: &[ObjKey],
    opts: &GraphOptions,
    hooks: &mut dyn SceneHooks,
) -> Scene {
    let mut out: HashMap<ObjKey, Vec<(ObjKey, &str)>> = HashMap::new();
    for r in &s.references {
        if let Holder::Object { id } = r.holder {
            out.entry(id).or_default().push((r.to, &r.label));
        }
    }
    let mut b = Builder::new(s, false, hooks);
    let mut queue = VecDeque::new();
    for t in roots {
        if s.object(*t).is_some() {
            let (i, _) = b.object_node(*t, 0, true);
            queue.push_back((*t, i, 0));
        }
    }
    while let Some((id, at, depth)) = queue.pop_front() {
        if depth >= opts.max_depth {
            continue;
        }
        let targets: Vec<_> = out
            .get(&id)
            .into_iter()
            .flatten()
            .filter(|(to, _)| !hidden(s, *to, opts) && b.keep(*to))
            .collect();
        for (to, label) in targets.iter().take(opts.too_many) {
            let (i, new) = b.object_node(*to, depth + 1, false);
            if new {
                queue.push_back((*to, i, depth + 1));
            }
            b.edge(at, i, label);
        }
        if targets.len() > opts.too_many {
            let n = targets.len() - opts.too_many;
            let (i, _) = b.push(
                format!("m{at}"),
                NodeKind::More(n),
                format!("{n} more referents"),
                String::new(),
                None,
                depth + 1,
            );
            b.edge(at, i, "");
        }
    }
    b.finish()
}

/// The shortest chain of references from a root to `target`, as the labels a program
/// would follow (`holders[3].target`), or None when no root reaches it.
pub fn why_alive(s: &Snapshot, target: ObjKey) -> Option<String> {
    let mut prev: HashMap<ObjKey, (Option<ObjKey>, String)> = HashMap::new();
    let mut queue = VecDeque::new();
    let mut out: HashMap<ObjKey, Vec<(ObjKey, &str)>> = HashMap::new();
    for r in &s.references {
        match &r.holder {
            Holder::Object { id } => out.entry(*id).or_default().push((r.to, &r.label)),
            Holder::Variable { name, .. } | Holder::Global { name, .. } => {
                if let std::collections::hash_map::Entry::Vacant(e) = prev.entry(r.to) {
                    e.insert((None, name.clone()));
                    queue.push_back(r.to);
                }
            }
            _ => {}
        }
    }
    while let Some(id) = queue.pop_front() {
        if id == target {
            break;
        }
        for (to, label) in out.get(&id).into_iter().flatten() {
            if !prev.contains_key(to) {
                prev.insert(*to, (Some(id), label.to_string()));
                queue.push_back(*to);
            }
        }
    }
    prev.get(&target)?;
    let mut parts = vec![];
    let mut at = target;
    while let Some((from, label)) = prev.get(&at) {
        parts.push(label.clone());
        match from {
            Some(f) => at = *f,
            None => break,
        }
    }
    parts.reverse();
    let mut expr = String::new();
    for p in parts {
        if expr.is_empty() || p.starts_with('[') || p.starts_with('.') {
            expr.push_str(&p);
        } else {
            expr.push_str(&format!(" -> {p}"));
        }
    }
    Some(expr)
}

#[cfg(test)]
mod tests;
