//! A map from `u32` keys to values, in leaves of 64 consecutive keys under nodes of 512
//! leaves, all shared between clones: cloning copies a pointer per node, and a clone's
//! first write under a node copies that node's leaf pointers and the one leaf written.
//! A recording's checkpoints are clones of its running model, so a checkpoint of a heap
//! of two million objects copies some sixty pointers, and `state_at` starts from one in
//! microseconds instead of copying the heap.
//!
//! Object keys grow with time, so a step's changes land in few leaves. A leaf whose last
//! key goes is dropped (and a node whose last leaf goes): a long run that allocates and
//! frees keeps only the leaves of what is alive.

use std::sync::Arc;
use std::sync::atomic::{Ordering, fence};

const LEAF_BITS: u32 = 6;
const LEAF: usize = 1 << LEAF_BITS;
const NODE_BITS: u32 = 9;
const NODE: usize = 1 << NODE_BITS;

/// The heap memory a value owns besides itself (what copying it copies).
pub trait Weigh {
    fn heap_bytes(&self) -> usize;
}

impl Weigh for (u32, u32) {
    fn heap_bytes(&self) -> usize {
        0
    }
}

#[derive(Clone)]
struct Leaf<V> {
    len: u32,
    slots: [Option<V>; LEAF],
}

#[derive(Clone)]
struct Node<V> {
    len: u32,
    leaves: [Option<Arc<Leaf<V>>>; NODE],
}

/// What a leaf or node takes (with the shared pointer's counts).
const fn leaf_bytes<V>() -> usize {
    std::mem::size_of::<Leaf<V>>() + 16
}

const fn node_bytes<V>() -> usize {
    std::mem::size_of::<Node<V>>() + 16
}

/// A node slot: the nodes of a map are found by index, without hashing.
type NodeSlot<V> = Option<Arc<Node<V>>>;

pub struct ChunkMap<V> {
    /// The nodes, by the key's top bit (objects' keys grow from 0; other holders' keys
    /// have the top bit set and also grow from there), each vector indexed by the rest of
    /// the node number: both stay as short as the keys in use are small. An index, not a
    /// hash map: every event applied to a recording's model looks up a node.
    nodes: [Vec<NodeSlot<V>>; 2],
    node_count: usize,
    len: usize,
    leaves: usize,
    /// Bytes of leaves and nodes this map stopped using while a clone still shared them
    /// (by copying them before a write, or by dropping them): what clones keep alive.
    released: usize,
}

impl<V> Default for ChunkMap<V> {
    fn default() -> Self {
        ChunkMap {
            nodes: [Vec::new(), Vec::new()],
            node_count: 0,
            len: 0,
            leaves: 0,
            released: 0,
        }
    }
}

impl<V> Clone for ChunkMap<V> {
    fn clone(&self) -> Self {
        ChunkMap {
            nodes: self.nodes.clone(),
            node_count: self.node_count,
            len: self.len,
            leaves: self.leaves,
            released: 0,
        }
    }
}

/// The value of an `Arc` this map alone holds, for writing: `Arc::get_mut` without its
/// atomic compare-and-swap on the weak count, which was most of the cost of applying an
/// event to a recording's model (two per event, one for the node and one for the leaf).
#[inline]
fn unique_mut<T>(a: &mut Arc<T>) -> Option<&mut T> {
    if Arc::strong_count(a) != 1 {
        return None;
    }
    // Pairs with the release decrement of a clone dropped on another thread (a
    // checkpoint or a worker's model): what that thread read happens before our writes.
    fence(Ordering::Acquire);
    // SAFETY: this module never makes a `Weak` of its nodes and leaves, so a strong
    // count of 1 means `a` is the only pointer to the value; `&mut a` means nobody else
    // can reach this one (to clone it, one goes through the map, which we borrow
    // mutably). That is what `Arc::get_mut` checks, and why it hands out `&mut T`.
    Some(unsafe { &mut *Arc::as_ptr(a).cast_mut() })
}

/// Which node vector, and where in it, node `n` is.
fn dir(n: u32) -> (usize, usize) {
    ((n >> 16) as usize & 1, (n & 0xFFFF) as usize)
}

