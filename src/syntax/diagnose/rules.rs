//! CPython's `invalid_*` grammar rules that ruff words differently: blocks, colons,
//! juxtaposed expressions, assignment targets, `=` inside expressions.

use ruff_python_ast::Expr;
use ruff_python_ast::token::TokenKind;
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::find::*;
use super::{Context, Diagnosis, span};
use crate::syntax::error::SyntaxErrorKind;

/// The keyword that starts the compound statement whose header ends before `offset`
/// (the `:` must be the last significant token), with its line.
pub(super) fn header_keyword(cx: &Context, offset: TextSize) -> Option<(&'static str, u32)> {
    let first = cx.logical_line_start(offset)?;
    let mut kind = first.kind();
    let mut start = first.start();
    if kind == TokenKind::Async {
        let i = cx.tokens.partition_point(|t| t.start() <= first.start());
        if let Some(next) = cx.tokens.get(i) {
            kind = next.kind();
            start = next.start();
        }
    }
    let name = match kind {
        TokenKind::If => "'if' statement",
        TokenKind::Elif => "'elif' statement",
        TokenKind::Else => "'else' statement",
        TokenKind::While => "'while' statement",
        TokenKind::For => "'for' statement",
        TokenKind::With => "'with' statement",
        TokenKind::Try => "'try' statement",
        TokenKind::Finally => "'finally' statement",
        TokenKind::Except => {
            let i = cx.tokens.partition_point(|t| t.start() <= start);
            if cx
                .tokens
                .get(i)
                .is_some_and(|t| t.kind() == TokenKind::Star)
            {
                "'except*' statement"
            } else {
                "'except' statement"
            }
        }
        TokenKind::Def => "function definition",
        TokenKind::Class => "class definition",
        TokenKind::Match => "'match' statement",
        TokenKind::Case => "'case' statement",
        _ => return None,
    };
    Some((name, cx.lines.line_of(start)))
}

/// `if x:` followed by an unindented line: IndentationError on the next statement.
pub(super) fn expected_indented_block(cx: &Context, loc: TextRange) -> Diagnosis {
    // ruff points at the first token of the body that is not indented, or at the
    // header's own newline when the file ends there.
    let header_end = cx
        .tokens_before(loc.start() + TextSize::new(1))
        .iter()
        .rposition(|t| t.kind() == TokenKind::Colon)
        .map_or(loc.start(), |i| cx.tokens[i].end());
    let (what, header_line) =
        header_keyword(cx, header_end).unwrap_or(("statement", cx.lines.line_of(loc.start())));
    let msg = format!("expected an indented block after {what} on line {header_line}");
    let next = cx.tokens[cx.tokens.partition_point(|t| t.end() <= header_end)..]
        .iter()
        .find(|t| {
            !matches!(
                t.kind(),
                TokenKind::Newline
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
                    | TokenKind::Indent
                    | TokenKind::Dedent
            )
        });
    match next {
        Some(t) if t.kind() != TokenKind::EndOfFile => {
            let (line, col) = cx.lines.line_col(t.start());
            Diagnosis {
                kind: SyntaxErrorKind::IndentationError,
                msg,
                line,
                col,
                end_col: None,
            }
        }
        // At the end of the file CPython shows the file's last line without a caret.
        _ => {
            let len = cx.source().len();
            let last = cx
                .lines
                .line_of(TextSize::new(len.saturating_sub(1) as u32));
            Diagnosis {
                kind: SyntaxErrorKind::IndentationError,
                msg,
                line: last.max(header_line),
                col: 0,
                end_col: None,
            }
        }
    }
}

