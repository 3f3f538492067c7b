//! Iteration: `iter()`, `next()`, unpacking, and generators (suspended frames resumed by
//! `next`/`send`).

use super::eval::Exit;
use super::frame::{Frame, FrameKind};
use super::{PyResult, Vm};
use crate::heap::kinds::{Block, FrameState, Generator, IterObj, IterState, TypeTag};
use crate::heap::{Kind, ObjId};

/// What sending a value into a generator (or iterator) did.
pub enum SendResult {
    Yielded(ObjId),
    Returned(ObjId),
}

/// What throwing into a `yield from`'s subiterator came to when it did not yield
/// (owned references).
enum SubThrow {
    /// It finished with this value, which `yield from` gives.
    Returned(ObjId),
    /// It raised this, which comes out of `yield from`.
    Raised(ObjId),
    /// This is raised at the `yield from` itself.
    ThrowHere(ObjId),
}

impl Vm {
    pub(crate) fn new_iter(&mut self, tag: TypeTag, state: IterState) -> ObjId {
        self.heap
            .alloc(Kind::Iter(Box::new(IterObj { tag, state })))
    }

    /// `iter(v)` (v borrowed, result owned).
    #[inline]
    pub fn get_iter(&mut self, v: ObjId) -> PyResult<ObjId> {
        if let Some(r) = self.call_sub_special(v, self.names.iter, &[])? {
            return self.iter_result(r);
        }
        self.get_iter_base(v)
    }

    /// What a Python `__iter__` returned (owned): an iterator, or a TypeError.
    fn iter_result(&mut self, r: ObjId) -> PyResult<ObjId> {
        if !self.is_iterator(r) {
            let tn = self.type_name(r);
            self.heap.decref(r);
            return Err(self.type_error(format!("iter() returned non-iterator of type '{tn}'")));
        }
        Ok(r)
    }

