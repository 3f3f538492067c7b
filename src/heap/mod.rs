//! The heap: objects with CPython-like headers (refcount, modelled size, gc state) and real
//! reference counting.
//!
//! It owns allocation, `incref`/`decref` and the deallocation cascade (a freed object
//! releases what it holds, in CPython's order), the intern table for strings, and the
//! generation lists of the cycle collector. It must not run Python code: an object that
//! needs `__del__` when its refcount reaches zero is *parked* (the cascade pauses) until
//! the vm has run the finalizer and calls [`Heap::resume`].
//!
//! Every reference an object holds is listed by [`visit::for_each_ref`]; the invariant the
//! whole project relies on is that for every live object, `refcount` equals the number of
//! holders (object fields, frame slots, vm roots, pending releases) that refer to it.

pub mod gc;
pub mod gens;
pub mod kinds;
pub mod size;
pub mod symbols;
pub mod table;
pub mod visit;

use std::collections::HashMap;
use std::rc::Rc;

pub use kinds::{Kind, TypeTag};
pub use symbols::{Sym, SymMap, Symbols};

/// A reference to a heap object: the index of its slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

impl Default for ObjId {
    fn default() -> Self {
        ObjId::NULL
    }
}

impl ObjId {
    /// The empty reference (an unbound local, a missing default, CPython's NULL).
    pub const NULL: ObjId = ObjId(u32::MAX);

    #[inline]
    pub fn is_null(self) -> bool {
        self.0 == u32::MAX
    }

    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

pub mod flags {
    /// Never freed: static objects (None, bools, small ints, built-in types and functions).
    pub const IMMORTAL: u8 = 1;
    /// Shared by the runtime: small ints, interned strings (drawn as cached in the UI).
    pub const CACHED: u8 = 2;
    /// Its `__del__` already ran (PEP 442: it never runs twice).
    pub const FINALIZED: u8 = 4;
    /// Part of the runtime (built-in types, functions, modules), hidden from user views.
    pub const BUILTIN: u8 = 8;
    /// Weak references point at it (listed in `Heap::weakrefs`).
    pub const WEAKLY_REFERENCED: u8 = 16;
    /// Made while a module of refscope's library written in Python (`<frozen random>`)
    /// ran its top-level code: its functions, classes, strings. The runtime's, for the
    /// views, as CPython's own modules are.
    pub const LIBRARY: u8 = 32;
    /// An instance of a Python subclass of a built-in type (`Kind::ext` holds its class):
    /// the hot paths tell such objects apart by this bit, without following the kind's
    /// box.
    pub const SUBCLASS_INSTANCE: u8 = 64;
}

/// Generation of an object not tracked by the collector.
pub const UNTRACKED: u8 = u8::MAX;
/// The permanent generation of `gc.freeze()`.
pub const PERMANENT: u8 = 3;

#[derive(Debug)]
pub struct Object {
    pub rc: u32,
    /// The allocation's serial number: what `id()` shows; never reused.
    pub serial: u32,
    /// The modelled `sys.getsizeof`.
    pub size: u32,
    /// Position in its generation's list (when tracked).
    pub gc_index: u32,
    /// The collector's count of references from outside the set it examines, while a
    /// collection examines this object; [`gc::NOT_COLLECTING`] otherwise. In the header,
    /// as CPython keeps it in `PyGC_Head`: the phases read the header anyway, and a table
    /// beside the heap was one more cache miss per reference. (A `Cell` because
    /// subtracting reads one object's references while it counts down another's.) It
    /// fits in the header's padding: an `Object` stays 40 bytes.
    pub gc_refs: std::cell::Cell<i32>,
    pub flags: u8,
    /// 0, 1, 2, [`PERMANENT`], or [`UNTRACKED`].
    pub generation: u8,
    pub kind: Kind,
}

/// What the cascade has left to do.
#[derive(Debug, Clone, Copy)]
enum Task {
    /// Release one reference to this object.
    Decref(ObjId),
}

/// A traceback as tracemalloc stores it: (file, line) frames, most recent first.
pub type TraceFrames = Rc<[(Rc<str>, u32)]>;

/// What `tracemalloc` records: the allocation traceback of every object allocated while
/// tracing (objects allocated by refscope's own Python modules are not traced).
#[derive(Debug)]
pub struct Tracing {
    /// How many frames a traceback keeps (`tracemalloc.start(nframe)`).
    pub nframe: u16,
    /// The file and line of the instruction running now.
    pub site: (Rc<str>, u32),
    /// The callers' frames (file, line of the call), most recent first, at most
    /// `nframe - 1`; the VM refreshes them when the running frame changes.
    pub outer: Vec<(Rc<str>, u32)>,
    /// (number of frames, serial of the running frame) when `outer` was taken.
    pub outer_key: (usize, u32),
    /// `site` followed by `outer`, shared by every allocation until either changes.
    frames: Option<TraceFrames>,
    /// Live traced objects: slot → (serial, traceback).
    pub traces: HashMap<ObjId, (u32, TraceFrames)>,
    /// The bytes of the objects in `traces`, kept as they are allocated, resized and
    /// freed (summing them at each allocation made tracing quadratic: a list of 80,000
    /// new ints took 40 s).
    pub traced: usize,
    pub peak: usize,
}

impl Tracing {
    pub fn new(nframe: u16) -> Tracing {
        Tracing {
            nframe,
            site: ("<frozen tracemalloc>".into(), 0),
            outer: vec![],
            outer_key: (0, 0),
            frames: None,
            traces: HashMap::new(),
            traced: 0,
            peak: 0,
        }
    }

