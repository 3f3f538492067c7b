//! CPython's messages for bad escapes in string and bytes literals, e.g.
//! `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated
//! \xXX escape`. ruff reports only that an escape is bad; this finds which one and words
//! it as CPython's decoder does.

/// The message for the first bad escape in `literal` (prefix, quotes and body), if any.
pub(crate) fn bad_escape_message(literal: &str) -> Option<String> {
    let prefix_len = literal.find(['\'', '"'])?;
    let prefix = literal[..prefix_len].to_ascii_lowercase();
    if prefix.contains('r') {
        return None;
    }
    let is_bytes = prefix.contains('b');
    let rest = &literal[prefix_len..];
    let quote = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        3
    } else {
        1
    };
    let body = rest
        .get(quote..rest.len().saturating_sub(quote))?
        .as_bytes();
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        let Some(&kind) = body.get(i + 1) else { break };
        i += 2;
        let hex_digits = match kind {
            b'x' => 2,
            b'u' | b'U' if !is_bytes => {
                if kind == b'u' {
                    4
                } else {
                    8
                }
            }
            b'N' if !is_bytes => {
                let close = (body.get(i) == Some(&b'{'))
                    .then(|| body[i..].iter().position(|&c| c == b'}'))
                    .flatten();
                match close {
                    Some(c) if c > 1 => {
                        // A well-formed name ruff could not resolve.
                        let end = i + c + 1;
                        return Some(unicode_error(start, end, "unknown Unicode character name"));
                    }
                    _ => {
                        let end = if body.get(i) == Some(&b'{') { i + 1 } else { i };
                        return Some(unicode_error(start, end, "malformed \\N character escape"));
                    }
                }
            }
            _ => continue,
        };
        let digits = body[i..]
            .iter()
            .take(hex_digits)
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if digits < hex_digits {
            if is_bytes {
                return Some(format!(
                    "(value error) invalid \\x escape at position {start}"
                ));
            }
            let what = match kind {
                b'x' => "truncated \\xXX escape",
                b'u' => "truncated \\uXXXX escape",
                _ => "truncated \\UXXXXXXXX escape",
            };
            return Some(unicode_error(start, i + digits, what));
        }
        if kind == b'U' {
            let text = std::str::from_utf8(&body[i..i + 8]).ok()?;
            if u32::from_str_radix(text, 16).ok()? > 0x10FFFF {
                return Some(unicode_error(start, i + 8, "illegal Unicode character"));
            }
        }
        i += digits;
    }
    None
}

fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    let end = end.max(start + 1) - 1;
    let position = if end > start {
        format!("bytes in position {start}-{end}")
    } else {
        format!("byte 0x5c in position {start}")
    };
    format!("(unicode error) 'unicodeescape' codec can't decode {position}: {reason}")
}

#[cfg(test)]
mod tests {
    use super::bad_escape_message;

    #[test]
    fn words_escapes_like_cpython() {
        assert_eq!(
            bad_escape_message(r#""\x1""#).unwrap(),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape"
        );
        assert_eq!(
            bad_escape_message(r#""\N{foo}""#).unwrap(),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
        assert_eq!(
            bad_escape_message(r#""ab\N""#).unwrap(),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: malformed \N character escape"
        );
        assert_eq!(
            bad_escape_message(r#"b"\x1""#).unwrap(),
            r"(value error) invalid \x escape at position 0"
        );
        assert_eq!(bad_escape_message(r#"r"\x1""#), None);
        assert_eq!(bad_escape_message(r#""\d\n""#), None);
    }
}
