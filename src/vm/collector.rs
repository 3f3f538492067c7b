//! Driving CPython 3.11's generational cycle collector: thresholds (700, 10, 10), the
//! long-lived 25% rule for full collections, finalizers (PEP 442: `__del__` runs once,
//! resurrection respected), `DEBUG_SAVEALL`, callbacks, and one event per phase for the
//! app's replay of a collection.

use super::{PyResult, Vm};
use crate::heap::{Kind, ObjId, gc};

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// What one phase of a collection found (for the app's phase-by-phase replay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GcPhase {
    /// The objects examined (generations 0..=g).
    Candidates(Vec<ObjId>),
    /// Objects with references from outside the candidates, and those counts.
    ExternalRefs(Vec<(ObjId, i64)>),
    Unreachable(Vec<ObjId>),
    Finalized(Vec<ObjId>),
    Resurrected(Vec<ObjId>),
    Freed(Vec<ObjId>),
}

#[derive(Debug, Clone, Default)]
pub struct GenStats {
    pub collections: i64,
    pub collected: i64,
    pub uncollectable: i64,
}

/// The interpreter's gc state (CPython's `GCState`).
pub struct GcState {
    pub enabled: bool,
    pub thresholds: [i64; 3],
    /// Counts of generations 1 and 2 (generation 0's is the heap's allocation count).
    pub counts: [i64; 3],
    pub debug: i64,
    /// `gc.garbage` and `gc.callbacks` (lists, owned), created with the runtime.
    pub garbage: ObjId,
    pub callbacks: ObjId,
    pub collecting: bool,
    pub long_lived_total: i64,
    pub long_lived_pending: i64,
    pub stats: [GenStats; 3],
    /// The phases of the last collection.
    pub last_phases: Vec<GcPhase>,
    /// Record phases (the app turns this on).
    pub record_phases: bool,
    /// The order of CPython's generation lists for the next collection: set for the
    /// collection at exit (see `Vm::finalize_main`); the others use creation order.
    pub order_hint: Option<OrderHint>,
}

/// Objects' places in an order, by heap slot. Each place keeps the serial of the
/// object it was given to: a slot freed since and taken by a new object has no place.
#[derive(Default)]
pub struct OrderHint {
    places: Vec<(u32, u32)>,
}

impl OrderHint {
    /// The places of `order`'s objects, first to last.
    pub fn of(heap: &crate::heap::Heap, order: &[ObjId]) -> OrderHint {
        let mut places =
            vec![(0, u32::MAX); order.iter().map(|id| id.index() + 1).max().unwrap_or(0)];
        for (place, id) in order.iter().enumerate() {
            places[id.index()] = (heap.get(*id).serial, place as u32);
        }
        OrderHint { places }
    }

    /// `id`'s place, or `u32::MAX` for an object the order does not know.
    fn place(&self, heap: &crate::heap::Heap, id: ObjId) -> u32 {
        match self.places.get(id.index()) {
            Some(&(serial, place)) if serial == heap.get(id).serial => place,
            _ => u32::MAX,
        }
    }
}

impl GcState {
    pub fn new() -> GcState {
        GcState {
            enabled: true,
            thresholds: [700, 10, 10],
            counts: [0; 3],
            debug: 0,
            garbage: ObjId::NULL,
            callbacks: ObjId::NULL,
            collecting: false,
            long_lived_total: 0,
            long_lived_pending: 0,
            stats: Default::default(),
            last_phases: vec![],
            record_phases: false,
            order_hint: None,
        }
    }
}

impl Default for GcState {
    fn default() -> Self {
        Self::new()
    }
}

impl Vm {
    /// Tells the heap when an allocation makes a collection due.
    pub fn sync_gc_trigger(&mut self) {
        self.heap.gc_trigger = if self.gc.enabled && self.gc.thresholds[0] > 0 {
            self.gc.thresholds[0]
        } else {
            i64::MAX
        };
    }

    /// Creates `gc.garbage` and `gc.callbacks`.
    pub(crate) fn init_gc(&mut self) {
        self.gc.garbage = self.new_list(vec![]);
        self.gc.callbacks = self.new_list(vec![]);
        self.heap.untrack(self.gc.garbage);
        self.heap.untrack(self.gc.callbacks);
    }

