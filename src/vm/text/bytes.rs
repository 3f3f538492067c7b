//! `bytes` methods as pure functions over `&[u8]` (the cheap ones: searching, splitting,
//! joining, prefixes, `hex` and `decode`).

use super::{ExcKind, TextError, TextResult};

/// Python's `bytes.isspace` set: space, `\t \n \r \v \f`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len = len as i64;
    let end = match end {
        None => len,
        Some(e) if e > len => len,
        Some(e) if e < 0 => (e + len).max(0),
        Some(e) => e,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len).max(0),
        Some(s) => s,
    };
    (start.max(0) as usize, end.max(0) as usize)
}

fn positions<'a>(hay: &'a [u8], sub: &'a [u8]) -> impl DoubleEndedIterator<Item = usize> + 'a {
    (0..=hay.len().saturating_sub(sub.len()))
        .filter(move |&i| hay.len() >= sub.len() && &hay[i..i + sub.len()] == sub)
}

/// Bytes as the Latin-1 text of the same code points: one char a byte, so str's text
/// helpers can do a bytes method's job byte for byte.
pub fn latin1(b: &[u8]) -> String {
    b.iter().map(|&b| char::from(b)).collect()
}

/// Latin-1 text (every char below 256) back to its bytes.
pub fn from_latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

/// `b.find(sub, start, end)`.
pub fn find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let (s, e) = adjust(b.len(), start, end);
    if e < s || e - s < sub.len() {
        return -1;
    }
    positions(&b[s..e], sub)
        .next()
        .map_or(-1, |i| (s + i) as i64)
}

/// `b.rfind(sub, start, end)`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let (s, e) = adjust(b.len(), start, end);
    if e < s || e - s < sub.len() {
        return -1;
    }
    positions(&b[s..e], sub)
        .next_back()
        .map_or(-1, |i| (s + i) as i64)
}

