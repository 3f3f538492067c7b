//! Classes: `__build_class__` (the class statement), the C3 method resolution order,
//! `__slots__`, `super()`, three-argument `type()`, and the methods of `object` and
//! `BaseException`.

use std::rc::Rc;

use super::check_args;
use crate::heap::kinds::{Class, Descr, DescrKind, NativeFn, SharedKeys, TypeTag};
use crate::heap::{Kind, ObjId, Sym, SymMap};
use crate::vm::eval::Exit;
use crate::vm::frame::{Frame, FrameKind};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn install(vm: &mut Vm) {
    const OBJECT: &[(&str, NativeFn)] = &[
        ("__init__", object_init),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__sizeof__", crate::vm::modules::sys::object_sizeof),
        ("__lt__", object_no_order),
        ("__le__", object_no_order),
        ("__gt__", object_no_order),
        ("__ge__", object_no_order),
        ("__format__", object_format),
        ("__dir__", object_dir),
        ("__getattribute__", object_getattribute),
        ("__getstate__", object_getstate),
        ("__reduce_ex__", object_reduce_ex),
        ("__reduce__", object_reduce),
    ];
    super::add_methods(vm, TypeTag::Object, OBJECT);
    super::add_wrapped_builtin(
        vm,
        TypeTag::Object,
        "__subclasshook__",
        object_subclasshook,
        Some("builtins"),
        Kind::ClassMethod,
    );
    // object's docstring; every other built-in type has a `__doc__` of its own (None
    // here: refscope does not carry their texts), so that none of them shows object's.
    let doc = vm.names.doc;
    let builtin_types: Vec<ObjId> = vm
        .heap
        .live_ids()
        .filter(|id| {
            matches!(vm.heap.kind(*id), Kind::Class(_))
                && vm.heap.has_flag(*id, crate::heap::flags::BUILTIN)
        })
        .collect();
    for t in builtin_types {
        if vm.class_dict(t).is_some_and(|d| d.get(doc).is_none()) {
            let v = if t == vm.type_obj(TypeTag::Object) {
                vm.new_str(OBJECT_DOC)
            } else {
                vm.none()
            };
            if let Some(old) = vm.heap.class_ns_insert(t, doc, v) {
                vm.heap.decref(old);
            }
        }
    }
    super::add_methods(
        vm,
        TypeTag::Type,
        &[
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__init__", type_init),
            ("__call__", type_call),
            ("__repr__", type_repr),
        ],
    );
    // type.__prepare__, a class method that gives the empty dict a class body runs in.
    super::add_wrapped_builtin(
        vm,
        TypeTag::Type,
        "__prepare__",
        type_prepare,
        Some("builtins"),
        Kind::ClassMethod,
    );
    // type.__new__ is a static method, as object.__new__ is.
    super::add_wrapped_builtin(
        vm,
        TypeTag::Type,
        "__new__",
        type_dunder_new,
        Some("builtins"),
        Kind::StaticMethod,
    );
    super::add_methods(
        vm,
        TypeTag::Property,
        &[
            ("setter", property_setter),
            ("getter", property_getter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    );
    // object.__new__ is a static method, as in CPython.
    super::add_wrapped_builtin(
        vm,
        TypeTag::Object,
        "__new__",
        object_new,
        Some("builtins"),
        Kind::StaticMethod,
    );
    // object.__init_subclass__, a class method that does nothing (what
    // `super().__init_subclass__(**kwargs)` in a base's own reaches).
    super::add_wrapped_builtin(
        vm,
        TypeTag::Object,
        "__init_subclass__",
        object_init_subclass,
        Some("builtins"),
        Kind::ClassMethod,
    );
    const EXC: &[(&str, NativeFn)] = &[
        ("__init__", exc_init),
        ("with_traceback", exc_with_traceback),
        ("add_note", exc_add_note),
        ("__reduce__", exc_reduce),
        ("__setstate__", exc_setstate),
    ];
    super::add_methods(vm, TypeTag::BaseException, EXC);
    let bc = super::new_builtin(vm, "__build_class__", build_class, None, Some("builtins"));
    let sym = vm.heap.intern_sym("__build_class__");
    let b = vm.builtins;
    vm.ns_set(b, sym, bc);
}

fn object_init(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    if args.len() > 1 {
        let ty = vm.type_of(args[0]);
        if !vm.has_user_new(ty) {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
    }
    Ok(vm.none())
}

fn object_repr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__repr__", args, kw, 1, 1)?;
    let s = vm.default_repr(args[0]);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__str__", args, kw, 1, 1)?;
    let s = vm.repr_of(args[0])?;
    Ok(vm.new_string(s))
}

fn object_setattr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__setattr__", args, kw, 3, 3)?;
    let sym = attr_name(vm, args[1])?;
    vm.generic_setattr(args[0], sym, args[2])?;
    Ok(vm.none())
}

/// The attribute name argument of `object.__setattr__` and `object.__delattr__`.
fn attr_name(vm: &mut Vm, name: ObjId) -> PyResult<Sym> {
    match vm.as_str(name).map(str::to_string) {
        Some(s) => Ok(vm.heap.intern_sym(&s)),
        None => Err(vm.type_error("attribute name must be string")),
    }
}

fn object_delattr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__delattr__", args, kw, 2, 2)?;
    let sym = attr_name(vm, args[1])?;
    vm.generic_delattr(args[0], sym)?;
    Ok(vm.none())
}

fn object_eq(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__eq__", args, kw, 2, 2)?;
    if args[0] == args[1] {
        return Ok(vm.new_bool(true));
    }
    vm.heap.incref(vm.not_implemented);
    Ok(vm.not_implemented)
}

/// `object.__lt__` and the other orderings: NotImplemented, so that `<` tries the
/// other operand and then says the types cannot be ordered.
fn object_no_order(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "comparison", args, kw, 2, 2)?;
    vm.heap.incref(vm.not_implemented);
    Ok(vm.not_implemented)
}

/// `object.__format__(spec)`: `str(self)` for an empty spec; any other spec is an error.
fn object_format(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__format__", args, kw, 2, 2)?;
    let Some(spec) = vm.as_str(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    if !spec.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    let s = vm.str_of(args[0])?;
    Ok(vm.new_string(s))
}

/// `object.__getattribute__(name)`: the attribute as found without the class's own
/// `__getattribute__` (what an override calls to get the ordinary behaviour).
fn object_getattribute(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__getattribute__", args, kw, 2, 2)?;
    let Some(n) = vm.as_str(args[1]).map(str::to_owned) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    };
    let sym = vm.heap.intern_sym(&n);
    match vm.getattr_opt(args[0], sym)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(args[0], sym)),
    }
}

const OBJECT_DOC: &str = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";

/// `object.__subclasshook__(cls)`: NotImplemented (the ABCs' hook, which plain classes
/// leave to the normal subclass test).
fn object_subclasshook(vm: &mut Vm, _args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    vm.heap.incref(vm.not_implemented);
    Ok(vm.not_implemented)
}

/// `object.__reduce_ex__(protocol)`: the recipe copy and pickle rebuild the object
/// from, computed by copyreg's `_object_reduce_ex` (refscope writes it in Python).
fn object_reduce_ex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__reduce_ex__", args, kw, 2, 2)?;
    vm.library_call("copyreg", "_object_reduce_ex", &[args[0], args[1]])
}

/// `object.__reduce__()`: protocol 0's recipe.
fn object_reduce(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__reduce__", args, kw, 1, 1)?;
    let zero = vm.new_int(0);
    let r = vm.while_holding(&[zero], |vm| {
        vm.library_call("copyreg", "_common_reduce", &[args[0], zero])
    });
    vm.heap.decref(zero);
    r
}

