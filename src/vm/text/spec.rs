//! The format-spec mini-language: `format(value, spec)` for `str`, `int` and `float`,
//! following CPython 3.11's `Python/formatter_unicode.c`.
//!
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`

use super::float::{FloatCode, FloatFlags, double_to_string};
use super::{TextError, TextResult};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

/// Where padding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: between the sign (and prefix) and the digits.
    AfterSign,
}

/// A parsed format spec. Fields hold what was written; the formatters resolve defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// The fill character, when written (it is only recognised before an alignment).
    pub fill: Option<char>,
    pub align: Option<Align>,
    /// `'+'`, `'-'` or `' '`.
    pub sign: Option<char>,
    /// The `z` option (3.11): coerce negative zero to zero.
    pub no_neg_zero: bool,
    /// The `#` option.
    pub alternate: bool,
    /// The `0` flag before the width (sign-aware zero padding).
    pub zero: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type character.
    pub ty: Option<char>,
}

/// A value that `format(value, spec)` accepts.
#[derive(Debug, Clone, Copy)]
pub enum Formattable<'a> {
    Str(&'a str),
    Int(&'a BigInt),
    Bool(bool),
    Float(f64),
}

/// Python's `format(value, spec)` for a `str`, `int`, `bool` or `float`.
///
/// ```
/// use refscope::vm::text::spec::{format, Formattable};
/// use num_bigint::BigInt;
/// assert_eq!(format(Formattable::Int(&BigInt::from(1234)), "08,").unwrap(), "0,001,234");
/// assert_eq!(format(Formattable::Float(0.5), "^+9.2%").unwrap(), " +50.00% ");
/// ```
pub fn format(value: Formattable, spec: &str) -> TextResult<String> {
    match value {
        Formattable::Str(s) => format_str(s, &parse_format_spec(spec, "str")?),
        Formattable::Int(i) if spec.is_empty() => int_str(i),
        Formattable::Int(i) => format_int(i, &parse_format_spec(spec, "int")?),
        Formattable::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.to_string()),
        Formattable::Bool(b) => {
            let mut parsed = parse_format_spec(spec, "bool")?;
            parsed.ty = parsed.ty.or(Some('d'));
            format_int_named(&BigInt::from(b as u8), &parsed, "bool")
        }
        Formattable::Float(x) => format_float(x, &parse_format_spec(spec, "float")?),
    }
}

/// `object.__format__(value, spec)`, the fallback for types without their own
/// `__format__`: `str(value)` for an empty spec, a `TypeError` otherwise.
///
/// ```
/// use refscope::vm::text::spec::format_object;
/// assert_eq!(format_object("NoneType", "None", "").unwrap(), "None");
/// assert_eq!(format_object("list", "[]", ">5").unwrap_err().message,
///            "unsupported format string passed to list.__format__");
/// ```
pub fn format_object(type_name: &str, str_value: &str, spec: &str) -> TextResult<String> {
    if !spec.is_empty() {
        return Err(TextError::type_error(format!(
            "unsupported format string passed to {type_name}.__format__"
        )));
    }
    Ok(str_value.to_string())
}

fn invalid_spec(spec: &str, type_name: &str) -> TextError {
    TextError::value_error(format!(
        "Invalid format specifier '{spec}' for object of type '{type_name}'"
    ))
}

/// The character as CPython's `%c`-or-`\x%x` error messages show it.
pub(crate) fn code_for_message(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{u:x}")
    }
}

fn unknown_code(c: char, type_name: &str) -> TextError {
    TextError::value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_for_message(c)
    ))
}

