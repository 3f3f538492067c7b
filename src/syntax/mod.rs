//! The syntax stage: a file's bytes → ruff's AST, or the `SyntaxError` CPython 3.11 would
//! raise for it, with the same message, line, caret and exception class.
//!
//! It owns decoding (BOM, PEP 263 declarations, null bytes), a model of CPython's tokenizer
//! for the errors CPython finds while tokenizing, the mapping of ruff's parse errors to
//! CPython's wording, and the nesting limits that keep later stages from overflowing.
//! It must not know about the compiler, the heap or the VM: semantic errors such as
//! `'return' outside function` belong to the compiler.
//!
//! How CPython orders its errors, and so how [`parse_source`] does:
//! 1. errors raised while reading the file (encoding, null bytes);
//! 2. errors the tokenizer raises (unterminated strings, bad literals, brackets, invalid
//!    characters) win wherever they are in the file, because after a parse error CPython
//!    tokenizes the rest of the file and lets such errors replace it;
//! 3. otherwise the first error the parser meets (indentation errors included), where an
//!    unclosed bracket opened on an earlier line replaces a later parse error.
//!
//! Limits, as CPython 3.11's: 200 nested brackets ("too many nested parentheses"), 99
//! indentation levels ("too many levels of indentation"), and 3000 nested statements and
//! expressions (CPython raises `RecursionError` while compiling; we raise a SyntaxError
//! "too many nested statements and expressions"). An accepted AST is therefore at most
//! ~3000 levels deep, and later stages may recurse over it; parsing itself works on any
//! thread (2 MiB included). Parse errors for syntax newer than 3.11 (type parameters,
//! `type`, PEP 701 f-strings, t-strings, `except A, B`) are reported as 3.11 reports them.
//!
//! [`SyntaxError::line`] is 0 for the one error CPython prints without a location:
//! "Non-UTF-8 code starting with ... but no encoding declared".

mod decode;
mod depth;
mod diagnose;
mod error;
mod escapes;
mod lines;
mod tokenizer;

#[cfg(test)]
mod tests;

pub(crate) use depth::with_stack;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use lines::LineIndex;

use ruff_python_ast::{ModModule, PythonVersion};
use ruff_python_parser::{Mode, ParseOptions, parse_unchecked};
use ruff_text_size::{Ranged, TextSize};

use diagnose::{Context, Diagnosis};
use tokenizer::{OpenBracket, TokError};

/// A parsed module and the line index of its source.
#[derive(Debug)]
pub struct Parsed {
    pub module: ModModule,
    pub lines: LineIndex,
}

/// Decodes a source file as CPython does and parses it as Python 3.11.
///
/// ```
/// use refscope::syntax::parse_file;
/// let parsed = parse_file(b"\xef\xbb\xbfx = 1\n", "x.py").unwrap();
/// assert_eq!(parsed.module.body.len(), 1);
/// let err = parse_file(b"x = (1,\n", "x.py").unwrap_err();
/// assert_eq!(err.msg, "'(' was never closed");
/// ```
pub fn parse_file(bytes: &[u8], filename: &str) -> Result<Parsed, SyntaxError> {
    let decoded = decode::decode(bytes, filename)?;
    parse_text(&decoded.text, filename, decoded.had_bom)
}

/// Parses source text as Python 3.11.
///
/// ```
/// use refscope::syntax::parse_source;
/// let err = parse_source("if x\n    pass\n", "x.py").unwrap_err();
/// assert_eq!(err.to_string(), "SyntaxError: expected ':' (x.py, line 1)");
/// ```
pub fn parse_source(source: &str, filename: &str) -> Result<Parsed, SyntaxError> {
    if let Some(pos) = source.find('\0') {
        let line = LineIndex::new(source).line_of(TextSize::new(pos as u32));
        return Err(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            filename,
            source,
            line,
            0,
            None,
        ));
    }
    parse_text(source, filename, false)
}

