//! The graph phases of CPython's cycle collector (Modules/gcmodule.c), one function per
//! phase: `update_refs → subtract_refs → move_unreachable`, then `untrack_tuples`,
//! `untrack_dicts` and `clear`. The vm drives a collection (generations, finalizers,
//! callbacks) because finalizers run Python code; this module only reads and edits the
//! heap.
//!
//! An object is *unreachable* when every reference to it comes from other objects of the
//! generations being collected, and nothing outside them reaches it: exactly the garbage
//! that reference counting alone can never free.

use super::kinds::{IterState, Kind};
use super::table::Table;
use super::visit::for_each_ref;
use super::{Heap, ObjId, UNTRACKED};

/// The objects of generations `0..=generation`, in allocation order (CPython's lists keep
/// that order, and it decides the order finalizers run in).
///
/// The generation lists keep the order objects joined them (see `gens`), and an older
/// generation holds older objects, so oldest generation first is allocation order already
/// and one pass checks it. Objects tracked again after being untracked, or frozen out of
/// order, break that; then the list is sorted.
pub fn young(heap: &Heap, generation: usize) -> Vec<ObjId> {
    let mut out = Vec::with_capacity(heap.gens[..=generation].iter().map(|g| g.len()).sum());
    let mut last = 0u32;
    let mut sorted = true;
    for g in heap.gens[..=generation].iter().rev() {
        for id in g.iter() {
            let serial = heap.get(id).serial;
            sorted &= serial >= last;
            last = serial;
            out.push(id);
        }
    }
    if !sorted {
        // Sorted as plain integers, (serial, slot) packed in one u64: a comparison that
        // looked up each object's header would miss the cache at every step of the sort.
        let mut keys: Vec<u64> = out
            .iter()
            .map(|id| (u64::from(heap.get(*id).serial) << 32) | u64::from(id.0))
            .collect();
        keys.sort_unstable();
        out = keys.into_iter().map(|k| ObjId(k as u32)).collect();
    }
    out
}

/// The collector's scratch state: `gc_refs` per object of the set being examined, and
/// reachability marks. The tables are indexed by slot and kept by the heap between
/// collections; only the entries a collection touched are reset, so a generation-0
/// collection costs what generation 0 holds, not the size of the heap.
pub struct Scratch {
    /// Indexed by slot; `i64::MIN` marks "not in the set".
    refs: Vec<i64>,
    marks: Vec<bool>,
    touched: Vec<ObjId>,
}

const NOT_IN_SET: i64 = i64::MIN;

impl Scratch {
    /// Scratch tables sized for the heap, reusing the heap's.
    pub fn new(heap: &mut Heap) -> Scratch {
        let (mut refs, mut marks) = std::mem::take(&mut heap.gc_scratch);
        let n = heap.slot_count();
        if refs.len() < n {
            refs.resize(n, NOT_IN_SET);
            marks.resize(n, false);
        }
        Scratch {
            refs,
            marks,
            touched: vec![],
        }
    }

    /// Resets the touched entries and gives the tables back to the heap.
    pub fn release(mut self, heap: &mut Heap) {
        for id in self.touched.drain(..) {
            self.refs[id.index()] = NOT_IN_SET;
            self.marks[id.index()] = false;
        }
        heap.gc_scratch = (self.refs, self.marks);
    }

    fn get(&self, id: ObjId) -> Option<i64> {
        match self.refs.get(id.index()) {
            Some(&r) if r != NOT_IN_SET => Some(r),
            _ => None,
        }
    }

    /// `gc_refs` after subtraction, for the app's replay of a collection.
    pub fn gc_refs(&self, id: ObjId) -> Option<i64> {
        self.get(id)
    }
}

/// Phase 1: each object's `gc_refs` starts as its refcount (minus `held`, references the
/// collector itself holds).
pub fn update_refs(heap: &Heap, set: &[ObjId], scratch: &mut Scratch, held: i64) {
    for id in set {
        scratch.refs[id.index()] = heap.get(*id).rc as i64 - held;
    }
    scratch.touched.extend_from_slice(set);
}

/// Phase 2: subtract every reference that comes from inside the set. What is left counts
/// the references from outside: roots, frames, older generations.
pub fn subtract_refs(heap: &Heap, set: &[ObjId], scratch: &mut Scratch) {
    for id in set {
        for_each_ref(heap.kind(*id), &mut |_, to| {
            if let Some(r) = scratch.refs.get_mut(to.index())
                && *r != NOT_IN_SET
            {
                *r -= 1;
            }
        });
    }
}

/// Phase 3: objects with outside references are reachable, and so is everything they
/// reach inside the set; the rest is unreachable. Returns (reachable, unreachable), both
/// in the set's order.
pub fn move_unreachable(
    heap: &Heap,
    set: &[ObjId],
    scratch: &mut Scratch,
) -> (Vec<ObjId>, Vec<ObjId>) {
    let reachable_mark = &mut scratch.marks;
    let mut stack: Vec<ObjId> = set
        .iter()
        .copied()
        .filter(|id| scratch.refs[id.index()] != NOT_IN_SET && scratch.refs[id.index()] > 0)
        .collect();
    for id in &stack {
        reachable_mark[id.index()] = true;
    }
    while let Some(id) = stack.pop() {
        for_each_ref(heap.kind(id), &mut |_, to| {
            if scratch
                .refs
                .get(to.index())
                .is_some_and(|r| *r != NOT_IN_SET)
                && !reachable_mark[to.index()]
            {
                reachable_mark[to.index()] = true;
                stack.push(to);
            }
        });
    }
    let (mut reach, mut unreach) = (vec![], vec![]);
    for id in set {
        if reachable_mark[id.index()] {
            reach.push(*id);
        } else {
            unreach.push(*id);
        }
    }
    (reach, unreach)
}

