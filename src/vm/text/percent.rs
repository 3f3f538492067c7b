//! printf-style formatting, `fmt % args`, following CPython 3.11's `PyUnicode_Format`,
//! and for a bytes format `_PyBytes_FormatEx` (worked on as Latin-1 text, one char a
//! byte).
//!
//! The VM supplies the right operand through [`PercentSource`], which hands out one
//! [`Arg`] at a time, so only the arguments the format actually uses are converted, and
//! `str()`/`repr()` of arbitrary objects is asked for only when a `%s`/`%r`/`%a` needs it.

use super::bytes::{from_latin1, latin1};
use super::float::{FloatCode, FloatFlags, double_to_string};
use super::repr::{ascii, escape_code_point, str_repr};
use super::spec::{bigint_to_f64, int_str};
use super::{ExcKind, TextError, TextResult};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

/// One argument of `%` formatting.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// An exact `int`.
    Int(BigInt),
    Bool(bool),
    /// An exact `float`.
    Float(f64),
    /// An exact `str`.
    Str(String),
    /// A bytes or bytearray (`type_name` says which).
    Bytes {
        data: Vec<u8>,
        type_name: &'static str,
    },
    /// Any other object. `id` is the VM's handle, passed back to [`PercentSource::text`].
    /// The numeric views are what `int(v)`, `operator.index(v)` and `float(v)` give, or
    /// `None` when the object does not support them.
    Object {
        id: u64,
        type_name: String,
        int: Option<BigInt>,
        index: Option<BigInt>,
        float: Option<f64>,
    },
}

impl Arg {
    fn type_name(&self) -> &str {
        match self {
            Arg::Int(_) => "int",
            Arg::Bool(_) => "bool",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
            Arg::Bytes { type_name, .. } => type_name,
            Arg::Object { type_name, .. } => type_name,
        }
    }

    /// `PyLong_Check`: an int or bool (subclasses are the VM's to map).
    fn as_exact_int(&self) -> Option<BigInt> {
        match self {
            Arg::Int(i) => Some(i.clone()),
            Arg::Bool(b) => Some(BigInt::from(*b as u8)),
            _ => None,
        }
    }
}

/// The right operand of `fmt % args`, as the VM presents it.
pub trait PercentSource {
    /// The length of a tuple operand; `None` for any other single object.
    fn tuple_len(&self) -> Option<usize>;
    /// Whether the operand is a mapping for `%(key)s` (CPython: `PyMapping_Check`, not a
    /// tuple, not a str — so a list counts).
    fn is_mapping(&self) -> bool;
    /// Item `i` of a tuple operand, or the operand itself when [`tuple_len`](Self::tuple_len) is `None`.
    fn get(&mut self, i: usize) -> Arg;
    /// `operand[key]`; a missing key is a `KeyError` whose message is `repr(key)`.
    fn mapping_get(&mut self, key: &str) -> TextResult<Arg>;
    /// `repr(obj)` if `repr` else `str(obj)` for an [`Arg::Object`].
    fn text(&mut self, id: u64, repr: bool) -> TextResult<String>;
    /// `bytes(obj)` through its `__bytes__` for an [`Arg::Object`] in a bytes format;
    /// None when it has none.
    fn bytes(&mut self, _id: u64) -> TextResult<Option<Vec<u8>>> {
        Ok(None)
    }
}

/// A tuple (or single value) of plain arguments; useful for tests and constant folding.
#[derive(Debug, Clone)]
pub struct Args {
    pub items: Vec<Arg>,
    /// `false` when the operand is a single non-tuple value (`items` then holds it).
    pub tuple: bool,
}

impl PercentSource for Args {
    fn tuple_len(&self) -> Option<usize> {
        self.tuple.then_some(self.items.len())
    }
    fn is_mapping(&self) -> bool {
        false
    }
    fn get(&mut self, i: usize) -> Arg {
        self.items[i].clone()
    }
    fn mapping_get(&mut self, key: &str) -> TextResult<Arg> {
        Err(TextError::new(ExcKind::KeyError, str_repr(key)))
    }
    fn text(&mut self, id: u64, _repr: bool) -> TextResult<String> {
        Ok(format!("<object {id}>"))
    }
}

/// Which argument comes next: CPython's `args`/`arglen`/`argidx` triple.
struct Cursor {
    keyed: Option<Arg>,
    arglen: i64,
    argidx: i64,
}

