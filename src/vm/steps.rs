//! Recording a run as steps. Before each instruction the dispatch loop asks
//! [`Vm::trace_instr`] whether a step happens (a new line as `sys.settrace` reports it, a
//! frame entered, a return); at each step the heap's changes since the last one become
//! events. Only what changed is examined: the heap marks the objects it touched (refcount,
//! contents), and the frames below the lowest one that ran are skipped.

use crate::compiler::code::Instr;
use crate::heap::kinds::FrameState;
use crate::heap::visit::{Edge, for_each_ref};
use crate::heap::{Kind, ObjId, UNTRACKED, flags, touch};
use crate::record::model::{
    Ev, FrameNode, HolderIx, Info, LabelIx, NO_FRAME, RootHolder, StrIx, Tables, info_flags,
    inline_int, label, label_tag, push_appends, push_removals,
};
use crate::record::recording::{
    Inner, KIND_CALL, KIND_END, KIND_EXCEPTION, KIND_LINE, KIND_RETURN, Recording, StepRec,
};
use crate::record::snapshot::{GcInfo, ObjKey};

use super::Vm;

/// What the owner of a recording wants after a step.
pub enum Gate {
    Continue,
    /// Run `gc.collect()` in the program's world, then ask again.
    Collect,
    /// Stop the program now.
    Abort,
}

/// Whether code of this file runs without steps of its own: the library's Python modules
/// (`<frozen random>`) and source compiled by the program (`<string>` from `exec` and
/// `eval`, or the name given to `compile`), whose lines are not lines of the program's
/// file (CPython's tracer sees them under their own file name). Their heap changes join
/// the next step of the program's own code.
fn steps_hidden(filename: &str) -> bool {
    filename.starts_with('<')
}

/// A reference added (`true`) or cleared.
fn ref_ev(added: bool, to: ObjKey, holder: HolderIx, label: LabelIx) -> Ev {
    if added {
        Ev::RefAdd { to, holder, label }
    } else {
        Ev::RefDel { to, holder, label }
    }
}

/// Called after each step by the owner of a recording.
pub type GateFn = Box<dyn FnMut(&Recording) -> Gate>;

/// The panic payload that stops a recorded program when its owner aborts it.
pub struct Aborted;

/// The panic payload that stops a recorded program at its step limit.
pub struct StepLimit(pub usize);

/// A frame as the recording last saw it.
struct SeenFrame {
    serial: u32,
    node: u32,
    /// The slots as last seen: a frame whose slots are the same is skipped at once.
    slots: Vec<ObjId>,
    /// The key of each slot's object as the recording knows it (0: empty slot).
    keys: Vec<ObjKey>,
    /// The frame's own references (code, function, globals...), which do not change
    /// while it runs.
    own: Vec<(HolderIx, LabelIx, ObjKey)>,
    holders: std::rc::Rc<FrameHolders>,
}

impl SeenFrame {
    /// Every reference the frame holds, sorted, into `refs`: its slots' and its own.
    fn refs(&self, refs: &mut Vec<(HolderIx, LabelIx, ObjKey)>) {
        refs.clear();
        refs.extend_from_slice(&self.own);
        for (i, &key) in self.keys.iter().enumerate() {
            if key != 0 {
                let (h, l) = self.holders.slot(i);
                refs.push((h, l, key));
            }
        }
        refs.sort_unstable();
    }
}

/// A recording's engine side: the recording, and what the engine knows of it.
pub struct Tracer {
    pub rec: Recording,
    st: TraceState,
}

impl std::ops::Deref for Tracer {
    type Target = TraceState;
    fn deref(&self) -> &TraceState {
        &self.st
    }
}

impl std::ops::DerefMut for Tracer {
    fn deref_mut(&mut self) -> &mut TraceState {
        &mut self.st
    }
}

/// What the engine knows of the recording it reports to: the objects, frames and roots
/// as it last reported them (a field apart from the recording, so that it can change
/// while the recording is locked).
pub struct TraceState {
    /// Heap slot → the key of the object the recording knows there (0: none).
    slot_key: Vec<ObjKey>,
    frames: Vec<SeenFrame>,
    /// Attribute labels by symbol (`u32::MAX`: not interned yet).
    sym_labels: Vec<LabelIx>,
    /// The fewest frames seen since the last step: frames below never ran.
    low_water: usize,
    dyn_roots: Vec<(HolderIx, LabelIx, ObjKey)>,
    /// The dynamic roots' references at the last step, as the keys of the objects (to
    /// skip them when unchanged: a freed object's slot can hold a new object since).
    dyn_sig: Vec<ObjKey>,
    /// The runtime's queues ([`crate::vm::ledger::QUEUES`]) at the last step: the keys
    /// of their objects in queue order, and the holder and label of their references
    /// (interned once); `queue_buf` is scratch.
    queue_keys: [Vec<ObjKey>; 2],
    queue_buf: [Vec<ObjKey>; 2],
    queue_holders: [Option<(HolderIx, LabelIx)>; 2],
    started: bool,
    first_user: u32,
    runtime_bytes: usize,
    pub max_steps: usize,
    pub gate: Option<GateFn>,
    holder_cache: std::collections::HashMap<
        (usize, u32),
        std::rc::Rc<FrameHolders>,
        crate::heap::symbols::FxBuild,
    >,
    /// Scratch buffers reused at every step: the step's events, the dynamic roots.
    evs: Vec<Ev>,
    sig: Vec<ObjKey>,
    /// Buffers for a frame's references: all of them (a frame pushed or popped), or
    /// what its changed slots held (`refs_buf`) and hold (`new_buf`).
    refs_buf: Vec<(HolderIx, LabelIx, ObjKey)>,
    new_buf: Vec<(HolderIx, LabelIx, ObjKey)>,
    /// Frames popped, kept so that the next frames reuse their vectors.
    spare_frames: Vec<SeenFrame>,
    /// The references a frame dropped at this step, before they join the events.
    gone_buf: Vec<Ev>,
    /// Type names interned, by the address of the class's name (the `Rc` is kept, so
    /// the address cannot be reused for another name).
    type_names:
        std::collections::HashMap<usize, (std::rc::Rc<str>, StrIx), crate::heap::symbols::FxBuild>,
    /// The summaries that show one name only (see `full_info`), by (which name: 0 the
    /// type's, 1 a generator's, 2 a function's; the name's address), the name kept alive
    /// as for `type_names`.
    name_reprs: std::collections::HashMap<
        (u8, usize),
        (std::rc::Rc<str>, StrIx),
        crate::heap::symbols::FxBuild,
    >,
}

