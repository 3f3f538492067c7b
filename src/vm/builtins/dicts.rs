//! The methods of dict.

use super::check_args;
use crate::heap::kinds::{NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn install(vm: &mut Vm) {
    const METHODS: &[(&str, NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("pop", pop),
        ("popitem", popitem),
        ("setdefault", setdefault),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
    ];
    super::add_methods(vm, TypeTag::Dict, METHODS);
    // `A.__dict__`: a read-only view of the class's namespace.
    const PROXY: &[(&str, NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("copy", copy),
    ];
    super::add_methods(vm, TypeTag::MappingProxy, PROXY);
    // dict.fromkeys is a class method.
    super::add_wrapped_builtin(
        vm,
        TypeTag::Dict,
        "fromkeys",
        fromkeys,
        None,
        Kind::ClassMethod,
    );
}

/// A class's namespace (reached through `gc`, or `A.__dict__`'s mapping) is a dict to the
/// program, but refscope keeps it by name: a method that reads it runs on a copy (a dict
/// of its names), and one that would change it refuses, since the class's attributes
/// change through the class. None for any other dict.
fn via_namespace(vm: &mut Vm, args: &[ObjId], kw: Kw, f: NativeFn) -> Option<PyResult<ObjId>> {
    let ns = vm.namespace_of(*args.first()?)?;
    let copy = match vm.namespace_copy(ns) {
        Ok(c) => c,
        Err(e) => return Some(Err(e)),
    };
    let mut args = args.to_vec();
    args[0] = copy;
    let r = vm.while_holding(&[copy], |vm| f(vm, &args, kw));
    vm.heap.decref(copy);
    Some(r)
}

/// The error of a method that would change a class's namespace.
fn namespace_unchanged(vm: &mut Vm, args: &[ObjId]) -> PyResult<()> {
    match args.first().and_then(|a| vm.namespace_of(*a)) {
        Some(_) => Err(vm.type_error(
            "a class's namespace changes through the class in refscope (setattr, delattr)",
        )),
        None => Ok(()),
    }
}

fn view(vm: &mut Vm, args: &[ObjId], kw: Kw, tag: TypeTag, name: &str) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    Ok(vm.new_dict_view(tag, args[0]))
}

fn keys(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if let Some(r) = via_namespace(vm, args, kw, keys) {
        return r;
    }
    view(vm, args, kw, TypeTag::DictKeys, "keys")
}
fn values(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if let Some(r) = via_namespace(vm, args, kw, values) {
        return r;
    }
    view(vm, args, kw, TypeTag::DictValues, "values")
}
fn items(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if let Some(r) = via_namespace(vm, args, kw, items) {
        return r;
    }
    view(vm, args, kw, TypeTag::DictItems, "items")
}

fn get(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "get", args, kw, 2, 3)?;
    // A class namespace is looked up by name, without the copy its other reading
    // methods make (`cls.__dict__.get(name)` is what library code asks most).
    let found = match args.first().and_then(|a| vm.namespace_of(*a)) {
        Some(ns) => vm.namespace_get(ns, args[1])?,
        None => vm.dict_lookup(args[0], args[1])?,
    };
    match found {
        Some(v) => {
            vm.heap.incref(v);
            Ok(v)
        }
        None => match args.get(2) {
            Some(d) => {
                vm.heap.incref(*d);
                Ok(*d)
            }
            None => Ok(vm.none()),
        },
    }
}

fn pop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    namespace_unchanged(vm, args)?;
    check_args(vm, "pop", args, kw, 2, 3)?;
    match vm.dict_pop(args[0], args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => {
                vm.heap.incref(*d);
                Ok(*d)
            }
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    namespace_unchanged(vm, args)?;
    check_args(vm, "popitem", args, kw, 1, 1)?;
    let e = match vm.heap.kind_mut(args[0]) {
        Kind::Dict(t) => t.last().map(|i| {
            // A split dict first becomes an ordinary one the size of its shared keys
            // table (64 slots).
            t.unsplit_to(64);
            t.remove_at(i)
        }),
        _ => None,
    };
    vm.heap.resize(args[0]);
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.new_exception(vm.exc_types.key_error, "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    namespace_unchanged(vm, args)?;
    check_args(vm, "setdefault", args, kw, 2, 3)?;
    if let Some(v) = vm.dict_lookup(args[0], args[1])? {
        vm.heap.incref(v);
        return Ok(v);
    }
    let d = args.get(2).copied().unwrap_or(vm.none);
    vm.dict_set(args[0], args[1], d)?;
    vm.heap.incref(d);
    Ok(d)
}

/// `d.update(x)` where x is a mapping or an iterable of pairs.
pub fn dict_update_any(vm: &mut Vm, d: ObjId, src: ObjId) -> PyResult<()> {
    if matches!(vm.heap.kind(src), Kind::Dict(_)) || vm.has_attr_str(src, "keys")? {
        return vm.dict_update_from(d, src, false, ObjId::NULL);
    }
    let pairs = vm.collect(src)?;
    // (The pairs, and each pair's key and value, are held while Python code runs: an
    // iterable pair's `__iter__`, a key's `__hash__`.)
    let r = vm.while_holding(&pairs, |vm| {
        for (i, p) in pairs.iter().enumerate() {
            let kv = match vm.collect(*p) {
                Ok(kv) => kv,
                Err(e) => {
                    vm.heap.decref(e.0);
                    return Err(vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
            };
            if kv.len() != 2 {
                let n = kv.len();
                vm.release_all(kv);
                return Err(vm.value_error(format!(
                    "dictionary update sequence element #{i} has length {n}; 2 is required"
                )));
            }
            let res = vm.while_holding(&kv, |vm| vm.dict_set(d, kv[0], kv[1]));
            vm.release_all(kv);
            res?;
        }
        Ok(())
    });
    vm.release_all(pairs);
    r
}

fn update(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    namespace_unchanged(vm, args)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    if let Some(src) = args.get(1) {
        dict_update_any(vm, args[0], *src)?;
    }
    for (k, v) in kw {
        let ks = vm.heap.sym_name(*k);
        let key = vm.intern_str(&ks);
        let r = vm.dict_set(args[0], key, *v);
        vm.heap.decref(key);
        r?;
    }
    Ok(vm.none())
}

fn clear(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    namespace_unchanged(vm, args)?;
    check_args(vm, "clear", args, kw, 1, 1)?;
    let entries = match vm.heap.kind_mut(args[0]) {
        Kind::Dict(t) => t.clear(),
        _ => vec![],
    };
    vm.heap.resize(args[0]);
    for e in entries {
        vm.heap.decref(e.key);
        vm.heap.decref(e.value);
    }
    Ok(vm.none())
}

fn copy(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if let Some(r) = via_namespace(vm, args, kw, copy) {
        return r;
    }
    check_args(vm, "copy", args, kw, 1, 1)?;
    let d = vm.new_dict();
    // A split dict's copy shares its keys too (`PyDict_Copy`).
    let split = match vm.heap.kind(args[0]) {
        Kind::Dict(t) => t.split.clone(),
        _ => None,
    };
    if let (Some(keys), Kind::Dict(t)) = (split, vm.heap.kind_mut(d)) {
        t.split = Some(keys);
    }
    vm.dict_update_from(d, args[0], false, ObjId::NULL)?;
    Ok(d)
}

fn fromkeys(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "fromkeys", args, kw, 2, 3)?;
    let v = args.get(2).copied().unwrap_or(vm.none);
    // A subclass's `fromkeys` makes an instance of the subclass (`cls()`), and its
    // `__setitem__` stores the keys, as CPython's `_PyDict_FromKeys` does.
    let exact = args[0] == vm.type_obj(TypeTag::Dict);
    let d = if exact {
        vm.new_dict()
    } else {
        vm.call(args[0], &[])?
    };
    // An exact dict or set as the source: its size is known, and CPython sizes the
    // new dict's table for it at once.
    let known = match vm.heap.kind(args[1]) {
        Kind::Dict(t) if t.ext.is_none() => Some((t.len(), t.all_str)),
        Kind::Set(t) | Kind::FrozenSet(t) if t.ext.is_none() => Some((t.len(), false)),
        _ => None,
    };
    if exact && let (Some((n, unicode)), Kind::Dict(t)) = (known, vm.heap.kind_mut(d)) {
        t.presize_from_keys(n, unicode);
        vm.heap.resize(d);
    }
    let r = vm.while_holding(&[d], |vm| {
        let keys = vm.collect(args[1])?;
        // The keys are held while a subclass's `__setitem__` runs Python code.
        let r = vm.while_holding(&keys, |vm| {
            for k in &keys {
                if exact {
                    vm.dict_set(d, *k, v)?;
                } else {
                    vm.setitem(d, *k, v)?;
                }
            }
            Ok(())
        });
        vm.release_all(keys);
        r
    });
    match r {
        Ok(()) => Ok(d),
        Err(e) => {
            vm.heap.decref(d);
            Err(e)
        }
    }
}