/// Two expressions side by side (`[1 2]`, `print "x"`, `x = 1 y`): CPython's
/// `invalid_expression` rule.
pub(super) fn juxtaposed(cx: &Context, offset: TextSize, expects_comma: bool) -> Diagnosis {
    let syntax = SyntaxErrorKind::SyntaxError;
    let before = cx.tokens_before(offset);
    let prev_end = before
        .iter()
        .rev()
        .find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
        .map(|t| t.end());
    let bracket_start = {
        let mut depth = 0i32;
        let mut start = None;
        for t in before.iter().rev() {
            match t.kind() {
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                    if depth == 0 {
                        start = Some(t.end());
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        start
    };
    let left = prev_end.and_then(|end| {
        widest_expr(cx.module, |r| {
            r.end() == end && bracket_start.is_none_or(|s| r.start() >= s)
        })
    });
    let right = widest_expr(cx.module, |r| r.start() == offset);
    if let (Some((a, a_expr)), Some((b, _))) = (left, right) {
        if let Expr::Name(name) = a_expr
            && matches!(name.id.as_str(), "print" | "exec")
        {
            return cx.at_range(
                syntax,
                format!(
                    "Missing parentheses in call to '{0}'. Did you mean {0}(...)?",
                    name.id
                ),
                span(a.start(), b.end()),
            );
        }
        let name_then_string = matches!(a_expr, Expr::Name(_))
            && cx
                .tokens_before(b.end())
                .iter()
                .find(|t| t.start() == offset)
                .is_some_and(|t| matches!(t.kind(), TokenKind::String | TokenKind::FStringStart));
        if expects_comma && bracket_start.is_some() && !name_then_string {
            return cx.at_range(
                syntax,
                "invalid syntax. Perhaps you forgot a comma?",
                span(a.start(), b.end()),
            );
        }
    }
    cx.invalid_syntax_at(offset)
}

/// An invalid target in `=`, `for`, `with ... as`, a comprehension: CPython's
/// `invalid_named_expression` ("... here. Maybe you meant '==' ...") for a single
/// `target = value` statement, `invalid_assignment` otherwise.
pub(super) fn assignment_target(cx: &Context, loc: TextRange) -> Diagnosis {
    let syntax = SyntaxErrorKind::SyntaxError;
    let Some(target) = find_expr(cx.module, loc) else {
        return cx.invalid_syntax_at(loc.start());
    };
    if contains_missing(target) {
        // `x === 1`: the target is itself incomplete; CPython stops at the lone `=`.
        let i = cx.tokens.partition_point(|t| t.start() < loc.end());
        let eq = cx.tokens[i..]
            .iter()
            .find(|t| t.kind() == TokenKind::Equal)
            .map_or(loc.end(), |t| t.start());
        return cx.invalid_syntax_at(eq);
    }
    let name = expr_name(target);
    // `invalid_named_expression` fires for a target directly followed by `=`.
    // Parentheses around the target itself belong to it: `(yield x) = 1`.
    let groups = cx
        .tokens_before(loc.start())
        .iter()
        .rev()
        .take_while(|t| t.kind() == TokenKind::Lpar)
        .count();
    let i = cx.tokens.partition_point(|t| t.start() < loc.end());
    let after = &cx.tokens[i..];
    let closing = after
        .iter()
        .take(groups)
        .take_while(|t| t.kind() == TokenKind::Rpar)
        .count();
    let before_equal = after
        .get(closing)
        .is_some_and(|t| t.kind() == TokenKind::Equal);
    let single_assign = find_assign(cx.module, loc).is_some_and(|assign| {
        assign.targets.len() == 1
            && before_equal
            && is_bitwise_or(target)
            && !matches!(
                target,
                Expr::List(_)
                    | Expr::Tuple(_)
                    | Expr::Generator(_)
                    | Expr::NoneLiteral(_)
                    | Expr::BooleanLiteral(_)
            )
    });
    if single_assign {
        cx.at_range(
            syntax,
            format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
            loc,
        )
    } else {
        cx.at_range(syntax, format!("cannot assign to {name}"), loc)
    }
}

/// An `=` where an expression continues (`if x = 1:`): CPython's `invalid_named_expression`.
pub(super) fn equals_in_expression(cx: &Context, eq: TextSize) -> Diagnosis {
    let syntax = SyntaxErrorKind::SyntaxError;
    let Some(prev_end) = cx.tokens_before(eq).last().map(|t| t.end()) else {
        return cx.invalid_syntax_at(eq);
    };
    let line_start = cx
        .logical_line_start(eq)
        .map_or(TextSize::new(0), |t| t.start());
    let Some((a, a_expr)) = widest_expr(cx.module, |r| {
        r.end() == prev_end && r.start() >= line_start
    }) else {
        return cx.invalid_syntax_at(eq);
    };
    let i = cx.tokens.partition_point(|t| t.start() <= eq);
    let after = cx.tokens.get(i).map(|t| t.start());
    let b = after.and_then(|s| widest_expr(cx.module, |r| r.start() == s));
    match (a_expr, b) {
        (Expr::Name(_), Some((b, _))) => cx.at_range(
            syntax,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            span(a.start(), b.end()),
        ),
        (
            Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Generator(_)
            | Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_),
            _,
        ) => cx.invalid_syntax_at(eq),
        (e, Some(_)) if is_bitwise_or(e) => cx.at_range(
            syntax,
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(e)
            ),
            a,
        ),
        _ => cx.invalid_syntax_at(eq),
    }
}

pub(super) fn is_augmented_assign(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::PercentEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::AtEqual
    )
}

/// `a, b += 1`: the whole tuple before the operator is the illegal target.
pub(super) fn augmented_tuple(cx: &Context, op: TextSize) -> Diagnosis {
    let start = cx.logical_line_start(op).map_or(op, |t| t.start());
    let end = cx.tokens_before(op).last().map_or(op, |t| t.end());
    cx.at_range(
        SyntaxErrorKind::SyntaxError,
        "'tuple' is an illegal expression for augmented assignment",
        span(start, end),
    )
}

/// `x = 1 if y`: from the body to the condition.
pub(super) fn missing_else(cx: &Context, offset: TextSize) -> Diagnosis {
    let prev_end = cx.tokens_before(offset).last().map(|t| t.end());
    let found = prev_end.and_then(|end| {
        let (_, e) = widest_expr(cx.module, |r| r.end() >= end && r.start() < end)?;
        match e {
            Expr::If(if_exp) => Some(span(if_exp.body.start(), if_exp.test.end())),
            _ => None,
        }
    });
    match found {
        Some(range) => cx.at_range(
            SyntaxErrorKind::SyntaxError,
            "expected 'else' after 'if' expression",
            range,
        ),
        None => cx.invalid_syntax_at(offset),
    }
}
