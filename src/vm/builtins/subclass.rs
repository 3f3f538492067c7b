//! Instances of Python subclasses of list, tuple, dict, set and frozenset
//! (`class Stack(list)`).
//!
//! Such an instance is the built-in object itself, carrying the class and the attributes
//! of an instance (`Kind::ext`): every built-in operation works on it as on the built-in
//! (its items are its own references, as in CPython), and a special method the class
//! defines in Python takes the place of the built-in's, as CPython's slot functions
//! (`slot_sq_length`, `slot_mp_subscript`...) make it. The built-in's own special methods
//! (`list.__init__`, `dict.__setitem__`, `list.__repr__`...) are attributes of the type,
//! so `super().__setitem__(k, v)` reaches them.

use super::{Kw, check_args};
use crate::compiler::code::CmpOp;
use crate::heap::kinds::{
    FloatSubObj, Instance, IntSubObj, ListObj, NativeFn, StrObj, TupleObj, TypeTag,
};
use crate::heap::table::{Table, TableKind};
use crate::heap::{Kind, ObjId, Sym, flags};
use crate::vm::{PyResult, Vm};

/// The built-in types a Python class may derive from.
pub const SUBCLASSABLE: [TypeTag; 8] = [
    TypeTag::Int,
    TypeTag::Float,
    TypeTag::Str,
    TypeTag::List,
    TypeTag::Tuple,
    TypeTag::Dict,
    TypeTag::Set,
    TypeTag::FrozenSet,
];

/// Whether the built-in type `tag` has the special method `name` as a slot of its own
/// (of those refscope's operations look up on a subclass's instance).
fn native_slot(tag: TypeTag, name: &str) -> bool {
    let slots: &[&str] = match tag {
        TypeTag::Int | TypeTag::Float => &["__bool__", "__format__", "__hash__", "__repr__"],
        TypeTag::Str => &[
            "__contains__",
            "__format__",
            "__getitem__",
            "__hash__",
            "__iter__",
            "__len__",
            "__repr__",
            "__str__",
        ],
        TypeTag::List | TypeTag::Dict => &[
            "__contains__",
            "__delitem__",
            "__getitem__",
            "__hash__",
            "__iter__",
            "__len__",
            "__repr__",
            "__setitem__",
        ],
        TypeTag::Tuple => &[
            "__contains__",
            "__getitem__",
            "__hash__",
            "__iter__",
            "__len__",
            "__repr__",
        ],
        TypeTag::Set | TypeTag::FrozenSet => &[
            "__contains__",
            "__hash__",
            "__iter__",
            "__len__",
            "__repr__",
        ],
        TypeTag::Type => &["__repr__", "__hash__"],
        // `object`'s own: what a class may leave to it.
        _ => &["__hash__", "__repr__", "__str__", "__format__"],
    };
    slots.contains(&name)
}

impl Vm {
    /// The built-in type whose objects the instances of a Python class are (one of
    /// [`SUBCLASSABLE`]), if it derives from one.
    pub fn builtin_base(&self, class: ObjId) -> Option<TypeTag> {
        let c = self.class(class)?;
        (c.native.is_none() && SUBCLASSABLE.contains(&c.base_native)).then_some(c.base_native)
    }

    /// A new, empty instance of a Python subclass of `base` (owned).
    pub fn new_subclass_instance(&mut self, class: ObjId, base: TypeTag) -> PyResult<ObjId> {
        let ext = Some(Box::new(self.empty_instance(class)));
        let table = |kind, ext| {
            let mut t = Table::new(kind);
            t.ext = ext;
            Box::new(t)
        };
        let kind = match base {
            TypeTag::List => Kind::List(Box::new(ListObj {
                ext,
                ..ListObj::default()
            })),
            TypeTag::Tuple => Kind::Tuple(Box::new(TupleObj { items: vec![], ext })),
            TypeTag::Str => {
                let mut s = StrObj::new("".into());
                s.ext = ext;
                Kind::Str(Box::new(s))
            }
            TypeTag::Int => match ext {
                Some(ext) => Kind::IntSub(Box::new(IntSubObj {
                    value: crate::vm::num::Int::Small(0),
                    ext: *ext,
                })),
                None => Kind::Int(0),
            },
            TypeTag::Float => match ext {
                Some(ext) => Kind::FloatSub(Box::new(FloatSubObj {
                    value: 0.0,
                    ext: *ext,
                })),
                None => Kind::Float(0.0),
            },
            TypeTag::Dict => Kind::Dict(table(TableKind::Dict, ext)),
            TypeTag::Set => Kind::Set(table(TableKind::Set, ext)),
            _ => Kind::FrozenSet(table(TableKind::Set, ext)),
        };
        self.alloc_subclass_instance(kind)
    }