/// `object.__getstate__()` (3.11): the instance's `__dict__` (None when empty), paired
/// with a dict of its set `__slots__` when it has any.
fn object_getstate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__getstate__", args, kw, 1, 1)?;
    let o = args[0];
    let Some(inst) = vm.instance_of(o) else {
        return Ok(vm.none());
    };
    let empty = inst.attrs.is_empty()
        && (inst.dict.is_null()
            || matches!(vm.heap.kind(inst.dict), Kind::Dict(t) if t.is_empty()));
    let (names, has_dict) = vm.class(inst.class).map_or((vec![], false), |c| {
        (c.slots.clone().unwrap_or_default(), c.has_dict)
    });
    let slot_values: Vec<(Sym, ObjId)> = names
        .into_iter()
        .zip(inst.slots.iter().copied())
        .filter(|(_, v)| !v.is_null())
        .collect();
    let state = if empty || !has_dict {
        vm.none()
    } else {
        vm.getattr(o, vm.names.dict)?
    };
    if slot_values.is_empty() {
        return Ok(state);
    }
    match vm.dict_of_names(slot_values) {
        Ok(slots) => Ok(vm.new_tuple(vec![state, slots])),
        Err(e) => {
            vm.heap.decref(state);
            Err(e)
        }
    }
}

/// `object.__dir__()`: the names `dir(obj)` lists (before sorting).
fn object_dir(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__dir__", args, kw, 1, 1)?;
    let names = super::funcs::attribute_names(vm, args[0]);
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list_from(items))
}

/// `object.__ne__`: the negation of the type's own `__eq__`, or NotImplemented when
/// that has no answer (the reflected `__eq__` is the comparison's business).
fn object_ne(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__ne__", args, kw, 2, 2)?;
    let Some(r) = vm.call_special(args[0], vm.names.eq, &args[1..])? else {
        let eq = vm.eq(args[0], args[1])?;
        return Ok(vm.new_bool(!eq));
    };
    if r == vm.not_implemented {
        return Ok(r);
    }
    let t = vm.while_holding(&[r], |vm| vm.truthy(r));
    vm.heap.decref(r);
    Ok(vm.new_bool(!t?))
}

fn object_hash(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__hash__", args, kw, 1, 1)?;
    let s = vm.heap.get(args[0]).serial as i64;
    Ok(vm.new_int(s >> 4 | s << 28))
}

pub(crate) fn exc_init(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if !kw.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("{tn}() takes no keyword arguments")));
    }
    let rest: Vec<ObjId> = args[1..].to_vec();
    for a in &rest {
        vm.heap.incref(*a);
    }
    let t = vm.new_tuple(rest);
    vm.set_exc_args(args[0], t);
    // (SyntaxError's own __init__ takes its fields from the arguments.)
    if vm.isinstance(args[0], vm.exc_types.syntax_error) {
        vm.init_syntax_error(args[0])?;
    }
    Ok(vm.none())
}

/// `exc.add_note(note)` (new in 3.11): appends a str to the exception's `__notes__`,
/// which the traceback prints after its last line.
fn exc_add_note(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "add_note", args, kw, 2, 2)?;
    let (exc, note) = (args[0], args[1]);
    if !matches!(vm.heap.kind(note), Kind::Str(_)) {
        let tn = vm.type_name(note);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let sym = vm.heap.intern_sym("__notes__");
    let notes = match vm.getattr_opt(exc, sym)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            if let Err(e) = vm.setattr(exc, sym, l) {
                vm.heap.decref(l);
                return Err(e);
            }
            l
        }
    };
    if !matches!(vm.heap.kind(notes), Kind::List(_)) {
        vm.heap.decref(notes);
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    }
    vm.heap.incref(note);
    vm.list_push(notes, note);
    vm.heap.decref(notes);
    Ok(vm.none())
}

/// `exc.__reduce__()`: `(type, args)`, with the instance's `__dict__` when it has one.
fn exc_reduce(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__reduce__", args, kw, 1, 1)?;
    let e = args[0];
    let ty = vm.type_of(e);
    vm.heap.incref(ty);
    let a = match vm.exc_data(e).map(|d| d.args) {
        Some(a) if !a.is_null() => {
            vm.heap.incref(a);
            a
        }
        _ => vm.new_tuple(vec![]),
    };
    let has_dict = vm
        .instance_of(e)
        .is_some_and(|i| !i.dict.is_null() || !i.attrs.is_empty());
    let mut items = vec![ty, a];
    if has_dict {
        items.push(vm.materialize_dict(e));
    }
    Ok(vm.new_tuple(items))
}

/// `exc.__setstate__(state)`: the attributes of a dict state set on the exception (what
/// unpickling does with `__reduce__`'s third item); None sets nothing.
fn exc_setstate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__setstate__", args, kw, 2, 2)?;
    let (e, state) = (args[0], args[1]);
    if state == vm.none {
        return Ok(vm.none());
    }
    let entries: Vec<(ObjId, ObjId)> = match vm.heap.kind(state) {
        Kind::Dict(t) => t.iter().map(|(_, en)| (en.key, en.value)).collect(),
        _ => return Err(vm.type_error("state is not a dictionary")),
    };
    for (k, v) in entries {
        let Some(name) = vm.as_str(k).map(str::to_string) else {
            return Err(vm.type_error("attribute name must be string"));
        };
        let sym = vm.heap.intern_sym(&name);
        vm.while_holding(&[], |vm| vm.setattr(e, sym, v))?;
    }
    Ok(vm.none())
}

fn exc_with_traceback(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "with_traceback", args, kw, 2, 2)?;
    vm.set_exc_traceback(args[0], args[1])?;
    vm.heap.incref(args[0]);
    Ok(args[0])
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: runs the class body in a
/// fresh namespace and makes the class, with `type` or through the metaclass.
fn build_class(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let meta_sym = vm.heap.intern_sym("metaclass");
    let explicit = kw.iter().find(|(k, _)| *k == meta_sym).map(|(_, m)| *m);
    let kw: Vec<(Sym, ObjId)> = kw.iter().copied().filter(|(k, _)| *k != meta_sym).collect();
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (func, name_obj) = (args[0], args[1]);
    let name = vm.as_str(name_obj).unwrap_or("?").to_string();
    // PEP 560: a base that is not a class (`list[int]`, `Dict[str, int]`) gives the
    // classes its `__mro_entries__` names; the bases as written are `__orig_bases__`.
    let (bases, entries) = mro_entries(vm, &args[2..])?;
    // The metaclass: the one given, else the first base's type; for a class, the most
    // derived of it and the bases' metaclasses (a function given as the metaclass is
    // called as it is).
    let type_obj = vm.type_obj(TypeTag::Type);
    let given = explicit.unwrap_or_else(|| bases.first().map_or(type_obj, |b| vm.type_of(*b)));
    let meta = if matches!(vm.heap.kind(given), Kind::Class(_)) {
        match vm.calculate_metaclass(given, &bases) {
            Ok(m) => m,
            Err(e) => {
                vm.release_all(bases);
                vm.heap.xdecref(entries);
                return Err(e);
            }
        }
    } else {
        given
    };
    // The bases are held while the body runs Python code.
    let r = vm.while_holding(&bases.clone(), |vm| {
        if meta == type_obj {
            build_class_body(vm, func, &name, &bases, entries, &kw)
        } else {
            // (The metaclass is the call's argument, or held by a base.)
            build_class_with_meta(vm, meta, func, name_obj, &bases, entries, &kw)
        }
    });
    vm.release_all(bases);
    r
}

