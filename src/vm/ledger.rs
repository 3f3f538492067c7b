//! The refcount ledger: for every live object, its refcount must equal the number of
//! holders that refer to it — object fields (through the one visitor), frame slots, the
//! vm's roots, the pending releases of a cascade, and parked finalizers. Tests run the
//! check after every instruction (`refscope run --check-ledger`).
//!
//! The runtime's own objects (built-in types and functions) never change what they hold,
//! so their contribution is counted once and reused. On a large heap the check runs on a
//! sample of instructions so that its cost per instruction stays bounded; a violation is
//! still caught, at most a few thousand instructions late.

use super::Vm;
use crate::heap::ObjId;
use crate::heap::flags::BUILTIN;
use crate::heap::visit::{for_each_ref, frame_refs};

/// Objects checked per instruction, at most (on average) when sampling.
const CHECK_BUDGET: usize = 4000;

#[derive(Default)]
pub struct LedgerState {
    /// What the runtime's own objects hold, by slot.
    baseline: Option<Vec<u32>>,
    builtin_ids: Vec<ObjId>,
    countdown: usize,
    pub checks: u64,
}

/// The runtime's names for its two queues of objects: those whose references are
/// being released one by one (a freed list's items, while a `__del__` runs), and those
/// awaiting `__del__`. See [`Vm::queued_roots`].
pub(crate) const QUEUES: [&str; 2] = ["being released", "awaiting __del__"];

impl Vm {
    /// Every reference held from outside the heap's objects, with a short holder name.
    pub fn root_refs(&self) -> Vec<(String, ObjId)> {
        let mut out = vec![];
        self.for_each_root(&mut |name, id| out.push((name.to_string(), id)));
        out
    }