    /// Allocates an instance of a Python subclass of a built-in type (flagged so, sized
    /// for its class), or a MemoryError past `--max-heap`.
    fn alloc_subclass_instance(&mut self, kind: Kind) -> PyResult<ObjId> {
        let id = self.heap.alloc(kind);
        self.heap.set_flag(id, flags::SUBCLASS_INSTANCE);
        self.heap.resize(id);
        if let Err(e) = self.check_heap_limit() {
            self.heap.decref(id);
            return Err(e);
        }
        Ok(id)
    }

    /// A new instance of a Python subclass of `base`, as the built-in's `__new__` makes
    /// it: a tuple's or a frozenset's items come with it (from its one positional
    /// argument); a list, dict or set stays empty until `__init__`.
    pub fn builtin_new(
        &mut self,
        class: ObjId,
        base: TypeTag,
        pos: &[ObjId],
        kw: Kw,
    ) -> PyResult<ObjId> {
        if base == TypeTag::Str {
            return self.str_subclass_new(class, pos, kw);
        }
        if base == TypeTag::Int {
            return self.int_subclass_new(class, pos, kw);
        }
        if base == TypeTag::Float {
            return self.float_subclass_new(class, pos, kw);
        }
        let inst = self.new_subclass_instance(class, base)?;
        if !matches!(base, TypeTag::Tuple | TypeTag::FrozenSet) {
            return Ok(inst);
        }
        let name = base.name();
        let r = if !kw.is_empty() {
            Err(self.type_error(format!("{name}() takes no keyword arguments")))
        } else {
            check_args(self, name, pos, kw, 0, 1).and_then(|()| match pos.first() {
                Some(src) => self.while_holding(&[inst], |vm| vm.fill_immutable(inst, *src)),
                None => Ok(()),
            })
        };
        match r {
            Ok(()) => Ok(inst),
            Err(e) => {
                self.heap.decref(inst);
                Err(e)
            }
        }
    }

    /// `str.__new__(cls, object='', encoding, errors)` for a Python subclass of str: the
    /// text `str()` makes of the arguments, in an instance of `cls`.
    fn str_subclass_new(&mut self, class: ObjId, pos: &[ObjId], kw: Kw) -> PyResult<ObjId> {
        let str_type = self.type_obj(TypeTag::Str);
        let plain = super::construct(self, TypeTag::Str, str_type, pos, kw)?;
        let text: Box<str> = self.as_str(plain).unwrap_or("").into();
        self.heap.decref(plain);
        let mut s = StrObj::new(text);
        s.ext = Some(Box::new(self.empty_instance(class)));
        self.alloc_subclass_instance(Kind::Str(Box::new(s)))
    }

    /// `float.__new__(cls, x=0.0)` for a Python subclass of float: the value `float()`
    /// makes of the argument, in an instance of `cls`.
    fn float_subclass_new(&mut self, class: ObjId, pos: &[ObjId], kw: Kw) -> PyResult<ObjId> {
        let float_type = self.type_obj(TypeTag::Float);
        let plain = super::construct(self, TypeTag::Float, float_type, pos, kw)?;
        let value = self.float_of(plain).unwrap_or(0.0);
        self.heap.decref(plain);
        let ext = self.empty_instance(class);
        self.alloc_subclass_instance(Kind::FloatSub(Box::new(FloatSubObj { value, ext })))
    }