/// The holders and labels of a frame's slots, by code object and depth (interned once).
struct FrameHolders {
    /// The code object, kept alive so that its address identifies it.
    _code: std::rc::Rc<crate::compiler::code::CodeObject>,
    vars: Vec<(HolderIx, LabelIx)>,
    stack: (HolderIx, LabelIx),
    /// f_code, f_func, f_globals, f_locals, the instance `__init__` runs for, the
    /// generator, the frame object.
    own: [(HolderIx, LabelIx); 7],
    /// The function's name and file, for the frame's node.
    function: StrIx,
    filename: StrIx,
}

impl FrameHolders {
    /// The holder and label of slot `i`: a variable's, or the value stack's.
    fn slot(&self, i: usize) -> (HolderIx, LabelIx) {
        self.vars.get(i).copied().unwrap_or(self.stack)
    }
}

impl TraceState {
    /// The events that take away all of a frame's references (a frame popped or
    /// replaced); its vectors are kept for the next frame.
    fn frame_gone(&mut self, f: SeenFrame, evs: &mut Vec<Ev>) {
        let mut refs = std::mem::take(&mut self.refs_buf);
        f.refs(&mut refs);
        evs.extend(refs.iter().map(|&(h, l, to)| ref_ev(false, to, h, l)));
        self.refs_buf = refs;
        if self.spare_frames.len() < 64 {
            self.spare_frames.push(f);
        }
    }

    /// The bytes of the objects alive when recording started (the runtime's), which the
    /// steps' heap sizes leave out.
    pub(crate) fn runtime_bytes(&self) -> usize {
        self.runtime_bytes
    }

    fn frame_holders(
        &mut self,
        tables: &mut Tables,
        st: &FrameState,
        d: usize,
    ) -> std::rc::Rc<FrameHolders> {
        let code = &st.rt.code;
        let k = (std::rc::Rc::as_ptr(code) as usize, d as u32);
        if let Some(h) = self.holder_cache.get(&k) {
            return h.clone();
        }
        let vars = (0..code.nslots())
            .map(|i| {
                let name = tables.strings.intern(slot_name(st, i));
                let h = tables.root(RootHolder::Var {
                    depth: d as u32,
                    name,
                });
                (h, label(label_tag::TEXT, name as usize))
            })
            .collect();
        let stack = (
            tables.root(RootHolder::Stack { depth: d as u32 }),
            text_label(tables, "stack"),
        );
        let what = tables.strings.intern(&format!("frame {d} ({})", code.name));
        let h = tables.root(RootHolder::Runtime { what });
        let own = [
            "f_code",
            "f_func",
            "f_globals",
            "f_locals",
            "self (being initialized)",
            "generator",
            "frame object",
        ]
        .map(|n| (h, text_label(tables, n)));
        let fh = std::rc::Rc::new(FrameHolders {
            _code: code.clone(),
            vars,
            stack,
            own,
            function: tables.strings.intern(&code.name),
            filename: tables.strings.intern(&code.filename),
        });
        self.holder_cache.insert(k, fh.clone());
        fh
    }

    /// The running frame at `depth` changed apart from its slots (it was given a frame
    /// object): the next step looks at it again.
    pub(crate) fn frame_changed(&mut self, depth: usize) {
        self.low_water = self.low_water.min(depth + 1);
    }
}

impl Tracer {
    pub fn new(rec: Recording, max_steps: usize) -> Tracer {
        let st = TraceState {
            slot_key: vec![],
            frames: vec![],
            sym_labels: vec![],
            low_water: 0,
            dyn_roots: vec![],
            dyn_sig: vec![],
            queue_keys: Default::default(),
            queue_buf: Default::default(),
            queue_holders: [None; 2],
            started: false,
            first_user: 0,
            runtime_bytes: 0,
            max_steps,
            gate: None,
            holder_cache: Default::default(),
            type_names: Default::default(),
            name_reprs: Default::default(),
            evs: vec![],
            sig: vec![],
            refs_buf: vec![],
            new_buf: vec![],
            spare_frames: vec![],
            gone_buf: vec![],
        };
        Tracer { rec, st }
    }
}

