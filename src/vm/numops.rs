//! The vm's side of arithmetic: dispatching a [`BinOp`] to the numeric core in [`super::num`],
//! mixed int/float comparisons, and rounding.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::num::{self, Int, NumError, Number};
use super::ops::Num;
use crate::compiler::code::{BinOp, CmpOp};

/// `x op y` on two ints; `None` when the operator does not apply (`@`).
pub fn int_binop(x: &Int, y: &Int, op: BinOp) -> Result<Option<Number>, NumError> {
    Ok(Some(match op {
        BinOp::Add => Number::Int(x.add(y)),
        BinOp::Sub => Number::Int(x.sub(y)),
        BinOp::Mul => Number::Int(x.mul(y)),
        BinOp::FloorDiv => Number::Int(x.floordiv(y)?),
        BinOp::Mod => Number::Int(x.modulo(y)?),
        BinOp::TrueDiv => Number::Float(x.truediv(y)?),
        BinOp::Pow => x.pow(y, None)?,
        BinOp::LShift => Number::Int(x.lshift(y)?),
        BinOp::RShift => Number::Int(x.rshift(y)?),
        BinOp::And => Number::Int(x.bitand(y)),
        BinOp::Or => Number::Int(x.bitor(y)),
        BinOp::Xor => Number::Int(x.bitxor(y)),
        BinOp::MatMul => return Ok(None),
    }))
}

/// `x op y` on two floats; `None` for the bitwise operators.
pub fn float_binop(x: f64, y: f64, op: BinOp) -> Result<Option<Number>, NumError> {
    Ok(Some(Number::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(NumError::ZeroDivision("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => num::float_floordiv(x, y)?,
        BinOp::Mod => num::float_mod(x, y)?,
        BinOp::Pow => return num::float::float_pow_number(x, y).map(Some),
        _ => return Ok(None),
    })))
}

/// Exact comparison of an int and a float, as CPython does (no rounding of the int).
fn int_float_cmp(i: &Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = Int::from_f64(fl).ok()?;
    match i.cmp(&fi) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => int_float_cmp(x, *y),
        (Num::Float(x), Num::Int(y)) => int_float_cmp(y, *x).map(Ordering::reverse),
    }
}

pub fn num_eq(a: &Num, b: &Num) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

pub fn num_compare(a: &Num, b: &Num, op: CmpOp) -> bool {
    match num_cmp(a, b) {
        Some(o) => super::ops::ordering_matches(o, op),
        None => op == CmpOp::Ne,
    }
}

pub fn float_hash(f: f64, identity: i64) -> i64 {
    num::float_hash(f, identity)
}

/// `pow(b, e, m)`.
pub fn int_powmod(b: &Int, e: &Int, m: &Int) -> Result<Int, NumError> {
    match b.pow(e, Some(m))? {
        Number::Int(i) => Ok(i),
        _ => Err(NumError::Value(
            "pow() negative exponent not supported".into(),
        )),
    }
}

/// `round(x[, ndigits])` for a float.
pub fn round_float(x: f64, ndigits: Option<i64>) -> Result<Number, NumError> {
    num::float_round(x, ndigits)
}

/// `round(i, ndigits)` for an int.
pub fn round_int(i: &Int, ndigits: i64) -> Int {
    num::int_round(i, ndigits)
}

pub fn float_ratio(f: f64) -> Result<(BigInt, BigInt), NumError> {
    num::float_as_integer_ratio(f)
}