    /// Each reference held from outside the heap's objects, with its holder's name as a
    /// `Display` that is only written out when asked: the check after every instruction
    /// counts them without the allocation per root that naming them costs (it was most
    /// of its time).
    fn for_each_root(&self, add: &mut impl FnMut(&dyn std::fmt::Display, ObjId)) {
        struct FrameName<'a>(usize, &'a str);
        impl std::fmt::Display for FrameName<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "frame {} ({})", self.0, self.1)
            }
        }
        let mut add = |name: &dyn std::fmt::Display, id: ObjId| {
            if !id.is_null() {
                add(name, id);
            }
        };
        self.static_roots(&mut |name, id| add(&name, id));
        self.dynamic_roots(&mut |name, id| add(name, id));
        for (i, f) in self.frames.iter().enumerate() {
            let name = FrameName(i, &f.st.rt.code.name);
            frame_refs(&f.st, &mut |_, id| add(&name, id));
            if let super::frame::FrameKind::Init(inst) = f.kind {
                add(&name, inst);
            }
            add(&name, f.generator);
        }
    }

    /// The runtime's references that never change once it has started: the singletons,
    /// the small-int and one-character caches, the built-in types and the builtins.
    pub fn static_roots(&self, add: &mut dyn FnMut(&str, ObjId)) {
        for id in [
            self.none,
            self.true_,
            self.false_,
            self.not_implemented,
            self.ellipsis,
            self.empty_tuple,
            self.empty_str,
        ] {
            add("runtime", id);
        }
        add("builtins", self.builtins);
        for id in &self.small_ints {
            add("small-int cache", *id);
        }
        for id in &self.latin1 {
            add("one-character string cache", *id);
        }
        for id in &self.bytes_singletons {
            add("empty and one-byte bytes cache", *id);
        }
        for id in self.types.iter() {
            add("built-in types", *id);
        }
        for (_, id) in &self.exc_types.all {
            add("built-in exceptions", *id);
        }
    }

    /// The runtime's references that come and go as the program runs (frames aside).
    pub fn dynamic_roots<F: FnMut(&dyn std::fmt::Display, ObjId)>(&self, add: &mut F) {
        self.dynamic_roots_but_queues(add);
        self.queued_roots(&mut |q, id| add(&QUEUES[q], id));
    }

    /// The objects of the runtime's two queues (by index in [`QUEUES`]), in queue order.
    /// A recording follows them apart from the other roots (see `flush_queues`): a
    /// cascade of thousands of `__del__` takes one object off them at each step.
    pub fn queued_roots(&self, add: &mut impl FnMut(usize, ObjId)) {
        for id in self.heap.pending_releases() {
            add(0, id);
        }
        for work in &self.set_aside {
            for id in work.ids() {
                add(0, id);
            }
        }
        for id in &self.heap.to_finalize {
            add(1, *id);
        }
    }

    /// [`Vm::dynamic_roots`] but the runtime's queues ([`Vm::queued_roots`]).
    pub fn dynamic_roots_but_queues<F: FnMut(&dyn std::fmt::Display, ObjId)>(&self, add: &mut F) {
        struct SysModules<'a>(&'a str);
        impl std::fmt::Display for SysModules<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "sys.modules['{}']", self.0)
            }
        }
        add(&"gc.garbage", self.gc.garbage);
        add(&"gc.callbacks", self.gc.callbacks);
        for (name, id) in &self.modules {
            add(&SysModules(name), *id);
        }
        for id in &self.handled {
            add(&"handled exception", *id);
        }
        for id in &self.arena {
            add(&"parser arena", *id);
        }
        for id in &self.held {
            add(&"native call in progress", *id);
        }
        for id in &self.atexit {
            add(&"atexit callbacks", *id);
        }
        for id in self.asyncgen_hooks {
            if !id.is_null() {
                add(&"sys.set_asyncgen_hooks", id);
            }
        }
        for id in &self.raising {
            add(&"exception being raised", *id);
        }
        for (wr, cb) in self
            .heap
            .weak_callbacks
            .iter()
            .chain(self.callbacks_waiting.iter().flatten())
        {
            add(&"weakref callback pending", *wr);
            add(&"weakref callback pending", *cb);
        }
    }

    /// Checks the ledger over the whole heap; describes the first objects that break it.
    pub fn check_ledger(&mut self) -> Result<(), String> {
        if self.ledger.baseline.is_none() {
            let mut base = vec![0u32; self.heap.slot_count()];
            let mut ids = vec![];
            for id in self.heap.live_ids() {
                // (The builtins module is the runtime's, but a program can write into it
                // through `import builtins`: it is counted afresh each time, below.)
                if self.heap.has_flag(id, BUILTIN) && id != self.builtins {
                    ids.push(id);
                    for_each_ref(self.heap.kind(id), &mut |_, to| {
                        if let Some(c) = base.get_mut(to.index()) {
                            *c += 1;
                        }
                    });
                }
            }
            self.ledger.baseline = Some(base);
            self.ledger.builtin_ids = ids;
        }
        // Holder counts by slot (a flat table: the check runs very often), from the
        // runtime's own.
        let mut counts = self.ledger.baseline.clone().unwrap_or_default();
        counts.resize(self.heap.slot_count(), 0);
        let mut dangling = None;
        let mut count = |to: ObjId, counts: &mut Vec<u32>| match counts.get_mut(to.index()) {
            Some(c) => *c += 1,
            None => dangling = Some(to),
        };
        self.for_each_root(&mut |_, id| count(id, &mut counts));
        let user: Vec<ObjId> = self
            .heap
            .live_ids()
            .filter(|id| !self.heap.has_flag(*id, BUILTIN) || *id == self.builtins)
            .collect();
        for id in &user {
            for_each_ref(self.heap.kind(*id), &mut |_, to| count(to, &mut counts));
        }
        let mut bad = vec![];
        if let Some(to) = dangling {
            bad.push(format!("a holder refers to slot {} beyond the heap", to.0));
        }
        for id in user.iter().chain(self.ledger.builtin_ids.iter()) {
            let rc = self.heap.get(*id).rc;
            let held = counts[id.index()];
            if rc != held {
                bad.push(format!(
                    "object #{} ({}) has refcount {rc} but {held} holders: {}",
                    self.heap.get(*id).serial,
                    self.type_name(*id),
                    self.holders_of(*id).join(", ")
                ));
                if bad.len() >= 5 {
                    break;
                }
            }
        }
        if let Some((slot, _)) = counts
            .iter()
            .enumerate()
            .find(|(slot, n)| **n > 0 && !self.heap.is_live(ObjId(*slot as u32)))
        {
            bad.push(format!("a holder refers to freed slot {slot}"));
        }
        self.ledger.checks += 1;
        if bad.is_empty() {
            Ok(())
        } else {
            Err(bad.join("; "))
        }
    }

    /// Runs the check (with `check_ledger`), sampling on large heaps, and records the first
    /// violation with its position.
    pub(crate) fn assert_ledger(&mut self) {
        if self.ledger_violation.is_some() {
            return;
        }
        if self.ledger.countdown > 0 {
            self.ledger.countdown -= 1;
            return;
        }
        // Every instruction on small heaps; on large ones the checks thin out so that the
        // whole run stays within a few times the budget's work per instruction.
        let live = self.heap.live_count() as u64;
        let budget = CHECK_BUDGET as u64;
        self.ledger.countdown = if live <= budget {
            0
        } else {
            (live * live / (budget * 200)) as usize
        };
        if let Err(e) = self.check_ledger() {
            let at = self
                .frames
                .last()
                .map(|f| {
                    let ip = f.st.ip.saturating_sub(1) as usize;
                    format!(
                        "{}:{} after {:?}",
                        f.st.rt.code.filename,
                        f.st.rt.code.lines.get(ip).copied().unwrap_or(0),
                        f.st.rt.code.code.get(ip)
                    )
                })
                .unwrap_or_default();
            self.ledger_violation = Some(format!("{at}: {e}"));
        }
    }

    /// Every holder of `target`: root holders by name, and objects with the edge label.
    pub fn holders_of(&self, target: ObjId) -> Vec<String> {
        let mut out: Vec<String> = self
            .root_refs()
            .into_iter()
            .filter(|(_, id)| *id == target)
            .map(|(name, _)| name)
            .collect();
        for id in self.heap.live_ids() {
            for_each_ref(self.heap.kind(id), &mut |edge, to| {
                if to == target {
                    out.push(format!(
                        "{} #{} via {edge:?}",
                        self.type_name(id),
                        self.heap.get(id).serial
                    ));
                }
            });
        }
        out
    }
}