impl Cursor {
    fn next(&mut self, src: &mut dyn PercentSource) -> TextResult<Arg> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(match &self.keyed {
                    Some(a) => a.clone(),
                    None => src.get(0),
                });
            }
            return Ok(src.get(i as usize));
        }
        Err(TextError::type_error(
            "not enough arguments for format string",
        ))
    }
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// One parsed conversion: flags, width, precision and the conversion character.
struct Conversion {
    flags: u8,
    width: i64,
    prec: i64,
    ch: char,
}

/// Python's `fmt % args` for a `str` format.
///
/// ```
/// use refscope::vm::text::percent::{percent_format, Arg, Args};
/// use num_bigint::BigInt;
/// let mut args = Args { items: vec![Arg::Int(BigInt::from(255)), Arg::Float(1.23456)], tuple: true };
/// assert_eq!(percent_format("%#06x|%-8.3f|", &mut args).unwrap(), "0x00ff|1.235   |");
/// let mut one = Args { items: vec![Arg::Str("a".into())], tuple: false };
/// assert_eq!(percent_format("%d", &mut one).unwrap_err().message,
///            "%d format: a real number is required, not str");
/// ```
pub fn percent_format(fmt: &str, src: &mut dyn PercentSource) -> TextResult<String> {
    format_chars(fmt.chars().collect(), src, false)
}

/// Python's `fmt % args` for a `bytes` format: `%s` and `%b` take bytes-like objects
/// (or `__bytes__`), `%r` and `%a` give `ascii()`, `%c` an int below 256 or one byte.
pub fn percent_format_bytes(fmt: &[u8], src: &mut dyn PercentSource) -> TextResult<Vec<u8>> {
    let out = format_chars(latin1(fmt).chars().collect(), src, true)?;
    // Every char written is a byte: the format's, or one of the texts below, which are
    // ASCII or Latin-1 by construction.
    Ok(from_latin1(&out))
}

fn format_chars(chars: Vec<char>, src: &mut dyn PercentSource, bytes: bool) -> TextResult<String> {
    let (arglen, argidx) = match src.tuple_len() {
        Some(n) => (n as i64, 0),
        None => (-1, -2),
    };
    let dict = src.is_mapping() && src.tuple_len().is_none();
    let mut cur = Cursor {
        keyed: None,
        arglen,
        argidx,
    };
    let mut out = String::with_capacity(chars.len());
    let mut pos = 0;
    while pos < chars.len() {
        if chars[pos] != '%' {
            let start = pos;
            while pos < chars.len() && chars[pos] != '%' {
                pos += 1;
            }
            out.extend(&chars[start..pos]);
            continue;
        }
        pos += 1;
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        let conv = parse_conversion(&chars, &mut pos, &mut cur, src, dict)?;
        let arg = cur.next(src)?;
        format_one(&conv, &arg, pos, src, bytes, &mut out)?;
        if dict && cur.argidx < cur.arglen {
            return Err(not_all_converted(bytes));
        }
    }
    if cur.argidx < cur.arglen && !dict {
        return Err(not_all_converted(bytes));
    }
    Ok(out)
}

fn not_all_converted(bytes: bool) -> TextError {
    let what = if bytes { "bytes" } else { "string" };
    TextError::type_error(format!(
        "not all arguments converted during {what} formatting"
    ))
}

fn incomplete() -> TextError {
    TextError::value_error("incomplete format")
}

