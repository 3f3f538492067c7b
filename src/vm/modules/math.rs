//! The `math` module.

use crate::heap::kinds::NativeFn;
use crate::heap::{ObjId, Sym};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::num::Int;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("atan", atan),
        ("atan2", atan2),
        ("hypot", hypot),
        ("fabs", fabs),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("gcd", gcd),
        ("isqrt", isqrt),
        ("factorial", factorial),
        ("isclose", isclose),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isfinite", isfinite),
        ("pow", pow),
        ("copysign", copysign),
        ("degrees", degrees),
        ("radians", radians),
        ("fsum", fsum),
        ("prod", prod),
        ("comb", comb),
        ("perm", perm),
        ("lcm", lcm),
        ("modf", modf),
        ("fmod", fmod),
        ("asin", asin),
        ("acos", acos),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("exp2", exp2),
        ("cbrt", cbrt),
        ("dist", dist),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("erf", erf),
        ("erfc", erfc),
        ("expm1", expm1),
        ("log1p", log1p),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("nextafter", nextafter),
        ("ulp", ulp),
        ("remainder", remainder),
    ];
    let m = new_native_module(vm, "math", FUNCS);
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.new_float(v);
        let s = vm.heap.intern_sym(name);
        vm.ns_set(m, s, f);
    }
    m
}

fn arg_f(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str) -> PyResult<f64> {
    check_args(vm, name, args, kw, 1, 1)?;
    vm.float_value(args[0])
}

fn domain(vm: &mut Vm) -> crate::vm::Exc {
    vm.value_error("math domain error")
}

fn unary(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    f: fn(f64) -> f64,
    ok: fn(f64) -> bool,
) -> PyResult<ObjId> {
    let x = arg_f(vm, args, kw, name)?;
    if !ok(x) {
        return Err(domain(vm));
    }
    Ok(vm.new_float(f(x)))
}

fn sqrt(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan())
}
fn exp(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "exp")?;
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}
fn log(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    if a.len() == 2 {
        let x = vm.float_value(a[0])?;
        let b = vm.float_value(a[1])?;
        if x <= 0.0 || b <= 0.0 {
            return Err(domain(vm));
        }
        if b == 1.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(vm.new_float(x.ln() / b.ln()));
    }
    if let Some(Int::Big(b)) = a.first().and_then(|v| vm.int_of(*v)) {
        // ln of a huge int: bits * ln 2 plus the top digits' log.
        if b.sign() != num_bigint::Sign::Plus {
            return Err(domain(vm));
        }
        let bits = b.bits();
        let shift = bits.saturating_sub(64);
        let top: f64 = num_traits::ToPrimitive::to_f64(&(&b >> shift)).unwrap_or(1.0);
        return Ok(vm.new_float(top.ln() + shift as f64 * std::f64::consts::LN_2));
    }
    unary(vm, a, k, "log", f64::ln, |x| x > 0.0)
}
fn log2(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "log2", f64::log2, |x| x > 0.0)
}
fn log10(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "log10", f64::log10, |x| x > 0.0)
}
fn sin(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "sin", f64::sin, |x| !x.is_infinite())
}
fn cos(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "cos", f64::cos, |x| !x.is_infinite())
}
fn tan(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "tan", f64::tan, |x| !x.is_infinite())
}
fn atan(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "atan", f64::atan, |_| true)
}
fn fabs(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "fabs", f64::abs, |_| true)
}
fn degrees(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "degrees", f64::to_degrees, |_| true)
}
fn radians(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "radians", f64::to_radians, |_| true)
}

fn binary(vm: &mut Vm, a: &[ObjId], k: Kw, name: &str) -> PyResult<(f64, f64)> {
    check_args(vm, name, a, k, 2, 2)?;
    Ok((vm.float_value(a[0])?, vm.float_value(a[1])?))
}

fn atan2(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let (y, x) = binary(vm, a, k, "atan2")?;
    Ok(vm.new_float(y.atan2(x)))
}
fn copysign(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let (x, y) = binary(vm, a, k, "copysign")?;
    Ok(vm.new_float(x.copysign(y)))
}
fn pow(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let (x, y) = binary(vm, a, k, "pow")?;
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(r))
}
fn hypot(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "hypot", a, k, 0, usize::MAX)?;
    let mut coords = Vec::with_capacity(a.len());
    for v in a {
        coords.push(vm.float_value(*v)?.abs());
    }
    Ok(vm.new_float(vector_norm(&mut coords)))
}