    /// Called at safe points: an automatic collection when generation 0's count passed
    /// its threshold (CPython checks on each container allocation).
    pub(crate) fn maybe_collect(&mut self) -> PyResult<()> {
        if !self.gc.enabled || self.gc.collecting || self.gc.thresholds[0] == 0 {
            return Ok(());
        }
        if self.heap.gc_count0 <= self.gc.thresholds[0] {
            return Ok(());
        }
        // gc_collect_generations: the oldest generation whose count passed its threshold.
        for g in (0..3).rev() {
            let count = if g == 0 {
                self.heap.gc_count0
            } else {
                self.gc.counts[g]
            };
            if count > self.gc.thresholds[g] {
                if g == 2 && self.gc.long_lived_pending < self.gc.long_lived_total / 4 {
                    continue;
                }
                // CPython collects inside the allocation that passed the threshold,
                // before that object joins generation 0; refscope collects after the
                // instruction. So what the instruction made from that allocation on
                // stays out of the collection (and young), as in CPython, and counts
                // toward the next one.
                let from = self.heap.gc_due_from;
                let late: Vec<(ObjId, u32)> = self.heap.gens[0]
                    .iter()
                    .map(|id| (id, self.heap.get(id).serial))
                    .filter(|&(_, serial)| serial >= from)
                    .collect();
                for (id, _) in &late {
                    self.heap.untrack(*id);
                }
                let r = self.collect_with_callbacks(g);
                for (id, serial) in &late {
                    if self.heap.is_live(*id) && self.heap.get(*id).serial == *serial {
                        self.heap.track(*id);
                    }
                }
                self.heap.gc_count0 += late.len().saturating_sub(1) as i64;
                r?;
                break;
            }
        }
        self.heap.gc_due_from = u32::MAX;
        Ok(())
    }

    /// A collection with the `gc.callbacks` around it; returns the number of unreachable
    /// objects found.
    pub fn collect_with_callbacks(&mut self, generation: usize) -> PyResult<i64> {
        if self.gc.collecting {
            return Ok(0);
        }
        // Collecting covers the callbacks too, so their allocations cannot start another.
        self.gc.collecting = true;
        let r = (|| {
            self.invoke_gc_callbacks("start", generation, 0, 0)?;
            let (collected, uncollectable) = self.collect_inner(generation.min(2))?;
            self.invoke_gc_callbacks("stop", generation, collected, uncollectable)?;
            Ok(collected + uncollectable)
        })();
        self.gc.collecting = false;
        r
    }

    fn invoke_gc_callbacks(
        &mut self,
        phase: &str,
        generation: usize,
        collected: i64,
        uncollectable: i64,
    ) -> PyResult<()> {
        if self.gc.callbacks.is_null() || self.seq_len_of(self.gc.callbacks) == 0 {
            return Ok(());
        }
        let cbs = self.collect(self.gc.callbacks)?;
        let info = self.new_dict();
        for (k, v) in [
            ("generation", generation as i64),
            ("collected", collected),
            ("uncollectable", uncollectable),
        ] {
            let key = self.new_str(k);
            let val = self.new_int(v);
            self.dict_set(info, key, val)?;
            self.heap.decref(key);
            self.heap.decref(val);
        }
        let p = self.new_str(phase);
        let mark = self.held.len();
        self.held.extend_from_slice(&cbs);
        self.held.push(info);
        self.held.push(p);
        for cb in &cbs {
            match self.call(*cb, &[p, info]) {
                Ok(v) => self.heap.decref(v),
                Err(e) => {
                    let fr = self.repr_of(*cb).unwrap_or_default();
                    let tb = self.format_unraisable(e.0);
                    self.out
                        .write_err(&format!("Exception ignored in: {fr}\n{tb}"));
                    self.heap.decref(e.0);
                }
            }
        }
        self.held.truncate(mark);
        self.release_all(cbs);
        self.heap.decref(p);
        self.heap.decref(info);
        Ok(())
    }

    /// `gc_collect_main`: collects generations `0..=generation`.
    /// Returns (collected, uncollectable).
    pub fn gc_collect(&mut self, generation: usize) -> PyResult<(i64, i64)> {
        let generation = generation.min(2);
        if self.gc.collecting {
            return Ok((0, 0));
        }
        self.gc.collecting = true;
        let r = self.collect_inner(generation);
        self.gc.collecting = false;
        r
    }

