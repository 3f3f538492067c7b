//! ruff's parse errors → CPython 3.11's messages and locations.
//!
//! ruff words its errors its own way and sometimes points elsewhere; this module knows
//! which of CPython's `invalid_*` grammar rules would have fired instead, and where CPython
//! puts the caret (a generic "invalid syntax" sits on the token where parsing stopped).

mod find;
mod rules;
mod strings;

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::{Expr, ModModule};
use ruff_python_parser::{
    LexicalErrorType, ParseError, ParseErrorType, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::error::SyntaxErrorKind;
use super::lines::LineIndex;
use find::*;
use rules::*;
use strings::*;

/// A located error before it becomes a [`super::SyntaxError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnosis {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub line: u32,
    pub col: u32,
    pub end_col: Option<u32>,
}

/// What the mapping needs to look at.
pub(crate) struct Context<'a> {
    pub lines: &'a LineIndex,
    pub tokens: &'a [Token],
    pub module: &'a ModModule,
}

impl Context<'_> {
    fn source(&self) -> &str {
        self.lines.source()
    }

    /// An error on `range`: caret from its start to its end (at least one character).
    fn at_range(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        range: TextRange,
    ) -> Diagnosis {
        let (line, col) = self.lines.line_col(range.start());
        let (end_line, end_col) = self.lines.line_col(range.end());
        let end_col = if end_line == line && end_col > col {
            end_col
        } else if end_line > line {
            // CPython highlights to the end of the first line.
            self.lines
                .line_text(line)
                .map_or(col, |t| t.chars().count() as u32 + 1)
        } else {
            col + 1
        };
        Diagnosis {
            kind,
            msg: msg.into(),
            line,
            col,
            end_col: Some(end_col),
        }
    }

    /// A generic "invalid syntax" on the token at `offset`.
    fn invalid_syntax_at(&self, offset: TextSize) -> Diagnosis {
        let len = self.source().len();
        if usize::from(offset) >= len && self.source().ends_with(['\n', '\r']) {
            // At the end marker after the last newline, CPython shows the last line
            // without a caret.
            return Diagnosis {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "invalid syntax".into(),
                line: self
                    .lines
                    .line_of(TextSize::new(len.saturating_sub(1) as u32)),
                col: 0,
                end_col: None,
            };
        }
        let mut range = self.token_range_at(offset);
        // CPython reads `<>` as one (refused) token; ruff reads `<` then `>`.
        let i = self.tokens.partition_point(|t| t.end() <= range.start());
        let prev = i.checked_sub(1).and_then(|p| self.tokens.get(p));
        if let (Some(prev), Some(t)) = (prev, self.tokens.get(i))
            && prev.kind() == TokenKind::Less
            && t.kind() == TokenKind::Greater
            && prev.end() == t.start()
        {
            range = span(prev.start(), t.end());
        }
        self.at_range(SyntaxErrorKind::SyntaxError, "invalid syntax", range)
    }

    /// The range of the first significant token at or after `offset`.
    pub(crate) fn token_range_at(&self, offset: TextSize) -> TextRange {
        let i = self.tokens.partition_point(|t| t.end() <= offset);
        self.tokens[i..]
            .iter()
            .find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
            .map_or(TextRange::empty(offset), |t| {
                if t.kind() == TokenKind::EndOfFile || t.range().is_empty() {
                    span(t.start(), t.start() + TextSize::new(1))
                } else {
                    t.range()
                }
            })
    }

    /// Significant tokens that end at or before `offset`.
    fn tokens_before(&self, offset: TextSize) -> &[Token] {
        let i = self.tokens.partition_point(|t| t.end() <= offset);
        &self.tokens[..i]
    }

    /// The innermost bracket open at `offset`, as a token kind.
    fn open_bracket_at(&self, offset: TextSize) -> Option<TokenKind> {
        let mut stack = Vec::new();
        for t in self.tokens_before(offset) {
            match t.kind() {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => stack.push(t.kind()),
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                    stack.pop();
                }
                _ => {}
            }
        }
        stack.pop()
    }

    /// The first token of the logical line holding the token before `offset`.
    fn logical_line_start(&self, offset: TextSize) -> Option<&Token> {
        let before = self.tokens_before(offset);
        let end = before.iter().rposition(|t| {
            !matches!(
                t.kind(),
                TokenKind::Newline
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
                    | TokenKind::Indent
                    | TokenKind::Dedent
            )
        })?;
        let start = before[..end]
            .iter()
            .rposition(|t| {
                matches!(
                    t.kind(),
                    TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
                )
            })
            .map_or(0, |i| i + 1);
        before[start..=end]
            .iter()
            .find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
    }
}