fn parse_integer(chars: &[char], pos: &mut usize) -> TextResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(|| TextError::value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parse a format spec for a value of type `type_name` (used only in error messages).
///
/// ```
/// use refscope::vm::text::parse_format_spec;
/// let spec = parse_format_spec("*^+#012,.3f", "float").unwrap();
/// assert_eq!((spec.fill, spec.width, spec.precision, spec.ty), (Some('*'), Some(12), Some(3), Some('f')));
/// assert_eq!(parse_format_spec("_,", "int").unwrap_err().message, "Cannot specify both ',' and '_'.");
/// ```
pub fn parse_format_spec(spec: &str, type_name: &str) -> TextResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec::default();
    let mut pos = 0;
    if let Some(a) = chars.get(1).and_then(|c| align_of(*c)) {
        out.fill = Some(chars[0]);
        out.align = Some(a);
        pos = 2;
    } else if let Some(a) = chars.first().and_then(|c| align_of(*c)) {
        out.align = Some(a);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && chars.get(pos) == Some(&'0') {
        out.zero = true;
        pos += 1;
    }
    out.width = parse_integer(&chars, &mut pos)?;
    super::check_width(out.width.unwrap_or(0) as u128)?;
    let both = || TextError::value_error("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = parse_integer(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(TextError::value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(invalid_spec(spec, type_name));
    }
    out.ty = chars.get(pos).copied();
    if let Some(g) = out.grouping {
        let default_ty = match type_name {
            "str" => Some('s'),
            "int" | "bool" => Some('d'),
            _ => None,
        };
        let ty = out.ty.or(default_ty);
        let ok = match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let ty = ty.unwrap_or('\0');
            return Err(TextError::value_error(format!(
                "Cannot specify '{g}' with '{}'.",
                code_for_message(ty)
            )));
        }
    }
    Ok(out)
}

impl FormatSpec {
    /// The fill character and alignment after CPython's defaults: the `0` flag gives fill
    /// `0` and, for numbers (default `>`), alignment `=`.
    fn fill_align(&self, default: Align) -> (char, Align) {
        match self.fill {
            Some(f) => (f, self.align.unwrap_or(default)),
            None if self.zero => {
                let align = self.align.unwrap_or(if default == Align::Right {
                    Align::AfterSign
                } else {
                    default
                });
                ('0', align)
            }
            None => (' ', self.align.unwrap_or(default)),
        }
    }
}

/// Pad `body` (of `len` characters) to `width` with `fill` per `align` (`=` acts as `<`).
fn pad(body: &str, len: usize, width: Option<usize>, fill: char, align: Align) -> String {
    let total = width.unwrap_or(0).max(len);
    let padding = total - len;
    let left = match align {
        Align::Right => padding,
        Align::Center => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(body.len() + padding);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, padding - left));
    out
}