/// The Euclidean norm of `vec` (absolute values), as CPython 3.11's `vector_norm`
/// computes it for `hypot` and `dist`: scaled by a power of two so the largest is in
/// [0.5, 1), squared and summed without loss into a double-length total, then one
/// correction step after the square root. Correctly rounded in nearly every case, and
/// not what the C library's `hypot` gives in the last bit.
fn vector_norm(vec: &mut [f64]) -> f64 {
    let max = vec
        .iter()
        .copied()
        .fold(0.0f64, |m, x| if x > m { x } else { m });
    if max.is_infinite() {
        return max;
    }
    if vec.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp_exponent(max);
    if max_e < -1023 {
        // 2**-max_e would overflow: bring the subnormals up first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec);
    }
    let scale = pow2(-max_e);
    // Products and sums as (hi, lo) pairs whose sum is exact.
    let mul = |x: f64, y: f64| {
        let hi = x * y;
        (hi, x.mul_add(y, -hi))
    };
    let fast_sum = |a: f64, b: f64| {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for x in vec.iter() {
        let x = x * scale;
        let (p_hi, p_lo) = mul(x, x);
        let (s_hi, s_lo) = fast_sum(csum, p_hi);
        csum = s_hi;
        frac1 += p_lo;
        frac2 += s_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (p_hi, p_lo) = mul(-h, h);
    let (s_hi, s_lo) = fast_sum(csum, p_hi);
    csum = s_hi;
    frac1 += p_lo;
    frac2 += s_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `2**k` exactly, subnormal powers included (`ldexp(1.0, k)`, k in [-1074, 1023]).
fn pow2(k: i32) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// The exponent `frexp` gives: `x = m * 2**e` with `m` in [0.5, 1) (x finite, not 0).
fn frexp_exponent(x: f64) -> i32 {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        // A subnormal: its exponent is that of its highest set bit.
        let m = bits & ((1u64 << 52) - 1);
        -1022 - (m.leading_zeros() as i32 - 12)
    } else {
        e - 1022
    }
}

/// `math.floor`, `ceil` and `trunc`: an int as it is, a float rounded, another object
/// through its `__floor__`/`__ceil__`/`__trunc__`; without one, floor and ceil round its
/// `float()` and trunc refuses it, as CPython.
fn to_int(vm: &mut Vm, a: &[ObjId], k: Kw, name: &str, f: fn(f64) -> f64) -> PyResult<ObjId> {
    check_args(vm, name, a, k, 1, 1)?;
    if let Some(i) = vm.int_of(a[0]) {
        return Ok(vm.new_int_from(i));
    }
    let x = match vm.float_of(a[0]) {
        Some(x) => x,
        None => {
            if let Some(v) = vm.try_dunder(a[0], &format!("__{name}__"), &[])? {
                return Ok(v);
            }
            if name == "trunc" {
                let tn = vm.type_name(a[0]);
                return Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")));
            }
            vm.float_value(a[0])?
        }
    };
    match Int::from_f64(f(x)) {
        Ok(i) => Ok(vm.new_int_from(i)),
        Err(e) => Err(vm.num_err(e)),
    }
}

pub(crate) fn floor(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    to_int(vm, a, k, "floor", f64::floor)
}
pub(crate) fn ceil(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    to_int(vm, a, k, "ceil", f64::ceil)
}
pub(crate) fn trunc(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    to_int(vm, a, k, "trunc", f64::trunc)
}

fn int_args(vm: &mut Vm, a: &[ObjId]) -> PyResult<Vec<Int>> {
    let mut out = vec![];
    for v in a {
        match vm.int_of(*v) {
            Some(i) => out.push(i),
            None => {
                let tn = vm.type_name(*v);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    Ok(out)
}

fn gcd(vm: &mut Vm, a: &[ObjId], _k: Kw) -> PyResult<ObjId> {
    let xs = int_args(vm, a)?;
    let mut acc = num_bigint::BigInt::from(0);
    for x in xs {
        acc = num_integer::Integer::gcd(&acc, &x.to_bigint());
    }
    Ok(vm.new_bigint(acc))
}

fn isqrt(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "isqrt", a, k, 1, 1)?;
    let x = int_args(vm, a)?.remove(0).to_bigint();
    if x.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(x.sqrt()))
}

fn factorial(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "factorial", a, k, 1, 1)?;
    if matches!(vm.heap.kind(a[0]), crate::heap::Kind::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::vm::builtins::to_i64(vm, a[0], "")?;
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    if n > 100_000 {
        return Err(vm.not_implemented("refscope computes factorial() up to 100000"));
    }
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(vm.new_bigint(acc))
}

fn comb(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "comb", a, k, 2, 2)?;
    let n = crate::vm::builtins::to_i64(vm, a[0], "")?;
    let r = crate::vm::builtins::to_i64(vm, a[1], "")?;
    if n < 0 || r < 0 {
        return Err(vm.value_error(if n < 0 {
            "n must be a non-negative integer"
        } else {
            "k must be a non-negative integer"
        }));
    }
    if r > n {
        return Ok(vm.new_int(0));
    }
    let mut acc = num_bigint::BigInt::from(1);
    for i in 0..r.min(n - r) {
        acc = acc * (n - i) / (i + 1);
    }
    Ok(vm.new_bigint(acc))
}

fn isclose(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    crate::vm::builtins::check_kwargs(vm, "isclose", k, &["rel_tol", "abs_tol"])?;
    if a.len() != 2 {
        return Err(vm.type_error("isclose() takes exactly 2 positional arguments"));
    }
    let x = vm.float_value(a[0])?;
    let y = vm.float_value(a[1])?;
    let rel = match crate::vm::builtins::kwarg(vm, k, "rel_tol") {
        Some(v) => vm.float_value(v)?,
        None => 1e-9,
    };
    let abs = match crate::vm::builtins::kwarg(vm, k, "abs_tol") {
        Some(v) => vm.float_value(v)?,
        None => 0.0,
    };
    let r = x == y || (x - y).abs() <= (rel * x.abs().max(y.abs())).max(abs);
    Ok(vm.new_bool(r))
}

fn isinf(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "isinf")?;
    Ok(vm.new_bool(x.is_infinite()))
}
fn isnan(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "isnan")?;
    Ok(vm.new_bool(x.is_nan()))
}
fn isfinite(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "isfinite")?;
    Ok(vm.new_bool(x.is_finite()))
}