fn split(k: u32) -> (u32, usize, usize) {
    (
        k >> (LEAF_BITS + NODE_BITS),
        ((k >> LEAF_BITS) as usize) & (NODE - 1),
        (k as usize) & (LEAF - 1),
    )
}

impl<V: Clone + Weigh> ChunkMap<V> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes of this map's nodes and leaves (without what values own).
    pub fn bytes(&self) -> usize {
        (self.nodes[0].capacity() + self.nodes[1].capacity()) * 8
            + self.node_count * node_bytes::<V>()
            + self.leaves * leaf_bytes::<V>()
    }

    /// What the map stopped using while clones shared it, since the last call.
    pub fn take_released(&mut self) -> usize {
        std::mem::take(&mut self.released)
    }

    pub fn get(&self, k: &u32) -> Option<&V> {
        let (n, l, s) = split(*k);
        self.node(n)?.leaves[l].as_ref()?.slots[s].as_ref()
    }

    fn node(&self, n: u32) -> Option<&Node<V>> {
        let (h, i) = dir(n);
        self.nodes[h].get(i)?.as_deref()
    }

    pub fn contains_key(&self, k: &u32) -> bool {
        self.get(k).is_some()
    }

    /// The leaf of `k` for writing, made if `create` and missing; a shared node or leaf is
    /// copied first.
    fn leaf_mut(&mut self, k: u32, create: bool) -> Option<&mut Leaf<V>> {
        let (n, l, _) = split(k);
        // The common case, a node and leaf this map alone holds, without the bookkeeping.
        if self.owns_leaf(n, l) {
            let (h, i) = dir(n);
            let node = unique_mut(self.nodes[h].get_mut(i)?.as_mut()?)?;
            return unique_mut(node.leaves[l].as_mut()?);
        }
        if !create && self.node(n)?.leaves[l].is_none() {
            return None;
        }
        let (h, i) = dir(n);
        let dir = &mut self.nodes[h];
        if dir.len() <= i {
            dir.resize(i + 1, None);
        }
        if dir[i].is_none() {
            self.node_count += 1;
        }
        let node = dir[i].get_or_insert_with(|| {
            Arc::new(Node {
                len: 0,
                leaves: std::array::from_fn(|_| None),
            })
        });
        if Arc::strong_count(node) > 1 {
            self.released += node_bytes::<V>();
        }
        let node = Arc::make_mut(node);
        if node.leaves[l].is_none() {
            node.len += 1;
            self.leaves += 1;
        }
        let leaf = node.leaves[l].get_or_insert_with(|| {
            Arc::new(Leaf {
                len: 0,
                slots: std::array::from_fn(|_| None),
            })
        });
        if Arc::strong_count(leaf) > 1 {
            self.released += leaf_bytes::<V>()
                + leaf
                    .slots
                    .iter()
                    .flatten()
                    .map(Weigh::heap_bytes)
                    .sum::<usize>();
        }
        Some(Arc::make_mut(leaf))
    }

    /// Whether leaf `l` of node `n` exists and neither it nor its node is shared.
    fn owns_leaf(&self, n: u32, l: usize) -> bool {
        let (h, i) = dir(n);
        match self.nodes[h].get(i) {
            Some(Some(node)) => {
                Arc::strong_count(node) == 1
                    && node.leaves[l]
                        .as_ref()
                        .is_some_and(|leaf| Arc::strong_count(leaf) == 1)
            }
            _ => false,
        }
    }

    /// The value of `k` for writing.
    pub fn get_mut(&mut self, k: &u32) -> Option<&mut V> {
        self.get(k)?;
        self.leaf_mut(*k, false)?.slots[split(*k).2].as_mut()
    }

    pub fn insert(&mut self, k: u32, v: V) -> Option<V> {
        let leaf = self.leaf_mut(k, true)?;
        let old = leaf.slots[split(k).2].replace(v);
        if old.is_none() {
            leaf.len += 1;
            self.len += 1;
        }
        old
    }

    /// The value of `k`, made with `make` if there was none.
    pub fn get_or_insert_with(&mut self, k: u32, make: impl FnOnce() -> V) -> &mut V {
        let fresh = !self.contains_key(&k);
        if fresh {
            self.len += 1;
        }
        // `leaf_mut` with `create` always gives a leaf.
        let leaf = self.leaf_mut(k, true).expect("a leaf");
        if fresh {
            leaf.len += 1;
        }
        leaf.slots[split(k).2].get_or_insert_with(make)
    }

    pub fn remove(&mut self, k: &u32) -> Option<V> {
        self.get(k)?;
        let (n, l, s) = split(*k);
        let leaf = self.leaf_mut(*k, false)?;
        let old = leaf.slots[s].take();
        leaf.len -= 1;
        let emptied = leaf.len == 0;
        self.len -= 1;
        if emptied {
            self.leaves -= 1;
            let (h, i) = dir(n);
            let slot = self.nodes[h].get_mut(i)?;
            let node = slot.as_mut().map(Arc::make_mut)?;
            node.leaves[l] = None;
            node.len -= 1;
            if node.len == 0 {
                *slot = None;
                self.node_count -= 1;
            }
        }
        old
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &V)> + '_ {
        self.nodes.iter().enumerate().flat_map(|(h, dir)| {
            dir.iter().enumerate().flat_map(move |(i, node)| {
                let n = ((h as u32) << 16) | i as u32;
                node.iter().flat_map(move |node| Self::entries(n, node))
            })
        })
    }

    /// Every entry in key order (as `iter`).
    pub fn iter_sorted(&self) -> impl Iterator<Item = (u32, &V)> + '_ {
        self.iter()
    }

    fn entries(n: u32, node: &Node<V>) -> impl Iterator<Item = (u32, &V)> + '_ {
        node.leaves.iter().enumerate().flat_map(move |(l, leaf)| {
            let base = (n << (LEAF_BITS + NODE_BITS)) | ((l as u32) << LEAF_BITS);
            leaf.iter().flat_map(move |leaf| {
                leaf.slots
                    .iter()
                    .enumerate()
                    .filter_map(move |(s, v)| v.as_ref().map(|v| (base | s as u32, v)))
            })
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }
}