/// The class statement with a metaclass other than `type`: `meta.__prepare__` (when the
/// metaclass defines one) gives the namespace's first entries, the body runs, and
/// `meta(name, bases, namespace, **kwds)` makes the class.
fn build_class_with_meta(
    vm: &mut Vm,
    meta: ObjId,
    func: ObjId,
    name_obj: ObjId,
    bases: &[ObjId],
    orig_bases: ObjId,
    kw: &[(Sym, ObjId)],
) -> PyResult<ObjId> {
    let name = vm.as_str(name_obj).unwrap_or("?").to_string();
    for b in bases {
        vm.heap.incref(*b);
    }
    let bases_tuple = vm.new_tuple(bases.to_vec());
    let prepared = match vm.while_holding(&[bases_tuple, orig_bases], |vm| {
        prepare(vm, meta, name_obj, bases_tuple, kw)
    }) {
        Ok(p) => p,
        Err(e) => {
            vm.heap.decref(bases_tuple);
            vm.heap.xdecref(orig_bases);
            return Err(e);
        }
    };
    let ns = match prepared {
        // The body runs in the mapping `__prepare__` made, which the metaclass gets.
        Some(ns) => {
            let r = vm.while_holding(&[bases_tuple], |vm| {
                run_body_frame(vm, func, ns, orig_bases)?;
                if orig_bases.is_null() {
                    return Ok(());
                }
                let key = vm.intern_str("__orig_bases__");
                let r = vm.while_holding(&[key], |vm| vm.setitem(ns, key, orig_bases));
                vm.heap.decref(key);
                r
            });
            vm.heap.xdecref(orig_bases);
            if let Err(e) = r {
                vm.heap.decref(ns);
                vm.heap.decref(bases_tuple);
                return Err(e);
            }
            ns
        }
        None => {
            let body = vm.while_holding(&[bases_tuple], |vm| {
                run_class_body(vm, func, &name, orig_bases, vec![])
            });
            let (entries, _, _) = match body {
                Ok(b) => b,
                Err(e) => {
                    vm.heap.decref(bases_tuple);
                    return Err(e);
                }
            };
            // The namespace as the dict the metaclass receives, in definition order.
            let ns = vm.new_dict();
            let mut r = Ok(());
            for (k, v) in entries {
                if r.is_ok() {
                    let key = vm.heap.sym_name(k);
                    let key = vm.intern_str(&key);
                    r = vm.dict_set(ns, key, v);
                    vm.heap.decref(key);
                }
                vm.heap.decref(v);
            }
            if let Err(e) = r {
                vm.heap.decref(ns);
                vm.heap.decref(bases_tuple);
                return Err(e);
            }
            ns
        }
    };
    let mut all = vec![name_obj, bases_tuple, ns];
    all.extend(kw.iter().map(|(_, v)| *v));
    let names: Vec<Sym> = kw.iter().map(|(k, _)| *k).collect();
    for a in &all {
        vm.heap.incref(*a);
    }
    let r = vm.while_holding(&[bases_tuple, ns], |vm| vm.call_object(meta, all, &names));
    vm.heap.decref(ns);
    vm.heap.decref(bases_tuple);
    r
}

/// `meta.__prepare__(name, bases, **kwds)` when a Python metaclass defines it: the
/// mapping the class body runs in (owned). None without one (the body runs in a
/// namespace of its own, which becomes a dict).
fn prepare(
    vm: &mut Vm,
    meta: ObjId,
    name_obj: ObjId,
    bases_tuple: ObjId,
    kw: &[(Sym, ObjId)],
) -> PyResult<Option<ObjId>> {
    let sym = vm.heap.intern_sym("__prepare__");
    let defined =
        matches!(vm.heap.kind(meta), Kind::Class(_)) && vm.user_class_lookup(meta, sym).is_some();
    if !defined {
        return Ok(None);
    }
    let Some(f) = vm.getattr_opt(meta, sym)? else {
        return Ok(None);
    };
    let mut all = vec![name_obj, bases_tuple];
    all.extend(kw.iter().map(|(_, v)| *v));
    let names: Vec<Sym> = kw.iter().map(|(k, _)| *k).collect();
    for a in &all {
        vm.heap.incref(*a);
    }
    let r = vm.while_holding(&[f], |vm| vm.call_object(f, all, &names));
    vm.heap.decref(f);
    let ns = r?;
    // A mapping: what has `__getitem__` (PyMapping_Check).
    let getitem = vm.names.getitem;
    let ty = vm.type_of(ns);
    let mapping =
        matches!(vm.heap.kind(ns), Kind::Dict(_)) || vm.class_lookup(ty, getitem).is_some();
    if !mapping {
        let (mn, tn) = (vm.class_name(meta), vm.type_name(ns));
        vm.heap.decref(ns);
        return Err(vm.type_error(format!(
            "{mn}.__prepare__() must return a mapping, not {tn}"
        )));
    }
    Ok(Some(ns))
}

/// The class bases after PEP 560's `__mro_entries__` (owned references), and the tuple of
/// the bases as written when one of them gave entries (owned; NULL otherwise).
fn mro_entries(vm: &mut Vm, orig: &[ObjId]) -> PyResult<(Vec<ObjId>, ObjId)> {
    let mut bases: Vec<ObjId> = vec![];
    let mut orig_tuple = ObjId::NULL;
    let sym = vm.heap.intern_sym("__mro_entries__");
    for &b in orig {
        if matches!(vm.heap.kind(b), Kind::Class(_)) {
            vm.heap.incref(b);
            bases.push(b);
            continue;
        }
        let meth = match vm.while_holding(&bases, |vm| vm.getattr_opt(b, sym)) {
            Ok(m) => m,
            Err(e) => {
                vm.release_all(bases);
                vm.heap.xdecref(orig_tuple);
                return Err(e);
            }
        };
        let Some(meth) = meth else {
            let tn = vm.type_name(b);
            vm.release_all(bases);
            vm.heap.xdecref(orig_tuple);
            return Err(vm.type_error(format!("bases must be types, not {tn}")));
        };
        if orig_tuple.is_null() {
            for x in orig {
                vm.heap.incref(*x);
            }
            orig_tuple = vm.new_tuple(orig.to_vec());
        }
        let mut held = bases.clone();
        held.extend([meth, orig_tuple]);
        let r = vm.while_holding(&held, |vm| vm.call(meth, &[orig_tuple]));
        vm.heap.decref(meth);
        let items = match r {
            Ok(t) if matches!(vm.heap.kind(t), Kind::Tuple(_)) => {
                let items = vm.seq_items(t);
                vm.heap.decref(t);
                Ok(items)
            }
            Ok(t) => {
                vm.heap.decref(t);
                Err(vm.type_error("__mro_entries__ must return a tuple"))
            }
            Err(e) => Err(e),
        };
        match items {
            Ok(items) => bases.extend(items),
            Err(e) => {
                vm.release_all(bases);
                vm.heap.decref(orig_tuple);
                return Err(e);
            }
        }
    }
    for b in &bases {
        if !matches!(vm.heap.kind(*b), Kind::Class(_)) {
            let tn = vm.type_name(*b);
            vm.release_all(bases);
            vm.heap.xdecref(orig_tuple);
            return Err(vm.type_error(format!("bases must be types, not {tn}")));
        }
    }
    Ok((bases, orig_tuple))
}

/// Runs a class body and makes the class; `orig_bases` (owned, or NULL) becomes its
/// `__orig_bases__`.
fn build_class_body(
    vm: &mut Vm,
    func: ObjId,
    name: &str,
    bases: &[ObjId],
    orig_bases: ObjId,
    kw: &[(Sym, ObjId)],
) -> PyResult<ObjId> {
    let (entries, qualname, module_name) = run_class_body(vm, func, name, orig_bases, vec![])?;
    make_class(
        vm,
        name,
        &qualname,
        &module_name,
        bases,
        ObjId::NULL,
        entries,
        kw,
        ObjId::NULL,
    )
}