/// Maps ruff's first error to CPython's.
pub(crate) fn parse_error(cx: &Context, err: &ParseError) -> Diagnosis {
    use ParseErrorType as P;
    let loc = err.location;
    let syntax = SyntaxErrorKind::SyntaxError;
    match &err.error {
        P::Lexical(lex) => lexical_error(cx, lex, loc),
        P::OtherError(msg) if msg.starts_with("Expected an indented block after") => {
            expected_indented_block(cx, loc)
        }
        P::ExpectedToken {
            expected: TokenKind::Colon,
            found,
        } => {
            if cx.open_bracket_at(loc.start()) == Some(TokenKind::Lbrace)
                && matches!(found, TokenKind::Comma | TokenKind::Rbrace)
            {
                match value_ending_at(cx, loc.start()) {
                    Some(key) => cx.at_range(syntax, "':' expected after dictionary key", key),
                    None => cx.invalid_syntax_at(loc.start()),
                }
            } else if *found == TokenKind::Equal {
                equals_in_expression(cx, loc.start())
            } else if cx.open_bracket_at(loc.start()).is_none()
                && header_keyword(cx, loc.start()).is_some_and(|(what, _)| {
                    // `def`, `try`, `else` and `finally` demand the colon (`&&':'` in the
                    // grammar); the others only report it before the end of the line.
                    *found == TokenKind::Newline
                        || matches!(
                            what,
                            "function definition"
                                | "'try' statement"
                                | "'else' statement"
                                | "'finally' statement"
                        )
                })
            {
                cx.at_range(syntax, "expected ':'", cx.token_range_at(loc.start()))
            } else {
                cx.invalid_syntax_at(loc.start())
            }
        }
        P::ExpectedToken {
            found: TokenKind::Equal,
            ..
        } => equals_in_expression(cx, loc.start()),
        P::ExpectedToken {
            expected: TokenKind::Comma,
            found,
        } if is_augmented_assign(*found) => augmented_tuple(cx, loc.start()),
        P::ExpectedToken {
            expected: TokenKind::Comma,
            ..
        } => juxtaposed(cx, loc.start(), true),
        P::ExpectedToken {
            expected: TokenKind::Else,
            ..
        } => missing_else(cx, loc.start()),
        P::ExpectedToken {
            expected: TokenKind::Lpar,
            ..
        } if header_keyword(cx, loc.start()).is_some_and(|(w, _)| w == "function definition") => {
            cx.at_range(syntax, "expected '('", cx.token_range_at(loc.start()))
        }
        P::OtherError(msg) if msg == "Only one '/' separator allowed" => cx.at_range(
            syntax,
            "/ may appear only once",
            cx.token_range_at(loc.start()),
        ),
        P::OtherError(msg) if msg == "Only single target (not tuple) can be annotated" => cx
            .at_range(
                syntax,
                "only single target (not tuple) can be annotated",
                cx.token_range_at(loc.start()),
            ),
        P::OtherError(msg) if msg == "Trailing comma not allowed" => {
            let i = cx.tokens.partition_point(|t| t.start() <= loc.start());
            let next = cx.tokens.get(i).map_or(loc.end(), |t| t.start());
            cx.at_range(
                syntax,
                "trailing comma not allowed without surrounding parentheses",
                cx.token_range_at(next),
            )
        }
        P::VarParameterWithDefault => {
            let double = cx
                .tokens_before(loc.start())
                .iter()
                .rev()
                .find(|t| matches!(t.kind(), TokenKind::Star | TokenKind::DoubleStar))
                .is_some_and(|t| t.kind() == TokenKind::DoubleStar);
            let what = if double {
                "var-keyword"
            } else {
                "var-positional"
            };
            cx.at_range(
                syntax,
                format!("{what} argument cannot have default value"),
                cx.token_range_at(loc.start()),
            )
        }
        P::ExpectedExpression
            if cx.tokens_before(loc.start()).last().map(|t| t.kind()) == Some(TokenKind::Colon)
                && cx.open_bracket_at(loc.start()) == Some(TokenKind::Lbrace) =>
        {
            let colon = cx
                .tokens_before(loc.start())
                .last()
                .map_or(loc, |t| t.range());
            cx.at_range(
                syntax,
                "expression expected after dictionary key and ':'",
                colon,
            )
        }
        P::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => cx.at_range(
            syntax,
            "expected 'except' or 'finally' block",
            cx.token_range_at(loc.start()),
        ),
        P::OtherError(msg) if msg == "Expected a parameter name" => {
            // `f(a.b=1)`: CPython's `invalid_kwarg`, from the expression to the `=`.
            let i = cx.tokens.partition_point(|t| t.end() <= loc.end());
            let text = cx
                .source()
                .get(loc.start().to_usize()..loc.end().to_usize());
            let msg = match text {
                Some(name @ ("True" | "False" | "None")) => format!("cannot assign to {name}"),
                _ => "expression cannot contain assignment, perhaps you meant \"==\"?".into(),
            };
            match cx.tokens.get(i) {
                Some(eq) if eq.kind() == TokenKind::Equal => {
                    cx.at_range(syntax, msg, span(loc.start(), eq.end()))
                }
                _ => cx.invalid_syntax_at(loc.start()),
            }
        }
        P::OtherError(msg) if msg == "Bytes literal cannot be mixed with non-bytes literals" => {
            let i = cx.tokens.partition_point(|t| t.end() <= loc.start());
            cx.at_range(
                syntax,
                "cannot mix bytes and nonbytes literals",
                after_string(cx, i, loc.end()),
            )
        }
        P::OtherError(msg)
            if msg == "Cannot have both 'except' and 'except*' on the same 'try'" =>
        {
            // CPython points at the clause's keyword, its star included.
            let kw = cx.token_range_at(loc.start());
            let star = cx.token_range_at(kw.end());
            let range = if cx.source()[star].trim() == "*" {
                TextRange::new(kw.start(), star.end())
            } else {
                kw
            };
            cx.at_range(
                syntax,
                "cannot have both 'except' and 'except*' on the same 'try'",
                range,
            )
        }
        P::OtherError(msg) if msg == "Expected one or more exception types" => cx.at_range(
            syntax,
            "expected one or more exception types",
            cx.token_range_at(loc.start()),
        ),
        P::ExpectedImaginaryNumber => cx.at_range(
            syntax,
            "imaginary number required in complex literal",
            cx.token_range_at(loc.start()),
        ),
        P::ExpectedRealNumber => cx.at_range(
            syntax,
            "real number required in complex literal",
            cx.token_range_at(loc.start()),
        ),
        P::ExpectedExpression if in_fstring(cx, loc.start()) => {
            let range = cx.token_range_at(loc.start());
            let msg = match cx
                .source()
                .get(range.start().to_usize()..range.end().to_usize())
            {
                Some("}") => "f-string: empty expression not allowed",
                Some("=") => "f-string: expression required before '='",
                _ => "f-string: invalid syntax",
            };
            cx.at_range(syntax, msg, after_fstring(cx, loc.start()))
        }
        P::SimpleStatementsOnSameLine => juxtaposed(cx, loc.start(), false),
        P::UnexpectedIndentation => {
            let (line, _) = cx.lines.line_col(loc.end());
            let indent = cx.lines.line_text(line).map_or(0, |t| {
                t.chars()
                    .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
                    .count() as u32
            });
            Diagnosis {
                kind: SyntaxErrorKind::IndentationError,
                msg: "unexpected indent".into(),
                line,
                col: indent,
                end_col: None,
            }
        }
        P::InvalidAssignmentTarget => assignment_target(cx, loc),
        P::InvalidAugmentedAssignmentTarget => cx.at_range(
            syntax,
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name_at(cx, loc)
            ),
            loc,
        ),
        P::InvalidDeleteTarget => cx.at_range(
            syntax,
            format!("cannot delete {}", expr_name_at(cx, loc)),
            loc,
        ),
        P::InvalidNamedAssignmentTarget => cx.at_range(
            syntax,
            format!(
                "cannot use assignment expressions with {}",
                expr_name_at(cx, loc)
            ),
            loc,
        ),
        P::InvalidAnnotatedAssignmentTarget => {
            let msg = match find_expr(cx.module, loc) {
                Some(Expr::Tuple(_)) => "only single target (not tuple) can be annotated",
                Some(Expr::List(_)) => "only single target (not list) can be annotated",
                _ => "illegal target for annotation",
            };
            cx.at_range(syntax, msg, loc)
        }
        // Outside the places the grammar allows it, `*` is just an unexpected token.
        P::InvalidStarredExpressionUsage => cx.invalid_syntax_at(loc.start()),
        // `_PyPegen_arguments_parsing_error`: the caret sits on the last token CPython read,
        // the call's closing parenthesis.
        P::PositionalAfterKeywordArgument => cx.at_range(
            syntax,
            "positional argument follows keyword argument",
            closing_paren(cx, loc.start()),
        ),
        P::PositionalAfterKeywordUnpacking => cx.at_range(
            syntax,
            "positional argument follows keyword argument unpacking",
            closing_paren(cx, loc.start()),
        ),
        P::InvalidArgumentUnpackingOrder => {
            let (line, col) = cx.lines.line_col(loc.start());
            Diagnosis {
                kind: syntax,
                msg: "iterable argument unpacking follows keyword argument unpacking".into(),
                line,
                col,
                end_col: None,
            }
        }
        P::NonDefaultParamAfterDefaultParam => {
            cx.at_range(syntax, "non-default argument follows default argument", loc)
        }
        P::ParamAfterVarKeywordParam => {
            cx.at_range(syntax, "arguments cannot follow var-keyword argument", loc)
        }
        P::ExpectedKeywordParam => cx.at_range(syntax, "named arguments must follow bare *", loc),
        P::UnparenthesizedGeneratorExpression => {
            cx.at_range(syntax, "Generator expression must be parenthesized", loc)
        }
        // `raise A, B`: CPython stops at the first comma.
        P::UnparenthesizedTupleExpression => {
            let mut depth = 0usize;
            let comma = cx
                .tokens
                .iter()
                .filter(|t| loc.contains_range(t.range()))
                .find(|t| {
                    match t.kind() {
                        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
                        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                            depth = depth.saturating_sub(1);
                        }
                        _ => {}
                    }
                    depth == 0 && t.kind() == TokenKind::Comma
                })
                .map_or(loc.start(), |t| t.start());
            cx.invalid_syntax_at(comma)
        }
        P::IterableUnpackingInComprehension => cx.at_range(
            syntax,
            "iterable unpacking cannot be used in comprehension",
            loc,
        ),
        P::FStringError(e) => fstring_error(cx, e, loc),
        _ => cx.invalid_syntax_at(loc.start()),
    }
}

