//! The compact form of a recording: interned strings, object summaries and holders, the
//! 16-byte events, and the `Model` (objects and references at one step) that events are
//! applied to. Turning a model into a [`Snapshot`] happens here too.

use std::collections::{HashMap, HashSet};

use super::chunkmap::{ChunkMap, SegVec};
use crate::heap::symbols::FxBuild;
use std::sync::Arc;

use super::snapshot::{
    CompactString, FrameInfo, GcInfo, Holder, ObjKey, ObjectInfo, Reference, SNAPSHOT_SCHEMA,
    Snapshot,
};

/// An interned string's index.
pub type StrIx = u32;

#[derive(Default)]
pub struct Strings {
    map: HashMap<Arc<str>, StrIx, FxBuild>,
    list: Vec<Arc<str>>,
}

impl Strings {
    pub fn intern(&mut self, s: &str) -> StrIx {
        if let Some(&ix) = self.map.get(s) {
            return ix;
        }
        let a: Arc<str> = Arc::from(s);
        let ix = self.list.len() as StrIx;
        self.list.push(a.clone());
        self.map.insert(a, ix);
        ix
    }

    /// The index of `s` if it was interned.
    pub fn lookup(&self, s: &str) -> Option<StrIx> {
        self.map.get(s).copied()
    }

    pub fn get(&self, ix: StrIx) -> &str {
        self.list.get(ix as usize).map(|s| &**s).unwrap_or("")
    }

    pub fn bytes(&self) -> usize {
        self.list.iter().map(|s| s.len() + 40).sum()
    }
}

pub mod info_flags {
    pub const TRACKED: u8 = 1;
    pub const CACHED: u8 = 2;
    pub const RUNTIME: u8 = 4;
    pub const FINALIZED: u8 = 8;
}

/// An `Info::repr` with this bit set is not a string index but an int's value, offset
/// by `INLINE_INT_BIAS`: the reprs of ints (the most common new objects) then need no
/// string and no interning.
pub const INLINE_INT: u32 = 1 << 31;
const INLINE_INT_BIAS: i64 = 1 << 30;

/// The `Info::repr` of an int, when it fits inline.
pub fn inline_int(v: i64) -> Option<StrIx> {
    (-INLINE_INT_BIAS..INLINE_INT_BIAS)
        .contains(&v)
        .then(|| INLINE_INT | (v + INLINE_INT_BIAS) as u32)
}

/// The int an `inline_int` repr holds (None for an interned string's index).
fn inline_int_value(repr: StrIx) -> Option<i64> {
    (repr & INLINE_INT != 0).then(|| i64::from(repr & !INLINE_INT) - INLINE_INT_BIAS)
}

/// What a snapshot shows of an object besides its refcount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Info {
    pub type_name: StrIx,
    pub repr: StrIx,
    pub size: u64,
    pub generation: u8,
    pub flags: u8,
}

/// Where a reference lives, as one number: an object's key, or (with the high bit) an
/// index into the table of other holders.
pub type HolderIx = u32;
pub const ROOT_BIT: u32 = 1 << 31;

/// A holder that is not an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RootHolder {
    /// A variable of the frame at this depth.
    Var { depth: u32, name: StrIx },
    /// The value stack of the frame at this depth.
    Stack { depth: u32 },
    /// Something of the runtime (`what` says what).
    Runtime { what: StrIx },
}

/// An edge label as one number: the top three bits say how to read the rest.
pub type LabelIx = u32;
const LABEL_TAG_SHIFT: u32 = 29;
const LABEL_VALUE: u32 = (1 << LABEL_TAG_SHIFT) - 1;
pub mod label_tag {
    /// The rest is an interned string.
    pub const TEXT: u32 = 0;
    /// `[i]` of a list or tuple.
    pub const ITEM: u32 = 1;
    /// The key of dict entry (or set element) i.
    pub const KEY: u32 = 2;
    /// The value of dict entry i (shown as `[<key repr>]`).
    pub const VALUE: u32 = 3;
}