/// Sorted-list difference: `f(x, false)` for what left `old`, `f(x, true)` for what came
/// into `new`.
fn diff<T: Ord + Copy>(old: &[T], new: &[T], mut f: impl FnMut(T, bool)) {
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if j == new.len() || (i < old.len() && old[i] < new[j]) {
            f(old[i], false);
            i += 1;
        } else if i == old.len() || new[j] < old[i] {
            f(new[j], true);
            j += 1;
        } else {
            i += 1;
            j += 1;
        }
    }
}

/// The holder and label of a reference the runtime holds under the name `what`.
fn runtime_holder(tables: &mut Tables, what: &str) -> (HolderIx, LabelIx) {
    let s = tables.strings.intern(what);
    (
        tables.root(RootHolder::Runtime { what: s }),
        label(label_tag::TEXT, s as usize),
    )
}

impl Vm {
    /// Starts recording into `rec`: everything alive now is the recording's initial state,
    /// reported with its first step. Objects alive now count as the runtime's.
    pub fn start_recording(&mut self, mut tracer: Tracer) {
        tracer.first_user = match self.first_user_serial {
            0 => self.heap.next_serial(),
            s => s,
        };
        tracer.runtime_bytes = self.heap.bytes;
        self.heap.recording = true;
        let live: Vec<ObjId> = self.heap.live_ids().collect();
        for id in live {
            self.heap.touch(id, touch::FULL);
        }
        self.tracer = Some(Box::new(tracer));
    }

    /// The heap as it is now, as a snapshot (for the `objgraph` module). A recording in
    /// progress is not disturbed.
    pub fn live_snapshot(&mut self) -> crate::record::Snapshot {
        let saved = (
            self.tracer.take(),
            std::mem::take(&mut self.heap.touched),
            std::mem::take(&mut self.heap.touch_level),
            self.heap.recording,
        );
        let rec = Recording::default();
        let mut t = Tracer::new(rec.clone(), usize::MAX);
        t.first_user = self.first_user_serial;
        self.heap.recording = true;
        let live: Vec<ObjId> = self.heap.live_ids().collect();
        for id in live {
            self.heap.touch(id, touch::FULL);
        }
        self.tracer = Some(Box::new(t));
        let line = self.current_line();
        self.report_step(KIND_LINE, line);
        let snap = rec.state_at(0);
        (
            self.tracer,
            self.heap.touched,
            self.heap.touch_level,
            self.heap.recording,
        ) = saved;
        snap
    }

    /// Ends the recording with an `End` step.
    pub fn finish_recording(&mut self) {
        if self.tracer.is_some() {
            self.report_step(KIND_END, 0);
        }
    }

    /// After a frame left the stack (returned, unwound, or a generator's suspended): the
    /// frame now on top is looked at again at the next step, even if no instruction of it
    /// runs before (a generator dropped right after `next()` returned resumes to close
    /// at the same depth, and the caller's stack already holds the yielded value).
    pub(crate) fn frame_popped(&mut self) {
        self.trace_site_resume();
        let depth = self.frames.len();
        if let Some(t) = self.tracer.as_mut() {
            t.st.low_water = t.st.low_water.min(depth);
        }
    }

    /// Stops recording: what runs after (the finalizers at exit) is output only.
    pub fn stop_recording(&mut self) {
        self.tracer = None;
        self.heap.recording = false;
        self.heap.touched.clear();
        self.heap.touch_level.clear();
    }

    /// Before each instruction while a recording or a memory profile runs: reports the
    /// steps the instruction begins, and feeds the profiler.
    pub(crate) fn trace_instr(&mut self, ip: usize, instr: Instr) {
        let depth = self.frames.len();
        let Some(top) = self.frames.last() else {
            return;
        };
        let hidden = steps_hidden(&top.st.rt.code.filename);
        if let Some(t) = self.tracer.as_mut() {
            t.low_water = t.low_water.min(depth);
            let serial = top.st.serial;
            if t.frames.get(depth - 1).map(|f| f.serial) != Some(serial) {
                // The frame that was at this depth (if any) returned, so the one below
                // was on top meanwhile.
                t.low_water = t.low_water.min(depth - 1);
                if !hidden {
                    // A module's frame is entered at line 0, as CPython's 'call' event
                    // reports it (no line has begun; the app marks none).
                    let code = &top.st.rt.code;
                    let first = if &*code.name == "<module>" {
                        0
                    } else {
                        code.first_line
                    };
                    self.report_step(KIND_CALL, first);
                }
            }
        }
        let Some(top) = self.frames.last_mut() else {
            return;
        };
        let st = &mut top.st;
        let code = &st.rt.code;
        let line = code.lines.get(ip).copied().unwrap_or(0);
        let prev = st.prev_ip;
        // Instructions without a line (refscope has a few more of them than CPython) do
        // not count as the previous instruction, but for those where CPython's line table
        // has a gap.
        if line != 0 || code.line_breaks.binary_search(&(ip as u32)).is_ok() {
            st.prev_ip = ip as u32;
        }
        if hidden {
            return;
        }
        // As CPython 3.11's maybe_call_line_trace: a line event when the line changes or
        // a jump goes backwards.
        let new_line = line != 0
            && (prev == u32::MAX
                || code.lines.get(prev as usize) != Some(&line)
                || (ip as u32) < prev);
        let returning = matches!(instr, Instr::ReturnValue | Instr::YieldValue);
        if self.tracer.is_some() {
            if new_line {
                self.report_step(KIND_LINE, line);
            }
            if returning {
                self.report_step(KIND_RETURN, line);
            }
        }
        if !self.mem_profiles.is_empty() {
            self.profile_instr(new_line.then_some(line), returning);
        }
    }