/// Runs a class body's code with `ns` (borrowed) as its namespace; `orig_bases` (or
/// NULL) is held meanwhile.
fn run_body_frame(vm: &mut Vm, func: ObjId, ns: ObjId, orig_bases: ObjId) -> PyResult<()> {
    let mut st = vm.new_frame_state(func);
    vm.init_cells(func, &mut st);
    vm.heap.incref(ns);
    st.ns = ns;
    let base = vm.frames.len();
    vm.depth += 1;
    vm.frames.push(Frame {
        st,
        kind: FrameKind::Entry,
        generator: ObjId::NULL,
        kwnames: ObjId::NULL,
    });
    let held: &[ObjId] = if orig_bases.is_null() {
        &[ns]
    } else {
        &[ns, orig_bases]
    };
    match vm.while_holding(held, |vm| vm.run_until(base))? {
        Exit::Return(v) | Exit::Yield(v) => vm.heap.decref(v),
    }
    Ok(())
}

/// What a class body left: its namespace's entries (owned values), the class's
/// `__qualname__` and its module's name.
type ClassBody = (Vec<(Sym, ObjId)>, Rc<str>, Rc<str>);

/// Runs a class body in a fresh namespace that starts with `initial` (owned values):
/// its entries (owned), the class's `__qualname__` and its module's name. `orig_bases`
/// (owned, or NULL) becomes `__orig_bases__`.
fn run_class_body(
    vm: &mut Vm,
    func: ObjId,
    name: &str,
    orig_bases: ObjId,
    initial: Vec<(Sym, ObjId)>,
) -> PyResult<ClassBody> {
    let name = name.to_string();
    let ns = vm.heap.alloc(Kind::Namespace(Box::new(SymMap::new())));
    for (k, v) in initial {
        vm.ns_set(ns, k, v);
    }
    // __module__ and __qualname__ as CPython sets them before the body runs.
    let globals = match vm.heap.kind(func) {
        Kind::Function(f) => f.globals,
        _ => vm.main,
    };
    let module_name: Rc<str> = match vm.heap.kind(globals) {
        Kind::Module(m) => m.name.clone(),
        _ => "__main__".into(),
    };
    let qualname: Rc<str> = match vm.heap.kind(func) {
        Kind::Function(f) => f.qualname.clone(),
        _ => name.as_str().into(),
    };
    let (msym, qsym) = (vm.names.module, vm.names.qualname);
    let mstr = vm.new_str(&module_name);
    vm.ns_set(ns, msym, mstr);
    let qstr = vm.new_str(&qualname);
    vm.ns_set(ns, qsym, qstr);
    if let Err(e) = run_body_frame(vm, func, ns, orig_bases) {
        vm.heap.decref(ns);
        vm.heap.xdecref(orig_bases);
        return Err(e);
    }
    // As CPython: `__orig_bases__` goes into the namespace after the body ran.
    if !orig_bases.is_null() {
        let osym = vm.heap.intern_sym("__orig_bases__");
        vm.ns_set(ns, osym, orig_bases);
    }
    let entries = match vm.heap.kind_mut(ns) {
        Kind::Namespace(m) => m.drain(),
        _ => vec![],
    };
    vm.heap.decref(ns);
    // The body may have set `__module__` itself (`__module__ = 'm'`): the class's repr
    // names that module, as type_new reads it from the namespace.
    let module_name = entries
        .iter()
        .find(|(k, _)| *k == msym)
        .and_then(|(_, v)| vm.as_str(*v).map(Rc::from))
        .unwrap_or(module_name);
    Ok((entries, qualname, module_name))
}

/// Whether CPython lets a class derive from the built-in type (`bool`, `range`,
/// `NoneType`, functions, iterators and views it does not).
fn acceptable_base(tag: TypeTag) -> bool {
    use TypeTag as T;
    !matches!(
        tag,
        T::NoneType
            | T::NotImplementedType
            | T::Ellipsis
            | T::Bool
            | T::Range
            | T::Slice
            | T::Function
            | T::BuiltinFunction
            | T::Method
            | T::Code
            | T::Cell
            | T::Generator
            | T::Coroutine
            | T::AsyncGenerator
            | T::ListIterator
            | T::ListReverseIterator
            | T::TupleIterator
            | T::RangeIterator
            | T::StrIterator
            | T::StrUnicodeIterator
            | T::BytesIterator
            | T::DictKeyIterator
            | T::DictValueIterator
            | T::DictItemIterator
            | T::DictRevKeyIterator
            | T::DictRevValueIterator
            | T::DictRevItemIterator
            | T::SetIterator
            | T::DictKeys
            | T::DictValues
            | T::DictItems
            | T::SeqIterator
            | T::CallIterator
            | T::ArrayIterator
            | T::Frame
            | T::Traceback
            | T::WeakProxy
            | T::WeakCallableProxy
            | T::GetSetDescriptor
            | T::MemberDescriptor
            | T::MappingProxy
    )
}

