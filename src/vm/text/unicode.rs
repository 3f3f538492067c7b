//! Character classes and case mappings as CPython 3.11 (Unicode 14.0) defines them.
//!
//! The classes come from range tables generated from CPython itself
//! (`gen_unicode_tables.py` → `unicode_tables.rs`), so they are exact for every code point.
//! Case mappings combine those tables (which characters change, and the title-case and
//! case-folding exceptions) with Rust's full mappings for the actual replacement: exact as
//! long as Rust's Unicode version maps each Unicode 14.0 character as 14.0 does (true of
//! every character the differential test and the survey checked).

use super::unicode_tables as t;
use std::cmp::Ordering;

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    table
        .binary_search_by(|&(first, last)| {
            if last < u {
                Ordering::Less
            } else if first > u {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `Py_UNICODE_ISSPACE`: bidirectional class WS, B or S, or category Zs.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python's `Py_UNICODE_ISLINEBREAK`, the separators of `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Python's `str.isprintable` for one character: not Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs
/// other than the space.
pub fn is_printable(c: char) -> bool {
    in_table(t::PRINTABLE, c)
}

/// The value of a decimal digit (category Nd), as `int()` and `isdecimal` see it.
/// Unicode guarantees Nd characters come in contiguous runs of ten starting at zero.
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, last)| last < u);
    t::DECIMAL
        .get(i)
        .filter(|&&(first, _)| first <= u)
        .map(|&(first, _)| (u - first) % 10)
}

/// What `int()` and `float()` parse a str as (CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`): each non-ASCII decimal digit becomes
/// its ASCII digit and each non-ASCII space a ' '; any other non-ASCII character becomes
/// '?', which no number's syntax accepts.
pub fn decimal_and_space_to_ascii(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            _ if c.is_ascii() => c,
            _ if is_space(c) => ' ',
            _ => decimal_value(c).map_or('?', |d| char::from(b'0' + d as u8)),
        })
        .collect()
}

/// Python's `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    in_table(t::DECIMAL, c)
}

/// Python's `str.isdigit` for one character (Numeric_Type Digit or Decimal).
pub fn is_digit(c: char) -> bool {
    in_table(t::DIGIT, c)
}

/// Python's `str.isnumeric` for one character (any Numeric_Type).
pub fn is_numeric(c: char) -> bool {
    in_table(t::NUMERIC, c)
}

/// Python's `str.isalpha` for one character (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    in_table(t::ALPHA, c)
}

/// Python's `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `Py_UNICODE_ISUPPER`.
pub fn is_upper(c: char) -> bool {
    in_table(t::UPPER, c)
}

/// `Py_UNICODE_ISLOWER`.
pub fn is_lower(c: char) -> bool {
    in_table(t::LOWER, c)
}

/// Title-case letters (category Lt).
pub fn is_titlecase(c: char) -> bool {
    matches!(
        c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC
    )
}

/// The Cased property (`Py_UNICODE_ISCASED`).
pub fn is_cased(c: char) -> bool {
    in_table(t::CASED, c)
}

/// The Case_Ignorable property, used by the final-sigma rule.
pub fn is_case_ignorable(c: char) -> bool {
    in_table(t::CASE_IGNORABLE, c)
}

/// XID_Start (the first character of an identifier; `_` included).
pub fn is_xid_start(c: char) -> bool {
    in_table(t::XID_START, c)
}

/// XID_Continue.
pub fn is_xid_continue(c: char) -> bool {
    in_table(t::XID_CONTINUE, c)
}

/// Full upper-case mapping of one character.
pub fn to_upper(c: char, out: &mut String) {
    if in_table(t::CHANGES_UPPER, c) {
        out.extend(c.to_uppercase())
    } else {
        out.push(c)
    }
}

/// Full lower-case mapping of one character (without the final-sigma context).
pub fn to_lower(c: char, out: &mut String) {
    if in_table(t::CHANGES_LOWER, c) {
        out.extend(c.to_lowercase())
    } else {
        out.push(c)
    }
}

fn special(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .map(|i| table[i].1)
}

/// Full title-case mapping of one character.
pub fn to_title(c: char, out: &mut String) {
    match special(t::TITLE_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => to_upper(c, out),
    }
}

/// Full case folding of one character.
pub fn casefold(c: char, out: &mut String) {
    match special(t::CASEFOLD_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => to_lower(c, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_printable_matches_python() {
        // python3 -c "print([i for i in range(256) if not chr(i).isprintable()])"
        let expected: Vec<u32> = (0..32).chain(127..161).chain([173]).collect();
        let got: Vec<u32> = (0..256)
            .filter(|&i| !is_printable(char::from_u32(i).unwrap()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn spaces_and_breaks() {
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_linebreak('\x1c') && !is_linebreak('\x1f'));
    }

    #[test]
    fn classes() {
        assert!(is_decimal('٣') && !is_decimal('²') && is_digit('²') && is_numeric('½'));
        assert_eq!(decimal_value('９'), Some(9));
        assert_eq!(decimal_value('𝟿'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert!(is_numeric('一') && !is_alpha('Ⅻ') && is_alpha('ª'));
        // U+A7CB was assigned after Unicode 14.0: unprintable and caseless in CPython 3.11.
        assert!(!is_printable('\u{a7cb}') && !is_upper('\u{a7cb}'));
        let mut s = String::new();
        to_lower('\u{a7cb}', &mut s);
        to_title('ǆ', &mut s);
        casefold('ß', &mut s);
        assert_eq!(s, "\u{a7cb}ǅss");
    }
}
