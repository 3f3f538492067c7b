//! The built-in functions (`print`, `len`, `sorted`, ...), the type constructors, and the
//! methods of int, float, tuple, set, range and bytes.

use super::{check_args, check_kwargs, kwarg, to_i64};
use crate::compiler::code::{BinOp, CmpOp};
use crate::heap::kinds::{IterObj, IterState, NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::num::Int;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub const BUILTIN_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("all", all),
    ("any", any),
    ("bin", bin),
    ("hex", hex),
    ("oct", oct),
    ("chr", chr),
    ("ord", ord),
    ("divmod", divmod),
    ("pow", pow),
    ("round", round),
    ("sum", sum),
    ("min", min),
    ("max", max),
    ("sorted", sorted),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("id", id),
    ("hash", hash),
    ("iter", iter),
    ("next", next),
    ("hasattr", hasattr),
    ("getattr", getattr),
    ("setattr", setattr),
    ("delattr", delattr),
    ("callable", callable),
    ("input", input),
    ("open", open),
    ("format", format),
    ("vars", vars),
    ("dir", dir),
    ("globals", globals),
    ("locals", locals),
    ("exec", super::exec::exec),
    ("eval", super::exec::eval),
    ("compile", super::exec::compile),
    ("__import__", super::exec::dunder_import),
    ("exit", exit),
    ("quit", exit),
];

fn print(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let opt = |vm: &mut Vm, name: &str, default: &str| -> PyResult<String> {
        match kwarg(vm, kw, name) {
            None => Ok(default.to_string()),
            Some(v) if v == vm.none => Ok(default.to_string()),
            Some(v) => match vm.as_str(v) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("{name} must be None or a string, not {tn}")))
                }
            },
        }
    };
    let sep = opt(vm, "sep", " ")?;
    let end = opt(vm, "end", "\n")?;
    // Without a file, sys.stdout: the program may have put its own object there
    // (contextlib.redirect_stdout).
    let file = match kwarg(vm, kw, "file") {
        Some(f) if f != vm.none => Some(f),
        _ => crate::vm::modules::sys::replaced_stream(vm, "stdout"),
    };
    let to_err = match file {
        Some(f) => {
            let sys_stderr = crate::vm::modules::sys::is_stderr(vm, f);
            if !sys_stderr && !crate::vm::modules::sys::is_stdout(vm, f) {
                return print_to(vm, f, args, &sep, &end);
            }
            sys_stderr
        }
        _ => false,
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(*a)?);
    }
    out.push_str(&end);
    if to_err {
        vm.out.write_err(&out);
    } else {
        vm.out.write_out(&out);
    }
    Ok(vm.none())
}

/// `print(..., file=f)` to an object of the program's: `f.write` gets each argument's
/// str, the separators and the end, one call each, as CPython's print makes them.
fn print_to(vm: &mut Vm, file: ObjId, args: &[ObjId], sep: &str, end: &str) -> PyResult<ObjId> {
    let write = vm.heap.intern_sym("write");
    let write = vm.getattr(file, write)?;
    // Each piece is made just before it is written (and held while it is).
    let put = |vm: &mut Vm, text: &str| -> PyResult<()> {
        let p = vm.new_str(text);
        let r = vm.while_holding(&[p], |vm| vm.call(write, &[p]));
        vm.heap.decref(p);
        vm.heap.decref(r?);
        Ok(())
    };
    let r = vm.while_holding(&[write], |vm| {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                put(vm, sep)?;
            }
            let s = vm.str_of(*a)?;
            put(vm, &s)?;
        }
        put(vm, end)
    });
    vm.heap.decref(write);
    r?;
    Ok(vm.none())
}

/// A complex number written as Python writes one: `1+2j`, `-3.5j`, `2`, `(1-1e3j)`,
/// spaces around it (complex_subtype_from_string).
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        t = inner.trim();
    }
    let num = |x: &str| -> Option<f64> {
        if x.is_empty() || x.contains(char::is_whitespace) || x.contains('_') {
            return None;
        }
        match x {
            "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => x.parse::<f64>().ok(),
        }
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((num(t)?, 0.0));
    };
    // The imaginary part starts at the last sign that is not the first character nor
    // an exponent's.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    match split {
        Some(i) => Some((num(&body[..i])?, num(&body[i..])?)),
        None if body.is_empty() => Some((0.0, 1.0)),
        None => Some((0.0, num(body)?)),
    }
}

/// What a Python `__len__` returned (owned), as a length, with CPython's errors: past
/// an index-sized integer, negative, not an int.
pub(crate) fn len_result(vm: &mut Vm, r: ObjId) -> PyResult<usize> {
    use crate::vm::num::Int;
    let n = vm.int_of(r);
    let tn = vm.type_name(r);
    vm.heap.decref(r);
    match n {
        Some(Int::Small(x)) if x < 0 => Err(vm.value_error("__len__() should return >= 0")),
        Some(Int::Small(x)) => Ok(x as usize),
        Some(Int::Big(_)) => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        None => Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))),
    }
}

/// `len(v)` as usize.
#[inline]
pub fn len_of(vm: &mut Vm, v: ObjId) -> PyResult<usize> {
    if let Some(r) = vm.call_sub_special(v, vm.names.len, &[])? {
        return len_result(vm, r);
    }
    len_base(vm, v)
}

/// `len(v)` of the built-in types that know their length without running code (the
/// objects CPython's `_PyObject_HasLen` accepts among them); None for the others.
pub(crate) fn builtin_len(vm: &Vm, v: ObjId) -> Option<usize> {
    Some(match vm.heap.kind(v) {
        Kind::Str(s) => s.chars as usize,
        Kind::List(l) => l.items.len(),
        Kind::Tuple(t) => t.len(),
        Kind::Bytes(b) | Kind::ByteArray(b) => b.len(),
        Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => t.len(),
        Kind::Range(r) => super::range_len(r[0], r[1], r[2]) as usize,
        Kind::DictView(dv) => {
            let d = dv.1;
            vm.dict_len(d)
        }
        Kind::TypeDict(m) => m.len(),
        Kind::MappingProxy(ns) => match vm.heap.kind(*ns) {
            Kind::TypeDict(m) => m.len(),
            Kind::Dict(t) => t.len(),
            _ => 0,
        },
        Kind::Array(a) => crate::heap::size::array_len(&a.data),
        _ => return None,
    })
}

/// `len(v)` as the built-in type computes it (`list.__len__`).
fn len_base(vm: &mut Vm, v: ObjId) -> PyResult<usize> {
    if let Some(n) = builtin_len(vm, v) {
        return Ok(n);
    }
    if let Kind::MemoryView(_) = vm.heap.kind(v) {
        return super::memview::view_len(vm, v);
    }
    if let Some(r) = vm.via_proxy(v, len_of) {
        return r;
    }
    let l = vm.names.len;
    if let Some(r) = vm.call_special_user(v, l, &[])? {
        return len_result(vm, r);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("object of type '{tn}' has no len()")))
}

fn len(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "len", args, kw, 1, 1)?;
    let n = len_of(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}

fn repr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "repr", args, kw, 1, 1)?;
    let s = vm.repr_of(args[0])?;
    Ok(vm.new_string(s))
}

fn ascii(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "ascii", args, kw, 1, 1)?;
    let s = vm.repr_of(args[0])?;
    Ok(vm.new_string(crate::vm::strfmt::ascii_escape(&s)))
}

fn abs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "abs", args, kw, 1, 1)?;
    let v = args[0];
    if let Some(r) = vm.call_sub_special(v, vm.names.abs, &[])? {
        return Ok(r);
    }
    match vm.num_of(v) {
        Some(crate::vm::ops::Num::Int(i)) => Ok(vm.new_int_from(i.abs())),
        Some(crate::vm::ops::Num::Float(f)) => Ok(vm.new_float(f.abs())),
        None => {
            if let Kind::Complex(c) = vm.heap.kind(v) {
                let (re, im) = **c;
                return vm.complex_abs(re, im);
            }
            if let Some(r) = vm.try_dunder(v, "__abs__", &[])? {
                return Ok(r);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn all(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "all", args, kw, 1, 1)?;
    let r = any_all(vm, args[0], false)?;
    Ok(vm.new_bool(r))
}

fn any(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "any", args, kw, 1, 1)?;
    let r = any_all(vm, args[0], true)?;
    Ok(vm.new_bool(r))
}

/// any (stop at the first true) or all (stop at the first false).
fn any_all(vm: &mut Vm, iterable: ObjId, want: bool) -> PyResult<bool> {
    let it = vm.get_iter(iterable)?;
    let mark = vm.held.len();
    vm.held.push(it);
    let r = any_all_loop(vm, it, want);
    vm.held.truncate(mark);
    r
}

fn any_all_loop(vm: &mut Vm, it: ObjId, want: bool) -> PyResult<bool> {
    let mut result = !want;
    loop {
        match vm.iter_next(it) {
            Ok(Some(v)) => {
                let t = vm.truthy(v);
                vm.heap.decref(v);
                match t {
                    Ok(t) if t == want => {
                        result = want;
                        break;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        vm.heap.decref(it);
                        return Err(e);
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                vm.heap.decref(it);
                return Err(e);
            }
        }
    }
    vm.heap.decref(it);
    Ok(result)
}

fn int_arg(vm: &mut Vm, v: ObjId) -> PyResult<Int> {
    match vm.int_of(v) {
        Some(i) => Ok(i),
        None => {
            if let Some(r) = vm.try_dunder(v, "__index__", &[])? {
                let i = vm.int_of(r);
                vm.heap.decref(r);
                if let Some(i) = i {
                    return Ok(i);
                }
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn radix(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, base: u32) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    let i = int_arg(vm, args[0])?;
    let s = i.to_string_radix(base);
    Ok(vm.new_string(s))
}

fn bin(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    radix(vm, args, kw, "bin", 2)
}
fn hex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    radix(vm, args, kw, "hex", 16)
}
fn oct(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    radix(vm, args, kw, "oct", 8)
}

fn chr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "chr", args, kw, 1, 1)?;
    let i = to_i64(vm, args[0], "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.new_char(c)),
        None if (0..0x110000).contains(&i) => {
            Err(vm.not_implemented("refscope strs cannot hold lone surrogates"))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "ord", args, kw, 1, 1)?;
    let v = args[0];
    let (n, c) = match vm.heap.kind(v) {
        Kind::Str(s) => (s.chars as usize, s.s.chars().next().map(|c| c as i64)),
        Kind::Bytes(b) | Kind::ByteArray(b) => (b.len(), b.first().map(|x| *x as i64)),
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")));
        }
    };
    match c {
        Some(c) if n == 1 => Ok(vm.new_int(c)),
        _ => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        ))),
    }
}