/// Creates a class from its namespace entries (owned, moved in). `bases_obj`, when not
/// NULL, is an exact tuple of `bases_in` that becomes the class's `__bases__` itself, as
/// `type(name, bases, dict)` keeps the tuple it is given.
#[allow(clippy::too_many_arguments)]
pub fn make_class(
    vm: &mut Vm,
    name: &str,
    qualname: &str,
    module: &str,
    bases_in: &[ObjId],
    bases_obj: ObjId,
    entries: Vec<(Sym, ObjId)>,
    kw: &[(Sym, ObjId)],
    meta: ObjId,
) -> PyResult<ObjId> {
    let object = vm.type_obj(TypeTag::Object);
    let bases: Vec<ObjId> = if bases_in.is_empty() {
        vec![object]
    } else {
        bases_in.to_vec()
    };
    // A built-in type CPython does not let a class derive from (no Py_TPFLAGS_BASETYPE).
    if let Some(b) = bases.iter().find(|b| {
        vm.class(**b)
            .and_then(|c| c.native)
            .is_some_and(|t| !acceptable_base(t))
    }) {
        let n = vm.class_name(*b);
        for (_, v) in entries {
            vm.heap.decref(v);
        }
        return Err(vm.type_error(format!("type '{n}' is not an acceptable base type")));
    }
    // Two bases whose instances are different built-in objects (a list and a dict) cannot
    // be combined.
    let mut layouts = bases
        .iter()
        .filter_map(|b| vm.class(*b).map(|c| c.base_native))
        .filter(|t| *t != TypeTag::Object);
    if let Some(first) = layouts.next()
        && layouts.any(|t| t != first)
    {
        for (_, v) in entries {
            vm.heap.decref(v);
        }
        return Err(vm.type_error("multiple bases have instance lay-out conflict"));
    }
    let mro = match c3_mro(vm, &bases) {
        Ok(m) => m,
        Err(heads) => {
            for (_, v) in entries {
                vm.heap.decref(v);
            }
            let names: Vec<String> = heads
                .iter()
                .map(|b| vm.class_name(*b).to_string())
                .collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    let mut dict = SymMap::new();
    let mut classcell = ObjId::NULL;
    let mut slots_decl: Option<ObjId> = None;
    for (k, v) in entries {
        if k == vm.names.classcell {
            classcell = v;
            continue;
        }
        if k == vm.names.slots {
            slots_decl = Some(v);
        }
        if let Some(old) = dict.insert(k, v) {
            vm.heap.decref(old);
        }
    }
    // __init_subclass__ is a class method without saying so, as type_new makes it.
    if let Some(f) = dict.get(vm.names.init_subclass)
        && matches!(vm.heap.kind(f), Kind::Function(_))
    {
        let cm = vm.heap.alloc(Kind::ClassMethod(f));
        dict.insert(vm.names.init_subclass, cm);
    }
    // A class that defines __eq__ but not __hash__ gets __hash__ = None (unhashable).
    if dict.get(vm.names.eq).is_some() && dict.get(vm.names.hash).is_none() {
        let n = vm.none();
        dict.insert(vm.names.hash, n);
    }
    // Built-in ancestry and __del__.
    let mut base_native = TypeTag::Object;
    for b in &mro {
        if let Some(c) = vm.class(*b)
            && c.base_native != TypeTag::Object
        {
            base_native = c.base_native;
            break;
        }
    }
    let has_del = dict.get(vm.names.del).is_some()
        || mro.iter().any(|b| vm.class(*b).is_some_and(|c| c.has_del));
    vm.any_getattribute |= dict.get(vm.names.getattribute).is_some();
    let mut layout = Layout::default();
    // A class's slots include its bases' (also when its instances have a `__dict__`:
    // `class C(Slotted): pass` keeps Slotted's slots).
    let mut names: Vec<Sym> = vec![];
    let mut all_slotted = true;
    for b in &mro {
        // object and the built-in types that can be subclassed have no `__dict__`.
        let dictless = *b == object
            || vm.class(*b).is_some_and(|c| {
                c.native
                    .is_some_and(|t| super::subclass::SUBCLASSABLE.contains(&t))
            });
        if dictless {
            continue;
        }
        let Some(c) = vm.class(*b) else { continue };
        all_slotted &= !c.has_dict;
        for n in c.slots.iter().flatten() {
            if !names.contains(n) {
                names.push(*n);
            }
        }
    }
    if let Some(decl) = slots_decl {
        let declared = match vm.heap.kind(decl) {
            Kind::Str(s) => vec![s.s.to_string()],
            _ => {
                let items = vm.collect(decl)?;
                let v: Vec<String> = items
                    .iter()
                    .filter_map(|i| vm.as_str(*i).map(|s| s.to_string()))
                    .collect();
                vm.release_all(items);
                v
            }
        };
        let variable = vm.class(best_base(vm, &bases)).and_then(|c| {
            matches!(
                c.base_native,
                TypeTag::Tuple | TypeTag::Int | TypeTag::Bool | TypeTag::Str | TypeTag::Bytes
            )
            .then(|| c.base_native.name())
        });
        if let Some(t) = variable
            && !declared.is_empty()
        {
            release_entries(vm, dict);
            return Err(vm.type_error(format!(
                "nonempty __slots__ not supported for subtype of '{t}'"
            )));
        }
        // CPython sorts the names it declares (its members are in that order).
        let mut declared = declared;
        declared.sort();
        declared.dedup();
        for d in declared {
            if d == "__dict__" {
                layout.wants_dict = true;
                continue;
            }
            if d == "__weakref__" {
                layout.wants_weak = true;
                continue;
            }
            let sym = vm.heap.intern_sym(&d);
            if dict.get(sym).is_some() {
                release_entries(vm, dict);
                return Err(
                    vm.value_error(format!("'{d}' in __slots__ conflicts with class variable"))
                );
            }
            layout.members.push(sym);
            names.push(sym);
        }
    } else {
        all_slotted = false;
    }
    // Every class in the MRO must declare `__slots__` (without `__dict__`) for the
    // instances to have no `__dict__`.
    let class_has_dict = !all_slotted || layout.wants_dict;
    let slots = (!names.is_empty() || !class_has_dict).then_some(names);
    // The `__dict__` and `__weakref__` descriptors that type_new adds: where the base
    // whose layout the instances extend has none, unless `__slots__` leaves them out.
    let base = best_base(vm, &bases);
    let (may_add_dict, may_add_weak) = (!has_dict(vm, base), may_add_weakref(vm, base));
    let (add_dict, add_weak) = match slots_decl {
        // A metaclass: `type`'s instances have their namespace and weak references.
        _ if base_native == TypeTag::Type => (false, false),
        None => (may_add_dict, may_add_weak),
        Some(_) => (layout.wants_dict, layout.wants_weak),
    };
    if add_dict && !may_add_dict {
        release_entries(vm, dict);
        return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
    }
    if add_weak && !may_add_weak {
        release_entries(vm, dict);
        return Err(vm.type_error(
            "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
        ));
    }
    // `__qualname__` is the class's own field, not a name of its namespace.
    if let Some(q) = dict.remove(vm.names.qualname) {
        vm.heap.decref(q);
    }
    // CPython 3.11 gives the instances a managed dict, whose keys the class shares among
    // them, unless the base is variable-sized or an exception (which has its own dict).
    let keys = (class_has_dict
        && !matches!(
            base_native,
            TypeTag::Tuple
                | TypeTag::Int
                | TypeTag::Bool
                | TypeTag::Str
                | TypeTag::Bytes
                | TypeTag::BaseException
                | TypeTag::Type
        ))
    .then(SharedKeys::new_ref);
    let instance_size = vm.class(base).map_or(32, |c| c.instance_size)
        + 8 * layout.members.len() as u32
        + if add_weak { 8 } else { 0 }
        + if add_dict { 16 } else { 0 };
    let class = Class {
        name: name.into(),
        qualname: qualname.into(),
        module: module.into(),
        bases,
        mro,
        base,
        bases_tuple: ObjId::NULL,
        mro_tuple: ObjId::NULL,
        ns: ObjId::NULL,
        native: None,
        base_native,
        slots,
        has_dict: class_has_dict,
        has_del,
        keys,
        instance_size,
        meta: ObjId::NULL,
    };
    let id = vm.heap.alloc(Kind::Class(Box::new(class)));
    if !meta.is_null() && meta != vm.type_obj(TypeTag::Type) {
        vm.heap.incref(meta);
        if let Kind::Class(c) = vm.heap.kind_mut(id) {
            c.meta = meta;
        }
        vm.heap.set_flag(id, crate::heap::flags::SUBCLASS_INSTANCE);
    }
    let bases_obj = if bases_in.is_empty() {
        ObjId::NULL
    } else {
        bases_obj
    };
    install_type_objects(vm, id, bases_obj, dict, &layout.members, add_dict, add_weak);
    if !classcell.is_null() {
        if let Kind::Cell(c) = vm.heap.kind_mut(classcell) {
            let old = std::mem::replace(c, id);
            vm.heap.incref(id);
            vm.heap.xdecref(old);
        }
        vm.heap.decref(classcell);
    }
    // As type_new: the body's objects learn their names, then the bases hear of the
    // new class.
    let r = vm.while_holding(&[id], |vm| {
        set_names(vm, id).and_then(|()| init_subclass(vm, id, kw))
    });
    if let Err(e) = r {
        vm.heap.decref(id);
        return Err(e);
    }
    Ok(id)
}

/// What `__slots__` asks for besides its members.
#[derive(Default)]
struct Layout {
    /// The slots the class declares itself, sorted.
    members: Vec<Sym>,
    wants_dict: bool,
    wants_weak: bool,
}

fn release_entries(vm: &mut Vm, dict: SymMap<ObjId>) {
    for (_, v) in dict.iter() {
        vm.heap.decref(v);
    }
}

/// `tp_base`, as CPython's best_base picks it: the base whose instances are a built-in
/// object other than `object` (`class M(A, list)` extends list), else the first.
fn best_base(vm: &Vm, bases: &[ObjId]) -> ObjId {
    bases
        .iter()
        .copied()
        .find(|b| {
            vm.class(*b)
                .is_some_and(|c| c.base_native != TypeTag::Object)
        })
        .unwrap_or(bases[0])
}

/// Whether the instances of `class` have a `__dict__` (`tp_dictoffset != 0`).
fn has_dict(vm: &Vm, class: ObjId) -> bool {
    match vm.class(class) {
        Some(c) => c.has_dict,
        None => false,
    }
}

/// Whether a subclass of `class` may add `__weakref__`: its instances have none yet and
/// are not variable-sized (tuple, int, str and bytes are).
fn may_add_weakref(vm: &Vm, class: ObjId) -> bool {
    let Some(c) = vm.class(class) else {
        return false;
    };
    let variable = matches!(
        c.base_native,
        TypeTag::Tuple | TypeTag::Int | TypeTag::Bool | TypeTag::Str | TypeTag::Bytes
    );
    !vm.weakrefable_class(class) && !variable
}

impl Vm {
    /// Whether the instances of `class` can be weakly referenced: a class of its MRO has
    /// the `__weakref__` descriptor (type_new adds it unless `__slots__` leaves it out),
    /// or the built-in they are has weak references (set, frozenset).
    pub fn weakrefable_class(&self, class: ObjId) -> bool {
        let Some(c) = self.class(class) else {
            return false;
        };
        matches!(c.base_native, TypeTag::Set | TypeTag::FrozenSet)
            || std::iter::once(class)
                .chain(c.mro.iter().copied())
                .any(|b| {
                    self.class_dict(b)
                    .and_then(|d| d.get(self.names.weakref))
                    .is_some_and(|d| {
                        matches!(self.heap.kind(d), Kind::Descr(d) if d.what == DescrKind::Weakref)
                    })
                })
    }
}

/// Gives a new class the objects CPython's type machinery gives it: the `__bases__` and
/// `__mro__` tuples (the MRO starting with the class: a reference cycle), `tp_base`'s
/// reference, and its namespace `dict` with the slots' member descriptors, the
/// `__dict__` and `__weakref__` getset descriptors and `__doc__`, in type_new's order.
fn install_type_objects(
    vm: &mut Vm,
    id: ObjId,
    bases_obj: ObjId,
    mut dict: SymMap<ObjId>,
    members: &[Sym],
    add_dict: bool,
    add_weak: bool,
) {
    let (bases, mro, base) = match vm.class(id) {
        Some(c) => (c.bases.clone(), c.mro.clone(), c.base),
        None => return,
    };
    let mut mro_items = vec![id];
    mro_items.extend(mro);
    for b in &mro_items {
        vm.heap.incref(*b);
    }
    vm.heap.incref(base);
    let bases_tuple = if bases_obj.is_null() {
        for b in &bases {
            vm.heap.incref(*b);
        }
        vm.new_tuple(bases)
    } else {
        vm.heap.incref(bases_obj);
        bases_obj
    };
    let mro_tuple = vm.new_tuple(mro_items);
    let descr = |vm: &mut Vm, dict: &mut SymMap<ObjId>, name: Sym, what: DescrKind| {
        if dict.get(name).is_some() {
            return;
        }
        vm.heap.incref(id);
        let d = vm.heap.alloc(Kind::Descr(Box::new(Descr {
            owner: id,
            name,
            what,
        })));
        dict.insert(name, d);
    };
    for m in members {
        descr(vm, &mut dict, *m, DescrKind::Member);
    }
    if add_dict {
        descr(vm, &mut dict, vm.names.dict, DescrKind::Dict);
    }
    if add_weak {
        descr(vm, &mut dict, vm.names.weakref, DescrKind::Weakref);
    }
    if dict.get(vm.names.doc).is_none() {
        let none = vm.none();
        dict.insert(vm.names.doc, none);
    }
    let tracked = dict
        .iter()
        .any(|(_, v)| crate::heap::gc::may_be_tracked(&vm.heap, v));
    let ns = vm.heap.alloc(Kind::TypeDict(Box::new(dict)));
    if !tracked {
        vm.heap.untrack(ns);
    }
    if let Kind::Class(c) = vm.heap.kind_mut(id) {
        c.bases_tuple = bases_tuple;
        c.mro_tuple = mro_tuple;
        c.ns = ns;
    }
}

/// `__set_name__(class, name)` on each object of the class's namespace that has one, in
/// the namespace's order (a property keeps the name for its errors).
fn set_names(vm: &mut Vm, class: ObjId) -> PyResult<()> {
    // CPython walks a copy of the namespace: what a __set_name__ removes from the class
    // still gets its call.
    let entries: Vec<(Sym, ObjId)> = match vm.class_dict(class) {
        Some(d) => d.iter().collect(),
        None => return Ok(()),
    };
    let values: Vec<ObjId> = entries.iter().map(|(_, v)| *v).collect();
    for v in &values {
        vm.heap.incref(*v);
    }
    let r = vm.while_holding(&values, |vm| {
        entries
            .iter()
            .try_for_each(|(name, v)| set_name(vm, class, *name, *v))
    });
    for v in values {
        vm.heap.decref(v);
    }
    r
}

fn set_name(vm: &mut Vm, class: ObjId, name: Sym, v: ObjId) -> PyResult<()> {
    if let Kind::Property(p) = vm.heap.kind_mut(v) {
        p.name = Some(name);
        return Ok(());
    }
    let Kind::Instance(inst) = vm.heap.kind(v) else {
        return Ok(());
    };
    let Some(f) = vm.class_lookup(inst.class, vm.names.set_name) else {
        return Ok(());
    };
    let n = vm.heap.sym_name(name).to_string();
    let ns = vm.new_str(&n);
    let r = vm.while_holding(&[ns], |vm| vm.call_found(f, &[v, class, ns]));
    vm.heap.decref(ns);
    match r {
        Ok(r) => {
            vm.heap.decref(r);
            Ok(())
        }
        Err(e) => {
            // CPython 3.11 wraps the error (3.12 no longer does).
            let msg = format!(
                "Error calling __set_name__ on '{}' instance '{n}' in '{}'",
                vm.type_name(v),
                vm.class_name(class)
            );
            let re = vm.runtime_error(msg);
            vm.heap.incref(e.0);
            match vm.exc_data_mut(re.0) {
                Some(d) => {
                    d.cause = e.0;
                    d.context = e.0;
                    d.suppress_context = true;
                }
                None => {
                    vm.heap.decref(e.0);
                    vm.heap.decref(e.0);
                }
            }
            Err(re)
        }
    }
}

/// The `__init_subclass__` that the class's bases define (the first in its MRO after
/// itself), called with the class and the class statement's keywords; `object`'s does
/// nothing but refuse keywords.
fn init_subclass(vm: &mut Vm, class: ObjId, kw: &[(Sym, ObjId)]) -> PyResult<()> {
    let found = vm.class(class).and_then(|c| {
        c.mro.iter().find_map(|b| {
            vm.class_dict(*b)
                .and_then(|d| d.get(vm.names.init_subclass))
        })
    });
    let (f, args) = match found.map(|f| vm.heap.kind(f)) {
        Some(Kind::ClassMethod(f)) => (*f, vec![class]),
        Some(Kind::StaticMethod(f)) => (*f, vec![]),
        _ => return Ok(()),
    };
    // object's own (a built-in) does nothing, but refuses keywords.
    if !matches!(vm.heap.kind(f), Kind::Function(_)) {
        if !kw.is_empty() {
            return Err(no_init_subclass_keywords(vm, class));
        }
        return Ok(());
    }
    let mut all = args;
    all.extend(kw.iter().map(|(_, v)| *v));
    let names: Vec<Sym> = kw.iter().map(|(k, _)| *k).collect();
    for a in &all {
        vm.heap.incref(*a);
    }
    vm.heap.incref(f);
    let r = vm.while_holding(&[f], |vm| vm.call_object(f, all, &names));
    vm.heap.decref(f);
    vm.heap.decref(r?);
    Ok(())
}

/// The C3 linearization of a class with these bases (without the class itself), or the
/// heads of the lists that could not be merged (CPython names them in its error).
fn c3_mro(vm: &Vm, bases: &[ObjId]) -> Result<Vec<ObjId>, Vec<ObjId>> {
    let mut seqs: Vec<Vec<ObjId>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![*b];
            if let Some(c) = vm.class(*b) {
                s.extend(c.mro.iter().copied());
            }
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let Some(head) = seqs
            .iter()
            .map(|s| s[0])
            .find(|h| !seqs.iter().any(|s| s[1..].contains(h)))
        else {
            let mut heads: Vec<ObjId> = vec![];
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            return Err(heads);
        };
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// `type(name, bases, dict)`: a class whose metaclass is the most derived of the bases'
/// (a metaclass with a `__new__` of its own makes it, as type_new hands over to it).
pub fn type_new(vm: &mut Vm, args: &[ObjId]) -> PyResult<ObjId> {
    let type_obj = vm.type_obj(TypeTag::Type);
    let bases: Vec<ObjId> = match vm.heap.kind(args[1]) {
        Kind::Tuple(t) => t.to_vec(),
        _ => vec![],
    };
    let winner = vm.calculate_metaclass(type_obj, &bases)?;
    if winner != type_obj && vm.has_user_new(winner) {
        let mut all = vec![winner];
        all.extend_from_slice(args);
        let new = vm.names.new;
        let Some(f) = vm.getattr_opt(winner, new)? else {
            return Err(vm.type_error("type.__new__(): the metaclass has no __new__"));
        };
        let r = vm.while_holding(&[f], |vm| vm.call(f, &all));
        vm.heap.decref(f);
        return type_call_init(vm, r?, args);
    }
    let mut all = vec![winner];
    all.extend_from_slice(args);
    let made = type_dunder_new(vm, &all, &[])?;
    type_call_init(vm, made, args)
}

/// What type_call does after `type(name, bases, dict)` made a class (owned): its
/// metaclass's `__init__`, when that is Python's.
fn type_call_init(vm: &mut Vm, made: ObjId, args: &[ObjId]) -> PyResult<ObjId> {
    let type_obj = vm.type_obj(TypeTag::Type);
    if !vm.isinstance(made, type_obj) {
        return Ok(made);
    }
    let meta = vm.type_of(made);
    if meta != type_obj
        && let Some(init) = vm.user_class_lookup(meta, vm.names.init)
        && matches!(vm.heap.kind(init), Kind::Function(_))
    {
        let mut all = vec![made];
        all.extend_from_slice(args);
        let r = vm.while_holding(&[made], |vm| vm.call_found(init, &all));
        match r {
            Ok(v) => vm.heap.decref(v),
            Err(e) => {
                vm.heap.decref(made);
                return Err(e);
            }
        }
    }
    Ok(made)
}

/// `type.__new__(metatype, name, bases, dict, **kwds)` (and `type.__new__(type, x)`): a
/// class whose type is `metatype`, or the most derived metaclass of its bases.
pub fn type_dunder_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let type_obj = vm.type_obj(TypeTag::Type);
    let Some(&metatype) = args.first() else {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    };
    if !vm
        .class(metatype)
        .is_some_and(|_| vm.is_subclass(metatype, type_obj))
    {
        let tn = vm.type_name(metatype);
        return Err(vm.type_error(format!("type.__new__(X): X is not a type object ({tn})")));
    }
    if args.len() == 2 && metatype == type_obj && kw.is_empty() {
        let t = vm.type_of(args[1]);
        vm.heap.incref(t);
        return Ok(t);
    }
    if args.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    }
    let name = match vm.as_str(args[1]) {
        Some(s) => s.to_string(),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {tn}")));
        }
    };
    let (bases, bases_obj) = match vm.heap.kind(args[2]) {
        Kind::Tuple(t) => (
            t.to_vec(),
            if t.ext.is_none() {
                args[2]
            } else {
                ObjId::NULL
            },
        ),
        _ => {
            let tn = vm.type_name(args[2]);
            return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {tn}")));
        }
    };
    let pairs: Vec<(ObjId, ObjId)> = match vm.heap.kind(args[3]) {
        Kind::Dict(t) => t.iter().map(|(_, e)| (e.key, e.value)).collect(),
        _ => {
            let tn = vm.type_name(args[3]);
            return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {tn}")));
        }
    };
    let meta = vm.calculate_metaclass(metatype, &bases)?;
    let mut entries = vec![];
    for (k, v) in pairs {
        let ks = vm.as_str(k).unwrap_or("").to_string();
        vm.heap.incref(v);
        entries.push((vm.heap.intern_sym(&ks), v));
    }
    let module = match vm.frames.last() {
        Some(f) => match vm.heap.kind(f.st.globals) {
            Kind::Module(m) => m.name.clone(),
            _ => "__main__".into(),
        },
        None => "__main__".into(),
    };
    // As type_new: `__module__` from the caller's globals when the dict has none, and
    // `__qualname__` from the dict (a class statement puts it there).
    let module_sym = vm.names.module;
    let given = entries
        .iter()
        .find(|(k, _)| *k == module_sym)
        .map(|(_, v)| vm.as_str(*v).map(str::to_string));
    let module = match given {
        Some(Some(m)) => m.into(),
        Some(None) => module,
        None => {
            let m = vm.intern_str(&module);
            entries.push((module_sym, m));
            module
        }
    };
    let qsym = vm.names.qualname;
    let qualname = entries
        .iter()
        .find(|(k, _)| *k == qsym)
        .and_then(|(_, v)| vm.as_str(*v).map(str::to_string))
        .unwrap_or_else(|| name.clone());
    make_class(
        vm, &name, &qualname, &module, &bases, bases_obj, entries, kw, meta,
    )
}