/// Python's `format(s, spec)` for a `str`.
pub fn format_str(s: &str, spec: &FormatSpec) -> TextResult<String> {
    let ty = spec.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    match spec.sign {
        Some(' ') => {
            return Err(TextError::value_error(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(TextError::value_error(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(TextError::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(TextError::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = spec.fill_align(Align::Left);
    if align == Align::AfterSign {
        return Err(TextError::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (body, len) = match spec.precision {
        Some(p) => {
            let end = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..end], s[..end].chars().count())
        }
        None => (s, s.chars().count()),
    };
    Ok(pad(body, len, spec.width, fill, align))
}

/// Python's `format(i, spec)` for an `int`.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> TextResult<String> {
    format_int_named(v, spec, "int")
}

fn format_int_named(v: &BigInt, spec: &FormatSpec, type_name: &str) -> TextResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(bigint_to_f64(v)?, spec),
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(TextError::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(TextError::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(TextError::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(TextError::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = v
            .to_i64()
            .ok_or_else(|| TextError::overflow("Python int too large to convert to C long"))?;
        let c = u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))?;
        return Ok(fill_number(spec, None, "", "", &c.to_string(), None));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        int_str(&v.abs())?
    } else {
        v.abs().to_str_radix(radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let negative = v.sign() == Sign::Minus;
    let prefix = if spec.alternate { prefix } else { "" };
    let grouping = grouping_of(spec, ty);
    Ok(fill_number(
        spec,
        Some(negative),
        prefix,
        &digits,
        "",
        grouping,
    ))
}

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `str(i)` for an `int`: decimal digits, with CPython 3.11's limit on their number.
///
/// ```
/// use refscope::vm::text::spec::int_str;
/// use num_bigint::BigInt;
/// assert_eq!(int_str(&BigInt::from(-12)).unwrap(), "-12");
/// let big = num_traits::pow(BigInt::from(10), 4300);
/// assert!(int_str(&big).unwrap_err().message.starts_with("Exceeds the limit (4300 digits)"));
/// ```
pub fn int_str(v: &BigInt) -> TextResult<String> {
    let s = v.to_string();
    let digits = s.len() - usize::from(v.is_negative());
    if digits > INT_MAX_STR_DIGITS {
        return Err(TextError::value_error(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// The separator and group size for a spec (`n` uses the C locale: no grouping).
fn grouping_of(spec: &FormatSpec, ty: char) -> Option<(char, usize)> {
    match (spec.grouping, ty) {
        (_, 'n') | (None, _) => None,
        (Some('_'), 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
        (Some(g), _) => Some((g, 3)),
    }
}

/// `int` → `float` as `float(i)` does: correctly rounded, `OverflowError` when too large.
pub fn bigint_to_f64(v: &BigInt) -> TextResult<f64> {
    let too_large = || TextError::overflow("int too large to convert to float");
    let magnitude = v.magnitude();
    let bits = magnitude.bits();
    let abs = if bits <= 64 {
        magnitude.to_u64().unwrap_or(0) as f64
    } else {
        let shift = bits - 64;
        let top = (magnitude >> shift).to_u64().unwrap_or(0);
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        let mantissa = (top | sticky as u64) as f64;
        if shift > 2000 {
            return Err(too_large());
        }
        mantissa * 2f64.powi(shift as i32)
    };
    if abs.is_infinite() {
        return Err(too_large());
    }
    Ok(if v.is_negative() { -abs } else { abs })
}

/// Python's `format(x, spec)` for a `float`.
pub fn format_float(x: f64, spec: &FormatSpec) -> TextResult<String> {
    let mut ty = spec.ty.unwrap_or('\0');
    let code = match ty {
        '\0' | 'n' | 'g' | 'G' | 'e' | 'E' | 'f' | 'F' | '%' => ty,
        _ => return Err(unknown_code(ty, "float")),
    };
    let mut flags = FloatFlags {
        alt: spec.alternate,
        no_neg_zero: spec.no_neg_zero,
        ..Default::default()
    };
    let mut default_precision = 6;
    let mut repr = false;
    if code == '\0' {
        flags.add_dot_0 = true;
        repr = true;
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let (value, pct) = if ty == '%' {
        (x * 100.0, true)
    } else {
        (x, false)
    };
    if pct {
        ty = 'f';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if p > i32::MAX as usize {
                return Err(TextError::value_error("precision too big"));
            }
            repr = false;
            if code == '\0' {
                ty = 'g';
            }
            p
        }
    };
    flags.upper = ty.is_ascii_uppercase();
    let float_code = match ty.to_ascii_lowercase() {
        _ if repr => FloatCode::Repr,
        'e' => FloatCode::Exp,
        'f' => FloatCode::Fixed,
        _ => FloatCode::General,
    };
    let mut text = double_to_string(value, float_code, precision, flags);
    if pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, remainder) = body.split_at(int_len);
    Ok(fill_number(
        spec,
        Some(negative),
        "",
        digits,
        remainder,
        grouping_of(spec, code),
    ))
}

/// CPython's `calc_number_widths` + `fill_number`:
/// `<lpad><sign><prefix><spad><grouped digits><remainder><rpad>`.
///
/// `negative` is `None` for `c` formatting, which has no sign. `remainder` is everything
/// after the integer digits (point, fraction, exponent, `%`, or the whole of `inf`/`nan`).
fn fill_number(
    spec: &FormatSpec,
    negative: Option<bool>,
    prefix: &str,
    digits: &str,
    remainder: &str,
    grouping: Option<(char, usize)>,
) -> String {
    let (fill, align) = spec.fill_align(Align::Right);
    let sign = match (spec.sign, negative) {
        (_, Some(true)) => "-",
        (Some('+'), Some(false)) => "+",
        (Some(' '), Some(false)) => " ",
        _ => "",
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let fixed = (sign.len() + prefix.len() + remainder.chars().count()) as i64;
    let min_width = if fill == '0' && align == Align::AfterSign {
        width - fixed
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, min_width, grouping)
    };
    let used = fixed + grouped.chars().count() as i64;
    let padding = (width - used).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(sign);
    out.push_str(prefix);
    out.extend(std::iter::repeat_n(fill, spad));
    out.push_str(&grouped);
    out.push_str(remainder);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: group `digits` from the right, padding
/// with zeros (which are grouped too) until the result is at least `min_width` long.
fn group_digits(digits: &str, mut min_width: i64, grouping: Option<(char, usize)>) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as i64;
    let mut groups: Vec<String> = Vec::new();
    match grouping {
        None => {
            let l = remaining.max(min_width).max(1);
            let zeros = (l - remaining).max(0) as usize;
            return format!("{}{digits}", "0".repeat(zeros));
        }
        Some((_, size)) => loop {
            let l = (size as i64).min(remaining.max(min_width).max(1));
            let zeros = (l - remaining).max(0) as usize;
            let n_chars = remaining.min(l).max(0) as usize;
            let end = remaining.max(0) as usize;
            let group = format!("{}{}", "0".repeat(zeros), &digits[end - n_chars..end]);
            groups.push(group);
            remaining -= n_chars as i64;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        },
    }
    let sep = grouping.map_or(',', |g| g.0).to_string();
    groups.reverse();
    groups.join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: Formattable, spec: &str) -> String {
        match format(v, spec) {
            Ok(s) => s,
            Err(e) => format!("{}: {}", e.type_name(), e.message),
        }
    }
    fn int(i: i64, spec: &str) -> String {
        f(Formattable::Int(&BigInt::from(i)), spec)
    }
    fn float(x: f64, spec: &str) -> String {
        f(Formattable::Float(x), spec)
    }

    #[test]
    fn ints() {
        // python3 -c "print(format(1234, '08,'))" etc.
        assert_eq!(int(1234, "08,"), "0,001,234");
        assert_eq!(int(1234, "09,"), "0,001,234");
        assert_eq!(int(-255, "#x"), "-0xff");
        assert_eq!(int(255, "#X"), "0XFF");
        assert_eq!(int(-42, "=+8"), "-     42");
        assert_eq!(int(65, "c"), "A");
        assert_eq!(int(123456789, "_x"), "75b_cd15");
        assert_eq!(int(5, "<05"), "50000");
        assert_eq!(int(-1, "c"), "OverflowError: %c arg not in range(0x110000)");
        assert_eq!(
            int(1, ".2"),
            "ValueError: Precision not allowed in integer format specifier"
        );
        assert_eq!(
            int(1, "abc"),
            "ValueError: Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(int(1, ",x"), "ValueError: Cannot specify ',' with 'x'.");
        assert_eq!(int(1, ",,"), "ValueError: Cannot specify ',' with ','.");
        assert_eq!(
            int(1, "\x01"),
            "ValueError: Unknown format code '\\x1' for object of type 'int'"
        );
        assert_eq!(
            int(1, "z"),
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier"
        );
        assert_eq!(f(Formattable::Bool(true), ""), "True");
        assert_eq!(f(Formattable::Bool(true), ">3"), "  1");
    }

    #[test]
    fn strs() {
        let s = |v: &str, spec: &str| f(Formattable::Str(v), spec);
        assert_eq!(s("ab", "05"), "ab000");
        assert_eq!(s("abc", "*^7.2"), "**ab***");
        assert_eq!(
            s("ab", " "),
            "ValueError: Space not allowed in string format specifier"
        );
        assert_eq!(
            s("ab", "+"),
            "ValueError: Sign not allowed in string format specifier"
        );
        assert_eq!(
            s("ab", "=5"),
            "ValueError: '=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            s("ab", "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
    }

    #[test]
    fn floats() {
        assert_eq!(float(1.0, ""), "1.0");
        assert_eq!(float(1.0, ".3"), "1.0");
        assert_eq!(float(1234.5, ".3"), "1.23e+03");
        assert_eq!(float(1e300 * 10.0, "010"), "00001e+301");
        assert_eq!(float(-0.0, "z"), "0.0");
        assert_eq!(float(-0.0001, "z.2f"), "0.00");
        assert_eq!(float(0.5, ".0f"), "0");
        assert_eq!(float(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(
            float(1.0, "d"),
            "ValueError: Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            float(1.0, "."),
            "ValueError: Format specifier missing precision"
        );
        assert_eq!(float(1.0, ",n"), "ValueError: Cannot specify ',' with 'n'.");
        assert_eq!(float(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(int(10, ".2%"), "1000.00%");
        // Precisions beyond Rust's formatter limit (u16) still give exact digits.
        let long = float(0.1, ".70000f");
        assert_eq!(long.len(), 70002);
        assert!(long.starts_with("0.1000000000000000055511151231257827") && long.ends_with("000"));
        assert_eq!(float(5e-324, ".70000e").len(), 70007);
    }

    #[test]
    fn huge_int_to_float() {
        let big = BigInt::from(1) << 2000;
        assert_eq!(
            f(Formattable::Int(&big), "f"),
            "OverflowError: int too large to convert to float"
        );
        let v = (BigInt::from(1) << 80) + 1;
        assert_eq!(bigint_to_f64(&v).unwrap(), 2f64.powi(80));
    }
}