    /// The exception in flight is held by the unwinding itself (no object or frame holds
    /// it yet): the step shows that holder.
    pub(crate) fn trace_exception(&mut self, line: u32, exc: ObjId) {
        let hidden = self
            .frames
            .last()
            .is_some_and(|f| steps_hidden(&f.st.rt.code.filename));
        if self.tracer.is_some() && !hidden {
            self.raising.push(exc);
            self.report_step(KIND_EXCEPTION, line);
            self.raising.pop();
        }
    }

    /// A phase of a collection: a step whose objects are the phase's set.
    pub(crate) fn trace_gc_phase(&mut self, phase: &str, keys: Vec<ObjKey>) {
        let Some(t) = self.tracer.as_ref() else {
            return;
        };
        let kind = t.rec.phase_kind(phase);
        let line = self.current_line();
        self.report_step(kind, line);
        if let Some(t) = self.tracer.as_ref() {
            let mut g = t.rec.lock();
            let step = g.steps.len() - 1;
            g.gc_sets.push((step, keys));
        }
    }

    /// The keys of live objects (for a collector phase's set).
    pub(crate) fn keys_of(&self, ids: &[ObjId]) -> Vec<ObjKey> {
        ids.iter()
            .filter(|id| self.heap.is_live(**id))
            .map(|id| self.heap.get(*id).serial)
            .collect()
    }

    fn current_line(&self) -> u32 {
        self.frames
            .last()
            .map(|f| {
                let code = &f.st.rt.code;
                code.lines
                    .get(f.st.prev_ip as usize)
                    .copied()
                    .unwrap_or(code.first_line)
            })
            .unwrap_or(0)
    }

    /// Records the changes since the last step, then a new step; then lets the owner
    /// pause, collect or stop the program.
    pub(crate) fn report_step(&mut self, kind: u32, line: u32) {
        // The tracer is out of the vm while the step is flushed, and the recording locked
        // once for the step's events and the step itself (a lock and an `Arc` clone per
        // step were a tenth of recording one).
        let Some(mut t) = self.tracer.take() else {
            return;
        };
        let len = {
            let Tracer { rec, st } = &mut *t;
            let mut g = rec.lock();
            self.flush_changes(st, &mut g);
            let gc = GcInfo {
                count: [
                    self.heap.gc_count0.max(0) as u32,
                    self.gc.counts[1] as u32,
                    self.gc.counts[2] as u32,
                ],
                threshold: self.gc.thresholds.map(|x| x as u32),
                enabled: self.gc.enabled,
                heap_bytes: self.heap.bytes.saturating_sub(st.runtime_bytes) as u64,
            };
            let step = StepRec {
                kind,
                line,
                frame: st.frames.last().map(|f| f.node).unwrap_or(NO_FRAME),
                ev_start: 0,
                output_len: 0,
                heap_bytes: gc.heap_bytes,
                gc: 0,
            };
            g.push_step(step, gc);
            g.steps.len()
        };
        let max_steps = t.max_steps;
        self.tracer = Some(t);
        if len >= max_steps && kind != KIND_END {
            std::panic::resume_unwind(Box::new(StepLimit(max_steps)));
        }
        let Some(mut gate) = self.tracer.as_mut().and_then(|t| t.gate.take()) else {
            return;
        };
        while let Some(t) = self.tracer.as_ref() {
            match gate(&t.rec) {
                Gate::Continue => break,
                Gate::Collect => {
                    if let Err(e) = self.collect_with_callbacks(2) {
                        self.heap.decref(e.0);
                    }
                }
                Gate::Abort => std::panic::resume_unwind(Box::new(Aborted)),
            }
        }
        if let Some(t) = self.tracer.as_mut() {
            t.gate = Some(gate);
        }
    }

    /// Turns what changed since the last step into events.
    fn flush_changes(&mut self, t: &mut TraceState, g: &mut Inner) {
        let mut evs = std::mem::take(&mut t.evs);
        evs.clear();
        let touched = std::mem::take(&mut self.heap.touched);
        for id in &touched {
            self.flush_object(t, g, *id, &mut evs);
        }
        let mut touched = touched;
        touched.clear();
        self.heap.touched = touched;
        self.flush_frames(t, g, &mut evs);
        self.flush_roots(t, g, &mut evs);
        g.push_events(&evs);
        t.evs = evs;
        t.low_water = self.frames.len();
    }