/// `b.index(sub, start, end)`.
pub fn index(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> TextResult<i64> {
    Some(find(b, sub, start, end))
        .filter(|i| *i >= 0)
        .ok_or_else(|| TextError::value_error("subsection not found"))
}

/// `b.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let (s, e) = adjust(b.len(), start, end);
    if e < s || e - s < sub.len() {
        return 0;
    }
    if sub.is_empty() {
        return e - s + 1;
    }
    let hay = &b[s..e];
    let (mut n, mut i) = (0, 0);
    while i + sub.len() <= hay.len() {
        if &hay[i..i + sub.len()] == sub {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    n
}

/// `b.startswith(prefixes, start, end)`.
pub fn startswith(b: &[u8], prefixes: &[&[u8]], start: Option<i64>, end: Option<i64>) -> bool {
    let (s, e) = adjust(b.len(), start, end);
    prefixes
        .iter()
        .any(|p| e >= s + p.len() && b[s..].starts_with(p))
}

/// `b.endswith(suffixes, start, end)`.
pub fn endswith(b: &[u8], suffixes: &[&[u8]], start: Option<i64>, end: Option<i64>) -> bool {
    let (s, e) = adjust(b.len(), start, end);
    suffixes
        .iter()
        .any(|p| e >= s + p.len() && b[..e].ends_with(p))
}

/// `b.split(sep, maxsplit)`; `None` splits on ASCII whitespace.
/// `b.rsplit(sep, maxsplit)`: the split of the reversed bytes, reversed (the matches of a
/// separator from the right are those of the reversed separator from the left).
pub fn rsplit(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> TextResult<Vec<Vec<u8>>> {
    let reversed: Vec<u8> = b.iter().rev().copied().collect();
    let sep: Option<Vec<u8>> = sep.map(|s| s.iter().rev().copied().collect());
    let mut parts = split(&reversed, sep.as_deref(), maxsplit)?;
    for p in &mut parts {
        p.reverse();
    }
    parts.reverse();
    Ok(parts)
}

pub fn split(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> TextResult<Vec<Vec<u8>>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(TextError::value_error("empty separator")),
        Some(sep) => {
            let mut start = 0;
            let mut i = 0;
            while i + sep.len() <= b.len() && out.len() < limit {
                if &b[i..i + sep.len()] == sep {
                    out.push(b[start..i].to_vec());
                    i += sep.len();
                    start = i;
                } else {
                    i += 1;
                }
            }
            out.push(b[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if out.len() == limit {
                    out.push(b[i..].to_vec());
                    break;
                }
                let j = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                out.push(b[j..i].to_vec());
            }
        }
    }
    Ok(out)
}

/// The `TypeError` of `sep.join(items)` when item `index` is not bytes-like.
pub fn join_item_error(index: usize, type_name: &str) -> TextError {
    TextError::type_error(format!(
        "sequence item {index}: expected a bytes-like object, {type_name} found"
    ))
}

/// The `TypeError` of `startswith`/`endswith` given a non-bytes argument (see
/// [`strings::affix_type_error`](super::strings::affix_type_error)).
pub fn affix_type_error(method: &str, type_name: &str, in_tuple: bool) -> TextError {
    TextError::type_error(if in_tuple {
        let _ = method;
        format!("a bytes-like object is required, not '{type_name}'")
    } else {
        format!("{method} first arg must be bytes or a tuple of bytes, not {type_name}")
    })
}

/// `sep.join(items)`.
pub fn join(sep: &[u8], items: &[&[u8]]) -> Vec<u8> {
    items.join(sep)
}

/// `b.hex(sep, bytes_per_sep)`: groups count from the right when positive, from the left
/// when negative; `sep` must be one ASCII character.
///
/// ```
/// use refscope::vm::text::bytes::hex;
/// assert_eq!(hex(b"abc", Some(":"), 2).unwrap(), "61:6263");
/// assert_eq!(hex(b"abcde", Some("-"), -2).unwrap(), "6162-6364-65");
/// assert_eq!(hex(b"ab", Some("::"), 1).unwrap_err().message, "sep must be length 1.");
/// ```
pub fn hex(b: &[u8], sep: Option<&str>, bytes_per_sep: i64) -> TextResult<String> {
    let digits = |chunk: &[u8]| chunk.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let Some(sep) = sep else { return Ok(digits(b)) };
    if sep.chars().count() != 1 {
        return Err(TextError::value_error("sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(TextError::value_error("sep must be ASCII."));
    }
    let n = bytes_per_sep.unsigned_abs() as usize;
    if n == 0 {
        return Ok(digits(b));
    }
    let groups: Vec<String> = if bytes_per_sep > 0 {
        let mut g: Vec<String> = b.rchunks(n).map(digits).collect();
        g.reverse();
        g
    } else {
        b.chunks(n).map(digits).collect()
    };
    Ok(groups.join(sep))
}

/// `b.decode(encoding)` for UTF-8, ASCII and Latin-1 with `errors='strict'`.
///
/// ```
/// use refscope::vm::text::bytes::decode;
/// assert_eq!(decode(b"ab\xc3\x28", "utf-8").unwrap_err().message,
///            "'utf-8' codec can't decode byte 0xc3 in position 2: invalid continuation byte");
/// ```
pub fn decode(b: &[u8], encoding: &str) -> TextResult<String> {
    decode_with(b, encoding, "strict")
}

/// `b.decode(encoding, errors)`: bytes the codec cannot decode raise UnicodeDecodeError
/// (`strict`), are left out (`ignore`), become U+FFFD, one per maximal invalid
/// sequence (`replace`), or `\xff` (`backslashreplace`).
///
/// ```
/// use refscope::vm::text::bytes::decode_with;
/// assert_eq!(decode_with(b"h\xe9llo", "utf-8", "ignore").unwrap(), "hllo");
/// assert_eq!(decode_with(b"h\xe9llo", "ascii", "replace").unwrap(), "h\u{fffd}llo");
/// ```
pub fn decode_with(b: &[u8], encoding: &str, errors: &str) -> TextResult<String> {
    let strict = decode_strict(b, encoding);
    if errors == "strict" || strict.is_ok() {
        return strict;
    }
    let strict_err = strict.err();
    if matches!(&strict_err, Some(e) if e.kind == ExcKind::LookupError) {
        return Err(strict_err.unwrap_or_else(|| decode_error(String::new())));
    }
    let ascii = !matches!(
        encoding
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str(),
        "utf_8" | "utf8" | "u8"
    );
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    while !rest.is_empty() {
        // The valid prefix, then the length of the invalid sequence after it.
        let (valid, bad) = if ascii {
            let p = rest
                .iter()
                .position(|x| !x.is_ascii())
                .unwrap_or(rest.len());
            (p, usize::from(p < rest.len()))
        } else {
            match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), 0),
                Err(e) => (
                    e.valid_up_to(),
                    e.error_len().unwrap_or(rest.len() - e.valid_up_to()),
                ),
            }
        };
        out.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or_default());
        let invalid = &rest[valid..valid + bad];
        match errors {
            "ignore" => {}
            "replace" => {
                if !invalid.is_empty() {
                    out.push('\u{fffd}');
                }
            }
            "backslashreplace" => {
                for x in invalid {
                    out.push_str(&format!("\\x{x:02x}"));
                }
            }
            _ => {
                return Err(TextError::new(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{errors}'"),
                ));
            }
        }
        rest = &rest[valid + bad..];
    }
    Ok(out)
}

fn decode_strict(b: &[u8], encoding: &str) -> TextResult<String> {
    if b.is_empty() {
        // CPython returns '' before looking the codec up.
        return Ok(String::new());
    }
    let normalized = encoding.to_ascii_lowercase().replace(['-', ' '], "_");
    match normalized.as_str() {
        "utf_8" | "utf8" | "u8" => decode_utf8(b),
        "ascii" | "us_ascii" => match b.iter().position(|x| !x.is_ascii()) {
            None => Ok(b.iter().map(|&x| x as char).collect()),
            Some(p) => Err(decode_error(format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)",
                b[p]
            ))),
        },
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => Ok(latin1(b)),
        _ => Err(TextError::new(
            ExcKind::LookupError,
            format!("unknown encoding: {encoding}"),
        )),
    }
}