pub fn label(tag: u32, value: usize) -> LabelIx {
    (tag << LABEL_TAG_SHIFT) | (value as u32 & LABEL_VALUE)
}

pub fn label_parts(l: LabelIx) -> (u32, u32) {
    (l >> LABEL_TAG_SHIFT, l & LABEL_VALUE)
}

/// One change between two steps. Sixteen bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ev {
    Alloc {
        id: ObjKey,
        info: u32,
        rc: u32,
    },
    Free {
        id: ObjKey,
        info: u32,
        rc: u32,
    },
    Rc {
        id: ObjKey,
        from: u32,
        to: u32,
    },
    Info {
        id: ObjKey,
        from: u32,
        to: u32,
    },
    RefAdd {
        to: ObjKey,
        holder: HolderIx,
        label: LabelIx,
    },
    RefDel {
        to: ObjKey,
        holder: HolderIx,
        label: LabelIx,
    },
    /// `count` more references to `to` after the `RefAdd` just before: the items that
    /// follow it (`[i+1]`, `[i+2]`...), at the end of the holder's references. One event
    /// for `[2] * (2 * 10 ** 7)`'s twenty million items.
    RefAddRun {
        to: ObjKey,
        holder: HolderIx,
        count: u32,
    },
    /// The holder's last `count` references, all to `to`, go; the `RefDel` just after
    /// removes the item before them (a list freed, last item first).
    RefDelRun {
        to: ObjKey,
        holder: HolderIx,
        count: u32,
    },
}

/// The events that add `refs` (sorted, each landing at the end of the holder's
/// references: a new holder's, or items appended to a list), with runs of items that
/// refer to one object as `RefAddRun`s.
pub fn push_appends(
    evs: &mut Vec<Ev>,
    holder: HolderIx,
    refs: impl IntoIterator<Item = (LabelIx, ObjKey)>,
) {
    // The run being gathered: its anchor's label and target, and the items after it.
    let mut run: Option<(LabelIx, ObjKey, u32)> = None;
    let end_run = |evs: &mut Vec<Ev>, run: Option<(LabelIx, ObjKey, u32)>| {
        if let Some((_, to, count)) = run.filter(|r| r.2 > 0) {
            evs.push(Ev::RefAddRun { to, holder, count });
        }
    };
    for (l, to) in refs {
        if let Some((anchor, run_to, count)) = &mut run
            && *run_to == to
            && label_parts(*anchor).0 == label_tag::ITEM
            && l == *anchor + *count + 1
        {
            *count += 1;
            continue;
        }
        end_run(evs, run.take());
        evs.push(Ev::RefAdd {
            to,
            holder,
            label: l,
        });
        run = Some((l, to, 0));
    }
    end_run(evs, run);
}

/// The events that remove all of a holder's references `refs` (sorted), last first,
/// with runs of items that refer to one object as `RefDelRun`s.
pub fn push_removals(evs: &mut Vec<Ev>, holder: HolderIx, refs: &[(LabelIx, ObjKey)]) {
    let mut j = refs.len();
    while j > 0 {
        let (l, to) = refs[j - 1];
        let mut i = j - 1;
        if label_parts(l).0 == label_tag::ITEM {
            while i > 0 && refs[i - 1] == (l - (j - i) as u32, to) {
                i -= 1;
            }
        }
        if j - i > 1 {
            evs.push(Ev::RefDelRun {
                to,
                holder,
                count: (j - i - 1) as u32,
            });
        }
        evs.push(Ev::RefDel {
            to,
            holder,
            label: refs[i].0,
        });
        j = i;
    }
}