pub(super) fn divmod(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "divmod", args, kw, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    // A Python class's `__divmod__` (or the other operand's `__rdivmod__`), as CPython's
    // nb_divmod slot calls it.
    let instance = |vm: &Vm, x: ObjId| matches!(vm.heap.kind(x), Kind::Instance(_));
    if instance(vm, a) || instance(vm, b) {
        if let Some(v) = vm.try_dunder(a, "__divmod__", &[b])? {
            return Ok(v);
        }
        if let Some(v) = vm.try_dunder(b, "__rdivmod__", &[a])? {
            return Ok(v);
        }
        let (ta, tb) = (vm.type_name(a), vm.type_name(b));
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
        )));
    }
    if vm.num_of(a).is_none() || vm.num_of(b).is_none() {
        let (ta, tb) = (vm.type_name(a), vm.type_name(b));
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
        )));
    }
    // float_divmod's own message for a float zero divisor (an int one with an int
    // dividend is "integer division or modulo by zero", from `//` below).
    let is_float = |vm: &Vm, x: ObjId| matches!(vm.heap.kind(x), Kind::Float(_));
    let zero = match vm.heap.kind(b) {
        Kind::Float(f) => *f == 0.0,
        Kind::Int(i) => *i == 0,
        Kind::Bool(x) => !*x,
        _ => false,
    };
    if (is_float(vm, a) || is_float(vm, b)) && zero {
        return Err(vm.new_exception(vm.exc_types.zero_division_error, "float divmod()"));
    }
    let q = vm.binary_op(a, b, BinOp::FloorDiv, false)?;
    let r = match vm.while_holding(&[q], |vm| vm.binary_op(a, b, BinOp::Mod, false)) {
        Ok(r) => r,
        Err(e) => {
            vm.heap.decref(q);
            return Err(e);
        }
    };
    Ok(vm.new_tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    // The keywords (base, exp, mod) take the places their names give them.
    let mut slots = [ObjId::NULL; 3];
    slots[..args.len()].copy_from_slice(args);
    for (k, v) in kw {
        let name = vm.heap.sym_name(*k);
        let i = match &*name {
            "base" => 0,
            "exp" => 1,
            "mod" => 2,
            _ => continue,
        };
        if !slots[i].is_null() {
            return Err(vm.type_error(format!(
                "argument for pow() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        slots[i] = *v;
    }
    for (i, name) in ["base", "exp"].iter().enumerate() {
        if slots[i].is_null() {
            return Err(vm.type_error(format!(
                "pow() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    // (Argument Clinic names a missing argument before an unexpected keyword.)
    check_kwargs(vm, "pow", kw, &["base", "exp", "mod"])?;
    let n = if slots[2].is_null() { 2 } else { 3 };
    let args = &slots[..n];
    if args.len() == 3 && args[2] != vm.none {
        // A class's `__pow__(exp, mod)` (three-argument power never calls `__rpow__`: a
        // class's instance elsewhere makes the operation unsupported).
        let instance = |vm: &Vm, x: ObjId| matches!(vm.heap.kind(x), Kind::Instance(_));
        if args.iter().any(|a| instance(vm, *a)) {
            if instance(vm, args[0])
                && let Some(v) = vm.try_dunder(args[0], "__pow__", &[args[1], args[2]])?
            {
                if v != vm.not_implemented {
                    return Ok(v);
                }
                vm.heap.decref(v);
            }
            let names: Vec<String> = args.iter().map(|a| vm.type_name(*a).to_string()).collect();
            return Err(vm.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                names[0], names[1], names[2]
            )));
        }
        let (Some(b), Some(e), Some(m)) =
            (vm.int_of(args[0]), vm.int_of(args[1]), vm.int_of(args[2]))
        else {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        let r = crate::vm::numops::int_powmod(&b, &e, &m).map_err(|e| vm.num_err(e))?;
        return Ok(vm.new_int_from(r));
    }
    vm.binary_op(args[0], args[1], BinOp::Pow, false)
}

/// `round` of an object whose type has no `__round__`.
fn no_round(vm: &mut Vm, number: ObjId) -> PyResult<ObjId> {
    let tn = vm.type_name(number);
    Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
}

fn round(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "round", kw, &["number", "ndigits"])?;
    let number = args.first().copied().or_else(|| kwarg(vm, kw, "number"));
    let Some(number) = number else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd_obj = args
        .get(1)
        .copied()
        .or_else(|| kwarg(vm, kw, "ndigits"))
        .filter(|v| *v != vm.none);
    // Another type's `__round__` gets the ndigits object itself, as CPython passes it.
    if !matches!(
        vm.heap.kind(number),
        Kind::Float(_)
            | Kind::FloatSub(_)
            | Kind::Int(_)
            | Kind::BigInt(_)
            | Kind::IntSub(_)
            | Kind::Bool(_)
    ) {
        let r = match nd_obj {
            Some(o) => vm.try_dunder(number, "__round__", &[o]),
            None => vm.try_dunder(number, "__round__", &[]),
        }?;
        return match r {
            Some(v) => Ok(v),
            None => no_round(vm, number),
        };
    }
    let nd = match nd_obj {
        Some(v) => Some(to_i64(vm, v, "")?),
        None => None,
    };
    match vm.heap.kind(number) {
        Kind::Float(_) | Kind::FloatSub(_) => {
            let f = vm.float_of(number).unwrap_or(0.0);
            let r = crate::vm::numops::round_float(f, nd).map_err(|e| vm.num_err(e))?;
            Ok(match r {
                crate::vm::num::Number::Int(i) => vm.new_int_from(i),
                crate::vm::num::Number::Float(x) => vm.new_float(x),
                crate::vm::num::Number::Complex(re, im) => {
                    vm.heap.alloc(Kind::Complex(Box::new((re, im))))
                }
            })
        }
        Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) | Kind::Bool(_) => {
            let i = vm.int_of(number).unwrap_or(Int::Small(0));
            match nd {
                None => Ok(vm.new_int_from(i)),
                Some(n) => {
                    let r = crate::vm::numops::round_int(&i, n);
                    Ok(vm.new_int_from(r))
                }
            }
        }
        _ => no_round(vm, number),
    }
}

fn sum(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "sum", kw, &["start"])?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let start = args.get(1).copied().or_else(|| kwarg(vm, kw, "start"));
    let mut acc = match start {
        Some(s) => {
            if vm.is_str(s) {
                return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
            }
            vm.heap.incref(s);
            s
        }
        None => vm.new_int(0),
    };
    // The running total and the iterator are held while Python code may run.
    let mark = vm.held.len();
    vm.held.push(acc);
    let it = match vm.get_iter(args[0]) {
        Ok(it) => it,
        Err(e) => {
            vm.held.truncate(mark);
            vm.heap.decref(acc);
            return Err(e);
        }
    };
    vm.held.push(it);
    // Fast path: small ints accumulate in an i64.
    let mut small: Option<i64> = vm
        .small_int_of(acc)
        .filter(|_| matches!(vm.heap.kind(acc), Kind::Int(_)));
    loop {
        let v = match vm.iter_next(it) {
            Ok(Some(v)) => v,
            Ok(None) => break,
            Err(e) => {
                vm.held.truncate(mark);
                vm.heap.decref(it);
                vm.heap.decref(acc);
                return Err(e);
            }
        };
        if let (Some(s), Kind::Int(x)) = (small, vm.heap.kind(v))
            && let Some(n) = s.checked_add(*x)
        {
            small = Some(n);
            vm.heap.decref(v);
            continue;
        }
        if let Some(s) = small.take() {
            vm.heap.decref(acc);
            acc = vm.new_int(s);
            vm.held[mark] = acc;
        }
        // The item is held too while the addition may run Python code.
        let r = vm.while_holding(&[v], |vm| vm.binary_op(acc, v, BinOp::Add, false));
        vm.heap.decref(v);
        vm.heap.decref(acc);
        match r {
            Ok(n) => {
                acc = n;
                vm.held[mark] = acc;
            }
            Err(e) => {
                vm.held.truncate(mark);
                vm.heap.decref(it);
                return Err(e);
            }
        }
    }
    vm.held.truncate(mark);
    vm.heap.decref(it);
    if let Some(s) = small {
        vm.heap.decref(acc);
        acc = vm.new_int(s);
    }
    Ok(acc)
}

fn min(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn min_max(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, op: CmpOp) -> PyResult<ObjId> {
    check_kwargs(vm, name, kw, &["key", "default"])?;
    let key = kwarg(vm, kw, "key").filter(|k| *k != vm.none);
    let default = kwarg(vm, kw, "default");
    if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if args.len() > 1 && default.is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    // As CPython's min_max: one pass that takes an item, computes its key and compares it
    // with the best so far, keeping only the best (the others are let go as it goes).
    // The iterator, the best item and key, and the item being looked at are held while
    // key functions and comparisons run Python code.
    let mark = vm.held.len();
    let source = match args {
        [one] => {
            let it = vm.get_iter(*one)?;
            vm.held.push(it);
            Some(it)
        }
        _ => None,
    };
    let base = vm.held.len();
    let mut next_arg = 0;
    let mut err = None;
    loop {
        let item = match source {
            Some(it) => match vm.iter_next(it) {
                Ok(Some(v)) => v,
                Ok(None) => break,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            },
            None => match args.get(next_arg) {
                Some(&a) => {
                    next_arg += 1;
                    vm.heap.incref(a);
                    a
                }
                None => break,
            },
        };
        vm.held.push(item);
        let val = match key {
            Some(k) => match vm.call(k, &[item]) {
                Ok(v) => v,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            },
            None => {
                vm.heap.incref(item);
                item
            }
        };
        vm.held.push(val);
        if vm.held.len() == base + 2 {
            continue;
        }
        match vm.compare_bool(val, vm.held[base + 1], op) {
            Ok(true) => {
                let old: Vec<ObjId> = vm.held.drain(base..base + 2).collect();
                vm.release_all(old);
            }
            Ok(false) => {
                let cur = vm.held.split_off(base + 2);
                vm.release_all(cur);
            }
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    let best = vm.held.get(base).copied();
    let rest = vm.held.split_off(mark);
    let result = match (err, best) {
        (Some(e), _) => Err(e),
        (None, Some(b)) => {
            vm.heap.incref(b);
            Ok(b)
        }
        (None, None) => match default {
            Some(d) => {
                vm.heap.incref(d);
                Ok(d)
            }
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    };
    vm.release_all(rest);
    result
}

/// Sorts (key, value) pairs by key as CPython 3.11's `list.sort` does (the same
/// comparisons, in the same order: see `timsort`). `reverse` sorts the reversed list and
/// reverses the result, which keeps equal items in their original order.
pub fn sort_items(vm: &mut Vm, items: &mut [(ObjId, ObjId)], reverse: bool) -> PyResult<()> {
    if reverse {
        items.reverse();
    }
    let r = super::timsort::timsort(vm, items);
    if reverse {
        items.reverse();
    }
    r
}

/// Sorts owned items by `key` (borrowed callable or None). The items always come back
/// (owned), with the error if a key function or a comparison raised: in their original
/// order when a key failed, else in the order the sort had reached, as CPython leaves a
/// list whose sort failed.
pub fn sort_owned(
    vm: &mut Vm,
    items: Vec<ObjId>,
    key: Option<ObjId>,
    reverse: bool,
) -> (Vec<ObjId>, Option<crate::vm::Exc>) {
    // Items and keys are held while key functions and comparisons run Python code.
    let mark = vm.held.len();
    vm.held.extend_from_slice(&items);
    let r = sort_owned_held(vm, items, key, reverse);
    vm.held.truncate(mark);
    r
}

fn sort_owned_held(
    vm: &mut Vm,
    items: Vec<ObjId>,
    key: Option<ObjId>,
    reverse: bool,
) -> (Vec<ObjId>, Option<crate::vm::Exc>) {
    let mut pairs = Vec::with_capacity(items.len());
    for i in &items {
        let k = match key {
            Some(kf) => match vm.call(kf, &[*i]) {
                Ok(k) => k,
                Err(e) => {
                    for (k, _) in pairs {
                        vm.heap.decref(k);
                    }
                    return (items, Some(e));
                }
            },
            None => {
                vm.heap.incref(*i);
                *i
            }
        };
        vm.held.push(k);
        pairs.push((k, *i));
    }
    let r = sort_items(vm, &mut pairs, reverse);
    let out: Vec<ObjId> = pairs.iter().map(|(_, v)| *v).collect();
    for (k, _) in pairs {
        vm.heap.decref(k);
    }
    (out, r.err())
}

fn sorted(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "sorted", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let key = kwarg(vm, kw, "key").filter(|k| *k != vm.none);
    let reverse = match kwarg(vm, kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let items = vm.collect_sequence(args[0])?;
    match sort_owned(vm, items, key, reverse) {
        (out, None) => Ok(vm.new_list_from(out)),
        (out, Some(e)) => {
            vm.release_all(out);
            Err(e)
        }
    }
}

/// CPython's object_isinstance and object_issubclass over `cls`: a class, a union's
/// arguments, or a tuple of any of these, nested, tried in order until `check` says one
/// matches. Each level of tuple counts against the recursion limit.
fn any_class(
    vm: &mut Vm,
    cls: ObjId,
    fname: &str,
    check: &mut dyn FnMut(&mut Vm, ObjId) -> PyResult<bool>,
) -> PyResult<bool> {
    match vm.heap.kind(cls) {
        Kind::Class(_) => check(vm, cls),
        Kind::Tuple(t) => {
            let items = t.to_vec();
            let what = if fname == "isinstance" {
                " in __instancecheck__"
            } else {
                " in __subclasscheck__"
            };
            vm.native_recursion(what, |vm| {
                for x in items {
                    if any_class(vm, x, fname, check)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            })
        }
        // `int | str`: the union's arguments.
        _ if vm.type_name(cls).as_ref() == "UnionType" => {
            let args_sym = vm.heap.intern_sym("__args__");
            let items = vm.getattr(cls, args_sym)?;
            let r = vm.while_holding(&[items], |vm| any_class(vm, items, fname, check));
            vm.heap.decref(items);
            r
        }
        _ => {
            let what = if fname == "isinstance" {
                "a type, a tuple of types"
            } else {
                "a class, a tuple of classes"
            };
            Err(vm.type_error(format!("{fname}() arg 2 must be {what}, or a union")))
        }
    }
}

fn isinstance(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "isinstance", args, kw, 2, 2)?;
    let obj = args[0];
    let r = any_class(vm, args[1], "isinstance", &mut |vm, c| {
        if vm.instance_check(obj, c)? {
            return Ok(true);
        }
        // isinstance also asks `obj.__class__` when it may differ from the type: a
        // proxy says its referent's class (a dead one raises ReferenceError there), and
        // a class may define a `__class__` property.
        let class_sym = vm.names.class;
        if matches!(vm.heap.kind(obj), Kind::WeakRef(w) if w.proxy)
            || vm.user_class_lookup(vm.type_of(obj), class_sym).is_some()
        {
            let class = vm.getattr(obj, class_sym)?;
            let r = vm.class(class).is_some() && vm.is_subclass(class, c);
            vm.heap.decref(class);
            return Ok(r);
        }
        Ok(false)
    })?;
    Ok(vm.new_bool(r))
}

fn issubclass(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "issubclass", args, kw, 2, 2)?;
    if !matches!(vm.heap.kind(args[0]), Kind::Class(_)) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let sub = args[0];
    let r = any_class(vm, args[1], "issubclass", &mut |vm, c| {
        vm.subclass_check(sub, c)
    })?;
    Ok(vm.new_bool(r))
}

impl Vm {
    /// `isinstance(obj, cls)` for one class: an exact match, else the metaclass's
    /// `__instancecheck__` when it is Python's (`ABCMeta`'s), else the MRO.
    pub fn instance_check(&mut self, obj: ObjId, cls: ObjId) -> PyResult<bool> {
        if self.type_of(obj) == cls {
            return Ok(true);
        }
        let sym = self.heap.intern_sym("__instancecheck__");
        self.meta_check(cls, sym, obj)
            .unwrap_or_else(|| Ok(self.isinstance(obj, cls)))
    }

    /// `issubclass(sub, cls)` for one class, through the metaclass's `__subclasscheck__`
    /// when it is Python's.
    pub fn subclass_check(&mut self, sub: ObjId, cls: ObjId) -> PyResult<bool> {
        let sym = self.heap.intern_sym("__subclasscheck__");
        self.meta_check(cls, sym, sub)
            .unwrap_or_else(|| Ok(self.is_subclass(sub, cls)))
    }

    /// Calls `type(cls).name(cls, arg)` when a Python metaclass defines it.
    fn meta_check(&mut self, cls: ObjId, name: Sym, arg: ObjId) -> Option<PyResult<bool>> {
        let meta = self.type_of(cls);
        if meta == self.type_obj(TypeTag::Type) {
            return None;
        }
        let f = self.user_class_lookup(meta, name)?;
        Some(self.call_found(f, &[cls, arg]).and_then(|v| {
            let t = self.truthy(v);
            self.heap.decref(v);
            t
        }))
    }
}

fn id(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "id", args, kw, 1, 1)?;
    let serial = vm.heap.get(args[0]).serial as i64;
    Ok(vm.new_int(serial))
}

fn hash(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "hash", args, kw, 1, 1)?;
    let h = vm.hash(args[0])?;
    Ok(vm.new_int(h))
}

fn iter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "iter", args, kw, 1, 2)?;
    if args.len() == 2 {
        vm.heap.incref(args[0]);
        vm.heap.incref(args[1]);
        return Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
            tag: TypeTag::CallIterator,
            state: IterState::Call {
                func: args[0],
                sentinel: args[1],
            },
        }))));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "next", args, kw, 1, 2)?;
    let it = args[0];
    if !vm.is_iterator(it) {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    // A generator, or a coroutine's `__await__()` iterator: its return value is the
    // StopIteration's.
    if let Kind::Iter(io) = vm.heap.kind(it)
        && matches!(io.state, IterState::AGen { .. })
    {
        return match vm.agen_step(it, ObjId::NULL, None)? {
            crate::vm::iter::SendResult::Yielded(v) => Ok(v),
            crate::vm::iter::SendResult::Returned(v) => Err(vm.stop_iteration(v)),
        };
    }
    let resumed = match vm.heap.kind(it) {
        Kind::Generator(_) => Some(it),
        Kind::Iter(io) => match io.state {
            IterState::Await { coro } => Some(coro),
            _ => None,
        },
        _ => None,
    };
    if let Some(g) = resumed {
        return match vm.resume_generator(g, ObjId::NULL)? {
            crate::vm::iter::SendResult::Yielded(v) => Ok(v),
            crate::vm::iter::SendResult::Returned(v) => {
                if let Some(d) = args.get(1) {
                    vm.heap.decref(v);
                    vm.heap.incref(*d);
                    return Ok(*d);
                }
                Err(vm.stop_iteration(v))
            }
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => {
                vm.heap.incref(*d);
                Ok(*d)
            }
            None => {
                let n = vm.none();
                Err(vm.stop_iteration(n))
            }
        },
    }
}

fn attr_name(vm: &mut Vm, v: ObjId) -> PyResult<Sym> {
    match vm.as_str(v).map(|s| s.to_string()) {
        Some(s) => Ok(vm.heap.intern_sym(&s)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn hasattr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "hasattr", args, kw, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    match vm.getattr(args[0], name) {
        Ok(v) => {
            vm.heap.decref(v);
            Ok(vm.new_bool(true))
        }
        Err(e) if vm.exc_matches(&e, vm.exc_types.attribute_error) => {
            vm.heap.decref(e.0);
            Ok(vm.new_bool(false))
        }
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "getattr", args, kw, 2, 3)?;
    let name = attr_name(vm, args[1])?;
    match vm.getattr(args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.exc_matches(&e, vm.exc_types.attribute_error) => {
            vm.heap.decref(e.0);
            vm.heap.incref(args[2]);
            Ok(args[2])
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "setattr", args, kw, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    vm.setattr(args[0], name, args[2])?;
    Ok(vm.none())
}

fn delattr(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "delattr", args, kw, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    vm.delattr(args[0], name)?;
    Ok(vm.none())
}

fn callable(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "callable", args, kw, 1, 1)?;
    let r = vm.is_callable(args[0]);
    Ok(vm.new_bool(r))
}

impl Vm {
    /// `callable(v)`.
    pub fn is_callable(&self, v: ObjId) -> bool {
        match self.heap.kind(v) {
            Kind::Function(_) | Kind::Builtin(_) | Kind::Method(_) | Kind::Class(_) => true,
            Kind::WeakRef(w) => !w.proxy || w.callable,
            Kind::Instance(_) => {
                let c = self.names.call;
                self.class_lookup(self.type_of(v), c).is_some()
            }
            _ => false,
        }
    }
}

fn input(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "input", args, kw, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str_of(*p)?;
        vm.out.write_out(&s);
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => Err(vm.new_exception(vm.exc_types.eof_error, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_string(line))
        }
    }
}

fn open(vm: &mut Vm, _args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    Err(vm.new_exception(
        vm.exc_types.os_error,
        "refscope runs programs in a sandbox: open() is not available (files cannot be read or written)",
    ))
}

fn exit(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    let args: Vec<ObjId> = args.to_vec();
    for a in &args {
        vm.heap.incref(*a);
    }
    Err(crate::vm::Exc(
        vm.new_exception_args(vm.exc_types.system_exit, args),
    ))
}

fn format(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "format", args, kw, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => *s,
        None => vm.empty_str,
    };
    vm.format_value(args[0], 0, spec)
}

fn vars(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "vars", args, kw, 0, 1)?;
    match args.first() {
        Some(o) => {
            let d = vm.names.dict;
            vm.getattr(*o, d).map_err(|e| {
                if vm.isinstance(e.0, vm.exc_types.attribute_error) {
                    vm.heap.decref(e.0);
                    vm.type_error("vars() argument must have __dict__ attribute")
                } else {
                    e
                }
            })
        }
        None => locals(vm, args, kw),
    }
}

fn dir(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "dir", args, kw, 0, 1)?;
    let mut names: Vec<String> = vec![];
    match args.first() {
        None => {
            let ns = vm.frames.last().map(|f| {
                if f.st.ns.is_null() {
                    f.st.globals
                } else {
                    f.st.ns
                }
            });
            if let Some(ns) = ns {
                let syms: Vec<Sym> = match vm.heap.kind(ns) {
                    Kind::Module(m) => m.dict.iter().map(|(k, _)| k).collect(),
                    Kind::Namespace(n) => n.iter().map(|(k, _)| k).collect(),
                    _ => vec![],
                };
                names = syms
                    .iter()
                    .map(|s| vm.heap.sym_name(*s).to_string())
                    .collect();
                if let Some(f) = vm.frames.last()
                    && f.st.ns.is_null()
                {
                    names =
                        f.st.rt
                            .code
                            .varnames
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| !f.st.slots[*i].is_null())
                            .map(|(_, n)| n.to_string())
                            .collect();
                }
            }
        }
        Some(&o) => {
            // A class's own `__dir__` decides (`object.__dir__` is the default below).
            let ty = vm.type_of(o);
            if !matches!(vm.heap.kind(o), Kind::Class(_) | Kind::Module(_))
                && let Some(f) = vm.class_lookup(ty, vm.names.dir_method)
                && matches!(vm.heap.kind(f), Kind::Function(_))
            {
                let r = vm.call_found(f, &[o])?;
                let items = vm.while_holding(&[r], |vm| vm.collect(r));
                vm.heap.decref(r);
                return match sort_owned(vm, items?, None, false) {
                    (out, None) => Ok(vm.new_list_from(out)),
                    (out, Some(e)) => {
                        vm.release_all(out);
                        Err(e)
                    }
                };
            }
            names = attribute_names(vm, o);
        }
    }
    names.sort();
    names.dedup();
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list_from(items))
}