fn fsum(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "fsum", a, k, 1, 1)?;
    let items = vm.collect(a[0])?;
    // Neumaier summation: exact enough for teaching programs. (The items count as held:
    // a `__float__` may run Python code.)
    let r = vm.while_holding(&items, |vm| {
        let mut sum = 0.0f64;
        let mut c = 0.0f64;
        for v in &items {
            let x = vm.float_value(*v)?;
            let t = sum + x;
            if sum.abs() >= x.abs() {
                c += (sum - t) + x;
            } else {
                c += (x - t) + sum;
            }
            sum = t;
        }
        Ok(sum + c)
    });
    vm.release_all(items);
    Ok(vm.new_float(r?))
}

fn prod(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    crate::vm::builtins::check_kwargs(vm, "prod", k, &["start"])?;
    let items = vm.collect(a[0])?;
    let mut acc = match crate::vm::builtins::kwarg(vm, k, "start") {
        Some(s) => {
            vm.heap.incref(s);
            s
        }
        None => vm.new_int(1),
    };
    let mut err = None;
    let mark = vm.held.len();
    vm.held.extend_from_slice(&items);
    for v in &items {
        let r = vm.while_holding(&[acc], |vm| {
            vm.binary_op(acc, *v, crate::compiler::BinOp::Mul, false)
        });
        match r {
            Ok(n) => {
                vm.heap.decref(acc);
                acc = n;
            }
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.held.truncate(mark);
    vm.release_all(items);
    if let Some(e) = err {
        vm.heap.decref(acc);
        return Err(e);
    }
    Ok(acc)
}

fn perm(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "perm", a, k, 1, 2)?;
    let n = crate::vm::builtins::to_i64(vm, a[0], "")?;
    let r = match a.get(1) {
        Some(v) if *v != vm.none => crate::vm::builtins::to_i64(vm, *v, "")?,
        _ => n,
    };
    if n < 0 || r < 0 {
        return Err(vm.value_error(if n < 0 {
            "n must be a non-negative integer"
        } else {
            "k must be a non-negative integer"
        }));
    }
    if r > n {
        return Ok(vm.new_int(0));
    }
    let mut acc = num_bigint::BigInt::from(1);
    for i in 0..r {
        acc *= n - i;
    }
    Ok(vm.new_bigint(acc))
}

fn lcm(vm: &mut Vm, a: &[ObjId], _k: Kw) -> PyResult<ObjId> {
    let xs = int_args(vm, a)?;
    let mut acc = num_bigint::BigInt::from(1);
    for x in xs {
        let b = x.to_bigint();
        if num_traits::Zero::is_zero(&b) {
            return Ok(vm.new_int(0));
        }
        acc = num_integer::Integer::lcm(&acc, &b);
    }
    Ok(vm.new_bigint(num_traits::Signed::abs(&acc)))
}

fn modf(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "modf")?;
    let (f, i) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    let items = vec![vm.new_float(f), vm.new_float(i)];
    Ok(vm.new_tuple(items))
}

