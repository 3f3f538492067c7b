//! The arithmetic special methods of the built-in types as attributes: `int.__add__`,
//! `list.__iadd__`, `dict.__or__`, `float.__neg__`. The operators do not go through them
//! (the evaluator does a built-in's arithmetic natively); they are what
//! `super().__add__(other)` in `class Money(int)` or `class Stack(list)` calls, and what
//! `int.__add__(2, 3)` shows: the built-in's own operation on the values, whatever the
//! subclass defines, and `NotImplemented` for an operand it does not take (`int.__add__`
//! of a float), as CPython's slot wrappers give.

use super::{Kw, check_args};
use crate::compiler::code::{BinOp, CmpOp, Instr};
use crate::heap::kinds::TypeTag;
use crate::heap::{Kind, ObjId};
use crate::vm::ops::Num;
use crate::vm::{PyResult, Vm};

/// `type.name(self, other)` for a binary operator: `op` with `self` on the left, or on
/// the right when `reflected` (`__radd__`), in place when `inplace` (`__iadd__`).
fn binary(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    (name, op, reflected, inplace): (&str, BinOp, bool, bool),
) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 2)?;
    let (me, other) = (args[0], args[1]);
    if let Some(x) = vm.num_of(me) {
        let Some(y) = vm.num_of(other).filter(|y| number_takes(&x, y)) else {
            return Ok(not_implemented(vm));
        };
        let (l, r, objs) = if reflected {
            (y, x, (other, me))
        } else {
            (x, y, (me, other))
        };
        return vm.numeric_op(l, r, op, objs);
    }
    let (a, b) = if reflected { (other, me) } else { (me, other) };
    // A complex number's: the operator itself (complex has no subclasses here, so it
    // cannot come back to a Python method).
    if matches!(vm.heap.kind(me), Kind::Complex(_)) {
        let takes = vm.num_of(other).is_some() || matches!(vm.heap.kind(other), Kind::Complex(_));
        if !takes {
            return Ok(not_implemented(vm));
        }
        return vm.binary_op(a, b, op, false);
    }
    if let Some(v) = super::seq_binop(vm, a, b, op, inplace)? {
        return Ok(v);
    }
    // A sequence's concatenation and repeat are not number methods: an operand they do
    // not take is a TypeError, not NotImplemented.
    let seq = match vm.heap.kind(me) {
        Kind::Str(_) => "str",
        Kind::List(_) => "list",
        Kind::Tuple(_) => "tuple",
        Kind::Bytes(_) => "bytes",
        _ => return Ok(not_implemented(vm)),
    };
    let tn = vm.type_name(other);
    Err(vm.type_error(match (op, seq) {
        (BinOp::Add, "bytes") => format!("can't concat {tn} to bytes"),
        (BinOp::Add, _) => format!("can only concatenate {seq} (not \"{tn}\") to {seq}"),
        // (The wrapper converts the count as `__index__` does.)
        _ => format!("'{tn}' object cannot be interpreted as an integer"),
    }))
}

/// `type.name(self)` for a unary operator on a number (`__neg__`, `__pos__`,
/// `__invert__`, `__abs__`: `instr` None): the value's, as an exact int or float.
fn unary(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, instr: Option<Instr>) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    let Some(n) = vm.num_of(args[0]) else {
        if let Kind::Complex(c) = vm.heap.kind(args[0]) {
            let c = **c;
            return match instr {
                Some(instr) => vm.unary_op(args[0], instr),
                None => vm.complex_abs(c.0, c.1),
            };
        }
        return Ok(not_implemented(vm));
    };
    let plain = match n {
        Num::Int(i) => vm.new_int_from(if instr.is_none() { i.abs() } else { i }),
        Num::Float(f) => vm.new_float(if instr.is_none() { f.abs() } else { f }),
    };
    let r = match instr {
        Some(instr) => vm.unary_op(plain, instr),
        None => {
            vm.heap.incref(plain);
            Ok(plain)
        }
    };
    vm.heap.decref(plain);
    r
}

/// Whether a number's own method takes the other number: an int's does not take a
/// float (float's reflected method does that one).
pub(super) fn number_takes(me: &Num, other: &Num) -> bool {
    !(matches!(me, Num::Int(_)) && matches!(other, Num::Float(_)))
}

/// `NotImplemented` (owned).
pub(super) fn not_implemented(vm: &mut Vm) -> ObjId {
    let n = vm.not_implemented;
    vm.heap.incref(n);
    n
}

