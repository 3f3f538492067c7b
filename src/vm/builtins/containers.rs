//! The core container operations the vm needs: dict and set entries (with Python-level
//! `__eq__`/`__hash__`), list growth with CPython's capacity model, indexing, slicing and
//! subscripts.

use crate::heap::kinds::{ListObj, TypeTag};
use crate::heap::table::Table;
use crate::heap::{Kind, ObjId};
use crate::vm::{PyResult, Vm};

/// CPython 3.11's `list_resize` over-allocation for a list growing to `newsize` from `old`.
pub fn list_grow_capacity(old_size: usize, newsize: usize, cap: usize) -> usize {
    if newsize <= cap && newsize >= cap / 2 {
        return cap;
    }
    let mut new_alloc = (newsize + (newsize >> 3) + 6) & !3usize;
    // Signed in CPython: a list that shrinks never takes this branch.
    if newsize > old_size && newsize - old_size > new_alloc - newsize {
        new_alloc = (newsize + 3) & !3usize;
    }
    if newsize == 0 {
        new_alloc = 0;
    }
    new_alloc
}

impl Vm {
    /// A new list of the pieces `split` and `rsplit` return, with the capacity CPython
    /// gives them: a list of 12 made up front (PREALLOC_SIZE), grown by appends past
    /// that (`"a b c".split()` is 152 bytes).
    pub fn new_split_list(&mut self, items: Vec<ObjId>) -> ObjId {
        self.new_list_appended(items, 12)
    }

    /// A new list of `items` with the capacity `prealloc` items then one append per item
    /// past them give it (`str.splitlines` starts from 0).
    pub fn new_list_appended(&mut self, items: Vec<ObjId>, prealloc: usize) -> ObjId {
        let mut cap = prealloc;
        for k in prealloc + 1..=items.len() {
            cap = list_grow_capacity(k - 1, k, cap);
        }
        let list = self.new_list(items);
        if let Kind::List(l) = self.heap.kind_mut(list) {
            l.cap = cap;
        }
        self.heap.resize(list);
        list
    }
}

pub(crate) fn table(kind: &Kind) -> Option<&Table> {
    match kind {
        Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => Some(t),
        _ => None,
    }
}

fn table_mut(kind: &mut Kind) -> Option<&mut Table> {
    match kind {
        Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => Some(t),
        _ => None,
    }
}

impl Vm {
    /// Finds the entry index of `key` in a dict or set (both borrowed).
    pub fn table_find(&mut self, obj: ObjId, key: ObjId) -> PyResult<Option<(usize, i64)>> {
        let hash = self.hash(key)?;
        self.table_find_hashed(obj, key, hash)
    }

    /// [`Vm::table_find`] with the key's hash already computed (`__hash__` runs once per
    /// operation, as in CPython).
    pub fn table_find_hashed(
        &mut self,
        obj: ObjId,
        key: ObjId,
        hash: i64,
    ) -> PyResult<Option<(usize, i64)>> {
        let candidates: Vec<usize> = match table(self.heap.kind(obj)) {
            Some(t) => t.candidates(hash).collect(),
            None => return Ok(None),
        };
        for i in candidates {
            let k = match table(self.heap.kind(obj)).and_then(|t| t.entry(i)) {
                Some(e) => e.key,
                None => continue,
            };
            if k == key {
                return Ok(Some((i, hash)));
            }
            let eq = match self.native_eq(k, key) {
                Some(b) => b,
                None => {
                    self.heap.incref(k);
                    self.held.push(k);
                    let r = self.eq(k, key);
                    self.held.pop();
                    self.heap.decref(k);
                    r?
                }
            };
            if eq {
                return Ok(Some((i, hash)));
            }
        }
        Ok(None)
    }

    /// `d[key]` if present (borrowed value).
    pub fn dict_lookup(&mut self, d: ObjId, key: ObjId) -> PyResult<Option<ObjId>> {
        match self.table_find(d, key)? {
            Some((i, _)) => Ok(table(self.heap.kind(d))
                .and_then(|t| t.entry(i))
                .map(|e| e.value)),
            None => Ok(None),
        }
    }

    /// `d[name]` for a str key, without Python code (borrowed value).
    pub fn dict_get_str(&self, d: ObjId, name: &str) -> Option<ObjId> {
        let t = table(self.heap.kind(d))?;
        let h = super::super::ops::str_hash(name.as_bytes());
        t.candidates(h)
            .filter_map(|i| t.entry(i))
            .find(|e| self.as_str(e.key) == Some(name))
            .map(|e| e.value)
    }

