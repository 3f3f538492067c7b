//! `float`: CPython's floor division and modulo (the sign rules), `**`, rounding, hashing
//! and parsing.

use num_bigint::BigInt;
use num_traits::{One, Zero};

use super::int::{HASH_MODULUS, Int};
use super::{NumError, Number};

/// `x // y`, as CPython's `float_floor_div` (through `float_divmod`).
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float floor division by zero"));
    }
    Ok(divmod(x, y).0)
}

/// `x % y`: the result has the sign of `y`.
pub fn float_mod(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float modulo"));
    }
    Ok(divmod(x, y).1)
}

/// CPython's `float_divmod` without the zero check.
pub fn divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x ** y` for floats, with CPython's errors. A negative base to a fractional power is
/// a complex number in Python 3; that is returned as [`Number::Complex`] by
/// [`float_pow_number`], and as an error here.
pub fn float_pow(x: f64, y: f64) -> Result<f64, NumError> {
    match float_pow_number(x, y)? {
        Number::Float(f) => Ok(f),
        _ => Err(NumError::Value("complex result".into())),
    }
}

pub fn float_pow_number(x: f64, y: f64) -> Result<Number, NumError> {
    if x == 0.0 && y < 0.0 {
        return Err(NumError::ZeroDivision(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // (-r)**y = r**y * e**(i*pi*y)
        let r = (-x).powf(y);
        let t = std::f64::consts::PI * y;
        return Ok(Number::Complex(r * t.cos(), r * t.sin()));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(NumError::Overflow(
            "(34, 'Numerical result out of range')".into(),
        ));
    }
    Ok(Number::Float(r))
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale up first
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// CPython's `_Py_HashDouble`: equal to the hash of the equal int when the float is
/// integral; `identity` is used for NaN (3.10+ hashes NaNs by identity).
pub fn float_hash(v: f64, identity: i64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { 314159 } else { -314159 };
        }
        return identity;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let p = HASH_MODULUS;
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & p) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= p {
            x -= p;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    x = ((x << e) & p) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 { -2 } else { h }
}

/// `round(x)` (to an int, half to even) and `round(x, n)` (correctly rounded, as CPython's
/// dtoa-based rounding: `round(2.675, 2) == 2.67`).
pub fn float_round(x: f64, ndigits: Option<i64>) -> Result<Number, NumError> {
    match ndigits {
        None => {
            let r = x.round_ties_even();
            Int::from_f64(r).map(Number::Int)
        }
        Some(_) if !x.is_finite() || x == 0.0 => Ok(Number::Float(x)),
        Some(n) if n > 323 => Ok(Number::Float(x)),
        Some(n) if n < -308 => Ok(Number::Float(0f64.copysign(x))),
        Some(n) if n >= 0 => {
            // Rust's fixed-precision formatting is exact and rounds ties to even.
            let s = format!("{:.*}", n as usize, x);
            Ok(Number::Float(s.parse().unwrap_or(x)))
        }
        Some(n) => {
            // CPython rounds the exact binary value to a multiple of 10**-n (half to
            // even) and reads that decimal back as the nearest float: done here with
            // the exact ratio, as dividing by 10**-n in floats rounded twice.
            let (num, den) = float_as_integer_ratio(x)?;
            let step = num_traits::pow(BigInt::from(10), (-n) as usize);
            let scale = &den * &step;
            let (q, rem) = num_integer::Integer::div_rem(&num.magnitude().clone().into(), &scale);
            let q: BigInt = q;
            let twice: BigInt = rem * 2;
            let q = match twice.cmp(&scale) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
                _ => q,
            };
            let sign = if x < 0.0 { "-" } else { "" };
            let r: f64 = format!("{sign}{}", q * step).parse().unwrap_or(x);
            if r.is_infinite() {
                return Err(NumError::Overflow(
                    "rounded value too large to represent".into(),
                ));
            }
            Ok(Number::Float(r))
        }
    }
}

/// `round(i, n)` for an int: a multiple of 10**-n, half to even.
pub fn int_round(i: &Int, ndigits: i64) -> Int {
    if ndigits >= 0 {
        return i.clone();
    }
    let Ok(e) = u32::try_from(-ndigits) else {
        return Int::Small(0);
    };
    if e > 10000 {
        return Int::Small(0);
    }
    let pow = num_traits::pow(BigInt::from(10), e as usize);
    let v = i.to_bigint();
    let (q, r) = num_integer::Integer::div_mod_floor(&v, &pow);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&pow) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
        _ => q,
    };
    Int::from_bigint(q * pow)
}

/// `x.as_integer_ratio()`.
pub fn float_as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), NumError> {
    if x.is_infinite() {
        return Err(NumError::Overflow(
            "cannot convert Infinity to integer ratio".into(),
        ));
    }
    if x.is_nan() {
        return Err(NumError::Value(
            "cannot convert NaN to integer ratio".into(),
        ));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (m, e) = frexp(x);
    // m * 2**53 is an integer.
    let mut num = BigInt::from((m * 2f64.powi(53)) as i64);
    let mut exp = e - 53;
    while exp < 0 && num_integer::Integer::is_even(&num) {
        num >>= 1u32;
        exp += 1;
    }
    if exp >= 0 {
        Ok((num << exp as usize, BigInt::one()))
    } else {
        Ok((num, BigInt::one() << (-exp) as usize))
    }
}

/// `float(s)`: whitespace, a sign, underscores between digits, `inf`/`infinity`/`nan`.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let err = || {
        NumError::Value(format!(
            "could not convert string to float: {}",
            crate::vm::text::str_repr(s)
        ))
    };
    let ascii = crate::vm::text::unicode::decimal_and_space_to_ascii(s);
    let t = ascii.trim_matches(|c: char| c.is_whitespace());
    let (sign, body) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, &t[1..]),
        Some(b'+') => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN.copysign(sign)),
        _ => {}
    }
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b"._eE+-".contains(&b))
    {
        return Err(err());
    }
    // Underscores only between digits.
    let b = body.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if *c == b'_' {
            let ok =
                i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
            if !ok {
                return Err(err());
            }
        }
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().map(|v| sign * v).map_err(|_| err())
}

/// `float.fromhex(s)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] decimal]`
/// (or `inf`, `infinity`, `nan`), surrounding whitespace allowed, rounded half to even
/// as CPython's float_fromhex rounds, subnormals included.
pub fn float_fromhex(s: &str) -> Result<f64, NumError> {
    let invalid = || NumError::Value("invalid hexadecimal floating-point string".into());
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if neg { -x } else { x };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(sign(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exp) = match body.split_once('p') {
        Some((d, e)) => {
            let e = e.strip_prefix('+').unwrap_or(e);
            let magnitude = e.strip_prefix('-').unwrap_or(e);
            let ok = !magnitude.is_empty() && magnitude.bytes().all(|c| c.is_ascii_digit());
            if !ok {
                return Err(invalid());
            }
            // (An exponent past any float's range saturates: the value overflows or
            // underflows all the same, unless the digits are all zero.)
            let e: i64 = e.parse().unwrap_or(if e.starts_with('-') {
                -1_000_000_000
            } else {
                1_000_000_000
            });
            (d, e.clamp(-1_000_000_000, 1_000_000_000))
        }
        None => (body, 0),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let hex_digits: String = int_part.chars().chain(frac_part.chars()).collect();
    if !hex_digits.bytes().all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let m = num_bigint::BigUint::parse_bytes(hex_digits.as_bytes(), 16).ok_or_else(invalid)?;
    if m.is_zero() {
        return Ok(sign(0.0));
    }
    let e = exp - 4 * frac_part.len() as i64;
    // The value is m * 2^e, its top bit at 2^top; a normal float keeps 53 bits, a
    // subnormal fewer.
    let bits = m.bits() as i64;
    let top = bits - 1 + e;
    if top > 1024 {
        return Err(too_large());
    }
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep < 0 {
        // Below half the smallest subnormal.
        return Ok(sign(0.0));
    }
    let shift = bits - keep;
    let (q, scale) = if shift > 0 {
        let shift_u = shift as u64;
        let q = &m >> shift_u;
        let rem = &m - (&q << shift_u);
        let half = num_bigint::BigUint::one() << (shift_u - 1);
        let odd = q.bit(0);
        let up = rem > half || (rem == half && odd);
        (if up { q + 1u32 } else { q }, e + shift)
    } else {
        (m, e)
    };
    let q = num_traits::ToPrimitive::to_u64(&q).unwrap_or(u64::MAX) as f64;
    // q * 2^scale is exact in a float now: scale by powers of two in steps that stay in
    // range.
    let mut x = q;
    let mut k = scale;
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        x *= 2f64.powi(step as i32);
        k -= step;
    }
    if x.is_infinite() {
        return Err(too_large());
    }
    Ok(sign(x))
}

fn too_large() -> NumError {
    NumError::Overflow("hexadecimal value too large to represent as a float".into())
}