    fn flush_object(&mut self, t: &mut TraceState, g: &mut Inner, id: ObjId, evs: &mut Vec<Ev>) {
        let slot = id.index();
        let level = match self.heap.touch_level.get_mut(slot) {
            Some(l) if *l != 0 => std::mem::take(l),
            _ => return,
        };
        if slot >= t.slot_key.len() {
            t.slot_key.resize(slot + 1, 0);
        }
        let known = t.slot_key[slot];
        let live = self.heap.is_live(id);
        let key = if live { self.heap.get(id).serial } else { 0 };
        if known != 0 && known != key {
            // The object the recording knew here is gone.
            // Last to first: each removal from the model is then at the end of its list.
            if let Some(refs) = g.tip.out.get(&known) {
                push_removals(evs, known, &refs.as_slice());
            }
            if let Some((info, rc)) = g.tip.objects.get(&known) {
                evs.push(Ev::Free {
                    id: known,
                    info: *info,
                    rc: *rc,
                });
            }
            t.slot_key[slot] = 0;
        }
        if !live {
            return;
        }
        let rc = self.heap.get(id).rc;
        if known != key {
            let info = self.full_info(t, &mut g.tables, id);
            let info = g.tables.info(info);
            evs.push(Ev::Alloc { id: key, info, rc });
            t.slot_key[slot] = key;
            let refs = self.outs(t, &mut g.tables, id);
            if refs.is_sorted() {
                push_appends(evs, key, refs);
            } else {
                evs.extend(refs.into_iter().map(|(l, to)| ref_ev(true, to, key, l)));
            }
            return;
        }
        let Some(&(old_info, old_rc)) = g.tip.objects.get(&key) else {
            return;
        };
        if rc != old_rc {
            evs.push(Ev::Rc {
                id: key,
                from: old_rc,
                to: rc,
            });
        }
        // Appends to a list that already shows "..." leave its label as it was: only
        // its size can change (the common case of a list built in a loop).
        let appended_past_label = level == touch::APPEND
            && matches!(self.heap.kind(id), Kind::List(_))
            && g.tip
                .out
                .get(&key)
                .is_some_and(|v| v.len() > crate::vm::summary::ITEMS);
        let info = if level >= touch::APPEND && !appended_past_label {
            self.full_info(t, &mut g.tables, id)
        } else {
            let mut info = g.tables.infos[old_info as usize];
            self.refresh_info(t, id, &mut info);
            info
        };
        // Unchanged: keep the index (ints' infos are not deduplicated by the tables).
        let info = if g.tables.infos[old_info as usize] == info {
            old_info
        } else {
            g.tables.info(info)
        };
        if info != old_info {
            evs.push(Ev::Info {
                id: key,
                from: old_info,
                to: info,
            });
        }
        let old_len = g.tip.out.get(&key).map_or(0, |v| v.len());
        // (A list subclass's instance also refers to its class and `__dict__`: its
        // references are not its items alone, so it is diffed in full.)
        if level == touch::APPEND
            && let Kind::List(l) = self.heap.kind(id)
            && l.ext.is_none()
            && old_len <= l.items.len()
        {
            let added = l
                .items
                .iter()
                .enumerate()
                .skip(old_len)
                .map(|(i, item)| (label(label_tag::ITEM, i), self.heap.get(*item).serial));
            push_appends(evs, key, added);
        } else if level >= touch::APPEND {
            let new = self.outs(t, &mut g.tables, id);
            let old = g
                .tip
                .out
                .get(&key)
                .map(|v| v.as_slice())
                .unwrap_or_default();
            let mut gone = vec![];
            diff(&old, &new, |(l, to), added| {
                if added {
                    evs.push(ref_ev(true, to, key, l))
                } else {
                    gone.push(ref_ev(false, to, key, l))
                }
            });
            // Last to first, so that the model removes from the ends of its lists.
            evs.extend(gone.into_iter().rev());
        }
    }