fn fmod(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let (x, y) = binary(vm, a, k, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(x % y))
}

fn asin(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "asin", f64::asin, |x| {
        (-1.0..=1.0).contains(&x) || x.is_nan()
    })
}
fn acos(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "acos", f64::acos, |x| {
        (-1.0..=1.0).contains(&x) || x.is_nan()
    })
}
fn sinh(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "sinh", f64::sinh, |_| true)
}
fn cosh(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "cosh", f64::cosh, |_| true)
}
fn tanh(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "tanh", f64::tanh, |_| true)
}
fn exp2(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "exp2", f64::exp2, |_| true)
}

fn cbrt(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    unary(vm, a, k, "cbrt", libm_cbrt, |_| true)
}

/// The C library's `cbrt`, which CPython's math.cbrt calls: glibc's is not correctly
/// rounded (`cbrt(27)` is 3.0000000000000004), and a dependency links a `cbrt` of its
/// own into refscope that `f64::cbrt` reaches, so glibc's is asked for by its C23 alias.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn libm_cbrt(x: f64) -> f64 {
    #[link(name = "m")]
    unsafe extern "C" {
        fn cbrtf64(x: f64) -> f64;
    }
    // SAFETY: a pure C function of one double.
    unsafe { cbrtf64(x) }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn libm_cbrt(x: f64) -> f64 {
    x.cbrt()
}

fn dist(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "dist", a, k, 2, 2)?;
    let p = vm.collect(a[0])?;
    let q = vm.collect(a[1])?;
    let mut diffs = Vec::with_capacity(p.len());
    let mut err = None;
    let mark = vm.held.len();
    vm.held.extend(p.iter().chain(&q));
    if p.len() != q.len() {
        err = Some(vm.value_error("both points must have the same number of dimensions"));
    } else {
        for (x, y) in p.iter().zip(q.iter()) {
            match (vm.float_value(*x), vm.float_value(*y)) {
                (Ok(x), Ok(y)) => diffs.push((x - y).abs()),
                (Err(e), _) | (_, Err(e)) => {
                    err = Some(e);
                    break;
                }
            }
        }
    }
    vm.held.truncate(mark);
    vm.release_all(p);
    vm.release_all(q);
    match err {
        Some(e) => Err(e),
        None => Ok(vm.new_float(vector_norm(&mut diffs))),
    }
}

// The C library's functions, which CPython 3.11 calls for these (Rust's own asinh and
// friends are computed differently and can differ in the last bit). Not cbrt: the
// symbol can resolve to Rust's own port, whose last digit differs from glibc's.
unsafe extern "C" {
    #[link_name = "asinh"]
    fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    fn c_atanh(x: f64) -> f64;
    #[link_name = "erf"]
    fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn c_erfc(x: f64) -> f64;
    #[link_name = "expm1"]
    fn c_expm1(x: f64) -> f64;
    #[link_name = "log1p"]
    fn c_log1p(x: f64) -> f64;
    #[link_name = "ldexp"]
    fn c_ldexp(x: f64, e: i32) -> f64;
}