/// Maps an error ruff's lexer found and the CPython tokenizer model did not.
fn lexical_error(cx: &Context, lex: &LexicalErrorType, loc: TextRange) -> Diagnosis {
    let syntax = SyntaxErrorKind::SyntaxError;
    match lex {
        LexicalErrorType::InvalidByteLiteral => {
            let range = cx.token_range_at(loc.start());
            let mut d = cx.at_range(
                syntax,
                "bytes can only contain ASCII literal characters",
                range,
            );
            // CPython's end offset here counts bytes, not characters.
            d.end_col = Some(d.col + u32::from(range.len()));
            d
        }
        LexicalErrorType::IndentationError => {
            let (line, _) = cx.lines.line_col(loc.start());
            let col = cx
                .lines
                .line_text(line)
                .map_or(1, |t| t.chars().count() as u32 + 1);
            Diagnosis {
                kind: SyntaxErrorKind::IndentationError,
                msg: "unindent does not match any outer indentation level".into(),
                line,
                col,
                end_col: None,
            }
        }
        LexicalErrorType::FStringError(e) => fstring_error(cx, e, loc),
        LexicalErrorType::UnicodeError
        | LexicalErrorType::MissingUnicodeLbrace
        | LexicalErrorType::MissingUnicodeRbrace => {
            // CPython decodes the literal after reading it: the caret sits on the token
            // after the string.
            let i = cx.tokens.partition_point(|t| t.end() <= loc.start());
            let literal = cx.tokens.get(i).filter(|t| t.kind() == TokenKind::String);
            let msg = literal
                .and_then(|t| cx.source().get(t.start().to_usize()..t.end().to_usize()))
                .and_then(crate::syntax::escapes::bad_escape_message);
            match (literal, msg) {
                (Some(t), Some(msg)) => cx.at_range(syntax, msg, after_string(cx, i, t.end())),
                _ => cx.at_range(
                    syntax,
                    "(unicode error) 'unicodeescape' codec can't decode bytes: malformed escape",
                    TextRange::empty(loc.start()),
                ),
            }
        }
        LexicalErrorType::Eof => {
            let end = TextSize::new(cx.source().len() as u32);
            let (line, _) = cx.lines.line_col(end);
            let col = cx
                .lines
                .line_text(line)
                .map_or(1, |t| t.chars().count() as u32 + 1);
            Diagnosis {
                kind: syntax,
                msg: "unexpected EOF while parsing".into(),
                line,
                col,
                end_col: None,
            }
        }
        _ => {
            let (line, col) = cx.lines.line_col(loc.start());
            Diagnosis {
                kind: syntax,
                msg: "invalid syntax".into(),
                line,
                col,
                end_col: Some(col + 1),
            }
        }
    }
}

