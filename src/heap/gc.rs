//! The graph phases of CPython's cycle collector (Modules/gcmodule.c), one function per
//! phase: `update_refs → subtract_refs → move_unreachable` (which also untracks atomic tuples),
//! then `untrack_dicts` and `clear`. The vm drives a collection (generations, finalizers,
//! callbacks) because finalizers run Python code; this module only reads and edits the
//! heap.
//!
//! An object is *unreachable* when every reference to it comes from other objects of the
//! generations being collected, and nothing outside them reaches it: exactly the garbage
//! that reference counting alone can never free.

use super::kinds::{Instance, IterState, Kind};
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
    gather(heap, generation, false)
}

/// A collection's candidates, as [`young`] lists them, with phase 1 (`update_refs`) done
/// in the same pass: both read the same headers, and on a large heap every pass over them
/// is a pass through memory.
pub fn candidates(heap: &Heap, generation: usize) -> Vec<ObjId> {
    gather(heap, generation, true)
}

fn gather(heap: &Heap, generation: usize, count: bool) -> Vec<ObjId> {
    let mut out = Vec::with_capacity(heap.gens[..=generation].iter().map(|g| g.len()).sum());
    let mut last = 0u32;
    let mut sorted = true;
    for g in heap.gens[..=generation].iter().rev() {
        for id in g.iter() {
            let o = heap.get(id);
            sorted &= o.serial >= last;
            last = o.serial;
            if count {
                o.gc_refs.set(initial_refs(o.rc, 0));
            }
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

/// `gc_refs` of an object that no collection is examining.
pub const NOT_COLLECTING: i32 = i32::MIN;
/// `gc_refs` of an object that `move_unreachable` found reachable.
const REACHABLE: i32 = i32::MAX;

/// Phase 1: each object's `gc_refs` starts as its refcount (minus `held`, references the
/// collector itself holds). That also marks the set: an object outside it keeps
/// [`NOT_COLLECTING`].
pub fn update_refs(heap: &Heap, set: &[ObjId], held: i64) {
    for id in set {
        let o = heap.get(*id);
        o.gc_refs.set(initial_refs(o.rc, held));
    }
}

fn initial_refs(rc: u32, held: i64) -> i32 {
    // A refcount past i32's range would take 2^31 holders; clamped all the same.
    (i64::from(rc) - held).clamp(0, i64::from(REACHABLE) - 1) as i32
}

/// Phase 2: subtract every reference that comes from inside the set. What is left counts
/// the references from outside: roots, frames, older generations.
pub fn subtract_refs(heap: &Heap, set: &[ObjId]) {
    for id in set {
        for_each_ref(heap.kind(*id), &mut |_, to| {
            let refs = &heap.get(to).gc_refs;
            let r = refs.get();
            if r != NOT_COLLECTING {
                refs.set(r - 1);
            }
        });
    }
}

/// Phase 3: objects with outside references are reachable, and so is everything they
/// reach inside the set; the rest is unreachable. Returns (reachable, unreachable), both
/// in the set's order, and leaves every object of the set [`NOT_COLLECTING`] again.
///
/// Each object with outside references is followed as the scan meets it, as CPython's
/// `move_unreachable` does, so the stack holds one path, not every root at once.
///
/// With `untrack`, the pass that sorts the set also does CPython's `untrack_tuples` on
/// the reachable objects, in the same order a pass of its own would.
pub fn move_unreachable(heap: &mut Heap, set: &[ObjId], untrack: bool) -> (Vec<ObjId>, Vec<ObjId>) {
    mark_reachable(heap, set);
    let mut reach = Vec::with_capacity(set.len());
    let mut unreach = vec![];
    for id in set {
        let o = heap.get(*id);
        let reachable = o.gc_refs.get() == REACHABLE;
        o.gc_refs.set(NOT_COLLECTING);
        if !reachable {
            unreach.push(*id);
            continue;
        }
        reach.push(*id);
        if untrack && tuple_atomic(heap, *id) {
            heap.untrack(*id);
        }
    }
    (reach, unreach)
}

/// Marks [`REACHABLE`] every object of the set that has outside references, and what
/// they reach inside the set.
fn mark_reachable(heap: &Heap, set: &[ObjId]) {
    let mut stack: Vec<ObjId> = vec![];
    for id in set {
        let refs = &heap.get(*id).gc_refs;
        let r = refs.get();
        if r <= 0 || r == REACHABLE {
            continue;
        }
        refs.set(REACHABLE);
        stack.push(*id);
        while let Some(x) = stack.pop() {
            for_each_ref(heap.kind(x), &mut |_, to| {
                let refs = &heap.get(to).gc_refs;
                let r = refs.get();
                if r != NOT_COLLECTING && r != REACHABLE {
                    refs.set(REACHABLE);
                    stack.push(to);
                }
            });
        }
    }
}

/// subtract_refs → move_unreachable over a set whose `gc_refs` are counted (by
/// [`candidates`] or [`update_refs`]). When `external` is given, it receives each
/// object's `gc_refs` after subtraction (the app's replay shows them). `untrack` as in
/// [`move_unreachable`].
pub fn deduce_unreachable(
    heap: &mut Heap,
    set: &[ObjId],
    external: Option<&mut Vec<(ObjId, i64)>>,
    untrack: bool,
) -> (Vec<ObjId>, Vec<ObjId>) {
    subtract_refs(heap, set);
    if let Some(out) = external {
        out.extend(
            set.iter()
                .map(|id| (*id, i64::from(heap.get(*id).gc_refs.get()))),
        );
    }
    move_unreachable(heap, set, untrack)
}

/// The order CPython's `move_unreachable` leaves a generation's list in, over a set
/// whose `gc_refs` are counted and subtracted (it leaves them [`NOT_COLLECTING`]).
/// CPython scans the list in order: an object without outside references is moved out
/// of it for the moment, and when a reachable object scanned later refers to it, it goes
/// back to the end of the list. So the survivors end up in the order the scan found them
/// reachable: `lst = [a, b]; z = C()` (created a, b, lst, z) comes out lst, z, b, a (a
/// list visits its items last to first). refscope keeps its generations in creation
/// order; this is the order of the few collections where the difference shows (the
/// finalizers at exit). The objects left unreachable come last, in their order.
pub fn scan_order(heap: &Heap, set: &[ObjId]) -> Vec<ObjId> {
    // gc_refs: > 0 not yet scanned, with outside references (or reached); 0 not yet
    // scanned, none known; TENTATIVE scanned without any; REACHABLE scanned, reachable.
    const TENTATIVE: i32 = -1;
    let mut list: Vec<ObjId> = set.to_vec();
    let mut order = Vec::with_capacity(set.len());
    let mut i = 0;
    while i < list.len() {
        let id = list[i];
        i += 1;
        let refs = &heap.get(id).gc_refs;
        match refs.get() {
            r if r > 0 && r != REACHABLE => {}
            0 => {
                refs.set(TENTATIVE);
                continue;
            }
            _ => continue,
        }
        refs.set(REACHABLE);
        order.push(id);
        for_each_ref(heap.kind(id), &mut |_, to| {
            let refs = &heap.get(to).gc_refs;
            match refs.get() {
                TENTATIVE => {
                    refs.set(1);
                    list.push(to);
                }
                0 => refs.set(1),
                _ => {}
            }
        });
    }
    for id in set {
        let refs = &heap.get(*id).gc_refs;
        if refs.get() == TENTATIVE {
            order.push(*id);
        }
    }
    for id in set {
        heap.get(*id).gc_refs.set(NOT_COLLECTING);
    }
    order
}

/// CPython's `_PyObject_GC_MAY_BE_TRACKED`: a gc-capable object may be part of a cycle
/// now or later — except a tuple that is already untracked.
pub fn may_be_tracked(heap: &Heap, id: ObjId) -> bool {
    match heap.kind(id) {
        Kind::Tuple(_) => heap.get(id).generation != UNTRACKED,
        // CPython's static types are not gc objects (`(object,)` can be untracked).
        Kind::Class(_) => !heap.has_flag(id, super::flags::BUILTIN),
        k => super::size::is_gc_kind(k),
    }
}

/// A tuple whose items are all untracked can never be in a cycle: CPython untracks it
/// when a collection sees it (`untrack_tuples`, done in `move_unreachable`).
fn tuple_atomic(heap: &Heap, id: ObjId) -> bool {
    match heap.kind(id) {
        // (Only an exact tuple: an instance of a subclass stays tracked.)
        Kind::Tuple(t) => t.ext.is_none() && t.iter().all(|x| !may_be_tracked(heap, *x)),
        _ => false,
    }
}

/// Dicts holding only untracked keys and values are untracked by full collections.
pub fn untrack_dicts(heap: &mut Heap, set: &[ObjId]) {
    for id in set {
        let atomic = match heap.kind(*id) {
            Kind::Dict(t) => t.ext.is_none() && table_atomic(heap, t),
            Kind::TypeDict(ns) => ns.iter().all(|(_, v)| !may_be_tracked(heap, v)),
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

/// Clears what an instance holds as an instance: its attributes, slots and `__dict__`
/// (its class stays, as CPython's `subtype_clear` keeps the type).
fn clear_instance(inst: &mut Instance, out: &mut Vec<ObjId>) {
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
}

/// `tp_clear`: takes every reference out of a container and appends them to `out`, for
/// release. It breaks the cycles an unreachable object is part of. (One buffer serves a
/// whole collection: a vector per cleared object was a `malloc` and a `free` each.)
pub fn clear(heap: &mut Heap, id: ObjId, out: &mut Vec<ObjId>) {
    match heap.kind_mut(id) {
        Kind::List(l) => {
            if let Some(inst) = &mut l.ext {
                clear_instance(inst, out);
            }
            out.extend(l.items.drain(..).rev());
        }
        Kind::Str(s) => {
            if let Some(inst) = &mut s.ext {
                clear_instance(inst, out);
            }
        }
        Kind::IntSub(i) => clear_instance(&mut i.ext, out),
        Kind::FloatSub(x) => clear_instance(&mut x.ext, out),
        Kind::Tuple(t) => {
            if let Some(inst) = &mut t.ext {
                clear_instance(inst, out);
            }
            out.append(t);
        }
        Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => {
            if let Some(inst) = &mut t.ext {
                clear_instance(inst, out);
            }
            for e in t.clear() {
                out.push(e.key);
                if !e.value.is_null() {
                    out.push(e.value);
                }
            }
        }
        Kind::Instance(inst) => {
            clear_instance(inst, out);
            if let Some(exc) = &mut inst.exc {
                for r in [
                    &mut exc.message,
                    &mut exc.exceptions,
                    &mut exc.obj,
                    &mut exc.name,
                    &mut exc.args,
                    &mut exc.cause,
                    &mut exc.context,
                ] {
                    if !r.is_null() {
                        out.push(std::mem::replace(r, ObjId::NULL));
                    }
                }
                if !exc.traceback.is_null() {
                    out.push(std::mem::replace(&mut exc.traceback, ObjId::NULL));
                }
            }
        }
        Kind::Function(f) => {
            for r in [
                &mut f.defaults,
                &mut f.kwdefaults,
                &mut f.dict,
                &mut f.closure,
                &mut f.annotations,
            ] {
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
        // type_clear: the class forgets its MRO (and its namespace is a dict that is
        // cleared on its own), so that a lookup on it finds nothing freed.
        Kind::Class(c) => {
            out.push(std::mem::replace(&mut c.mro_tuple, ObjId::NULL));
            c.mro.clear();
        }
        Kind::TypeDict(ns) => {
            for (_, v) in ns.drain() {
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
        // frame_tp_clear: the finished frame's locals and value stack go (f_back stays,
        // as in CPython).
        Kind::Frame(frame) => {
            if let Some(st) = frame.state.as_mut() {
                out.extend(
                    std::mem::take(&mut st.slots)
                        .into_iter()
                        .filter(|v| !v.is_null()),
                );
            }
        }
        // tb_clear: tb_next and tb_frame.
        Kind::Traceback(tb) => {
            for r in [&mut tb.next, &mut tb.frame] {
                if !r.is_null() {
                    out.push(std::mem::replace(r, ObjId::NULL));
                }
            }
        }
        Kind::Generator(g) => {
            // The generator ends: nothing can resume or close a frame whose values are
            // gone, so the whole frame goes.
            if let Some(frame) = g.frame.take() {
                super::visit::frame_refs(&frame, &mut |_, r| out.push(r));
            }
            out.append(&mut g.handled);
            if !g.finalizer.is_null() {
                out.push(std::mem::replace(&mut g.finalizer, ObjId::NULL));
            }
        }
        Kind::Iter(it) => {
            let state = std::mem::replace(&mut it.state, IterState::Exhausted);
            let tmp = Kind::Iter(Box::new(super::kinds::IterObj { tag: it.tag, state }));
            for_each_ref(&tmp, &mut |_, r| out.push(r));
        }
        Kind::Property(p) => {
            for r in p.fns.iter_mut() {
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

// The collector's count lives in the header's padding.
const _: () = assert!(std::mem::size_of::<super::Object>() == 40);