/// One native function per special method (a native function carries no data of its
/// own): `(function, name, operator, reflected, in place)`.
macro_rules! binary_slots {
    ($($f:ident $name:literal $op:ident $r:literal $i:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
            binary(vm, args, kw, ($name, BinOp::$op, $r, $i))
        })*
    };
}

binary_slots! {
    add "__add__" Add false false;
    radd "__radd__" Add true false;
    iadd "__iadd__" Add false true;
    sub "__sub__" Sub false false;
    rsub "__rsub__" Sub true false;
    isub "__isub__" Sub false true;
    mul "__mul__" Mul false false;
    rmul "__rmul__" Mul true false;
    imul "__imul__" Mul false true;
    truediv "__truediv__" TrueDiv false false;
    rtruediv "__rtruediv__" TrueDiv true false;
    floordiv "__floordiv__" FloorDiv false false;
    rfloordiv "__rfloordiv__" FloorDiv true false;
    mod_ "__mod__" Mod false false;
    rmod "__rmod__" Mod true false;
    pow "__pow__" Pow false false;
    rpow "__rpow__" Pow true false;
    lshift "__lshift__" LShift false false;
    rlshift "__rlshift__" LShift true false;
    rshift "__rshift__" RShift false false;
    rrshift "__rrshift__" RShift true false;
    and "__and__" And false false;
    rand "__rand__" And true false;
    iand "__iand__" And false true;
    or "__or__" Or false false;
    ror "__ror__" Or true false;
    ior "__ior__" Or false true;
    xor "__xor__" Xor false false;
    rxor "__rxor__" Xor true false;
    ixor "__ixor__" Xor false true;
}

fn neg(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    unary(vm, args, kw, "__neg__", Some(Instr::UnaryNegative))
}

fn pos(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    unary(vm, args, kw, "__pos__", Some(Instr::UnaryPositive))
}

fn invert(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    unary(vm, args, kw, "__invert__", Some(Instr::UnaryInvert))
}

fn abs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    unary(vm, args, kw, "__abs__", None)
}

/// The rich comparisons, one native function each.
macro_rules! compare_slots {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
            check_args(vm, $name, args, kw, 2, 2)?;
            super::subclass::builtin_compare(vm, args[0], args[1], CmpOp::$op)
        })*
    };
}

compare_slots! {
    lt "__lt__" Lt;
    le "__le__" Le;
    eq "__eq__" Eq;
    ne "__ne__" Ne;
    gt "__gt__" Gt;
    ge "__ge__" Ge;
}

const COMPARE: &[Slot] = &[
    ("__lt__", lt),
    ("__le__", le),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__gt__", gt),
    ("__ge__", ge),
];

type Slot = (&'static str, crate::heap::kinds::NativeFn);

const ARITHMETIC: &[Slot] = &[
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
];

const INT_ONLY: &[Slot] = &[
    ("__lshift__", lshift),
    ("__rlshift__", rlshift),
    ("__rshift__", rshift),
    ("__rrshift__", rrshift),
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__xor__", xor),
    ("__rxor__", rxor),
    ("__invert__", invert),
];

const SEQUENCE: &[Slot] = &[("__add__", add), ("__mul__", mul), ("__rmul__", rmul)];

const SET: &[Slot] = &[
    ("__or__", or),
    ("__ror__", ror),
    ("__and__", and),
    ("__rand__", rand),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__xor__", xor),
    ("__rxor__", rxor),
];

/// `divmod(self, other)` (`__divmod__`) or `divmod(other, self)` (`__rdivmod__`) of two
/// numbers; NotImplemented for an operand the number does not take.
fn divmod_slot(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    reflected: bool,
) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 2)?;
    let (me, other) = (args[0], args[1]);
    match (vm.num_of(me), vm.num_of(other)) {
        (Some(x), Some(y)) if number_takes(&x, &y) => {
            let pair = if reflected { [other, me] } else { [me, other] };
            super::funcs::divmod(vm, &pair, &[])
        }
        _ => Ok(not_implemented(vm)),
    }
}

fn divmod_(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    divmod_slot(vm, args, kw, "__divmod__", false)
}

fn rdivmod(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    divmod_slot(vm, args, kw, "__rdivmod__", true)
}