/// `type.__repr__(cls)`: `<class 'module.Name'>` (what a metaclass's `__repr__` reaches
/// through `super()`).
fn type_repr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__repr__", args, kw, 1, 1)?;
    let s = vm.repr_base(args[0])?;
    Ok(vm.new_string(s))
}

/// `type.__prepare__(name, bases, **kwds)`: a new, empty dict.
fn type_prepare(vm: &mut Vm, _args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    Ok(vm.new_dict())
}

/// `type.__init__(cls, ...)`: nothing to do (the class is made), but the arguments are
/// checked as CPython checks them.
fn type_init(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    if args.len() != 2 && args.len() != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(vm.none())
}

/// `type.__call__(cls, *args, **kwargs)`: makes an instance with `cls.__new__` and
/// `__init__` (what `super().__call__(...)` in a metaclass's `__call__` reaches).
fn type_call(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    if !matches!(vm.heap.kind(cls), Kind::Class(_)) {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{tn}'"
        )));
    }
    let mut all: Vec<ObjId> = args[1..].to_vec();
    all.extend(kw.iter().map(|(_, v)| *v));
    for a in &all {
        vm.heap.incref(*a);
    }
    let names: Vec<Sym> = kw.iter().map(|(k, _)| *k).collect();
    vm.instantiate(cls, all, &names)
}

