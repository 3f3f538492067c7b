//! Character classes as CPython 3.11 (Unicode 14.0) defines them, without a Unicode database.
//!
//! Exact: everything in ASCII and Latin-1 (U+0000..U+00FF), the whitespace and line-break
//! sets, the format (Cf), private-use (Co) and separator (Zs, Zl, Zp) sets used by
//! `isprintable`/`repr`.
//!
//! Approximate beyond Latin-1, because Rust's standard library exposes derived properties
//! (Alphabetic, Numeric, Uppercase, Lowercase) rather than general categories and has no
//! XID or title-case data:
//! - unassigned code points (Cn) are taken as printable, except noncharacters;
//! - `isalpha` uses the Alphabetic property minus letter numbers (Nl), so it also accepts
//!   some combining vowel signs (Other_Alphabetic) that CPython rejects;
//! - `isdecimal`/`isdigit` know the main decimal-digit blocks, superscripts and circled digits;
//! - `isnumeric` adds the common CJK numerals to Rust's Nd/Nl/No;
//! - identifiers use Alphabetic for XID_Start and adds digits, marks and connectors for
//!   XID_Continue;
//! - title case and case folding use small tables of the special cases.
//!
//! Rust's tables may follow a newer Unicode version than 14.0: characters assigned after
//! 14.0 classify as they do in Rust.

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

/// Format characters (category Cf) of Unicode 14.0.
fn is_format(c: char) -> bool {
    matches!(
        c as u32,
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x13438
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// Code points above the BMP and plane 1 that Unicode 14.0 leaves unassigned (Cn): the gaps
/// between the CJK blocks of planes 2 and 3, planes 4 to 13, and most of plane 14.
fn unassigned_high_plane(u: u32) -> bool {
    let assigned = matches!(
        u,
        0..=0x1FFFF
            | 0x20000..=0x2A6DF
            | 0x2A700..=0x2B738
            | 0x2B740..=0x2B81D
            | 0x2B820..=0x2CEA1
            | 0x2CEB0..=0x2EBE0
            | 0x2F800..=0x2FA1D
            | 0x30000..=0x3134A
            | 0xE0001
            | 0xE0020..=0xE007F
            | 0xE0100..=0xE01EF
            | 0xF0000..
    );
    !assigned
}

/// Python's `str.isprintable` for one character: not Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs
/// other than the space.
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || is_format(c) || (is_space(c) && u > 0x7f) {
        return false;
    }
    let private_use = matches!(u, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD);
    let noncharacter = matches!(u, 0xFDD0..=0xFDEF) || (u & 0xFFFE) == 0xFFFE;
    !(private_use || noncharacter || unassigned_high_plane(u))
}

/// Code points of the digit zero of each decimal-digit (Nd) run of ten.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit (category Nd), as `int()` and `isdecimal` see it.
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    DECIMAL_ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|z| u - z)
}

/// Python's `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// Python's `str.isdigit` for one character: decimals plus superscript, subscript and
/// circled digits (Numeric_Type=Digit).
pub fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(
            c as u32,
            0xB2 | 0xB3
                | 0xB9
                | 0x1369..=0x1371
                | 0x19DA
                | 0x2070
                | 0x2074..=0x2079
                | 0x2080..=0x2089
                | 0x2460..=0x2468
                | 0x2474..=0x247C
                | 0x2488..=0x2490
                | 0x24EA
                | 0x24F5..=0x24FD
                | 0x24FF
                | 0x2776..=0x277E
                | 0x2780..=0x2788
                | 0x278A..=0x2792
                | 0x10A40..=0x10A43
                | 0x1F100..=0x1F10A
        )
}

/// Python's `str.isnumeric` for one character: Nd, Nl, No, plus the common CJK numerals.
pub fn is_numeric(c: char) -> bool {
    c.is_numeric()
        || matches!(
            c,
            '〇' | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
                | '壱'
                | '弐'
                | '参'
                | '拾'
                | '廿'
                | '卅'
        )
}