/// `unicode_format_arg_parse`: `[(key)][flags][width][.precision][hlL]type`, starting just
/// after the `%`. Leaves `pos` after the type character.
fn parse_conversion(
    chars: &[char],
    pos: &mut usize,
    cur: &mut Cursor,
    src: &mut dyn PercentSource,
    dict: bool,
) -> TextResult<Conversion> {
    if chars.get(*pos) == Some(&'(') {
        if !dict {
            return Err(TextError::type_error("format requires a mapping"));
        }
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while *pos < chars.len() {
            match chars[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(TextError::value_error("incomplete format key"));
        }
        let key: String = chars[start..*pos].iter().collect();
        *pos += 1;
        cur.keyed = Some(src.mapping_get(&key)?);
        cur.arglen = -1;
        cur.argidx = -2;
    }
    let next = |pos: &mut usize| -> Option<char> {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut flags = 0;
    let mut ch = next(pos);
    while let Some(c) = ch {
        flags |= match c {
            '-' => F_LJUST,
            '+' => F_SIGN,
            ' ' => F_BLANK,
            '#' => F_ALT,
            '0' => F_ZERO,
            _ => break,
        };
        ch = next(pos);
    }
    let star = |cur: &mut Cursor, src: &mut dyn PercentSource| -> TextResult<BigInt> {
        cur.next(src)?
            .as_exact_int()
            .ok_or_else(|| TextError::type_error("* wants int"))
    };
    let mut width = -1;
    if ch == Some('*') {
        let w = star(cur, src)?;
        let w = w
            .to_i64()
            .ok_or_else(|| TextError::overflow("Python int too large to convert to C ssize_t"))?;
        if w < 0 {
            flags |= F_LJUST;
        }
        width = w.abs();
        ch = next(pos);
    } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
        width = d as i64;
        ch = next(pos);
        while let Some(d) = ch.and_then(|c| c.to_digit(10)) {
            width = width
                .checked_mul(10)
                .and_then(|w| w.checked_add(d as i64))
                .ok_or_else(|| TextError::value_error("width too big"))?;
            ch = next(pos);
        }
    }
    super::check_width(width.max(0) as u128)?;
    let mut prec = -1;
    if ch == Some('.') {
        prec = 0;
        ch = next(pos);
        if ch == Some('*') {
            let p = star(cur, src)?;
            let p = p
                .to_i32()
                .ok_or_else(|| TextError::overflow("Python int too large to convert to C int"))?;
            prec = p.max(0) as i64;
            ch = next(pos);
        } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
            prec = d as i64;
            ch = next(pos);
            while let Some(d) = ch.and_then(|c| c.to_digit(10)) {
                prec = prec * 10 + d as i64;
                if prec > i32::MAX as i64 {
                    return Err(TextError::value_error("precision too big"));
                }
                ch = next(pos);
            }
        }
    }
    if matches!(ch, Some('h' | 'l' | 'L')) {
        ch = next(pos);
    }
    let ch = ch.ok_or_else(incomplete)?;
    Ok(Conversion {
        flags,
        width,
        prec,
        ch,
    })
}

/// `unicode_format_arg_format` + `unicode_format_arg_output` for one conversion.
fn format_one(
    conv: &Conversion,
    arg: &Arg,
    pos: usize,
    src: &mut dyn PercentSource,
    bytes: bool,
    out: &mut String,
) -> TextResult<()> {
    let (text, numeric) = match conv.ch {
        's' | 'b' if bytes => (bytes_text(arg, src)?, false),
        'r' | 'a' if bytes => (arg_text(arg, 'a', src)?, false),
        'c' if bytes => (byte_char(arg)?.to_string(), false),
        's' | 'r' | 'a' => (arg_text(arg, conv.ch, src)?, false),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_long(arg, conv)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (format_float_arg(arg, conv)?, true),
        'c' => (format_char(arg)?.to_string(), false),
        c => {
            let shown = if (31..=126).contains(&(c as u32)) {
                c
            } else {
                '?'
            };
            return Err(TextError::value_error(format!(
                "unsupported format character '{shown}' ({:#x}) at index {}",
                c as u32,
                pos - 1
            )));
        }
    };
    output(conv, &text, numeric, out);
    Ok(())
}

/// `%s` or `%b` in a bytes format: the bytes of a bytes-like object, or of what its
/// `__bytes__` gives (as Latin-1 text).
fn bytes_text(arg: &Arg, src: &mut dyn PercentSource) -> TextResult<String> {
    match arg {
        Arg::Bytes { data, .. } => return Ok(latin1(data)),
        Arg::Object { id, .. } => {
            if let Some(b) = src.bytes(*id)? {
                return Ok(latin1(&b));
            }
        }
        _ => {}
    }
    Err(TextError::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        arg.type_name()
    )))
}

/// The code `%c` takes from an int, a bool or an object with `__index__`.
fn char_code(arg: &Arg) -> Option<BigInt> {
    match arg {
        Arg::Int(_) | Arg::Bool(_) => arg.as_exact_int(),
        Arg::Object { index: Some(i), .. } => Some(i.clone()),
        _ => None,
    }
}

/// `%c` in a bytes format: an int in range(256), or a bytes of length one.
fn byte_char(arg: &Arg) -> TextResult<char> {
    if let Arg::Bytes { data, .. } = arg
        && let [b] = data[..]
    {
        return Ok(char::from(b));
    }
    let code = char_code(arg).ok_or_else(|| {
        TextError::type_error("%c requires an integer in range(256) or a single byte")
    })?;
    code.to_u8()
        .map(char::from)
        .ok_or_else(|| TextError::overflow("%c arg not in range(256)"))
}