    fn flush_frames(&mut self, t: &mut TraceState, g: &mut Inner, evs: &mut Vec<Ev>) {
        let n = self.frames.len();
        // Frames that are gone.
        while t.frames.len() > n {
            if let Some(f) = t.frames.pop() {
                t.frame_gone(f, evs);
            }
        }
        let from = t.low_water.saturating_sub(1).min(t.frames.len());
        for d in from..n {
            let st = &self.frames[d].st;
            let same = t.frames.get(d).is_some_and(|f| f.serial == st.serial);
            if same {
                self.flush_frame_object(t, d, evs);
            }
            // The same slots hold the same objects unless one was freed and its heap slot
            // given to a new object meanwhile (`x = A(); del x; x = B()` on one line):
            // the keys tell.
            // (One pass over both, by hand: comparing the slots apart went through a call
            // to libc's memcmp at every step, a fifth of recording a generator's loop.)
            if same
                && t.frames[d].slots.len() == st.slots.len()
                && st
                    .slots
                    .iter()
                    .zip(&t.frames[d].slots)
                    .zip(&t.frames[d].keys)
                    .all(|((v, old), k)| {
                        v == old
                            && (if v.is_null() {
                                0
                            } else {
                                self.heap.get(*v).serial
                            }) == *k
                    })
            {
                continue;
            }
            if same {
                self.flush_frame_slots(t, d, evs);
                continue;
            }
            // A new frame at this depth (and so above it).
            while t.frames.len() > d + 1 {
                if let Some(f) = t.frames.pop() {
                    t.frame_gone(f, evs);
                }
            }
            let holders = t.frame_holders(&mut g.tables, st, d);
            // A frame of the same code at the same depth (a loop calling a function, the
            // second call of `fib(n - 1) + fib(n - 2)`) has the same holders: only the
            // references that differ become events, not all of them taken away and given
            // back (the code, function and globals stay).
            let mut replaced = None;
            if t.frames.len() > d
                && let Some(f) = t.frames.pop()
            {
                if std::rc::Rc::ptr_eq(&f.holders, &holders) {
                    replaced = Some(f);
                } else {
                    t.frame_gone(f, evs);
                }
            }
            let key = |id: ObjId| self.heap.get(id).serial;
            let mut spare = t.spare_frames.pop();
            let mut keys = spare
                .as_mut()
                .map(|f| std::mem::take(&mut f.keys))
                .unwrap_or_default();
            keys.clear();
            keys.extend(
                st.slots
                    .iter()
                    .map(|v| if v.is_null() { 0 } else { key(*v) }),
            );
            let mut slots = spare
                .as_mut()
                .map(|f| std::mem::take(&mut f.slots))
                .unwrap_or_default();
            slots.clone_from(&st.slots);
            let mut own = spare.map(|f| f.own).unwrap_or_default();
            own.clear();
            let init = match self.frames[d].kind {
                super::frame::FrameKind::Init(inst) => inst,
                _ => ObjId::NULL,
            };
            let ids = [
                st.code,
                st.func,
                st.globals,
                st.ns,
                init,
                self.frames[d].generator,
                st.frame_obj,
            ];
            own.extend(
                holders
                    .own
                    .iter()
                    .zip(ids)
                    .filter(|(_, id)| !id.is_null())
                    .map(|((h, l), id)| (*h, *l, key(id))),
            );
            let parent = t.frames.last().map(|f| f.node).unwrap_or(NO_FRAME);
            let caller_line = d
                .checked_sub(1)
                .and_then(|c| {
                    let st = &self.frames[c].st;
                    st.rt.code.lines.get(st.prev_ip as usize).copied()
                })
                .unwrap_or(0);
            let node = FrameNode {
                parent,
                function: holders.function,
                filename: holders.filename,
                caller_line,
            };
            let node = g.tables.frame(node);
            let seen = SeenFrame {
                serial: st.serial,
                node,
                slots,
                keys,
                own,
                holders,
            };
            let mut refs = std::mem::take(&mut t.refs_buf);
            seen.refs(&mut refs);
            if let Some(old) = replaced {
                let mut before = std::mem::take(&mut t.new_buf);
                old.refs(&mut before);
                // Additions first, as for a frame's changed slots.
                let mut gone = std::mem::take(&mut t.gone_buf);
                diff(&before, &refs, |(h, l, to), added| {
                    if added {
                        evs.push(ref_ev(true, to, h, l))
                    } else {
                        gone.push(ref_ev(false, to, h, l))
                    }
                });
                evs.append(&mut gone);
                t.gone_buf = gone;
                t.new_buf = before;
                if t.spare_frames.len() < 64 {
                    t.spare_frames.push(old);
                }
            } else {
                evs.extend(refs.iter().map(|&(h, l, to)| ref_ev(true, to, h, l)));
            }
            t.refs_buf = refs;
            t.frames.push(seen);
        }
    }

    /// The events of a running frame that was given a frame object (by a traceback,
    /// `sys._getframe`, a callee's `f_back`) or an `f_locals` dict (by `locals()`) since
    /// it was last seen.
    fn flush_frame_object(&self, t: &mut TraceState, d: usize, evs: &mut Vec<Ev>) {
        let st = &self.frames[d].st;
        for (own, id) in [(3, st.ns), (6, st.frame_obj)] {
            self.flush_own_ref(t, d, own, id, evs);
        }
    }

    /// The events of one of a running frame's own references (`own`: its index among
    /// the frame's holders), when it changed.
    fn flush_own_ref(
        &self,
        t: &mut TraceState,
        d: usize,
        own: usize,
        id: ObjId,
        evs: &mut Vec<Ev>,
    ) {
        let now = if id.is_null() {
            0
        } else {
            self.heap.get(id).serial
        };
        let seen = &mut t.frames[d];
        let (h, l) = seen.holders.own[own];
        let at = seen.own.iter().position(|&(hh, ll, _)| hh == h && ll == l);
        let old = at.map_or(0, |i| seen.own[i].2);
        if old == now {
            return;
        }
        if now != 0 {
            evs.push(ref_ev(true, now, h, l));
        }
        if old != 0 {
            evs.push(ref_ev(false, old, h, l));
        }
        match at {
            Some(i) if now != 0 => seen.own[i].2 = now,
            Some(i) => {
                seen.own.remove(i);
            }
            None => seen.own.push((h, l, now)),
        }
    }

