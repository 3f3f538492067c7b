//! `int`: arbitrary precision with a small fast path.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{MAX_STR_DIGITS, NumError, Number};

/// A Python int. Invariant: `Big` never holds a value that fits an i64.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

/// CPython's hash modulus, 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

impl Int {
    pub fn from_bigint(b: BigInt) -> Int {
        match b.to_i64() {
            Some(i) => Int::Small(i),
            None => Int::Big(b),
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(*i),
            Int::Big(b) => b.clone(),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(*i),
            Int::Big(_) => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(i) => *i < 0,
            Int::Big(b) => b.sign() == Sign::Minus,
        }
    }

    pub fn add(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_add(*b)
        {
            return Int::Small(r);
        }
        Int::from_bigint(self.to_bigint() + o.to_bigint())
    }

    pub fn sub(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_sub(*b)
        {
            return Int::Small(r);
        }
        Int::from_bigint(self.to_bigint() - o.to_bigint())
    }

    pub fn mul(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_mul(*b)
        {
            return Int::Small(r);
        }
        Int::from_bigint(self.to_bigint() * o.to_bigint())
    }

    /// `a // b` (rounds towards negative infinity).
    pub fn floordiv(&self, o: &Int) -> Result<Int, NumError> {
        if o.is_zero() {
            return Err(NumError::ZeroDivision("integer division or modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(q) = a.checked_div(*b)
        {
            let q = if (a % b != 0) && ((*a < 0) != (*b < 0)) {
                q - 1
            } else {
                q
            };
            return Ok(Int::Small(q));
        }
        Ok(Int::from_bigint(self.to_bigint().div_floor(&o.to_bigint())))
    }

    /// `a % b` (the result has the divisor's sign).
    pub fn modulo(&self, o: &Int) -> Result<Int, NumError> {
        if o.is_zero() {
            return Err(NumError::ZeroDivision("integer modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_rem(*b)
        {
            let r = if r != 0 && ((r < 0) != (*b < 0)) {
                r + b
            } else {
                r
            };
            return Ok(Int::Small(r));
        }
        Ok(Int::from_bigint(self.to_bigint().mod_floor(&o.to_bigint())))
    }

    /// `a / b`, correctly rounded like CPython's `long_true_divide`.
    pub fn truediv(&self, o: &Int) -> Result<f64, NumError> {
        if o.is_zero() {
            return Err(NumError::ZeroDivision("division by zero"));
        }
        const EXACT: i64 = 1 << 53;
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && a.abs() <= EXACT
            && b.abs() <= EXACT
        {
            return Ok(*a as f64 / *b as f64);
        }
        let negative = self.is_negative() != o.is_negative();
        let a = self.to_bigint().abs();
        let b = o.to_bigint().abs();
        if a.is_zero() {
            return Ok(if negative { -0.0 } else { 0.0 });
        }
        // Scale so the quotient has at least 55 significant bits, keep a sticky bit.
        let shift: i64 = b.bits() as i64 - a.bits() as i64 + 55;
        let (num, den) = if shift >= 0 {
            (a << shift as usize, b)
        } else {
            (a, b << (-shift) as usize)
        };
        let (q, r) = num.div_rem(&den);
        let q = (q << 1u32) | BigInt::from(!r.is_zero() as u8);
        let qf = q.to_f64().unwrap_or(f64::INFINITY);
        let exp = -(shift + 1);
        let v = ldexp(qf, exp);
        if v.is_infinite() {
            return Err(NumError::Overflow(
                "integer division result too large for a float".into(),
            ));
        }
        Ok(if negative { -v } else { v })
    }

    /// `a ** b`, and `pow(a, b, m)`.
    pub fn pow(&self, e: &Int, m: Option<&Int>) -> Result<Number, NumError> {
        if let Some(m) = m {
            return self.powmod(e, m).map(Number::Int);
        }
        if e.is_negative() {
            let base = self.to_f64()?;
            let ex = e.to_f64()?;
            return super::float_pow(base, ex).map(Number::Float);
        }
        let Some(exp) = e.as_i64().and_then(|x| u32::try_from(x).ok()) else {
            // Only 0, 1 and -1 survive a huge exponent.
            return match self.as_i64() {
                Some(0) | Some(1) => Ok(Number::Int(self.clone())),
                Some(-1) => Ok(Number::Int(Int::Small(if e.to_bigint().is_even() {
                    1
                } else {
                    -1
                }))),
                _ => Err(NumError::Overflow("exponent too large".into())),
            };
        };
        if let Int::Small(b) = self
            && let Some(r) = b.checked_pow(exp)
        {
            return Ok(Number::Int(Int::Small(r)));
        }
        let bits = self.to_bigint().bits().saturating_mul(exp as u64);
        if bits > 1 << 32 {
            return Err(NumError::Overflow("exponent too large".into()));
        }
        Ok(Number::Int(Int::from_bigint(num_traits::pow(
            self.to_bigint(),
            exp as usize,
        ))))
    }

    fn powmod(&self, e: &Int, m: &Int) -> Result<Int, NumError> {
        if m.is_zero() {
            return Err(NumError::Value("pow() 3rd argument cannot be 0".into()));
        }
        let mb = m.to_bigint();
        let modulus = mb.abs();
        let mut base = self.to_bigint().mod_floor(&modulus);
        let mut exp = e.to_bigint();
        if exp.sign() == Sign::Minus {
            base = mod_inverse(&base, &modulus).ok_or_else(|| {
                NumError::Value("base is not invertible for the given modulus".into())
            })?;
            exp = -exp;
        }
        let mut r = base.modpow(&exp, &modulus);
        // The result takes the sign of the modulus.
        if mb.sign() == Sign::Minus && !r.is_zero() {
            r -= &modulus;
        }
        Ok(Int::from_bigint(r))
    }

    pub fn lshift(&self, o: &Int) -> Result<Int, NumError> {
        if o.is_negative() {
            return Err(NumError::Value("negative shift count".into()));
        }
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        let Some(n) = o.as_i64().filter(|n| *n < (1 << 32)) else {
            return Err(NumError::Overflow("too many digits in integer".into()));
        };
        if let Int::Small(a) = self
            && n < 63
            && a.unsigned_abs().leading_zeros() as i64 > n + 1
        {
            return Ok(Int::Small(a << n));
        }
        Ok(Int::from_bigint(self.to_bigint() << n as usize))
    }

    pub fn rshift(&self, o: &Int) -> Result<Int, NumError> {
        if o.is_negative() {
            return Err(NumError::Value("negative shift count".into()));
        }
        let n = o.as_i64().unwrap_or(i64::MAX);
        if let Int::Small(a) = self {
            return Ok(Int::Small(if n >= 64 {
                if *a < 0 { -1 } else { 0 }
            } else {
                a >> n
            }));
        }
        if n > (1 << 40) {
            return Ok(Int::Small(if self.is_negative() { -1 } else { 0 }));
        }
        // BigInt's >> rounds towards negative infinity for negative values, like Python.
        Ok(Int::from_bigint(self.to_bigint() >> n as usize))
    }

    pub fn bitand(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a & b),
            _ => Int::from_bigint(self.to_bigint() & o.to_bigint()),
        }
    }

    pub fn bitor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a | b),
            _ => Int::from_bigint(self.to_bigint() | o.to_bigint()),
        }
    }

    pub fn bitxor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a ^ b),
            _ => Int::from_bigint(self.to_bigint() ^ o.to_bigint()),
        }
    }

    pub fn neg(&self) -> Int {
        match self {
            Int::Small(a) if *a != i64::MIN => Int::Small(-a),
            _ => Int::from_bigint(-self.to_bigint()),
        }
    }

    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `~a` == `-(a + 1)`.
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(a) => Int::Small(!a),
            _ => Int::from_bigint(-self.to_bigint() - BigInt::one()),
        }
    }

    /// `float(a)`, correctly rounded.
    pub fn to_f64(&self) -> Result<f64, NumError> {
        match self {
            Int::Small(a) => Ok(*a as f64),
            Int::Big(b) => match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => Err(NumError::Overflow(
                    "int too large to convert to float".into(),
                )),
            },
        }
    }

    /// `int(x)` for a float: truncates towards zero.
    pub fn from_f64(x: f64) -> Result<Int, NumError> {
        if x.is_nan() {
            return Err(NumError::Value(
                "cannot convert float NaN to integer".into(),
            ));
        }
        if x.is_infinite() {
            return Err(NumError::Overflow(
                "cannot convert float infinity to integer".into(),
            ));
        }
        let t = x.trunc();
        if t.abs() < 9.2e18 {
            return Ok(Int::Small(t as i64));
        }
        Ok(Int::from_bigint(
            num_traits::FromPrimitive::from_f64(t).unwrap_or_default(),
        ))
    }

    /// CPython's numeric hash: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
    pub fn hash(&self) -> i64 {
        let h = match self {
            Int::Small(a) => {
                let m = (a.unsigned_abs() % HASH_MODULUS) as i64;
                if *a < 0 { -m } else { m }
            }
            Int::Big(b) => {
                let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
                if b.sign() == Sign::Minus { -m } else { m }
            }
        };
        if h == -1 { -2 } else { h }
    }

    /// `str(a)`, with CPython 3.11's 4300-digit limit.
    pub fn to_decimal(&self) -> Result<String, NumError> {
        match self {
            Int::Small(a) => Ok(a.to_string()),
            Int::Big(b) => {
                // A quick bound before the conversion: bits * log10(2).
                if (b.bits() as f64) * std::f64::consts::LOG10_2 > MAX_STR_DIGITS as f64 + 1.0 {
                    return Err(too_many_digits_out());
                }
                let s = b.to_string();
                let digits = s.trim_start_matches('-').len();
                if digits > MAX_STR_DIGITS {
                    return Err(too_many_digits_out());
                }
                Ok(s)
            }
        }
    }

    /// `bin`/`oct`/`hex` text: `0b101`, `-0xff`.
    pub fn to_string_radix(&self, base: u32) -> String {
        let prefix = match base {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        };
        let b = self.to_bigint();
        let digits = b.abs().to_str_radix(base);
        if b.sign() == Sign::Minus {
            format!("-{prefix}{digits}")
        } else {
            format!("{prefix}{digits}")
        }
    }

    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(a) => 64 - a.unsigned_abs().leading_zeros() as u64,
            Int::Big(b) => b.bits(),
        }
    }

    /// `int(s, base)` with Python's rules: surrounding whitespace, a sign, underscores
    /// between digits, base prefixes (required for base 0, allowed for 2, 8, 16).
    pub fn parse(s: &str, base: u32) -> Result<Int, NumError> {
        let err = || {
            NumError::Value(format!(
                "invalid literal for int() with base {base}: {}",
                crate::vm::text::str_repr(s)
            ))
        };
        let ascii = crate::vm::text::unicode::decimal_and_space_to_ascii(s);
        let t = ascii.trim_matches(|c: char| c.is_whitespace());
        let (neg, t) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let lower = t.to_ascii_lowercase();
        let mut radix = base;
        let mut digits = t;
        let prefix_base = |p: &str| match p {
            "0x" => Some(16),
            "0o" => Some(8),
            "0b" => Some(2),
            _ => None,
        };
        let mut had_prefix = false;
        if lower.len() >= 2
            && let Some(pb) = prefix_base(&lower[..2])
            && (base == 0 || base == pb)
        {
            radix = pb;
            digits = &t[2..];
            had_prefix = true;
        }
        if radix == 0 {
            radix = 10;
            // Base 0: no leading zeros on a nonzero decimal.
            let stripped: String = digits.chars().filter(|c| *c != '_').collect();
            if stripped.len() > 1 && stripped.starts_with('0') && stripped.chars().any(|c| c != '0')
            {
                return Err(err());
            }
        }
        // Underscores: single, between digits (or right after a prefix).
        let bytes = digits.as_bytes();
        if bytes.is_empty() {
            return Err(err());
        }
        let mut clean = String::with_capacity(bytes.len());
        let mut prev_us = !had_prefix; // a leading underscore only after a prefix
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'_' {
                if prev_us || i + 1 == bytes.len() {
                    return Err(err());
                }
                prev_us = true;
                continue;
            }
            prev_us = false;
            let d = (b as char).to_digit(36).filter(|d| *d < radix);
            if d.is_none() {
                // Non-ASCII decimal digits (Unicode Nd) are accepted by CPython.
                return Err(err());
            }
            clean.push(b as char);
        }
        if radix == 10 && clean.len() > MAX_STR_DIGITS {
            return Err(NumError::Value(format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                clean.len()
            )));
        }
        let v = if clean.len() <= 18 && radix == 10 {
            clean.parse::<i64>().map(BigInt::from).map_err(|_| err())?
        } else {
            BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(err)?
        };
        Ok(Int::from_bigint(if neg { -v } else { v }))
    }
}

fn too_many_digits_out() -> NumError {
    NumError::Value(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `x * 2**e` without intermediate overflow.
pub fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

impl PartialOrd for Int {
    fn partial_cmp(&self, o: &Int) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Int {
    fn cmp(&self, o: &Int) -> Ordering {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            _ => self.to_bigint().cmp(&o.to_bigint()),
        }
    }
}