impl Ev {
    /// The references this event adds (positive) or removes (negative), and to what.
    pub fn ref_delta(&self) -> Option<(ObjKey, i64)> {
        match *self {
            Ev::RefAdd { to, .. } => Some((to, 1)),
            Ev::RefDel { to, .. } => Some((to, -1)),
            Ev::RefAddRun { to, count, .. } => Some((to, count as i64)),
            Ev::RefDelRun { to, count, .. } => Some((to, -(count as i64))),
            _ => None,
        }
    }
}

/// The interned tables every event refers into.
#[derive(Default)]
pub struct Tables {
    pub strings: Strings,
    pub infos: Vec<Info>,
    info_map: HashMap<Info, u32, FxBuild>,
    pub roots: Vec<RootHolder>,
    root_map: HashMap<RootHolder, u32, FxBuild>,
    /// Frame stacks as a tree: each node is a frame (its function and file) and the line
    /// its caller was at when it was pushed.
    pub frames: Vec<FrameNode>,
    frame_map: HashMap<FrameNode, u32, FxBuild>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FrameNode {
    /// The caller's node, or `u32::MAX` for the outermost frame.
    pub parent: u32,
    pub function: StrIx,
    pub filename: StrIx,
    pub caller_line: u32,
}

pub const NO_FRAME: u32 = u32::MAX;

impl Tables {
    pub fn info(&mut self, info: Info) -> u32 {
        if let Some(&ix) = self.info_map.get(&info) {
            return ix;
        }
        let ix = self.infos.len() as u32;
        self.infos.push(info);
        // An int's info is rarely shared (each value is its own object): keeping it out
        // of the map saves the map's memory and its hashing.
        if info.repr & INLINE_INT == 0 {
            self.info_map.insert(info, ix);
        }
        ix
    }

    /// The text of an `Info::repr`.
    pub fn repr(&self, repr: StrIx) -> std::borrow::Cow<'_, str> {
        match inline_int_value(repr) {
            Some(v) => std::borrow::Cow::Owned(v.to_string()),
            None => std::borrow::Cow::Borrowed(self.strings.get(repr)),
        }
    }

    /// `repr` without an allocation when it is short (an int's digits are written
    /// inline).
    pub fn repr_compact(&self, repr: StrIx) -> CompactString {
        if let Some(v) = inline_int_value(repr) {
            let mut s = CompactString::const_new("");
            let _ = std::fmt::Write::write_fmt(&mut s, format_args!("{v}"));
            s
        } else {
            CompactString::new(self.strings.get(repr))
        }
    }

    pub fn root(&mut self, r: RootHolder) -> HolderIx {
        if let Some(&ix) = self.root_map.get(&r) {
            return ix | ROOT_BIT;
        }
        let ix = self.roots.len() as u32;
        self.roots.push(r);
        self.root_map.insert(r, ix);
        ix | ROOT_BIT
    }

    pub fn frame(&mut self, node: FrameNode) -> u32 {
        if let Some(&ix) = self.frame_map.get(&node) {
            return ix;
        }
        let ix = self.frames.len() as u32;
        self.frames.push(node);
        self.frame_map.insert(node, ix);
        ix
    }

    pub fn bytes(&self) -> usize {
        // A map entry: the key, the index and hashbrown's control byte, at its 7/8 load.
        let entry = |k: usize| (k + 4 + 1) * 8 / 7;
        self.strings.bytes()
            + self.infos.capacity() * std::mem::size_of::<Info>()
            + self.info_map.capacity() * entry(std::mem::size_of::<Info>())
            + self.roots.capacity() * std::mem::size_of::<RootHolder>()
            + self.root_map.capacity() * entry(std::mem::size_of::<RootHolder>())
            + self.frames.capacity() * std::mem::size_of::<FrameNode>()
            + self.frame_map.capacity() * entry(std::mem::size_of::<FrameNode>())
    }
}

