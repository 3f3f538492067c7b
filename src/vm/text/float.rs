//! Float → text, following CPython's `PyOS_double_to_string` and `format_float_short`.
//!
//! Digits come from Rust's formatter, which is correctly rounded (ties to even on the exact
//! binary value) like David Gay's `dtoa` that CPython uses; `{:e}` gives the shortest
//! round-trip digits (dtoa mode 0), `{:.Ne}` a fixed count of significant digits (mode 2)
//! and `{:.N}` a fixed count after the point (mode 3). The layout rules on top are
//! CPython's, line for line.

/// How a float is laid out: CPython's format codes after case folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatCode {
    /// `repr`: shortest round-trip digits, exponent when the decimal exponent is < -4 or >= 16.
    Repr,
    /// `e`: exponent form with `precision` digits after the point.
    Exp,
    /// `f`: fixed form with `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, exponent form when it would be shorter.
    General,
}

/// The flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// Upper-case `E`, `INF`, `NAN`.
    pub upper: bool,
    /// Always write a sign (`+` for non-negative values).
    pub sign: bool,
    /// Add `.0` to an integral value written without exponent.
    pub add_dot_0: bool,
    /// Alternate form `#`: keep the point and, for `g`, trailing zeros.
    pub alt: bool,
    /// The `z` option: write `-0.0` (after rounding) as `0.0`.
    pub no_neg_zero: bool,
}

/// Python's `repr(x)` / `str(x)` of a float.
///
/// ```
/// use refscope::vm::text::float_repr;
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(0.1), "0.1");
/// assert_eq!(float_repr(-0.0), "-0.0");
/// ```
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        FloatCode::Repr,
        0,
        FloatFlags {
            add_dot_0: true,
            ..Default::default()
        },
    )
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `precision` is ignored for [`FloatCode::Repr`].
pub fn double_to_string(x: f64, code: FloatCode, precision: usize, flags: FloatFlags) -> String {
    if let Some(special) = non_finite(x, flags) {
        return special;
    }
    let (digits, decpt, negative) = match code {
        FloatCode::Repr => shortest_digits(x),
        FloatCode::Exp => significant_digits(x, precision + 1),
        FloatCode::General => significant_digits(x, precision.max(1)),
        FloatCode::Fixed => fixed_digits(x, precision),
    };
    let precision = match code {
        FloatCode::Exp => precision + 1,
        FloatCode::General => precision.max(1),
        _ => precision,
    };
    layout(&digits, decpt, negative, code, precision as i64, flags)
}

/// Sign and the special values; `None` for finite numbers.
fn non_finite(x: f64, flags: FloatFlags) -> Option<String> {
    if x.is_finite() {
        return None;
    }
    let mut out = String::new();
    if x.is_infinite() && x < 0.0 {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let word = if x.is_nan() { "nan" } else { "inf" };
    out.push_str(&if flags.upper {
        word.to_uppercase()
    } else {
        word.to_string()
    });
    Some(out)
}

/// Split Rust's scientific output `d.ddde±x` into (digits, decpt) with `0.digits × 10^decpt`.
fn parse_scientific(s: &str) -> (String, i64) {
    let (mantissa, exp) = s.split_once('e').expect("scientific notation");
    let exp: i64 = exp.parse().expect("exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    normalize(digits, exp + 1)
}

/// Strip leading and trailing zeros as dtoa does; zero is `("0", 1)`.
fn normalize(digits: String, decpt: i64) -> (String, i64) {
    let lead = digits.bytes().take_while(|b| *b == b'0').count();
    if lead == digits.len() {
        return ("0".to_string(), 1);
    }
    let trimmed = digits[lead..].trim_end_matches('0').to_string();
    (trimmed, decpt - lead as i64)
}

/// dtoa mode 0: the shortest digits that round-trip and, among those, the closest to `x`.
/// Rust's `{:e}` gives a shortest string but not always the closest one
/// (`81231400858175.12` vs `.13`), so take its length and round correctly to it.
/// But when `x` lies exactly halfway between two such strings (`2.0 ** -24` is
/// 5.9604644775390625e-08), rounding to even can pick the one that reads back as another
/// float (`...062e-08`); dtoa keeps to strings that round-trip, so then Rust's is it.
fn shortest_digits(x: f64) -> (String, i64, bool) {
    let (d, p) = parse_scientific(&format!("{:e}", x.abs()));
    let (r, rp, negative) = significant_digits(x, d.len());
    // (Digits equal to Rust's round-trip by construction: only others are read back.)
    if r == d || format!("0.{r}e{rp}").parse::<f64>().ok() == Some(x.abs()) {
        (r, rp, negative)
    } else {
        (d, p, negative)
    }
}

/// Enough digits to write any double exactly: at most 767 significant digits and 1074
/// after the point. Capping keeps Rust's formatter within its precision limit (`u16`).
const EXACT_SIGNIFICANT: usize = 800;
const EXACT_FRACTION: usize = 1100;

fn significant_digits(x: f64, n: usize) -> (String, i64, bool) {
    let n = n.min(EXACT_SIGNIFICANT);
    let (d, p) = parse_scientific(&format!("{:.*e}", n - 1, x.abs()));
    (d, p, x.is_sign_negative())
}

fn fixed_digits(x: f64, n: usize) -> (String, i64, bool) {
    let s = format!("{:.*}", n.min(EXACT_FRACTION), x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (d, p) = normalize(format!("{int}{frac}"), int.len() as i64);
    (d, p, x.is_sign_negative())
}

/// CPython's `format_float_short` layout of `0.digits × 10^decpt`.
fn layout(
    digits: &str,
    mut decpt: i64,
    mut negative: bool,
    code: FloatCode,
    precision: i64,
    flags: FloatFlags,
) -> String {
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        FloatCode::Exp => {
            use_exp = true;
            vdigits_end = precision;
        }
        FloatCode::Fixed => vdigits_end = decpt + precision,
        FloatCode::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        FloatCode::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    if flags.no_neg_zero && negative && digits == "0" {
        negative = false;
    }

    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let mut out = String::new();
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        out.push_str(&zeros(decpt - vdigits_start));
        out.push('.');
        out.push_str(&zeros(-decpt));
    } else {
        out.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        out.push_str(&zeros(decpt - digits_len));
        out.push('.');
        out.push_str(&zeros(vdigits_end - decpt));
    } else {
        out.push_str(&zeros(vdigits_end - digits_len));
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}