const FUNCTION_FIELDS: [&str; 12] = [
    "__annotations__",
    "__builtins__",
    "__closure__",
    "__code__",
    "__defaults__",
    "__dict__",
    "__doc__",
    "__globals__",
    "__kwdefaults__",
    "__module__",
    "__name__",
    "__qualname__",
];

/// What `object.__dir__` lists: the instance's attributes (inline or in its
/// `__dict__`), then what its class and the classes of its MRO define, and
/// `__class__`; a class lists its own and its bases' names; a module its globals.
pub(crate) fn attribute_names(vm: &mut Vm, o: ObjId) -> Vec<String> {
    let mut syms: Vec<Sym> = vec![];
    let mut names: Vec<String> = vec![];
    let class = if matches!(vm.heap.kind(o), Kind::Class(_)) {
        o
    } else {
        vm.type_of(o)
    };
    let mut dict = ObjId::NULL;
    if let Kind::Module(m) = vm.heap.kind(o) {
        syms.extend(m.dict.iter().map(|(k, _)| k));
    } else if let Kind::Function(f) = vm.heap.kind(o) {
        dict = f.dict;
        // The function type's getset descriptors and members (`Vm::function_attr`
        // answers them; the type's dict does not list them).
        names.extend(FUNCTION_FIELDS.iter().map(|n| n.to_string()));
    } else if let Some(i) = vm.instance_of(o) {
        syms.extend(i.attrs.iter().map(|(k, _)| k));
        dict = i.dict;
    }
    if !dict.is_null()
        && let Kind::Dict(t) = vm.heap.kind(dict)
    {
        names.extend(
            t.iter()
                .filter_map(|(_, e)| vm.as_str(e.key).map(str::to_string)),
        );
    }
    if !matches!(vm.heap.kind(o), Kind::Module(_)) {
        let mut chain = vec![class];
        if let Some(c) = vm.class(class) {
            chain.extend(c.mro.iter().copied());
        }
        for c in chain {
            if let Some(d) = vm.class_dict(c) {
                syms.extend(d.iter().map(|(k, _)| k));
            }
        }
        names.push("__class__".to_string());
    }
    names.extend(syms.iter().map(|s| vm.heap.sym_name(*s).to_string()));
    // Each name once, where it is first found (CPython merges them into a dict).
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    names
}

