//! The hash table behind dict, set and frozenset: entries in insertion order plus an
//! open-addressing index, like CPython's compact dict.
//!
//! Key equality may need Python code (`__eq__`), which the heap cannot run, so lookups are
//! split: [`Table::candidates`] lists the entries whose hash matches, and the vm decides
//! which one is equal. The table also models CPython 3.11's allocated sizes, which
//! `sys.getsizeof` reports: for dicts the keys-table size (8, 16, 32 ... growing to
//! `used * 3` rounded up to a power of two when full), for sets the hash table size (8, 32,
//! 128 ... growing to `used * 4` when 3/5 full).

use super::ObjId;
use super::kinds::{Instance, SharedKeysRef};

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// NULL for a deleted entry.
    pub key: ObjId,
    /// NULL in sets.
    pub value: ObjId,
}

const EMPTY: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Dict,
    Set,
}

#[derive(Debug)]
pub struct Table {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    used: usize,
    /// CPython's table size (dk_size for dicts, the set's mask + 1), 0 for an empty dict.
    pub model_size: usize,
    /// Dict: entries inserted since the last resize, counting deleted ones (CPython's
    /// `dk_nentries`), to know when the keys table is full. Set: CPython's `fill`.
    model_fill: usize,
    /// Every key ever inserted was a str (CPython's unicode keys table, 16-byte entries).
    pub all_str: bool,
    pub kind: TableKind,
    /// Sets only: CPython's hash table itself, slot by slot (`EMPTY_SLOT`, `DUMMY_SLOT`, or
    /// an entry index). A set iterates in slot order, so `{3, 1, 2}` prints `{1, 2, 3}`.
    cslots: Vec<i32>,
    /// Sets only: the slot of each entry.
    entry_slot: Vec<u32>,
    /// The class and attributes of an instance of a Python subclass of dict, set or
    /// frozenset; `None` for the built-in type itself.
    pub ext: Option<Box<Instance>>,
    /// Dicts only: the class's keys that this dict shares (an instance's `__dict__`,
    /// CPython's split table), or None for an ordinary (combined) table.
    pub split: Option<SharedKeysRef>,
}

/// A copy of the table's contents: the copy is a plain dict or set (`D(a=1).copy()` is a
/// `dict`), so a subclass instance's class and attributes stay behind.
impl Clone for Table {
    fn clone(&self) -> Table {
        Table {
            entries: self.entries.clone(),
            indices: self.indices.clone(),
            used: self.used,
            model_size: self.model_size,
            model_fill: self.model_fill,
            all_str: self.all_str,
            kind: self.kind,
            cslots: self.cslots.clone(),
            entry_slot: self.entry_slot.clone(),
            ext: None,
            // (A split dict's copy shares the keys too.)
            split: self.split.clone(),
        }
    }
}

/// CPython 3.11's `calculate_log2_keysize(minsize)`, as a number of slots: 16 (not 8)
/// for 1 to 7 entries times three.
fn keys_table_size(minsize: usize) -> usize {
    let m = (minsize | 8) - 1;
    1 << (usize::BITS - (m | 7).leading_zeros())
}

const EMPTY_SLOT: i32 = -1;
const DUMMY_SLOT: i32 = -2;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