    /// `d[key] = value` (both borrowed). As CPython's PyDict_SetItem, the dict takes its
    /// references to the key and the value before it hashes the key and compares it with
    /// the keys there: a Python `__hash__` or `__eq__` sees them in `sys.getrefcount`.
    pub fn dict_set(&mut self, d: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
        self.heap.incref(key);
        self.heap.incref(value);
        self.dict_set_owned(d, key, None, value)
    }

    /// `d[key] = value` taking the caller's references to `key` and `value` (CPython's
    /// `_PyDict_SetItem_Take2`, what a dict comprehension's MAP_ADD calls): the dict
    /// keeps them, or they are released (a key already there, an error). `known` is the
    /// key's hash when it is known: a merge from another dict reuses the hashes stored
    /// there, as CPython's `dict_merge` does, without calling `__hash__` again.
    pub fn dict_set_owned(
        &mut self,
        d: ObjId,
        key: ObjId,
        known: Option<i64>,
        value: ObjId,
    ) -> PyResult<()> {
        // (Held: the hash, or the comparison with a key of the same hash, may run
        // Python code.)
        let found = self.while_holding(&[key, value], |vm| {
            let hash = match known {
                Some(h) => h,
                None => vm.hash(key)?,
            };
            Ok((hash, vm.table_find_hashed(d, key, hash)?))
        });
        let (hash, found) = match found {
            Ok(r) => r,
            Err(e) => {
                self.heap.decref(value);
                self.heap.decref(key);
                return Err(e);
            }
        };
        match found {
            Some((i, _)) => {
                let old = match table_mut(self.heap.kind_mut(d)) {
                    Some(t) => t.set_value(i, value),
                    None => ObjId::NULL,
                };
                self.heap.xdecref(old);
                // The key there stays; the new one's reference goes.
                self.heap.decref(key);
            }
            None => {
                let is_str = self.is_str(key);
                let shared = self.shared_key(d, key);
                if let Some(t) = table_mut(self.heap.kind_mut(d)) {
                    if !shared {
                        t.unsplit();
                    }
                    t.insert_new(hash, key, value, is_str);
                }
                self.heap.resize(d);
                self.check_heap_limit()?;
            }
        }
        if self.is_container(value) || self.is_container(key) {
            self.heap.track(d);
        }
        Ok(())
    }

    /// Whether a new key of dict `d` may go in: always, unless `d` shares its class's
    /// keys (an instance's `__dict__`) and `key` is not a str or the keys have no room
    /// for it (then `d` stops sharing them).
    fn shared_key(&mut self, d: ObjId, key: ObjId) -> bool {
        let Some(keys) = table(self.heap.kind(d)).and_then(|t| t.split.clone()) else {
            return true;
        };
        let name = match self.as_str(key) {
            Some(s) if self.type_of(key) == self.type_obj(TypeTag::Str) => s.to_string(),
            _ => return false,
        };
        let sym = self.heap.intern_sym(&name);
        keys.borrow_mut().admit(sym)
    }

    /// Removes `key` from a dict, returning its value (owned) if it was there.
    pub fn dict_pop(&mut self, d: ObjId, key: ObjId) -> PyResult<Option<ObjId>> {
        let Some((i, _)) = self.table_find(d, key)? else {
            return Ok(None);
        };
        let e = match table_mut(self.heap.kind_mut(d)) {
            Some(t) => t.remove_at(i),
            None => return Ok(None),
        };
        self.heap.decref(e.key);
        Ok(Some(e.value))
    }

    pub fn dict_len(&self, d: ObjId) -> usize {
        table(self.heap.kind(d)).map(|t| t.len()).unwrap_or(0)
    }