/// Maps an error for syntax newer than Python 3.11 (ruff parses it, 3.11 does not).
pub(crate) fn unsupported(cx: &Context, err: &UnsupportedSyntaxError) -> Diagnosis {
    use UnsupportedSyntaxErrorKind as U;
    let syntax = SyntaxErrorKind::SyntaxError;
    match err.kind {
        U::TypeParameterList => {
            let range = cx.token_range_at(err.range.start());
            let before = cx.tokens_before(err.range.start());
            let is_def = before
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|t| t.kind() == TokenKind::Def);
            if is_def {
                cx.at_range(syntax, "expected '('", range)
            } else {
                cx.invalid_syntax_at(err.range.start())
            }
        }
        U::TemplateStrings => {
            // 3.11 reads `t` as a name and the string after it as the next token.
            let text = cx
                .source()
                .get(err.range.start().to_usize()..err.range.end().to_usize())
                .unwrap_or("");
            let prefix = text.find(['\'', '"']).unwrap_or(0) as u32;
            let start = err.range.start() + TextSize::new(prefix);
            cx.at_range(syntax, "invalid syntax", span(start, err.range.end()))
        }
        U::TypeAliasStatement | U::LazyImportStatement => {
            // `type X = ...`: CPython stops at the name after the soft keyword.
            let i = cx.tokens.partition_point(|t| t.end() <= err.range.start());
            let next = cx
                .tokens
                .get(i + 1)
                .map_or(err.range.start(), |t| t.start());
            cx.invalid_syntax_at(next)
        }
        U::Pep701FString(kind) => {
            // The kind enum is not exported by ruff; its Debug names are stable.
            let msg = match format!("{kind:?}").as_str() {
                "Backslash" => "f-string expression part cannot include a backslash",
                "Comment" => "f-string expression part cannot include '#'",
                _ => "f-string: expecting '}'",
            };
            let at = if msg.ends_with("'}'") {
                // 3.11's string token ends at the reused quote; the name after it is next.
                TextRange::empty(err.range.end())
            } else {
                after_fstring(cx, err.range.start())
            };
            cx.at_range(syntax, msg, at)
        }
        U::UnparenthesizedExceptionTypes => cx.at_range(
            syntax,
            "multiple exception types must be parenthesized",
            err.range,
        ),
        U::UnpackingInComprehension(k) => {
            let msg = if format!("{k:?}") == "DictInDict" {
                "dict unpacking cannot be used in dict comprehension"
            } else {
                "iterable unpacking cannot be used in comprehension"
            };
            cx.at_range(syntax, msg, err.range)
        }
        U::ParenthesizedKeywordArgumentName => {
            // From the name inside the parentheses to the `=`.
            let start = cx
                .tokens
                .iter()
                .find(|t| t.kind() == TokenKind::Name && err.range.contains_range(t.range()))
                .map_or(err.range.start(), |t| t.start());
            let i = cx.tokens.partition_point(|t| t.end() <= err.range.end());
            let end = cx.tokens.get(i).map_or(err.range.end(), |t| t.end());
            cx.at_range(
                syntax,
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                span(start, end),
            )
        }
        _ => cx.invalid_syntax_at(err.range.start()),
    }
}

/// The token closing the bracket that is open at `offset` (or the token at `offset`).
fn closing_paren(cx: &Context, offset: TextSize) -> TextRange {
    let i = cx.tokens.partition_point(|t| t.end() <= offset);
    let mut depth = 0usize;
    for t in &cx.tokens[i..] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    return t.range();
                }
                depth -= 1;
            }
            TokenKind::Newline | TokenKind::EndOfFile => break,
            _ => {}
        }
    }
    cx.token_range_at(offset)
}

/// The range from `a` to `b`, whichever comes first (never panics).
fn span(a: TextSize, b: TextSize) -> TextRange {
    TextRange::new(a.min(b), a.max(b))
}