/// Objects and references at one step. Clones share their storage until written (see
/// `ChunkMap`): a checkpoint costs a pointer per 64 keys.
#[derive(Default, Debug)]
pub struct Model {
    /// key → (info, refcount)
    pub objects: ChunkMap<(u32, u32)>,
    /// holder → its references, sorted by (label, to)
    pub out: ChunkMap<SegVec<(LabelIx, ObjKey)>>,
    /// Bytes of reference segments given up while a clone shared them.
    released: usize,
    /// Emptied reference lists kept for the next holders: a frame's variables and stack
    /// are holders that empty at each return and fill at each call.
    spare: Vec<smallvec::SmallVec<[(LabelIx, ObjKey); 2]>>,
}

impl Clone for Model {
    fn clone(&self) -> Self {
        Model {
            objects: self.objects.clone(),
            out: self.out.clone(),
            released: self.released,
            spare: Vec::new(),
        }
    }
}

impl PartialEq for Model {
    /// The same objects and references (a root holder with none left keeps an empty list,
    /// which is no difference).
    fn eq(&self, other: &Self) -> bool {
        let refs = |m: &Model| {
            m.out
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(h, v)| (h, v.clone()))
                .collect::<Vec<_>>()
        };
        self.objects == other.objects && refs(self) == refs(other)
    }
}

impl Model {
    pub fn apply(&mut self, ev: &Ev) {
        match *ev {
            Ev::Alloc { id, info, rc } => {
                self.objects.insert(id, (info, rc));
            }
            Ev::Free { id, .. } => {
                self.objects.remove(&id);
                self.drop_holder(id);
            }
            Ev::Rc { id, to, .. } => {
                if let Some(o) = self.objects.get_mut(&id) {
                    o.1 = to;
                }
            }
            Ev::Info { id, to, .. } => {
                if let Some(o) = self.objects.get_mut(&id) {
                    o.0 = to;
                }
            }
            Ev::RefAdd { to, holder, label } => {
                let spare = &mut self.spare;
                let v = self
                    .out
                    .get_or_insert_with(holder, || SegVec::Flat(spare.pop().unwrap_or_default()));
                v.insert_sorted((label, to), &mut self.released);
            }
            Ev::RefAddRun { to, holder, count } => {
                let spare = &mut self.spare;
                let v = self
                    .out
                    .get_or_insert_with(holder, || SegVec::Flat(spare.pop().unwrap_or_default()));
                if let Some(&(l, _)) = v.last() {
                    for k in 1..=count {
                        v.push((l + k, to), &mut self.released);
                    }
                }
            }
            Ev::RefDelRun { holder, count, .. } => {
                if let Some(v) = self.out.get_mut(&holder) {
                    v.truncate(v.len().saturating_sub(count as usize), &mut self.released);
                    // A root holder (a frame's variable or stack) empties at each return
                    // and fills at the next call: its empty list stays for then.
                    if v.is_empty() && holder & ROOT_BIT == 0 {
                        self.drop_holder(holder);
                    }
                }
            }
            Ev::RefDel { to, holder, label } => {
                if let Some(v) = self.out.get_mut(&holder) {
                    v.remove_sorted(&(label, to), &mut self.released);
                    // A root holder (a frame's variable or stack) empties at each return
                    // and fills at the next call: its empty list stays for then.
                    if v.is_empty() && holder & ROOT_BIT == 0 {
                        self.drop_holder(holder);
                    }
                }
            }
        }
    }

    /// Removes `holder`'s reference list, keeping a short emptied one for reuse.
    fn drop_holder(&mut self, holder: HolderIx) {
        if let Some(SegVec::Flat(mut v)) = self.out.remove(&holder)
            && v.capacity() <= 16
            && self.spare.len() < 64
        {
            v.clear();
            self.spare.push(v);
        }
    }

