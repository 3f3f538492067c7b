//! `str` methods as pure functions over `&str`, indexing by code points like Python.
//!
//! Indices are `i64` as Python ints (the VM reports `OverflowError` for larger ones);
//! `None` stands for an omitted or `None` argument. Errors carry CPython's messages.
//! Character classes come from [`unicode`](super::unicode); see there what is approximate.

use super::unicode;
use super::{ExcKind, TextError, TextResult};

// ---------------------------------------------------------------------------------------
// Indexing and slicing
// ---------------------------------------------------------------------------------------

/// Number of code points (`len(s)`), O(1) for ASCII-only text once checked.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `i` (clamped to the end).
fn byte_at(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// Code-point index of byte offset `b`.
fn char_at_byte(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// `s[i]`.
///
/// ```
/// use refscope::vm::text::strings::str_index;
/// assert_eq!(str_index("héllo", -4).unwrap(), 'é');
/// assert_eq!(str_index("", 0).unwrap_err().message, "string index out of range");
/// ```
pub fn str_index(s: &str, i: i64) -> TextResult<char> {
    let len = char_len(s) as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(TextError::new(
            ExcKind::IndexError,
            "string index out of range",
        ));
    }
    Ok(if s.is_ascii() {
        s.as_bytes()[i as usize] as char
    } else {
        s.chars().nth(i as usize).unwrap_or('\0')
    })
}

/// `slice.indices(len)`: normalized (start, stop, step) and the slice length.
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> TextResult<(i64, i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(TextError::value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adjust = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v + len).max(lower),
        Some(v) => v.min(upper),
    };
    let start = adjust(start, if step < 0 { upper } else { lower });
    let stop = adjust(stop, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

/// `s[start:stop:step]` by code points.
///
/// ```
/// use refscope::vm::text::strings::str_slice;
/// assert_eq!(str_slice("héllo", None, None, Some(-2)).unwrap(), "olh");
/// assert_eq!(str_slice("héllo", Some(1), Some(-1), None).unwrap(), "éll");
/// ```
pub fn str_slice(
    s: &str,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> TextResult<String> {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, _, step, n) = slice_indices(len, start, stop, step)?;
    if n == 0 {
        return Ok(String::new());
    }
    if step == 1 {
        let (a, b) = (start as usize, start as usize + n);
        return Ok(if ascii {
            s[a..b].to_string()
        } else {
            s.chars().skip(a).take(n).collect()
        });
    }
    let chars: Vec<char> = if ascii {
        Vec::new()
    } else {
        s.chars().collect()
    };
    let bytes = s.as_bytes();
    Ok((0..n as i64)
        .map(|k| {
            let i = (start + k * step) as usize;
            if ascii { bytes[i] as char } else { chars[i] }
        })
        .collect())
}

// ---------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------

/// CPython's `ADJUST_INDICES` for `find`/`count`/`startswith`: slice-like, but `start`
/// is not clamped to the length.
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
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
    (start, end)
}

/// The window `s[start:end]` as a byte range, or `None` if `sub` cannot fit.
fn window(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(usize, usize, usize)> {
    let (start, end) = adjust(char_len(s), start, end);
    if end - start < char_len(sub) as i64 {
        return None;
    }
    let (a, b) = (byte_at(s, start as usize), byte_at(s, end as usize));
    Some((a, b, start as usize))
}

/// `s.find(sub, start, end)`: lowest code-point index or -1.
///
/// ```
/// use refscope::vm::text::strings::find;
/// assert_eq!(find("héllo", "l", Some(-3), None), 2);
/// assert_eq!(find("abc", "", Some(4), None), -1);
/// ```
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((a, b, start)) = window(s, sub, start, end) else {
        return -1;
    };
    match s[a..b].find(sub) {
        Some(off) => (start + char_at_byte(&s[a..], off)) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: highest code-point index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((a, b, start)) = window(s, sub, start, end) else {
        return -1;
    };
    match s[a..b].rfind(sub) {
        Some(off) => (start + char_at_byte(&s[a..], off)) as i64,
        None => -1,
    }
}

fn not_found() -> TextError {
    TextError::value_error("substring not found")
}

/// `s.index(sub, start, end)`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<i64> {
    Some(find(s, sub, start, end))
        .filter(|i| *i >= 0)
        .ok_or_else(not_found)
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<i64> {
    Some(rfind(s, sub, start, end))
        .filter(|i| *i >= 0)
        .ok_or_else(not_found)
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let Some((a, b, _)) = window(s, sub, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return char_len(&s[a..b]) + 1;
    }
    s[a..b].matches(sub).count()
}

fn tail_match(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (start, end) = adjust(char_len(s), start, end);
    let sub_len = char_len(sub) as i64;
    if end - sub_len < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let (a, b) = (byte_at(s, start as usize), byte_at(s, end as usize));
    if at_end {
        s[a..b].ends_with(sub)
    } else {
        s[a..b].starts_with(sub)
    }
}

/// `s.startswith(prefixes, start, end)`; a single prefix is a one-element slice.
pub fn startswith(s: &str, prefixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    prefixes.iter().any(|p| tail_match(s, p, start, end, false))
}

/// `s.endswith(suffixes, start, end)`.
pub fn endswith(s: &str, suffixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    suffixes.iter().any(|p| tail_match(s, p, start, end, true))
}

// ---------------------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------------------

fn empty_separator() -> TextError {
    TextError::value_error("empty separator")
}

/// `s.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
///
/// ```
/// use refscope::vm::text::strings::split;
/// assert_eq!(split("a b  c ", None, 1).unwrap(), ["a", "b  c "]);
/// assert_eq!(split("a,,b", Some(","), -1).unwrap(), ["a", "", "b"]);
/// ```
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<String>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s
            .splitn(limit.saturating_add(1), sep)
            .map(str::to_string)
            .collect()),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(unicode::is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(unicode::is_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(unicode::is_space);
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<String>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out: Vec<String> = match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => s
            .rsplitn(limit.saturating_add(1), sep)
            .map(str::to_string)
            .collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(unicode::is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(unicode::is_space).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(unicode::is_space);
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at `\n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !unicode::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
            iter.next();
            end += 1;
        }
        out.push(s[start..if keepends { end } else { i }].to_string());
        start = end;
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `sep.join(items)`.
pub fn join(sep: &str, items: &[&str]) -> String {
    items.join(sep)
}

/// The `TypeError` of `sep.join(items)` when item `index` is not a `str`.
pub fn join_item_error(index: usize, type_name: &str) -> TextError {
    TextError::type_error(format!(
        "sequence item {index}: expected str instance, {type_name} found"
    ))
}

/// The `TypeError` of `startswith`/`endswith` (`method`) given a non-`str`, non-tuple
/// argument; `in_tuple` when the bad value is an element of the tuple (CPython checks
/// elements only as it reaches them, so an earlier match returns `True` first).
pub fn affix_type_error(method: &str, type_name: &str, in_tuple: bool) -> TextError {
    TextError::type_error(if in_tuple {
        format!("tuple for {method} must only contain str, not {type_name}")
    } else {
        format!("{method} first arg must be str or a tuple of str, not {type_name}")
    })
}

/// `s.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> TextResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.split_once(sep) {
        Some((a, b)) => (a.to_string(), sep.to_string(), b.to_string()),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> TextResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rsplit_once(sep) {
        Some((a, b)) => (a.to_string(), sep.to_string(), b.to_string()),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ---------------------------------------------------------------------------------------
// Transforming
// ---------------------------------------------------------------------------------------

/// `s.strip(chars)`; `None` strips whitespace.
pub fn strip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_matches(unicode::is_space).to_string(),
        Some(set) => s.trim_matches(|c| set.contains(c)).to_string(),
    }
}

/// `s.lstrip(chars)`.
pub fn lstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_start_matches(unicode::is_space).to_string(),
        Some(set) => s.trim_start_matches(|c| set.contains(c)).to_string(),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_end_matches(unicode::is_space).to_string(),
        Some(set) => s.trim_end_matches(|c| set.contains(c)).to_string(),
    }
}

/// `s.replace(old, new, count)`; `count < 0` replaces all. An empty `old` inserts `new`
/// before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if !old.is_empty() {
        return s.replacen(old, new, limit);
    }
    let mut out = String::with_capacity(s.len());
    let mut done = 0;
    for c in s.chars() {
        if done < limit {
            out.push_str(new);
            done += 1;
        }
        out.push(c);
    }
    if done < limit {
        out.push_str(new);
    }
    out
}