impl Table {
    pub fn new(kind: TableKind) -> Table {
        Table {
            entries: Vec::new(),
            indices: Vec::new(),
            used: 0,
            model_size: if kind == TableKind::Set { 8 } else { 0 },
            model_fill: 0,
            all_str: true,
            kind,
            cslots: if kind == TableKind::Set {
                vec![EMPTY_SLOT; 8]
            } else {
                vec![]
            },
            entry_slot: vec![],
            ext: None,
            split: None,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Indices of live entries whose hash equals `hash`, in probe order.
    pub fn candidates(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.mask();
        let mut pos = if self.indices.is_empty() {
            usize::MAX
        } else {
            (hash as u64 as usize) & mask
        };
        let mut perturb = hash as u64;
        std::iter::from_fn(move || {
            if pos == usize::MAX {
                return None;
            }
            loop {
                let ix = self.indices[pos];
                if ix == EMPTY {
                    pos = usize::MAX;
                    return None;
                }
                perturb >>= 5;
                let next = (pos.wrapping_mul(5) + 1 + perturb as usize) & mask;
                let here = pos;
                pos = next;
                let _ = here;
                let e = &self.entries[ix as usize];
                if !e.key.is_null() && e.hash == hash {
                    return Some(ix as usize);
                }
            }
        })
    }

    /// Finds an entry by identity or by `eq` (for keys whose equality needs no Python code).
    pub fn find(&self, hash: i64, key: ObjId, mut eq: impl FnMut(ObjId) -> bool) -> Option<usize> {
        self.candidates(hash)
            .find(|&i| self.entries[i].key == key || eq(self.entries[i].key))
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    pub fn set_value(&mut self, i: usize, value: ObjId) -> ObjId {
        std::mem::replace(&mut self.entries[i].value, value)
    }

    /// Inserts a key the caller has checked is absent.
    pub fn insert_new(&mut self, hash: i64, key: ObjId, value: ObjId, key_is_str: bool) {
        if self.kind == TableKind::Dict {
            self.model_insert(key_is_str);
        }
        if (self.entries.len() + 1) * 3 > self.indices.len() * 2 {
            self.rebuild((self.used + 1) * 3);
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.place(hash, idx);
        if self.kind == TableKind::Set {
            self.set_add_slot(hash, idx as i32);
        }
    }

    fn place(&mut self, hash: i64, idx: u32) {
        let mask = self.mask();
        let mut pos = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[pos] != EMPTY {
            perturb >>= 5;
            pos = (pos.wrapping_mul(5) + 1 + perturb as usize) & mask;
        }
        self.indices[pos] = idx;
    }

    /// Rebuilds the index for at least `min_slots` slots, dropping deleted entries.
    fn rebuild(&mut self, min_slots: usize) {
        let mut n = 8;
        while n < min_slots {
            n *= 2;
        }
        if self.kind == TableKind::Set {
            // Entry indices change: renumber them in the slot table.
            let mut new_index = vec![-1i32; self.entries.len()];
            let mut next = 0;
            for (i, e) in self.entries.iter().enumerate() {
                if !e.key.is_null() {
                    new_index[i] = next;
                    next += 1;
                }
            }
            for s in self.cslots.iter_mut() {
                if *s >= 0 {
                    *s = new_index[*s as usize];
                }
            }
            let mut es = vec![0u32; next as usize];
            for (slot, s) in self.cslots.iter().enumerate() {
                if *s >= 0 {
                    es[*s as usize] = slot as u32;
                }
            }
            self.entry_slot = es;
        }
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; n];
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32);
        }
    }

    /// Removes the entry at `i`, returning it. The slot stays as a tombstone.
    pub fn remove_at(&mut self, i: usize) -> Entry {
        let e = self.entries[i];
        self.entries[i].key = ObjId::NULL;
        self.entries[i].value = ObjId::NULL;
        self.used -= 1;
        if self.kind == TableKind::Set
            && let Some(slot) = self.entry_slot.get(i)
        {
            // A dummy slot keeps counting in `fill`.
            self.cslots[*slot as usize] = DUMMY_SLOT;
        }
        if self.entries.len() > 16 && self.used * 2 < self.entries.len() {
            self.rebuild(self.used * 3);
        }
        e
    }

    /// Removes and returns everything, in insertion order; the model size returns to empty.
    pub fn clear(&mut self) -> Vec<Entry> {
        let out: Vec<Entry> = self
            .entries
            .drain(..)
            .filter(|e| !e.key.is_null())
            .collect();
        self.indices.clear();
        self.used = 0;
        self.split = None;
        self.model_fill = 0;
        self.all_str = true;
        self.model_size = if self.kind == TableKind::Set { 8 } else { 0 };
        if self.kind == TableKind::Set {
            self.cslots = vec![EMPTY_SLOT; 8];
            self.entry_slot.clear();
        }
        out
    }

    /// Live entries in insertion order, with their indices.
    /// Live entries in Python's iteration order (insertion order for dicts, slot order for
    /// sets), with their entry indices.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (usize, &Entry)> + '_ {
        let order: Vec<usize> = if self.kind == TableKind::Set {
            self.cslots
                .iter()
                .filter(|s| **s >= 0)
                .map(|s| *s as usize)
                .collect()
        } else {
            (0..self.entries.len()).collect()
        };
        order
            .into_iter()
            .map(move |i| (i, &self.entries[i]))
            .filter(|(_, e)| !e.key.is_null())
    }