    /// Takes `ev` back: the state before it, from the state after it. Events are undone
    /// last to first (a `RefDelRun`'s anchor, after it, is then back before the run is).
    pub fn undo(&mut self, ev: &Ev) {
        match *ev {
            Ev::Alloc { id, .. } => {
                self.objects.remove(&id);
                self.drop_holder(id);
            }
            Ev::Free { id, info, rc } => {
                self.objects.insert(id, (info, rc));
            }
            Ev::Rc { id, from, to } => self.apply(&Ev::Rc {
                id,
                from: to,
                to: from,
            }),
            Ev::Info { id, from, to } => self.apply(&Ev::Info {
                id,
                from: to,
                to: from,
            }),
            Ev::RefAdd { to, holder, label } => self.apply(&Ev::RefDel { to, holder, label }),
            Ev::RefDel { to, holder, label } => self.apply(&Ev::RefAdd { to, holder, label }),
            Ev::RefAddRun { to, holder, count } => self.apply(&Ev::RefDelRun { to, holder, count }),
            Ev::RefDelRun { to, holder, count } => self.apply(&Ev::RefAddRun { to, holder, count }),
        }
    }

    pub fn edges(&self) -> usize {
        self.out.values().map(|v| v.len()).sum()
    }

    /// Roughly the bytes this model takes, counting what it shares with its clones.
    pub fn bytes(&self) -> usize {
        self.objects.bytes() + self.out.bytes() + self.edges() * 8
    }

    /// The bytes of storage this model stopped using while a clone still used them (the
    /// clones' own cost), since the last call.
    pub fn take_released(&mut self) -> usize {
        self.objects.take_released() + self.out.take_released() + std::mem::take(&mut self.released)
    }
}

/// What a snapshot needs besides the model.
pub struct StepContext<'a> {
    pub step: u64,
    pub line: u32,
    pub frame: u32,
    pub gc: GcInfo,
    pub tables: &'a Tables,
    /// At most this many references of one holder (all of them when None): a view of
    /// a heap with a list of 10**7 items stays small. The invariant then holds only for
    /// the objects that no truncated holder refers to.
    pub max_refs_per_holder: Option<usize>,
    /// An object whose references are all listed, past the bound too (the object a
    /// view is chosen around).
    pub focus: Option<ObjKey>,
}

/// Builds the snapshot of `model`: runtime objects appear only when something outside
/// the runtime refers to them.
pub fn materialize(model: &Model, cx: &StepContext) -> Snapshot {
    let t = cx.tables;
    // One pass over the objects: the program's own, and the runtime's (a few hundred,
    // kept aside in a small map so that asking about them stays in the cache).
    let mut own: Vec<(ObjKey, u32, u32)> = Vec::with_capacity(model.objects.len());
    let mut runtime: HashMap<ObjKey, (u32, u32), FxBuild> = HashMap::default();
    for (id, &(info, rc)) in model.objects.iter_sorted() {
        if t.infos[info as usize].flags & info_flags::RUNTIME != 0 {
            runtime.insert(id, (info, rc));
        } else {
            own.push((id, info, rc));
        }
    }
    let mut runtime_shown: HashSet<ObjKey, FxBuild> = HashSet::default();
    for (holder, refs) in model.out.iter() {
        // Variables and stack entries, and objects of the program's own, bring runtime
        // objects into view; the runtime's own holders do not.
        let outside = if holder & ROOT_BIT != 0 {
            !matches!(
                t.roots.get((holder & !ROOT_BIT) as usize),
                Some(RootHolder::Runtime { .. }) | None
            )
        } else {
            !runtime.contains_key(&holder)
        };
        if outside {
            for (_, to) in refs.iter() {
                if runtime.contains_key(to) {
                    runtime_shown.insert(*to);
                }
            }
        }
    }
    own.extend(
        runtime_shown
            .iter()
            .filter_map(|id| runtime.get(id).map(|&(info, rc)| (*id, info, rc))),
    );
    // Every reference's target is alive: it is shown unless the runtime's and unasked for.
    let shown = |id: ObjKey| !runtime.contains_key(&id) || runtime_shown.contains(&id);
    let holders = &mut model.out.iter();
    build(model, cx, own, holders, &shown)
}