fn frame_clear(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "clear", args, kw, 1, 1)?;
    vm.frame_clear(args[0])?;
    Ok(vm.none())
}

fn globals(vm: &mut Vm, _args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    let g = vm.frames.last().map(|f| f.st.globals).unwrap_or(vm.main);
    let d = vm.names.dict;
    vm.getattr(g, d)
}

fn locals(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let Some(f) = vm.frames.last() else {
        return globals(vm, args, kw);
    };
    let ns = f.st.ns;
    if !ns.is_null() && matches!(vm.heap.kind(ns), Kind::Module(_)) {
        return globals(vm, args, kw);
    }
    // A function's frame: the dict it keeps, brought up to date.
    if ns.is_null() || matches!(vm.heap.kind(ns), Kind::Dict(_)) {
        let top = vm.frames.len() - 1;
        return vm.fast_to_locals(crate::vm::frameobj::StateAt::Running(top));
    }
    let pairs = super::exec::local_pairs(vm);
    let d = vm.new_dict();
    for (n, v) in pairs {
        let k = vm.new_str(&n);
        vm.dict_set(d, k, v)?;
        vm.heap.decref(k);
    }
    Ok(d)
}

/// `seq * n` (n borrowed int).
pub fn repeat(vm: &mut Vm, seq: ObjId, n: ObjId, inplace: bool) -> PyResult<ObjId> {
    let n = to_i64(vm, n, "")?.max(0) as usize;
    if inplace && matches!(vm.heap.kind(seq), Kind::List(_)) {
        return list_inplace_repeat(vm, seq, n);
    }
    // (A str's or bytes' result refused before it is made.)
    let text_len = match vm.heap.kind(seq) {
        Kind::Str(s) => s.s.len(),
        Kind::Bytes(b) => b.len(),
        _ => 0,
    };
    vm.check_alloc(text_len as u128 * n as u128)?;
    match vm.heap.kind(seq) {
        Kind::Str(s) => {
            let r = s.s.repeat(n);
            Ok(vm.new_string(r))
        }
        Kind::Bytes(b) => {
            let r = b.repeat(n);
            Ok(vm.new_bytes(r))
        }
        Kind::List(_) | Kind::Tuple(_) => {
            let items: Vec<ObjId> = match vm.heap.kind(seq) {
                Kind::List(l) => l.items.to_vec(),
                Kind::Tuple(t) => t.to_vec(),
                _ => vec![],
            };
            let total = items.len().saturating_mul(n);
            vm.check_alloc(56 + 8 * total as u128)?;
            let mut out = Vec::with_capacity(total);
            for _ in 0..n {
                out.extend_from_slice(&items);
            }
            // One reference per slot, counted in bulk.
            for i in &items {
                for _ in 0..n {
                    vm.heap.incref(*i);
                }
            }
            let is_list = matches!(vm.heap.kind(seq), Kind::List(_));
            Ok(if is_list {
                vm.new_list(out)
            } else {
                vm.new_tuple(out)
            })
        }
        _ => Err(vm.type_error("can't multiply sequence")),
    }
}

/// `l *= n`: the list itself grows (or is cleared), as CPython's list_inplace_repeat,
/// with list_resize's capacity: `l = [1, 2, 3]; l *= 10` is 312 bytes.
fn list_inplace_repeat(vm: &mut Vm, list: ObjId, n: usize) -> PyResult<ObjId> {
    let items: Vec<ObjId> = match vm.heap.kind(list) {
        Kind::List(l) => l.items.to_vec(),
        _ => vec![],
    };
    if n == 0 {
        // list_clear: no more capacity, the items released last to first.
        if let Kind::List(l) = vm.heap.kind_mut(list) {
            l.items.clear();
            l.cap = 0;
        }
        vm.heap.resize(list);
        for i in items.iter().rev() {
            vm.heap.decref(*i);
        }
    } else if n > 1 {
        let old = items.len();
        let total = old.saturating_mul(n);
        if total > 1 << 32
            || vm
                .options
                .max_heap
                .is_some_and(|max| vm.heap.bytes + 8 * (total - old) > max)
        {
            return Err(vm.memory_error());
        }
        for i in &items {
            for _ in 1..n {
                vm.heap.incref(*i);
            }
        }
        if let Kind::List(l) = vm.heap.kind_mut(list) {
            l.cap = super::containers::list_grow_capacity(old, total, l.cap);
            for _ in 1..n {
                l.items.extend_from_slice(&items);
            }
        }
        vm.heap.resize(list);
    }
    vm.heap.incref(list);
    Ok(list)
}

pub fn set_binop(vm: &mut Vm, a: ObjId, b: ObjId, op: BinOp, inplace: bool) -> PyResult<ObjId> {
    let xs = vm.collect(a)?;
    let ys = vm.collect(b)?;
    let frozen = matches!(vm.heap.kind(a), Kind::FrozenSet(_));
    let out = if inplace {
        vm.heap.incref(a);
        a
    } else {
        vm.new_set(frozen)
    };
    let mut r = Ok(());
    let go = |vm: &mut Vm| -> PyResult<()> {
        match op {
            // A copy of `a` (slot for slot), then `b` merged into it, as `set_or`.
            BinOp::Or => {
                if !inplace {
                    vm.set_update(out, a)?;
                }
                vm.set_update(out, b)?;
            }
            BinOp::And => {
                for x in &xs {
                    let inb = vm.set_contains(b, *x)?;
                    if inplace && !inb {
                        vm.set_discard(out, *x)?;
                    } else if !inplace && inb {
                        vm.set_add(out, *x)?;
                    }
                }
            }
            BinOp::Sub => {
                for x in &xs {
                    let inb = vm.set_contains(b, *x)?;
                    if inplace && inb {
                        vm.set_discard(out, *x)?;
                    } else if !inplace && !inb {
                        vm.set_add(out, *x)?;
                    }
                }
            }
            // As CPython's set_symmetric_difference_update: each item of the other set
            // leaves the set if there, else joins it; `a ^ b` starts from a copy of `b`
            // and takes `a`'s items so.
            _ => {
                let other = if inplace {
                    b
                } else {
                    vm.set_update(out, b)?;
                    a
                };
                // (The hashes the other set keeps: no `__hash__` is called again.)
                let entries = vm.set_entries(other);
                let keys: Vec<ObjId> = entries.iter().map(|(k, _)| *k).collect();
                let r = vm.while_holding(&keys, |vm| {
                    for (v, hash) in &entries {
                        if !vm.set_discard_hashed(out, *v, *hash)? {
                            vm.set_add_hashed(out, *v, *hash)?;
                        }
                    }
                    Ok(())
                });
                vm.release_all(keys);
                r?;
            }
        }
        Ok(())
    };
    // The items and the result are holders while __hash__ and __eq__ run.
    let mut held = xs.clone();
    held.extend_from_slice(&ys);
    held.push(out);
    if let Err(e) = vm.while_holding(&held, go) {
        r = Err(e);
    }
    vm.release_all(xs);
    vm.release_all(ys);
    match r {
        Ok(()) => Ok(out),
        Err(e) => {
            vm.heap.decref(out);
            Err(e)
        }
    }
}

fn subset(vm: &mut Vm, a: ObjId, b: ObjId) -> PyResult<bool> {
    let xs = vm.collect(a)?;
    // (The items are held while a `__hash__` or `__eq__` runs.)
    let r = vm.while_holding(&xs, |vm| {
        for x in &xs {
            if !vm.set_contains(b, *x)? {
                return Ok(false);
            }
        }
        Ok(true)
    });
    vm.release_all(xs);
    r
}

pub fn set_compare(vm: &mut Vm, a: ObjId, b: ObjId, op: CmpOp) -> PyResult<bool> {
    let (la, lb) = (vm.dict_len(a), vm.dict_len(b));
    Ok(match op {
        CmpOp::Eq => la == lb && subset(vm, a, b)?,
        CmpOp::Ne => !(la == lb && subset(vm, a, b)?),
        CmpOp::Le => subset(vm, a, b)?,
        CmpOp::Lt => la < lb && subset(vm, a, b)?,
        CmpOp::Ge => subset(vm, b, a)?,
        CmpOp::Gt => la > lb && subset(vm, b, a)?,
    })
}

pub fn dict_eq(vm: &mut Vm, a: ObjId, b: ObjId) -> PyResult<bool> {
    if vm.dict_len(a) != vm.dict_len(b) {
        return Ok(false);
    }
    let pairs: Vec<(ObjId, ObjId)> = match vm.heap.kind(a) {
        Kind::Dict(t) => t.iter().map(|(_, e)| (e.key, e.value)).collect(),
        _ => vec![],
    };
    for (k, v) in pairs {
        match vm.dict_lookup(b, k)? {
            Some(w) => {
                if !vm.eq(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

pub fn range_getitem(vm: &mut Vm, r: [i64; 3], key: ObjId) -> PyResult<ObjId> {
    let len = super::range_len(r[0], r[1], r[2]);
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let (start, stop, step) = vm.slice_indices(key, len as usize)?;
        let nstart = r[0] + start * r[2];
        let nstop = r[0] + stop * r[2];
        let nstep = r[2] * step;
        return Ok(vm.heap.alloc(Kind::Range(Box::new([nstart, nstop, nstep]))));
    }
    let i = vm.index_of(key, "range")?;
    let idx = if i < 0 { i + len } else { i };
    if idx < 0 || idx >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_int(r[0] + idx * r[2]))
}

pub fn bytes_getitem(vm: &mut Vm, obj: ObjId, key: ObjId) -> PyResult<ObjId> {
    let (len, is_bytes) = match vm.heap.kind(obj) {
        Kind::Bytes(b) => (b.len(), true),
        Kind::ByteArray(b) => (b.len(), false),
        _ => return Err(vm.type_error("expected bytes")),
    };
    fn data(vm: &Vm, obj: ObjId) -> &[u8] {
        match vm.heap.kind(obj) {
            Kind::Bytes(b) | Kind::ByteArray(b) => &b[..],
            _ => &[],
        }
    }
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let (start, stop, step) = vm.slice_indices(key, len)?;
        // A whole bytes object is itself, as in CPython.
        if is_bytes && start == 0 && stop == len as i64 && step == 1 {
            vm.heap.incref(obj);
            return Ok(obj);
        }
        let v: Vec<u8> = super::slice_positions(start, stop, step)
            .map(|i| data(vm, obj)[i])
            .collect();
        return Ok(if is_bytes {
            vm.new_bytes(v)
        } else {
            vm.heap.alloc(Kind::ByteArray(Box::new(v)))
        });
    }
    let i = vm.index_of(key, if is_bytes { "byte" } else { "bytearray" })?;
    let idx = if i < 0 { i + len as i64 } else { i };
    match (idx >= 0)
        .then(|| data(vm, obj).get(idx as usize).copied())
        .flatten()
    {
        Some(b) => Ok(vm.new_int(b as i64)),
        None => Err(vm.index_error(if is_bytes {
            "index out of range"
        } else {
            "bytearray index out of range"
        })),
    }
}

pub fn bytearray_setitem(vm: &mut Vm, obj: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        return bytearray_set_slice(vm, obj, key, value);
    }
    let i = vm.index_of(key, "bytearray")?;
    let v = to_i64(vm, value, "")?;
    if !(0..256).contains(&v) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    let ok = match vm.heap.kind_mut(obj) {
        Kind::ByteArray(b) => {
            let idx = if i < 0 { i + b.len() as i64 } else { i };
            match (idx >= 0).then(|| b.get_mut(idx as usize)).flatten() {
                Some(slot) => {
                    *slot = v as u8;
                    true
                }
                None => false,
            }
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(vm.index_error("bytearray index out of range"))
    }
}

/// `ba[i:j] = x` (one resize), or an extended slice of the same length.
fn bytearray_set_slice(vm: &mut Vm, obj: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
    let new: Vec<u8> = match vm.heap.kind(value) {
        Kind::Int(_) | Kind::Bool(_) | Kind::Str(_) => {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        }
        _ => vm.bytes_of_iterable(value)?,
    };
    let len = vm.bytes_like(obj).map_or(0, |b| b.len());
    let (start, stop, step) = vm.slice_indices(key, len)?;
    if step == 1 {
        let (lo, hi) = (start.max(0) as usize, stop.max(start).max(0) as usize);
        vm.bytearray_edit(obj, |b| {
            b.splice(lo..hi.min(b.len()), new);
        })?;
        return Ok(());
    }
    let pos: Vec<usize> = super::slice_positions(start, stop, step).collect();
    if pos.len() != new.len() {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            pos.len()
        )));
    }
    vm.bytearray_edit(obj, |b| {
        for (i, v) in pos.into_iter().zip(new) {
            b[i] = v;
        }
    })?;
    Ok(())
}