/// A sorted list: one vector while it is short, and past `2 * SEG` items segments of at
/// most `SEG` items shared between clones like the map's leaves. A list of a million
/// references then costs a clone a thousand pointers, and appending to it copies only its
/// last segment. Mutators add to `released` what they stopped sharing (see
/// `ChunkMap::take_released`).
#[derive(Clone, Debug)]
pub enum SegVec<T> {
    /// Up to two items inline (most holders refer to one or two objects: an instance's
    /// class and value, a variable's object), without an allocation of their own.
    Flat(smallvec::SmallVec<[T; 2]>),
    Segs(Box<Segs<T>>),
}

#[derive(Clone, Debug)]
pub struct Segs<T> {
    segs: Vec<Arc<Vec<T>>>,
    len: usize,
}

const SEG: usize = 1024;

impl<T> Default for SegVec<T> {
    fn default() -> Self {
        SegVec::Flat(smallvec::SmallVec::new())
    }
}

impl<T: Copy + Ord> Segs<T> {
    fn last(&self) -> Option<&T> {
        self.segs.last()?.last()
    }

    fn seg_mut(&mut self, i: usize, released: &mut usize) -> &mut Vec<T> {
        let seg = &mut self.segs[i];
        if Arc::strong_count(seg) > 1 {
            *released += 16 + seg.capacity() * std::mem::size_of::<T>();
        }
        Arc::make_mut(seg)
    }

    fn push(&mut self, x: T, released: &mut usize) {
        if self.segs.last().is_none_or(|s| s.len() >= SEG) {
            self.segs.push(Arc::new(Vec::with_capacity(SEG)));
        }
        let last = self.segs.len() - 1;
        self.seg_mut(last, released).push(x);
        self.len += 1;
    }

    fn insert(&mut self, x: T, released: &mut usize) {
        // The first segment that ends after `x` (one does: the last).
        let i = self
            .segs
            .partition_point(|s| s.last().is_some_and(|&l| l <= x));
        let seg = self.seg_mut(i, released);
        let at = seg.partition_point(|e| *e <= x);
        seg.insert(at, x);
        if seg.len() > 2 * SEG {
            let rest = seg.split_off(SEG);
            self.segs.insert(i + 1, Arc::new(rest));
        }
        self.len += 1;
    }