/// `__bool__` of a number, a range or None: the built-in's own truth, whatever a subclass
/// defines (so `super().__bool__()` in a subclass's `__bool__` does not come back to it).
fn bool_(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__bool__", args, kw, 1, 1)?;
    let b = match vm.heap.kind(args[0]) {
        Kind::Float(f) => *f != 0.0,
        Kind::FloatSub(f) => f.value != 0.0,
        Kind::Complex(c) => c.0 != 0.0 || c.1 != 0.0,
        Kind::Range(_) | Kind::None => vm.truthy(args[0])?,
        _ => match vm.int_of(args[0]) {
            Some(i) => !i.is_zero(),
            None => return Ok(not_implemented(vm)),
        },
    };
    Ok(vm.new_bool(b))
}

/// `__float__` of an int or a float.
fn float_(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__float__", args, kw, 1, 1)?;
    let f = match vm.num_of(args[0]) {
        Some(Num::Float(f)) => f,
        Some(Num::Int(i)) => i.to_f64().map_err(|e| vm.num_err(e))?,
        None => return Ok(not_implemented(vm)),
    };
    Ok(vm.new_float(f))
}

/// `float.__int__`: truncated towards zero, as `int(x)`.
fn int_(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__int__", args, kw, 1, 1)?;
    match vm.num_of(args[0]) {
        Some(Num::Float(f)) => {
            let i = crate::vm::num::Int::from_f64(f).map_err(|e| vm.num_err(e))?;
            Ok(vm.new_int_from(i))
        }
        Some(Num::Int(i)) => Ok(vm.new_int_from(i)),
        None => Ok(not_implemented(vm)),
    }
}

/// `float.conjugate()`: the float itself (an exact float).
fn conjugate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "conjugate", args, kw, 1, 1)?;
    match vm.float_of(args[0]) {
        Some(f) => Ok(vm.new_float(f)),
        None => Ok(not_implemented(vm)),
    }
}

/// `__getnewargs__` of an immutable built-in (what copy and pickle rebuild it from): its
/// value as the exact built-in type, in a 1-tuple; a complex number's two parts.
fn getnewargs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__getnewargs__", args, kw, 1, 1)?;
    if let Kind::Complex(c) = vm.heap.kind(args[0]) {
        let (re, im) = **c;
        let (re, im) = (vm.new_float(re), vm.new_float(im));
        return Ok(vm.new_tuple(vec![re, im]));
    }
    let tag = crate::vm::objects::kind_tag(vm.heap.kind(args[0]));
    let ty = vm.type_obj(tag);
    let v = vm.call(ty, &[args[0]])?;
    Ok(vm.new_tuple(vec![v]))
}

/// Puts the special methods into the built-in types' namespaces.
pub fn install(vm: &mut Vm) {
    use TypeTag as T;
    for tag in [
        T::Int,
        T::Float,
        T::Str,
        T::Bytes,
        T::List,
        T::Tuple,
        T::Dict,
        T::Set,
        T::FrozenSet,
    ] {
        super::add_methods(vm, tag, COMPARE);
    }
    super::add_methods(vm, T::Int, ARITHMETIC);
    super::add_methods(vm, T::Int, INT_ONLY);
    super::add_methods(vm, T::Float, ARITHMETIC);
    let conversions: &[Slot] = &[
        ("__divmod__", divmod_),
        ("__rdivmod__", rdivmod),
        ("__bool__", bool_),
        ("__float__", float_),
        ("__getnewargs__", getnewargs),
    ];
    super::add_methods(vm, T::Int, conversions);
    super::add_methods(vm, T::Float, conversions);
    super::add_methods(vm, T::Float, &[("__int__", int_), ("conjugate", conjugate)]);
    let complex: &[Slot] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
    ];
    super::add_methods(vm, T::Complex, complex);
    for tag in [T::Complex, T::Range, T::NoneType] {
        super::add_methods(vm, tag, &[("__bool__", bool_)]);
    }
    for tag in [T::Complex, T::Str, T::Tuple, T::Bytes] {
        super::add_methods(vm, tag, &[("__getnewargs__", getnewargs)]);
    }
    for tag in [T::Str, T::Tuple, T::Bytes, T::List] {
        super::add_methods(vm, tag, SEQUENCE);
    }
    super::add_methods(vm, T::Str, &[("__mod__", mod_)]);
    super::add_methods(vm, T::List, &[("__iadd__", iadd), ("__imul__", imul)]);
    super::add_methods(
        vm,
        T::Dict,
        &[("__or__", or), ("__ror__", ror), ("__ior__", ior)],
    );
    super::add_methods(vm, T::FrozenSet, SET);
    super::add_methods(vm, T::Set, SET);
    super::add_methods(
        vm,
        T::Set,
        &[
            ("__ior__", ior),
            ("__iand__", iand),
            ("__isub__", isub),
            ("__ixor__", ixor),
        ],
    );
}
