//! Constant folding, as CPython 3.11's `Python/ast_opt.c`: literals, unary and binary
//! operators on constants, constant subscripts and tuples of constants become one
//! [`Const`]. Like CPython, it refuses to build big values at compile time (ints over 128
//! bits from `*`, `**`, `<<`; strings over 4096 characters; tuples over 256 items) and
//! never folds an operation that would raise.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use super::code::Const;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The constant value of `expr`, if CPython would fold it to one.
pub(crate) fn fold(expr: &Expr) -> Option<Const> {
    match expr {
        Expr::NumberLiteral(n) => number(&n.value),
        Expr::StringLiteral(s) => Some(Const::Str(Rc::from(s.value.to_str()))),
        Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect())),
        Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        // CPython replaces `__debug__` by its value (True: refscope never runs with -O).
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => {
            Some(Const::Bool(true))
        }
        Expr::FString(f) => fstring_literal(f),
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let items: Option<Vec<Const>> = t.elts.iter().map(fold).collect();
            Some(Const::Tuple(items?.into()))
        }
        Expr::UnaryOp(u) => unary(u.op, &fold(&u.operand)?),
        Expr::BinOp(b) => binary(b.op, &fold(&b.left)?, &fold(&b.right)?),
        Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
            subscript(&fold(&s.value)?, &fold(&s.slice)?)
        }
        _ => None,
    }
}

/// An f-string without replacement fields is a plain string constant.
pub(crate) fn fstring_literal(f: &ast::ExprFString) -> Option<Const> {
    let mut out = String::new();
    for part in f.value.iter() {
        match part {
            ast::FStringPart::Literal(lit) => out.push_str(&lit.value),
            ast::FStringPart::FString(fs) => {
                for el in fs.elements.iter() {
                    match el {
                        ast::InterpolatedStringElement::Literal(lit) => out.push_str(&lit.value),
                        ast::InterpolatedStringElement::Interpolation(_) => return None,
                    }
                }
            }
        }
    }
    Some(Const::Str(Rc::from(out)))
}

/// A number literal as a constant.
pub(crate) fn number(n: &Number) -> Option<Const> {
    match n {
        Number::Int(i) => match i.as_u64() {
            Some(v) => Some(int(BigInt::from(v))),
            None => parse_big_int(&i.to_string()).map(int),
        },
        Number::Float(f) => Some(Const::Float(*f)),
        Number::Complex { real, imag } if *real == 0.0 => Some(Const::Imag(*imag)),
        Number::Complex { .. } => None,
    }
}

/// Parses an integer token (`123_456`, `0x_ff`, `0o7`, `0b1`).
fn parse_big_int(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = match lower.get(..2) {
        Some("0x") => (&lower[2..], 16),
        Some("0o") => (&lower[2..], 8),
        Some("0b") => (&lower[2..], 2),
        _ => (lower.as_str(), 10),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// An integer constant, small when it fits in an `i64`.
pub(crate) fn int(v: BigInt) -> Const {
    match v.to_i64() {
        Some(small) => Const::Int(small),
        None => Const::BigInt(v),
    }
}

fn as_int(c: &Const) -> Option<BigInt> {
    match c {
        Const::Bool(b) => Some(BigInt::from(*b as i64)),
        Const::Int(i) => Some(BigInt::from(*i)),
        Const::BigInt(b) => Some(b.clone()),
        _ => None,
    }
}

fn as_float(c: &Const) -> Option<f64> {
    match c {
        Const::Float(f) => Some(*f),
        other => {
            let f = as_int(other)?.to_f64()?;
            f.is_finite().then_some(f)
        }
    }
}

fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Ellipsis => true,
        Const::Int(i) => *i != 0,
        Const::BigInt(b) => !b.is_zero(),
        Const::Float(f) => *f != 0.0,
        Const::Imag(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Code(_) => return None,
    })
}

/// The truth value of a folded constant (for `if`/`while` tests).
pub(crate) fn constant_truth(expr: &Expr) -> Option<bool> {
    truthy(&fold(expr)?)
}