    fn remove(&mut self, x: &T, released: &mut usize) -> bool {
        let i = self
            .segs
            .partition_point(|s| s.last().is_some_and(|l| l < x));
        let Some(Ok(at)) = self.segs.get(i).map(|s| s.binary_search(x)) else {
            return false;
        };
        let seg = self.seg_mut(i, released);
        seg.remove(at);
        if seg.is_empty() {
            self.segs.remove(i);
        }
        self.len -= 1;
        true
    }

    fn pop(&mut self, released: &mut usize) -> Option<T> {
        let last = self.segs.len().checked_sub(1)?;
        let seg = self.seg_mut(last, released);
        let x = seg.pop();
        if seg.is_empty() {
            self.segs.pop();
        }
        self.len -= usize::from(x.is_some());
        x
    }

    fn truncate(&mut self, n: usize, released: &mut usize) {
        while let Some(seg) = self.segs.last() {
            if self.len <= n {
                return;
            }
            if self.len - seg.len() >= n {
                self.len -= seg.len();
                self.segs.pop();
            } else {
                let keep = seg.len() - (self.len - n);
                let last = self.segs.len() - 1;
                self.seg_mut(last, released).truncate(keep);
                self.len = n;
            }
        }
    }
}

impl<T: Copy + Ord> SegVec<T> {
    pub fn len(&self) -> usize {
        match self {
            SegVec::Flat(v) => v.len(),
            SegVec::Segs(s) => s.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn last(&self) -> Option<&T> {
        match self {
            SegVec::Flat(v) => v.last(),
            SegVec::Segs(s) => s.last(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        let (flat, segs) = match self {
            SegVec::Flat(v) => (Some(v.iter()), None),
            SegVec::Segs(s) => (None, Some(s.segs.iter().flat_map(|s| s.iter()))),
        };
        flat.into_iter().flatten().chain(segs.into_iter().flatten())
    }

    /// The items as one slice (copied when they are in segments).
    pub fn as_slice(&self) -> std::borrow::Cow<'_, [T]> {
        match self {
            SegVec::Flat(v) => std::borrow::Cow::Borrowed(&v[..]),
            SegVec::Segs(_) => std::borrow::Cow::Owned(self.iter().copied().collect()),
        }
    }

    /// A flat list grown past `2 * SEG` items goes into segments.
    fn settle(&mut self) {
        if let SegVec::Flat(v) = self
            && v.len() > 2 * SEG
        {
            let segs = v.chunks(SEG).map(|c| Arc::new(c.to_vec())).collect();
            *self = SegVec::Segs(Box::new(Segs { segs, len: v.len() }));
        }
    }

    pub fn push(&mut self, x: T, released: &mut usize) {
        match self {
            SegVec::Flat(v) => v.push(x),
            SegVec::Segs(s) => s.push(x, released),
        }
        self.settle();
    }

    /// Inserts `x` in order (after its equals).
    pub fn insert_sorted(&mut self, x: T, released: &mut usize) {
        if self.last().is_none_or(|&l| l <= x) {
            return self.push(x, released);
        }
        match self {
            SegVec::Flat(v) => v.insert(v.partition_point(|e| *e <= x), x),
            SegVec::Segs(s) => s.insert(x, released),
        }
        self.settle();
    }

    /// Removes one item equal to `x`; false if there is none.
    pub fn remove_sorted(&mut self, x: &T, released: &mut usize) -> bool {
        if self.last() == Some(x) {
            self.pop(released);
            return true;
        }
        match self {
            SegVec::Flat(v) => match v.binary_search(x) {
                Ok(at) => {
                    v.remove(at);
                    true
                }
                Err(_) => false,
            },
            SegVec::Segs(s) => s.remove(x, released),
        }
    }

    pub fn pop(&mut self, released: &mut usize) -> Option<T> {
        match self {
            SegVec::Flat(v) => v.pop(),
            SegVec::Segs(s) => s.pop(released),
        }
    }

    /// Keeps the first `n` items.
    pub fn truncate(&mut self, n: usize, released: &mut usize) {
        match self {
            SegVec::Flat(v) => v.truncate(n),
            SegVec::Segs(s) => s.truncate(n, released),
        }
    }
}

impl<T> Weigh for SegVec<T> {
    fn heap_bytes(&self) -> usize {
        match self {
            SegVec::Flat(v) if v.spilled() => v.capacity() * std::mem::size_of::<T>(),
            SegVec::Flat(_) => 0,
            SegVec::Segs(s) => {
                std::mem::size_of::<Segs<T>>() + s.segs.capacity() * std::mem::size_of::<usize>()
            }
        }
    }
}

impl<T: Copy + Ord> PartialEq for SegVec<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<V: Clone + Weigh + PartialEq> PartialEq for ChunkMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().all(|(k, v)| other.get(&k) == Some(v))
    }
}

impl<V: Clone + Weigh + std::fmt::Debug> std::fmt::Debug for ChunkMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter_sorted()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::ChunkMap;
    use std::collections::BTreeMap;