fn decode_error(message: String) -> TextError {
    TextError::new(ExcKind::UnicodeDecodeError, message)
}

/// Strict UTF-8 decoding with CPython's error messages (maximal invalid subparts).
pub fn decode_utf8(b: &[u8]) -> TextResult<String> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let p = e.valid_up_to();
            let (n, reason) = match e.error_len() {
                None => (b.len() - p, "unexpected end of data"),
                Some(n) if matches!(b[p], 0x80..=0xc1 | 0xf5..=0xff) => (n, "invalid start byte"),
                Some(n) => (n, "invalid continuation byte"),
            };
            let place = if n == 1 {
                format!("byte 0x{:02x} in position {p}", b[p])
            } else {
                format!("bytes in position {p}-{}", p + n - 1)
            };
            Err(decode_error(format!(
                "'utf-8' codec can't decode {place}: {reason}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_match_cpython() {
        // python3 -c "b'...'.decode()"
        let cases: [(&[u8], &str); 6] = [
            (b"\xff", "byte 0xff in position 0: invalid start byte"),
            (b"a\xc3", "byte 0xc3 in position 1: unexpected end of data"),
            (b"\xe2\x82", "bytes in position 0-1: unexpected end of data"),
            (
                b"\xed\xa0\x80",
                "byte 0xed in position 0: invalid continuation byte",
            ),
            (
                b"\xf0\x9f\x98a",
                "bytes in position 0-2: invalid continuation byte",
            ),
            (b"\xc0\x80", "byte 0xc0 in position 0: invalid start byte"),
        ];
        for (b, msg) in cases {
            assert_eq!(
                decode_utf8(b).unwrap_err().message,
                format!("'utf-8' codec can't decode {msg}")
            );
        }
    }

    #[test]
    fn search_and_split() {
        assert_eq!(
            (
                find(b"abcabc", b"c", Some(3), None),
                rfind(b"abcabc", b"c", None, Some(5))
            ),
            (5, 2)
        );
        assert_eq!(count(b"aaaa", b"aa", None, None), 2);
        assert_eq!(
            split(b" a  b ", None, -1).unwrap(),
            vec![b"a".to_vec(), b"b".to_vec()]
        );
        assert_eq!(
            split(b"a,b,c", Some(b","), 1).unwrap(),
            vec![b"a".to_vec(), b"b,c".to_vec()]
        );
        assert_eq!(join(b"-", &[b"a", b"b"]), b"a-b");
        assert!(
            startswith(b"abc", &[b"b"], Some(1), None)
                && !endswith(b"abc", &[b"abc"], Some(1), None)
        );
        assert_eq!(hex(b"ab", None, 0).unwrap(), "6162");
        // python3: b','.join([b'a', 1]); b'a'.startswith('a'); b'a'.startswith((b'b', 1))
        assert_eq!(
            join_item_error(1, "int").message,
            "sequence item 1: expected a bytes-like object, int found"
        );
        assert_eq!(
            affix_type_error("startswith", "str", false).message,
            "startswith first arg must be bytes or a tuple of bytes, not str"
        );
        assert_eq!(
            affix_type_error("startswith", "int", true).message,
            "a bytes-like object is required, not 'int'"
        );
        assert_eq!(
            hex(b"ab", Some("\u{e9}"), 1).unwrap_err().message,
            "sep must be ASCII."
        );
    }
}