    /// `int.__new__(cls, x=0, base=10)` for a Python subclass of int: the value `int()`
    /// makes of the arguments, in an instance of `cls`.
    fn int_subclass_new(&mut self, class: ObjId, pos: &[ObjId], kw: Kw) -> PyResult<ObjId> {
        let plain = super::strings::int_new(self, pos, kw)?;
        let value = self.int_of(plain).unwrap_or(crate::vm::num::Int::Small(0));
        self.heap.decref(plain);
        let ext = self.empty_instance(class);
        self.alloc_subclass_instance(Kind::IntSub(Box::new(IntSubObj { value, ext })))
    }

    /// Puts the items of `src` into a new instance of a subclass of tuple or frozenset.
    fn fill_immutable(&mut self, inst: ObjId, src: ObjId) -> PyResult<()> {
        if !matches!(self.heap.kind(inst), Kind::Tuple(_)) {
            return self.set_update(inst, src);
        }
        let items = self.collect_sequence(src)?;
        if let Kind::Tuple(t) = self.heap.kind_mut(inst) {
            t.items = items;
        }
        self.heap.resize(inst);
        Ok(())
    }

    /// The instance part of `obj`: a Python class's instance, or the class and attributes
    /// of an instance of a subclass of a built-in type ([`Kind::ext`]), found without
    /// following the box of a built-in object that is not a subclass's instance.
    #[inline(always)]
    pub fn instance_of(&self, obj: ObjId) -> Option<&Instance> {
        match self.heap.kind(obj) {
            Kind::Instance(inst) => Some(inst),
            k if self.is_subclass_instance(obj) => k.ext(),
            _ => None,
        }
    }

    /// Whether `v` is an instance of a Python subclass of a built-in type.
    #[inline(always)]
    pub fn is_subclass_instance(&self, v: ObjId) -> bool {
        self.heap.get(v).flags & flags::SUBCLASS_INSTANCE != 0
    }

    /// For an instance of a Python subclass of a built-in type: the special method `name`
    /// as its class defines it in Python, which takes the place of the built-in's.
    #[inline]
    pub fn sub_special(&self, obj: ObjId, name: Sym) -> Option<ObjId> {
        if !self.is_subclass_instance(obj) {
            return None;
        }
        let class = match self.heap.kind(obj) {
            Kind::Class(c) => c.meta,
            k => k.ext()?.class,
        };
        // The MRO, where the built-in type's own slot hides what comes after it (a
        // mixin's `__hash__` in `class Color(str, Enum)`), as in CPython; a special
        // method the built-in lacks (`int` has no `__contains__`) is looked up further.
        let c = self.class(class)?;
        for b in std::iter::once(class).chain(c.mro.iter().copied()) {
            let bc = self.class(b)?;
            if let Some(tag) = bc.native {
                if native_slot(tag, &self.heap.sym_name(name)) {
                    return None;
                }
                continue;
            }
            if let Some(f) = self.class_dict(b).and_then(|d| d.get(name)) {
                return Some(f);
            }
        }
        None
    }

    /// Calls `obj.name(*args)` when the class of an instance of a subclass of a built-in
    /// type defines that special method in Python; `None` otherwise.
    #[inline(always)]
    pub fn call_sub_special(
        &mut self,
        obj: ObjId,
        name: Sym,
        args: &[ObjId],
    ) -> PyResult<Option<ObjId>> {
        if !self.is_subclass_instance(obj) {
            return Ok(None);
        }
        self.call_sub_special_slow(obj, name, args)
    }

    #[inline(never)]
    fn call_sub_special_slow(
        &mut self,
        obj: ObjId,
        name: Sym,
        args: &[ObjId],
    ) -> PyResult<Option<ObjId>> {
        let Some(f) = self.sub_special(obj, name) else {
            return Ok(None);
        };
        let mut all = vec![obj];
        all.extend_from_slice(args);
        self.call_found(f, &all).map(Some)
    }