/// The snapshot of the objects `keep` of `model` (a view of a heap too large to show
/// whole): their references to one another and the roots' references to them. Their
/// refcounts stay whole, so an object shows more references than its listed holders,
/// as in a view bounded per container.
pub fn materialize_subset(
    model: &Model,
    cx: &StepContext,
    keep: &HashSet<ObjKey, FxBuild>,
) -> Snapshot {
    let own: Vec<(ObjKey, u32, u32)> = keep
        .iter()
        .filter_map(|&id| model.objects.get(&id).map(|&(info, rc)| (id, info, rc)))
        .collect();
    let roots = (0..cx.tables.roots.len() as u32).map(|r| r | ROOT_BIT);
    let holders = &mut keep
        .iter()
        .copied()
        .chain(roots)
        .filter_map(|h| model.out.get(&h).map(|refs| (h, refs)));
    build(model, cx, own, holders, &|id| keep.contains(&id))
}

/// A snapshot of the objects `own` ((id, info, refcount)), with the references of
/// `holders` to the objects `shown` accepts. Objects and references are built on two
/// threads.
fn build(
    model: &Model,
    cx: &StepContext,
    mut own: Vec<(ObjKey, u32, u32)>,
    holders: &mut (dyn Iterator<Item = (HolderIx, &SegVec<(LabelIx, ObjKey)>)> + Send),
    shown: &(dyn Fn(ObjKey) -> bool + Sync),
) -> Snapshot {
    let t = cx.tables;
    let (objects, references) = std::thread::scope(|scope| {
        let objects = scope.spawn(move || {
            // Mostly in order (the runtime's objects come at the end): a merge of runs.
            own.sort_by_key(|o| o.0);
            own.into_iter()
                .map(|(id, i, rc)| {
                    let info = &t.infos[i as usize];
                    let tracked = info.flags & info_flags::TRACKED != 0;
                    ObjectInfo {
                        id,
                        type_name: CompactString::new(t.strings.get(info.type_name)),
                        repr: t.repr_compact(info.repr),
                        refcount: rc,
                        size: info.size,
                        tracked,
                        generation: tracked.then_some(info.generation),
                        cached: info.flags & info_flags::CACHED != 0,
                        runtime: info.flags & info_flags::RUNTIME != 0,
                        finalized: info.flags & info_flags::FINALIZED != 0,
                    }
                })
                .collect::<Vec<ObjectInfo>>()
        });
        let references = references_of(model, cx, holders, shown);
        // A panic in the other half is a bug; its half of the snapshot is then empty.
        (objects.join().unwrap_or_default(), references)
    });
    Snapshot {
        schema: SNAPSHOT_SCHEMA.to_string(),
        step: cx.step,
        line: cx.line,
        objects,
        references,
        frames: frames_of(cx),
        gc: cx.gc,
    }
}