impl Vm {
    /// `_PyType_CalculateMetaclass`: the most derived of `meta` and the types of `bases`
    /// (borrowed), or the TypeError CPython raises when none of them derives from all
    /// the others.
    pub fn calculate_metaclass(&mut self, meta: ObjId, bases: &[ObjId]) -> PyResult<ObjId> {
        let mut winner = meta;
        for b in bases {
            let t = self.type_of(*b);
            if self.is_subclass(winner, t) {
                continue;
            }
            if self.is_subclass(t, winner) {
                winner = t;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `name` as a Python class of `class`'s MRO defines it, before the built-in types
    /// (`type`, `object`) that end it (borrowed).
    pub fn user_class_lookup(&self, class: ObjId, name: Sym) -> Option<ObjId> {
        let c = self.class(class)?;
        std::iter::once(class)
            .chain(c.mro.iter().copied())
            .take_while(|b| self.class(*b).is_some_and(|c| c.native.is_none()))
            .find_map(|b| self.class_dict(b).and_then(|d| d.get(name)))
    }
}

/// `super()` and `super(type, obj)`.
pub fn super_new(vm: &mut Vm, args: &[ObjId]) -> PyResult<ObjId> {
    let (ty, obj) = match args {
        [t, o] => (*t, *o),
        [] => {
            let Some(f) = vm.frames.last() else {
                return Err(vm.runtime_error("super(): no arguments"));
            };
            let code = f.st.rt.code.clone();
            if code.argcount == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut obj = f.st.slots[0];
            // A parameter captured by a closure lives in its cell.
            if let Some(ci) = code.cell2arg.iter().position(|a| *a == Some(0)) {
                let cell = f.st.slots[code.varnames.len() + ci];
                if let Kind::Cell(v) = vm.heap.kind(cell) {
                    obj = *v;
                }
            }
            let Some(fi) = code.freevars.iter().position(|n| &**n == "__class__") else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let cell = f.st.slots[code.varnames.len() + code.cellvars.len() + fi];
            let ty = match vm.heap.kind(cell) {
                Kind::Cell(v) if !v.is_null() => *v,
                _ => return Err(vm.runtime_error("super(): empty __class__ cell")),
            };
            if obj.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            (ty, obj)
        }
        _ => return Err(vm.type_error("super() takes 0 or 2 arguments")),
    };
    // CPython's supercheck: the second argument is an instance of the first, or a
    // subclass of it. A comprehension's `super()` finds its iterator there.
    if vm.class(ty).is_none() {
        let name = vm.type_name(ty);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {name}")));
    }
    let fits =
        (vm.class(obj).is_some() && vm.is_subclass(obj, ty)) || vm.is_subclass(vm.type_of(obj), ty);
    if !fits {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    vm.heap.incref(ty);
    vm.heap.incref(obj);
    Ok(vm.heap.alloc(Kind::Super(Box::new([ty, obj]))))
}

impl Vm {
    /// Attribute lookup through `super(ty, obj)`: the MRO of obj's type after `ty`.
    pub fn super_getattr(&mut self, ty: ObjId, obj: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
        let start_class =
            if matches!(self.heap.kind(obj), Kind::Class(_)) && self.is_subclass(obj, ty) {
                obj
            } else {
                self.type_of(obj)
            };
        let mut chain = vec![start_class];
        if let Some(c) = self.class(start_class) {
            chain.extend(c.mro.iter().copied());
        }
        let Some(pos) = chain.iter().position(|c| *c == ty) else {
            return Ok(None);
        };
        for c in &chain[pos + 1..] {
            let found = self.class_dict(*c).and_then(|d| d.get(name));
            if let Some(v) = found {
                // `super()` in a class method looks up the class's own MRO, where
                // nothing binds to the class; in a metaclass's method, the class is an
                // instance as any other.
                let is_class = start_class == obj;
                return Ok(Some(match self.heap.kind(v) {
                    Kind::Function(_) if !is_class => {
                        self.heap.incref(v);
                        self.heap.incref(obj);
                        self.heap.alloc(Kind::Method(Box::new([v, obj])))
                    }
                    Kind::Builtin(b) if b.self_.is_null() && b.owner.is_some() && !is_class => {
                        let nb = crate::heap::kinds::BuiltinFn {
                            f: b.f,
                            name: b.name,
                            owner: b.owner,
                            self_: obj,
                            module: b.module,
                        };
                        self.heap.incref(obj);
                        self.heap.alloc(Kind::Builtin(Box::new(nb)))
                    }
                    Kind::ClassMethod(f) => {
                        let f = *f;
                        self.heap.incref(f);
                        self.heap.incref(start_class);
                        self.heap.alloc(Kind::Method(Box::new([f, start_class])))
                    }
                    Kind::StaticMethod(f) => {
                        let f = *f;
                        self.heap.incref(f);
                        f
                    }
                    Kind::Property(p) if !is_class => {
                        let (g, p) = (p.fns[0], **p);
                        if g.is_null() {
                            return Err(self.property_error(&p, obj, "getter"));
                        }
                        return self.call(g, &[obj]).map(Some);
                    }
                    _ => {
                        self.heap.incref(v);
                        v
                    }
                }));
            }
        }
        Ok(None)
    }
}

fn type_mro(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "mro", args, kw, 1, 1)?;
    let class = args[0];
    let mut m = vec![class];
    if let Some(c) = vm.class(class) {
        m.extend(c.mro.iter().copied());
    }
    for x in &m {
        vm.heap.incref(*x);
    }
    Ok(vm.new_list(m))
}

/// `cls.__subclasses__()`: the live classes that name it among their bases, oldest first
/// (CPython keeps them in the order they were made).
fn type_subclasses(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__subclasses__", args, kw, 1, 1)?;
    let class = args[0];
    let mut subs: Vec<(u64, ObjId)> = vm
        .heap
        .live_ids()
        .filter(|id| matches!(vm.heap.kind(*id), Kind::Class(c) if c.bases.contains(&class)))
        .map(|id| (vm.heap.get(id).serial as u64, id))
        .collect();
    subs.sort_unstable();
    let items: Vec<ObjId> = subs.into_iter().map(|(_, id)| id).collect();
    for x in &items {
        vm.heap.incref(*x);
    }
    Ok(vm.new_list(items))
}

/// `prop.setter(f)` and friends: a copy of the property with one accessor replaced.
fn property_with(vm: &mut Vm, args: &[ObjId], kw: Kw, which: usize, name: &str) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 2)?;
    let mut p = match vm.heap.kind(args[0]) {
        Kind::Property(p) => **p,
        _ => return Err(vm.type_error("expected a property")),
    };
    p.fns[which] = if args[1] == vm.none {
        ObjId::NULL
    } else {
        args[1]
    };
    for x in p.fns {
        if !x.is_null() {
            vm.heap.incref(x);
        }
    }
    Ok(vm.heap.alloc(Kind::Property(Box::new(p))))
}

/// `property.__set_name__(owner, name)`: the name its errors give (the class statement
/// calls it for a property in the class's body).
fn property_set_name(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__set_name__", args, kw, 3, 3)?;
    let Some(name) = vm.as_str(args[2]).map(|s| s.to_string()) else {
        return Ok(vm.none());
    };
    let sym = vm.heap.intern_sym(&name);
    if let Kind::Property(p) = vm.heap.kind_mut(args[0]) {
        p.name = Some(sym);
    }
    Ok(vm.none())
}

fn property_getter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    property_with(vm, args, kw, 0, "getter")
}
fn property_setter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    property_with(vm, args, kw, 1, "setter")
}
fn property_deleter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    property_with(vm, args, kw, 2, "deleter")
}

