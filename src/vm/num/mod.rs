//! Python 3.11's int and float arithmetic as plain Rust: exact results, CPython's hashes
//! and CPython's error messages. Ints are `Small` while they fit an i64 (fast paths with no
//! allocation) and `Big` beyond.

pub mod float;
pub mod gamma;
mod int;
#[cfg(test)]
mod tests;

pub use float::{
    float_as_integer_ratio, float_floordiv, float_fromhex, float_hash, float_mod, float_pow,
    float_round, int_round, parse_float,
};
pub use int::Int;

/// A numeric error: the exception class and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumError {
    ZeroDivision(&'static str),
    Overflow(String),
    Value(String),
    Type(String),
}

/// The result of an operation that may be an int, a float or (for a negative base to a
/// fractional power) a complex number.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(Int),
    Float(f64),
    Complex(f64, f64),
}

/// The largest number of decimal digits int() and str() convert (CPython 3.11's default
/// `sys.get_int_max_str_digits()`).
pub const MAX_STR_DIGITS: usize = 4300;