    /// The events of a running frame whose slots changed. Only the slots that changed
    /// are examined: the difference between what they held and what they hold is the
    /// difference between the frame's whole reference lists (the other references are
    /// in both), so the events (additions, then removals, each in sorted order) are the
    /// ones diffing the whole lists gives, without rebuilding and sorting them each step.
    fn flush_frame_slots(&self, t: &mut TraceState, d: usize, evs: &mut Vec<Ev>) {
        let st = &self.frames[d].st;
        let mut old = std::mem::take(&mut t.refs_buf);
        let mut new = std::mem::take(&mut t.new_buf);
        old.clear();
        new.clear();
        let seen = &mut t.frames[d];
        let len = st.slots.len();
        seen.keys.resize(len.max(seen.keys.len()), 0);
        for (i, key) in seen.keys.iter_mut().enumerate() {
            let now = match st.slots.get(i) {
                Some(v) if !v.is_null() => self.heap.get(*v).serial,
                _ => 0,
            };
            if now == *key {
                continue;
            }
            let (h, l) = seen.holders.slot(i);
            if *key != 0 {
                old.push((h, l, *key));
            }
            if now != 0 {
                new.push((h, l, now));
            }
            *key = now;
        }
        seen.keys.truncate(len);
        seen.slots.clone_from(&st.slots);
        old.sort_unstable();
        new.sort_unstable();
        // Additions first: a variable rebound keeps its holder's list non-empty in the
        // model (emptying it removes and re-inserts the holder).
        let mut gone = std::mem::take(&mut t.gone_buf);
        diff(&old, &new, |(h, l, to), added| {
            if added {
                evs.push(ref_ev(true, to, h, l))
            } else {
                gone.push(ref_ev(false, to, h, l))
            }
        });
        evs.append(&mut gone);
        t.gone_buf = gone;
        t.refs_buf = old;
        t.new_buf = new;
    }

    fn flush_roots(&mut self, t: &mut TraceState, g: &mut Inner, evs: &mut Vec<Ev>) {
        self.flush_queues(t, &mut g.tables, evs);
        let heap = &self.heap;
        // A root's holder and label by the runtime's name for it. Runs of one name
        // (thousands of objects "awaiting __del__" when a list of them goes) are written
        // and interned once, not once an object.
        let tables = &mut g.tables;
        let (mut text, mut last) = (String::new(), String::new());
        let mut holder = None;
        let mut collect = |roots: &mut Vec<(HolderIx, LabelIx, ObjKey)>,
                           what: &dyn std::fmt::Display,
                           id: ObjId| {
            if id.is_null() {
                return;
            }
            use std::fmt::Write;
            text.clear();
            let _ = write!(text, "{what}");
            if text != last || holder.is_none() {
                holder = Some(runtime_holder(tables, &text));
                std::mem::swap(&mut text, &mut last);
            }
            if let Some((h, l)) = holder {
                roots.push((h, l, heap.get(id).serial));
            }
        };
        if !t.started {
            // These never change: recorded once, with the initial state.
            t.started = true;
            let mut statics = vec![];
            self.static_roots(&mut |w, id| collect(&mut statics, &w, id));
            for (h, l, to) in statics {
                evs.push(ref_ev(true, to, h, l));
            }
        }
        // Usually nothing changed: compare the bare references first.
        let mut sig = std::mem::take(&mut t.sig);
        sig.clear();
        self.dynamic_roots_but_queues(&mut |_, id| {
            sig.push(if id.is_null() { 0 } else { heap.get(id).serial })
        });
        if same_keys(&sig, &t.dyn_sig) {
            t.sig = sig;
            return;
        }
        t.sig = std::mem::replace(&mut t.dyn_sig, sig);
        let mut roots = vec![];
        self.dynamic_roots_but_queues(&mut |w, id| collect(&mut roots, w, id));
        roots.sort_unstable();
        diff(&t.dyn_roots, &roots, |(h, l, to), added| {
            evs.push(ref_ev(added, to, h, l))
        });
        t.dyn_roots = roots;
    }