/// CPython's math_1: a NaN from a number is a domain error; an infinity from a finite
/// number is a range error where the function can overflow, else a domain error.
fn libm_1(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    f: unsafe extern "C" fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<ObjId> {
    let x = arg_f(vm, args, kw, name)?;
    // SAFETY: a C math function of one double, with no other effect.
    let r = unsafe { f(x) };
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            vm.overflow_error("math range error")
        } else {
            domain(vm)
        });
    }
    Ok(vm.new_float(r))
}

fn asinh(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "asinh", c_asinh, false)
}
fn acosh(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "acosh", c_acosh, false)
}
fn atanh(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "atanh", c_atanh, false)
}
fn erf(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "erf", c_erf, false)
}
fn erfc(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "erfc", c_erfc, false)
}
fn expm1(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "expm1", c_expm1, true)
}
fn log1p(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    libm_1(vm, a, k, "log1p", c_log1p, false)
}
fn gamma(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "gamma")?;
    let r = crate::vm::num::gamma::gamma(x).map_err(|e| vm.num_err(e))?;
    Ok(vm.new_float(r))
}
fn lgamma(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "lgamma")?;
    let r = crate::vm::num::gamma::lgamma(x).map_err(|e| vm.num_err(e))?;
    Ok(vm.new_float(r))
}

/// `frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= abs(m) < 1 (m is x itself for 0,
/// infinities and NaN).
fn frexp(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "frexp")?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let bits = x.to_bits();
        let raw = ((bits >> 52) & 0x7ff) as i64;
        if raw == 0 {
            // Subnormal: scale into the normal range first.
            let y = x * 2f64.powi(64);
            let raw = ((y.to_bits() >> 52) & 0x7ff) as i64;
            let m = f64::from_bits((y.to_bits() & !(0x7ff << 52)) | (1022 << 52));
            (m, raw - 1022 - 64)
        } else {
            let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
            (m, raw - 1022)
        }
    };
    let items = vec![vm.new_float(m), vm.new_int(e)];
    Ok(vm.new_tuple(items))
}

/// `ldexp(x, i)`: x * 2**i, rounded once (the C library's ldexp), with CPython's range
/// error.
fn ldexp(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    check_args(vm, "ldexp", a, k, 2, 2)?;
    let x = vm.float_value(a[0])?;
    // (Past +-100000 every finite x overflows or vanishes: the exponent saturates.)
    let i = match vm.int_of(a[1]) {
        Some(Int::Small(i)) => i.clamp(-100_000, 100_000),
        Some(Int::Big(b)) if b.sign() == num_bigint::Sign::Minus => -100_000,
        Some(Int::Big(_)) => 100_000,
        None => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    // SAFETY: the C library's ldexp of a double and an int, with no other effect.
    let r = unsafe { c_ldexp(x, i as i32) };
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}

/// `nextafter(x, y)`: the next float after x toward y.
fn nextafter(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let (x, y) = binary(vm, a, k, "nextafter")?;
    Ok(vm.new_float(next_toward(x, y)))
}

fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

/// `ulp(x)`: the gap between abs(x) and the next float away from zero.
fn ulp(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let x = arg_f(vm, a, k, "ulp")?;
    let r = if x.is_nan() || x.is_infinite() {
        x.abs()
    } else {
        let x = x.abs();
        if x == f64::MAX {
            x - next_toward(x, f64::NEG_INFINITY)
        } else {
            next_toward(x, f64::INFINITY) - x
        }
    };
    Ok(vm.new_float(r))
}

/// `remainder(x, y)`: IEEE 754's remainder, x - n*y for the integer n nearest x/y (the
/// even one on a tie), computed exactly.
fn remainder(vm: &mut Vm, a: &[ObjId], k: Kw) -> PyResult<ObjId> {
    let (x, y) = binary(vm, a, k, "remainder")?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if y.is_nan() {
        return Ok(vm.new_float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(vm.new_float(1f64.copysign(x) * r))
}