    /// `iter(v)` as the built-in type makes it (`list.__iter__`).
    pub fn get_iter_base(&mut self, v: ObjId) -> PyResult<ObjId> {
        // A class namespace iterates over a copy of its names.
        if let Some(ns) = self.namespace_of(v) {
            let copy = self.namespace_copy(ns)?;
            let it = self.get_iter_base(copy);
            self.heap.decref(copy);
            return it;
        }
        let (tag, state) = match self.heap.kind(v) {
            Kind::List(_) => (TypeTag::ListIterator, IterState::Seq { seq: v, index: 0 }),
            Kind::Tuple(_) => (TypeTag::TupleIterator, IterState::Seq { seq: v, index: 0 }),
            Kind::Str(s) => {
                // CPython keeps a faster iterator for ASCII strings, under its own name.
                let tag = if s.is_ascii() {
                    TypeTag::StrIterator
                } else {
                    TypeTag::StrUnicodeIterator
                };
                (tag, IterState::Seq { seq: v, index: 0 })
            }
            Kind::Bytes(_) | Kind::ByteArray(_) => {
                (TypeTag::BytesIterator, IterState::Seq { seq: v, index: 0 })
            }
            Kind::Array(_) => (TypeTag::ArrayIterator, IterState::Seq { seq: v, index: 0 }),
            Kind::MemoryView(m) if m.released => {
                return Err(self.value_error("operation forbidden on released memoryview object"));
            }
            Kind::MemoryView(_) => (TypeTag::MemoryIterator, IterState::Seq { seq: v, index: 0 }),
            Kind::Dict(t) => (
                TypeTag::DictKeyIterator,
                IterState::Table {
                    obj: v,
                    index: 0,
                    len: t.len(),
                    result: ObjId::NULL,
                },
            ),
            Kind::Set(t) | Kind::FrozenSet(t) => (
                TypeTag::SetIterator,
                IterState::Table {
                    obj: v,
                    index: 0,
                    len: t.len(),
                    result: ObjId::NULL,
                },
            ),
            Kind::DictView(dv) => {
                let (vt, d) = **dv;
                let len = self.dict_len(d);
                let tag = match vt {
                    TypeTag::DictValues => TypeTag::DictValueIterator,
                    TypeTag::DictItems => TypeTag::DictItemIterator,
                    _ => TypeTag::DictKeyIterator,
                };
                self.heap.incref(d);
                let result = match tag {
                    TypeTag::DictItemIterator => self.nones_tuple(2),
                    _ => ObjId::NULL,
                };
                return Ok(self.new_iter(
                    tag,
                    IterState::Table {
                        obj: d,
                        index: 0,
                        len,
                        result,
                    },
                ));
            }
            Kind::Range(r) => {
                let [start, stop, step] = **r;
                return Ok(self.new_iter(
                    TypeTag::RangeIterator,
                    IterState::Range {
                        next: start,
                        stop,
                        step,
                    },
                ));
            }
            Kind::Generator(g) if !g.is_async() => {
                self.heap.incref(v);
                return Ok(v);
            }
            Kind::Iter(_) => {
                self.heap.incref(v);
                return Ok(v);
            }
            Kind::Instance(_) => {
                let it = self.names.iter;
                let ty = self.type_of(v);
                // `__iter__ = None` says the class is not iterable (slot_tp_iter).
                if self.class_lookup(ty, it) == Some(self.none) {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("'{tn}' object is not iterable")));
                }
                if let Some(r) = self.call_special(v, it, &[])? {
                    return self.iter_result(r);
                }
                let gi = self.names.getitem;
                let ty = self.type_of(v);
                if self.class_lookup(ty, gi).is_some() {
                    self.heap.incref(v);
                    return Ok(
                        self.new_iter(TypeTag::SeqIterator, IterState::Seq { seq: v, index: 0 })
                    );
                }
                let tn = self.type_name(v);
                return Err(self.type_error(format!("'{tn}' object is not iterable")));
            }
            _ => {
                if let Some(r) = self.via_proxy(v, |vm, t| vm.get_iter(t)) {
                    return r;
                }
                let tn = self.type_name(v);
                return Err(self.type_error(format!("'{tn}' object is not iterable")));
            }
        };
        self.heap.incref(v);
        Ok(self.new_iter(tag, state))
    }

    pub fn is_iterator(&self, v: ObjId) -> bool {
        match self.heap.kind(v) {
            Kind::Iter(_) => true,
            Kind::Generator(g) => !g.is_async(),
            Kind::Instance(_) => self
                .class_lookup(self.type_of(v), self.names.next)
                .is_some(),
            _ => false,
        }
    }

    /// The iterators of `args` (new references), each held as a native call's temporary
    /// while the next is made (`__iter__` may run Python code, which sees them).
    pub(crate) fn iters_of(&mut self, args: &[ObjId]) -> PyResult<Vec<ObjId>> {
        let mark = self.held.len();
        for a in args {
            match self.get_iter(*a) {
                Ok(i) => self.held.push(i),
                Err(e) => {
                    let its = self.held.split_off(mark);
                    self.release_all(its);
                    return Err(e);
                }
            }
        }
        Ok(self.held.split_off(mark))
    }

    /// `next(it)`: `None` when exhausted (StopIteration swallowed).
    pub fn iter_next(&mut self, it: ObjId) -> PyResult<Option<ObjId>> {
        match self.heap.kind(it) {
            Kind::Iter(_) => self.builtin_iter_next(it),
            Kind::Generator(g) if g.is_async() => {
                let tn = g.type_tag().name();
                Err(self.type_error(format!("'{tn}' object is not an iterator")))
            }
            Kind::Generator(_) => match self.resume_generator(it, ObjId::NULL)? {
                SendResult::Yielded(v) => Ok(Some(v)),
                SendResult::Returned(v) => {
                    self.heap.decref(v);
                    Ok(None)
                }
            },
            Kind::Instance(_) => {
                let n = self.names.next;
                match self.call_special(it, n, &[]) {
                    Ok(Some(v)) => Ok(Some(v)),
                    Ok(None) => {
                        let tn = self.type_name(it);
                        Err(self.type_error(format!("'{tn}' object is not an iterator")))
                    }
                    Err(e) if self.exc_matches(&e, self.exc_types.stop_iteration) => {
                        self.heap.decref(e.0);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            _ => {
                let tn = self.type_name(it);
                Err(self.type_error(format!("'{tn}' object is not an iterator")))
            }
        }
    }

    /// A range iterator's next item (new reference), advancing it; None when it is done.
    /// `next`, `stop`, `step` are its state.
    #[inline(always)]
    pub(crate) fn range_next(
        &mut self,
        it: ObjId,
        next: i64,
        stop: i64,
        step: i64,
    ) -> Option<ObjId> {
        if !((step > 0 && next < stop) || (step < 0 && next > stop)) {
            return None;
        }
        if let Kind::Iter(io) = self.heap.position_mut(it)
            && let IterState::Range { next: n, .. } = &mut io.state
        {
            *n = next.saturating_add(step);
        }
        Some(self.new_int(next))
    }

    fn builtin_iter_next(&mut self, it: ObjId) -> PyResult<Option<ObjId>> {
        let Kind::Iter(io) = self.heap.kind(it) else {
            return Ok(None);
        };
        match &io.state {
            &IterState::Range { next, stop, step } => Ok(self.range_next(it, next, stop, step)),
            IterState::Seq { seq, index } => {
                let (seq, index) = (*seq, *index);
                let item = match self.heap.kind(seq) {
                    Kind::List(l) => l.items.get(index).map(|v| (*v, index + 1)),
                    Kind::Tuple(t) => t.get(index).map(|v| (*v, index + 1)),
                    Kind::Str(s) => {
                        let rest = s.s.get(index..).unwrap_or("");
                        match rest.chars().next() {
                            Some(c) => {
                                let v = self.new_char(c);
                                self.set_iter_index(it, index + c.len_utf8());
                                return Ok(Some(v));
                            }
                            None => None,
                        }
                    }
                    Kind::Bytes(b) | Kind::ByteArray(b) => match b.get(index) {
                        Some(x) => {
                            let x = *x as i64;
                            self.set_iter_index(it, index + 1);
                            return Ok(Some(self.new_int(x)));
                        }
                        None => None,
                    },
                    Kind::MemoryView(m) => {
                        if index >= m.len {
                            None
                        } else {
                            let i = self.new_int(index as i64);
                            let r = self.while_holding(&[i], |vm| {
                                super::builtins::memview::view_getitem(vm, seq, i)
                            });
                            self.heap.decref(i);
                            let v = r?;
                            self.set_iter_index(it, index + 1);
                            return Ok(Some(v));
                        }
                    }
                    Kind::Array(_) => {
                        let v = super::modules::array::array_item(self, seq, index);
                        if let Some(v) = v {
                            self.set_iter_index(it, index + 1);
                            return Ok(Some(v));
                        }
                        None
                    }
                    Kind::Instance(_) => {
                        let idx = self.new_int(index as i64);
                        let gi = self.names.getitem;
                        let r = self.while_holding(&[idx], |vm| vm.call_special(seq, gi, &[idx]));
                        self.heap.decref(idx);
                        return match r {
                            Ok(Some(v)) => {
                                self.set_iter_index(it, index + 1);
                                Ok(Some(v))
                            }
                            Ok(None) => Ok(None),
                            Err(e)
                                if self.exc_matches(&e, self.exc_types.index_error)
                                    || self.exc_matches(&e, self.exc_types.stop_iteration) =>
                            {
                                self.heap.decref(e.0);
                                self.exhaust(it);
                                Ok(None)
                            }
                            Err(e) => Err(e),
                        };
                    }
                    _ => None,
                };
                match item {
                    Some((v, next)) => {
                        self.heap.incref(v);
                        self.set_iter_index(it, next);
                        Ok(Some(v))
                    }
                    None => {
                        self.exhaust(it);
                        Ok(None)
                    }
                }
            }
            IterState::ListReverse { seq, index } => {
                let (seq, index) = (*seq, *index);
                // A list's or a tuple's item, a str's character, a bytes' int.
                enum Item {
                    Held(ObjId),
                    Char(char),
                    Byte(u8),
                }
                let item = match self.heap.kind(seq) {
                    _ if index < 0 => None,
                    Kind::List(l) => l.items.get(index as usize).copied().map(Item::Held),
                    Kind::Tuple(t) => t.get(index as usize).copied().map(Item::Held),
                    Kind::Str(s) => s.s.chars().nth(index as usize).map(Item::Char),
                    Kind::Bytes(b) => b.get(index as usize).copied().map(Item::Byte),
                    _ => None,
                };
                let item = item.map(|item| match item {
                    Item::Held(v) => {
                        self.heap.incref(v);
                        v
                    }
                    Item::Char(c) => self.new_char(c),
                    Item::Byte(b) => self.new_int(i64::from(b)),
                });
                match item {
                    Some(v) => {
                        if let Kind::Iter(io) = self.heap.position_mut(it)
                            && let IterState::ListReverse { index, .. } = &mut io.state
                        {
                            *index -= 1;
                        }
                        Ok(Some(v))
                    }
                    None => {
                        self.exhaust(it);
                        Ok(None)
                    }
                }
            }
            IterState::Table {
                obj,
                index,
                len,
                result,
            } => {
                let (obj, index, len, tag, result) = (*obj, *index, *len, io.tag, *result);
                let rev = tag.is_dict_reverse_iterator();
                let (cur_len, entry) = match self.heap.kind(obj) {
                    Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => (
                        t.len(),
                        t.advance(index, rev).map(|(i, e)| (i, e.key, e.value)),
                    ),
                    _ => (0, None),
                };
                if cur_len != len {
                    let what = if matches!(self.heap.kind(obj), Kind::Dict(_)) {
                        "dictionary"
                    } else {
                        "Set"
                    };
                    // The error is sticky, as CPython's `di_used = -1`: the iterator
                    // keeps its dict and says so again at every call.
                    if let Kind::Iter(io) = self.heap.position_mut(it)
                        && let IterState::Table { len, .. } = &mut io.state
                    {
                        *len = usize::MAX;
                    }
                    return Err(self.runtime_error(format!("{what} changed size during iteration")));
                }
                match entry {
                    Some((i, k, v)) => {
                        self.set_iter_index(it, i);
                        let out = match tag {
                            TypeTag::DictValueIterator | TypeTag::DictRevValueIterator => {
                                self.heap.incref(v);
                                v
                            }
                            TypeTag::DictItemIterator | TypeTag::DictRevItemIterator => {
                                self.heap.incref(k);
                                self.heap.incref(v);
                                self.refill_result(result, vec![k, v])
                            }
                            _ => {
                                self.heap.incref(k);
                                k
                            }
                        };
                        Ok(Some(out))
                    }
                    None => {
                        self.exhaust(it);
                        Ok(None)
                    }
                }
            }
            IterState::Enumerate {
                it: inner,
                count,
                result,
            } => {
                let (inner, count, result) = (*inner, *count, *result);
                match self.iter_next(inner)? {
                    Some(v) => {
                        if let Kind::Iter(io) = self.heap.position_mut(it)
                            && let IterState::Enumerate { count, .. } = &mut io.state
                        {
                            *count += 1;
                        }
                        let c = self.new_int(count);
                        Ok(Some(self.refill_result(result, vec![c, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip {
                its,
                strict,
                result,
            } => {
                let (its, strict, result) = (its.clone(), *strict, *result);
                if its.is_empty() {
                    return Ok(None);
                }
                // As zip_next: the kept tuple, when nothing else holds it, takes each
                // item as it comes (and keeps those taken when an iterator stops).
                let reuse = !result.is_null() && self.heap.get(result).rc == 1;
                // The reference to be given out is held while the iterators run (they
                // may run Python code), and so are the items already taken.
                let base = self.held.len();
                if reuse {
                    self.heap.incref(result);
                    self.held.push(result);
                }
                let mark = self.held.len();
                for (n, i) in its.iter().enumerate() {
                    match self.iter_next(*i) {
                        Ok(Some(v)) if reuse => {
                            let old = match self.heap.kind_mut(result) {
                                Kind::Tuple(t) if n < t.items.len() => {
                                    std::mem::replace(&mut t.items[n], v)
                                }
                                _ => v,
                            };
                            self.heap.decref(old);
                        }
                        Ok(Some(v)) => self.held.push(v),
                        Ok(None) => {
                            let items = self.held.split_off(mark);
                            self.release_all(items);
                            self.held.truncate(base);
                            if reuse {
                                self.heap.decref(result);
                            }
                            if strict {
                                if n > 0 {
                                    let s = if n == 1 {
                                        " 1".to_string()
                                    } else {
                                        format!("s 1-{n}")
                                    };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than argument{s}",
                                        n + 1
                                    )));
                                }
                                for (m, rest) in its.iter().enumerate().skip(1) {
                                    if let Some(v) = self.iter_next(*rest)? {
                                        self.heap.decref(v);
                                        let s = if m == 1 {
                                            " 1".to_string()
                                        } else {
                                            format!("s 1-{m}")
                                        };
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than argument{s}",
                                            m + 1
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                        Err(e) => {
                            let items = self.held.split_off(mark);
                            self.release_all(items);
                            self.held.truncate(base);
                            if reuse {
                                self.heap.decref(result);
                            }
                            return Err(e);
                        }
                    }
                }
                if reuse {
                    self.held.truncate(base);
                    // (The collector may have untracked the tuple while it held atoms.)
                    self.heap.track(result);
                    return Ok(Some(result));
                }
                let items = self.held.split_off(mark);
                Ok(Some(self.new_tuple(items)))
            }
            IterState::Map { func, its } => {
                let (func, its) = (*func, its.clone());
                let mark = self.held.len();
                for i in its {
                    match self.iter_next(i) {
                        Ok(Some(v)) => self.held.push(v),
                        Ok(None) => {
                            let items = self.held.split_off(mark);
                            self.release_all(items);
                            return Ok(None);
                        }
                        Err(e) => {
                            let items = self.held.split_off(mark);
                            self.release_all(items);
                            return Err(e);
                        }
                    }
                }
                // As map_next: its own references to the items stay while the function
                // runs (the call's are the function's).
                let items = self.held.split_off(mark);
                let r = self.while_holding(&items, |vm| vm.call_held(func, &items));
                self.release_all(items);
                r.map(Some)
            }
            IterState::Filter { func, it: inner } => {
                let (func, inner) = (*func, *inner);
                loop {
                    let Some(v) = self.iter_next(inner)? else {
                        return Ok(None);
                    };
                    let mark = self.held.len();
                    self.held.push(v);
                    let keep = if func.is_null() || func == self.none {
                        self.truthy(v)
                    } else {
                        match self.call_held(func, &[v]) {
                            Ok(r) => {
                                let t = self.truthy(r);
                                self.heap.decref(r);
                                t
                            }
                            Err(e) => Err(e),
                        }
                    };
                    self.held.truncate(mark);
                    match keep {
                        Ok(true) => return Ok(Some(v)),
                        Ok(false) => self.heap.decref(v),
                        Err(e) => {
                            self.heap.decref(v);
                            return Err(e);
                        }
                    }
                }
            }
            IterState::Call { func, sentinel } => {
                let (func, sentinel) = (*func, *sentinel);
                let v = self.call(func, &[])?;
                if self.eq(v, sentinel)? {
                    self.heap.decref(v);
                    self.exhaust(it);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::AGen { .. } => match self.agen_step(it, ObjId::NULL, None)? {
                SendResult::Yielded(v) => Ok(Some(v)),
                SendResult::Returned(v) => {
                    self.heap.decref(v);
                    Ok(None)
                }
            },
            &IterState::Await { coro } => match self.resume_generator(coro, ObjId::NULL)? {
                SendResult::Yielded(v) => Ok(Some(v)),
                SendResult::Returned(v) => {
                    self.heap.decref(v);
                    Ok(None)
                }
            },
            IterState::Exhausted => Ok(None),
        }
    }

    fn set_iter_index(&mut self, it: ObjId, i: usize) {
        if let Kind::Iter(io) = self.heap.position_mut(it)
            && let IterState::Seq { index, .. } | IterState::Table { index, .. } = &mut io.state
        {
            *index = i;
        }
    }

    /// A result tuple of `items` (owned): the iterator's kept `result` refilled when
    /// nothing else holds it (enum_next's and dictiter_iternextitem's reuse, the tuple
    /// tracked again), else a new tuple, the kept one staying as it is.
    fn refill_result(&mut self, result: ObjId, items: Vec<ObjId>) -> ObjId {
        if result.is_null() || self.heap.get(result).rc != 1 {
            return self.new_tuple(items);
        }
        self.heap.incref(result);
        let old = match self.heap.kind_mut(result) {
            Kind::Tuple(t) => std::mem::replace(&mut t.items, items),
            _ => vec![],
        };
        self.heap.track(result);
        for o in old {
            self.heap.decref(o);
        }
        result
    }

    /// A new tuple of `n` Nones (owned): an iterator's first kept result.
    pub(crate) fn nones_tuple(&mut self, n: usize) -> ObjId {
        let nones = vec![self.none; n];
        for _ in 0..n {
            self.heap.incref(self.none);
        }
        self.new_tuple(nones)
    }

    /// Marks an iterator exhausted, releasing what it iterated over (as CPython does).
    fn exhaust(&mut self, it: ObjId) {
        let old = match self.heap.kind_mut(it) {
            Kind::Iter(io) => std::mem::replace(&mut io.state, IterState::Exhausted),
            _ => return,
        };
        let tmp = Kind::Iter(Box::new(IterObj {
            tag: TypeTag::ListIterator,
            state: old,
        }));
        let mut refs = vec![];
        crate::heap::visit::for_each_ref(&tmp, &mut |_, id| refs.push(id));
        for r in refs {
            self.heap.decref(r);
        }
    }

    /// A one-character str (shared for Latin-1).
    pub fn new_char(&mut self, c: char) -> ObjId {
        if let Some(id) = self.latin1_char(c) {
            self.heap.incref(id);
            return id;
        }
        self.new_string(c.to_string())
    }

    /// Unpacks an iterable into exactly `n` values, or with a star: `n` before, a list,
    /// then `after` values. Results are owned, in order.
    pub fn unpack(&mut self, seq: ObjId, n: usize, after: Option<usize>) -> PyResult<Vec<ObjId>> {
        let items: Vec<ObjId> = match self.heap.kind(seq) {
            Kind::Tuple(_) | Kind::List(_) => self.collect(seq)?,
            _ => {
                let it = match self.get_iter(seq) {
                    Ok(it) => it,
                    Err(e) => {
                        self.heap.decref(e.0);
                        let tn = self.type_name(seq);
                        return Err(
                            self.type_error(format!("cannot unpack non-iterable {tn} object"))
                        );
                    }
                };
                // The iterator and the values so far are held while Python code runs.
                let mark = self.held.len();
                self.held.push(it);
                let mut failed = None;
                // Without a star, one more than `n` tells that there are too many.
                let want = if after.is_none() { n + 1 } else { n };
                while self.held.len() - mark - 1 < want {
                    match self.iter_next(it) {
                        Ok(Some(x)) => self.held.push(x),
                        Ok(None) => break,
                        Err(e) => {
                            failed = Some(e);
                            break;
                        }
                    }
                }
                if failed.is_none() && after.is_some() && self.held.len() - mark - 1 == n {
                    // The rest, as CPython's unpack_iterable takes it: list(it), which
                    // asks iter(it) first.
                    match self
                        .get_iter(it)
                        .and_then(|rest| self.collect_from_iter(rest))
                    {
                        Ok(rest) => self.held.extend(rest),
                        Err(e) => failed = Some(e),
                    }
                }
                let v = self.held.split_off(mark + 1);
                self.held.truncate(mark);
                self.heap.decref(it);
                if let Some(e) = failed {
                    self.release_all(v);
                    return Err(e);
                }
                v
            }
        };
        let len = items.len();
        match after {
            None if len != n => {
                self.release_all(items);
                Err(if len < n {
                    self.value_error(format!(
                        "not enough values to unpack (expected {n}, got {len})"
                    ))
                } else {
                    self.value_error(format!("too many values to unpack (expected {n})"))
                })
            }
            None => Ok(items),
            Some(after) if len < n + after => {
                self.release_all(items);
                Err(self.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {len})",
                    n + after
                )))
            }
            Some(after) => {
                let mut out: Vec<ObjId> = items[..n].to_vec();
                let mid = items[n..len - after].to_vec();
                let l = self.new_list(mid);
                out.push(l);
                out.extend_from_slice(&items[len - after..]);
                Ok(out)
            }
        }
    }

    /// A generator object for a bound frame (the frame is moved in).
    pub fn new_generator(&mut self, st: Box<FrameState>) -> ObjId {
        let (name, qualname) = (st.rt.code.name.clone(), st.rt.code.qualname.clone());
        let code = st.code;
        let kind = {
            use crate::compiler::code::flags::{ASYNC_GENERATOR, COROUTINE};
            use crate::heap::kinds::GenKind;
            match st.rt.code.flags {
                f if f & COROUTINE != 0 => GenKind::Coroutine,
                f if f & ASYNC_GENERATOR != 0 => GenKind::AsyncGenerator,
                _ => GenKind::Generator,
            }
        };
        self.heap.incref(code);
        let g = self.heap.alloc(Kind::Generator(Box::new(Generator {
            code,
            frame: Some(st),
            running: false,
            started: false,
            handled: Vec::new(),
            name,
            qualname,
            kind,
            finalizer: ObjId::NULL,
            hooks_inited: false,
        })));
        self.heap.resize(g);
        g
    }

    /// Resumes a generator with `sent` (borrowed; NULL means `next()`).
    pub fn resume_generator(&mut self, generator: ObjId, sent: ObjId) -> PyResult<SendResult> {
        let (running, started, what, coroutine) = match self.heap.kind(generator) {
            Kind::Generator(g) => (g.running, g.started, g.what(), g.is_coroutine()),
            _ => return Err(self.type_error("not a generator")),
        };
        if running {
            return Err(self.value_error(format!("{what} already executing")));
        }
        let sent_is_value = !sent.is_null() && sent != self.none;
        if !started && sent_is_value {
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {what}"
            )));
        }
        let frame = match self.heap.kind_mut(generator) {
            Kind::Generator(g) => g.frame.take(),
            _ => None,
        };
        let Some(mut st) = frame else {
            if coroutine {
                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(SendResult::Returned(self.none()));
        };
        if self.depth >= self.recursion_limit {
            // As CPython's gen_send_ex2: the frame's run failed at once, so the generator
            // is done (its frame cleared, the value sent never received).
            self.drop_frame_state(st);
            let mut handled = vec![];
            if let Kind::Generator(g) = self.heap.kind_mut(generator) {
                g.started = true;
                handled = std::mem::take(&mut g.handled);
            }
            for e in handled {
                self.heap.decref(e);
            }
            self.heap.resize(generator);
            return Err(self.new_exception(
                self.exc_types.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        if started {
            let v = if sent.is_null() { self.none } else { sent };
            self.heap.incref(v);
            st.slots.push(v);
        }
        if let Kind::Generator(g) = self.heap.kind_mut(generator) {
            g.running = true;
            g.started = true;
        }
        self.restore_generator_handled(generator, &mut st);
        self.heap.incref(generator);
        let base = self.frames.len();
        self.depth += 1;
        self.frames.push(Frame {
            st,
            kind: FrameKind::Entry,
            generator,
            kwnames: ObjId::NULL,
        });
        match self.run_until(base) {
            Ok(Exit::Yield(v)) => Ok(SendResult::Yielded(v)),
            Ok(Exit::Return(v)) => Ok(SendResult::Returned(v)),
            Err(e) => {
                if self.exc_matches(&e, self.exc_types.stop_iteration) {
                    let what = match self.heap.kind(generator) {
                        Kind::Generator(g) => g.what(),
                        _ => "generator",
                    };
                    return Err(self.runtime_error_from(format!("{what} raised StopIteration"), e));
                }
                Err(e)
            }
        }
    }

    /// `generator.throw(exc)`: raises `exc` (owned) inside the generator at the point where it
    /// is suspended.
    pub fn gen_throw(&mut self, generator: ObjId, exc: ObjId) -> PyResult<SendResult> {
        let (running, started, what) = match self.heap.kind(generator) {
            Kind::Generator(g) => (g.running, g.started, g.what()),
            _ => return Err(self.type_error("not a generator")),
        };
        if running {
            self.heap.decref(exc);
            return Err(self.value_error(format!("{what} already executing")));
        }
        let frame = match self.heap.kind_mut(generator) {
            Kind::Generator(g) => g.frame.take(),
            _ => None,
        };
        let Some(st) = frame else {
            return Err(crate::vm::Exc(exc));
        };
        if !started {
            // Thrown before it ran: the generator is done and the exception propagates.
            self.drop_frame_state(st);
            self.heap.resize(generator);
            return Err(crate::vm::Exc(exc));
        }
        let mut st = st;
        let mut exc = exc;
        // Suspended in `yield from`: the subiterator gets the exception first, as
        // CPython's _gen_throw does with `yf`.
        let mut resume = false;
        if let Some(sub) = st.yield_from() {
            // The frame goes back into the generator while the subiterator runs (its
            // references stay held; the generator counts as running).
            if let Kind::Generator(g) = self.heap.kind_mut(generator) {
                g.frame = Some(st);
                g.running = true;
            }
            let outcome = self.throw_into_subiterator(sub, exc);
            if let Kind::Generator(g) = self.heap.kind_mut(generator) {
                g.running = false;
            }
            let outcome = match outcome {
                // It yielded: this generator stays suspended in `yield from`.
                Ok(y) => return Ok(SendResult::Yielded(y)),
                Err(o) => o,
            };
            let frame = match self.heap.kind_mut(generator) {
                Kind::Generator(g) => g.frame.take(),
                _ => None,
            };
            let Some(frame) = frame else {
                return Err(self.runtime_error("generator frame lost in yield from"));
            };
            st = frame;
            // The subiterator finished: it leaves the stack, and execution goes on after
            // the `yield from`.
            let finish = |vm: &mut Vm, st: &mut FrameState| {
                if let Some(sub) = st.slots.pop() {
                    vm.heap.decref(sub);
                }
                st.ip += 1;
            };
            exc = match outcome {
                // `yield from` gives its value.
                SubThrow::Returned(v) => {
                    finish(self, &mut st);
                    st.slots.push(v);
                    resume = true;
                    ObjId::NULL
                }
                // The exception it raised comes out of `yield from`.
                SubThrow::Raised(e) => {
                    finish(self, &mut st);
                    e
                }
                // Raised at the `yield from` itself: GeneratorExit once the subiterator
                // is closed, or any exception for one without a `throw` method.
                SubThrow::ThrowHere(e) => e,
            };
        }
        if let Kind::Generator(g) = self.heap.kind_mut(generator) {
            g.running = true;
        }
        self.restore_generator_handled(generator, &mut st);
        self.heap.incref(generator);
        let base = self.frames.len();
        self.depth += 1;
        self.frames.push(Frame {
            st,
            kind: FrameKind::Entry,
            generator,
            kwnames: ObjId::NULL,
        });
        let r = match resume {
            true => self.run_until(base),
            false => match self.unwind_from(crate::vm::Exc(exc), base) {
                Ok(()) => self.run_until(base),
                Err(e) => Err(e),
            },
        };
        match r {
            Ok(Exit::Yield(v)) => Ok(SendResult::Yielded(v)),
            Ok(Exit::Return(v)) => Ok(SendResult::Returned(v)),
            Err(e) => Err(e),
        }
    }

    /// `throw(exc)` (owned) delegated to the subiterator of a `yield from`: a generator
    /// gets it thrown in, another iterator has its `throw` method called; GeneratorExit
    /// closes the subiterator instead (CPython's gen_close_iter), then is raised in the
    /// delegating generator, and so is any exception when the subiterator has no `throw`.
    /// Ok with what it yielded, or how it finished.
    fn throw_into_subiterator(&mut self, sub: ObjId, exc: ObjId) -> Result<ObjId, SubThrow> {
        let done = |vm: &mut Vm, r: PyResult<SendResult>| match vm.stop_iteration_value(r) {
            Ok(SendResult::Yielded(y)) => Ok(y),
            Ok(SendResult::Returned(v)) => Err(SubThrow::Returned(v)),
            Err(e) => Err(SubThrow::Raised(e.0)),
        };
        let is_gen = matches!(self.heap.kind(sub), Kind::Generator(_));
        // (What this holds is a native call's while Python code runs.)
        if self.exc_matches(&crate::vm::Exc(exc), self.exc_types.generator_exit) {
            let r = self.while_holding(&[exc], |vm| {
                if is_gen {
                    return vm.gen_close(sub);
                }
                let close = vm.heap.intern_sym("close");
                match vm.getattr_opt(sub, close) {
                    Ok(Some(m)) => {
                        let r = vm.while_holding(&[m], |vm| vm.call(m, &[]));
                        vm.heap.decref(m);
                        r.map(|v| vm.heap.decref(v))
                    }
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                }
            });
            return match r {
                Ok(()) => Err(SubThrow::ThrowHere(exc)),
                Err(e) => {
                    self.heap.decref(exc);
                    Err(SubThrow::ThrowHere(e.0))
                }
            };
        }
        if is_gen {
            let r = self.gen_throw(sub, exc);
            return done(self, r);
        }
        let throw = self.heap.intern_sym("throw");
        match self.while_holding(&[exc], |vm| vm.getattr_opt(sub, throw)) {
            Ok(Some(m)) => {
                let r = self.while_holding(&[m, exc], |vm| vm.call(m, &[exc]));
                self.heap.decref(m);
                self.heap.decref(exc);
                let r = r.map(SendResult::Yielded);
                done(self, r)
            }
            Ok(None) => Err(SubThrow::ThrowHere(exc)),
            Err(e) => {
                self.heap.decref(exc);
                Err(SubThrow::ThrowHere(e.0))
            }
        }
    }

    /// `generator.close()`.
    pub fn gen_close(&mut self, generator: ObjId) -> PyResult<()> {
        let (started, has_frame) = match self.heap.kind(generator) {
            Kind::Generator(g) => (g.started, g.frame.is_some()),
            _ => return Ok(()),
        };
        if !has_frame {
            return Ok(());
        }
        if !started {
            let frame = match self.heap.kind_mut(generator) {
                Kind::Generator(g) => g.frame.take(),
                _ => None,
            };
            if let Some(st) = frame {
                self.drop_frame_state(st);
            }
            self.heap.resize(generator);
            return Ok(());
        }
        let ge = self.new_exception_args(self.exc_types.generator_exit, vec![]);
        match self.gen_throw(generator, ge) {
            Ok(SendResult::Yielded(v)) => {
                self.heap.decref(v);
                let what = match self.heap.kind(generator) {
                    Kind::Generator(g) => g.what(),
                    _ => "generator",
                };
                Err(self.runtime_error(format!("{what} ignored GeneratorExit")))
            }
            Ok(SendResult::Returned(v)) => {
                self.heap.decref(v);
                Ok(())
            }
            Err(e)
                if self.exc_matches(&e, self.exc_types.generator_exit)
                    || self.exc_matches(&e, self.exc_types.stop_iteration) =>
            {
                self.heap.decref(e.0);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// The top frame (a generator's) yields: it goes back into its generator.
    pub(crate) fn suspend_generator_frame(&mut self) {
        let Some(mut frame) = self.frames.pop() else {
            return;
        };
        self.frame_popped();
        self.depth -= 1;
        let generator = frame.generator;
        // A yield inside `except`: the exceptions this frame handles go with it, and its
        // handler blocks count from the bottom of what it took.
        let mut handled = vec![];
        let first = frame.st.blocks.iter().find_map(|b| match b {
            Block::ExceptHandler { prev_exc_len } => Some(*prev_exc_len),
            Block::Handler { .. } => None,
        });
        if let Some(base) = first {
            handled = self
                .handled
                .split_off((base as usize).min(self.handled.len()));
            for b in &mut frame.st.blocks {
                if let Block::ExceptHandler { prev_exc_len } = b {
                    *prev_exc_len -= base;
                }
            }
        }
        if let Kind::Generator(g) = self.heap.kind_mut(generator) {
            g.frame = Some(frame.st);
            g.running = false;
            g.handled = handled;
        }
        self.heap.decref(generator);
    }

    /// A generator resumes: the exceptions its frame was handling when it yielded go back
    /// on the handled stack, above its caller's, and its handler blocks count from there.
    fn restore_generator_handled(&mut self, generator: ObjId, st: &mut FrameState) {
        let handled = match self.heap.kind_mut(generator) {
            Kind::Generator(g) if !g.handled.is_empty() => std::mem::take(&mut g.handled),
            _ => return,
        };
        let base = self.handled.len() as u32;
        for b in &mut st.blocks {
            if let Block::ExceptHandler { prev_exc_len } = b {
                *prev_exc_len += base;
            }
        }
        self.handled.extend(handled);
    }

    /// A generator's frame finished (returned or raised): the generator is exhausted.
    pub(crate) fn finish_generator(&mut self, generator: ObjId) {
        if let Kind::Generator(g) = self.heap.kind_mut(generator) {
            g.running = false;
            g.frame = None;
        }
        self.heap.resize(generator);
        self.heap.decref(generator);
    }

    /// `yield from` / `send`: sends a value (borrowed) into a sub-iterator.
    pub fn send_to(&mut self, sub: ObjId, sent: ObjId) -> PyResult<SendResult> {
        match self.heap.kind(sub) {
            Kind::Generator(_) => return self.resume_generator(sub, sent),
            Kind::Iter(io) if let IterState::Await { coro } = io.state => {
                return self.resume_generator(coro, sent);
            }
            Kind::Iter(io) if matches!(io.state, IterState::AGen { .. }) => {
                return self.agen_step(sub, sent, None);
            }
            _ => {}
        }
        let r = if sent == self.none {
            self.iter_next(sub)
        } else {
            let s = self.heap.intern_sym("send");
            let m = self.getattr(sub, s)?;
            let r = self.call(m, &[sent]);
            self.heap.decref(m);
            r.map(Some)
        };
        let r = match r {
            Ok(Some(v)) => Ok(SendResult::Yielded(v)),
            Ok(None) => Ok(SendResult::Returned(self.none())),
            Err(e) => Err(e),
        };
        self.stop_iteration_value(r)
    }

    /// What `await v` iterates (a new reference), as CPython's GET_AWAITABLE: a coroutine
    /// itself (unless another `await` already waits on it); for any other object the
    /// iterator its type's `__await__` returns. `origin` says which statement awaits (see
    /// `Instr::GetAwaitable`), for the message when `v` cannot be awaited.
    pub fn awaitable_iter(&mut self, v: ObjId, origin: u32) -> PyResult<ObjId> {
        if let Kind::Generator(g) = self.heap.kind(v)
            && g.is_coroutine()
        {
            if g.yield_from().is_some() {
                return Err(self.runtime_error("coroutine is being awaited already"));
            }
            self.heap.incref(v);
            return Ok(v);
        }
        let aw = self.heap.intern_sym("__await__");
        let Some(it) = self.call_special(v, aw, &[])? else {
            let tn = self.type_name(v);
            return Err(self.type_error(match origin {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {tn}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {tn}"
                ),
                3 => format!("'async for' received an invalid object from __anext__: {tn}"),
                _ => format!("object {tn} can't be used in 'await' expression"),
            }));
        };
        let bad = match self.heap.kind(it) {
            Kind::Generator(g) if g.is_coroutine() => {
                Some("__await__() returned a coroutine".to_string())
            }
            _ if !self.is_iterator(it) => Some(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(it)
            )),
            _ => None,
        };
        if let Some(msg) = bad {
            self.heap.decref(it);
            // A coroutine dropped here warns now, in this frame, as in CPython.
            if let Err(e) = self.run_finalizers() {
                self.heap.decref(e.0);
            }
            return Err(self.type_error(msg));
        }
        Ok(it)
    }

    /// An asynchronous generator's awaitable `it` (`asend`, `athrow`, `aclose`: see
    /// `IterState::AGen`) sent `value` (borrowed; NULL or None for `next`), or, with
    /// `throw` (owned), thrown into. The generator's own `yield v` ends the awaitable
    /// with StopIteration(v); what an `await` inside it yields passes through to whoever
    /// drives the awaitable (the event loop); its end is StopAsyncIteration (for
    /// `aclose()`, a plain return).
    pub fn agen_step(
        &mut self,
        it: ObjId,
        value: ObjId,
        throw: Option<ObjId>,
    ) -> PyResult<SendResult> {
        use crate::heap::kinds::AGenMode;
        let state = match self.heap.kind_mut(it) {
            Kind::Iter(io) => match &mut io.state {
                IterState::AGen {
                    agen,
                    sent,
                    mode,
                    started,
                    done,
                } => {
                    let first = !*started;
                    *started = true;
                    let initial = if first {
                        std::mem::replace(sent, ObjId::NULL)
                    } else {
                        ObjId::NULL
                    };
                    Some((*agen, *mode, first, initial, *done))
                }
                _ => None,
            },
            _ => None,
        };
        let Some((agen, mode, first, initial, done)) = state else {
            if let Some(e) = throw {
                self.heap.decref(e);
            }
            return Err(self.type_error("not an asynchronous generator's awaitable"));
        };
        if done {
            if let Some(e) = throw {
                self.heap.decref(e);
            }
            return Err(self.runtime_error(match mode {
                AGenMode::Send => "cannot reuse already awaited __anext__()/asend()",
                _ => "cannot reuse already awaited aclose()/athrow()",
            }));
        }
        let finished = match self.heap.kind(agen) {
            Kind::Generator(g) => g.frame.is_none(),
            _ => true,
        };
        self.agen_wrapped = false;
        let r = if let Some(exc) = throw {
            self.heap.xdecref(initial);
            self.gen_throw(agen, exc)
        } else if first && mode != AGenMode::Send {
            // athrow() and aclose(): their exception goes in first.
            let exc = if initial.is_null() {
                self.new_exception_args(self.exc_types.generator_exit, vec![])
            } else {
                initial
            };
            if finished {
                self.heap.decref(exc);
                Ok(SendResult::Returned(self.none()))
            } else {
                self.gen_throw(agen, exc)
            }
        } else if first && finished {
            self.heap.xdecref(initial);
            Ok(SendResult::Returned(self.none()))
        } else {
            let v = if first && (value.is_null() || value == self.none) {
                initial
            } else {
                value
            };
            // (The value taken from the awaitable is held while the generator runs.)
            let r = if initial.is_null() {
                self.resume_generator(agen, v)
            } else {
                self.while_holding(&[initial], |vm| vm.resume_generator(agen, v))
            };
            self.heap.xdecref(initial);
            r
        };
        let wrapped = std::mem::take(&mut self.agen_wrapped);
        let out = match r {
            Ok(SendResult::Yielded(v)) if wrapped => match mode {
                AGenMode::Close => {
                    self.heap.decref(v);
                    Err(self.runtime_error("async generator ignored GeneratorExit"))
                }
                _ => Ok(SendResult::Returned(v)),
            },
            Ok(SendResult::Yielded(v)) => return Ok(SendResult::Yielded(v)),
            Ok(SendResult::Returned(v)) => {
                self.heap.decref(v);
                match mode {
                    AGenMode::Close => Ok(SendResult::Returned(self.none())),
                    _ => Err(self.stop_async_iteration()),
                }
            }
            Err(e)
                if mode == AGenMode::Close
                    && (self.exc_matches(&e, self.exc_types.generator_exit)
                        || self.exc_matches(&e, self.exc_types.stop_async_iteration)) =>
            {
                self.heap.decref(e.0);
                Ok(SendResult::Returned(self.none()))
            }
            // (PEP 525: a StopAsyncIteration escaping the generator's frame is an error,
            // not its end.)
            Err(e) if self.exc_matches(&e, self.exc_types.stop_async_iteration) => {
                Err(self.runtime_error_from("async generator raised StopAsyncIteration", e))
            }
            Err(e) => Err(e),
        };
        if let Kind::Iter(io) = self.heap.kind_mut(it)
            && let IterState::AGen { done, .. } = &mut io.state
        {
            *done = true;
        }
        out
    }

    /// An asynchronous generator's first `__anext__`, `asend`, `athrow` or `aclose` (as
    /// the awaitable is made, as CPython's `async_gen_init_hooks`): it keeps the
    /// finalizer hook in force and calls the firstiter hook (asyncio's loop then knows
    /// it, to close it at shutdown).
    pub(crate) fn init_asyncgen_hooks(&mut self, agen: ObjId) -> PyResult<()> {
        let [firstiter, finalizer] = self.asyncgen_hooks;
        match self.heap.kind_mut(agen) {
            Kind::Generator(g) if !g.hooks_inited => {
                g.hooks_inited = true;
                g.finalizer = finalizer;
            }
            _ => return Ok(()),
        }
        if !finalizer.is_null() {
            self.heap.incref(finalizer);
        }
        if firstiter.is_null() {
            return Ok(());
        }
        self.heap.incref(firstiter);
        let r = self.while_holding(&[firstiter], |vm| vm.call(firstiter, &[agen]));
        self.heap.decref(firstiter);
        self.heap.decref(r?);
        Ok(())
    }

    /// A RuntimeError whose `__cause__` is `cause` (moved in): what a generator's stop
    /// signal escaping its frame becomes (PEP 479, PEP 525).
    fn runtime_error_from(
        &mut self,
        msg: impl AsRef<str>,
        cause: crate::vm::Exc,
    ) -> crate::vm::Exc {
        let re = self.runtime_error(msg);
        if let Some(d) = self.exc_data_mut(re.0) {
            d.cause = cause.0;
        } else {
            self.heap.decref(cause.0);
        }
        re
    }

    /// A StopAsyncIteration with no arguments (owned).
    pub fn stop_async_iteration(&mut self) -> crate::vm::Exc {
        crate::vm::Exc(self.new_exception_args(self.exc_types.stop_async_iteration, vec![]))
    }

    /// `async for`'s `v.__aiter__()` (a new reference), which must have `__anext__`.
    pub fn async_iter(&mut self, v: ObjId) -> PyResult<ObjId> {
        let aiter = self.heap.intern_sym("__aiter__");
        let Some(it) = self.call_special(v, aiter, &[])? else {
            let tn = self.type_name(v);
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {tn}"
            )));
        };
        let anext = self.heap.intern_sym("__anext__");
        let ty = self.type_of(it);
        if self.class_lookup(ty, anext).is_none() {
            let tn = self.type_name(it);
            self.heap.decref(it);
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
            )));
        }
        Ok(it)
    }

    /// `async for`'s `it.__anext__()` (a new reference), awaited next.
    pub fn async_next(&mut self, it: ObjId) -> PyResult<ObjId> {
        let anext = self.heap.intern_sym("__anext__");
        match self.call_special(it, anext, &[])? {
            Some(aw) => Ok(aw),
            None => {
                let tn = self.type_name(it);
                Err(self.type_error(format!(
                    "'async for' requires an iterator with __anext__ method, got {tn}"
                )))
            }
        }
    }

    /// A StopIteration the subiterator of a `yield from` raised is its return: its value
    /// (None when it has none) becomes `Returned`.
    fn stop_iteration_value(&mut self, r: PyResult<SendResult>) -> PyResult<SendResult> {
        match r {
            Err(e) if self.exc_matches(&e, self.exc_types.stop_iteration) => {
                let v = self.exc_arg0(e.0);
                let v = if v.is_null() { self.none } else { v };
                self.heap.incref(v);
                self.heap.decref(e.0);
                Ok(SendResult::Returned(v))
            }
            r => r,
        }
    }

    /// Collects an iterable into a Vec of owned references.
    pub fn collect(&mut self, iterable: ObjId) -> PyResult<Vec<ObjId>> {
        // A subclass's own `__iter__` decides what its instances give.
        let own_iter = self.sub_special(iterable, self.names.iter).is_some();
        match self.heap.kind(iterable) {
            _ if own_iter => {}
            Kind::List(l) => {
                let v = l.items.to_vec();
                for x in &v {
                    self.heap.incref(*x);
                }
                return Ok(v);
            }
            Kind::Tuple(t) => {
                let v = t.to_vec();
                for x in &v {
                    self.heap.incref(*x);
                }
                return Ok(v);
            }
            // A list of a range is made at its full length first, as CPython presizes
            // it: a range too long for memory is a MemoryError at once.
            Kind::Range(r) => {
                let n = super::builtins::range_len(r[0], r[1], r[2]);
                self.check_alloc(56 + 8 * n.max(0) as u128)?;
            }
            _ => {}
        }
        let it = self.get_iter(iterable)?;
        self.collect_from_iter(it)
    }

    /// The items an iterator (an owned reference, released here) gives until it stops.
    pub fn collect_from_iter(&mut self, it: ObjId) -> PyResult<Vec<ObjId>> {
        // The iterator and the items collected so far are held while Python code runs.
        let mark = self.held.len();
        self.held.push(it);
        let mut result = Ok(());
        loop {
            match self.iter_next(it) {
                // (Past `--max-heap`, MemoryError, as the list's growth would raise.)
                Ok(Some(v)) => {
                    self.held.push(v);
                    if let Err(e) = self.check_heap_limit() {
                        result = Err(e);
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        let out: Vec<ObjId> = self.held.split_off(mark + 1);
        self.held.truncate(mark);
        self.heap.decref(it);
        match result {
            Ok(()) => Ok(out),
            Err(e) => {
                self.release_all(out);
                Err(e)
            }
        }
    }
}