    /// CPython's handle_weakrefs: weak references to the garbage are cleared before any
    /// finalizer runs; the callbacks of those that are not garbage themselves run now.
    /// Returns how many of those weak references their callback's end freed: CPython
    /// counts them among the objects collected.
    fn handle_weakrefs(&mut self, unreachable: &[ObjId]) -> i64 {
        // The set of garbage is only needed when some of it is weakly referenced, which
        // is rare: building it for every collection was a tenth of collecting 200,000
        // cycles.
        let mut garbage: Option<std::collections::HashSet<ObjId>> = None;
        for id in unreachable {
            if self
                .heap
                .has_flag(*id, crate::heap::flags::WEAKLY_REFERENCED)
            {
                let garbage = garbage.get_or_insert_with(|| unreachable.iter().copied().collect());
                for (wr, cb) in self.heap.clear_weakrefs(*id, false) {
                    if !garbage.contains(&wr) {
                        self.heap.incref(wr);
                        self.heap.incref(cb);
                        self.heap.weak_callbacks.push_back((wr, cb));
                    }
                }
            }
        }
        let mut freed = 0;
        while let Some((wr, cb)) = self.heap.weak_callbacks.pop_front() {
            if self.run_weak_callback(wr, cb) {
                freed += 1;
            }
        }
        freed
    }

    /// Whether the order in which a collection frees the tracked objects can show: one
    /// of them has a finalizer to run (`__del__`, a generator's cleanup) or weak
    /// references whose callbacks may run, or the gc debug flags print or keep them.
    pub(crate) fn freeing_order_shows(&self) -> bool {
        self.gc.debug & (DEBUG_COLLECTABLE | DEBUG_SAVEALL) != 0
            || self.heap.gens.iter().any(|g| {
                g.iter().any(|id| {
                    self.heap.needs_finalizer(id)
                        || self
                            .heap
                            .has_flag(id, crate::heap::flags::WEAKLY_REFERENCED)
                })
            })
    }