    /// Against a BTreeMap, with a clone taken now and then that must keep the state it
    /// was taken in while the original goes on changing.
    #[test]
    fn behaves_as_a_map_and_clones_stay_as_they_were() {
        let mut m: ChunkMap<(u32, u32)> = ChunkMap::default();
        let mut reference = BTreeMap::new();
        let mut frozen = vec![];
        let mut x: u64 = 12345;
        for step in 0..20_000u32 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let k = ((x >> 33) % 70_000) as u32 + if x & 1 == 0 { 0 } else { 1 << 31 };
            match (x >> 20) % 4 {
                0 | 1 => {
                    let v = (x as u32, step);
                    assert_eq!(m.insert(k, v), reference.insert(k, v))
                }
                2 => assert_eq!(m.remove(&k), reference.remove(&k)),
                _ => {
                    if let Some(v) = m.get_mut(&k) {
                        v.1 += 1;
                    }
                    if let Some(v) = reference.get_mut(&k) {
                        v.1 += 1;
                    }
                }
            }
            if step % 997 == 0 {
                frozen.push((m.clone(), reference.clone()));
            }
        }
        for (m, r) in frozen.iter().chain([(m, reference)].iter()) {
            assert_eq!(m.len(), r.len());
            let sorted: Vec<(u32, (u32, u32))> = m.iter_sorted().map(|(k, v)| (k, *v)).collect();
            let expected: Vec<(u32, (u32, u32))> = r.iter().map(|(k, v)| (*k, *v)).collect();
            assert_eq!(sorted, expected);
        }
    }

    /// Against a sorted Vec, through inserts in the middle (splitting segments), removals,
    /// pops and truncations, with clones that must keep what they had.
    #[test]
    fn segmented_lists_stay_sorted_and_clones_stay_as_they_were() {
        use super::SegVec;
        let mut v: SegVec<(u32, u32)> = SegVec::default();
        let mut reference: Vec<(u32, u32)> = vec![];
        let mut frozen = vec![];
        let mut released = 0;
        let mut x: u64 = 99;
        for step in 0..30_000u32 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let item = (((x >> 33) % 5000) as u32, step % 3);
            match (x >> 20) % 10 {
                0..=4 => {
                    v.insert_sorted(item, &mut released);
                    let at = reference.partition_point(|e| *e <= item);
                    reference.insert(at, item);
                }
                5 => {
                    if reference.last().is_none_or(|l| *l <= item) {
                        v.push(item, &mut released);
                        reference.push(item);
                    }
                }
                6 | 7 => {
                    let target = reference
                        .get(item.0 as usize % reference.len().max(1))
                        .copied();
                    if let Some(t) = target {
                        assert!(v.remove_sorted(&t, &mut released));
                        let at = reference.binary_search(&t).unwrap_or(0);
                        reference.remove(at);
                    } else {
                        assert!(!v.remove_sorted(&item, &mut released));
                    }
                }
                8 => assert_eq!(v.pop(&mut released), reference.pop()),
                _ => {
                    if step % 50 == 0 {
                        let n = reference.len() * 3 / 4;
                        v.truncate(n, &mut released);
                        reference.truncate(n);
                    }
                }
            }
            assert_eq!(v.len(), reference.len());
            if step % 1999 == 0 {
                frozen.push((v.clone(), reference.clone()));
            }
        }
        for (v, r) in frozen.iter().chain([(v, reference)].iter()) {
            assert_eq!(v.iter().copied().collect::<Vec<_>>(), *r);
            assert_eq!(&v.as_slice()[..], &r[..]);
        }
    }
}