/// `s.upper()` (full case mapping: `'ß'` → `'SS'`).
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| unicode::to_upper(c, &mut out));
    out
}

/// `s.lower()` (with the final-sigma rule).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    (0..chars.len()).for_each(|i| lower_at(&chars, i, &mut out));
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| unicode::casefold(c, &mut out));
    out
}

/// Lower-case `c` at `chars[i]`, applying the final-sigma rule to `Σ`.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    if chars[i] != 'Σ' {
        unicode::to_lower(chars[i], out);
        return;
    }
    let before = chars[..i]
        .iter()
        .rev()
        .find(|c| !unicode::is_case_ignorable(**c))
        .is_some_and(|c| unicode::is_cased(*c));
    let after = chars[i + 1..]
        .iter()
        .find(|c| !unicode::is_case_ignorable(**c))
        .is_some_and(|c| unicode::is_cased(*c));
    out.push(if before && !after { 'ς' } else { 'σ' });
}

/// `s.title()`: title-case after an uncased character, lower-case after a cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            lower_at(&chars, i, &mut out)
        } else {
            unicode::to_title(c, &mut out)
        }
        previous_cased = unicode::is_cased(c);
    }
    out
}

/// `s.capitalize()`: the first character in title case, the rest lower case.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            unicode::to_title(chars[0], &mut out)
        } else {
            lower_at(&chars, i, &mut out)
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if unicode::is_upper(c) {
            lower_at(&chars, i, &mut out);
        } else if unicode::is_lower(c) {
            unicode::to_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fill)`, with CPython's choice of the odd padding character's side.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    pad(s, 0, (width - len).max(0) as usize, fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    pad(s, (width - len).max(0) as usize, 0, fill)
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let fill = (width - len) as usize;
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{}{}", "0".repeat(fill), &s[1..]),
        _ => format!("{}{s}", "0".repeat(fill)),
    }
}

/// `s.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            column += 1;
            if c == '\n' || c == '\r' {
                column = 0;
            }
            out.push(c);
        }
    }
    out
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// `s.encode('utf-8')`. Rust strings hold no lone surrogates, so this cannot fail.
pub fn encode_utf8(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

/// `s.encode(encoding)` for UTF-8, ASCII and Latin-1 with `errors='strict'`.
///
/// ```
/// use refscope::vm::text::strings::encode;
/// assert_eq!(encode("aé€b", "ascii").unwrap_err().message,
///            "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
/// ```
pub fn encode(s: &str, encoding: &str) -> TextResult<Vec<u8>> {
    encode_with(s, encoding, "strict")
}

/// `s.encode(encoding, errors)`: a character the codec cannot encode raises
/// UnicodeEncodeError (`strict`), is left out (`ignore`), becomes `?` (`replace`),
/// `\xe9` (`backslashreplace`) or `&#233;` (`xmlcharrefreplace`).
///
/// ```
/// use refscope::vm::text::strings::encode_with;
/// assert_eq!(encode_with("héllo", "ascii", "replace").unwrap(), b"h?llo");
/// assert_eq!(encode_with("h€", "latin-1", "xmlcharrefreplace").unwrap(), b"h&#8364;");
/// ```
pub fn encode_with(s: &str, encoding: &str, errors: &str) -> TextResult<Vec<u8>> {
    let normalized = encoding.to_ascii_lowercase().replace(['-', ' '], "_");
    let (name, limit) = match normalized.as_str() {
        "utf_8" | "utf8" | "u8" => return Ok(encode_utf8(s)),
        "ascii" | "us_ascii" => ("ascii", 128u32),
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => ("latin-1", 256),
        _ => {
            return Err(TextError::new(
                ExcKind::LookupError,
                format!("unknown encoding: {encoding}"),
            ));
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let Some(start) = chars.iter().position(|&c| c as u32 >= limit) else {
        return Ok(chars.iter().map(|&c| c as u8).collect());
    };
    if errors != "strict" {
        let mut out = Vec::with_capacity(chars.len());
        for &c in &chars {
            let n = c as u32;
            if n < limit {
                out.push(n as u8);
                continue;
            }
            match errors {
                "ignore" => {}
                "replace" => out.push(b'?'),
                "backslashreplace" => out.extend(
                    if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    }
                    .bytes(),
                ),
                "xmlcharrefreplace" => out.extend(format!("&#{n};").bytes()),
                _ => {
                    return Err(TextError::new(
                        ExcKind::LookupError,
                        format!("unknown error handler name '{errors}'"),
                    ));
                }
            }
        }
        return Ok(out);
    }
    let end = start
        + chars[start..]
            .iter()
            .take_while(|&&c| c as u32 >= limit)
            .count();
    let what = if end - start == 1 {
        let mut shown = String::new();
        super::repr::escape_code_point(chars[start], &mut shown);
        format!("character '{shown}' in position {start}")
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    Err(TextError::new(
        ExcKind::UnicodeEncodeError,
        format!("'{name}' codec can't encode {what}: ordinal not in range({limit})"),
    ))
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, unicode::is_digit)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, unicode::is_decimal)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, unicode::is_numeric)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, unicode::is_alpha)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, unicode::is_alnum)
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, unicode::is_space)
}
/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(unicode::is_printable)
}
/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isupper()`: some cased character and no lower- or title-case one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_lower(c) || unicode::is_titlecase(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}

/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}

/// `s.istitle()`: upper/title case only after uncased characters, lower only after cased.
pub fn istitle(s: &str) -> bool {
    let (mut cased, mut previous_cased) = (false, false);
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if unicode::is_xid_start(c) => chars.all(unicode::is_xid_continue),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search() {
        // python3 -c "print('abc'.find('',3), 'abc'.find('',4), 'abc'.rfind('',1,2), 'abc'.count(''), 'abc'.count('',5))"
        assert_eq!(
            (
                find("abc", "", Some(3), None),
                find("abc", "", Some(4), None)
            ),
            (3, -1)
        );
        assert_eq!(rfind("abc", "", Some(1), Some(2)), 2);
        assert_eq!(
            (
                count("abc", "", None, None),
                count("abc", "", Some(5), None)
            ),
            (4, 0)
        );
        assert_eq!(count("aaaa", "aa", None, None), 2);
        assert_eq!(find("żółw żółw", "łw", Some(3), None), 7);
        assert_eq!(
            index("abc", "d", None, None).unwrap_err().message,
            "substring not found"
        );
        assert!(startswith("abc", &["x", "ab"], None, None));
        assert!(!startswith("abc", &[""], Some(4), None));
        assert!(endswith("abc", &["b"], None, Some(-1)));
    }

    #[test]
    fn transforms() {
        assert_eq!(replace("abc", "", "-", 2), "-a-bc");
        assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(
            (
                center("ab", 5, '*'),
                center("ab", 6, '*'),
                center("abc", 6, '*')
            ),
            ("**ab*".into(), "**ab**".into(), "*abc**".into())
        );
        assert_eq!(
            (zfill("-42", 6), zfill("+", 3)),
            ("-00042".into(), "+00".into())
        );
        assert_eq!(expandtabs("a\tb\r\tc", 4), "a   b\r    c");
        assert_eq!(title("ǆa"), "ǅa");
        assert_eq!(capitalize("ßa"), "Ssa");
        assert_eq!(lower("ΑΣ b"), "ας b");
        assert_eq!(swapcase("ΑΣ"), "ας");
        assert_eq!(upper("ﬁ"), "FI");
        assert_eq!(casefold("ß"), "ss");
        assert_eq!(title("they're hello"), "They'Re Hello");
    }

    #[test]
    fn argument_type_errors() {
        // python3: ','.join(['a', 1]); 'a'.endswith(1); 'a'.startswith(('b', 1))
        assert_eq!(
            join_item_error(1, "int").message,
            "sequence item 1: expected str instance, int found"
        );
        assert_eq!(
            affix_type_error("endswith", "int", false).message,
            "endswith first arg must be str or a tuple of str, not int"
        );
        assert_eq!(
            affix_type_error("startswith", "int", true).message,
            "tuple for startswith must only contain str, not int"
        );
    }

    #[test]
    fn splitting() {
        assert_eq!(rsplit(" a b c ", None, 1).unwrap(), [" a b", "c"]);
        assert_eq!(
            splitlines("a\r\nb\rc\n\x1cd", false),
            ["a", "b", "c", "", "d"]
        );
        assert_eq!(splitlines("a\r\nb\n", true), ["a\r\n", "b\n"]);
        assert_eq!(
            split("a", Some(""), -1).unwrap_err().message,
            "empty separator"
        );
        assert_eq!(rsplit("a,b,c", Some(","), 1).unwrap(), ["a,b", "c"]);
    }

    #[test]
    fn predicates() {
        assert!(
            istitle("ǅ")
                && isupper("A1")
                && !isupper("1")
                && isidentifier("_x1")
                && !isidentifier("1x")
        );
        assert!(isprintable("") && isascii("") && !isalpha(""));
    }

    #[test]
    fn slicing() {
        assert_eq!(
            str_slice("abcdef", Some(-1), Some(-7), Some(-2)).unwrap(),
            "fdb"
        );
        assert_eq!(
            str_slice("abc", None, None, Some(0)).unwrap_err().message,
            "slice step cannot be zero"
        );
        assert_eq!(
            str_slice("héllo", Some(10), None, Some(-1)).unwrap(),
            "olléh"
        );
    }
}