/// Fills a new container (owned) from an optional iterable, holding the container while
/// the iteration may run Python code; releases it on error.
fn fill_new(
    vm: &mut Vm,
    obj: ObjId,
    src: Option<ObjId>,
    fill: fn(&mut Vm, ObjId, ObjId) -> PyResult<()>,
) -> PyResult<ObjId> {
    let r = match src {
        Some(it) => vm.while_holding(&[obj], |vm| fill(vm, obj, it)),
        None => Ok(()),
    };
    match r {
        Ok(()) => Ok(obj),
        Err(e) => {
            vm.heap.decref(obj);
            Err(e)
        }
    }
}

/// Type constructors.
pub fn construct(
    vm: &mut Vm,
    tag: TypeTag,
    _class: ObjId,
    args: &[ObjId],
    kw: Kw,
) -> PyResult<ObjId> {
    let name = tag.name();
    match tag {
        TypeTag::Object => {
            check_args(vm, "object", args, kw, 0, 0).map_err(|e| {
                vm.heap.decref(e.0);
                vm.type_error("object() takes no arguments")
            })?;
            let o = vm.type_obj(TypeTag::Object);
            let inst = vm.new_instance(o)?;
            // A bare object() has no __dict__ or weakref slots: 16 bytes, and it is not
            // a gc object (nor counted as one allocated).
            vm.heap.set_size(inst, 16);
            vm.heap.untrack(inst);
            vm.heap.gc_count0 = (vm.heap.gc_count0 - 1).max(0);
            Ok(inst)
        }
        TypeTag::Type => {
            if args.len() == 1 {
                let t = vm.type_of(args[0]);
                vm.heap.incref(t);
                return Ok(t);
            }
            if args.len() == 3 {
                return super::classes::type_new(vm, args);
            }
            Err(vm.type_error("type() takes 1 or 3 arguments"))
        }
        TypeTag::Int => super::strings::int_new(vm, args, kw),
        TypeTag::Float => super::strings::float_new(vm, args, kw),
        TypeTag::Bool => {
            check_args(vm, "bool", args, kw, 0, 1)?;
            let b = match args.first() {
                Some(v) => vm.truthy(*v)?,
                None => false,
            };
            Ok(vm.new_bool(b))
        }
        TypeTag::WeakRef => {
            if args.is_empty() {
                return Err(vm.type_error("__new__ expected at least 1 argument, got 0"));
            }
            check_args(vm, "ref", args, kw, 1, 2)?;
            let cb = args.get(1).copied().unwrap_or(ObjId::NULL);
            vm.new_weakref(args[0], cb, false)
        }
        TypeTag::Complex => {
            check_args(vm, "complex", args, kw, 0, 2)?;
            // complex(x): x's own __complex__, or a string's number, as complex_new.
            if let [x] = args {
                let special = vm.heap.intern_sym("__complex__");
                if let Some(r) = vm.call_special(*x, special, &[])? {
                    if matches!(vm.heap.kind(r), Kind::Complex(_)) {
                        return Ok(r);
                    }
                    let tn = vm.type_name(r);
                    vm.heap.decref(r);
                    return Err(
                        vm.type_error(format!("__complex__ returned non-complex (type {tn})"))
                    );
                }
                if let Kind::Complex(c) = vm.heap.kind(*x) {
                    let c = **c;
                    return Ok(vm.heap.alloc(Kind::Complex(Box::new(c))));
                }
                if let Some(s) = vm.as_str(*x) {
                    let Some((re, im)) = parse_complex(s) else {
                        return Err(vm.value_error("complex() arg is a malformed string"));
                    };
                    return Ok(vm.heap.alloc(Kind::Complex(Box::new((re, im)))));
                }
            }
            let re = match args.first() {
                Some(v) => vm.float_value(*v)?,
                None => 0.0,
            };
            let im = match args.get(1) {
                Some(v) => vm.float_value(*v)?,
                None => 0.0,
            };
            Ok(vm.heap.alloc(Kind::Complex(Box::new((re, im)))))
        }
        TypeTag::Str => super::strings::str_new(vm, args, kw),
        TypeTag::MemoryView => super::memview::memoryview_new(vm, args, kw),
        TypeTag::Bytes | TypeTag::ByteArray => super::strings::bytes_new(vm, tag, args, kw),
        TypeTag::List => {
            check_args(vm, "list", args, kw, 0, 1)?;
            let l = vm.new_list(vec![]);
            fill_new(vm, l, args.first().copied(), Vm::list_extend)
        }
        TypeTag::Tuple => {
            check_args(vm, "tuple", args, kw, 0, 1)?;
            match args.first() {
                Some(it) => {
                    if matches!(vm.heap.kind(*it), Kind::Tuple(t) if t.ext.is_none()) {
                        vm.heap.incref(*it);
                        return Ok(*it);
                    }
                    let items = vm.collect_sequence(*it)?;
                    Ok(vm.new_tuple(items))
                }
                None => Ok(vm.new_tuple(vec![])),
            }
        }
        TypeTag::Dict => {
            let d = vm.new_dict();
            let r = vm.while_holding(&[d], |vm| vm.init_builtin(TypeTag::Dict, d, args, kw));
            match r {
                Ok(()) => Ok(d),
                Err(e) => {
                    vm.heap.decref(d);
                    Err(e)
                }
            }
        }
        TypeTag::Set | TypeTag::FrozenSet => {
            check_args(vm, name, args, kw, 0, 1)?;
            // `frozenset(fs)` of an exact frozenset is that frozenset.
            if tag == TypeTag::FrozenSet
                && let Some(&a) = args.first()
                && matches!(vm.heap.kind(a), Kind::FrozenSet(_))
                && !vm.is_subclass_instance(a)
            {
                vm.heap.incref(a);
                return Ok(a);
            }
            let s = vm.new_set(tag == TypeTag::FrozenSet);
            fill_new(vm, s, args.first().copied(), Vm::set_update)
        }
        TypeTag::Range => {
            if !kw.is_empty() {
                return Err(vm.type_error("range() takes no keyword arguments"));
            }
            let vals: Vec<i64> = args
                .iter()
                .map(|a| to_i64(vm, *a, ""))
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match vals.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
                _ => {
                    return Err(vm.type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        vals.len()
                    )));
                }
            };
            if step == 0 {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            Ok(vm.heap.alloc(Kind::Range(Box::new([start, stop, step]))))
        }
        TypeTag::Slice => {
            check_args(vm, "slice", args, kw, 1, 3)?;
            let n = vm.none;
            let (a, b, c) = match args {
                [stop] => (n, *stop, n),
                [a, b] => (*a, *b, n),
                [a, b, c] => (*a, *b, *c),
                _ => (n, n, n),
            };
            for x in [a, b, c] {
                vm.heap.incref(x);
            }
            Ok(vm.heap.alloc(Kind::Slice(Box::new([a, b, c]))))
        }
        TypeTag::Property => {
            check_kwargs(vm, "property", kw, &["fget", "fset", "fdel", "doc"])?;
            let mut p = crate::heap::kinds::PropertyObj {
                fns: [ObjId::NULL; 3],
                name: None,
            };
            for (i, slot) in p.fns.iter_mut().enumerate() {
                let v = args
                    .get(i)
                    .copied()
                    .or_else(|| kwarg(vm, kw, ["fget", "fset", "fdel"][i]));
                if let Some(v) = v
                    && v != vm.none
                {
                    vm.heap.incref(v);
                    *slot = v;
                }
            }
            Ok(vm.heap.alloc(Kind::Property(Box::new(p))))
        }
        TypeTag::ClassMethod | TypeTag::StaticMethod => {
            check_args(vm, name, args, kw, 1, 1)?;
            vm.heap.incref(args[0]);
            Ok(vm.heap.alloc(if tag == TypeTag::ClassMethod {
                Kind::ClassMethod(args[0])
            } else {
                Kind::StaticMethod(args[0])
            }))
        }
        TypeTag::Super => super::classes::super_new(vm, args),
        TypeTag::Enumerate => {
            check_kwargs(vm, "enumerate", kw, &["iterable", "start"])?;
            let Some(src) = args.first().copied().or_else(|| kwarg(vm, kw, "iterable")) else {
                return Err(
                    vm.type_error("enumerate() missing required argument 'iterable' (pos 1)")
                );
            };
            let start = match args.get(1).copied().or_else(|| kwarg(vm, kw, "start")) {
                Some(s) => to_i64(vm, s, "")?,
                None => 0,
            };
            let it = vm.get_iter(src)?;
            let result = vm.nones_tuple(2);
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag: TypeTag::Enumerate,
                state: IterState::Enumerate {
                    it,
                    count: start,
                    result,
                },
            }))))
        }
        TypeTag::Zip => {
            check_kwargs(vm, "zip", kw, &["strict"])?;
            let its = vm.iters_of(args)?;
            let strict = match kwarg(vm, kw, "strict") {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            let result = match its.len() {
                0 => ObjId::NULL,
                n => vm.nones_tuple(n),
            };
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag: TypeTag::Zip,
                state: IterState::Zip {
                    its,
                    strict,
                    result,
                },
            }))))
        }
        TypeTag::Map => {
            if args.len() < 2 {
                return Err(vm.type_error("map() must have at least two arguments."));
            }
            let its = vm.iters_of(&args[1..])?;
            vm.heap.incref(args[0]);
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag: TypeTag::Map,
                state: IterState::Map { func: args[0], its },
            }))))
        }
        TypeTag::Filter => {
            check_args(vm, "filter", args, kw, 2, 2)?;
            let it = vm.get_iter(args[1])?;
            vm.heap.incref(args[0]);
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag: TypeTag::Filter,
                state: IterState::Filter { func: args[0], it },
            }))))
        }
        TypeTag::Reversed => {
            check_args(vm, "reversed", args, kw, 1, 1)?;
            reversed(vm, args[0])
        }
        TypeTag::Array => crate::vm::modules::array::array_new(vm, args, kw),
        TypeTag::NoneType | TypeTag::NotImplementedType | TypeTag::Ellipsis => {
            if !args.is_empty() || !kw.is_empty() {
                return Err(vm.type_error(format!("{name} takes no arguments")));
            }
            let v = match tag {
                TypeTag::NoneType => vm.none,
                TypeTag::NotImplementedType => vm.not_implemented,
                _ => vm.ellipsis,
            };
            vm.heap.incref(v);
            Ok(v)
        }
        // `types.MethodType(func, obj)`: func bound to obj.
        TypeTag::Method => {
            check_args(vm, "method", args, kw, 2, 2)?;
            if !vm.is_callable(args[0]) {
                return Err(vm.type_error("first argument must be callable"));
            }
            if args[1] == vm.none {
                return Err(vm.type_error("instance must not be None"));
            }
            vm.heap.incref(args[0]);
            vm.heap.incref(args[1]);
            Ok(vm.heap.alloc(Kind::Method(Box::new([args[0], args[1]]))))
        }
        // `types.MappingProxyType(mapping)`: a read-only view of a dict (or of what
        // another proxy shows).
        TypeTag::MappingProxy => {
            check_args(vm, "mappingproxy", args, kw, 1, 1)?;
            let target = match vm.heap.kind(args[0]) {
                Kind::MappingProxy(ns) => *ns,
                Kind::Dict(_) | Kind::TypeDict(_) => args[0],
                _ => {
                    let tn = vm.type_name(args[0]);
                    return Err(vm.type_error(format!(
                        "mappingproxy() argument must be a mapping, not {tn}"
                    )));
                }
            };
            vm.heap.incref(target);
            Ok(vm.heap.alloc(Kind::MappingProxy(target)))
        }
        _ => Err(vm.type_error(format!("cannot create '{name}' instances"))),
    }
}