fn arg_text(arg: &Arg, conv: char, src: &mut dyn PercentSource) -> TextResult<String> {
    let repr = conv != 's';
    let text = match arg {
        Arg::Int(i) => int_str(i)?,
        Arg::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Arg::Float(x) => super::float_repr(*x),
        Arg::Str(s) if repr => str_repr(s),
        Arg::Str(s) => s.clone(),
        Arg::Bytes { data, type_name } => {
            let r = super::bytes_repr(data);
            if *type_name == "bytes" {
                r
            } else {
                format!("{type_name}({r})")
            }
        }
        Arg::Object { id, .. } => src.text(*id, repr)?,
    };
    Ok(match (conv, arg) {
        ('a', Arg::Str(s)) => ascii(s),
        ('a', _) => escape_non_ascii(&text),
        _ => text,
    })
}

/// `ascii()` of an object from its `repr`: every non-ASCII character escaped.
fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c)
        } else {
            escape_code_point(c, &mut out)
        }
    }
    out
}

fn format_long(arg: &Arg, conv: &Conversion) -> TextResult<String> {
    let hexlike = matches!(conv.ch, 'o' | 'x' | 'X');
    let wrong = || {
        let need = if hexlike {
            "an integer"
        } else {
            "a real number"
        };
        TextError::type_error(format!(
            "%{} format: {need} is required, not {}",
            conv.ch,
            arg.type_name()
        ))
    };
    let value = match arg {
        Arg::Int(_) | Arg::Bool(_) => arg.as_exact_int().unwrap_or_default(),
        Arg::Str(_) | Arg::Bytes { .. } => return Err(wrong()),
        Arg::Float(_) if hexlike => return Err(wrong()),
        Arg::Float(x) => float_to_int(*x)?,
        Arg::Object { int, index, .. } => {
            let v = if hexlike {
                index.as_ref()
            } else {
                int.as_ref().or(index.as_ref())
            };
            v.cloned().ok_or_else(wrong)?
        }
    };
    let (radix, prefix) = match conv.ch {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        int_str(&value.abs())?
    } else {
        value.abs().to_str_radix(radix)
    };
    if conv.ch == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut text = String::new();
    if value.sign() == Sign::Minus {
        text.push('-');
    }
    if conv.flags & F_ALT != 0 {
        text.push_str(prefix);
    }
    if conv.prec > digits.len() as i64 {
        text.push_str(&"0".repeat(conv.prec as usize - digits.len()));
    }
    text.push_str(&digits);
    Ok(text)
}

/// `int(x)` for a float.
pub fn float_to_int(x: f64) -> TextResult<BigInt> {
    if x.is_nan() {
        return Err(TextError::value_error(
            "cannot convert float NaN to integer",
        ));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let bits = t.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = BigInt::from((bits & ((1u64 << 52) - 1)) | (1u64 << 52));
    let magnitude = if exp >= 0 {
        mantissa << exp as usize
    } else {
        mantissa >> (-exp) as usize
    };
    Ok(if t < 0.0 { -magnitude } else { magnitude })
}

fn format_float_arg(arg: &Arg, conv: &Conversion) -> TextResult<String> {
    let x = match arg {
        Arg::Float(x) => *x,
        Arg::Int(i) => bigint_to_f64(i)?,
        Arg::Bool(b) => *b as u8 as f64,
        Arg::Object { float: Some(x), .. } => *x,
        _ => {
            return Err(TextError::type_error(format!(
                "must be real number, not {}",
                arg.type_name()
            )));
        }
    };
    let prec = if conv.prec < 0 { 6 } else { conv.prec as usize };
    let flags = FloatFlags {
        alt: conv.flags & F_ALT != 0,
        upper: conv.ch.is_ascii_uppercase(),
        ..Default::default()
    };
    let code = match conv.ch.to_ascii_lowercase() {
        'e' => FloatCode::Exp,
        'f' => FloatCode::Fixed,
        _ => FloatCode::General,
    };
    Ok(double_to_string(x, code, prec, flags))
}

fn format_char(arg: &Arg) -> TextResult<char> {
    let wrong = || TextError::type_error("%c requires int or char");
    if let Arg::Str(s) = arg {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(wrong()),
        };
    }
    let code = char_code(arg).ok_or_else(wrong)?;
    code.to_u32()
        .and_then(char::from_u32)
        .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))
}