/// Letter numbers (category Nl), which Rust counts as alphabetic but Python does not.
fn is_letter_number(c: char) -> bool {
    matches!(
        c as u32,
        0x16EE..=0x16F0
            | 0x2160..=0x2182
            | 0x2185..=0x2188
            | 0x3007
            | 0x3021..=0x3029
            | 0x3038..=0x303A
            | 0xA6E6..=0xA6EF
            | 0x10140..=0x10174
            | 0x10341
            | 0x1034A
            | 0x103D1..=0x103D5
            | 0x12400..=0x1246E
    )
}

/// Python's `str.isalpha` for one character (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !is_letter_number(c) && !is_combining_mark(c)
}

/// Python's `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Title-case letters (category Lt).
pub fn is_titlecase(c: char) -> bool {
    matches!(
        c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC
    )
}

/// The Cased property (approximated as Uppercase, Lowercase or title case).
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

/// Case-ignorable characters between a capital sigma and its word (approximate).
pub fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}'
    ) || is_combining_mark(c)
}

/// The main combining-mark blocks (categories Mn, Mc, Me), approximate.
pub fn is_combining_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x300..=0x36F
            | 0x483..=0x489
            | 0x591..=0x5BD
            | 0x610..=0x61A
            | 0x64B..=0x65F
            | 0x670
            | 0x6D6..=0x6DC
            | 0x900..=0x903
            | 0x93A..=0x93C
            | 0x93E..=0x94F
            | 0x951..=0x957
            | 0x962..=0x963
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F
    )
}

/// XID_Start, approximate beyond ASCII and Latin-1.
pub fn is_xid_start(c: char) -> bool {
    c == '_' || (c.is_alphabetic() && !is_combining_mark(c)) && !matches!(c, '\u{2e2f}')
}

/// XID_Continue, approximate beyond ASCII and Latin-1.
pub fn is_xid_continue(c: char) -> bool {
    is_xid_start(c)
        || is_decimal(c)
        || is_combining_mark(c)
        || c.is_alphabetic()
        || matches!(
            c,
            '\u{b7}'
                | '\u{387}'
                | '\u{203f}'
                | '\u{2040}'
                | '\u{2054}'
                | '\u{fe33}'
                | '\u{fe34}'
                | '\u{fe4d}'..='\u{fe4f}' | '\u{ff3f}' | '\u{200c}' | '\u{200d}'
        )
}

/// Title-case mapping of one character (full mapping; title case only differs from upper
/// case for digraphs and ligatures).
pub fn to_title(c: char, out: &mut String) {
    let special = match c {
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ",
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ",
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ",
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ",
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        'և' => "Եւ",
        'ŉ' => "ʼN",
        _ => "",
    };
    if special.is_empty() {
        out.extend(c.to_uppercase());
    } else {
        out.push_str(special);
    }
}

/// Case folding of one character (full folding, approximate beyond the common specials).
pub fn casefold(c: char, out: &mut String) {
    let special = match c {
        'ß' | 'ẞ' => "ss",
        'ς' => "σ",
        'µ' => "μ",
        'ſ' => "s",
        'ϐ' => "β",
        'ϑ' => "θ",
        'ϕ' => "φ",
        'ϖ' => "π",
        'ϰ' => "κ",
        'ϱ' => "ρ",
        'ϵ' => "ε",
        'ẛ' => "ṡ",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ŉ' => "ʼn",
        'ͅ' => "ι",
        _ => "",
    };
    if special.is_empty() {
        out.extend(c.to_lowercase());
    } else {
        out.push_str(special);
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
    fn digits() {
        assert!(is_decimal('٣') && !is_decimal('²') && is_digit('²') && is_numeric('½'));
        assert_eq!(decimal_value('９'), Some(9));
        assert!(is_numeric('一') && !is_alpha('Ⅻ') && is_alpha('ª'));
    }
}