/// The references between shown objects, labelled, in `Reference`'s order. Each holder
/// is described once; the references are ordered by target with a radix sort of small
/// (target, holder, label) triples, and only references to one target are compared in
/// full (a heap of two million objects has four million references to order).
fn references_of(
    model: &Model,
    cx: &StepContext,
    holders: &mut dyn Iterator<Item = (HolderIx, &SegVec<(LabelIx, ObjKey)>)>,
    shown: &dyn Fn(ObjKey) -> bool,
) -> Vec<Reference> {
    let t = cx.tables;
    let cap = cx.max_refs_per_holder.unwrap_or(usize::MAX);
    let mut styles: Vec<(HolderStyle, HolderIx)> = vec![];
    let mut flat: Vec<(ObjKey, u32, LabelIx)> = vec![];
    for (holder, refs) in holders {
        let Some(style) = holder_style(t, model, holder) else {
            continue;
        };
        let ix = styles.len() as u32;
        styles.push((style, holder));
        flat.extend(
            refs.iter()
                .take(cap)
                .filter(|(_, to)| shown(*to))
                .map(|&(l, to)| (to, ix, l)),
        );
        // The focus's holders are listed even past the bound.
        if let Some(focus) = cx.focus
            && refs.len() > cap
        {
            flat.extend(
                refs.iter()
                    .skip(cap)
                    .filter(|(_, to)| *to == focus && shown(*to))
                    .map(|&(l, to)| (to, ix, l)),
            );
        }
    }
    radix_sort_by_target(&mut flat);
    // A dict's values are labelled by their keys: the keys of the dicts that need them,
    // gathered once per dict.
    let mut keys: HashMap<(HolderIx, u32), ObjKey, FxBuild> = HashMap::default();
    let mut dicts: HashSet<HolderIx, FxBuild> = HashSet::default();
    let repr_of = |id: ObjKey| {
        model
            .objects
            .get(&id)
            .map(|(i, _)| t.repr(t.infos[*i as usize].repr))
            .unwrap_or(std::borrow::Cow::Borrowed("?"))
    };
    let mut references: Vec<Reference> = Vec::with_capacity(flat.len());
    let mut group = 0;
    for &(to, ix, l) in &flat {
        let (style, holder) = &styles[ix as usize];
        let (tag, value) = label_parts(l);
        let text = match tag {
            label_tag::ITEM => {
                let mut l = CompactString::const_new("[");
                let _ = std::fmt::Write::write_fmt(&mut l, format_args!("{value}]"));
                l
            }
            label_tag::KEY => CompactString::const_new("key"),
            label_tag::VALUE => {
                if dicts.insert(*holder)
                    && let Some(refs) = model.out.get(holder)
                {
                    for &(k, key) in refs.iter() {
                        if label_parts(k).0 == label_tag::KEY {
                            keys.insert((*holder, label_parts(k).1), key);
                        }
                    }
                }
                let key = keys
                    .get(&(*holder, value))
                    .map(|k| repr_of(*k))
                    .unwrap_or(std::borrow::Cow::Borrowed("?"));
                compact_str::format_compact!("[{key}]")
            }
            _ => CompactString::new(t.strings.get(value)),
        };
        let (holder, label) = style.describe(text);
        // References to one target are ordered in full when the target changes.
        if references.last().is_some_and(|r: &Reference| r.to != to) {
            references[group..].sort_unstable();
            group = references.len();
        }
        references.push(Reference { to, holder, label });
    }
    references[group..].sort_unstable();
    references
}

/// Sorts by target, keeping the order of equal targets (least significant digit first,
/// eleven bits at a time).
fn radix_sort_by_target(v: &mut Vec<(ObjKey, u32, LabelIx)>) {
    const BITS: u32 = 11;
    let max = v.iter().map(|e| e.0).max().unwrap_or(0);
    let mut buf = vec![(0, 0, 0); v.len()];
    let mut shift = 0;
    while shift < 32 && (max >> shift) > 0 {
        let mut counts = vec![0usize; 1 << BITS];
        for e in v.iter() {
            counts[((e.0 >> shift) & ((1 << BITS) - 1)) as usize] += 1;
        }
        let mut at = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        for e in v.iter() {
            let d = ((e.0 >> shift) & ((1 << BITS) - 1)) as usize;
            buf[counts[d]] = *e;
            counts[d] += 1;
        }
        std::mem::swap(v, &mut buf);
        shift += BITS;
    }
}

/// How a holder appears in snapshots, worked out once per holder.
enum HolderStyle {
    /// As it is (an object, a variable, the stack, the runtime).
    Plain(Holder),
    /// A module's namespace: its references are globals, labelled by their name.
    Module(String),
}

impl HolderStyle {
    fn describe(&self, label: CompactString) -> (Holder, CompactString) {
        match self {
            HolderStyle::Plain(h) => (h.clone(), label),
            HolderStyle::Module(module) => {
                let name = CompactString::new(label.trim_start_matches('.'));
                (
                    Holder::Global {
                        module: module.clone(),
                        name: name.to_string(),
                    },
                    name,
                )
            }
        }
    }
}