    /// What the built-in's `__init__` does to a new (or existing) object: `list.__init__`
    /// empties the list and extends it, `dict.__init__` updates, `set.__init__` empties
    /// and updates; `frozenset`'s contents came with `__new__`.
    pub fn init_builtin(
        &mut self,
        tag: TypeTag,
        obj: ObjId,
        args: &[ObjId],
        kw: Kw,
    ) -> PyResult<()> {
        match tag {
            TypeTag::List => {
                check_args(self, "list", args, kw, 0, 1)?;
                let old: Vec<ObjId> = match self.heap.kind_mut(obj) {
                    Kind::List(l) => l.items.drain(..).collect(),
                    _ => vec![],
                };
                self.release_all(old);
                self.list_shrunk(obj);
                match args.first() {
                    Some(it) => self.list_extend(obj, *it),
                    None => Ok(()),
                }
            }
            TypeTag::Dict => {
                if args.len() > 1 {
                    return Err(self.type_error(format!(
                        "dict expected at most 1 argument, got {}",
                        args.len()
                    )));
                }
                if let Some(src) = args.first() {
                    super::dicts::dict_update_any(self, obj, *src)?;
                }
                for (k, v) in kw {
                    let ks = self.heap.sym_name(*k);
                    let key = self.intern_str(&ks);
                    let r = self.dict_set(obj, key, *v);
                    self.heap.decref(key);
                    r?;
                }
                Ok(())
            }
            TypeTag::Set => {
                check_args(self, "set", args, kw, 0, 1)?;
                super::funcs::set_clear_all(self, obj);
                match args.first() {
                    Some(it) => self.set_update(obj, *it),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }
}

pub fn install(vm: &mut Vm) {
    for tag in SUBCLASSABLE {
        let repr: NativeFn = if tag == TypeTag::Int {
            int_repr
        } else {
            dunder_repr
        };
        let methods: &[(&str, NativeFn)] = &[
            ("__repr__", repr),
            ("__init__", dunder_init),
            ("__eq__", dunder_eq),
            ("__ne__", dunder_ne),
        ];
        super::add_methods(vm, tag, methods);
    }
    // The other built-in types with a repr of their own (CPython's tp_repr), so that
    // `float.__repr__(x)` is x's repr, not object's, and a library that picks a printer by
    // the type's `__repr__` (pprint) finds theirs.
    for tag in [
        TypeTag::Bool,
        TypeTag::Complex,
        TypeTag::Bytes,
        TypeTag::ByteArray,
        TypeTag::Range,
        TypeTag::Slice,
        TypeTag::NoneType,
        TypeTag::NotImplementedType,
        TypeTag::Ellipsis,
        TypeTag::MappingProxy,
        TypeTag::DictKeys,
        TypeTag::DictValues,
        TypeTag::DictItems,
    ] {
        super::add_methods(vm, tag, &[("__repr__", dunder_repr)]);
    }
    let news: [(TypeTag, NativeFn); 8] = [
        (TypeTag::Int, |vm, a, kw| {
            dunder_new(vm, TypeTag::Int, a, kw)
        }),
        (TypeTag::Float, |vm, a, kw| {
            dunder_new(vm, TypeTag::Float, a, kw)
        }),
        (TypeTag::Str, |vm, a, kw| {
            dunder_new(vm, TypeTag::Str, a, kw)
        }),
        (TypeTag::List, |vm, a, kw| {
            dunder_new(vm, TypeTag::List, a, kw)
        }),
        (TypeTag::Tuple, |vm, a, kw| {
            dunder_new(vm, TypeTag::Tuple, a, kw)
        }),
        (TypeTag::Dict, |vm, a, kw| {
            dunder_new(vm, TypeTag::Dict, a, kw)
        }),
        (TypeTag::Set, |vm, a, kw| {
            dunder_new(vm, TypeTag::Set, a, kw)
        }),
        (TypeTag::FrozenSet, |vm, a, kw| {
            dunder_new(vm, TypeTag::FrozenSet, a, kw)
        }),
    ];
    for (tag, f) in news {
        super::add_wrapped_builtin(vm, tag, "__new__", f, None, Kind::StaticMethod);
    }
    // `list[int]`, and `Stack[int]` for a subclass: a types.GenericAlias.
    for tag in [
        TypeTag::List,
        TypeTag::Dict,
        TypeTag::Tuple,
        TypeTag::Set,
        TypeTag::FrozenSet,
    ] {
        super::add_wrapped_builtin(
            vm,
            tag,
            "__class_getitem__",
            class_getitem,
            None,
            Kind::ClassMethod,
        );
    }
    // str's own `__str__`, `__hash__` and `__format__`, which a subclass's MRO reaches
    // before a mixin's (and which enum compares against to pick its own).
    super::add_methods(
        vm,
        TypeTag::Str,
        &[
            ("__str__", str_dunder_str),
            ("__hash__", str_dunder_hash),
            ("__format__", str_dunder_format),
        ],
    );
    super::add_methods(
        vm,
        TypeTag::Int,
        &[
            ("__hash__", int_dunder_hash),
            ("__format__", int_dunder_format),
            ("__index__", int_dunder_int),
            ("__int__", int_dunder_int),
        ],
    );
    for tag in [TypeTag::List, TypeTag::Dict] {
        super::add_methods(
            vm,
            tag,
            &[
                ("__setitem__", dunder_setitem),
                ("__delitem__", dunder_delitem),
            ],
        );
    }
}

/// `list.__init__(self, iterable)` and the others: see [`Vm::init_builtin`].
fn dunder_init(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    // The built-in type the object is (for a subclass's instance, its built-in base).
    let tag = crate::vm::objects::kind_tag(vm.heap.kind(args[0]));
    vm.init_builtin(tag, args[0], &args[1..], kw)?;
    Ok(vm.none())
}

/// `int.__hash__(self)`: the hash of the value.
fn int_dunder_hash(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__hash__", args, kw, 1, 1)?;
    let h = vm.int_of(args[0]).map_or(0, |i| i.hash());
    Ok(vm.new_int(h))
}

/// `int.__int__(self)` and `int.__index__(self)`: the value as an exact int.
fn int_dunder_int(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__int__", args, kw, 1, 1)?;
    // An exact int is itself; a bool or a subclass's instance gives its value as an int.
    if matches!(vm.heap.kind(args[0]), Kind::Int(_) | Kind::BigInt(_)) {
        vm.heap.incref(args[0]);
        return Ok(args[0]);
    }
    let i = vm.int_of(args[0]).unwrap_or(crate::vm::num::Int::Small(0));
    Ok(vm.new_int_from(i))
}

/// `int.__format__(self, spec)`: the value formatted as an int.
fn int_dunder_format(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__format__", args, kw, 2, 2)?;
    if vm.as_str(args[1]).is_none() {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    }
    // An empty spec is `str(self)` (a subclass's `__repr__` shows).
    if vm.as_str(args[1]).is_some_and(str::is_empty) {
        let s = vm.str_of(args[0])?;
        return Ok(vm.new_string(s));
    }
    let i = vm.int_of(args[0]).unwrap_or(crate::vm::num::Int::Small(0));
    let plain = vm.new_int_from(i);
    let r = vm.while_holding(&[plain], |vm| vm.format_value(plain, 0, args[1]));
    vm.heap.decref(plain);
    r
}

/// `str.__str__(self)`: the text as an exact str.
fn str_dunder_str(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__str__", args, kw, 1, 1)?;
    if !vm.is_subclass_instance(args[0]) {
        vm.heap.incref(args[0]);
        return Ok(args[0]);
    }
    let s = vm.as_str(args[0]).unwrap_or("").to_string();
    Ok(vm.new_string(s))
}

/// `str.__hash__(self)`: the hash of the text.
fn str_dunder_hash(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__hash__", args, kw, 1, 1)?;
    let h = crate::vm::ops::str_hash(vm.as_str(args[0]).unwrap_or("").as_bytes());
    Ok(vm.new_int(h))
}

/// `str.__format__(self, spec)`: the text formatted as a str.
fn str_dunder_format(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__format__", args, kw, 2, 2)?;
    let Some(spec) = vm.as_str(args[1]).map(str::to_string) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    let s = vm.as_str(args[0]).unwrap_or("").to_string();
    let out = crate::vm::text::format(crate::vm::text::Formattable::Str(&s), &spec);
    match out {
        Ok(t) => Ok(vm.new_string(t)),
        Err(_) => Err(vm.value_error(format!(
            "Invalid format specifier '{spec}' for object of type 'str'"
        ))),
    }
}

/// The built-in's `__repr__`, whatever the subclass defines (`list.__repr__(self)`).
fn dunder_repr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__repr__", args, kw, 1, 1)?;
    let s = vm.repr_base(args[0])?;
    Ok(vm.new_str(&s))
}

/// `__class_getitem__(cls, item)` of the built-in containers: `types.GenericAlias(cls, item)`.
pub(crate) fn class_getitem(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__class_getitem__", args, kw, 2, 2)?;
    vm.types_call("GenericAlias", args)
}

/// `int.__repr__`: the digits of an int, a bool's too (`int.__repr__(True)` is `'1'`).
fn int_repr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__repr__", args, kw, 1, 1)?;
    match vm.heap.kind(args[0]) {
        Kind::Bool(b) => Ok(vm.new_str(if *b { "1" } else { "0" })),
        _ => dunder_repr(vm, args, kw),
    }
}

/// The built-in's `__setitem__` (`super().__setitem__(key, value)`).
fn dunder_setitem(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__setitem__", args, kw, 3, 3)?;
    vm.setitem_base(args[0], args[1], args[2])?;
    Ok(vm.none())
}

/// The built-in's `__delitem__`.
fn dunder_delitem(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__delitem__", args, kw, 2, 2)?;
    vm.delitem_base(args[0], args[1])?;
    Ok(vm.none())
}

/// The built-in's `__eq__` (`dict.__eq__(self, other)`): NotImplemented for an object of
/// another type.
fn dunder_eq(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__eq__", args, kw, 2, 2)?;
    builtin_compare(vm, args[0], args[1], CmpOp::Eq)
}

/// The built-in's `__ne__`.
fn dunder_ne(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__ne__", args, kw, 2, 2)?;
    builtin_compare(vm, args[0], args[1], CmpOp::Ne)
}

/// A built-in type's comparison method (`int.__lt__(self, other)`): the values compared
/// natively, or NotImplemented for an operand the type does not compare with (an int's
/// with a float: float's reflected method does that one).
pub(super) fn builtin_compare(vm: &mut Vm, a: ObjId, b: ObjId, op: CmpOp) -> PyResult<ObjId> {
    let r = match vm.num_of(a) {
        Some(x) => vm
            .num_of(b)
            .filter(|y| super::slots::number_takes(&x, y))
            .map(|y| crate::vm::numops::num_compare(&x, &y, op)),
        None => super::native_compare(vm, a, b, op)?,
    };
    Ok(match r {
        Some(r) => vm.new_bool(r),
        None => super::slots::not_implemented(vm),
    })
}

/// `tuple.__new__(cls, iterable=())` and the others' (`super().__new__(cls, ...)` in a
/// subclass's `__new__`): an instance of `cls`, the built-in `tag` or a subclass of it.
fn dunder_new(vm: &mut Vm, tag: TypeTag, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let t = tag.name();
    let Some(&cls) = args.first() else {
        return Err(vm.type_error(format!("{t}.__new__(): not enough arguments")));
    };
    let Some(native) = vm.class(cls).map(|c| c.native) else {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!("{t}.__new__(X): X is not a type object ({tn})")));
    };
    if native.is_none() && vm.builtin_base(cls) == Some(tag) {
        return vm.builtin_new(cls, tag, &args[1..], kw);
    }
    if native != Some(tag) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("{t}.__new__({n}): {n} is not a subtype of {t}")));
    }
    // The built-in itself: an int, str, tuple or frozenset from the arguments (immutable,
    // `__new__` makes the value), an empty list, dict or set (its `__init__` fills it).
    let (pos, kw) = if matches!(
        tag,
        TypeTag::Int | TypeTag::Float | TypeTag::Str | TypeTag::Tuple | TypeTag::FrozenSet
    ) {
        (&args[1..], kw)
    } else {
        (&[][..], &[][..])
    };
    super::construct(vm, tag, cls, pos, kw)
}