fn reversed(vm: &mut Vm, v: ObjId) -> PyResult<ObjId> {
    // A class namespace: reversed over a copy of its names.
    if let Some(ns) = vm.namespace_of(v) {
        let copy = vm.namespace_copy(ns)?;
        let r = reversed(vm, copy);
        vm.heap.decref(copy);
        return r;
    }
    // A subclass of a built-in type may define its own.
    let r = vm.names.reversed;
    if vm.is_subclass_instance(v)
        && vm.user_class_lookup(vm.type_of(v), r).is_some()
        && let Some(x) = vm.call_special_user(v, r, &[])?
    {
        return Ok(x);
    }
    match vm.heap.kind(v) {
        // A list: its list_reverseiterator. A tuple, str or bytes: CPython's `reversed`
        // object over the sequence and an index (a subclass's instance goes through its
        // items, below).
        Kind::List(_) | Kind::Tuple(_) | Kind::Str(_) | Kind::Bytes(_)
            if matches!(vm.heap.kind(v), Kind::List(_)) || !vm.is_subclass_instance(v) =>
        {
            let (n, tag) = match vm.heap.kind(v) {
                Kind::List(l) => (l.items.len(), TypeTag::ListReverseIterator),
                Kind::Tuple(t) => (t.len(), TypeTag::Reversed),
                Kind::Str(s) => (s.chars as usize, TypeTag::Reversed),
                Kind::Bytes(b) => (b.len(), TypeTag::Reversed),
                _ => (0, TypeTag::Reversed),
            };
            vm.heap.incref(v);
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag,
                state: IterState::ListReverse {
                    seq: v,
                    index: n as isize - 1,
                },
            }))))
        }
        Kind::Range(r) => {
            let [start, stop, step] = **r;
            let n = super::range_len(start, stop, step);
            let last = start + (n - 1) * step;
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag: TypeTag::RangeIterator,
                state: IterState::Range {
                    next: last,
                    stop: start - step,
                    step: -step,
                },
            }))))
        }
        // A dict or a view of its keys, values or items: an iterator from the last
        // entry back (dict___reversed__, dictkeys_reversed...).
        Kind::Dict(_) | Kind::DictView(_) => {
            let (tag, d) = match vm.heap.kind(v) {
                Kind::DictView(dv) => match **dv {
                    (TypeTag::DictValues, d) => (TypeTag::DictRevValueIterator, d),
                    (TypeTag::DictItems, d) => (TypeTag::DictRevItemIterator, d),
                    (_, d) => (TypeTag::DictRevKeyIterator, d),
                },
                _ => (TypeTag::DictRevKeyIterator, v),
            };
            let (len, end) = match vm.heap.kind(d) {
                Kind::Dict(t) => (t.len(), t.entries_end()),
                _ => (0, 0),
            };
            vm.heap.incref(d);
            let result = match tag {
                TypeTag::DictRevItemIterator => vm.nones_tuple(2),
                _ => ObjId::NULL,
            };
            Ok(vm.heap.alloc(Kind::Iter(Box::new(IterObj {
                tag,
                state: IterState::Table {
                    obj: d,
                    index: end,
                    len,
                    result,
                },
            }))))
        }
        Kind::Tuple(_) | Kind::Str(_) | Kind::Array(_) | Kind::Bytes(_) => {
            let mut items = vm.collect(v)?;
            items.reverse();
            let l = vm.new_list(items);
            let it = vm.get_iter(l);
            vm.heap.decref(l);
            it
        }
        _ => {
            let r = vm.names.reversed;
            if let Some(x) = vm.call_special_user(v, r, &[])? {
                return Ok(x);
            }
            let ty = vm.type_of(v);
            let (gi, ln) = (vm.names.getitem, vm.names.len);
            if vm.class_lookup(ty, gi).is_some() && vm.class_lookup(ty, ln).is_some() {
                let n = len_of(vm, v)?;
                let mut items = vec![];
                for i in (0..n).rev() {
                    let k = vm.new_int(i as i64);
                    let x = vm.getitem(v, k);
                    vm.heap.decref(k);
                    items.push(x?);
                }
                let l = vm.new_list(items);
                let it = vm.get_iter(l);
                vm.heap.decref(l);
                return it;
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object is not reversible")))
        }
    }
}

impl Vm {
    /// A float from an int or float (for float-taking builtins).
    pub fn float_value(&mut self, v: ObjId) -> PyResult<f64> {
        match self.num_of(v) {
            Some(crate::vm::ops::Num::Float(f)) => Ok(f),
            Some(crate::vm::ops::Num::Int(i)) => i.to_f64().map_err(|e| self.num_err(e)),
            None => {
                if let Some(r) = self.try_dunder(v, "__float__", &[])? {
                    let f = self.float_of(r);
                    self.heap.decref(r);
                    if let Some(f) = f {
                        return Ok(f);
                    }
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!("must be real number, not {tn}")))
            }
        }
    }
}

// ---- methods of int, float, tuple, set, range ----

/// `slice.indices(length)`: (start, stop, step) clipped to a sequence of that length.
fn slice_indices(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "indices", args, kw, 2, 2)?;
    let len = to_i64(vm, args[1], "")?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = vm.slice_indices(args[0], len as usize)?;
    let items = vec![vm.new_int(start), vm.new_int(stop), vm.new_int(step)];
    Ok(vm.new_tuple(items))
}

/// `int.bit_count()`: the number of ones in the absolute value's binary form.
fn int_bit_count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "bit_count", args, kw, 1, 1)?;
    let n = vm.int_of(args[0]).unwrap_or(Int::Small(0)).to_bigint();
    let ones: u64 = n
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(vm.new_int(ones as i64))
}

fn int_bit_length(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "bit_length", args, kw, 1, 1)?;
    let i = vm.int_of(args[0]).unwrap_or(Int::Small(0));
    Ok(vm.new_int(i.bit_length() as i64))
}

/// The `length`/`bytes`, `byteorder` and `signed` arguments of `int.to_bytes` and
/// `int.from_bytes` (after the first): (first, little-endian, signed).
fn bytes_args(
    vm: &mut Vm,
    name: &str,
    first: &str,
    args: &[ObjId],
    kw: Kw,
) -> PyResult<(Option<ObjId>, bool, bool)> {
    check_kwargs(vm, name, kw, &[first, "byteorder", "signed"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 2 positional arguments ({} given)",
            args.len() - 1
        )));
    }
    let first_arg = args.get(1).copied().or_else(|| kwarg(vm, kw, first));
    let little = match args.get(2).copied().or_else(|| kwarg(vm, kw, "byteorder")) {
        None => false,
        Some(o) => match vm.as_str(o) {
            Some("little") => true,
            Some("big") => false,
            Some(_) => {
                return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
            }
            None => {
                let tn = vm.type_name(o);
                return Err(vm.type_error(format!(
                    "{name}() argument 'byteorder' must be str, not {tn}"
                )));
            }
        },
    };
    let signed = match kwarg(vm, kw, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok((first_arg, little, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (length, little, signed) = bytes_args(vm, "to_bytes", "length", args, kw)?;
    let n = vm.int_of(args[0]).unwrap_or(Int::Small(0)).to_bigint();
    let length = match length {
        None => 1,
        Some(l) => to_i64(vm, l, "")?,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if !signed && n.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut out = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    // The shortest form of 0 is one zero byte; what does not fit is too big.
    if n.sign() == num_bigint::Sign::NoSign {
        out.clear();
    }
    let length = length as usize;
    if out.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && n.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    out.resize(length, fill);
    if !little {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (data, little, signed) = bytes_args(vm, "from_bytes", "bytes", args, kw)?;
    let Some(data) = data else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut b = match super::bytes::bytes_of(vm, data) {
        Some(b) => b,
        // Any iterable of ints in 0..256, as bytes() takes it.
        None => super::strings::bytes_from_iterable(vm, data)?,
    };
    if !little {
        b.reverse();
    }
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&b)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &b)
    };
    let v = vm.new_bigint(n);
    // Called on a subclass (`Bits.from_bytes`), the class makes the result, as CPython's
    // int_from_bytes_impl calls it.
    if let Some(&cls) = args.first()
        && cls != vm.type_obj(TypeTag::Int)
        && matches!(vm.heap.kind(cls), Kind::Class(_))
    {
        let r = vm.while_holding(&[v], |vm| vm.call(cls, &[v]));
        vm.heap.decref(v);
        return r;
    }
    Ok(v)
}

fn float_is_integer(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "is_integer", args, kw, 1, 1)?;
    let f = vm.float_of(args[0]).unwrap_or(0.5);
    Ok(vm.new_bool(f.is_finite() && f.fract() == 0.0))
}