/// `object.__init_subclass__()`: takes no arguments and does nothing.
/// What `object.__init_subclass__` says to keywords, named by the class it is bound to.
fn no_init_subclass_keywords(vm: &mut Vm, class: ObjId) -> crate::vm::Exc {
    let n = match vm.heap.kind(class) {
        Kind::Class(c) => c.name.clone(),
        _ => "object".into(),
    };
    vm.type_error(format!(
        "{n}.__init_subclass__() takes no keyword arguments"
    ))
}

fn object_init_subclass(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if !kw.is_empty() {
        let cls = args.first().copied().unwrap_or(ObjId::NULL);
        let cls = if cls.is_null() {
            vm.type_obj(TypeTag::Object)
        } else {
            cls
        };
        return Err(no_init_subclass_keywords(vm, cls));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "object.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(vm.none())
}

/// `object.__new__(cls)`.
fn object_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if !matches!(vm.heap.kind(cls), Kind::Class(_)) {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({tn})")));
    }
    let base = vm
        .class(cls)
        .map(|c| c.base_native)
        .unwrap_or(TypeTag::Object);
    if base == TypeTag::BaseException {
        let rest: Vec<ObjId> = args[1..].to_vec();
        for a in &rest {
            vm.heap.incref(*a);
        }
        return Ok(vm.new_exception_args(cls, rest));
    }
    if let Some(base) = vm.builtin_base(cls) {
        return vm.new_subclass_instance(cls, base);
    }
    if base != TypeTag::Object {
        return Err(vm.unsupported_subclass(cls));
    }
    // As CPython's object_new: arguments are an error when the class defines `__new__`
    // (which passed them on), or defines no `__init__` that could take them.
    if args.len() > 1 || !kw.is_empty() {
        if vm.has_user_new(cls) {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !vm.has_user_init(cls) {
            let n = vm.class_name(cls);
            return Err(vm.type_error(format!("{n}() takes no arguments")));
        }
    }
    vm.check_not_abstract(cls)?;
    vm.new_instance(cls)
}
