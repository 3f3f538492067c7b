//! Bytes → text the way CPython 3.11 reads a source file: an optional UTF-8 BOM, a PEP 263
//! `coding:` declaration on line 1 or 2 (utf-8, latin-1 and ascii are supported), UTF-8
//! otherwise, and no NUL bytes.

use super::error::{SyntaxError, SyntaxErrorKind};
use super::lines::LineIndex;

/// The decoded text and whether the file started with a BOM (CPython shows the BOM in the
/// text of parser errors on line 1).
pub(crate) struct Decoded {
    pub text: String,
    pub had_bom: bool,
}

enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

/// Decodes a source file, or returns the SyntaxError CPython raises while reading it.
pub(crate) fn decode(bytes: &[u8], filename: &str) -> Result<Decoded, SyntaxError> {
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if had_bom { &bytes[3..] } else { bytes };
    let declared = match coding_declaration(body) {
        None => None,
        Some(name) => match normalize(&name) {
            Some(enc) => Some(enc),
            None => {
                // CPython knows many more codecs; say so rather than calling them unknown.
                let msg = if is_python_codec(&name) {
                    format!(
                        "encoding problem: {name} (refscope reads utf-8, latin-1 and ascii \
                         sources only)"
                    )
                } else {
                    format!("encoding problem: {name}")
                };
                return Err(SyntaxError::without_location(
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    filename,
                ));
            }
        },
    };
    if had_bom && matches!(declared, Some(Encoding::Latin1 | Encoding::Ascii)) {
        let name = coding_declaration(body).unwrap_or_default();
        return Err(SyntaxError::without_location(
            SyntaxErrorKind::SyntaxError,
            format!("encoding problem: {name} with BOM"),
            filename,
        ));
    }
    let text = match declared {
        None => decode_default_utf8(body, filename)?,
        Some(Encoding::Utf8) => decode_declared_utf8(body, filename)?,
        Some(Encoding::Latin1) => body.iter().map(|&b| b as char).collect(),
        Some(Encoding::Ascii) => match body.iter().position(|&b| b >= 0x80) {
            None => body.iter().map(|&b| b as char).collect(),
            Some(pos) => {
                let text: String = body.iter().map(|&b| b as char).collect();
                return Err(unicode_error(
                    &text,
                    pos,
                    filename,
                    format!(
                        "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position 0: ordinal not in range(128)",
                        body[pos]
                    ),
                ));
            }
        },
    };
    if let Some(pos) = text.find('\0') {
        return Err(null_bytes(&text, pos, filename));
    }
    Ok(Decoded { text, had_bom })
}

/// No declaration: the file must be UTF-8. A NUL before the first bad byte is reported
/// first, since CPython checks line by line.
fn decode_default_utf8(body: &[u8], filename: &str) -> Result<String, SyntaxError> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let bad = err.valid_up_to();
            let valid = String::from_utf8_lossy(&body[..bad]).into_owned();
            if let Some(pos) = valid.find('\0') {
                return Err(null_bytes(&valid, pos, filename));
            }
            let line = LineIndex::new(&valid).line_count();
            Err(SyntaxError::without_location(
                SyntaxErrorKind::SyntaxError,
                format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                     but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[bad]
                ),
                filename,
            ))
        }
    }
}

/// A declared utf-8 file with bad bytes: CPython decodes with replacement characters and
/// fails when it decodes the literal; we report the first bad byte's line.
fn decode_declared_utf8(body: &[u8], filename: &str) -> Result<String, SyntaxError> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let bad = err.valid_up_to();
            let text = String::from_utf8_lossy(body).into_owned();
            let reason = if err.error_len().is_none() {
                "unexpected end of data"
            } else if (0x80..0xC2).contains(&body[bad]) || body[bad] >= 0xF5 {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            let msg = format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position 0: {reason}",
                body[bad]
            );
            // `bad` is a byte offset in `body`; the lossy text has the same prefix.
            // CPython reports it while decoding the literal, one column further on
            // (measured for a bad byte right after the opening quote).
            let mut err = unicode_error(&text, bad, filename, msg);
            err.col += 1;
            err.end_col = Some(err.col);
            Err(err)
        }
    }
}

fn unicode_error(text: &str, pos: usize, filename: &str, msg: String) -> SyntaxError {
    let index = LineIndex::new(text);
    let (line, col) = index.line_col(ruff_text_size::TextSize::new(pos as u32));
    SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        msg,
        filename,
        text,
        line,
        col,
        Some(col),
    )
}

/// CPython 3.11.7: `SyntaxError: source code cannot contain null bytes`, on the line of
/// the NUL, with no caret.
fn null_bytes(text: &str, pos: usize, filename: &str) -> SyntaxError {
    let index = LineIndex::new(text);
    let line = index.line_of(ruff_text_size::TextSize::new(pos as u32));
    SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        "source code cannot contain null bytes",
        filename,
        text,
        line,
        0,
        None,
    )
}

/// The PEP 263 declaration on line 1, or on line 2 when line 1 is blank or a comment.
fn coding_declaration(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n' || b == b'\r');
    let first = lines.next()?;
    if let Some(name) = cookie(first) {
        return Some(name);
    }
    let first_trim: Vec<u8> = first
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .collect();
    if first_trim.is_empty() || first_trim[0] == b'#' {
        // Line 2 follows the first terminator (a "\r\n" yields an empty split in between).
        let rest = &body[first.len()..];
        let rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .or_else(|| rest.strip_prefix(b"\r"))?;
        let second = rest.split(|&b| b == b'\n' || b == b'\r').next()?;
        return cookie(second);
    }
    None
}

/// Matches `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn cookie(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut i = 0;
    while i + 7 <= comment.len() {
        if &comment[i..i + 6] == b"coding" && matches!(comment[i + 6], b':' | b'=') {
            let mut j = i + 7;
            while j < comment.len() && matches!(comment[j], b' ' | b'\t') {
                j += 1;
            }
            let name: Vec<u8> = comment[j..]
                .iter()
                .copied()
                .take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .collect();
            if !name.is_empty() {
                return Some(String::from_utf8_lossy(&name).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name` plus the codec lookup for the encodings we support.
fn normalize(name: &str) -> Option<Encoding> {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let is = |base: &str| lower == base || lower.starts_with(&format!("{base}-"));
    if is("utf-8") || lower == "utf8" {
        Some(Encoding::Utf8)
    } else if is("latin-1")
        || is("iso-8859-1")
        || is("iso-latin-1")
        || matches!(
            lower.as_str(),
            "latin1" | "latin" | "l1" | "iso8859-1" | "8859" | "cp819"
        )
    {
        Some(Encoding::Latin1)
    } else if matches!(lower.as_str(), "ascii" | "us-ascii" | "646" | "us") {
        Some(Encoding::Ascii)
    } else {
        None
    }
}

/// Whether `name` looks like one of Python's other codecs (cp1252, koi8-r, iso-8859-5,
/// utf-16, shift_jis, ...), which CPython would decode and refscope does not.
fn is_python_codec(name: &str) -> bool {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let digits_after = |prefix: &str| {
        lower
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    };
    digits_after("cp")
        || digits_after("windows-")
        || lower.starts_with("iso-8859-")
        || lower.starts_with("iso8859-")
        || lower.starts_with("koi8-")
        || lower.starts_with("utf-16")
        || lower.starts_with("utf-32")
        || lower.starts_with("mac-")
        || lower.starts_with("euc-")
        || lower.starts_with("shift-jis")
        || lower.starts_with("gb")
        || lower.starts_with("big5")
}