fn unary(op: UnaryOp, v: &Const) -> Option<Const> {
    match (op, v) {
        (UnaryOp::Not, v) => truthy(v).map(|t| Const::Bool(!t)),
        (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
        (UnaryOp::UAdd, Const::Float(f)) => Some(Const::Float(*f)),
        (UnaryOp::USub, v) => Some(int(-as_int(v)?)),
        (UnaryOp::UAdd, v) => Some(int(as_int(v)?)),
        (UnaryOp::Invert, v) => Some(int(!as_int(v)?)),
    }
}

fn is_num(c: &Const) -> bool {
    matches!(
        c,
        Const::Bool(_) | Const::Int(_) | Const::BigInt(_) | Const::Float(_)
    )
}

fn binary(op: Operator, l: &Const, r: &Const) -> Option<Const> {
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return int_binary(op, l, r, a, b);
    }
    if is_num(l) && is_num(r) {
        return float_binary(op, as_float(l)?, as_float(r)?);
    }
    match (op, l, r) {
        (Operator::Add, Const::Str(a), Const::Str(b)) => Some(Const::Str(format!("{a}{b}").into())),
        (Operator::Add, Const::Bytes(a), Const::Bytes(b)) => {
            Some(Const::Bytes([&a[..], &b[..]].concat().into()))
        }
        (Operator::Add, Const::Tuple(a), Const::Tuple(b)) => {
            Some(Const::Tuple([&a[..], &b[..]].concat().into()))
        }
        (Operator::Mult, seq, n) if as_int(n).is_some() => repeat(seq, &as_int(n)?),
        (Operator::Mult, n, seq) if as_int(n).is_some() => repeat(seq, &as_int(n)?),
        _ => None,
    }
}

/// `seq * n` within CPython's `safe_multiply` limits.
fn repeat(seq: &Const, n: &BigInt) -> Option<Const> {
    let size = match seq {
        Const::Str(s) => s.chars().count(),
        Const::Bytes(b) => b.len(),
        Const::Tuple(t) => t.len(),
        _ => return None,
    };
    let limit = match seq {
        Const::Tuple(_) => MAX_COLLECTION_SIZE,
        _ => MAX_STR_SIZE,
    };
    let n = match limit.checked_div(size) {
        None => n.to_usize().unwrap_or(0),
        Some(max) => {
            let n = n.to_usize()?;
            if n > max {
                return None;
            }
            if let Const::Tuple(t) = seq
                && MAX_TOTAL_ITEMS
                    .checked_div(n)
                    .is_some_and(|m| complexity(t) > m)
            {
                return None;
            }
            n
        }
    };
    Some(match seq {
        Const::Str(s) => Const::Str(s.repeat(n).into()),
        Const::Bytes(b) => Const::Bytes(b.repeat(n).into()),
        Const::Tuple(t) => Const::Tuple(t.iter().cloned().cycle().take(t.len() * n).collect()),
        _ => return None,
    })
}

/// Number of items in a constant tuple, nested tuples included.
fn complexity(items: &[Const]) -> usize {
    items
        .iter()
        .map(|c| match c {
            Const::Tuple(t) => 1 + complexity(t),
            _ => 1,
        })
        .sum()
}

fn int_binary(op: Operator, l: &Const, r: &Const, a: BigInt, b: BigInt) -> Option<Const> {
    let both_bool = matches!((l, r), (Const::Bool(_), Const::Bool(_)));
    let bits = |v: &BigInt| v.bits();
    Some(match op {
        Operator::Add => int(a + b),
        Operator::Sub => int(a - b),
        Operator::Mult => {
            if bits(&a) + bits(&b) > MAX_INT_SIZE {
                return None;
            }
            int(a * b)
        }
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            let (x, y) = (exact_f64(&a)?, exact_f64(&b)?);
            Const::Float(x / y)
        }
        Operator::FloorDiv if !b.is_zero() => int(a.div_floor(&b)),
        Operator::Mod if !b.is_zero() => int(a.mod_floor(&b)),
        Operator::Pow if b.is_negative() => {
            if a.is_zero() {
                return None;
            }
            Const::Float(exact_f64(&a)?.powf(exact_f64(&b)?))
        }
        Operator::Pow => {
            let e = b.to_u32()?;
            if !a.is_zero() && e > 0 && bits(&a) > MAX_INT_SIZE / u64::from(e) {
                return None;
            }
            int(num_traits::pow::Pow::pow(a, e))
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let w = b.to_u64()?;
                if w > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - w {
                    return None;
                }
            }
            if a.is_zero() {
                return Some(Const::Int(0));
            }
            int(a << b.to_usize()?)
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            match b.to_usize() {
                Some(n) => int(a >> n),
                None => int(if a.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }),
            }
        }
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => {
            let v = match op {
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                _ => a ^ b,
            };
            if both_bool {
                Const::Bool(!v.is_zero())
            } else {
                int(v)
            }
        }
        Operator::FloorDiv | Operator::Mod | Operator::MatMult => return None,
    })
}

