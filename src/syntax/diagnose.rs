//! ruff's parse errors → CPython 3.11's messages and locations.
//!
//! ruff words its errors its own way and sometimes points elsewhere; this module knows
//! which of CPython's `invalid_*` grammar rules would have fired instead, and where CPython
//! puts the caret (a generic "invalid syntax" sits on the token where parsing stopped).

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
    UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::error::SyntaxErrorKind;
use super::lines::LineIndex;

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
                .and_then(super::escapes::bad_escape_message);
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

/// CPython 3.11 parses f-strings after tokenizing them as plain strings, so their errors
/// point at the token after the string (its last token read).
fn after_fstring(cx: &Context, offset: TextSize) -> TextRange {
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

fn fstring_error(cx: &Context, e: &InterpolatedStringErrorType, loc: TextRange) -> Diagnosis {
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

/// The keyword that starts the compound statement whose header ends before `offset`
/// (the `:` must be the last significant token), with its line.
fn header_keyword(cx: &Context, offset: TextSize) -> Option<(&'static str, u32)> {
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
fn expected_indented_block(cx: &Context, loc: TextRange) -> Diagnosis {
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
fn juxtaposed(cx: &Context, offset: TextSize, expects_comma: bool) -> Diagnosis {
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

/// The widest expression whose range satisfies `pred`, with its range.
fn widest_expr(module: &ModModule, pred: impl Fn(TextRange) -> bool) -> Option<(TextRange, &Expr)> {
    struct Finder<'a, F> {
        pred: F,
        best: Option<(TextRange, &'a Expr)>,
        depth: usize,
    }
    impl<'a, F: Fn(TextRange) -> bool> Visitor<'a> for Finder<'a, F> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if self.depth < super::depth::MAX_DEPTH {
                self.depth += 1;
                super::depth::with_stack(|| visitor::walk_stmt(self, stmt));
                self.depth -= 1;
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            let r = expr.range();
            if (self.pred)(r) && self.best.is_none_or(|(b, _)| r.len() > b.len()) {
                self.best = Some((r, expr));
            }
            if self.depth < super::depth::MAX_DEPTH {
                self.depth += 1;
                super::depth::with_stack(|| visitor::walk_expr(self, expr));
                self.depth -= 1;
            }
        }
    }
    let mut finder = Finder {
        pred,
        best: None,
        depth: 0,
    };
    finder.visit_body(&module.body);
    finder.best
}

fn find_expr(module: &ModModule, range: TextRange) -> Option<&Expr> {
    widest_expr(module, |r| r == range).map(|(_, e)| e)
}

/// The key of a dict display that lacks its `:` (the expression ending before `offset`).
fn value_ending_at(cx: &Context, offset: TextSize) -> Option<TextRange> {
    let end = cx.tokens_before(offset).last()?.end();
    widest_expr(cx.module, |r| r.end() == end).map(|(r, _)| r)
}

fn expr_name_at(cx: &Context, range: TextRange) -> &'static str {
    find_expr(cx.module, range).map_or("expression", expr_name)
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "expression",
    }
}

/// An invalid target in `=`, `for`, `with ... as`, a comprehension: CPython's
/// `invalid_named_expression` ("... here. Maybe you meant '==' ...") for a single
/// `target = value` statement, `invalid_assignment` otherwise.
fn assignment_target(cx: &Context, loc: TextRange) -> Diagnosis {
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

/// The assignment statement (at any depth) one of whose targets starts at `loc`.
fn find_assign(module: &ModModule, loc: TextRange) -> Option<&ast::StmtAssign> {
    struct Finder<'a> {
        loc: TextRange,
        found: Option<&'a ast::StmtAssign>,
        depth: usize,
    }
    impl<'a> Visitor<'a> for Finder<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Assign(assign) = stmt
                && assign
                    .targets
                    .iter()
                    .any(|t| t.range().contains_range(self.loc))
            {
                self.found = Some(assign);
            }
            if self.depth < super::depth::MAX_DEPTH {
                self.depth += 1;
                super::depth::with_stack(|| visitor::walk_stmt(self, stmt));
                self.depth -= 1;
            }
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut finder = Finder {
        loc,
        found: None,
        depth: 0,
    };
    finder.visit_body(&module.body);
    finder.found
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

/// Whether `e` is what CPython's grammar calls a `bitwise_or` (no comparison, `not`,
/// `and`/`or`, conditional, lambda or walrus at its top).
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::Compare(_) | Expr::BoolOp(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Named(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
}

/// Whether ruff's recovery filled a hole in `e` with an empty name.
fn contains_missing(e: &Expr) -> bool {
    struct Missing {
        found: bool,
        depth: usize,
    }
    impl<'a> Visitor<'a> for Missing {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(n) = expr
                && n.id.is_empty()
            {
                self.found = true;
            }
            if !self.found && self.depth < super::depth::MAX_DEPTH {
                self.depth += 1;
                super::depth::with_stack(|| visitor::walk_expr(self, expr));
                self.depth -= 1;
            }
        }
    }
    let mut m = Missing {
        found: false,
        depth: 0,
    };
    m.visit_expr(e);
    m.found
}

/// An `=` where an expression continues (`if x = 1:`): CPython's `invalid_named_expression`.
fn equals_in_expression(cx: &Context, eq: TextSize) -> Diagnosis {
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

fn is_augmented_assign(kind: TokenKind) -> bool {
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
fn augmented_tuple(cx: &Context, op: TextSize) -> Diagnosis {
    let start = cx.logical_line_start(op).map_or(op, |t| t.start());
    let end = cx.tokens_before(op).last().map_or(op, |t| t.end());
    cx.at_range(
        SyntaxErrorKind::SyntaxError,
        "'tuple' is an illegal expression for augmented assignment",
        span(start, end),
    )
}

/// `x = 1 if y`: from the body to the condition.
fn missing_else(cx: &Context, offset: TextSize) -> Diagnosis {
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

/// Whether `offset` lies inside an f-string.
fn in_fstring(cx: &Context, offset: TextSize) -> bool {
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

/// The range from `a` to `b`, whichever comes first (never panics).
fn span(a: TextSize, b: TextSize) -> TextRange {
    TextRange::new(a.min(b), a.max(b))
}

/// The token after the string at token index `i` and any strings concatenated to it:
/// the last token CPython read when it decoded them.
fn after_string(cx: &Context, i: usize, end: TextSize) -> TextRange {
    let next = cx.tokens[(i + 1).min(cx.tokens.len())..].iter().find(|t| {
        !matches!(
            t.kind(),
            TokenKind::String | TokenKind::Comment | TokenKind::NonLogicalNewline
        )
    });
    next.map_or(TextRange::empty(end), |t| TextRange::empty(t.start()))
}