/// `int.as_integer_ratio()`: the int itself over 1.
fn int_as_integer_ratio(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "as_integer_ratio", args, kw, 1, 1)?;
    // (A bool gives an int: `True.as_integer_ratio()` is `(1, 1)`.)
    let n = match vm.int_of(args[0]) {
        Some(crate::vm::num::Int::Small(i)) => vm.new_int(i),
        _ => {
            vm.heap.incref(args[0]);
            args[0]
        }
    };
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![n, one]))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>`, as CPython's float_hex writes
/// it (a subnormal as `0x0.<digits>p-1022`).
fn float_hex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "hex", args, kw, 1, 1)?;
    let x = vm.float_of(args[0]).unwrap_or(0.0);
    let s = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        if x < 0.0 { "-inf" } else { "inf" }.to_string()
    } else {
        let sign = if x.is_sign_negative() { "-" } else { "" };
        if x == 0.0 {
            format!("{sign}0x0.0p+0")
        } else {
            let bits = x.abs().to_bits();
            let raw = ((bits >> 52) & 0x7ff) as i64;
            let frac = bits & ((1 << 52) - 1);
            let (lead, exp) = if raw == 0 {
                (0, -1022)
            } else {
                (1, raw - 1023)
            };
            format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
        }
    };
    Ok(vm.new_string(s))
}

/// `float.fromhex(s)`, a class method (refscope has no float subclasses to call it on).
fn float_fromhex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "fromhex", args, kw, 2, 2)?;
    let Some(s) = vm.as_str(args[1]).map(str::to_string) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = crate::vm::num::float_fromhex(&s).map_err(|e| vm.num_err(e))?;
    Ok(vm.new_float(x))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "as_integer_ratio", args, kw, 1, 1)?;
    let f = vm.float_of(args[0]).unwrap_or(0.0);
    let (n, d) = crate::vm::numops::float_ratio(f).map_err(|e| vm.num_err(e))?;
    let n = vm.new_bigint(n);
    let d = vm.new_bigint(d);
    Ok(vm.new_tuple(vec![n, d]))
}

/// `seq.count(x)` for tuples and lists.
pub fn seq_count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "count", args, kw, 2, 2)?;
    let items = vm.collect(args[0])?;
    // The items are held while `__eq__` may run Python code.
    let mark = vm.held.len();
    vm.held.extend_from_slice(&items);
    let mut n = 0;
    let mut r = Ok(());
    for x in &items {
        match vm.eq(*x, args[1]) {
            Ok(true) => n += 1,
            Ok(false) => {}
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.held.truncate(mark);
    vm.release_all(items);
    r?;
    Ok(vm.new_int(n))
}

/// `seq.index(x)` for tuples and lists.
pub fn seq_index(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "index", args, kw, 2, 4)?;
    // (The bounds first: their `__index__` may run Python code, which must not see the
    // items held here and nowhere else.)
    let start = match args.get(2) {
        Some(&s) => Some(vm.slice_index_not_none(s)?),
        None => None,
    };
    let stop = match args.get(3) {
        Some(&s) => Some(vm.slice_index_not_none(s)?),
        None => None,
    };
    let items = vm.collect(args[0])?;
    let n = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let (start, stop) = (start.map_or(0, norm), stop.map_or(n, norm));
    let mark = vm.held.len();
    vm.held.extend_from_slice(&items);
    let mut found = None;
    let mut r = Ok(());
    for i in start..stop {
        match vm.eq(items[i as usize], args[1]) {
            Ok(true) => {
                found = Some(i);
                break;
            }
            Ok(false) => {}
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    let is_list = matches!(vm.heap.kind(args[0]), Kind::List(_));
    vm.held.truncate(mark);
    vm.release_all(items);
    r?;
    match found {
        Some(i) => Ok(vm.new_int(i)),
        None if is_list => {
            let rp = vm.repr_of(args[1])?;
            Err(vm.value_error(format!("{rp} is not in list")))
        }
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn set_add_m(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "add", args, kw, 2, 2)?;
    vm.set_add(args[0], args[1])?;
    Ok(vm.none())
}

fn set_remove(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "remove", args, kw, 2, 2)?;
    if !vm.set_discard(args[0], args[1])? {
        return Err(vm.key_error(args[1]));
    }
    Ok(vm.none())
}

fn set_discard_m(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "discard", args, kw, 2, 2)?;
    vm.set_discard(args[0], args[1])?;
    Ok(vm.none())
}

fn set_pop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "pop", args, kw, 1, 1)?;
    let s = args[0];
    let first = match vm.heap.kind_mut(s) {
        Kind::Set(t) => {
            let first = t.iter().next().map(|(i, _)| i);
            first.map(|i| t.remove_at(i))
        }
        _ => None,
    };
    match first {
        Some(e) => Ok(e.key),
        None => Err(vm.new_exception(vm.exc_types.key_error, "pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "clear", args, kw, 1, 1)?;
    set_clear_all(vm, args[0]);
    Ok(vm.none())
}

/// Empties a set, releasing its elements.
pub fn set_clear_all(vm: &mut Vm, s: ObjId) {
    let entries = match vm.heap.kind_mut(s) {
        Kind::Set(t) => t.clear(),
        _ => vec![],
    };
    vm.heap.resize(s);
    for e in entries {
        vm.heap.decref(e.key);
    }
}

fn set_copy(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "copy", args, kw, 1, 1)?;
    // An exact frozenset's copy is itself.
    if matches!(vm.heap.kind(args[0]), Kind::FrozenSet(_)) && !vm.is_subclass_instance(args[0]) {
        vm.heap.incref(args[0]);
        return Ok(args[0]);
    }
    let frozen = matches!(vm.heap.kind(args[0]), Kind::FrozenSet(_));
    let s = vm.new_set(frozen);
    vm.set_update(s, args[0])?;
    Ok(s)
}

fn set_op_method(vm: &mut Vm, args: &[ObjId], op: BinOp, inplace: bool) -> PyResult<ObjId> {
    let mut acc = args[0];
    vm.heap.incref(acc);
    for other in &args[1..] {
        let o = if matches!(vm.heap.kind(*other), Kind::Set(_) | Kind::FrozenSet(_)) {
            vm.heap.incref(*other);
            *other
        } else {
            // (The new set and the result so far are holders while the argument's
            // iteration runs Python code.)
            let s = vm.new_set(false);
            if let Err(e) = vm.while_holding(&[s, acc], |vm| vm.set_update(s, *other)) {
                vm.heap.decref(s);
                vm.heap.decref(acc);
                return Err(e);
            }
            s
        };
        let r = vm.while_holding(&[acc, o], |vm| set_binop(vm, acc, o, op, inplace));
        vm.heap.decref(o);
        vm.heap.decref(acc);
        acc = r?;
    }
    if inplace {
        vm.heap.decref(acc);
        return Ok(vm.none());
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::Or, false)
}
fn set_intersection(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::And, false)
}
fn set_difference(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::Sub, false)
}
fn set_symmetric_difference(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::Xor, false)
}
fn set_update_m(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::Or, true)
}
fn set_intersection_update(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::And, true)
}
fn set_difference_update(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_op_method(vm, args, BinOp::Sub, true)
}
fn set_symmetric_difference_update(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "set.symmetric_difference_update() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    set_op_method(vm, args, BinOp::Xor, true)
}

/// A new set of `v`'s items (owned), held while they are iterated (which may run
/// Python code).
pub(crate) fn new_set_of(vm: &mut Vm, v: ObjId) -> PyResult<ObjId> {
    let s = vm.new_set(false);
    if let Err(e) = vm.while_holding(&[s], |vm| vm.set_update(s, v)) {
        vm.heap.decref(s);
        return Err(e);
    }
    Ok(s)
}

/// `v` as a set (owned): itself when it is a set or frozenset, else a new set of its
/// items.
pub(crate) fn as_set(vm: &mut Vm, v: ObjId) -> PyResult<ObjId> {
    if matches!(vm.heap.kind(v), Kind::Set(_) | Kind::FrozenSet(_)) {
        vm.heap.incref(v);
        return Ok(v);
    }
    new_set_of(vm, v)
}

fn set_rel(vm: &mut Vm, args: &[ObjId], op: CmpOp) -> PyResult<ObjId> {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let o = as_set(vm, args[1])?;
    let r = vm.while_holding(&[o], |vm| set_compare(vm, args[0], o, op));
    vm.heap.decref(o);
    let r = r?;
    Ok(vm.new_bool(r))
}

fn set_issubset(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_rel(vm, args, CmpOp::Le)
}
fn set_issuperset(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    set_rel(vm, args, CmpOp::Ge)
}
fn set_isdisjoint(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let r = set_intersection(vm, args, kw)?;
    let empty = vm.dict_len(r) == 0;
    vm.heap.decref(r);
    Ok(vm.new_bool(empty))
}

/// `d.keys().isdisjoint(other)` (and of an items view): as a set of the view's items.
fn view_isdisjoint(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "isdisjoint", args, kw, 2, 2)?;
    let s = new_set_of(vm, args[0])?;
    let r = vm.while_holding(&[s], |vm| set_isdisjoint(vm, &[s, args[1]], kw));
    vm.heap.decref(s);
    r
}

fn range_count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "count", args, kw, 2, 2)?;
    let r = match vm.heap.kind(args[0]) {
        Kind::Range(r) => **r,
        _ => [0, 0, 1],
    };
    let c = vm
        .small_int_of(args[1])
        .map(|i| super::range_contains(r, i))
        .unwrap_or(false);
    Ok(vm.new_int(c as i64))
}

fn range_index(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "index", args, kw, 2, 2)?;
    let r = match vm.heap.kind(args[0]) {
        Kind::Range(r) => **r,
        _ => [0, 0, 1],
    };
    match vm.small_int_of(args[1]) {
        Some(i) if super::range_contains(r, i) => Ok(vm.new_int((i - r[0]) / r[2])),
        _ => {
            let rp = vm.repr_of(args[1])?;
            Err(vm.value_error(format!("{rp} is not in range")))
        }
    }
}

fn int_conjugate(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    let i = vm.int_of(args[0]).unwrap_or(Int::Small(0));
    Ok(vm.new_int_from(i))
}

/// `seq.__reversed__()`: what `reversed(seq)` makes.
fn dunder_reversed(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__reversed__", args, kw, 1, 1)?;
    reversed(vm, args[0])
}

/// `f.__call__(*args, **kwargs)`: calls `f`.
fn dunder_call(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let Some((&f, rest)) = args.split_first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    let mut all: Vec<ObjId> = rest.to_vec();
    all.extend(kw.iter().map(|(_, v)| *v));
    for a in &all {
        vm.heap.incref(*a);
    }
    let names: Vec<Sym> = kw.iter().map(|(k, _)| *k).collect();
    vm.call_object(f, all, &names)
}

pub fn install_type_methods(vm: &mut Vm) {
    super::add_methods(vm, TypeTag::Complex, &[("conjugate", complex_conjugate)]);
    // The iterator protocol's and the container protocol's special methods, as
    // attributes: `it.__next__()`, `[1, 2].__len__()` show what next() and len() call.
    use TypeTag as T;
    // The iterators that know how much they have left (`__length_hint__`).
    let sized = [
        T::ListIterator,
        T::ListReverseIterator,
        T::TupleIterator,
        T::RangeIterator,
        T::StrIterator,
        T::StrUnicodeIterator,
        T::BytesIterator,
        T::DictKeyIterator,
        T::DictValueIterator,
        T::DictItemIterator,
        T::DictRevKeyIterator,
        T::DictRevValueIterator,
        T::DictRevItemIterator,
        T::SetIterator,
        T::Reversed,
        T::SeqIterator,
    ];
    let others = [
        T::Enumerate,
        T::Zip,
        T::Map,
        T::Filter,
        T::CallIterator,
        T::ArrayIterator,
        T::Generator,
    ];
    for tag in sized.into_iter().chain(others) {
        super::add_methods(
            vm,
            tag,
            &[("__next__", dunder_next), ("__iter__", dunder_iter_self)],
        );
    }
    for tag in sized {
        super::add_methods(vm, tag, &[("__length_hint__", dunder_length_hint)]);
    }
    for tag in [
        T::List,
        T::Tuple,
        T::Str,
        T::Dict,
        T::Set,
        T::FrozenSet,
        T::Range,
        T::Bytes,
        T::ByteArray,
        T::DictKeys,
        T::DictValues,
        T::DictItems,
    ] {
        super::add_methods(
            vm,
            tag,
            &[
                ("__len__", dunder_len),
                ("__iter__", dunder_iter),
                ("__contains__", dunder_contains),
            ],
        );
    }
    for tag in [
        T::List,
        T::Tuple,
        T::Str,
        T::Dict,
        T::Range,
        T::Bytes,
        T::ByteArray,
    ] {
        super::add_methods(vm, tag, &[("__getitem__", dunder_getitem)]);
    }
    // `__reversed__` where CPython's types have it, `__call__` of the callables, and
    // `__hash__ = None` of the mutable containers: what collections.abc's
    // `__subclasshook__`s look for.
    for tag in [
        T::List,
        T::Dict,
        T::Range,
        T::DictKeys,
        T::DictValues,
        T::DictItems,
    ] {
        super::add_methods(vm, tag, &[("__reversed__", dunder_reversed)]);
    }
    for tag in [T::Function, T::BuiltinFunction, T::Method] {
        super::add_methods(vm, tag, &[("__call__", dunder_call)]);
    }
    for tag in [T::DictKeys, T::DictItems] {
        super::add_methods(vm, tag, &[("isdisjoint", view_isdisjoint)]);
    }
    let hash = vm.names.hash;
    for tag in [
        T::List,
        T::Dict,
        T::Set,
        T::ByteArray,
        T::DictKeys,
        T::DictItems,
    ] {
        let class = vm.type_obj(tag);
        let none = vm.none();
        if let Some(old) = vm.heap.class_ns_insert(class, hash, none) {
            vm.heap.decref(old);
        }
    }
    super::add_methods(vm, TypeTag::Slice, &[("indices", slice_indices)]);
    super::add_methods(vm, TypeTag::Coroutine, &[("__await__", coro_await)]);
    super::add_methods(
        vm,
        TypeTag::AsyncGenerator,
        &[
            ("__aiter__", dunder_iter_self),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    for tag in [TypeTag::AsyncGenASend, TypeTag::AsyncGenAThrow] {
        super::add_methods(
            vm,
            tag,
            &[
                ("__next__", agen_aw_next),
                ("__iter__", dunder_iter_self),
                ("__await__", dunder_iter_self),
                ("send", agen_aw_send),
                ("throw", agen_aw_throw),
                ("close", agen_aw_close),
            ],
        );
    }
    super::add_methods(
        vm,
        TypeTag::CoroutineWrapper,
        &[
            ("__next__", wrapper_next),
            ("__iter__", dunder_iter_self),
            ("send", wrapper_send),
            ("throw", wrapper_throw),
            ("close", wrapper_close),
        ],
    );
    for tag in [TypeTag::Generator, TypeTag::Coroutine] {
        super::add_methods(
            vm,
            tag,
            &[
                ("send", gen_send),
                ("throw", gen_throw),
                ("close", gen_close),
            ],
        );
    }
    super::add_methods(vm, TypeTag::Frame, &[("clear", frame_clear)]);
    super::add_methods(
        vm,
        TypeTag::Int,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
        ],
    );
    // round(), math.floor(), math.ceil() and math.trunc() do their jobs.
    let rounding: [(&'static str, NativeFn); 4] = [
        ("__round__", round),
        ("__floor__", crate::vm::modules::math::floor),
        ("__ceil__", crate::vm::modules::math::ceil),
        ("__trunc__", crate::vm::modules::math::trunc),
    ];
    super::add_methods(vm, TypeTag::Int, &rounding);
    super::add_methods(vm, TypeTag::Float, &rounding);
    super::add_wrapped_builtin(
        vm,
        TypeTag::Int,
        "from_bytes",
        int_from_bytes,
        None,
        Kind::ClassMethod,
    );
    super::add_methods(
        vm,
        TypeTag::Float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
        ],
    );
    super::add_wrapped_builtin(
        vm,
        TypeTag::Float,
        "fromhex",
        float_fromhex,
        None,
        Kind::ClassMethod,
    );
    super::add_methods(
        vm,
        TypeTag::Tuple,
        &[("count", seq_count), ("index", seq_index)],
    );
    super::add_methods(
        vm,
        TypeTag::Range,
        &[("count", range_count), ("index", range_index)],
    );
    let set_methods: &[(&'static str, NativeFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ];
    super::add_methods(vm, TypeTag::Set, set_methods);
    super::add_methods(vm, TypeTag::FrozenSet, set_methods);
    super::add_methods(
        vm,
        TypeTag::Set,
        &[
            ("add", set_add_m),
            ("remove", set_remove),
            ("discard", set_discard_m),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update_m),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
        ],
    );
}

/// `it.__next__()`: the next item, or StopIteration (with a generator's return value).
fn dunder_next(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__next__", args, kw, 1, 1)?;
    if matches!(vm.heap.kind(args[0]), Kind::Generator(_)) {
        let r = vm.resume_generator(args[0], ObjId::NULL)?;
        return gen_result(vm, r);
    }
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => {
            let none = vm.none();
            Err(vm.stop_iteration(none))
        }
    }
}

/// `it.__length_hint__()`: how many items are left, NotImplemented when the iterator
/// cannot tell (a sequence iterator over an object without `__len__`).
fn dunder_length_hint(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__length_hint__", args, kw, 1, 1)?;
    let left = match vm.heap.kind(args[0]) {
        Kind::Iter(io) if matches!(io.state, IterState::Exhausted) => Some(0),
        _ => vm.length_hint(args[0]),
    };
    Ok(match left {
        Some(n) => vm.new_int(n as i64),
        None => super::slots::not_implemented(vm),
    })
}

/// An iterator's `__iter__()`: itself.
fn dunder_iter_self(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__iter__", args, kw, 1, 1)?;
    vm.heap.incref(args[0]);
    Ok(args[0])
}

/// A container's `__iter__()`: what iter() gives.
fn dunder_iter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__iter__", args, kw, 1, 1)?;
    vm.get_iter_base(args[0])
}

/// `__len__()`: what len() gives.
fn dunder_len(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__len__", args, kw, 1, 1)?;
    let n = len_base(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}

/// `__contains__(x)`: what `x in container` gives.
fn dunder_contains(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__contains__", args, kw, 2, 2)?;
    let b = vm.contains_base(args[0], args[1])?;
    Ok(vm.new_bool(b))
}

/// `__getitem__(key)`: what `container[key]` gives.
fn dunder_getitem(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__getitem__", args, kw, 2, 2)?;
    vm.getitem_base(args[0], args[1])
}

fn gen_result(vm: &mut Vm, r: crate::vm::iter::SendResult) -> PyResult<ObjId> {
    match r {
        crate::vm::iter::SendResult::Yielded(v) => Ok(v),
        crate::vm::iter::SendResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_send(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "send", args, kw, 2, 2)?;
    let r = vm.resume_generator(args[0], args[1])?;
    gen_result(vm, r)
}

fn gen_throw(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "throw", args, kw, 2, 4)?;
    let exc = thrown_exception(vm, args)?;
    // Thrown in as it is (CPython's PyErr_Restore): no `__context__` from the caller.
    if let Some(d) = vm.exc_data_mut(exc) {
        d.raised = true;
    }
    let r = vm.gen_throw(args[0], exc)?;
    gen_result(vm, r)
}

/// The exception `throw(type[, value[, traceback]])` throws (`args[1..]`; a new
/// reference), normalized as PyErr_NormalizeException does.
fn thrown_exception(vm: &mut Vm, args: &[ObjId]) -> PyResult<ObjId> {
    let v = args[1];
    let base = vm.exc_types.base_exception;
    let value = args.get(2).copied().filter(|x| *x != vm.none);
    let exc = if matches!(vm.heap.kind(v), Kind::Class(_)) && vm.is_subclass(v, base) {
        // As PyErr_NormalizeException: an instance of the class is thrown as it is; a
        // tuple is the arguments; any other value the one argument.
        match value {
            Some(x) if vm.isinstance(x, v) => {
                vm.heap.incref(x);
                x
            }
            Some(x) => {
                let extra: Vec<ObjId> = match vm.heap.kind(x) {
                    Kind::Tuple(t) => t.to_vec(),
                    _ => vec![x],
                };
                vm.call(v, &extra)?
            }
            None => vm.call(v, &[])?,
        }
    } else if vm.isinstance(v, base) {
        if value.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        vm.heap.incref(v);
        v
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {tn}"
        )));
    };
    Ok(exc)
}

/// An awaitable of the asynchronous generator `args[0]` (see `IterState::AGen`):
/// `asend(sent)`, `athrow(sent)` or `aclose()`; `sent` is moved in.
fn agen_awaitable(
    vm: &mut Vm,
    agen: ObjId,
    sent: ObjId,
    mode: crate::heap::kinds::AGenMode,
) -> PyResult<ObjId> {
    use crate::heap::kinds::AGenMode;
    let r = if sent.is_null() {
        vm.init_asyncgen_hooks(agen)
    } else {
        vm.while_holding(&[sent], |vm| vm.init_asyncgen_hooks(agen))
    };
    if let Err(e) = r {
        vm.heap.xdecref(sent);
        return Err(e);
    }
    vm.heap.incref(agen);
    let tag = match mode {
        AGenMode::Send => TypeTag::AsyncGenASend,
        _ => TypeTag::AsyncGenAThrow,
    };
    Ok(vm.new_iter(
        tag,
        IterState::AGen {
            agen,
            sent,
            mode,
            started: false,
            done: false,
        },
    ))
}

fn agen_anext(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__anext__", args, kw, 1, 1)?;
    agen_awaitable(vm, args[0], ObjId::NULL, crate::heap::kinds::AGenMode::Send)
}

fn agen_asend(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "asend", args, kw, 2, 2)?;
    vm.heap.incref(args[1]);
    agen_awaitable(vm, args[0], args[1], crate::heap::kinds::AGenMode::Send)
}

fn agen_athrow(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "athrow", args, kw, 2, 4)?;
    let exc = thrown_exception(vm, args)?;
    agen_awaitable(vm, args[0], exc, crate::heap::kinds::AGenMode::Throw)
}

fn agen_aclose(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "aclose", args, kw, 1, 1)?;
    agen_awaitable(
        vm,
        args[0],
        ObjId::NULL,
        crate::heap::kinds::AGenMode::Close,
    )
}

fn agen_aw_next(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__next__", args, kw, 1, 1)?;
    let r = vm.agen_step(args[0], ObjId::NULL, None)?;
    gen_result(vm, r)
}

fn agen_aw_send(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "send", args, kw, 2, 2)?;
    let r = vm.agen_step(args[0], args[1], None)?;
    gen_result(vm, r)
}

fn agen_aw_throw(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "throw", args, kw, 2, 4)?;
    let exc = thrown_exception(vm, args)?;
    let r = vm.agen_step(args[0], ObjId::NULL, Some(exc))?;
    gen_result(vm, r)
}

/// `close()` of an asynchronous generator's awaitable: it is done, unused.
fn agen_aw_close(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "close", args, kw, 1, 1)?;
    if let Kind::Iter(io) = vm.heap.kind_mut(args[0])
        && let IterState::AGen { done, .. } = &mut io.state
    {
        *done = true;
    }
    Ok(vm.none())
}

fn gen_close(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "close", args, kw, 1, 1)?;
    vm.gen_close(args[0])?;
    Ok(vm.none())
}

/// `coroutine.__await__()`: an iterator over the coroutine (a `coroutine_wrapper`).
fn coro_await(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__await__", args, kw, 1, 1)?;
    let coro = args[0];
    vm.heap.incref(coro);
    Ok(vm.new_iter(TypeTag::CoroutineWrapper, IterState::Await { coro }))
}

/// The coroutine a `coroutine_wrapper` (`args[0]`) iterates; its methods are the
/// coroutine's.
fn wrapped_coroutine(vm: &Vm, args: &[ObjId]) -> ObjId {
    match vm.heap.kind(args[0]) {
        Kind::Iter(io) => match io.state {
            IterState::Await { coro } => coro,
            _ => args[0],
        },
        _ => args[0],
    }
}

fn wrapper_next(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__next__", args, kw, 1, 1)?;
    let coro = wrapped_coroutine(vm, args);
    let r = vm.resume_generator(coro, ObjId::NULL)?;
    gen_result(vm, r)
}

fn wrapper_send(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "send", args, kw, 2, 2)?;
    let coro = wrapped_coroutine(vm, args);
    gen_send(vm, &[coro, args[1]], kw)
}

fn wrapper_throw(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "throw", args, kw, 2, 4)?;
    let mut a = args.to_vec();
    a[0] = wrapped_coroutine(vm, args);
    gen_throw(vm, &a, kw)
}

fn wrapper_close(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "close", args, kw, 1, 1)?;
    let coro = wrapped_coroutine(vm, args);
    gen_close(vm, &[coro], kw)
}

fn complex_conjugate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "conjugate", args, kw, 1, 1)?;
    let (re, im) = match vm.heap.kind(args[0]) {
        Kind::Complex(c) => **c,
        _ => (0.0, 0.0),
    };
    Ok(vm.heap.alloc(Kind::Complex(Box::new((re, -im)))))
}
