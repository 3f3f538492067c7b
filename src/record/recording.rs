//! The `Recording`: every step the program took, the events between steps, and
//! checkpoints of the model so that `state_at(any step)` replays only a bounded number of
//! events. It is shared between the engine thread that appends to it and the reader (the
//! app, the CLI), so every method takes `&self` and locks briefly.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::model::{
    Ev, HolderIx, Info, LabelIx, Model, StepContext, StrIx, Tables, attach_variables,
    describe_holder, label_parts, label_tag, materialize,
};
use super::snapshot::{GcInfo, Holder, ObjKey, Snapshot};

/// What kind of moment a step is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepKind {
    /// A new line is about to run (as `sys.settrace` reports 'line').
    Line,
    /// A frame was entered (a function, a class body, a generator resumed).
    Call,
    /// A frame is about to return or yield.
    Return,
    /// An exception was raised in this frame.
    Exception,
    /// A phase of the cycle collector (`start`, `unreachable`, `finalized`, `freed`, `done`).
    Gc(String),
    /// The program finished.
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepInfo {
    pub kind: StepKind,
    pub line: u32,
    pub function: String,
    /// Frames on the stack (1 at module level).
    pub depth: u32,
    /// The modelled bytes of all live objects.
    pub heap_bytes: u64,
    /// How much of the program's output had been written at this step.
    pub output_len: usize,
    pub gc_count: [u32; 3],
}

/// One change between a step and the next, in readable form.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Alloc {
        id: ObjKey,
        type_name: String,
        size: u64,
    },
    Free {
        id: ObjKey,
        type_name: String,
    },
    Refcount {
        id: ObjKey,
        from: u32,
        to: u32,
    },
    RefSet {
        holder: Holder,
        label: String,
        to: ObjKey,
    },
    RefCleared {
        holder: Holder,
        label: String,
        to: ObjKey,
    },
    Changed {
        id: ObjKey,
        repr: String,
    },
}

pub(crate) const KIND_LINE: u32 = 0;
pub(crate) const KIND_CALL: u32 = 1;
pub(crate) const KIND_RETURN: u32 = 2;
pub(crate) const KIND_EXCEPTION: u32 = 3;
pub(crate) const KIND_END: u32 = 4;
/// `KIND_GC + phase name` (an interned string).
pub(crate) const KIND_GC: u32 = 8;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct StepRec {
    pub kind: u32,
    pub line: u32,
    /// The frame-stack node (see `Tables::frames`).
    pub frame: u32,
    /// Index of the step's first event.
    pub ev_start: u32,
    pub output_len: u32,
    pub heap_bytes: u64,
    /// Index into `Inner::gcs`.
    pub gc: u32,
}

/// A value that a `Packed` log keeps as bytes, coded against the values before it in
/// its block (what `State` remembers of them).
pub(crate) trait Code: Copy {
    type State: Copy + Default;
    /// The most bytes one value takes.
    const MAX_BYTES: usize;
    fn encode(&self, st: &mut Self::State, out: &mut Vec<u8>);
    fn decode(st: &mut Self::State, bytes: &[u8], pos: &mut usize) -> Self;
}

/// Values per block. Each block's first value is coded against nothing, so reading
/// value `i` decodes at most `BLOCK - 1` values before it.
const BLOCK: usize = 64;
/// The first chunk's bytes; each next chunk doubles, up to `MAX_CHUNK`, so that a short
/// recording stays small and a long one wastes at most one chunk's free end.
const MIN_CHUNK: usize = 1 << 12;
const MAX_CHUNK: usize = 1 << 20;

/// A sequence of values coded as bytes, in chunks: growing it never copies what is
/// there. A block never straddles two chunks, and `blocks` says where each starts, so
/// that reading from value `i` starts at its block.
pub(crate) struct Packed<C: Code> {
    chunks: Vec<Vec<u8>>,
    /// Each block's chunk (high 32 bits) and offset in it.
    blocks: Vec<u64>,
    len: usize,
    /// What the last block's values so far leave for coding the next.
    state: C::State,
}

impl<C: Code> Default for Packed<C> {
    fn default() -> Self {
        Packed {
            chunks: vec![],
            blocks: vec![],
            len: 0,
            state: Default::default(),
        }
    }
}