    fn site_traced(&self) -> bool {
        !self.site.0.starts_with("<frozen")
    }

    /// Moves the current site (the running instruction's file and line).
    pub fn set_site(&mut self, file: &Rc<str>, line: u32) {
        if self.site.1 != line || !Rc::ptr_eq(&self.site.0, file) {
            self.site = (file.clone(), line);
            self.frames = None;
        }
    }

    /// Replaces the callers' frames.
    pub fn set_outer(&mut self, key: (usize, u32), outer: Vec<(Rc<str>, u32)>) {
        self.outer_key = key;
        self.outer = outer;
        self.frames = None;
    }

    fn current_frames(&mut self) -> TraceFrames {
        if let Some(f) = &self.frames {
            return f.clone();
        }
        let keep = usize::from(self.nframe.max(1)) - 1;
        let f: TraceFrames = std::iter::once(self.site.clone())
            .chain(self.outer.iter().take(keep).cloned())
            .collect();
        self.frames = Some(f.clone());
        f
    }
}

/// Releases set aside while a finalizer runs (see [`Heap::take_pending`]).
#[derive(Debug, Default)]
pub struct PendingWork(std::collections::VecDeque<Task>);

impl PendingWork {
    /// The objects whose release is waiting.
    pub fn ids(&self) -> impl Iterator<Item = ObjId> + '_ {
        self.0.iter().map(|Task::Decref(id)| *id)
    }
}

pub struct Heap {
    objects: Vec<Object>,
    /// The flags a new object starts with: `flags::LIBRARY` while a library module loads.
    pub new_flags: u8,
    free_slots: Vec<u32>,
    next_serial: u32,
    live: usize,
    /// The modelled bytes of all live objects.
    pub bytes: usize,
    pub peak_bytes: usize,
    pending: std::collections::VecDeque<Task>,
    /// Objects whose refcount reached zero and whose `__del__` must run before they are freed.
    pub to_finalize: Vec<ObjId>,
    /// The intern table (does not own its strings, as in CPython 3.11).
    interned: HashMap<Rc<str>, ObjId>,
    /// For each bytearray or array a managed buffer holds (a memoryview's), how many
    /// do: while it has one it cannot change size.
    pub buffer_exports: HashMap<ObjId, u32>,
    pub syms: Symbols,
    /// The collector's generation lists: 0, 1, 2 and permanent.
    pub gens: [gens::GenList; 4],
    /// CPython's `gcstate->generations[0].count`: containers allocated minus freed.
    pub gc_count0: i64,
    /// Generation 0's threshold while automatic collection is enabled (else `i64::MAX`),
    /// mirrored from the vm so allocation can tell when a collection is due.
    pub gc_trigger: i64,
    /// The serial of the allocation that made a collection due (`u32::MAX`: none).
    pub gc_due_from: u32,
    /// A container allocation took the count past the trigger: collect at the next safe point.
    pub gc_due: bool,
    /// Objects freed during the current cascade (for events and `gc` bookkeeping).
    pub freed_log: Option<Vec<ObjId>>,
    /// `tracemalloc`'s state while it traces.
    pub tracing: Option<Box<Tracing>>,
    /// `tracemalloc.get_traceback_limit()`: kept after `stop()`, as CPython does.
    pub traceback_limit: u16,
    /// While a recording runs: objects touched since the last step (see [`Touch`]).
    /// The weak references to each weakly referenced object, oldest first.
    pub weakrefs: HashMap<ObjId, Vec<ObjId>>,
    /// Weak-reference callbacks to run, (weakref, callback), both owned; the cascade that
    /// queued them pauses until the vm has run them, as a finalizer's does.
    pub weak_callbacks: std::collections::VecDeque<(ObjId, ObjId)>,
    pub recording: bool,
    pub touched: Vec<ObjId>,
    /// The strongest touch of each slot since the last step (0: untouched).
    pub touch_level: Vec<u8>,
    /// Changes whenever a class may have changed (mutable access to one, or one freed):
    /// the vm's attribute cache is valid for one value of it.
    pub type_epoch: u64,
}