/// update_refs → subtract_refs → move_unreachable over a set.
pub fn deduce_unreachable(
    heap: &mut Heap,
    set: &[ObjId],
    held: i64,
) -> (Vec<ObjId>, Vec<ObjId>, Scratch) {
    let mut scratch = Scratch::new(heap);
    let heap = &*heap;
    update_refs(heap, set, &mut scratch, held);
    subtract_refs(heap, set, &mut scratch);
    let (r, u) = move_unreachable(heap, set, &mut scratch);
    (r, u, scratch)
}

/// CPython's `_PyObject_GC_MAY_BE_TRACKED`: a gc-capable object may be part of a cycle
/// now or later — except a tuple that is already untracked.
pub fn may_be_tracked(heap: &Heap, id: ObjId) -> bool {
    match heap.kind(id) {
        Kind::Tuple(_) => heap.get(id).generation != UNTRACKED,
        k => super::size::is_gc_kind(k),
    }
}

/// Tuples whose items are all untracked can never be in a cycle: CPython untracks them
/// when a collection sees them.
pub fn untrack_tuples(heap: &mut Heap, set: &[ObjId]) {
    for id in set {
        let atomic = match heap.kind(*id) {
            Kind::Tuple(t) => t.iter().all(|x| !may_be_tracked(heap, *x)),
            _ => false,
        };
        if atomic {
            heap.untrack(*id);
        }
    }
}

/// Dicts holding only untracked keys and values are untracked by full collections.
pub fn untrack_dicts(heap: &mut Heap, set: &[ObjId]) {
    for id in set {
        let atomic = match heap.kind(*id) {
            Kind::Dict(t) => table_atomic(heap, t),
            _ => false,
        };
        if atomic {
            heap.untrack(*id);
        }
    }
}

fn table_atomic(heap: &Heap, t: &Table) -> bool {
    t.iter().all(|(_, e)| {
        !may_be_tracked(heap, e.key) && (e.value.is_null() || !may_be_tracked(heap, e.value))
    })
}

/// `tp_clear`: takes every reference out of a container and appends them to `out`, for
/// release. It breaks the cycles an unreachable object is part of. (One buffer serves a
/// whole collection: a vector per cleared object was a `malloc` and a `free` each.)
pub fn clear(heap: &mut Heap, id: ObjId, out: &mut Vec<ObjId>) {
    match heap.kind_mut(id) {
        Kind::List(l) => {
            out.extend(l.items.drain(..).rev());
        }
        Kind::Tuple(t) => {
            out.append(t);
        }
        Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => {
            for e in t.clear() {
                out.push(e.key);
                if !e.value.is_null() {
                    out.push(e.value);
                }
            }
        }
        Kind::Instance(inst) => {
            for (_, v) in inst.attrs.drain() {
                out.push(v);
            }
            out.extend(
                std::mem::take(&mut inst.slots)
                    .into_iter()
                    .filter(|v| !v.is_null()),
            );
            if !inst.dict.is_null() {
                out.push(std::mem::replace(&mut inst.dict, ObjId::NULL));
            }
            if let Some(exc) = &mut inst.exc {
                for r in [&mut exc.args, &mut exc.cause, &mut exc.context] {
                    if !r.is_null() {
                        out.push(std::mem::replace(r, ObjId::NULL));
                    }
                }
                out.append(&mut exc.tb_frames);
            }
        }
        Kind::Function(f) => {
            for r in [&mut f.defaults, &mut f.kwdefaults, &mut f.closure] {
                if !r.is_null() {
                    out.push(std::mem::replace(r, ObjId::NULL));
                }
            }
            for (_, v) in f.attrs.drain() {
                out.push(v);
            }
        }
        Kind::Cell(c) if !c.is_null() => {
            out.push(std::mem::replace(c, ObjId::NULL));
        }
        Kind::WeakRef(w) if !w.callback.is_null() => {
            out.push(std::mem::replace(&mut w.callback, ObjId::NULL));
        }
        Kind::Class(c) => {
            for (_, v) in c.dict.drain() {
                out.push(v);
            }
        }
        Kind::Module(m) => {
            for (_, v) in m.dict.drain() {
                out.push(v);
            }
        }
        Kind::Namespace(n) => {
            for (_, v) in n.drain() {
                out.push(v);
            }
        }
        Kind::Frame(frame) => {
            out.extend(
                std::mem::take(&mut frame.slots)
                    .into_iter()
                    .filter(|v| !v.is_null()),
            );
        }
        Kind::Generator(g) => {
            if let Some(frame) = g.frame.as_mut() {
                out.extend(
                    std::mem::take(&mut frame.slots)
                        .into_iter()
                        .filter(|v| !v.is_null()),
                );
            }
        }
        Kind::Iter(it) => {
            let state = std::mem::replace(&mut it.state, IterState::Exhausted);
            let tmp = Kind::Iter(Box::new(super::kinds::IterObj { tag: it.tag, state }));
            for_each_ref(&tmp, &mut |_, r| out.push(r));
        }
        Kind::Property(p) => {
            for r in p.iter_mut() {
                if !r.is_null() {
                    out.push(std::mem::replace(r, ObjId::NULL));
                }
            }
        }
        _ => {}
    }
}

impl Heap {
    /// The number of slots (live and free): the size of per-object scratch tables.
    pub fn slot_count(&self) -> usize {
        self.objects.len()
    }

    /// Every tracked object with its generation, in allocation order.
    pub fn tracked(&self) -> Vec<ObjId> {
        young(self, 3)
    }
}