/// An int as a float when the conversion is exact (so folding matches CPython bit for bit).
fn exact_f64(v: &BigInt) -> Option<f64> {
    let f = v.to_f64()?;
    (f.abs() < 9_007_199_254_740_992.0).then_some(f)
}

fn float_binary(op: Operator, a: f64, b: f64) -> Option<Const> {
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div if b != 0.0 => a / b,
        Operator::FloorDiv if b != 0.0 => float_divmod(a, b).0,
        Operator::Mod if b != 0.0 => float_divmod(a, b).1,
        Operator::Pow => {
            if (a < 0.0 && b.fract() != 0.0) || (a == 0.0 && b < 0.0) {
                return None;
            }
            let v = a.powf(b);
            if v.is_infinite() && a.is_finite() && b.is_finite() {
                return None;
            }
            v
        }
        _ => return None,
    };
    Some(Const::Float(v))
}

/// CPython's `float_divmod`: (floor quotient, remainder with the divisor's sign).
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn subscript(v: &Const, key: &Const) -> Option<Const> {
    let i = as_int(key)?.to_i64()?;
    let index = |len: usize| -> Option<usize> {
        let len = len as i64;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then_some(i as usize)
    };
    match v {
        Const::Str(s) => {
            let n = s.chars().count();
            let c = s.chars().nth(index(n)?)?;
            Some(Const::Str(c.to_string().into()))
        }
        Const::Bytes(b) => Some(Const::Int(i64::from(b[index(b.len())?]))),
        Const::Tuple(t) => Some(t[index(t.len())?].clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(src: &str) -> Option<Const> {
        let module = ruff_python_parser::parse_module(src).unwrap().into_syntax();
        match &module.body[0] {
            ast::Stmt::Expr(e) => fold(&e.value),
            _ => panic!("not an expression"),
        }
    }

    fn show(c: Option<Const>) -> String {
        format!("{c:?}")
    }

    #[test]
    fn folds_arithmetic_like_cpython() {
        assert_eq!(show(folded("999 + 1")), "Some(Int(1000))");
        assert_eq!(show(folded("2 ** 10")), "Some(Int(1024))");
        assert_eq!(show(folded("-5")), "Some(Int(-5))");
        assert_eq!(show(folded("10 ** 6")), "Some(Int(1000000))");
        assert_eq!(show(folded("2 * 10 ** 7")), "Some(Int(20000000))");
        assert_eq!(show(folded("7 // -2")), "Some(Int(-4))");
        assert_eq!(show(folded("-7 % 3")), "Some(Int(2))");
        assert_eq!(show(folded("2 ** -1")), "Some(Float(0.5))");
        assert_eq!(show(folded("True + 1")), "Some(Int(2))");
        assert_eq!(show(folded("~True")), "Some(Int(-2))");
        assert_eq!(show(folded("True & False")), "Some(Bool(false))");
        assert_eq!(show(folded("not 1")), "Some(Bool(false))");
        assert_eq!(show(folded("-7.5 // 2")), "Some(Float(-4.0))");
        assert_eq!(show(folded("-0.0")), "Some(Float(-0.0))");
        assert_eq!(show(folded("'ab'[1]")), "Some(Str(\"b\"))");
        assert_eq!(show(folded("'ab' * 2")), "Some(Str(\"abab\"))");
        assert_eq!(
            show(folded("(1, 2) + (3,)")),
            "Some(Tuple([Int(1), Int(2), Int(3)]))"
        );
        assert!(matches!(folded("2 ** 64"), Some(Const::BigInt(_))));
        assert_eq!(show(folded("0xff_ff")), "Some(Int(65535))");
        assert_eq!(show(folded("__debug__")), "Some(Bool(true))");
        assert_eq!(show(folded("0 << 10 ** 18")), "Some(Int(0))");
        assert!(matches!(
            folded("123456789012345678901234567890"),
            Some(Const::BigInt(_))
        ));
    }

    #[test]
    fn refuses_what_cpython_refuses() {
        for src in [
            "2 ** 200",
            "1 << 200",
            "7 // 0",
            "1 / 0",
            "(1,) * 300",
            "'a' % 3",
            "'x' * 5000",
            "x + 1",
            "-1j",
            "(-8.0) ** 0.5",
            "10.0 ** 400",
        ] {
            assert!(folded(src).is_none(), "{src} should not fold");
        }
    }
}