    /// The references of the runtime's queues: the objects being released one by one
    /// and those awaiting `__del__`. A cascade (a list of 20,000 instances with `__del__`
    /// going) takes one object off them at each step, so only what changed between a
    /// queue's unchanged start and end is written: diffing whole queues as the other
    /// roots are diffed made such a cascade quadratic.
    fn flush_queues(&self, t: &mut TraceState, tables: &mut Tables, evs: &mut Vec<Ev>) {
        let mut now = std::mem::take(&mut t.queue_buf);
        for q in &mut now {
            q.clear();
        }
        self.queued_roots(&mut |q, id| now[q].push(self.heap.get(id).serial));
        for (q, new) in now.iter_mut().enumerate() {
            let old = &mut t.queue_keys[q];
            if same_keys(old, new) {
                continue;
            }
            let (h, l) = *t.queue_holders[q]
                .get_or_insert_with(|| runtime_holder(tables, crate::vm::ledger::QUEUES[q]));
            let start = old
                .iter()
                .zip(new.iter())
                .take_while(|(a, b)| a == b)
                .count();
            let end = old[start..]
                .iter()
                .rev()
                .zip(new[start..].iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            for &to in &old[start..old.len() - end] {
                evs.push(ref_ev(false, to, h, l));
            }
            for &to in &new[start..new.len() - end] {
                evs.push(ref_ev(true, to, h, l));
            }
            std::mem::swap(old, new);
        }
        t.queue_buf = now;
    }

    fn full_info(&self, t: &mut TraceState, tables: &mut Tables, id: ObjId) -> Info {
        let name = self.type_name(id);
        let type_name = match t.type_names.get(&(name.as_ptr() as usize)) {
            Some((_, ix)) => *ix,
            None => {
                let ix = tables.strings.intern(&name);
                t.type_names
                    .insert(name.as_ptr() as usize, (name.clone(), ix));
                ix
            }
        };
        // Summaries that show one name only, the type's ("<P object>", "<list_iterator>")
        // or the qualified name ("<generator genexpr>", "<function f>"), are made and
        // interned once per name: again for each new instance, they were a tenth of
        // recording 10^6 instances, and a generator's was remade at every step it ran.
        let kind = self.heap.kind(id);
        let shown_name = match kind {
            Kind::Instance(i) if i.exc.is_none() => Some((0u8, &name)),
            Kind::Iter(_) | Kind::DictView(_) => Some((0, &name)),
            Kind::Generator(g) => Some((1, &g.qualname)),
            Kind::Function(f) => Some((2, &f.qualname)),
            _ => None,
        };
        let repr = if let Kind::Int(v) = kind
            && let Some(ix) = inline_int(*v)
        {
            ix
        } else if let Some((tag, shown)) = shown_name {
            let key = (tag, shown.as_ptr() as usize);
            match t.name_reprs.get(&key) {
                Some((_, ix)) => *ix,
                None => {
                    let ix = tables.strings.intern(&self.short_repr(id));
                    t.name_reprs.insert(key, (shown.clone(), ix));
                    ix
                }
            }
        } else {
            tables.strings.intern(&self.short_repr(id))
        };
        let mut info = Info {
            type_name,
            repr,
            size: 0,
            generation: 0,
            flags: 0,
        };
        self.refresh_info(t, id, &mut info);
        info
    }

    fn refresh_info(&self, t: &TraceState, id: ObjId, info: &mut Info) {
        let o = self.heap.get(id);
        info.size = o.size as u64;
        info.generation = if o.generation == UNTRACKED {
            0
        } else {
            o.generation
        };
        let mut f = 0;
        if o.generation != UNTRACKED {
            f |= info_flags::TRACKED;
        }
        if o.flags & flags::CACHED != 0 {
            f |= info_flags::CACHED;
        }
        if o.flags & (flags::BUILTIN | flags::IMMORTAL | flags::LIBRARY) != 0
            || o.serial < t.first_user
        {
            f |= info_flags::RUNTIME;
        }
        if o.flags & flags::FINALIZED != 0 {
            f |= info_flags::FINALIZED;
        }
        info.flags = f;
    }

    /// An object's references as (label, key), sorted.
    fn outs(&self, t: &mut TraceState, tables: &mut Tables, id: ObjId) -> Vec<(LabelIx, ObjKey)> {
        let kind = self.heap.kind(id);
        let mut out = vec![];
        for_each_ref(kind, &mut |e, to| {
            let l = match e {
                Edge::Item(i) => label(label_tag::ITEM, i),
                Edge::Key(i) => label(label_tag::KEY, i),
                Edge::Value(i) => label(label_tag::VALUE, i),
                Edge::Attr(sym) => {
                    let ix = sym.0 as usize;
                    if ix >= t.sym_labels.len() {
                        t.sym_labels.resize(ix + 1, u32::MAX);
                    }
                    if t.sym_labels[ix] == u32::MAX {
                        let name = format!(".{}", self.heap.syms.name(sym));
                        t.sym_labels[ix] =
                            label(label_tag::TEXT, tables.strings.intern(&name) as usize);
                    }
                    t.sym_labels[ix]
                }
                Edge::Dict => text_label(tables, "__dict__"),
                Edge::Class => text_label(tables, "__class__"),
                Edge::Name(sym) => text_label(tables, &format!("['{}']", self.heap.syms.name(sym))),
                Edge::Const(i) => text_label(tables, &format!("co_consts[{i}]")),
                Edge::Slot(i) => {
                    let name = match kind {
                        Kind::Generator(g) => g.frame.as_deref().map(|st| slot_name(st, i)),
                        Kind::Frame(f) => f.state.as_deref().map(|st| slot_name(st, i)),
                        _ => None,
                    };
                    text_label(tables, name.unwrap_or("stack"))
                }
                Edge::Named(n) => text_label(tables, n),
            };
            out.push((l, self.heap.get(to).serial));
        });
        out.sort_unstable();
        out
    }
}

fn text_label(tables: &mut Tables, s: &str) -> LabelIx {
    let ix: StrIx = tables.strings.intern(s);
    label(label_tag::TEXT, ix as usize)
}

/// The name of a frame slot: a local, a cell or a free variable, or "stack".
fn slot_name(st: &FrameState, i: usize) -> &str {
    let code = &st.rt.code;
    let (nv, nc) = (code.varnames.len(), code.cellvars.len());
    if i < nv {
        &code.varnames[i]
    } else if i < nv + nc {
        &code.cellvars[i - nv]
    } else if let Some(n) = code.freevars.get(i - nv - nc) {
        n
    } else {
        "stack"
    }
}

/// `a == b` for the short lists of keys compared at every step, by hand: `==` on slices
/// of integers calls libc's memcmp, which cost more than the comparison at that rate.
fn same_keys(a: &[u32], b: &[u32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}
