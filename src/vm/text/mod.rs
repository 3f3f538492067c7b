//! The text core: Python 3.11's string formatting and `str`/`bytes` methods as pure Rust
//! functions that give CPython's exact results and error messages.
//!
//! Nothing here touches the heap. The VM converts objects to Rust values (`&str`, `&[u8]`,
//! `&BigInt`, `f64`), calls in, and turns a [`TextError`] into a Python exception.
//!
//! - [`float`]: float → text (`repr`, the `e f g %` layouts shared by `format` and `%`).
//! - [`repr`]: `repr`/`ascii` of `str` and `bytes`, `sys.getsizeof` of a `str`.
//! - [`spec`]: the format-spec mini-language (`format(v, spec)`).
//! - [`percent`]: printf-style `fmt % args`.
//! - [`template`]: parsing `str.format` templates into literal and field pieces.
//! - [`strings`]: `str` methods; [`bytes`]: `bytes` methods.
//! - [`unicode`]: character classes and case mappings of Unicode 14.0, from tables
//!   generated out of CPython by `gen_unicode_tables.py`.

pub mod bytes;
pub mod float;
pub mod percent;
pub mod repr;
pub mod spec;
pub mod strings;
pub mod template;
pub mod unicode;
mod unicode_tables;

#[cfg(test)]
mod differential;

pub use float::float_repr;
pub use percent::{Arg, PercentSource, percent_format};
pub use repr::{ascii, bytearray_literal, bytes_repr, str_getsizeof, str_repr};
pub use spec::{
    FormatSpec, Formattable, format, format_float, format_int, format_object, format_str, int_str,
    parse_format_spec,
};
pub use template::{
    Field, FieldKey, FieldName, FieldPart, FormatParser, Piece, parse_format_string,
};

/// The longest text (in bytes) a formatting makes: a width past it is a MemoryError, as
/// python3's allocation of it would be, not an allocation that ends the process.
pub const MAX_OBJECT_BYTES: usize = 1 << 31;

/// Refuses a padded width past [`MAX_OBJECT_BYTES`].
pub fn check_width(width: u128) -> TextResult<()> {
    if width > MAX_OBJECT_BYTES as u128 {
        return Err(TextError::new(ExcKind::MemoryError, ""));
    }
    Ok(())
}

/// The Python exception class a text operation raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcKind {
    MemoryError,
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    LookupError,
}

impl ExcKind {
    /// The Python name of the exception class, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::MemoryError => "MemoryError",
            ExcKind::TypeError => "TypeError",
            ExcKind::ValueError => "ValueError",
            ExcKind::KeyError => "KeyError",
            ExcKind::IndexError => "IndexError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::UnicodeDecodeError => "UnicodeDecodeError",
            ExcKind::LookupError => "LookupError",
            ExcKind::UnicodeEncodeError => "UnicodeEncodeError",
        }
    }
}

/// A Python exception raised by a text operation: its class and CPython's exact message.
///
/// For `KeyError` the message is the `repr` of the missing key, as `str(KeyError(k))` shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", kind.name())]
pub struct TextError {
    pub kind: ExcKind,
    pub message: String,
}

impl TextError {
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Self {
        TextError {
            kind,
            message: message.into(),
        }
    }
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ExcKind::TypeError, message)
    }
    pub fn value_error(message: impl Into<String>) -> Self {
        Self::new(ExcKind::ValueError, message)
    }
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(ExcKind::OverflowError, message)
    }
    /// The exception class name, e.g. `"TypeError"`.
    pub fn type_name(&self) -> &'static str {
        self.kind.name()
    }
}

/// Result of a text operation.
pub type TextResult<T> = Result<T, TextError>;