/// `unicode_format_arg_output`: sign, `0x` prefix, padding and precision truncation.
fn output(conv: &Conversion, text: &str, numeric: bool, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    if matches!(conv.ch, 's' | 'r' | 'a' | 'b') && conv.prec >= 0 && len > conv.prec {
        len = conv.prec;
    }
    let fill = if numeric && conv.flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let mut pindex = 0usize;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+' | ' ')) => {
                sign = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if conv.flags & F_SIGN != 0 => sign = Some('+'),
            _ if conv.flags & F_BLANK != 0 => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = conv.width.max(len);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = conv.flags & F_ALT != 0 && matches!(conv.ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv.ch);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && conv.flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if alt_prefix {
            out.push('0');
            out.push(conv.ch);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len.max(0) as usize]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(fmt: &str, items: Vec<Arg>, tuple: bool) -> String {
        match percent_format(fmt, &mut Args { items, tuple }) {
            Ok(s) => s,
            Err(e) => format!("{}: {}", e.type_name(), e.message),
        }
    }
    fn int(i: i64) -> Arg {
        Arg::Int(BigInt::from(i))
    }

    #[test]
    fn flags_and_widths() {
        // python3 q2.py (see the differential test for many more)
        let args = vec![
            int(255),
            int(255),
            int(255),
            int(3),
            int(4),
            int(5),
            int(8),
            int(3),
        ];
        assert_eq!(
            run("%#x|%#08x|%-#8X|%+05d|% d|%.3d|%#o|%-05d", args, true),
            "0xff|0x0000ff|0XFF    |+0003| 4|005|0o10|3    "
        );
        assert_eq!(run("%#.3x", vec![int(5)], false), "0x005");
        assert_eq!(run("%010.3x", vec![int(-5)], false), "-000000005");
        assert_eq!(run("%#010x", vec![int(-5)], false), "-0x0000005");
        let star = vec![
            int(2),
            Arg::Float(1.23456),
            int(-6),
            int(2),
            Arg::Str("abc".into()),
        ];
        assert_eq!(run("%.*f|%*.*s", star, true), "1.23|ab    ");
        assert_eq!(
            run(
                "%05f|%+f|%+e",
                vec![
                    Arg::Float(f64::INFINITY),
                    Arg::Float(f64::NAN),
                    Arg::Float(-1.5)
                ],
                true
            ),
            "00inf|+nan|-1.500000e+00"
        );
        assert_eq!(
            run("%5c|%-3c|", vec![int(65), Arg::Str("b".into())], true),
            "    A|b  |"
        );
    }

    #[test]
    fn errors() {
        let s = |v: &str| Arg::Str(v.into());
        assert_eq!(
            run("%c", vec![s("ab")], false),
            "TypeError: %c requires int or char"
        );
        assert_eq!(
            run("%c", vec![int(-1)], false),
            "OverflowError: %c arg not in range(0x110000)"
        );
        assert_eq!(
            run("%x", vec![Arg::Float(1.5)], false),
            "TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(
            run("%f", vec![s("a")], false),
            "TypeError: must be real number, not str"
        );
        assert_eq!(
            run("%d", vec![Arg::Float(f64::NAN)], false),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            run("%*d", vec![s("a"), int(1)], true),
            "TypeError: * wants int"
        );
        assert_eq!(
            run("%(a)s", vec![int(1)], false),
            "TypeError: format requires a mapping"
        );
        assert_eq!(
            run("%5", vec![int(1)], false),
            "ValueError: incomplete format"
        );
        assert_eq!(
            run("abc %y", vec![int(1)], false),
            "ValueError: unsupported format character 'y' (0x79) at index 5"
        );
        assert_eq!(
            run("abc", vec![int(5)], false),
            "TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(
            run("%s %s", vec![int(1)], false),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            run("%5%", vec![int(1)], false),
            "ValueError: unsupported format character '%' (0x25) at index 2"
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(
            run(
                "%s|%r|%a|%d|%x|%s",
                vec![
                    Arg::Float(1e16),
                    Arg::Str("x".into()),
                    Arg::Str("é".into()),
                    Arg::Bool(true),
                    Arg::Bool(true),
                    Arg::Bool(true)
                ],
                true
            ),
            "1e+16|'x'|'\\xe9'|1|1|True"
        );
        assert_eq!(
            run("%ld %hi %Lf", vec![int(1), int(2), Arg::Float(3.0)], true),
            "1 2 3.000000"
        );
        assert_eq!(run("%d", vec![Arg::Float(-3.7)], false), "-3");
        assert_eq!(
            float_to_int(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
    }
}