fn parse_text(source: &str, filename: &str, had_bom: bool) -> Result<Parsed, SyntaxError> {
    if u32::try_from(source.len()).is_err() {
        return Err(SyntaxError::without_location(
            SyntaxErrorKind::SyntaxError,
            "source file is larger than 4 GiB",
            filename,
        ));
    }
    let lines = LineIndex::new(source);
    let scan = tokenizer::scan(source);
    if let Some(e) = &scan.error
        && e.raised
    {
        let (d, _) = tok_diagnosis(e, None);
        return Err(located(d, filename, &lines, false));
    }

    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, options)
        .try_into_module()
        .expect("Mode::Module parses to a module");
    let module = parsed.syntax();
    if let Some(at) = depth::too_deep(module) {
        let (line, col) = lines.line_col(at);
        let module = parsed.into_syntax();
        depth::dispose_deep(module, source.len());
        let d = Diagnosis {
            kind: SyntaxErrorKind::SyntaxError,
            msg: format!(
                "too many nested statements and expressions (more than {})",
                depth::MAX_DEPTH
            ),
            line,
            col,
            end_col: None,
        };
        return Err(located(d, filename, &lines, false));
    }

    let cx = Context {
        lines: &lines,
        tokens: parsed.tokens(),
        module,
    };
    // The parser's first error: ruff's own or one for syntax newer than 3.11.
    let first_parse = parsed.errors().iter().min_by_key(|e| e.location.start());
    let first_unsupported = parsed
        .unsupported_syntax_errors()
        .iter()
        .min_by_key(|e| e.range.start());
    let parser_error = match (first_parse, first_unsupported) {
        (Some(p), Some(u)) if u.range.start() < p.location.start() => {
            let d = diagnose::unsupported(&cx, u);
            let line = d.line;
            Some((u.range.start(), d, false, line))
        }
        (Some(p), _) => {
            let d = diagnose::parse_error(&cx, p);
            // Where ruff's lexer and the tokenizer model both stop on one line, trust
            // the model: it is CPython's tokenizer.
            let lexical = matches!(p.error, ruff_python_parser::ParseErrorType::Lexical(_));
            let at = match &scan.error {
                Some(e) if lexical && lines.line_of(p.location.start()) == e.line => {
                    TextSize::new(e.offset as u32)
                }
                _ => p.location.start(),
            };
            // The line CPython's parser had reached: ruff may stop at a newline that
            // CPython skips inside brackets.
            let (reached, past_newlines_eof) = reached_line(&cx, p.location.start(), scan.open);
            let at_eof = is_eof_error(p, source.len()) || past_newlines_eof;
            Some((at, d, at_eof, reached))
        }
        (None, Some(u)) => {
            let d = diagnose::unsupported(&cx, u);
            let line = d.line;
            Some((u.range.start(), d, false, line))
        }
        (None, None) => None,
    };

    // (diagnosis, whether it comes from the tokenizer's line buffer)
    let diagnosis = match (&scan.error, parser_error) {
        // The parser reaches the tokenizer's error token before failing.
        (Some(e), Some((at, ..))) if e.offset <= usize::from(at) => {
            Some(tok_diagnosis(e, scan.open))
        }
        (Some(e), None) => Some(tok_diagnosis(e, scan.open)),
        // At the end of the file inside brackets, or after a bracket left open on an
        // earlier line: CPython blames the bracket.
        (_, Some((_, d, at_eof, reached))) => Some(match scan.open {
            Some(open) if at_eof || open.line < d.line.max(reached) => (unclosed(open), false),
            _ => (d, false),
        }),
        (None, None) => scan.open.map(|open| (unclosed(open), false)),
    };
    match diagnosis {
        Some((d, from_tokenizer)) => {
            let err = located(d, filename, &lines, had_bom && !from_tokenizer);
            drop(parsed);
            Err(err)
        }
        None => Ok(Parsed {
            module: parsed.into_syntax(),
            lines,
        }),
    }
}

/// The line of the token where CPython's parser stops for an error ruff reports at
/// `offset`, and whether that is the end of the file. Inside brackets left open up to the
/// end of the file, CPython's tokenizer skips newlines that ruff may stop at.
fn reached_line(cx: &Context, offset: TextSize, open: Option<OpenBracket>) -> (u32, bool) {
    use ruff_python_ast::token::TokenKind as K;
    let skip = |k: K| {
        matches!(k, K::NonLogicalNewline | K::Comment)
            || (open.is_some() && matches!(k, K::Newline | K::Indent | K::Dedent))
    };
    let i = cx.tokens.partition_point(|t| t.end() <= offset);
    match cx.tokens[i..].iter().find(|t| !skip(t.kind())) {
        Some(t) if t.kind() != K::EndOfFile => (cx.lines.line_of(t.start()), false),
        Some(t) => (cx.lines.line_of(t.start()), open.is_some()),
        None => (cx.lines.line_of(offset), open.is_some()),
    }
}

/// Whether ruff stopped because the file ended (CPython's E_EOF).
fn is_eof_error(err: &ruff_python_parser::ParseError, len: usize) -> bool {
    matches!(
        err.error,
        ruff_python_parser::ParseErrorType::Lexical(ruff_python_parser::LexicalErrorType::Eof)
    ) || usize::from(err.range().start()) >= len
}

/// A tokenizer error; E_EOF inside brackets is reported as the open bracket.
fn tok_diagnosis(e: &TokError, open: Option<OpenBracket>) -> (Diagnosis, bool) {
    if let Some(open) = open
        && e.msg == tokenizer::UNEXPECTED_EOF
    {
        return (unclosed(open), false);
    }
    let d = Diagnosis {
        kind: e.kind,
        msg: e.msg.clone(),
        line: e.line,
        col: e.col,
        end_col: e.end_col,
    };
    (d, e.raised)
}

fn unclosed(open: OpenBracket) -> Diagnosis {
    Diagnosis {
        kind: SyntaxErrorKind::SyntaxError,
        msg: format!("'{}' was never closed", open.ch),
        line: open.line,
        col: open.col,
        end_col: None,
    }
}

/// A diagnosis with its source line. On line 1 of a file with a BOM, CPython re-reads the
/// line from the file, BOM included, and converts the byte column with it.
fn located(d: Diagnosis, filename: &str, lines: &LineIndex, bom_in_text: bool) -> SyntaxError {
    let mut err = SyntaxError::new(
        d.kind,
        d.msg,
        filename,
        lines.source(),
        d.line,
        d.col,
        d.end_col,
    );
    if bom_in_text
        && d.line == 1
        && let Some(text) = err.text.clone()
    {
        let shift = |col: u32| -> u32 {
            // The first col-1 characters as bytes, counted again as characters of the
            // line with its 3-byte BOM in front.
            let prefix: String = text.chars().take(col.saturating_sub(1) as usize).collect();
            let with_bom = format!("\u{feff}{text}");
            let bytes = &with_bom.as_bytes()[..prefix.len().min(with_bom.len())];
            String::from_utf8_lossy(bytes).chars().count() as u32 + 1
        };
        if err.col > 0 {
            err.col = shift(err.col);
            err.end_col = err.end_col.map(shift);
        }
        err.text = Some(format!("\u{feff}{text}"));
    }
    err
}