impl<C: Code> Packed<C> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value at `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<C> {
        self.range(i..i + 1).next()
    }

    /// The number of values before the first for which `pred` is false, `pred` being
    /// true for a prefix of the log (as `slice::partition_point`): a binary search over
    /// the blocks' first values, then a scan of one block.
    pub fn partition_point(&self, pred: impl Fn(&C) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.blocks.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid * BLOCK) {
                Some(v) if pred(&v) => lo = mid + 1,
                _ => hi = mid,
            }
        }
        // Blocks before `lo` start with values that pass; the answer is in block lo - 1.
        let start = lo.saturating_sub(1) * BLOCK;
        start + self.range(start..self.len).take_while(|v| pred(v)).count()
    }

    /// A reader for values asked mostly in order (each read goes on from the last one
    /// when it can, instead of from its block's start).
    pub fn cursor(&self) -> Cursor<'_, C> {
        Cursor {
            it: self.range(0..0),
            last: None,
        }
    }

    pub fn push(&mut self, v: C) {
        if self.len.is_multiple_of(BLOCK) {
            self.start_block();
        }
        let Some(chunk) = self.chunks.last_mut() else {
            return;
        };
        v.encode(&mut self.state, chunk);
        self.len += 1;
    }

    pub fn extend_from_slice(&mut self, vs: &[C]) {
        for v in vs {
            self.push(*v);
        }
    }

    /// Starts the next block, in a new chunk when the last one might not hold it whole
    /// (so that its values never move).
    fn start_block(&mut self) {
        let need = BLOCK * C::MAX_BYTES;
        let room = self.chunks.last().map_or(0, |c| c.capacity() - c.len());
        if room < need {
            let size = self
                .chunks
                .last()
                .map_or(MIN_CHUNK, |c| (c.capacity() * 2).min(MAX_CHUNK))
                .max(need);
            self.chunks.push(Vec::with_capacity(size));
        }
        let c = self.chunks.len() - 1;
        self.blocks
            .push(((c as u64) << 32) | self.chunks[c].len() as u64);
        self.state = C::State::default();
    }

    /// The values `range` (clamped to the log), in order.
    pub fn range(&self, range: std::ops::Range<usize>) -> PackedIter<'_, C> {
        let end = range.end.min(self.len);
        let start = range.start.min(end);
        let mut it = PackedIter {
            log: self,
            chunk: &[],
            pos: 0,
            at: start - start % BLOCK,
            end,
            state: C::State::default(),
        };
        for _ in it.at..start {
            it.next();
        }
        it
    }

    /// The bytes allocated for it.
    pub fn bytes(&self) -> usize {
        self.chunks.iter().map(Vec::capacity).sum::<usize>()
            + self.chunks.capacity() * std::mem::size_of::<Vec<u8>>()
            + self.blocks.capacity() * std::mem::size_of::<u64>()
    }
}

/// Decodes a `Packed` log's values in order.
pub(crate) struct PackedIter<'a, C: Code> {
    log: &'a Packed<C>,
    chunk: &'a [u8],
    pos: usize,
    /// The index of the next value, and the end.
    at: usize,
    end: usize,
    state: C::State,
}

impl<C: Code> Iterator for PackedIter<'_, C> {
    type Item = C;

    #[inline]
    fn next(&mut self) -> Option<C> {
        if self.at >= self.end {
            return None;
        }
        if self.at.is_multiple_of(BLOCK) {
            let b = self.log.blocks[self.at / BLOCK];
            self.chunk = &self.log.chunks[(b >> 32) as usize];
            self.pos = b as u32 as usize;
            self.state = C::State::default();
        }
        self.at += 1;
        Some(C::decode(&mut self.state, self.chunk, &mut self.pos))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.at;
        (n, Some(n))
    }
}

impl<C: Code> ExactSizeIterator for PackedIter<'_, C> {}

/// See `Packed::cursor`.
pub(crate) struct Cursor<'a, C: Code> {
    it: PackedIter<'a, C>,
    /// The last value read, and its index.
    last: Option<(usize, C)>,
}

impl<C: Code> Cursor<'_, C> {
    /// The value at `i`, if there is one.
    pub fn get(&mut self, i: usize) -> Option<C> {
        match self.last {
            Some((at, v)) if at == i => return Some(v),
            // Ahead in the same block: decode on from here.
            Some((at, _)) if at < i && at / BLOCK == i / BLOCK => {}
            _ => self.it = self.it.log.range(i..self.it.log.len),
        }
        self.it.end = self.it.log.len;
        let mut v = None;
        while self.it.at <= i {
            v = Some((self.it.at, self.it.next()?));
        }
        self.last = v;
        v.map(|(_, v)| v)
    }
}

/// LEB128: seven bits a byte, low bits first, the high bit set on all bytes but the last.
#[inline]
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
fn get_varint(bytes: &[u8], pos: &mut usize) -> u64 {
    let mut v = 0;
    let mut shift = 0;
    loop {
        let b = bytes[*pos];
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

/// `to - from` (modulo 2^32) as a small number when it is small either way: zig-zag
/// coding puts 0, -1, 1, -2... at 0, 1, 2, 3...
#[inline]
fn zigzag(from: u32, to: u32) -> u32 {
    let d = to.wrapping_sub(from) as i32;
    ((d << 1) ^ (d >> 31)) as u32
}

/// The inverse of `zigzag`: `to`, given `from`.
#[inline]
fn unzigzag(from: u32, z: u32) -> u32 {
    from.wrapping_add((z >> 1) ^ (z & 1).wrapping_neg())
}

/// When an object was allocated: its key and the step whose events allocated it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct AllocAt {
    pub key: ObjKey,
    pub step: u32,
}

/// Allocations by key, two bytes or so each (eight as pairs): keys grow with time, so
/// consecutive keys and their steps are close.
pub(crate) type AllocLog = Packed<AllocAt>;

impl Code for AllocAt {
    type State = AllocAt;
    const MAX_BYTES: usize = 10;

    fn encode(&self, st: &mut AllocAt, out: &mut Vec<u8>) {
        put_varint(out, u64::from(zigzag(st.key, self.key)));
        put_varint(out, u64::from(zigzag(st.step, self.step)));
        *st = *self;
    }

    fn decode(st: &mut AllocAt, bytes: &[u8], pos: &mut usize) -> AllocAt {
        let key = unzigzag(st.key, get_varint(bytes, pos) as u32);
        let step = unzigzag(st.step, get_varint(bytes, pos) as u32);
        *st = AllocAt { key, step };
        *st
    }
}

/// The collector's states, a few bytes each (forty as `GcInfo`s): consecutive states
/// mostly differ in a count.
pub(crate) type GcLog = Packed<GcInfo>;

impl Code for GcInfo {
    type State = GcInfo;
    const MAX_BYTES: usize = 1 + 6 * 5 + 10;

    fn encode(&self, st: &mut GcInfo, out: &mut Vec<u8>) {
        let new_threshold = self.threshold != st.threshold;
        out.push(u8::from(self.enabled) | (u8::from(new_threshold) << 1));
        for (was, now) in st.count.iter().zip(self.count) {
            put_varint(out, u64::from(zigzag(*was, now)));
        }
        if new_threshold {
            for t in self.threshold {
                put_varint(out, u64::from(t));
            }
        }
        put_varint(out, self.heap_bytes);
        *st = *self;
    }

    fn decode(st: &mut GcInfo, bytes: &[u8], pos: &mut usize) -> GcInfo {
        let flags = bytes[*pos];
        *pos += 1;
        let mut g = *st;
        g.enabled = flags & 1 != 0;
        for c in &mut g.count {
            *c = unzigzag(*c, get_varint(bytes, pos) as u32);
        }
        if flags & 2 != 0 {
            for t in &mut g.threshold {
                *t = get_varint(bytes, pos) as u32;
            }
        }
        g.heap_bytes = get_varint(bytes, pos);
        *st = g;
        g
    }
}

/// The event log, a byte or a few per event (sixteen as `Ev`s).
pub(crate) type EventLog = Packed<Ev>;

/// The steps, a few bytes each: each field is coded against the step before (most
/// often the same frame, a line near the last, a few events and the heap a little
/// bigger or smaller).
pub(crate) type StepLog = Packed<StepRec>;

/// A step's first byte: its kind in the low three bits (`KIND_ESCAPE`: in a varint
/// after), then a bit for each field that is the same as the step before's.
const KIND_ESCAPE: u32 = 7;
const SAME_LINE: u8 = 1 << 3;
const SAME_FRAME: u8 = 1 << 4;
const SAME_OUTPUT: u8 = 1 << 5;
const SAME_GC: u8 = 1 << 6;
const SAME_HEAP: u8 = 1 << 7;

impl Code for StepRec {
    type State = StepRec;
    /// The first byte, five 32-bit varints and a 64-bit one.
    const MAX_BYTES: usize = 1 + 5 * 5 + 10;

    #[inline]
    fn encode(&self, st: &mut StepRec, out: &mut Vec<u8>) {
        let mut first = if self.kind < KIND_ESCAPE {
            self.kind as u8
        } else {
            KIND_ESCAPE as u8
        };
        let same = [
            (self.line == st.line, SAME_LINE),
            (self.frame == st.frame, SAME_FRAME),
            (self.output_len == st.output_len, SAME_OUTPUT),
            (self.gc == st.gc, SAME_GC),
            (self.heap_bytes == st.heap_bytes, SAME_HEAP),
        ];
        for (same, bit) in same {
            if same {
                first |= bit;
            }
        }
        out.push(first);
        if self.kind >= KIND_ESCAPE {
            put_varint(out, self.kind.into());
        }
        if first & SAME_LINE == 0 {
            put_varint(out, zigzag(st.line, self.line).into());
        }
        if first & SAME_FRAME == 0 {
            put_varint(out, zigzag(st.frame, self.frame).into());
        }
        put_varint(out, self.ev_start.wrapping_sub(st.ev_start).into());
        if first & SAME_OUTPUT == 0 {
            put_varint(out, self.output_len.wrapping_sub(st.output_len).into());
        }
        if first & SAME_GC == 0 {
            put_varint(out, self.gc.wrapping_sub(st.gc).into());
        }
        if first & SAME_HEAP == 0 {
            let d = self.heap_bytes.wrapping_sub(st.heap_bytes) as i64;
            put_varint(out, ((d << 1) ^ (d >> 63)) as u64);
        }
        *st = *self;
    }

    #[inline]
    fn decode(st: &mut StepRec, bytes: &[u8], pos: &mut usize) -> StepRec {
        let first = bytes[*pos];
        *pos += 1;
        let mut kind = u32::from(first & 7);
        if kind == KIND_ESCAPE {
            kind = get_varint(bytes, pos) as u32;
        }
        st.kind = kind;
        if first & SAME_LINE == 0 {
            st.line = unzigzag(st.line, get_varint(bytes, pos) as u32);
        }
        if first & SAME_FRAME == 0 {
            st.frame = unzigzag(st.frame, get_varint(bytes, pos) as u32);
        }
        st.ev_start = st.ev_start.wrapping_add(get_varint(bytes, pos) as u32);
        if first & SAME_OUTPUT == 0 {
            st.output_len = st.output_len.wrapping_add(get_varint(bytes, pos) as u32);
        }
        if first & SAME_GC == 0 {
            st.gc = st.gc.wrapping_add(get_varint(bytes, pos) as u32);
        }
        if first & SAME_HEAP == 0 {
            let z = get_varint(bytes, pos);
            let d = (z >> 1) ^ (z & 1).wrapping_neg();
            st.heap_bytes = st.heap_bytes.wrapping_add(d);
        }
        *st
    }
}

/// What an event is coded against: the keys of the events before it in its block.
/// Consecutive events mostly concern the same or nearby objects, the next serial
/// allocated, the same holder and the next label, so each key is coded as its distance
/// from the one it most likely follows. Variables (root holders, far from any object's
/// serial) and objects that hold references take turns, so each kind of holder has its
/// own last holder and label; an allocation's info is most often the one of an
/// allocation two before (a new instance and its new attribute value, in turns) or next
/// to it.
#[derive(Clone, Copy, Default)]
pub(crate) struct EvState {
    obj: u32,
    alloc: u32,
    /// The last two infos, the last first.
    infos: [u32; 2],
    /// By kind of holder (objects, then roots): the last holder and label.
    holder: [u32; 2],
    label: [u32; 2],
}

/// An event's first byte: its variant in the low three bits, a flag in the next, and
/// one of its small numbers (a refcount or its change, a label's step, a run's length)
/// in the high four, or `ESCAPE` there and the number in a varint after.
const ESCAPE: u32 = 15;
const FLAG: u8 = 8;

impl EvState {
    /// Codes `info` against the closer of the last two, which the flag tells.
    #[inline]
    fn code_info(&mut self, info: u32) -> (bool, u32) {
        let (near, far) = (zigzag(self.infos[0], info), zigzag(self.infos[1], info));
        let older = far < near;
        self.infos = [info, self.infos[0]];
        (older, if older { far } else { near })
    }

    #[inline]
    fn info(&mut self, older: bool, z: u32) -> u32 {
        let info = unzigzag(self.infos[usize::from(older)], z);
        self.infos = [info, self.infos[0]];
        info
    }
}

impl Code for Ev {
    type State = EvState;
    /// The first byte, an escaped number and two more varints.
    const MAX_BYTES: usize = 1 + 5 + 5 + 5;

    #[inline]
    fn encode(&self, st: &mut EvState, out: &mut Vec<u8>) {
        let (variant, flag, small, a, b) = match *self {
            Ev::Alloc { id, info, rc } => {
                let a = zigzag(st.alloc, id);
                (st.obj, st.alloc) = (id, id);
                let (older, b) = st.code_info(info);
                (0, older, rc, a, b)
            }
            Ev::Free { id, info, rc } => {
                let a = zigzag(st.obj, id);
                st.obj = id;
                let (older, b) = st.code_info(info);
                (1, older, rc, a, b)
            }
            Ev::Rc { id, from, to } => {
                let a = zigzag(st.obj, id);
                st.obj = id;
                (2, false, zigzag(from, to), a, from)
            }
            Ev::Info { id, from, to } => {
                let a = zigzag(st.obj, id);
                st.obj = id;
                let (older, b) = st.code_info(from);
                st.infos[0] = to;
                (3, older, zigzag(from, to), a, b)
            }
            Ev::RefAdd { to, holder, label } | Ev::RefDel { to, holder, label } => {
                let k = (holder >> 31) as usize;
                let small = zigzag(st.label[k], label);
                let a = zigzag(st.obj, to);
                let b = zigzag(st.holder[k], holder);
                (st.obj, st.holder[k], st.label[k]) = (to, holder, label);
                let variant = 4 + u8::from(matches!(self, Ev::RefDel { .. }));
                (variant, k == 1, small, a, b)
            }
            Ev::RefAddRun { to, holder, count } | Ev::RefDelRun { to, holder, count } => {
                let k = (holder >> 31) as usize;
                let a = zigzag(st.obj, to);
                let b = zigzag(st.holder[k], holder);
                (st.obj, st.holder[k]) = (to, holder);
                let variant = 6 + u8::from(matches!(self, Ev::RefDelRun { .. }));
                (variant, k == 1, count, a, b)
            }
        };
        let first = variant | if flag { FLAG } else { 0 };
        if small < ESCAPE {
            out.push(first | (small as u8) << 4);
        } else {
            out.push(first | (ESCAPE as u8) << 4);
            put_varint(out, small.into());
        }
        put_varint(out, a.into());
        put_varint(out, b.into());
    }

    #[inline]
    fn decode(st: &mut EvState, bytes: &[u8], pos: &mut usize) -> Ev {
        let first = bytes[*pos];
        *pos += 1;
        let mut small = u32::from(first >> 4);
        if small == ESCAPE {
            small = get_varint(bytes, pos) as u32;
        }
        let flag = first & FLAG != 0;
        let a = get_varint(bytes, pos) as u32;
        let b = get_varint(bytes, pos) as u32;
        match first & 7 {
            0 => {
                let id = unzigzag(st.alloc, a);
                (st.obj, st.alloc) = (id, id);
                let info = st.info(flag, b);
                Ev::Alloc {
                    id,
                    info,
                    rc: small,
                }
            }
            1 => {
                st.obj = unzigzag(st.obj, a);
                let info = st.info(flag, b);
                Ev::Free {
                    id: st.obj,
                    info,
                    rc: small,
                }
            }
            2 => {
                st.obj = unzigzag(st.obj, a);
                Ev::Rc {
                    id: st.obj,
                    from: b,
                    to: unzigzag(b, small),
                }
            }
            3 => {
                st.obj = unzigzag(st.obj, a);
                let from = st.info(flag, b);
                let to = unzigzag(from, small);
                st.infos[0] = to;
                Ev::Info {
                    id: st.obj,
                    from,
                    to,
                }
            }
            variant @ (4 | 5) => {
                let k = usize::from(flag);
                let to = unzigzag(st.obj, a);
                let holder = unzigzag(st.holder[k], b);
                let label = unzigzag(st.label[k], small);
                (st.obj, st.holder[k], st.label[k]) = (to, holder, label);
                if variant == 4 {
                    Ev::RefAdd { to, holder, label }
                } else {
                    Ev::RefDel { to, holder, label }
                }
            }
            variant => {
                let k = usize::from(flag);
                let to = unzigzag(st.obj, a);
                let holder = unzigzag(st.holder[k], b);
                (st.obj, st.holder[k]) = (to, holder);
                if variant == 6 {
                    Ev::RefAddRun {
                        to,
                        holder,
                        count: small,
                    }
                } else {
                    Ev::RefDelRun {
                        to,
                        holder,
                        count: small,
                    }
                }
            }
        }
    }
}

/// Take a checkpoint when at least this many events have passed since the last one,
/// and the last one has cost no more than `CHECKPOINT_BYTES_PER_EVENT` per event since.
const CHECKPOINT_EVENTS: usize = 16_384;
/// A checkpoint shares the model's storage: what it costs is the storage the running
/// model copies before writing to it (at most the model's size, if every part of it is
/// written). Checkpoints are taken as often as that cost allows at this rate.
const CHECKPOINT_BYTES_PER_EVENT: usize = 1;

/// What stepping commands look at in a step.
#[derive(Debug, Clone, Copy)]
pub struct StepBrief {
    pub line: u32,
    pub depth: u32,
    pub is_line: bool,
    pub is_end: bool,
}

/// One profiled call's line table, as `memory_profiler`'s `@profile` prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct MemProfileReport {
    /// The step at which the call returned (its report exists from there on).
    pub step: usize,
    pub function: String,
    pub filename: String,
    /// The function's lines, from its `def` to its last line.
    pub first_line: u32,
    pub last_line: u32,
    /// (line, Mem usage, Increment, Occurrences), in MiB, for the lines that ran.
    pub rows: Vec<MemProfileRow>,
}

/// What a view of a heap too large to show whole says of all of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeapSummary {
    /// Live objects, the runtime's included.
    pub objects: usize,
    /// The program's objects (not the runtime's) by type, most bytes first.
    pub types: Vec<TypeCount>,
}

impl HeapSummary {
    /// The summary of a heap of `objects` objects whose program objects are `program`
    /// ((type name, id, size), in any order).
    pub fn of<'a>(
        objects: usize,
        program: impl IntoIterator<Item = (&'a str, ObjKey, u64)>,
    ) -> HeapSummary {
        let mut by: HashMap<&str, TypeCount, crate::heap::symbols::FxBuild> = HashMap::default();
        for (type_name, id, size) in program {
            let row = by.entry(type_name).or_insert_with(|| TypeCount {
                type_name: type_name.to_string(),
                count: 0,
                bytes: 0,
                largest: id,
                largest_size: size,
            });
            row.count += 1;
            row.bytes += size;
            // The largest, and of equals the first allocated.
            if (size, std::cmp::Reverse(id)) > (row.largest_size, std::cmp::Reverse(row.largest)) {
                (row.largest, row.largest_size) = (id, size);
            }
        }
        let mut types: Vec<TypeCount> = by.into_values().collect();
        types.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.type_name.cmp(&b.type_name)));
        HeapSummary { objects, types }
    }
}

/// A type's share of the heap.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeCount {
    pub type_name: String,
    pub count: usize,
    pub bytes: u64,
    /// Its largest object (the first of them) and that object's size.
    pub largest: ObjKey,
    pub largest_size: u64,
}

/// How much of a heap a view shows.
#[derive(Clone, Copy, Debug)]
pub struct ViewLimits {
    /// At most this many references of one holder (the first ones).
    pub max_refs_per_holder: usize,
    /// Past this many live objects, the snapshot is summed up by a `HeapSummary` and
    /// holds `summarized_objects` objects: what the roots reach first, breadth-first,
    /// with the focus's neighbourhood and each type's largest object.
    pub max_objects: usize,
    pub summarized_objects: usize,
}

/// memory_profiler's measures of one call as they accumulate: per line, the increment,
/// the peak memory and the occurrences, in MiB. Both the engine (for `@profile`'s printed
/// table) and the recording (for the table of a call still running) fill one.
#[derive(Clone, Debug, Default)]
pub struct ProfileLines {
    lines: std::collections::BTreeMap<u32, (f64, f64, u32)>,
    prev_lineno: Option<u32>,
}

impl ProfileLines {
    /// memory_profiler's `CodeMap.trace`: the memory now is what `lineno` left behind.
    pub fn trace(&mut self, lineno: u32, memory: f64) {
        let (prev_inc, prev_mem, occ) = self.lines.get(&lineno).copied().unwrap_or((0.0, 0.0, 0));
        let prev_line_mem = self
            .prev_lineno
            .and_then(|l| self.lines.get(&l))
            .map(|v| v.1)
            .unwrap_or(0.0);
        self.lines.insert(
            lineno,
            (
                prev_inc + (memory - prev_line_mem),
                memory.max(prev_mem),
                occ + 1,
            ),
        );
        self.prev_lineno = Some(lineno);
    }

    /// (line, (increment, peak, occurrences)), by line.
    pub fn lines(&self) -> impl Iterator<Item = (u32, (f64, f64, u32))> + '_ {
        self.lines.iter().map(|(&l, &v)| (l, v))
    }

    pub fn rows(&self) -> Vec<MemProfileRow> {
        self.lines()
            .map(
                |(line, (increment, mem_usage, occurrences))| MemProfileRow {
                    line,
                    mem_usage,
                    increment,
                    occurrences,
                },
            )
            .collect()
    }
}

/// A profiled call about to start: what the recording needs to rebuild its table at any
/// step before it returns.
#[derive(Clone, Debug)]
pub struct ProfileStart {
    /// The first step after `start()` (the call's frame appears from there on).
    pub step: usize,
    pub function: String,
    pub filename: String,
    pub first_line: u32,
    pub last_line: u32,
    /// The runtime's bytes, which the steps' heap sizes leave out and memory_profiler's
    /// "Mem usage" counts.
    pub runtime_bytes: u64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MemProfileRow {
    pub line: u32,
    pub mem_usage: f64,
    pub increment: f64,
    pub occurrences: u32,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub tables: Tables,
    pub steps: StepLog,
    pub events: EventLog,
    /// The state at the last step plus the events recorded since.
    pub tip: Model,
    checkpoints: Vec<(usize, Model)>,
    since_checkpoint: usize,
    /// What the last checkpoint has cost since it was taken.
    checkpoint_cost: usize,
    /// What the checkpoints before the last one cost, all together.
    checkpoints_bytes: usize,
    pub gcs: GcLog,
    /// The last of `gcs` (a step whose collector state is the same refers to it).
    last_gc: Option<GcInfo>,
    pub output: String,
    /// For each collector step: the objects of its phase.
    pub gc_sets: Vec<(usize, Vec<ObjKey>)>,
    /// memory_profiler's reports, in the order the profiled calls returned.
    pub mem_profiles: Vec<MemProfileReport>,
    /// The profiled calls, in the order they started.
    pub profile_starts: Vec<ProfileStart>,
    /// (object, the step whose events allocated it), sorted by object: ids grow with
    /// time, so each step's allocations only need sorting among themselves.
    alloc_steps: AllocLog,
    /// A step's allocations, sorted before they join `alloc_steps`.
    new_allocs: Vec<AllocAt>,
}

impl Inner {
    /// Appends the events that led from the last step to now (before the first step
    /// they make up the initial state).
    pub fn push_events(&mut self, evs: &[Ev]) {
        for e in evs {
            self.tip.apply(e);
        }
        if !self.steps.is_empty() {
            self.events.extend_from_slice(evs);
            self.since_checkpoint += evs.len();
            let step = (self.steps.len() - 1) as u32;
            self.new_allocs.clear();
            self.new_allocs.extend(evs.iter().filter_map(|e| match e {
                Ev::Alloc { id, .. } => Some(AllocAt { key: *id, step }),
                _ => None,
            }));
            self.new_allocs.sort_unstable();
            self.alloc_steps.extend_from_slice(&self.new_allocs);
        }
    }

    pub fn push_step(&mut self, mut step: StepRec, mut gc: GcInfo) {
        step.ev_start = self.events.len() as u32;
        // The heap's size is the step's own; without it, consecutive steps share their
        // collector state.
        step.heap_bytes = gc.heap_bytes;
        gc.heap_bytes = 0;
        step.gc = match self.last_gc {
            Some(g) if g == gc => (self.gcs.len() - 1) as u32,
            _ => {
                self.gcs.push(gc);
                self.last_gc = Some(gc);
                (self.gcs.len() - 1) as u32
            }
        };
        step.output_len = self.output.len() as u32;
        let ix = self.steps.len();
        self.steps.push(step);
        self.checkpoint_cost += self.tip.take_released();
        let due = self.since_checkpoint >= CHECKPOINT_EVENTS
            && self.checkpoint_cost <= self.since_checkpoint * CHECKPOINT_BYTES_PER_EVENT;
        if ix == 0 || due {
            self.checkpoints.push((ix, self.tip.clone()));
            self.since_checkpoint = 0;
            self.checkpoints_bytes += std::mem::take(&mut self.checkpoint_cost);
        }
    }

    fn ev_range(&self, i: usize) -> std::ops::Range<usize> {
        let mut steps = self.steps.range(i..i + 2).map(|s| s.ev_start as usize);
        let start = steps.next().unwrap_or(self.events.len());
        let end = steps.next().unwrap_or(self.events.len());
        start..end
    }

    /// Step `i`'s first event (the end of the events when past the last step).
    fn ev_start(&self, i: usize) -> usize {
        self.steps
            .get(i)
            .map_or(self.events.len(), |s| s.ev_start as usize)
    }

    fn kind(&self, k: u32) -> StepKind {
        match k {
            KIND_LINE => StepKind::Line,
            KIND_CALL => StepKind::Call,
            KIND_RETURN => StepKind::Return,
            KIND_EXCEPTION => StepKind::Exception,
            KIND_END => StepKind::End,
            k => StepKind::Gc(self.tables.strings.get(k - KIND_GC).to_string()),
        }
    }

    /// Frames on the stack at a step whose innermost frame is node `frame` (the nodes'
    /// parent links are the stack).
    pub(crate) fn frame_depth(&self, mut frame: u32) -> u32 {
        let mut depth = 0;
        while let Some(n) = self.tables.frames.get(frame as usize) {
            depth += 1;
            frame = n.parent;
        }
        depth
    }

    fn function(&self, frame: u32) -> &str {
        self.tables
            .frames
            .get(frame as usize)
            .map(|n| self.tables.strings.get(n.function))
            .unwrap_or("")
    }

    fn info(&self, ix: u32) -> Info {
        self.tables.infos[ix as usize]
    }

    fn label_text(&self, l: u32, holder: HolderIx) -> String {
        let (tag, value) = label_parts(l);
        match tag {
            label_tag::ITEM => format!("[{value}]"),
            label_tag::KEY => "key".to_string(),
            label_tag::VALUE => {
                // Named by the entry's key, as the dict holds it now.
                let key = super::model::label(label_tag::KEY, value as usize);
                let repr = self
                    .tip
                    .out
                    .get(&holder)
                    .and_then(|refs| refs.iter().find(|(l, _)| *l == key))
                    .and_then(|(_, k)| self.tip.objects.get(k))
                    .map(|(info, _)| self.tables.repr(self.info(*info).repr));
                match repr {
                    Some(r) => format!("[{r}]"),
                    None => format!("value {value}"),
                }
            }
            _ => self.tables.strings.get(value).to_string(),
        }
    }

    fn ref_event(&self, added: bool, to: ObjKey, holder: HolderIx, label: LabelIx) -> Event {
        let text = self.label_text(label, holder);
        let (h, label) = describe_holder(&self.tables, &self.tip, holder, text.into())
            .map(|(h, l)| (h, l.to_string()))
            .unwrap_or((Holder::Object { id: holder }, String::new()));
        if added {
            Event::RefSet {
                holder: h,
                label,
                to,
            }
        } else {
            Event::RefCleared {
                holder: h,
                label,
                to,
            }
        }
    }

    /// See `Recording::memory_by_line`.
    fn memory_by_line(
        &self,
        objects: impl IntoIterator<Item = (ObjKey, u64)>,
        file: &str,
    ) -> Vec<(u32, u64, usize)> {
        let objects: Vec<(ObjKey, u64)> = objects.into_iter().collect();
        // Objects come by id, so their allocations come in order: a few objects are each
        // looked up, many are matched in one pass over the allocations.
        let allocs = &self.alloc_steps;
        let few = objects.len().saturating_mul(2 * BLOCK) < allocs.len();
        let mut pass = allocs.range(0..allocs.len()).peekable();
        let mut steps = self.steps.cursor();
        let mut in_file: Vec<Option<bool>> = vec![None; self.tables.frames.len()];
        let mut by_line: Vec<(u64, usize)> = vec![];
        for (id, size) in objects {
            let found = if few {
                allocs.get(allocs.partition_point(|a| a.key < id))
            } else {
                while pass.next_if(|a| a.key < id).is_some() {}
                pass.peek().copied()
            };
            let Some(AllocAt { key, step: step_ix }) = found else {
                break;
            };
            if key != id {
                continue;
            }
            let Some(step) = steps.get(step_ix as usize) else {
                continue;
            };
            let frame = step.frame as usize;
            let Some(known) = in_file.get_mut(frame) else {
                continue;
            };
            let ours = *known.get_or_insert_with(|| {
                self.tables.strings.get(self.tables.frames[frame].filename) == file
            });
            if ours && step.line != 0 {
                let line = step.line as usize;
                if by_line.len() <= line {
                    by_line.resize(line + 1, (0, 0));
                }
                by_line[line].0 += size;
                by_line[line].1 += 1;
            }
        }
        by_line
            .into_iter()
            .enumerate()
            .filter(|(_, (_, n))| *n > 0)
            .map(|(line, (bytes, n))| (line as u32, bytes, n))
            .collect()
    }

    /// What a snapshot of step `i` (the last step when past the end) needs besides the
    /// model.
    fn context(
        &self,
        i: usize,
        max_refs_per_holder: Option<usize>,
        focus: Option<ObjKey>,
    ) -> StepContext<'_> {
        let Some(last) = self.steps.len().checked_sub(1) else {
            return StepContext {
                step: 0,
                line: 0,
                frame: u32::MAX,
                gc: GcInfo::default(),
                tables: &self.tables,
                max_refs_per_holder,
                focus,
            };
        };
        let i = i.min(last);
        let s = self.steps.get(i).unwrap_or_default();
        StepContext {
            step: i as u64,
            line: s.line,
            frame: s.frame,
            gc: GcInfo {
                heap_bytes: s.heap_bytes,
                ..self.gcs.get(s.gc as usize).unwrap_or_default()
            },
            tables: &self.tables,
            max_refs_per_holder,
            focus,
        }
    }

    pub(crate) fn model_at(&self, i: usize) -> Model {
        if i + 1 == self.steps.len() {
            return self.tip.clone();
        }
        // From the checkpoint before, forward; or from the one after (or the tip),
        // backward: whichever has fewer events to go through.
        let at = self.checkpoints.partition_point(|(s, _)| *s <= i);
        let (start, base) = &self.checkpoints[at.saturating_sub(1)];
        let from = self.ev_start(*start);
        let to = self.ev_start(i);
        let (after, after_ev) = match self.checkpoints.get(at) {
            Some((s, m)) => (m, self.ev_start(*s)),
            None => (&self.tip, self.events.len()),
        };
        if after_ev - to < to - from {
            let mut m = after.clone();
            // The log decodes forward only: the events, then undone last first.
            let evs: Vec<Ev> = self.events.range(to..after_ev).collect();
            for e in evs.iter().rev() {
                m.undo(e);
            }
            return m;
        }
        let mut m = base.clone();
        for e in self.events.range(from..to) {
            m.apply(&e);
        }
        m
    }
}

/// A program's recorded run. Cloning shares it.
#[derive(Clone, Default)]
pub struct Recording {
    pub(crate) inner: Arc<Mutex<Inner>>,
}

impl Recording {
    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while the engine held the lock leaves consistent data behind (events
        // are appended whole), so a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The number of steps recorded so far.
    pub fn len(&self) -> usize {
        self.lock().steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The step's kind, line and context. `i` past the end gives the last step.
    pub fn step(&self, i: usize) -> StepInfo {
        let g = self.lock();
        let Some(s) = g.steps.get(i.min(g.steps.len().saturating_sub(1))) else {
            return StepInfo {
                kind: StepKind::End,
                line: 0,
                function: String::new(),
                depth: 0,
                heap_bytes: 0,
                output_len: 0,
                gc_count: [0; 3],
            };
        };
        StepInfo {
            kind: g.kind(s.kind),
            line: s.line,
            function: g.function(s.frame).to_string(),
            depth: g.frame_depth(s.frame),
            heap_bytes: s.heap_bytes,
            output_len: s.output_len as usize,
            gc_count: g.gcs.get(s.gc as usize).unwrap_or_default().count,
        }
    }

    /// The first step from `from` on that `pred` accepts, looking at each step's kind,
    /// line and depth only: the lock is taken once and nothing is allocated per step (the
    /// app asks this every frame while it runs toward a breakpoint).
    pub fn find_step(&self, from: usize, mut pred: impl FnMut(StepBrief) -> bool) -> Option<usize> {
        let g = self.lock();
        (from..)
            .zip(g.steps.range(from..usize::MAX))
            .find(|(_, s)| {
                pred(StepBrief {
                    line: s.line,
                    depth: g.frame_depth(s.frame),
                    is_line: s.kind == KIND_LINE,
                    is_end: s.kind == KIND_END,
                })
            })
            .map(|(i, _)| i)
    }

    /// From step `from` on: each step's heap size and whether a collection starts there
    /// (the timeline's data), under one lock.
    pub fn heap_sizes_since(&self, from: usize) -> Vec<(u64, bool)> {
        let g = self.lock();
        let start = g.tables.strings.lookup("start").map(|s| s + KIND_GC);
        g.steps
            .range(from..usize::MAX)
            .map(|s| (s.heap_bytes, Some(s.kind) == start))
            .collect()
    }

    /// From step `from` on: the collector's phase steps with their phase names, and the
    /// number of steps looked at (where to go on from next time).
    pub fn gc_phases_since(&self, from: usize) -> (Vec<(usize, String)>, usize) {
        let g = self.lock();
        let phases = (from..)
            .zip(g.steps.range(from..usize::MAX))
            .filter(|(_, s)| s.kind >= KIND_GC)
            .map(|(i, s)| (i, g.tables.strings.get(s.kind - KIND_GC).to_string()))
            .collect();
        (phases, g.steps.len().max(from))
    }

    /// The changes from state `i` to state `i + 1`.
    pub fn events(&self, i: usize) -> Vec<Event> {
        self.events_bounded(i, usize::MAX)
    }

    /// `events`, with each run of references to one object (the items of
    /// `[2] * (2 * 10 ** 7)`) told for its first `max_per_run` references only: what a
    /// view can show of a step without twenty million lines.
    pub fn events_bounded(&self, i: usize, max_per_run: usize) -> Vec<Event> {
        let g = self.lock();
        if i >= g.steps.len() {
            return vec![];
        }
        let range = g.ev_range(i);
        let evs: Vec<Ev> = g.events.range(range).collect();
        let mut out = Vec::with_capacity(evs.len());
        for (k, e) in evs.iter().enumerate() {
            // A run stands for its references one by one: after its anchor's label when
            // added, down to just above the anchor's when removed.
            let run = match *e {
                Ev::RefAddRun { to, holder, count } => match k.checked_sub(1).map(|a| evs[a]) {
                    Some(Ev::RefAdd { label, .. }) => Some((
                        true,
                        to,
                        holder,
                        (1..=count)
                            .take(max_per_run)
                            .map(|c| label + c)
                            .collect::<Vec<LabelIx>>(),
                    )),
                    _ => None,
                },
                Ev::RefDelRun { to, holder, count } => match evs.get(k + 1) {
                    Some(Ev::RefDel { label, .. }) => Some((
                        false,
                        to,
                        holder,
                        (1..=count)
                            .rev()
                            .take(max_per_run)
                            .map(|c| label + c)
                            .collect(),
                    )),
                    _ => None,
                },
                _ => None,
            };
            if let Some((added, to, holder, labels)) = run {
                for l in labels {
                    out.push(g.ref_event(added, to, holder, l));
                }
                continue;
            }
            out.push(match *e {
                Ev::Alloc { id, info, .. } => {
                    let inf = g.info(info);
                    Event::Alloc {
                        id,
                        type_name: g.tables.strings.get(inf.type_name).to_string(),
                        size: inf.size,
                    }
                }
                Ev::Free { id, info, .. } => Event::Free {
                    id,
                    type_name: g.tables.strings.get(g.info(info).type_name).to_string(),
                },
                Ev::Rc { id, from, to } => Event::Refcount { id, from, to },
                Ev::Info { id, from, to } => {
                    let (a, b) = (g.info(from), g.info(to));
                    if a.repr == b.repr {
                        continue;
                    }
                    Event::Changed {
                        id,
                        repr: g.tables.repr(b.repr).into_owned(),
                    }
                }
                Ev::RefAdd { to, holder, label } | Ev::RefDel { to, holder, label } => {
                    g.ref_event(matches!(e, Ev::RefAdd { .. }), to, holder, label)
                }
                Ev::RefAddRun { .. } | Ev::RefDelRun { .. } => continue,
            });
        }
        out
    }

    /// The objects freed from state `i` to state `i + 1`.
    pub fn freed(&self, i: usize) -> Vec<ObjKey> {
        let g = self.lock();
        if i >= g.steps.len() {
            return vec![];
        }
        g.events
            .range(g.ev_range(i))
            .filter_map(|e| match e {
                Ev::Free { id, .. } => Some(id),
                _ => None,
            })
            .collect()
    }

    /// The heap at step `i` (the last step when `i` is past the end).
    pub fn state_at(&self, i: usize) -> Snapshot {
        self.state_at_bounded(i, None)
    }

    /// `state_at` for views: at most `max_refs_per_holder` references of any one holder
    /// (the first ones), so that a huge container does not make a huge snapshot.
    pub fn state_at_bounded(&self, i: usize, max_refs_per_holder: Option<usize>) -> Snapshot {
        let g = self.lock();
        let cx = g.context(i, max_refs_per_holder, None);
        if g.steps.is_empty() {
            return materialize(&Model::default(), &cx);
        }
        let mut snap = materialize(&g.model_at(cx.step as usize), &cx);
        attach_variables(&mut snap);
        snap
    }

    /// The heap at step `i` as a view shows it: the whole snapshot (references bounded
    /// per holder) while the heap has at most `limits.max_objects` objects; past that, a
    /// snapshot of `limits.summarized_objects` objects (see `ViewLimits`), `focus` and
    /// its holders and referents among them, and a summary of the whole heap. Building a view costs a
    /// pass over the heap's objects, not a snapshot of them all.
    pub fn state_at_view(
        &self,
        i: usize,
        limits: ViewLimits,
        focus: Option<ObjKey>,
    ) -> (Snapshot, Option<HeapSummary>) {
        let g = self.lock();
        let cx = g.context(i, Some(limits.max_refs_per_holder), focus);
        if g.steps.is_empty() {
            return (materialize(&Model::default(), &cx), None);
        }
        let model = g.model_at(cx.step as usize);
        if model.objects.len() <= limits.max_objects {
            let mut snap = materialize(&model, &cx);
            attach_variables(&mut snap);
            return (snap, None);
        }
        let summary = summarize(&g.tables, &model);
        let keep = view_keys(&g.tables, &model, &summary, limits, focus);
        let mut snap = super::model::materialize_subset(&model, &cx, &keep);
        attach_variables(&mut snap);
        (snap, Some(summary))
    }

    /// The number of objects live at the latest step recorded.
    pub fn tip_objects(&self) -> usize {
        self.lock().tip.objects.len()
    }

    /// The step whose events allocated `id` (the state after it is the first to show
    /// the object), or None for objects that existed before the first step.
    pub fn allocation_step(&self, id: ObjKey) -> Option<usize> {
        let g = self.lock();
        let log = &g.alloc_steps;
        let at = log.get(log.partition_point(|a| a.key < id))?;
        (at.key == id).then_some(at.step as usize)
    }

    /// The bytes and number of `objects` ((id, size), sorted by id) allocated by each
    /// line of `file` (tracemalloc's view: an object belongs to the line that created
    /// it), as (line, bytes, count) by line. Objects and allocations are both sorted by
    /// id, so this walks them together, galloping over allocations of objects since
    /// freed.
    pub fn memory_by_line(
        &self,
        objects: impl IntoIterator<Item = (ObjKey, u64)>,
        file: &str,
    ) -> Vec<(u32, u64, usize)> {
        self.lock().memory_by_line(objects, file)
    }

    /// `memory_by_line` for all the program's objects alive at step `i` (a view that
    /// shows part of a large heap counts them all this way).
    pub fn memory_by_line_at(&self, i: usize, file: &str) -> Vec<(u32, u64, usize)> {
        let g = self.lock();
        if g.steps.is_empty() {
            return vec![];
        }
        let model = g.model_at(i.min(g.steps.len() - 1));
        let t = &g.tables;
        let objects = model.objects.iter_sorted().filter_map(|(id, &(info, _))| {
            let info = t.infos[info as usize];
            (info.flags & super::model::info_flags::RUNTIME == 0).then_some((id, info.size))
        });
        g.memory_by_line(objects, file)
    }

    pub fn first_step_at_line(&self, line: u32) -> Option<usize> {
        let g = self.lock();
        g.steps
            .range(0..g.steps.len())
            .position(|s| s.kind == KIND_LINE && s.line == line)
    }

    /// The memory_profiler reports of the profiled calls that had returned by step `i`,
    /// oldest first.
    pub fn mem_profiles(&self, i: usize) -> Vec<MemProfileReport> {
        let g = self.lock();
        let n = g.mem_profiles.partition_point(|p| p.step <= i);
        g.mem_profiles[..n].to_vec()
    }

    /// The table of the profiled call running at step `i`, as far as it has run: the
    /// lines measured so far, as memory_profiler measures them from its 'call', 'line'
    /// and 'return' events (here, the steps of the call's frame and their heap sizes).
    /// None when no profiled call is running; when it has returned, `mem_profiles` has
    /// its table.
    pub fn live_mem_profile(&self, i: usize) -> Option<MemProfileReport> {
        let g = self.lock();
        let start = g.profile_starts.iter().rev().find(|p| p.step <= i)?;
        if g.mem_profiles
            .iter()
            .any(|r| r.step > start.step && r.step <= i)
        {
            return None;
        }
        let mut table = ProfileLines::default();
        // The depth of the call's frame, once its 'call' step is found.
        let mut frame: Option<u32> = None;
        let mut prev = start.first_line;
        let end = i.min(g.steps.len().checked_sub(1)?);
        for s in g.steps.range(start.step..end + 1) {
            let depth = g.frame_depth(s.frame);
            let Some(d) = frame else {
                if s.kind == KIND_CALL && g.function(s.frame) == start.function {
                    frame = Some(depth);
                }
                continue;
            };
            if depth < d {
                break;
            }
            if depth > d {
                continue;
            }
            let memory = (s.heap_bytes + start.runtime_bytes) as f64 / (1u64 << 20) as f64;
            match s.kind {
                KIND_LINE => {
                    table.trace(prev, memory);
                    prev = s.line;
                }
                // A return or a yield ('return' to memory_profiler's tracer).
                KIND_RETURN => table.trace(prev, memory),
                _ => {}
            }
        }
        frame?;
        Some(MemProfileReport {
            step: i,
            function: start.function.clone(),
            filename: start.filename.clone(),
            first_line: start.first_line,
            last_line: start.last_line,
            rows: table.rows(),
        })
    }

    /// The objects of a collector step's phase (candidates, unreachable, finalized,
    /// freed...); empty for other steps.
    pub fn gc_objects(&self, i: usize) -> Vec<ObjKey> {
        let g = self.lock();
        match g.gc_sets.binary_search_by_key(&i, |(s, _)| *s) {
            Ok(at) => g.gc_sets[at].1.clone(),
            Err(_) => vec![],
        }
    }

    /// Replays every event from the start and checks, after each step, that every object
    /// the step changed has as many references as its refcount, and that no reference
    /// points at a freed object. This is the snapshot invariant at every step, checked in
    /// time proportional to the events.
    pub fn verify(&self) -> Result<(), String> {
        let g = self.lock();
        let Some((_, base)) = g.checkpoints.first() else {
            return Ok(());
        };
        let mut model = base.clone();
        let mut held: HashMap<ObjKey, i64> = HashMap::new();
        for refs in model.out.values() {
            for (_, to) in refs.iter() {
                *held.entry(*to).or_default() += 1;
            }
        }
        let line = |step: usize| g.steps.get(step).map_or(0, |s| s.line);
        let check = |model: &Model, held: &HashMap<ObjKey, i64>, id: ObjKey, step: usize| {
            let n = held.get(&id).copied().unwrap_or(0);
            match model.objects.get(&id) {
                Some((info, rc)) if *rc as i64 != n => Err(format!(
                    "step {step} (line {}): {} {} has refcount {rc} but {n} references",
                    line(step),
                    g.tables.strings.get(g.info(*info).type_name),
                    g.tables.repr(g.info(*info).repr),
                )),
                None if n > 0 => Err(format!(
                    "step {step} (line {}): {n} references to object {id}, which is not alive",
                    line(step)
                )),
                _ => Ok(()),
            }
        };
        let ids: Vec<ObjKey> = model.objects.keys().chain(held.keys().copied()).collect();
        for id in ids {
            check(&model, &held, id, 0)?;
        }
        // Every step's events, in one pass over the steps and one over the events.
        let mut at = g.ev_start(0);
        let mut events = g.events.range(at..g.events.len());
        let mut ends = g
            .steps
            .range(1..g.steps.len())
            .map(|s| s.ev_start as usize)
            .chain([g.events.len()]);
        for i in 0..g.steps.len() {
            let end = ends.next().unwrap_or(at);
            let mut changed = vec![];
            for e in events.by_ref().take(end - at) {
                if let Some((to, d)) = e.ref_delta() {
                    *held.entry(to).or_default() += d;
                }
                changed.push(match e {
                    Ev::Alloc { id, .. }
                    | Ev::Free { id, .. }
                    | Ev::Rc { id, .. }
                    | Ev::Info { id, .. } => id,
                    Ev::RefAdd { to, .. }
                    | Ev::RefDel { to, .. }
                    | Ev::RefAddRun { to, .. }
                    | Ev::RefDelRun { to, .. } => to,
                });
                model.apply(&e);
            }
            at = end;
            if i + 1 < g.steps.len() {
                for id in changed {
                    check(&model, &held, id, i + 1)?;
                }
            }
        }
        Ok(())
    }

    /// The program's output up to now.
    pub fn output(&self) -> String {
        self.lock().output.clone()
    }

    /// Events recorded so far.
    pub fn event_count(&self) -> usize {
        self.lock().events.len()
    }

    /// Roughly the bytes the recording takes (events, steps, tables, the model at the last
    /// step, and what checkpoints keep of the models before).
    pub fn bytes(&self) -> usize {
        let g = self.lock();
        g.events.bytes()
            + g.alloc_steps.bytes()
            + g.new_allocs.capacity() * std::mem::size_of::<AllocAt>()
            + g.steps.bytes()
            + g.tables.bytes()
            + g.gcs.bytes()
            + g.output.capacity()
            + g.tip.bytes()
            + g.checkpoints_bytes
            + g.checkpoint_cost
            + g.checkpoints.capacity() * std::mem::size_of::<(usize, Model)>()
    }

    /// The interned name of a gc phase (for the engine).
    pub(crate) fn phase_kind(&self, name: &str) -> u32 {
        let ix: StrIx = self.lock().tables.strings.intern(name);
        KIND_GC + ix
    }
}

/// The whole heap by type, in one pass over its objects.
fn summarize(t: &Tables, model: &Model) -> HeapSummary {
    let program = model.objects.iter().filter_map(|(id, &(info, _))| {
        let info = t.infos[info as usize];
        (info.flags & super::model::info_flags::RUNTIME == 0)
            .then(|| (t.strings.get(info.type_name), id, info.size))
    });
    HeapSummary::of(model.objects.len(), program)
}

/// The objects a view of a large heap keeps: the focus with its holders and referents,
/// each type's largest object, then what the roots (variables, the stack, the modules'
/// globals) reach, breadth-first, following at most `max_refs_per_holder` references of
/// each holder and none of the runtime's objects, up to `summarized_objects`.
fn view_keys(
    t: &Tables,
    model: &Model,
    summary: &HeapSummary,
    limits: ViewLimits,
    focus: Option<ObjKey>,
) -> std::collections::HashSet<ObjKey, crate::heap::symbols::FxBuild> {
    use super::model::{ROOT_BIT, RootHolder, info_flags};
    let mut keep: std::collections::HashSet<ObjKey, crate::heap::symbols::FxBuild> =
        Default::default();
    let cap = limits.max_refs_per_holder;
    let referents = |h: HolderIx| {
        model
            .out
            .get(&h)
            .into_iter()
            .flat_map(move |refs| refs.iter().take(cap).map(|&(_, to)| to))
    };
    if let Some(f) = focus.filter(|f| model.objects.contains_key(f)) {
        keep.insert(f);
        keep.extend(referents(f));
        for (h, refs) in model.out.iter() {
            if h & ROOT_BIT == 0 && refs.iter().any(|&(_, to)| to == f) {
                keep.insert(h);
            }
        }
    }
    keep.extend(summary.types.iter().map(|t| t.largest));
    let info = |id: ObjKey| model.objects.get(&id).map(|(i, _)| t.infos[*i as usize]);
    let is_module = |id: ObjKey| info(id).is_some_and(|i| t.strings.get(i.type_name) == "module");
    let mut queue: std::collections::VecDeque<ObjKey> = Default::default();
    let mut seen: std::collections::HashSet<ObjKey, crate::heap::symbols::FxBuild> =
        Default::default();
    // `__main__` and the modules the running frames see (their `f_globals`): their
    // globals are roots too, and come first.
    let is_main = |id: ObjKey| {
        info(id).is_some_and(|i| t.repr(i.repr) == "<module '__main__'>") && is_module(id)
    };
    let mut modules: Vec<ObjKey> = vec![];
    for (r, root) in t.roots.iter().enumerate() {
        match root {
            RootHolder::Runtime { what } => {
                let frame = t.strings.get(*what).starts_with("frame ");
                modules.extend(
                    referents(r as u32 | ROOT_BIT)
                        .filter(|&m| (frame && is_module(m)) || is_main(m)),
                );
            }
            _ => queue.extend(referents(r as u32 | ROOT_BIT)),
        }
    }
    modules.sort_unstable();
    modules.dedup();
    let globals: Vec<ObjKey> = modules.iter().flat_map(|&m| referents(m)).collect();
    keep.extend(modules);
    for to in globals.into_iter().rev() {
        queue.push_front(to);
    }
    while let Some(id) = queue.pop_front() {
        if keep.len() >= limits.summarized_objects {
            break;
        }
        if !seen.insert(id) {
            continue;
        }
        keep.insert(id);
        let runtime = info(id).is_some_and(|i| i.flags & info_flags::RUNTIME != 0);
        if !runtime {
            queue.extend(referents(id));
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::{AllocAt, AllocLog, BLOCK, EventLog, GcInfo, GcLog, MAX_CHUNK, MIN_CHUNK};
    use crate::record::model::Ev;
    use crate::record::{SessionOptions, record_file};

    /// splitmix64: a fixed sequence, so that a failure repeats.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        /// A key near `near` most of the time, else anywhere, an extreme included.
        fn key(&mut self, near: u32) -> u32 {
            match self.next() % 8 {
                0 => u32::MAX,
                1 => 0,
                2 => self.next() as u32,
                3 => near.wrapping_sub(self.next() as u32 % 300),
                4 => (1 << 31) | (self.next() as u32 % 100),
                _ => near.wrapping_add(self.next() as u32 % 5),
            }
        }

        /// A small number most of the time (what fits in an event's first byte), and
        /// past it or the largest sometimes.
        fn small(&mut self) -> u32 {
            match self.next() % 6 {
                0 => u32::MAX,
                1 => 14 + self.next() as u32 % 4,
                2 => self.next() as u32,
                _ => self.next() as u32 % 14,
            }
        }
    }

    /// `n` events of every variant, with keys near each other, far apart and extreme.
    fn random_events(rng: &mut Rng, n: usize) -> Vec<Ev> {
        let mut near = 1000;
        (0..n)
            .map(|_| {
                near = rng.key(near);
                let (k, v, w) = (rng.key(near), rng.key(near), rng.small());
                match rng.next() % 8 {
                    0 => Ev::Alloc {
                        id: k,
                        info: v,
                        rc: w,
                    },
                    1 => Ev::Free {
                        id: k,
                        info: v,
                        rc: w,
                    },
                    2 => Ev::Rc {
                        id: k,
                        from: w,
                        to: rng.small(),
                    },
                    3 => Ev::Info {
                        id: k,
                        from: v,
                        to: rng.key(v),
                    },
                    4 => Ev::RefAdd {
                        to: k,
                        holder: v,
                        label: rng.key(w),
                    },
                    5 => Ev::RefDel {
                        to: k,
                        holder: v,
                        label: rng.key(w),
                    },
                    6 => Ev::RefAddRun {
                        to: k,
                        holder: v,
                        count: w,
                    },
                    _ => Ev::RefDelRun {
                        to: k,
                        holder: v,
                        count: w,
                    },
                }
            })
            .collect()
    }

    /// Every event comes back as it went in, and so does every range of them, wherever
    /// it starts and ends: in a block, on a block's edge, across chunks.
    #[test]
    fn the_event_log_gives_back_any_range_of_its_events() {
        let mut rng = Rng(7);
        // Enough events for the chunks to reach their largest size and go past it.
        let n = MAX_CHUNK / 3;
        let evs = random_events(&mut rng, n);
        let mut log = EventLog::default();
        // Appended in batches of all sizes, as steps append them.
        let mut at = 0;
        while at < n {
            let k = (rng.next() as usize % (3 * BLOCK)).min(n - at);
            log.extend_from_slice(&evs[at..at + k]);
            at += k;
        }
        assert_eq!(log.len(), n);
        assert!(log.chunks.len() > 2, "{} chunks", log.chunks.len());
        assert!(log.chunks.iter().all(|c| c.len() <= c.capacity()));
        assert_eq!(log.range(0..n).collect::<Vec<Ev>>(), evs);
        // Ranges around the edges of blocks and chunks, and random ones.
        let mut edges: Vec<usize> = vec![0, 1, BLOCK - 1, BLOCK, BLOCK + 1, n - 1, n];
        for b in log.blocks.windows(2).enumerate() {
            if b.1[0] >> 32 != b.1[1] >> 32 {
                edges.extend([b.0 * BLOCK + BLOCK - 1, (b.0 + 1) * BLOCK]);
            }
        }
        for _ in 0..200 {
            edges.push(rng.next() as usize % (n + 1));
        }
        for &a in &edges {
            for &b in &edges {
                if a <= b && b - a < 5 * BLOCK {
                    let got: Vec<Ev> = log.range(a..b).collect();
                    assert_eq!(got, &evs[a..b], "{a}..{b}");
                    assert_eq!(log.range(a..b).len(), b - a);
                }
            }
        }
        // Past the end, ranges are cut at it.
        assert_eq!(log.range(n - 2..n + 10).count(), 2);
        assert_eq!(log.range(n + 5..n + 10).count(), 0);
    }

    /// Steps come back as they went in, whatever changes from one to the next, read in
    /// ranges, one by one, or by a cursor going forward, back and forward again.
    #[test]
    fn the_step_log_gives_back_every_step() {
        use super::{StepLog, StepRec};
        let mut rng = Rng(11);
        let mut prev = StepRec::default();
        let steps: Vec<StepRec> = (0..5000)
            .map(|_| {
                let mut s = prev;
                s.ev_start = s.ev_start.wrapping_add(rng.small() % 100);
                // Each field changes now and then, to anything.
                if rng.next().is_multiple_of(3) {
                    s.kind = rng.small();
                }
                if rng.next().is_multiple_of(2) {
                    s.line = rng.key(s.line);
                }
                if rng.next().is_multiple_of(4) {
                    s.frame = rng.key(s.frame);
                }
                if rng.next().is_multiple_of(5) {
                    s.output_len = rng.key(s.output_len);
                }
                if rng.next().is_multiple_of(3) {
                    s.gc = rng.key(s.gc);
                }
                match rng.next() % 4 {
                    0 => s.heap_bytes = rng.next(),
                    1 => s.heap_bytes = u64::MAX - rng.next() % 3,
                    2 => {
                        s.heap_bytes = s
                            .heap_bytes
                            .wrapping_add(rng.next() % 200)
                            .wrapping_sub(100)
                    }
                    _ => {}
                }
                prev = s;
                s
            })
            .collect();
        let mut log = StepLog::default();
        for s in &steps {
            log.push(*s);
        }
        assert_eq!(log.range(0..steps.len()).collect::<Vec<_>>(), steps);
        let mut cursor = log.cursor();
        let mut at = 0;
        for _ in 0..2000 {
            at = match rng.next() % 4 {
                0 => rng.next() as usize % steps.len(),
                _ => at + rng.next() as usize % 3,
            };
            assert_eq!(cursor.get(at), steps.get(at).copied(), "{at}");
            assert_eq!(log.get(at), steps.get(at).copied(), "{at}");
        }
    }

    /// Allocations come back as they were pushed, and `partition_point` finds any key,
    /// present or not, below, among and past them, as a binary search of the pairs does.
    #[test]
    fn allocations_are_found_by_key() {
        let mut log = AllocLog::default();
        let mut pairs = vec![];
        let (mut key, mut step) = (5u32, 0u32);
        let mut x: u64 = 3;
        for _ in 0..3000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            key += 1 + ((x >> 33) % 3) as u32 * ((x >> 40) % 50) as u32;
            step += ((x >> 50) % 3) as u32;
            pairs.push(AllocAt { key, step });
            log.push(AllocAt { key, step });
        }
        assert_eq!(log.range(0..log.len()).collect::<Vec<_>>(), pairs);
        for probe in (0..key + 10).step_by(7).chain([0, 5, 6, key, key + 1]) {
            let want = pairs.partition_point(|a| a.key < probe);
            assert_eq!(log.partition_point(|a| a.key < probe), want, "{probe}");
        }
        assert_eq!(AllocLog::default().partition_point(|_| true), 0);
    }

    /// Memory by line is the same whether the objects are matched in one pass over the
    /// allocations (many objects) or each looked up (a few).
    #[test]
    fn memory_by_line_is_the_same_object_by_object() {
        let src = "\
a = [[i] for i in range(300)]
b = [(i, str(i)) for i in range(200)]
c = {i: [i, i] for i in range(100)}
";
        let rec = record_file(src.as_bytes(), "mem.py", &SessionOptions::default()).recording;
        let last = rec.len() - 1;
        let whole = rec.memory_by_line_at(last, "mem.py");
        assert!(whole.len() >= 3, "{whole:?}");
        let snap = rec.state_at(last);
        let mut summed: Vec<(u32, u64, usize)> = vec![];
        for o in &snap.objects {
            for (line, bytes, n) in rec.memory_by_line(vec![(o.id, o.size)], "mem.py") {
                match summed.iter_mut().find(|r| r.0 == line) {
                    Some(r) => {
                        r.1 += bytes;
                        r.2 += n;
                    }
                    None => summed.push((line, bytes, n)),
                }
            }
        }
        summed.sort_unstable();
        assert_eq!(summed, whole);
    }

    /// Collector states come back as they were pushed, read in order, at random and
    /// through a cursor, with counts that go up and down, thresholds and the enabled flag
    /// changing now and then, and extreme values.
    #[test]
    fn collector_states_come_back_as_they_were() {
        let mut log = GcLog::default();
        let mut states = vec![];
        let mut g = GcInfo::default();
        let mut x: u64 = 7;
        for i in 0..5000u32 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let r = (x >> 33) as u32;
            match r % 7 {
                0 => g.count[0] = 0,
                1 => g.count[0] += 1,
                2 => g.count[1] = r % 11,
                3 => g.count[2] = if r & 1 == 0 { u32::MAX } else { 0 },
                4 => g.threshold = [r % 1000, 10, u32::MAX],
                5 => g.enabled = !g.enabled,
                _ => g.heap_bytes = if r & 1 == 0 { u64::MAX } else { u64::from(i) },
            }
            states.push(g);
            log.push(g);
        }
        let back: Vec<GcInfo> = log.range(0..log.len()).collect();
        assert_eq!(back, states);
        let mut cursor = log.cursor();
        for at in [0, 63, 64, 65, 4999, 1234, 1, 4000, 128] {
            assert_eq!(log.get(at), Some(states[at]), "{at}");
            assert_eq!(cursor.get(at), Some(states[at]), "{at}");
        }
        assert_eq!(log.get(5000), None);
    }

    /// Events like a program's (objects allocated one after another, referenced from a
    /// variable and a list) take a few bytes each, and the log counts the bytes it holds.
    #[test]
    fn the_event_log_takes_a_few_bytes_per_event() {
        let mut log = EventLog::default();
        let var = 1 << 31 | 12;
        let n = 100_000;
        for i in 0..n {
            let id = 1000 + i;
            log.extend_from_slice(&[
                Ev::Alloc {
                    id,
                    info: 500 + i,
                    rc: 2,
                },
                Ev::Rc {
                    id: id - 1,
                    from: 2,
                    to: 1,
                },
                Ev::RefAdd {
                    to: id,
                    holder: 900,
                    label: (1 << 29) + i,
                },
                Ev::RefAdd {
                    to: id,
                    holder: var,
                    label: 777,
                },
                Ev::RefDel {
                    to: id - 1,
                    holder: var,
                    label: 777,
                },
            ]);
        }
        // The bytes written; the chunks' free ends count too, but only in `bytes`.
        let held: usize = log.chunks.iter().map(|c| c.len()).sum();
        let per = held as f64 / log.len() as f64;
        assert!(per < 3.5, "{per} bytes per event");
        let index = log.blocks.len() * 8;
        assert!(log.bytes() >= held + index);
        assert!(log.bytes() <= held + index + MAX_CHUNK + 4096);
        // A short log takes one small chunk.
        let mut small = EventLog::default();
        small.extend_from_slice(&[Ev::Rc {
            id: 1,
            from: 1,
            to: 2,
        }]);
        assert!(small.bytes() < 2 * MIN_CHUNK, "{}", small.bytes());
    }

    /// Going back from the tip (or a later checkpoint) undoes events into exactly the
    /// state that replaying them forward builds, at every step.
    #[test]
    fn undoing_from_later_gives_the_same_model_as_replaying() {
        let src = "\
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None

a = [2] * 50 + [None] * 3
d = {'k': a, 'n': Node(1)}
d['n'].next = d['n']
b = a[:]
del a, b
a = [Node(i) for i in range(5)]
a.insert(0, 'x')
a.pop()
del d
import gc
gc.collect()
";
        let rec = record_file(src.as_bytes(), "undo.py", &SessionOptions::default()).recording;
        let g = rec.lock();
        let (_, first) = &g.checkpoints[0];
        let mut forward = first.clone();
        let start = g.ev_start(g.checkpoints[0].0);
        let mut applied = start;
        for i in g.checkpoints[0].0..g.steps.len() {
            let to = g.ev_start(i);
            for e in g.events.range(applied..to) {
                forward.apply(&e);
            }
            applied = to;
            assert_eq!(g.model_at(i), forward, "step {i} of {}", g.steps.len());
        }
    }

    /// The table of a profiled call still running grows line by line, and just before
    /// the call's report appears it is the report: the recording's replay of the steps
    /// measures what `@profile` measured.
    #[test]
    fn a_running_profiled_call_has_the_table_its_report_will_have() {
        let src = "\
from memory_profiler import profile

def helper(n):
    return [0] * n

@profile
def work(k):
    a = [1] * 1000
    b = []
    for i in range(k):
        b.append(helper(100 * i))
    del a
    return len(b)

work(3)
work(2)
";
        let rec = record_file(src.as_bytes(), "p.py", &SessionOptions::default()).recording;
        let reports = rec.mem_profiles(usize::MAX);
        assert_eq!(reports.len(), 2);
        let mut from = 0;
        for report in &reports {
            assert_eq!(rec.live_mem_profile(report.step), None);
            let live = rec.live_mem_profile(report.step - 1).expect("running");
            assert_eq!(live.rows, report.rows);
            // Before that, fewer occurrences: the table fills in as the call runs.
            let total =
                |rows: &[super::MemProfileRow]| -> u32 { rows.iter().map(|r| r.occurrences).sum() };
            let mut last = 0;
            for i in from..report.step {
                if let Some(p) = rec.live_mem_profile(i) {
                    assert!(total(&p.rows) >= last, "step {i}");
                    last = total(&p.rows);
                }
            }
            assert_eq!(last, total(&report.rows));
            from = report.step;
        }
    }

    /// A view's account of a step tells a run of references for its first few only, and
    /// the freed objects come without the rest of the events.
    #[test]
    fn bounded_events_tell_a_run_briefly_and_freed_lists_the_frees() {
        use super::Event;
        let src = "b = [2] * 100000\ndel b\nx = 1\n";
        let rec = record_file(src.as_bytes(), "r.py", &SessionOptions::default()).recording;
        let line = |n: u32| rec.first_step_at_line(n).expect("line runs");
        let at = rec.state_at(line(2));
        let two = at.objects.iter().find(|o| o.repr == "2").map(|o| o.id);
        let sets = |evs: &[Event]| {
            evs.iter()
                .filter(|e| matches!(e, Event::RefSet { to, .. } if Some(*to) == two))
                .count()
        };
        let made = line(2) - 1;
        assert_eq!(sets(&rec.events(made)), 100_000);
        assert_eq!(sets(&rec.events_bounded(made, 10)), 11);
        let freed = rec.freed(line(3) - 1);
        let list = at
            .objects
            .iter()
            .find(|o| o.type_name == "list")
            .map(|o| o.id);
        assert_eq!(freed.len(), 1);
        assert_eq!(Some(freed[0]), list);
    }

    /// A view of a heap past its limit: a summary of all of it that agrees with the full
    /// snapshot, a part that starts from the roots, holds the focus and its holder, and
    /// lists no reference to an object it leaves out.
    #[test]
    fn a_view_of_a_large_heap_sums_it_up_and_holds_the_focus() {
        use super::{Holder, ViewLimits};
        let src = "class P:\n    pass\nps = [P() for i in range(3000)]\nbig = list(range(1000, 6000))\nx = 1\n";
        let rec = record_file(src.as_bytes(), "v.py", &SessionOptions::default()).recording;
        let at = rec.first_step_at_line(5).expect("line 5 runs");
        let full = rec.state_at(at);
        let limits = ViewLimits {
            max_refs_per_holder: 100,
            max_objects: 1000,
            summarized_objects: 300,
        };
        let far = full
            .objects
            .iter()
            .find(|o| o.repr == "5999")
            .expect("an int")
            .id;
        let (view, summary) = rec.state_at_view(at, limits, Some(far));
        let summary = summary.expect("summed up past 1000 objects");
        assert_eq!(summary.objects, rec.lock().model_at(at).objects.len());
        let count = |ty: &str| {
            full.objects
                .iter()
                .filter(|o| o.type_name == ty && !o.runtime)
                .count()
        };
        for ty in ["P", "int", "list"] {
            let row = summary
                .types
                .iter()
                .find(|t| t.type_name == ty)
                .expect("a row");
            assert_eq!(row.count, count(ty), "{ty}");
        }
        assert!(view.objects.len() < 400, "{}", view.objects.len());
        assert!(view.object(far).is_some());
        let holders: Vec<&Holder> = view.holders_of(far).iter().map(|r| &r.holder).collect();
        let big = full
            .objects
            .iter()
            .find(|o| o.repr.starts_with("[1000, 1001"))
            .expect("big")
            .id;
        assert_eq!(holders, vec![&Holder::Object { id: big }]);
        assert!(view.objects.iter().any(|o| o.type_name == "P"));
        for r in &view.references {
            assert!(view.object(r.to).is_some());
        }
        for o in &view.objects {
            assert!(view.holders_of(o.id).len() <= o.refcount as usize);
        }
        // After the program's end no frame runs: `__main__`'s globals are the roots.
        let (end, _) = rec.state_at_view(usize::MAX, limits, None);
        let instances = end.objects.iter().filter(|o| o.type_name == "P").count();
        assert!(instances >= 99, "{instances} instances");
        // Under the limit, the view is the bounded snapshot.
        let small = ViewLimits {
            max_objects: usize::MAX,
            ..limits
        };
        let (whole, none) = rec.state_at_view(at, small, None);
        assert!(none.is_none());
        assert_eq!(whole, rec.state_at_bounded(at, Some(100)));
    }
}
