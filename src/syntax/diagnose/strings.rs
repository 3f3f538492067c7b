//! f-string and string literal errors: CPython 3.11 parses literals after tokenizing
//! them, so their carets sit on the token after the literal.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::InterpolatedStringErrorType;
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{Context, Diagnosis};
use crate::syntax::error::SyntaxErrorKind;

/// CPython 3.11 parses f-strings after tokenizing them as plain strings, so their errors
/// point at the token after the string (its last token read).
pub(super) fn after_fstring(cx: &Context, offset: TextSize) -> TextRange {
    let before = cx.tokens_before(offset);
    let mut depth = 0usize;
    let mut start_index = None;
    for (i, t) in before.iter().enumerate().rev() {
        match t.kind() {
            TokenKind::FStringEnd | TokenKind::TStringEnd => depth += 1,
            TokenKind::FStringStart | TokenKind::TStringStart => {
                if depth == 0 {
                    start_index = Some(i);
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    let Some(start) = start_index else {
        return cx.token_range_at(offset);
    };
    // Walk to the end of this f-string and of any strings concatenated with it.
    let mut depth = 0usize;
    for t in &cx.tokens[start..] {
        match t.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => depth += 1,
            TokenKind::FStringEnd | TokenKind::TStringEnd => depth = depth.saturating_sub(1),
            TokenKind::String | TokenKind::Comment | TokenKind::NonLogicalNewline if depth == 0 => {
            }
            _ if depth == 0 => return TextRange::empty(t.start()),
            _ => {}
        }
    }
    cx.token_range_at(offset)
}

pub(super) fn fstring_error(
    cx: &Context,
    e: &InterpolatedStringErrorType,
    loc: TextRange,
) -> Diagnosis {
    let msg = match e {
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        _ => "f-string: invalid syntax",
    };
    cx.at_range(
        SyntaxErrorKind::SyntaxError,
        msg,
        after_fstring(cx, loc.start()),
    )
}

/// Whether `offset` lies inside an f-string.
pub(super) fn in_fstring(cx: &Context, offset: TextSize) -> bool {
    let mut depth = 0i32;
    for t in cx.tokens_before(offset) {
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// The token after the string at token index `i` and any strings concatenated to it:
/// the last token CPython read when it decoded them.
pub(super) fn after_string(cx: &Context, i: usize, end: TextSize) -> TextRange {
    let next = cx.tokens[(i + 1).min(cx.tokens.len())..].iter().find(|t| {
        !matches!(
            t.kind(),
            TokenKind::String | TokenKind::Comment | TokenKind::NonLogicalNewline
        )
    });
    next.map_or(TextRange::empty(end), |t| TextRange::empty(t.start()))
}
