//! `repr` and `ascii` of `str` and `bytes`, and `sys.getsizeof` of a `str`.

use super::unicode::is_printable;
use std::fmt::Write;

/// Python's `repr(s)` for a `str`.
///
/// Uses `'` unless the text contains `'` and no `"`. Escapes `\\`, the quote, `\t \n \r`,
/// other ASCII controls as `\xhh`, and non-printable characters (see
/// [`is_printable`](super::unicode::is_printable)) as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
///
/// ```
/// use refscope::vm::text::str_repr;
/// assert_eq!(str_repr("it's\n"), r#""it's\n""#);
/// assert_eq!(str_repr("\u{200b}é"), r"'\u200bé'");
/// ```
pub fn str_repr(s: &str) -> String {
    quote_str(s, false)
}

/// Python's `ascii(s)` for a `str` (the `!a` conversion): `repr` with every non-ASCII
/// character escaped.
///
/// ```
/// use refscope::vm::text::ascii;
/// assert_eq!(ascii("é😀"), r"'\xe9\U0001f600'");
/// ```
pub fn ascii(s: &str) -> String {
    quote_str(s, true)
}

fn quote_str(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_ascii() || (!ascii_only && is_printable(c)) => out.push(c),
            c => escape_code_point(c, &mut out),
        }
    }
    out.push(quote);
    out
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, the shortest that fits.
pub(crate) fn escape_code_point(c: char, out: &mut String) {
    let u = c as u32;
    let _ = if u < 0x100 {
        write!(out, "\\x{u:02x}")
    } else if u < 0x10000 {
        write!(out, "\\u{u:04x}")
    } else {
        write!(out, "\\U{u:08x}")
    };
}

/// Python's `repr(b)` for a `bytes` object.
///
/// ```
/// use refscope::vm::text::bytes_repr;
/// assert_eq!(bytes_repr(b"a'\x00\xff"), r#"b"a'\x00\xff""#);
/// ```
pub fn bytes_repr(b: &[u8]) -> String {
    bytes_literal(b, false)
}

/// The `b'...'` inside a bytearray's repr: as bytes', except that a single quote is
/// escaped even between double quotes (CPython's bytearray_repr does that):
/// `bytearray(b"\'")`.
pub fn bytearray_literal(b: &[u8]) -> String {
    bytes_literal(b, true)
}

fn bytes_literal(b: &[u8], escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            q if q == quote || (escape_single && q == b'\'') => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// `sys.getsizeof(s)` for a `str` on 64-bit CPython 3.11.
///
/// CPython stores a string in 1, 2 or 4 bytes per character depending on its largest code
/// point: ASCII is 49 + n, Latin-1 73 + n, UCS-2 74 + 2n, UCS-4 76 + 4n bytes. A
/// non-ASCII string whose UTF-8 form has been cached (after `encode` or some C APIs) is
/// larger by that cache; refscope models the fresh string.
///
/// ```
/// use refscope::vm::text::str_getsizeof;
/// assert_eq!(str_getsizeof(""), 49);
/// assert_eq!(str_getsizeof("€"), 76);
/// ```
pub fn str_getsizeof(s: &str) -> usize {
    let (n, max) = s
        .chars()
        .fold((0usize, 0u32), |(n, m), c| (n + 1, m.max(c as u32)));
    match max {
        0..=0x7f => 49 + n,
        0x80..=0xff => 73 + n,
        0x100..=0xffff => 74 + 2 * n,
        _ => 76 + 4 * n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_repr_cases() {
        // python3 -c "print(repr(...))"
        assert_eq!(str_repr(""), "''");
        assert_eq!(str_repr("'"), "\"'\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("a\tb\\\x07\x7f"), r"'a\tb\\\x07\x7f'");
        assert_eq!(
            str_repr("\u{a0}\u{ad}\u{200b}\u{2028}\u{feff}\u{e000}\u{e0001}\x7f\u{85}"),
            r"'\xa0\xad\u200b\u2028\ufeff\ue000\U000e0001\x7f\x85'"
        );
        assert_eq!(str_repr("é€😀"), "'é€😀'");
    }

    #[test]
    fn ascii_cases() {
        assert_eq!(ascii("\u{e9}\u{1f600}\x07"), r"'\xe9\U0001f600\x07'");
    }

    #[test]
    fn bytes_repr_cases() {
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"'\""), r#"b'\'"'"#);
        assert_eq!(bytes_repr(b"\x7f\x80\t"), r"b'\x7f\x80\t'");
    }

    #[test]
    fn getsizeof_matches_cpython() {
        // python3: sys.getsizeof of '', 'a', 'ab'*5, 'é', 'é'*10, '€', '€'*10, '😀', '😀'*3
        let cases = [
            ("", 49),
            ("a", 50),
            ("ababababab", 59),
            ("é", 74),
            ("éééééééééé", 83),
            ("€", 76),
            ("€€€€€€€€€€", 94),
            ("😀", 80),
            ("😀😀😀", 88),
        ];
        for (s, size) in cases {
            assert_eq!(str_getsizeof(s), size, "{s:?}");
        }
    }
}