/// A holder's style: a module's references are globals, a code object's are constants,
/// the runtime's objects are runtime holders. None for an unknown holder.
fn holder_style(t: &Tables, model: &Model, holder: HolderIx) -> Option<HolderStyle> {
    if holder & ROOT_BIT != 0 {
        let h = match t.roots.get((holder & !ROOT_BIT) as usize)? {
            RootHolder::Var { depth, name } => Holder::Variable {
                frame: *depth as usize,
                name: t.strings.get(*name).to_string(),
            },
            RootHolder::Stack { depth } => Holder::Stack {
                frame: *depth as usize,
            },
            RootHolder::Runtime { what } => Holder::Runtime {
                what: t.strings.get(*what).to_string(),
            },
        };
        return Some(HolderStyle::Plain(h));
    }
    let Some(i) = model
        .objects
        .get(&holder)
        .map(|(i, _)| t.infos[*i as usize])
    else {
        return Some(HolderStyle::Plain(Holder::Object { id: holder }));
    };
    let (type_name, repr) = (t.strings.get(i.type_name), t.repr(i.repr));
    if i.flags & info_flags::RUNTIME != 0 {
        let what = format!("{type_name} {repr}");
        return Some(HolderStyle::Plain(Holder::Runtime { what }));
    }
    Some(match type_name {
        "module" => HolderStyle::Module(module_name(&repr)),
        "code" => HolderStyle::Plain(Holder::Constant {
            function: code_name(&repr),
        }),
        _ => HolderStyle::Plain(Holder::Object { id: holder }),
    })
}

/// A holder as snapshots show it, with its label (see `holder_style`).
pub fn describe_holder(
    t: &Tables,
    model: &Model,
    holder: HolderIx,
    label: CompactString,
) -> Option<(Holder, CompactString)> {
    Some(holder_style(t, model, holder)?.describe(label))
}

/// `<module 'name'>` → `name`
fn module_name(repr: &str) -> String {
    let r = repr.strip_prefix("<module '").unwrap_or(repr);
    r.strip_suffix("'>").unwrap_or(r).to_string()
}

/// `<code name>` → `name`
fn code_name(repr: &str) -> String {
    let r = repr.strip_prefix("<code ").unwrap_or(repr);
    r.strip_suffix('>').unwrap_or(r).to_string()
}

/// The frames of a step, outermost first; their variables come from the references.
fn frames_of(cx: &StepContext) -> Vec<FrameInfo> {
    let t = cx.tables;
    let mut chain = vec![];
    let mut node = cx.frame;
    while let Some(n) = t.frames.get(node as usize) {
        chain.push(*n);
        node = n.parent;
    }
    chain.reverse();
    chain
        .iter()
        .enumerate()
        .map(|(i, n)| FrameInfo {
            function: t.strings.get(n.function).to_string(),
            filename: t.strings.get(n.filename).to_string(),
            line: chain.get(i + 1).map(|c| c.caller_line).unwrap_or(cx.line),
            variables: vec![],
        })
        .collect()
}

/// Fills each frame's variables from the snapshot's references (in name order); the
/// module frame's are the program's globals (but the `__dunder__` ones).
pub fn attach_variables(s: &mut Snapshot) {
    for r in &s.references {
        match &r.holder {
            Holder::Variable { frame, name } => {
                if let Some(f) = s.frames.get_mut(*frame) {
                    f.variables.push((name.clone(), r.to));
                }
            }
            Holder::Global { module, name } if module == "__main__" && !name.starts_with("__") => {
                if let Some(f) = s.frames.first_mut().filter(|f| f.function == "<module>") {
                    f.variables.push((name.clone(), r.to));
                }
            }
            _ => {}
        }
    }
    for f in &mut s.frames {
        f.variables.sort();
    }
}