    /// `d.update(m)` / `{**m}` / `f(**m)` (merge: repeated keys are an error).
    pub fn dict_update_from(
        &mut self,
        d: ObjId,
        m: ObjId,
        merge: bool,
        callee: ObjId,
    ) -> PyResult<()> {
        let pairs: Vec<(ObjId, i64, ObjId)> = match self.heap.kind(m) {
            Kind::Dict(t) => {
                let pairs: Vec<_> = t.iter().map(|(_, e)| (e.key, e.hash, e.value)).collect();
                if t.split.is_some()
                    && let Kind::Dict(target) = self.heap.kind_mut(d)
                {
                    target.presize_for_merge(pairs.len());
                }
                pairs
            }
            _ => {
                let keys_sym = self.heap.intern_sym("keys");
                if !self.has_attr_str(m, "keys")? {
                    let tn = self.type_name(m);
                    return Err(if merge {
                        let q = self.function_str(callee);
                        self.type_error(format!(
                            "{q}() argument after ** must be a mapping, not {tn}"
                        ))
                    } else {
                        self.type_error(format!("'{tn}' object is not a mapping"))
                    });
                }
                // What this takes (the keys method, the keys, the values) is held while
                // the mapping's Python methods run.
                let keys_m = self.getattr(m, keys_sym)?;
                let keys = self.while_holding(&[keys_m], |vm| vm.call(keys_m, &[]));
                self.heap.decref(keys_m);
                let keys = keys?;
                let ks = self.while_holding(&[keys], |vm| vm.collect(keys));
                self.heap.decref(keys);
                let ks = ks?;
                let n = ks.len();
                let mark = self.held.len();
                self.held.extend(ks);
                let mut result = Ok(());
                for i in 0..n {
                    let k = self.held[mark + i];
                    match self.getitem(m, k) {
                        Ok(v) => self.held.push(v),
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                if result.is_ok() {
                    for i in 0..n {
                        let (k, v) = (self.held[mark + i], self.held[mark + n + i]);
                        result = self.dict_set(d, k, v);
                        if result.is_err() {
                            break;
                        }
                    }
                }
                let taken = self.held.split_off(mark);
                self.release_all(taken);
                return result;
            }
        };
        for (k, hash, v) in pairs {
            if merge && self.table_find_hashed(d, k, hash)?.is_some() {
                let q = self.function_str(callee);
                let ks = self.str_of(k)?;
                return Err(self.type_error(format!(
                    "{q}() got multiple values for keyword argument '{ks}'"
                )));
            }
            self.heap.incref(k);
            self.heap.incref(v);
            self.dict_set_owned(d, k, Some(hash), v)?;
        }
        Ok(())
    }

    /// `s.add(v)` (borrowed).
    pub fn set_add(&mut self, s: ObjId, v: ObjId) -> PyResult<()> {
        let hash = self.hash(v)?;
        self.set_add_hashed(s, v, hash)
    }

    /// A set's items with the hashes its table keeps, in iteration order (new
    /// references): what CPython's set operations take from another set instead of
    /// calling `__hash__` again.
    pub fn set_entries(&mut self, s: ObjId) -> Vec<(ObjId, i64)> {
        let mut out = vec![];
        if let Kind::Set(t) | Kind::FrozenSet(t) = self.heap.kind(s) {
            let mut pos = 0;
            while let Some((i, e)) = t.next_from(pos) {
                out.push((e.key, e.hash));
                pos = i + 1;
            }
        }
        for (k, _) in &out {
            self.heap.incref(*k);
        }
        out
    }

    /// `s.add(v)` for a `v` whose hash is known.
    pub fn set_add_hashed(&mut self, s: ObjId, v: ObjId, hash: i64) -> PyResult<()> {
        if self.table_find_hashed(s, v, hash)?.is_some() {
            return Ok(());
        }
        self.heap.incref(v);
        let is_str = self.is_str(v);
        if let Some(t) = table_mut(self.heap.kind_mut(s)) {
            t.insert_new(hash, v, ObjId::NULL, is_str);
        }
        self.heap.resize(s);
        self.check_heap_limit()
    }

    pub fn set_contains(&mut self, s: ObjId, v: ObjId) -> PyResult<bool> {
        match self.table_find(s, v) {
            Ok(r) => Ok(r.is_some()),
            Err(e) if matches!(self.heap.kind(v), Kind::Set(_)) => {
                // `set in set` looks up a frozenset of it, as CPython does.
                self.heap.decref(e.0);
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    pub fn set_update(&mut self, s: ObjId, it: ObjId) -> PyResult<()> {
        if let Some(r) = self.set_merge_clean(s, it) {
            return r;
        }
        // CPython presizes when the source's size is known (another set or a dict).
        let incoming = match self.heap.kind(it) {
            Kind::Set(t) | Kind::FrozenSet(t) | Kind::Dict(t) => Some(t.len()),
            _ => None,
        };
        if let Some(n) = incoming {
            if let Some(t) = table_mut(self.heap.kind_mut(s)) {
                t.set_presize(n);
            }
            self.heap.resize(s);
        }
        let items = self.collect(it)?;
        let r = self.while_holding(&items, |vm| {
            items.iter().try_for_each(|x| vm.set_add(s, *x))
        });
        self.release_all(items);
        r
    }

    /// CPython's `set_merge` into an empty set (`s.copy()`, `set(s)`, `s | t`...): the
    /// source's keys, with their hashes, in its slot order; when both tables are the same
    /// size and the source has no dummy slots, slot for slot, so that the copy iterates
    /// in the same order. None when `it` is not a set or `s` is not empty.
    fn set_merge_clean(&mut self, s: ObjId, it: ObjId) -> Option<PyResult<()>> {
        let (keys, ranks) = match self.heap.kind(it) {
            Kind::Set(t) | Kind::FrozenSet(t) if s != it => (
                t.iter().map(|(_, e)| (e.hash, e.key)).collect::<Vec<_>>(),
                t.slot_ranks(),
            ),
            _ => return None,
        };
        if !matches!(self.heap.kind(s), Kind::Set(t) | Kind::FrozenSet(t) if t.set_is_clean()) {
            return None;
        }
        let strs: Vec<bool> = keys.iter().map(|(_, k)| self.is_str(*k)).collect();
        for (_, k) in &keys {
            self.heap.incref(*k);
        }
        if let Some(t) = table_mut(self.heap.kind_mut(s)) {
            t.set_presize(keys.len());
            let same_size = ranks.as_ref().is_some_and(|r| r.len() == t.set_slots());
            for ((h, k), is_str) in keys.iter().zip(strs) {
                t.insert_new(*h, *k, ObjId::NULL, is_str);
            }
            if same_size && let Some(r) = &ranks {
                t.adopt_slots(r);
            }
        }
        self.heap.resize(s);
        if keys.iter().any(|(_, k)| self.is_container(*k)) {
            self.heap.track(s);
        }
        Some(self.check_heap_limit())
    }

    /// Removes `v` from a set; returns whether it was there.
    pub fn set_discard(&mut self, s: ObjId, v: ObjId) -> PyResult<bool> {
        let hash = self.hash(v)?;
        self.set_discard_hashed(s, v, hash)
    }

    /// `set_discard` for a `v` whose hash is known.
    pub fn set_discard_hashed(&mut self, s: ObjId, v: ObjId, hash: i64) -> PyResult<bool> {
        let Some((i, _)) = self.table_find_hashed(s, v, hash)? else {
            return Ok(false);
        };
        let e = match table_mut(self.heap.kind_mut(s)) {
            Some(t) => t.remove_at(i),
            None => return Ok(false),
        };
        self.heap.decref(e.key);
        Ok(true)
    }

    /// Appends an owned reference to a list, growing its modelled capacity like CPython.
    pub fn list_push(&mut self, list: ObjId, v: ObjId) {
        let resized = match self.heap.list_mut_append(list) {
            Kind::List(l) => {
                let n = l.items.len();
                l.items.push(v);
                if n + 1 > l.cap {
                    l.cap = list_grow_capacity(n, n + 1, l.cap);
                    true
                } else {
                    false
                }
            }
            _ => {
                self.heap.decref(v);
                return;
            }
        };
        if resized {
            self.heap.resize(list);
        }
    }

    /// Sets the list's items and capacity after a bulk change.
    pub fn list_set_len_model(&mut self, list: ObjId, old_len: usize) {
        if let Kind::List(l) = self.heap.kind_mut(list) {
            let n = l.items.len();
            l.cap = if old_len == 0 && l.cap == 0 {
                // CPython's list_preallocate_exact rounds up to even.
                (n + 1) & !1
            } else {
                list_grow_capacity(old_len, n, l.cap)
            };
        }
        self.heap.resize(list);
    }

    /// `list.extend(iterable)` (borrowed).
    pub fn list_extend(&mut self, list: ObjId, it: ObjId) -> PyResult<()> {
        let exact = matches!(self.heap.kind(it), Kind::List(_) | Kind::Tuple(_));
        let old_len = self.seq_len_of(list);
        // (Asked before iterating: an iterator's hint is what it has left.)
        let hint = self.length_hint(it);
        let items = self.collect_sequence(it)?;
        if items.is_empty() {
            return Ok(());
        }
        if exact || old_len > 0 {
            if let Kind::List(l) = self.heap.kind_mut(list) {
                l.items.extend(items);
            }
            self.list_set_len_model(list, old_len);
        } else {
            // From an iterator: CPython preallocates the length hint (even), then appends.
            for v in items {
                self.list_push(list, v);
            }
            if let Some(n) = hint
                && let Kind::List(l) = self.heap.kind_mut(list)
                && l.items.len() <= n
            {
                l.cap = (n + 1) & !1;
            }
            self.heap.resize(list);
        }
        self.check_heap_limit()
    }

    /// Collects an instance's items as CPython's `list_extend` does: `iter()` first, then
    /// the length hint (the class's `__len__`, when it has one: its code runs, and its
    /// errors other than TypeError propagate), then the items.
    /// The items of an iterable as CPython's `PySequence_List` and `PySequence_Tuple` take
    /// them: a Python iterable (or a subclass's instance with its own `__iter__`) is
    /// asked `__len__` for a length hint after `iter()`, and its own `__len__` runs.
    pub fn collect_sequence(&mut self, it: ObjId) -> PyResult<Vec<ObjId>> {
        let own_iter = self.sub_special(it, self.names.iter).is_some();
        let python = matches!(self.heap.kind(it), Kind::Instance(_))
            || matches!(self.heap.kind(it), Kind::WeakRef(w) if w.proxy);
        if python || own_iter {
            self.collect_with_len_hint(it)
        } else {
            self.collect(it)
        }
    }

    /// CPython's `PySequence_Tuple`: a tuple of the items of an iterable (owned); a tuple
    /// (not a subclass's) is kept as it is.
    pub fn sequence_tuple(&mut self, v: ObjId) -> PyResult<ObjId> {
        if matches!(self.heap.kind(v), Kind::Tuple(t) if t.ext.is_none()) {
            self.heap.incref(v);
            return Ok(v);
        }
        let items = self.collect_sequence(v)?;
        Ok(self.new_tuple(items))
    }

    fn collect_with_len_hint(&mut self, it: ObjId) -> PyResult<Vec<ObjId>> {
        let iter = self.get_iter(it)?;
        let len = self.names.len;
        let r = self.while_holding(&[iter], |vm| {
            // (A proxy's length is its object's.)
            vm.via_proxy(it, |vm, t| vm.call_special(t, len, &[]))
                .unwrap_or_else(|| vm.call_special(it, len, &[]))
        });
        match r {
            Ok(Some(v)) => self.heap.decref(v),
            Ok(None) => {}
            Err(e) if self.exc_matches(&e, self.exc_types.type_error) => self.heap.decref(e.0),
            Err(e) => {
                self.heap.decref(iter);
                return Err(e);
            }
        }
        self.collect_from_iter(iter)
    }

    /// A length hint for what CPython knows the size of before iterating: the sized
    /// built-in containers and dict views, and the iterators that have a
    /// `__length_hint__` (over a list, tuple, str, bytes, range, dict or set, and
    /// reversed lists), which give what they have left. None for the others
    /// (generators, map, zip, an array's iterator...).
    pub(crate) fn length_hint(&self, it: ObjId) -> Option<usize> {
        use crate::heap::kinds::IterState;
        let sized = |v: ObjId| super::funcs::builtin_len(self, v);
        match self.heap.kind(it) {
            // (An array's iterator has no `__length_hint__`.)
            Kind::Iter(io) if io.tag == TypeTag::ArrayIterator => None,
            Kind::Iter(io) => match &io.state {
                IterState::Seq { seq, index } => sized(*seq).map(|n| n.saturating_sub(*index)),
                IterState::ListReverse { seq, index } => {
                    let n = sized(*seq)?;
                    Some(if *index < 0 || n as isize <= *index {
                        0
                    } else {
                        *index as usize + 1
                    })
                }
                IterState::Range { next, stop, step } => {
                    let (next, stop, step) = (*next as i128, *stop as i128, *step as i128);
                    let left = if step > 0 && next < stop {
                        (stop - next + step - 1) / step
                    } else if step < 0 && next > stop {
                        (next - stop - step - 1) / -step
                    } else {
                        0
                    };
                    usize::try_from(left).ok()
                }
                IterState::Table { obj, index, .. } => match self.heap.kind(*obj) {
                    Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => {
                        let rev = io.tag.is_dict_reverse_iterator();
                        let mut left = 0;
                        let mut pos = *index;
                        while let Some((next, _)) = t.advance(pos, rev) {
                            left += 1;
                            pos = next;
                        }
                        Some(left)
                    }
                    _ => None,
                },
                _ => None,
            },
            _ => sized(it),
        }
    }

    /// The items of a list or tuple (new references), read as CPython's sequence
    /// operations read them: a subclass's own `__iter__` is not asked.
    pub fn seq_items(&mut self, seq: ObjId) -> Vec<ObjId> {
        let items = match self.heap.kind(seq) {
            Kind::List(l) => l.items.to_vec(),
            Kind::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        for x in &items {
            self.heap.incref(*x);
        }
        items
    }

    /// A list with the given owned items, capacity as `list(iterable)` would give.
    pub fn new_list_from(&mut self, items: Vec<ObjId>) -> ObjId {
        let cap = (items.len() + 1) & !1;
        self.heap.alloc(Kind::List(Box::new(ListObj {
            items: items.into(),
            cap,
            ext: None,
        })))
    }

    /// Length of a list, tuple or str (in characters).
    pub fn seq_len_of(&self, v: ObjId) -> usize {
        match self.heap.kind(v) {
            Kind::List(l) => l.items.len(),
            Kind::Tuple(t) => t.len(),
            Kind::Str(s) => s.chars as usize,
            _ => 0,
        }
    }

    /// Item `i` of a list or tuple (borrowed).
    pub fn seq_item_of(&self, v: ObjId, i: usize) -> Option<ObjId> {
        match self.heap.kind(v) {
            Kind::List(l) => l.items.get(i).copied(),
            Kind::Tuple(t) => t.get(i).copied(),
            _ => None,
        }
    }

    /// An index argument as i64 (ints, bools, `__index__`).
    pub fn index_of(&mut self, v: ObjId, what: &str) -> PyResult<i64> {
        match self.heap.kind(v) {
            Kind::Int(i) => Ok(*i),
            Kind::Bool(b) => Ok(*b as i64),
            Kind::BigInt(_) => Err(self.new_exception(
                self.exc_types.index_error,
                "cannot fit 'int' into an index-sized integer",
            )),
            Kind::IntSub(i) => match i.value {
                crate::vm::num::Int::Small(v) => Ok(v),
                crate::vm::num::Int::Big(_) => Err(self.new_exception(
                    self.exc_types.index_error,
                    "cannot fit 'int' into an index-sized integer",
                )),
            },
            _ => {
                if let Some(r) = self.try_dunder(v, "__index__", &[])? {
                    let i = self.small_int_of(r);
                    self.heap.decref(r);
                    if let Some(i) = i {
                        return Ok(i);
                    }
                }
                let tn = self.type_name(v);
                // (3.11 words str's own way.)
                Err(self.type_error(if what == "string" {
                    format!("string indices must be integers, not '{tn}'")
                } else {
                    format!("{what} indices must be integers or slices, not {tn}")
                }))
            }
        }
    }

    /// A slice bound, as CPython's _PyEval_SliceIndex reads it: None, or an int (a
    /// bool, an int subclass's instance such as an IntEnum member) or what `__index__`
    /// gives, a big one clamped past any length.
    pub fn slice_index(&mut self, v: ObjId) -> PyResult<Option<i64>> {
        if v == self.none {
            return Ok(None);
        }
        if let Some(i) = self.int_of(v) {
            return Ok(Some(match i {
                crate::vm::num::Int::Small(i) => i,
                crate::vm::num::Int::Big(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN / 2,
                crate::vm::num::Int::Big(_) => i64::MAX / 2,
            }));
        }
        if let Some(r) = self.try_dunder(v, "__index__", &[])? {
            let i = self.small_int_of(r);
            self.heap.decref(r);
            return Ok(i);
        }
        Err(self.type_error("slice indices must be integers or None or have an __index__ method"))
    }

    /// A bound of `list.index` and `tuple.index` (CPython's _PyEval_SliceIndexNotNone):
    /// as [`Vm::slice_index`], without None.
    pub fn slice_index_not_none(&mut self, v: ObjId) -> PyResult<i64> {
        match v == self.none {
            true => {
                Err(self.type_error("slice indices must be integers or have an __index__ method"))
            }
            false => Ok(self.slice_index(v)?.unwrap_or(0)),
        }
    }

    /// The (start, stop, step) of a slice object applied to a sequence of `len` items.
    pub fn slice_indices(&mut self, slice: ObjId, len: usize) -> PyResult<(i64, i64, i64)> {
        let [a, b, c] = match self.heap.kind(slice) {
            Kind::Slice(s) => **s,
            _ => return Err(self.type_error("expected a slice")),
        };
        let get = |vm: &mut Vm, v: ObjId| vm.slice_index(v);
        let step = get(self, c)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let norm = |x: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
            match x {
                None => default,
                Some(v) => {
                    let v = if v < 0 { v + len } else { v };
                    v.clamp(lo, hi)
                }
            }
        };
        let (start, stop) = if step > 0 {
            (
                norm(get(self, a)?, 0, 0, len),
                norm(get(self, b)?, len, 0, len),
            )
        } else {
            (
                norm(get(self, a)?, len - 1, -1, len - 1),
                norm(get(self, b)?, -1, -1, len - 1),
            )
        };
        Ok((start, stop, step))
    }

    /// `obj[key]` (both borrowed; result owned).
    #[inline]
    pub fn getitem(&mut self, obj: ObjId, key: ObjId) -> PyResult<ObjId> {
        if let Some(v) = self.call_sub_special(obj, self.names.getitem, &[key])? {
            return Ok(v);
        }
        self.getitem_base(obj, key)
    }

    /// `obj[key]` as the built-in type does it (`list.__getitem__`).
    pub fn getitem_base(&mut self, obj: ObjId, key: ObjId) -> PyResult<ObjId> {
        if let Some(ns) = self.namespace_of(obj) {
            return match self.namespace_get(ns, key)? {
                Some(v) => {
                    self.heap.incref(v);
                    Ok(v)
                }
                None => Err(self.key_error(key)),
            };
        }
        let is_slice = matches!(self.heap.kind(key), Kind::Slice(_));
        match self.heap.kind(obj) {
            Kind::List(_) | Kind::Tuple(_) => {
                let len = self.seq_len_of(obj);
                let is_list = matches!(self.heap.kind(obj), Kind::List(_));
                if is_slice {
                    let (start, stop, step) = self.slice_indices(key, len)?;
                    // A whole tuple is itself (not a subclass's instance: a new tuple).
                    if !is_list
                        && step == 1
                        && start == 0
                        && stop as usize == len
                        && !self.is_subclass_instance(obj)
                    {
                        self.heap.incref(obj);
                        return Ok(obj);
                    }
                    let items: Vec<ObjId> = slice_positions(start, stop, step)
                        .filter_map(|i| self.seq_item_of(obj, i))
                        .collect();
                    for i in &items {
                        self.heap.incref(*i);
                    }
                    return Ok(if is_list {
                        self.new_list(items)
                    } else {
                        self.new_tuple(items)
                    });
                }
                let what = if is_list { "list" } else { "tuple" };
                let i = self.index_of(key, what)?;
                let idx = if i < 0 { i + len as i64 } else { i };
                match (idx >= 0)
                    .then(|| self.seq_item_of(obj, idx as usize))
                    .flatten()
                {
                    Some(v) => {
                        self.heap.incref(v);
                        Ok(v)
                    }
                    None => Err(self.index_error(format!("{what} index out of range"))),
                }
            }
            Kind::Str(_) => super::strings::str_getitem(self, obj, key),
            Kind::Bytes(_) | Kind::ByteArray(_) => super::funcs::bytes_getitem(self, obj, key),
            Kind::Dict(_) => match self.dict_lookup(obj, key)? {
                Some(v) => {
                    self.heap.incref(v);
                    Ok(v)
                }
                None => {
                    // A subclass's `__missing__` answers for a missing key.
                    let missing = self.heap.intern_sym("__missing__");
                    if let Some(v) = self.call_sub_special(obj, missing, &[key])? {
                        return Ok(v);
                    }
                    Err(self.key_error(key))
                }
            },
            Kind::Range(r) => {
                let r = **r;
                super::funcs::range_getitem(self, r, key)
            }
            Kind::Array(_) => crate::vm::modules::array::array_getitem(self, obj, key),
            Kind::MemoryView(_) => super::memview::view_getitem(self, obj, key),
            Kind::Class(_) => {
                // A class's own `__class_getitem__` (an implicit class method).
                let sym = self.heap.intern_sym("__class_getitem__");
                let f = match self.class_lookup(obj, sym).map(|f| (f, self.heap.kind(f))) {
                    Some((f, Kind::Function(_))) => Some(f),
                    Some((_, Kind::ClassMethod(f))) => Some(*f),
                    _ => None,
                };
                if let Some(f) = f {
                    return self.call(f, &[obj, key]);
                }
                // `list[int]` and friends: a types.GenericAlias, for annotations.
                let tn = self.class_name(obj);
                if self.class(obj).is_some_and(|c| c.native.is_some())
                    && matches!(
                        &*tn,
                        "list" | "dict" | "tuple" | "set" | "frozenset" | "type"
                    )
                {
                    return self.types_call("GenericAlias", &[obj, key]);
                }
                Err(self.type_error(format!("type '{tn}' is not subscriptable")))
            }
            _ => {
                if let Some(r) = self.via_proxy(obj, |vm, t| vm.getitem(t, key)) {
                    return r;
                }
                let gi = self.names.getitem;
                if let Some(v) = self.call_special_user(obj, gi, &[key])? {
                    return Ok(v);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    /// Calls a special method only if a user class defines it.
    pub fn call_special_user(
        &mut self,
        obj: ObjId,
        name: crate::heap::Sym,
        args: &[ObjId],
    ) -> PyResult<Option<ObjId>> {
        if !self.is_user_class(self.type_of(obj)) {
            return Ok(None);
        }
        self.call_special(obj, name, args)
    }

    /// `obj[key] = value` (all borrowed).
    #[inline]
    pub fn setitem(&mut self, obj: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
        if let Some(v) = self.call_sub_special(obj, self.names.setitem, &[key, value])? {
            self.heap.decref(v);
            return Ok(());
        }
        self.setitem_base(obj, key, value)
    }

    /// `obj[key] = value` as the built-in type does it.
    pub fn setitem_base(&mut self, obj: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
        match self.heap.kind(obj) {
            Kind::List(_) => {
                let len = self.seq_len_of(obj);
                if matches!(self.heap.kind(key), Kind::Slice(_)) {
                    return super::lists::list_set_slice(self, obj, key, value);
                }
                let i = self.index_of(key, "list")?;
                let idx = if i < 0 { i + len as i64 } else { i };
                if idx < 0 || idx as usize >= len {
                    return Err(self.index_error("list assignment index out of range"));
                }
                self.heap.incref(value);
                let old = match self.heap.kind_mut(obj) {
                    Kind::List(l) => std::mem::replace(&mut l.items[idx as usize], value),
                    _ => ObjId::NULL,
                };
                self.heap.xdecref(old);
                Ok(())
            }
            Kind::Dict(_) => self.dict_set(obj, key, value),
            Kind::ByteArray(_) => super::funcs::bytearray_setitem(self, obj, key, value),
            Kind::Array(_) => crate::vm::modules::array::array_setitem(self, obj, key, value),
            Kind::MemoryView(_) => super::memview::view_setitem(self, obj, key, value),
            _ => {
                if let Some(r) = self.via_proxy(obj, |vm, t| vm.setitem(t, key, value)) {
                    return r;
                }
                let si = self.names.setitem;
                if let Some(v) = self.call_special_user(obj, si, &[key, value])? {
                    self.heap.decref(v);
                    return Ok(());
                }
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    /// `del obj[key]`.
    #[inline]
    pub fn delitem(&mut self, obj: ObjId, key: ObjId) -> PyResult<()> {
        if let Some(v) = self.call_sub_special(obj, self.names.delitem, &[key])? {
            self.heap.decref(v);
            return Ok(());
        }
        self.delitem_base(obj, key)
    }

    /// `del obj[key]` as the built-in type does it.
    pub fn delitem_base(&mut self, obj: ObjId, key: ObjId) -> PyResult<()> {
        match self.heap.kind(obj) {
            Kind::List(_) => {
                let len = self.seq_len_of(obj);
                if matches!(self.heap.kind(key), Kind::Slice(_)) {
                    let (start, stop, step) = self.slice_indices(key, len)?;
                    let mut pos: Vec<usize> = slice_positions(start, stop, step).collect();
                    pos.sort_unstable();
                    let removed: Vec<ObjId> = match self.heap.kind_mut(obj) {
                        Kind::List(l) => pos.iter().rev().map(|i| l.items.remove(*i)).collect(),
                        _ => vec![],
                    };
                    self.release_all(removed);
                    self.list_shrunk(obj);
                    return Ok(());
                }
                let i = self.index_of(key, "list")?;
                let idx = if i < 0 { i + len as i64 } else { i };
                if idx < 0 || idx as usize >= len {
                    return Err(self.index_error("list assignment index out of range"));
                }
                let old = match self.heap.kind_mut(obj) {
                    Kind::List(l) => l.items.remove(idx as usize),
                    _ => ObjId::NULL,
                };
                self.list_shrunk(obj);
                self.heap.xdecref(old);
                Ok(())
            }
            Kind::Dict(_) => match self.dict_pop(obj, key)? {
                Some(v) => {
                    self.heap.decref(v);
                    Ok(())
                }
                None => Err(self.key_error(key)),
            },
            Kind::Array(_) => crate::vm::modules::array::array_delitem(self, obj, key),
            Kind::MemoryView(_) => Err(self.type_error("cannot delete memory")),
            Kind::ByteArray(b) => {
                let len = b.len();
                if matches!(self.heap.kind(key), Kind::Slice(_)) {
                    let (start, stop, step) = self.slice_indices(key, len)?;
                    let mut pos: Vec<usize> = slice_positions(start, stop, step).collect();
                    pos.sort_unstable();
                    self.bytearray_edit(obj, |b| {
                        for i in pos.iter().rev() {
                            b.remove(*i);
                        }
                    })?;
                    return Ok(());
                }
                let i = self.index_of(key, "bytearray")?;
                let idx = if i < 0 { i + len as i64 } else { i };
                if idx < 0 || idx as usize >= len {
                    return Err(self.index_error("bytearray index out of range"));
                }
                self.bytearray_edit(obj, |b| b.remove(idx as usize))?;
                Ok(())
            }
            _ => {
                if let Some(r) = self.via_proxy(obj, |vm, t| vm.delitem(t, key)) {
                    return r;
                }
                let di = self.names.delitem;
                if let Some(v) = self.call_special_user(obj, di, &[key])? {
                    self.heap.decref(v);
                    return Ok(());
                }
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    /// Applies CPython's shrink rule after items were removed from a list.
    pub fn list_shrunk(&mut self, list: ObjId) {
        let changed = match self.heap.kind_mut(list) {
            Kind::List(l) => {
                let n = l.items.len();
                if n < l.cap / 2 {
                    l.cap = list_grow_capacity(n + 1, n, l.cap);
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if changed {
            self.heap.resize(list);
        }
    }

    /// A dict view object over `d`.
    pub fn new_dict_view(&mut self, tag: TypeTag, d: ObjId) -> ObjId {
        self.heap.incref(d);
        self.heap.alloc(Kind::DictView(Box::new((tag, d))))
    }
}

/// The positions a slice (already normalized) selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let v = i;
            i += step;
            Some(v as usize)
        } else {
            None
        }
    })
}

pub fn range_len_of(r: &[i64; 3]) -> usize {
    super::range_len(r[0], r[1], r[2]) as usize
}