/// How much of an object a recording must look at again at the next step.
pub mod touch {
    /// Its refcount, size, generation or flags may have changed.
    pub const INFO: u8 = 1;
    /// A list got items appended (and nothing else changed in its references).
    pub const APPEND: u8 = 2;
    /// Anything may have changed.
    pub const FULL: u8 = 3;
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::with_capacity(1 << 12),
            new_flags: 0,
            free_slots: Vec::new(),
            next_serial: 1,
            live: 0,
            bytes: 0,
            peak_bytes: 0,
            pending: std::collections::VecDeque::new(),
            to_finalize: Vec::new(),
            interned: HashMap::new(),
            buffer_exports: HashMap::new(),
            syms: Symbols::default(),
            gens: Default::default(),
            gc_count0: 0,
            gc_trigger: 700,
            gc_due_from: u32::MAX,
            gc_due: false,
            freed_log: None,
            tracing: None,
            traceback_limit: 1,
            weakrefs: HashMap::new(),
            weak_callbacks: std::collections::VecDeque::new(),
            recording: false,
            touched: Vec::new(),
            touch_level: Vec::new(),
            type_epoch: 0,
        }
    }

    /// Allocates an object with refcount 1 (the caller owns that reference).
    pub fn alloc(&mut self, kind: Kind) -> ObjId {
        let size = size::initial_size(&kind) as u32;
        let gc = size::is_gc_kind(&kind);
        let obj = Object {
            rc: 1,
            serial: self.next_serial,
            size,
            gc_index: u32::MAX,
            gc_refs: std::cell::Cell::new(gc::NOT_COLLECTING),
            flags: self.new_flags,
            generation: UNTRACKED,
            kind,
        };
        self.next_serial = self.next_serial.wrapping_add(1);
        let id = match self.free_slots.pop() {
            Some(slot) => {
                // A free slot holds `Kind::Free`, which owns nothing: no drop to run.
                std::mem::forget(std::mem::replace(&mut self.objects[slot as usize], obj));
                ObjId(slot)
            }
            None => {
                self.objects.push(obj);
                ObjId((self.objects.len() - 1) as u32)
            }
        };
        self.live += 1;
        self.bytes += size as usize;
        if self.bytes > self.peak_bytes {
            self.peak_bytes = self.bytes;
        }
        if let Some(t) = &mut self.tracing
            && t.site_traced()
        {
            let frames = t.current_frames();
            t.traces
                .insert(id, (self.objects[id.index()].serial, frames));
            t.traced += size as usize;
            t.peak = t.peak.max(t.traced);
        }
        if gc {
            self.gc_count0 += 1;
            if self.gc_count0 > self.gc_trigger {
                if !self.gc_due {
                    self.gc_due_from = self.objects[id.index()].serial;
                }
                self.gc_due = true;
            }
            self.track(id);
        }
        self.touch(id, touch::FULL);
        id
    }

    /// The serial number the next allocation gets.
    pub fn next_serial(&self) -> u32 {
        self.next_serial
    }

    /// Notes, for a running recording, that the object changed (`level` from [`touch`]).
    #[inline]
    pub fn touch(&mut self, id: ObjId, level: u8) {
        if self.recording {
            self.touch_slow(id, level);
        }
    }

    #[cold]
    fn touch_slow(&mut self, id: ObjId, level: u8) {
        let i = id.index();
        if i >= self.touch_level.len() {
            self.touch_level.resize(self.objects.len().max(i + 1), 0);
        }
        let l = &mut self.touch_level[i];
        if *l == 0 {
            self.touched.push(id);
        }
        if *l < level {
            *l = level;
        }
    }

    /// Starts tracking an object in generation 0.
    pub fn track(&mut self, id: ObjId) {
        self.touch(id, touch::INFO);
        let o = &mut self.objects[id.index()];
        if o.generation != UNTRACKED {
            return;
        }
        o.generation = 0;
        o.gc_index = self.gens[0].push(id);
    }

    /// Stops tracking an object.
    pub fn untrack(&mut self, id: ObjId) {
        self.touch(id, touch::INFO);
        let (generation, ix) = {
            let o = &self.objects[id.index()];
            (o.generation, o.gc_index)
        };
        if generation == UNTRACKED {
            return;
        }
        let objects = &mut self.objects;
        self.gens[generation as usize].remove(ix, |moved, i| {
            objects[moved.index()].gc_index = i;
        });
        let o = &mut self.objects[id.index()];
        o.generation = UNTRACKED;
        o.gc_index = u32::MAX;
    }

    /// Moves a tracked object to the end of another generation (one already there stays
    /// where it is).
    pub fn move_to_gen(&mut self, id: ObjId, generation: u8) {
        self.touch(id, touch::INFO);
        let now = self.objects[id.index()].generation;
        if now == UNTRACKED || now == generation {
            return;
        }
        self.untrack(id);
        let o = &mut self.objects[id.index()];
        o.generation = generation;
        o.gc_index = self.gens[generation as usize].push(id);
    }

    /// Moves every object of generation `from` to the end of generation `to`, keeping
    /// their order: CPython's `gc_list_merge`, for a collection that found no garbage
    /// (moving the survivors one by one cost a twentieth of building 10^6 instances).
    pub fn merge_gen(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        for id in self.gens[from].take() {
            self.touch(id, touch::INFO);
            let ix = self.gens[to].push(id);
            let o = &mut self.objects[id.index()];
            o.generation = to as u8;
            o.gc_index = ix;
        }
    }

    #[inline]
    pub fn get(&self, id: ObjId) -> &Object {
        &self.objects[id.index()]
    }

    #[inline]
    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        self.touch(id, touch::FULL);
        let o = &mut self.objects[id.index()];
        if matches!(o.kind, Kind::Class(_) | Kind::TypeDict(_)) {
            self.type_epoch += 1;
        }
        o
    }

    #[inline]
    pub fn kind(&self, id: ObjId) -> &Kind {
        &self.objects[id.index()].kind
    }

    /// Mutable access to a list that only gets items appended (a recording then looks
    /// at the new items only).
    #[inline]
    pub fn list_mut_append(&mut self, id: ObjId) -> &mut Kind {
        self.touch(id, touch::APPEND);
        &mut self.objects[id.index()].kind
    }

    /// Mutable access for a change that neither the object's references, its repr nor
    /// its size show: an iterator's position. A recording then only looks at its header
    /// again (through `kind_mut` it built the iterator's summary at every step of a loop,
    /// a seventh of recording one).
    #[inline]
    pub fn position_mut(&mut self, id: ObjId) -> &mut Kind {
        self.touch(id, touch::INFO);
        &mut self.objects[id.index()].kind
    }

    /// A class's namespace (`tp_dict`).
    pub fn class_ns(&self, class: ObjId) -> Option<&SymMap<ObjId>> {
        match self.kind(class) {
            Kind::Class(c) => match self.kind(c.ns) {
                Kind::TypeDict(ns) => Some(ns),
                _ => None,
            },
            _ => None,
        }
    }

    /// Sets `name` in a class's namespace (the reference to `value` moves in), and
    /// returns the value it replaced for the caller to release. As a dict does, the
    /// namespace becomes tracked when a gc object enters it.
    pub fn class_ns_insert(&mut self, class: ObjId, name: Sym, value: ObjId) -> Option<ObjId> {
        let ns = match self.kind(class) {
            Kind::Class(c) => c.ns,
            _ => return Some(value),
        };
        if gc::may_be_tracked(self, value) && !self.has_flag(class, flags::BUILTIN) {
            self.track(ns);
        }
        self.resize_after(ns, |k| match k {
            Kind::TypeDict(m) => m.insert(name, value),
            _ => Some(value),
        })
    }

    /// Removes `name` from a class's namespace: the value, for the caller to release.
    pub fn class_ns_remove(&mut self, class: ObjId, name: Sym) -> Option<ObjId> {
        let ns = match self.kind(class) {
            Kind::Class(c) => c.ns,
            _ => return None,
        };
        match self.kind_mut(ns) {
            Kind::TypeDict(m) => m.remove(name),
            _ => None,
        }
    }

    /// Changes an object through `f` and brings its modelled size up to date.
    fn resize_after<R>(&mut self, id: ObjId, f: impl FnOnce(&mut Kind) -> R) -> R {
        let r = f(self.kind_mut(id));
        self.resize(id);
        r
    }

    #[inline]
    pub fn kind_mut(&mut self, id: ObjId) -> &mut Kind {
        self.touch(id, touch::FULL);
        let kind = &mut self.objects[id.index()].kind;
        if matches!(kind, Kind::Class(_) | Kind::TypeDict(_)) {
            self.type_epoch += 1;
        }
        kind
    }

    pub fn is_live(&self, id: ObjId) -> bool {
        !id.is_null()
            && self
                .objects
                .get(id.index())
                .is_some_and(|o| !matches!(o.kind, Kind::Free))
    }

    pub fn live_count(&self) -> usize {
        self.live
    }

    /// Every live object, in slot order.
    pub fn live_ids(&self) -> impl Iterator<Item = ObjId> + '_ {
        self.objects
            .iter()
            .enumerate()
            .filter(|(_, o)| !matches!(o.kind, Kind::Free))
            .map(|(i, _)| ObjId(i as u32))
    }

    pub fn set_flag(&mut self, id: ObjId, flag: u8) {
        self.touch(id, touch::INFO);
        self.objects[id.index()].flags |= flag;
    }

    pub fn clear_flag(&mut self, id: ObjId, flag: u8) {
        self.touch(id, touch::INFO);
        self.objects[id.index()].flags &= !flag;
    }

    pub fn has_flag(&self, id: ObjId, flag: u8) -> bool {
        self.objects[id.index()].flags & flag != 0
    }

    /// Changes the modelled size of an object (a list that grew).
    pub fn set_size(&mut self, id: ObjId, size: usize) {
        self.touch(id, touch::INFO);
        let o = &mut self.objects[id.index()];
        self.bytes = self.bytes + size - o.size as usize;
        let old = std::mem::replace(&mut o.size, size as u32) as usize;
        if self.bytes > self.peak_bytes {
            self.peak_bytes = self.bytes;
        }
        if let Some(t) = &mut self.tracing
            && t.traces.contains_key(&id)
        {
            t.traced = t.traced + size - old;
            t.peak = t.peak.max(t.traced);
        }
    }

    /// Recomputes the modelled size from the object's current state.
    pub fn resize(&mut self, id: ObjId) {
        let size = size::current_size(self, id);
        self.set_size(id, size);
    }

    #[inline]
    pub fn incref(&mut self, id: ObjId) {
        self.touch(id, touch::INFO);
        self.objects[id.index()].rc += 1;
    }

    /// Releases one reference. When it was the last one the object is freed at once, with
    /// everything it alone held, unless a finalizer must run first.
    #[inline(always)]
    pub fn decref(&mut self, id: ObjId) {
        self.touch(id, touch::INFO);
        if self.busy() {
            // A release made while a finalizer waits happens, in CPython, after that
            // finalizer and the rest of its cascade: it queues behind them (and behind
            // the releases queued before it, so `a` is finalized before `b` when a
            // function's locals `a, b` go).
            self.pending.push_front(Task::Decref(id));
            return;
        }
        let o = &mut self.objects[id.index()];
        debug_assert!(o.rc > 0, "decref of a dead object");
        o.rc -= 1;
        if o.rc == 0 && o.flags & flags::IMMORTAL == 0 {
            self.release(id);
        }
    }

    /// True while a cascade of releases is parked: a finalizer or a weakref callback
    /// must run first, and further releases queue behind it. (One test of the three
    /// lengths together: this is on the path of every release.)
    #[inline(always)]
    fn busy(&self) -> bool {
        (self.pending.len() | self.to_finalize.len() | self.weak_callbacks.len()) != 0
    }

    /// Releases a reference that may be NULL.
    #[inline(always)]
    pub fn xdecref(&mut self, id: ObjId) {
        if !id.is_null() {
            self.decref(id);
        }
    }

    /// A view of managed buffer `mbuf` is released. When it was the last one, the buffer
    /// lets go of its exporter, which is returned: the caller releases that reference.
    pub fn unexport(&mut self, mbuf: ObjId) -> Option<ObjId> {
        self.touch(mbuf, touch::FULL);
        let Kind::ManagedBuffer(b) = &mut self.objects[mbuf.index()].kind else {
            return None;
        };
        b.exports = b.exports.saturating_sub(1);
        if b.exports > 0 || b.obj.is_null() {
            return None;
        }
        let obj = std::mem::replace(&mut b.obj, ObjId::NULL);
        self.forget_export(obj);
        Some(obj)
    }

    /// One managed buffer less holds `obj`.
    fn forget_export(&mut self, obj: ObjId) {
        if let Some(n) = self.buffer_exports.get_mut(&obj) {
            *n -= 1;
            if *n == 0 {
                self.buffer_exports.remove(&obj);
            }
        }
    }

    #[inline(never)]
    fn release(&mut self, id: ObjId) {
        if self.needs_finalizer(id) {
            self.objects[id.index()].flags |= flags::FINALIZED;
            self.objects[id.index()].rc = 1; // the finalizer's own reference
            self.to_finalize.push(id);
            return;
        }
        self.free(id);
        self.drain();
    }

    /// Continues the cascade after the vm ran the parked finalizers (and released the
    /// reference it held for each of them).
    pub fn resume(&mut self) {
        if self.to_finalize.is_empty() && self.weak_callbacks.is_empty() {
            self.drain();
        }
    }

    /// True when the vm must run finalizers or resume the cascade.
    #[inline]
    pub fn needs_attention(&self) -> bool {
        self.busy()
    }

    fn drain(&mut self) {
        while self.to_finalize.is_empty() && self.weak_callbacks.is_empty() {
            let Some(Task::Decref(id)) = self.pending.pop_back() else {
                return;
            };
            self.touch(id, touch::INFO);
            let o = &mut self.objects[id.index()];
            o.rc -= 1;
            if o.rc == 0 && o.flags & flags::IMMORTAL == 0 {
                if self.needs_finalizer(id) {
                    self.objects[id.index()].flags |= flags::FINALIZED;
                    self.objects[id.index()].rc = 1;
                    self.to_finalize.push(id);
                    return;
                }
                self.free(id);
            }
        }
    }

    #[inline(always)]
    pub(crate) fn needs_finalizer(&self, id: ObjId) -> bool {
        let o = &self.objects[id.index()];
        if o.flags & flags::FINALIZED != 0 {
            return false;
        }
        match &o.kind {
            Kind::Instance(inst) => self.class_has_del(inst.class),
            // A suspended generator inside try/finally or with must run its cleanup; one
            // whose frame object something holds must hand its frame over to it.
            // A coroutine never started warns that it was never awaited.
            Kind::Generator(g) => g.frame.as_ref().is_some_and(|f| {
                (g.started && !f.blocks.is_empty())
                    || !f.frame_obj.is_null()
                    || (g.is_coroutine() && !g.started)
                    || !g.finalizer.is_null()
            }),
            _ if o.flags & flags::SUBCLASS_INSTANCE != 0 => self.subclass_instance_has_del(id),
            _ => false,
        }
    }

    /// `__del__` set on a class after it was made: its subclasses made before have it
    /// too (rare enough for a pass over the heap).
    #[cold]
    pub(crate) fn class_gains_del(&mut self, class: ObjId) {
        if let Kind::Class(c) = &mut self.objects[class.index()].kind {
            c.has_del = true;
        }
        for o in self.objects.iter_mut() {
            if let Kind::Class(c) = &mut o.kind
                && c.mro.contains(&class)
            {
                c.has_del = true;
            }
        }
    }

    #[inline(always)]
    fn class_has_del(&self, class: ObjId) -> bool {
        match &self.objects[class.index()].kind {
            Kind::Class(c) => c.has_del,
            _ => false,
        }
    }

    #[cold]
    fn subclass_instance_has_del(&self, id: ObjId) -> bool {
        self.objects[id.index()]
            .kind
            .ext()
            .is_some_and(|inst| self.class_has_del(inst.class))
    }

    /// Frees an object whose refcount is zero: its references are queued for release in
    /// CPython's order (a list's items last to first, a dict's entries first to last).
    fn free(&mut self, id: ObjId) {
        // An int or a float (the values a loop makes and drops at every turn) holds
        // nothing, is never tracked and has no finalizer: only the accounting is left.
        let o = &mut self.objects[id.index()];
        if matches!(o.kind, Kind::Int(_) | Kind::Float(_))
            && o.flags & flags::WEAKLY_REFERENCED == 0
            && self.freed_log.is_none()
            && self.tracing.is_none()
        {
            o.kind = Kind::Free;
            self.bytes -= o.size as usize;
            self.live -= 1;
            self.free_slots.push(id.0);
            return;
        }
        if self.objects[id.index()].flags & flags::WEAKLY_REFERENCED != 0 {
            self.clear_weakrefs(id, true);
        }
        self.untrack(id);
        let o = &mut self.objects[id.index()];
        let kind = std::mem::replace(&mut o.kind, Kind::Free);
        let size = o.size as usize;
        let gc = size::is_gc_kind(&kind);
        if matches!(kind, Kind::Class(_)) {
            self.type_epoch += 1;
        }
        self.bytes -= size;
        self.live -= 1;
        if gc && self.gc_count0 > 0 {
            self.gc_count0 -= 1;
        }
        if let Kind::Str(s) = &kind
            && s.interned
        {
            self.interned.remove(&*s.s);
        }
        let start = self.pending.len();
        // A view that was not released releases its buffer as it goes: the exporter
        // first, then the managed buffer (CPython's `memory_dealloc`).
        match &kind {
            Kind::MemoryView(m) if !m.released => {
                if let Some(obj) = self.unexport(m.mbuf) {
                    self.pending.push_back(Task::Decref(obj));
                }
            }
            Kind::ManagedBuffer(b) if !b.obj.is_null() => self.forget_export(b.obj),
            _ => {}
        }
        visit::for_each_ref(&kind, &mut |_, child| {
            self.pending.push_back(Task::Decref(child))
        });
        let end = self.pending.len();
        for i in 0..(end - start) / 2 {
            self.pending.swap(start + i, end - 1 - i);
        }
        if let Kind::WeakRef(w) = &kind
            && !w.target.is_null()
        {
            self.unlink_weakref(w.target, id);
        }
        if let Some(log) = &mut self.freed_log {
            log.push(id);
        }
        if let Some(t) = &mut self.tracing
            && t.traces.remove(&id).is_some()
        {
            t.traced -= size;
        }
        debug_assert!(
            !self.free_slots.contains(&id.0),
            "slot {} freed twice",
            id.0
        );
        self.free_slots.push(id.0);
    }

    /// Registers a weak reference object `wr` to `target`.
    pub fn link_weakref(&mut self, target: ObjId, wr: ObjId) {
        self.weakrefs.entry(target).or_default().push(wr);
        self.set_flag(target, flags::WEAKLY_REFERENCED);
    }

    fn unlink_weakref(&mut self, target: ObjId, wr: ObjId) {
        if let Some(list) = self.weakrefs.get_mut(&target) {
            list.retain(|w| *w != wr);
            if list.is_empty() {
                self.weakrefs.remove(&target);
                self.objects[target.index()].flags &= !flags::WEAKLY_REFERENCED;
            }
        }
    }

    /// The weak references to `target`, oldest first.
    pub fn weakrefs_to(&self, target: ObjId) -> &[ObjId] {
        self.weakrefs.get(&target).map(|v| &v[..]).unwrap_or(&[])
    }

    /// `target` is dying: its weak references now point nowhere. With `queue`, their
    /// callbacks are queued, newest reference first (as CPython calls them). Returns the
    /// references that have callbacks, newest first.
    pub fn clear_weakrefs(&mut self, target: ObjId, queue: bool) -> Vec<(ObjId, ObjId)> {
        let list = self.weakrefs.remove(&target).unwrap_or_default();
        self.objects[target.index()].flags &= !flags::WEAKLY_REFERENCED;
        let mut with_callbacks = vec![];
        for wr in list.into_iter().rev() {
            if let Kind::WeakRef(w) = self.kind_mut(wr) {
                w.target = ObjId::NULL;
                if !w.callback.is_null() {
                    // Dying by its refcount, the object's weak references give their
                    // callbacks up to the call (PyObject_ClearWeakRefs); the
                    // collector's keep them (handle_weakrefs).
                    let cb = if queue {
                        std::mem::replace(&mut w.callback, ObjId::NULL)
                    } else {
                        w.callback
                    };
                    with_callbacks.push((wr, cb));
                }
            }
        }
        if queue {
            for (wr, cb) in &with_callbacks {
                // (The callback's reference moves from the weakref to the queue.)
                self.incref(*wr);
                self.weak_callbacks.push_back((*wr, *cb));
            }
        }
        with_callbacks
    }

    /// Checks the generation lists: each tracked object is listed once, at its index.
    pub fn check_generations(&self) -> Result<(), String> {
        for (g, list) in self.gens.iter().enumerate() {
            for (i, id) in list.indexed() {
                let o = &self.objects[id.index()];
                if o.generation as usize != g
                    || o.gc_index as usize != i
                    || matches!(o.kind, Kind::Free)
                {
                    return Err(format!(
                        "generation {g}[{i}] lists slot {} whose header says generation {} index {}",
                        id.0, o.generation, o.gc_index
                    ));
                }
            }
        }
        Ok(())
    }

    /// Bytes of the live objects `tracemalloc` traces.
    pub fn traced_bytes(&self) -> usize {
        self.tracing.as_ref().map_or(0, |t| t.traced)
    }

    /// The interned string equal to `s`, if any.
    pub fn interned(&self, s: &str) -> Option<ObjId> {
        self.interned.get(s).copied()
    }

    pub fn add_interned(&mut self, id: ObjId) {
        self.touch(id, touch::INFO);
        if let Kind::Str(s) = &mut self.objects[id.index()].kind {
            s.interned = true;
            let key: Rc<str> = Rc::from(&*s.s);
            self.interned.insert(key, id);
            self.objects[id.index()].flags |= flags::CACHED;
        }
    }

    /// Sets the paused cascade aside while a finalizer runs: objects the finalizer drops
    /// are freed at once, and the rest of the cascade resumes only after it (as in CPython,
    /// where the dealloc that called `__del__` is still on the C stack).
    pub fn take_pending(&mut self) -> PendingWork {
        PendingWork(std::mem::take(&mut self.pending))
    }

    /// Puts set-aside work back, below anything queued since.
    pub fn restore_pending(&mut self, work: PendingWork) {
        let mut tasks = work.0;
        tasks.append(&mut self.pending);
        self.pending = tasks;
    }

    /// References the cascade has yet to release (holders of the kind "being released").
    pub fn pending_releases(&self) -> impl Iterator<Item = ObjId> + '_ {
        self.pending.iter().map(|Task::Decref(id)| *id)
    }

    pub fn intern_sym(&mut self, name: &str) -> Sym {
        self.syms.intern(name)
    }

    pub fn sym_name(&self, sym: Sym) -> Rc<str> {
        self.syms.name(sym).clone()
    }
}