    /// An iterator's next entry from `pos`, and the position after it: forward as
    /// [`Table::next_from`], or for a dict's reverse iterator the last live entry before
    /// entry `pos`.
    pub fn advance(&self, pos: usize, reverse: bool) -> Option<(usize, &Entry)> {
        if !reverse {
            return self.next_from(pos).map(|(i, e)| (i + 1, e));
        }
        self.entries[..pos.min(self.entries.len())]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| !e.key.is_null())
    }

    /// The position a dict's reverse iterator starts from: past its last entry.
    pub fn entries_end(&self) -> usize {
        self.entries.len()
    }

    /// The first live entry at or after `i` (for iterators that survive mutation).
    /// `pos` counts entries for dicts and slots for sets; returns the position after the
    /// entry found, and the entry.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        if self.kind == TableKind::Set {
            return self
                .cslots
                .iter()
                .enumerate()
                .skip(pos)
                .find(|(_, s)| **s >= 0)
                .map(|(slot, s)| (slot, &self.entries[*s as usize]));
        }
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find(|(_, e)| !e.key.is_null())
    }

    /// CPython's `set_add_entry` for a new key: finds its slot (reusing the first dummy on
    /// the probe path), then resizes like `set_table_resize` when 3/5 full.
    fn set_add_slot(&mut self, hash: i64, entry: i32) {
        let mask = self.cslots.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        let found = 'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let slot = i + j;
                match self.cslots[slot] {
                    EMPTY_SLOT => break 'outer slot,
                    DUMMY_SLOT if freeslot.is_none() => freeslot = Some(slot),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5) + 1 + perturb as usize) & mask;
        };
        self.entry_slot.push(0);
        if let Some(f) = freeslot {
            self.cslots[f] = entry;
            self.entry_slot[entry as usize] = f as u32;
            return;
        }
        self.cslots[found] = entry;
        self.entry_slot[entry as usize] = found as u32;
        self.model_fill += 1;
        if self.model_fill * 5 >= mask * 3 {
            let used = self.used;
            self.set_resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// CPython's `set_table_resize`: a table of more than `minused` slots, entries
    /// reinserted in the old table's slot order.
    fn set_resize(&mut self, minused: usize) {
        let mut n = 8;
        while n <= minused {
            n <<= 1;
        }
        let old = std::mem::replace(&mut self.cslots, vec![EMPTY_SLOT; n]);
        let mask = n - 1;
        for e in old.into_iter().filter(|e| *e >= 0) {
            let hash = self.entries[e as usize].hash;
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            let slot = 'outer: loop {
                if self.cslots[i] == EMPTY_SLOT {
                    break i;
                }
                if i + LINEAR_PROBES <= mask {
                    for j in 1..=LINEAR_PROBES {
                        if self.cslots[i + j] == EMPTY_SLOT {
                            break 'outer i + j;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5) + 1 + perturb as usize) & mask;
            };
            self.cslots[slot] = e;
            self.entry_slot[e as usize] = slot as u32;
        }
        self.model_size = n;
        self.model_fill = self.used;
    }

    /// `set_merge`/`set_update_internal` presizing before adding `incoming` keys from a set
    /// or dict.
    pub fn set_presize(&mut self, incoming: usize) {
        if self.kind != TableKind::Set {
            return;
        }
        let mask = self.cslots.len() - 1;
        if (self.model_fill + incoming) * 5 >= mask * 3 {
            let target = (self.used + incoming) * 2;
            let mut n = 8;
            while n <= target {
                n <<= 1;
            }
            if n > self.cslots.len() {
                self.set_resize(target);
            }
        }
    }

    /// A set's slot table with each live slot numbered by its rank in iteration order,
    /// when the table has no dummy slots (what `set_merge` may copy as it is).
    pub fn slot_ranks(&self) -> Option<Vec<i32>> {
        if self.kind != TableKind::Set || self.model_fill != self.used {
            return None;
        }
        let mut rank = 0;
        Some(
            self.cslots
                .iter()
                .map(|&s| {
                    if s >= 0 {
                        rank += 1;
                        rank - 1
                    } else {
                        EMPTY_SLOT
                    }
                })
                .collect(),
        )
    }

    /// Whether the set's table is untouched since it was made or cleared (`fill == 0`).
    pub fn set_is_clean(&self) -> bool {
        self.kind == TableKind::Set && self.model_fill == 0
    }

    /// The number of slots of a set's table.
    pub fn set_slots(&self) -> usize {
        self.cslots.len()
    }

    /// `set_merge`'s copy of another set's table, slot for slot: this set's live entries,
    /// in insertion order, take the slots `ranks` gives (see [`Table::slot_ranks`]); the
    /// tables are the same size.
    pub fn adopt_slots(&mut self, ranks: &[i32]) {
        if self.kind != TableKind::Set || ranks.len() != self.cslots.len() {
            return;
        }
        let live: Vec<usize> = (0..self.entries.len())
            .filter(|&i| !self.entries[i].key.is_null())
            .collect();
        if ranks.iter().filter(|r| **r >= 0).count() != live.len() {
            return;
        }
        for (slot, &r) in ranks.iter().enumerate() {
            self.cslots[slot] = if r >= 0 {
                let e = live[r as usize];
                self.entry_slot[e] = slot as u32;
                e as i32
            } else {
                EMPTY_SLOT
            };
        }
    }

    /// The last live entry (`popitem`).
    pub fn last(&self) -> Option<usize> {
        self.iter().next_back().map(|(i, _)| i)
    }

    /// A split dict becomes an ordinary one (`insertion_resize`, as when a key cannot be
    /// shared): a table for its entries times three.
    pub fn unsplit(&mut self) {
        self.unsplit_to(keys_table_size(self.used * 3));
    }

    /// A split dict becomes an ordinary one of `slots` slots.
    pub fn unsplit_to(&mut self, slots: usize) {
        if self.split.take().is_some() {
            self.model_size = slots;
            self.model_fill = self.used;
        }
    }

    /// An empty dict about to take the `n` entries of a split dict (`dict_merge`, which
    /// cannot clone split keys, resizes once for them all: `estimate_log2_keysize`).
    pub fn presize_for_merge(&mut self, n: usize) {
        if self.kind == TableKind::Dict && self.used == 0 && self.split.is_none() && n > 0 {
            self.model_size = keys_table_size((n * 3).div_ceil(2));
            self.model_fill = 0;
        }
    }

    /// An empty dict that `dict.fromkeys` fills from a dict or a set of `n` keys: one
    /// resize for them all first (`estimate_log2_keysize`), also for none, into a table
    /// for str keys only when `unicode` (the source dict's table is one; a set's never).
    pub fn presize_from_keys(&mut self, n: usize, unicode: bool) {
        if self.kind == TableKind::Dict && self.used == 0 && self.split.is_none() {
            self.model_size = keys_table_size((n * 3).div_ceil(2));
            self.model_fill = 0;
            self.all_str = unicode;
        }
    }

    fn model_insert(&mut self, key_is_str: bool) {
        match self.kind {
            TableKind::Dict => {
                if !key_is_str {
                    self.all_str = false;
                }
                if self.model_size == 0 {
                    self.model_size = 8;
                    self.model_fill = 0;
                }
                let usable = self.model_size * 2 / 3;
                if self.model_fill >= usable {
                    // CPython 3.11: GROWTH_RATE(d) = used * 3, through
                    // calculate_log2_keysize, which gives 16 slots (not 8) for 1 to 7.
                    self.model_size = keys_table_size(self.used * 3);
                    self.model_fill = self.used;
                }
                self.model_fill += 1;
            }
            // Sets keep their real slot table (set_add_slot).
            TableKind::Set => {}
        }
    }

    /// Presizes the model for `n` entries, as `dict(...)`/`{...}` builders in CPython may.
    pub fn model_presize(&mut self, n: usize) {
        if self.kind == TableKind::Dict && n > 5 && self.model_size == 0 {
            let mut size = 8;
            while size * 2 / 3 < n {
                size *= 2;
            }
            self.model_size = size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(i: u32) -> ObjId {
        ObjId(i)
    }

    #[test]
    fn insert_find_remove() {
        let mut t = Table::new(TableKind::Dict);
        for i in 0..100u32 {
            t.insert_new(i as i64 % 7, k(i), k(1000 + i), false);
        }
        assert_eq!(t.len(), 100);
        let found = t.find(3, k(52), |_| false).unwrap();
        assert_eq!(t.entry(found).unwrap().value, k(1052));
        t.remove_at(found);
        assert!(t.find(3, k(52), |_| false).is_none());
        assert_eq!(t.iter().count(), 99);
        assert_eq!(t.iter().next().unwrap().1.key, k(0));
    }

    #[test]
    fn dict_model_sizes_follow_cpython() {
        // (keys inserted, dk_size) as measured on CPython 3.11 through sys.getsizeof.
        let mut t = Table::new(TableKind::Dict);
        let mut sizes = vec![];
        for i in 0..90u32 {
            t.insert_new(i as i64, k(i), k(i), false);
            sizes.push(t.model_size);
        }
        assert_eq!(sizes[0], 8);
        assert_eq!(sizes[4], 8);
        assert_eq!(sizes[5], 16);
        assert_eq!(sizes[9], 16);
        assert_eq!(sizes[10], 32);
        assert_eq!(sizes[21], 64);
        assert_eq!(sizes[42], 128);
        assert_eq!(sizes[85], 256);
    }

    #[test]
    fn set_model_sizes_follow_cpython() {
        let mut t = Table::new(TableKind::Set);
        let mut sizes = vec![];
        for i in 0..80u32 {
            t.insert_new(i as i64, k(i), ObjId::NULL, false);
            sizes.push(t.model_size);
        }
        assert_eq!(sizes[3], 8);
        assert_eq!(sizes[4], 32);
        assert_eq!(sizes[17], 32);
        assert_eq!(sizes[18], 128);
        assert_eq!(sizes[75], 128);
        assert_eq!(sizes[76], 512);
    }
}
