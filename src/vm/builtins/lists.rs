//! The methods of list.

use super::{check_args, check_kwargs, kwarg, to_i64};
use crate::heap::kinds::{NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn install(vm: &mut Vm) {
    const METHODS: &[(&str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("count", super::funcs::seq_count),
        ("index", super::funcs::seq_index),
        ("reverse", reverse),
        ("sort", sort),
    ];
    super::add_methods(vm, TypeTag::List, METHODS);
}

fn append(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "append", args, kw, 2, 2).map_err(|e| {
        vm.heap.decref(e.0);
        vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))
    })?;
    vm.heap.incref(args[1]);
    vm.list_push(args[0], args[1]);
    vm.check_heap_limit()?;
    Ok(vm.none())
}

fn extend(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "extend", args, kw, 2, 2)?;
    vm.list_extend(args[0], args[1])?;
    Ok(vm.none())
}

fn insert(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "insert", args, kw, 3, 3)?;
    let i = to_i64(vm, args[1], "")?;
    let l = args[0];
    let n = vm.seq_len_of(l) as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    vm.heap.incref(args[2]);
    vm.list_push(l, args[2]);
    if let Kind::List(list) = vm.heap.kind_mut(l) {
        let v = list.items.pop();
        if let Some(v) = v {
            list.items.insert(idx, v);
        }
    }
    Ok(vm.none())
}

fn pop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "pop", args, kw, 1, 2)?;
    let l = args[0];
    let n = vm.seq_len_of(l);
    let idx = super::pop_position(vm, args, n, "list")?;
    let v = match vm.heap.kind_mut(l) {
        Kind::List(list) => list.items.remove(idx),
        _ => ObjId::NULL,
    };
    vm.list_shrunk(l);
    Ok(v)
}

fn remove(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "remove", args, kw, 2, 2)?;
    let l = args[0];
    let n = vm.seq_len_of(l);
    for i in 0..n {
        let Some(x) = vm.seq_item_of(l, i) else { break };
        // (The item's reference is a holder while its `__eq__` runs.)
        vm.heap.incref(x);
        let eq = vm.while_holding(&[x], |vm| vm.eq(x, args[1]));
        vm.heap.decref(x);
        if eq? {
            let v = match vm.heap.kind_mut(l) {
                Kind::List(list) if i < list.items.len() => list.items.remove(i),
                _ => ObjId::NULL,
            };
            vm.list_shrunk(l);
            vm.heap.xdecref(v);
            return Ok(vm.none());
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn clear(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "clear", args, kw, 1, 1)?;
    let items = match vm.heap.kind_mut(args[0]) {
        Kind::List(list) => {
            list.cap = 0;
            std::mem::take(&mut list.items)
        }
        _ => Default::default(),
    };
    vm.heap.resize(args[0]);
    for v in items.into_iter().rev() {
        vm.heap.decref(v);
    }
    Ok(vm.none())
}

fn copy(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "copy", args, kw, 1, 1)?;
    let items = vm.collect(args[0])?;
    Ok(vm.new_list(items))
}

fn reverse(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "reverse", args, kw, 1, 1)?;
    if let Kind::List(list) = vm.heap.kind_mut(args[0]) {
        list.items.reverse();
    }
    Ok(vm.none())
}

fn sort(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "sort", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let key = kwarg(vm, kw, "key").filter(|k| *k != vm.none);
    let reverse = match kwarg(vm, kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let l = args[0];
    // CPython empties the list while sorting; a comparison that looks at it sees [].
    let items = match vm.heap.kind_mut(l) {
        Kind::List(list) => std::mem::take(&mut list.items).into_vec(),
        _ => vec![],
    };
    // The items come back in the order the sort reached, also when it failed (as
    // CPython leaves the list).
    let (sorted, err) = super::funcs::sort_owned(vm, items, key, reverse);
    if let Kind::List(list) = vm.heap.kind_mut(l) {
        let added = std::mem::replace(&mut list.items, sorted.into());
        // What the program appended to the list during the sort is dropped, as CPython
        // does (and reports below).
        let modified = !added.is_empty();
        vm.release_all(added.into_vec());
        if modified && err.is_none() {
            return Err(vm.value_error("list modified during sort"));
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(vm.none()),
    }
}

/// `l[a:b] = iterable` and extended-slice assignment.
pub fn list_set_slice(vm: &mut Vm, l: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
    let len = vm.seq_len_of(l);
    let (start, stop, step) = vm.slice_indices(key, len)?;
    // (PySequence_Fast: what cannot be iterated is "can only assign an iterable".)
    let it = match vm.get_iter(value) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, vm.exc_types.type_error) => {
            vm.heap.decref(e.0);
            return Err(vm.type_error("can only assign an iterable"));
        }
        Err(e) => return Err(e),
    };
    let new = vm.collect_from_iter(it)?;
    if step == 1 {
        let stop = stop.max(start);
        let old_len = len;
        let removed: Vec<ObjId> = match vm.heap.kind_mut(l) {
            Kind::List(list) => {
                let (start, stop) = (start as usize, stop as usize);
                let removed = list.items[start..stop].to_vec();
                list.items.drain(start..stop);
                list.items.insert_many(start, new);
                removed
            }
            _ => vec![],
        };
        vm.list_set_len_model(l, old_len);
        vm.release_all(removed);
        return Ok(());
    }
    let pos: Vec<usize> = super::slice_positions(start, stop, step).collect();
    if pos.len() != new.len() {
        let n = new.len();
        vm.release_all(new);
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {n} to extended slice of size {}",
            pos.len()
        )));
    }
    let mut old = vec![];
    if let Kind::List(list) = vm.heap.kind_mut(l) {
        for (p, v) in pos.iter().zip(new) {
            old.push(std::mem::replace(&mut list.items[*p], v));
        }
    }
    vm.release_all(old);
    Ok(())
}
