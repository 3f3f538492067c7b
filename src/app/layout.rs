//! Stable positions for the heap graph: an object keeps its place while it lives; a new
//! object is placed in the column of its distance from the roots, below what is there.

use std::collections::{HashMap, HashSet, VecDeque};

use eframe::egui::{Pos2, pos2};

use crate::analysis::SnapIndex;
use crate::analysis::index::Ix;
use crate::record::{ObjKey, Snapshot};

pub const COL_W: f32 = 230.0;
pub const ROW_H: f32 = 64.0;
/// Objects start right of the root column.
pub const FIRST_COL_X: f32 = 260.0;
/// The column of objects no root reaches when they are first drawn (below the objects
/// one reference away from a root, in their colour).
const UNREACHABLE_COL: i32 = 1;
/// Objects further from the roots share the last column.
const MAX_DEPTH: usize = 5;

#[derive(Default)]
pub struct StableLayout {
    pub pos: HashMap<ObjKey, Pos2>,
    /// Where freed objects last were, so they can be drawn as fading ghosts.
    pub ghosts: HashMap<ObjKey, Pos2>,
}

impl StableLayout {
    /// Places the visible objects of `s`, keeping the places of those already placed.
    pub fn update(&mut self, s: &Snapshot, index: &SnapIndex, visible: &HashSet<ObjKey>) {
        let gone: Vec<ObjKey> = self
            .pos
            .keys()
            .filter(|k| !visible.contains(k))
            .copied()
            .collect();
        for k in gone {
            if let Some(p) = self.pos.remove(&k) {
                self.ghosts.insert(k, p);
            }
        }
        let depth = depths(s, index, visible);
        let mut bottom: HashMap<i32, f32> = HashMap::new();
        for p in self.pos.values() {
            let col = ((p.x - FIRST_COL_X) / COL_W).round() as i32;
            let b = bottom.entry(col).or_insert(0.0);
            *b = b.max(p.y + ROW_H);
        }
        let mut ids: Vec<ObjKey> = visible.iter().copied().collect();
        ids.sort_unstable();
        for id in ids {
            if self.pos.contains_key(&id) {
                continue;
            }
            // Unreachable objects (no depth) get their own column near the roots; the
            // items of a container the bounded snapshot cut short, the deepest column.
            let col = match depth.get(&id) {
                Some(&d) => d as i32,
                None if index
                    .ix(id)
                    .is_some_and(|i| index.has_unlisted_holders(s, i)) =>
                {
                    MAX_DEPTH as i32
                }
                None => UNREACHABLE_COL,
            };
            let y = bottom.entry(col).or_insert(0.0);
            self.pos
                .insert(id, pos2(FIRST_COL_X + col as f32 * COL_W, *y));
            self.ghosts.remove(&id);
            *y += ROW_H;
        }
    }
}

/// Distance of each visible object from a root (variables, globals, stack), by BFS over
/// object-to-object references between visible objects; unreachable objects get no entry.
fn depths(s: &Snapshot, index: &SnapIndex, visible: &HashSet<ObjKey>) -> HashMap<ObjKey, usize> {
    let id = |i: Ix| s.objects[i as usize].id;
    let mut queue = VecDeque::new();
    let mut depth = HashMap::new();
    for &i in index.program_roots() {
        if visible.contains(&id(i)) && depth.insert(id(i), 0).is_none() {
            queue.push_back(i);
        }
    }
    while let Some(i) = queue.pop_front() {
        let d = depth[&id(i)];
        for (to, _) in index.referents(i) {
            if !visible.contains(&id(to)) {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = depth.entry(id(to)) {
                e.insert((d + 1).min(MAX_DEPTH));
                queue.push_back(to);
            }
        }
    }
    depth
}