    fn collect_inner(&mut self, generation: usize) -> PyResult<(i64, i64)> {
        let record = self.gc.record_phases;
        let mut phases = vec![];
        if self.gc.debug & DEBUG_STATS != 0 {
            let sizes: Vec<String> = (0..3)
                .map(|g| self.heap.gens[g].len().to_string())
                .collect();
            self.out.write_err(&format!(
                "gc: collecting generation {generation}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n",
                sizes.join(" "),
                self.heap.gens[3].len()
            ));
        }
        // Generation counts.
        if generation + 1 < 3 {
            self.gc.counts[generation + 1] += 1;
        }
        for g in 0..=generation {
            if g == 0 {
                self.heap.gc_count0 = 0;
            } else {
                self.gc.counts[g] = 0;
            }
        }
        let old_gen = if generation < 2 { generation + 1 } else { 2 };
        let mut young = gc::candidates(&self.heap, generation);
        if let Some(rank) = self.gc.order_hint.take() {
            // (A stable sort: what the hint does not know keeps creation order, last.)
            young.sort_by_cached_key(|id| rank.place(&self.heap, *id));
        }
        debug_assert!(
            young.iter().all(|id| self.heap.is_live(*id)),
            "a dead object in a generation list"
        );
        debug_assert!(
            young.len() == young.iter().collect::<std::collections::HashSet<_>>().len(),
            "an object in two generation lists"
        );
        if record {
            phases.push(GcPhase::Candidates(young.clone()));
        }
        let tracing = self.tracer.is_some();
        if tracing {
            self.trace_gc_phase("start", self.keys_of(&young));
        }
        let mut external = vec![];
        let (reachable, mut unreachable) = gc::deduce_unreachable(
            &mut self.heap,
            &young,
            record.then_some(&mut external),
            true,
        );
        if record {
            phases.push(GcPhase::ExternalRefs(external));
            phases.push(GcPhase::Unreachable(unreachable.clone()));
        }
        if tracing {
            self.trace_gc_phase("unreachable", self.keys_of(&unreachable));
        }
        // Survivors move to the next generation.
        if generation == 1 {
            self.gc.long_lived_pending += reachable.len() as i64;
        }
        if unreachable.is_empty() {
            // Everything survived: whole lists move, youngest last.
            for g in (0..=generation).rev() {
                self.heap.merge_gen(g, old_gen);
            }
        } else {
            for id in &reachable {
                if self.heap.get(*id).generation != crate::heap::UNTRACKED {
                    self.heap.move_to_gen(*id, old_gen as u8);
                }
            }
        }
        if generation == 2 {
            gc::untrack_dicts(&mut self.heap, &reachable);
            self.gc.long_lived_pending = 0;
            self.gc.long_lived_total = self.heap.gens[2].len() as i64;
        }
        if self.gc.debug & DEBUG_COLLECTABLE != 0 {
            for id in &unreachable {
                let (tn, addr) = (self.type_name(*id), self.addr(*id));
                self.out
                    .write_err(&format!("gc: collectable <{tn} {addr}>\n"));
            }
        }
        // Hold the garbage while finalizers run, so none of it disappears under us.
        for id in &unreachable {
            self.heap.incref(*id);
        }
        let held_mark = self.held.len();
        self.held.extend_from_slice(&unreachable);
        let weakrefs_freed = self.handle_weakrefs(&unreachable);
        // PEP 442: run each __del__ once.
        let mut finalized = vec![];
        for id in &unreachable {
            if self.heap.has_flag(*id, crate::heap::flags::FINALIZED) {
                continue;
            }
            if let Kind::Generator(g) = self.heap.kind(*id) {
                // `_PyGen_Finalize`: a generator that has not finished is closed, which
                // clears its frame (and runs the `finally`/`with` cleanup it is inside).
                if g.frame.is_some() {
                    self.heap.set_flag(*id, crate::heap::flags::FINALIZED);
                    finalized.push(*id);
                    self.finalize_generator(*id);
                }
                continue;
            }
            // (The class's flag first: looking `__del__` up in the MRO of each of a
            // million instances at exit was a tenth of the time it took to exit.)
            if !self.heap.needs_finalizer(*id) {
                continue;
            }
            let f = match self.instance_of(*id) {
                Some(_) => self.class_lookup(self.type_of(*id), self.names.del),
                None => None,
            };
            if let Some(f) = f {
                self.heap.set_flag(*id, crate::heap::flags::FINALIZED);
                finalized.push(*id);
                self.heap.incref(f);
                self.held.push(f);
                let r = self.call(f, &[*id]);
                self.held.pop();
                self.ignore_error(f, r);
                self.heap.decref(f);
            }
        }
        if record {
            phases.push(GcPhase::Finalized(finalized.clone()));
        }
        if tracing && !finalized.is_empty() {
            self.trace_gc_phase("finalized", self.keys_of(&finalized));
        }
        // What the collection frees from here on, for the recording's last phase.
        self.heap.freed_log = record.then(Vec::new);
        // Objects a finalizer made reachable again survive (into the older generation).
        let (resurrected, still) = if finalized.is_empty() {
            (vec![], unreachable.clone())
        } else {
            // CPython holds each object only while its own finalizer runs: what a
            // finalizer left unreferenced (a generator's closed frame was all that held a
            // list) is freed then and not counted. Letting go of the garbage does that
            // here; nothing allocates meanwhile, so a slot still live is the same object.
            self.held.truncate(held_mark);
            for id in &unreachable {
                self.heap.decref(*id);
            }
            unreachable.retain(|id| self.heap.is_live(*id));
            for id in &unreachable {
                self.heap.incref(*id);
            }
            self.held.extend_from_slice(&unreachable);
            gc::update_refs(&self.heap, &unreachable, 1);
            gc::deduce_unreachable(&mut self.heap, &unreachable, None, false)
        };
        for id in &resurrected {
            if self.heap.get(*id).generation != crate::heap::UNTRACKED {
                self.heap.move_to_gen(*id, old_gen as u8);
            }
        }
        if record {
            phases.push(GcPhase::Resurrected(resurrected.clone()));
        }
        let collected = still.len() as i64 + weakrefs_freed;
        let still_keys = if tracing {
            self.keys_of(&still)
        } else {
            vec![]
        };
        // delete_garbage: break the cycles (or keep everything with DEBUG_SAVEALL).
        if self.gc.debug & DEBUG_SAVEALL != 0 {
            for id in &still {
                self.heap.incref(*id);
                self.list_push(self.gc.garbage, *id);
            }
        } else {
            let mut refs = vec![];
            for id in &still {
                if !self.heap.is_live(*id) {
                    continue;
                }
                gc::clear(&mut self.heap, *id, &mut refs);
                self.heap.resize(*id);
                for r in refs.drain(..) {
                    self.heap.decref(r);
                }
            }
        }
        self.held.truncate(held_mark);
        for id in &unreachable {
            self.heap.decref(*id);
        }
        self.run_finalizers()?;
        if tracing {
            self.trace_gc_phase("freed", still_keys);
        }
        if record {
            let freed = self.heap.freed_log.take().unwrap_or_default();
            phases.push(GcPhase::Freed(freed));
            self.gc.last_phases = phases;
        }
        let st = &mut self.gc.stats[generation];
        st.collections += 1;
        st.collected += collected;
        if self.gc.debug & DEBUG_STATS != 0 {
            self.out.write_err(&format!(
                "gc: done, {collected} unreachable, 0 uncollectable, 0.0000s elapsed\n"
            ));
        }
        Ok((collected, 0))
    }
}
