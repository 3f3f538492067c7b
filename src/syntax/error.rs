//! The error the syntax stage reports, printed exactly as CPython 3.11 prints it.

use std::fmt;

use super::lines::LineIndex;

/// Which CPython exception class the error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The class name CPython prints before the message.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A `SyntaxError` (or subclass) with CPython's attributes.
///
/// `line == 0` means the error has no location (CPython's "Non-UTF-8 code ..." error):
/// it renders as the bare message. `col` is CPython's 1-based `offset` in characters;
/// `col == 0` means "no caret". `end_col` is CPython's `end_offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
    pub end_col: Option<u32>,
    pub text: Option<String>,
}

impl SyntaxError {
    /// Builds an error and fills `text` with source line `line` (none for line 0).
    ///
    /// ```
    /// use refscope::syntax::{SyntaxError, SyntaxErrorKind};
    /// let e = SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", "x.py", "print(1 +)\n", 1, 10, Some(11));
    /// assert_eq!(e.text.as_deref(), Some("print(1 +)"));
    /// ```
    pub fn new(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        filename: impl Into<String>,
        source: &str,
        line: u32,
        col: u32,
        end_col: Option<u32>,
    ) -> Self {
        let text = if line == 0 {
            None
        } else {
            LineIndex::new(source).line_text(line).map(str::to_string)
        };
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: filename.into(),
            line,
            col,
            end_col,
            text,
        }
    }

    /// An error on a source range, placed as CPython places errors on AST nodes: the caret
    /// runs from the range's start to its end, or to the end of the first line when the
    /// range spans lines. For the compiler's errors, e.g. `'return' outside function`.
    ///
    /// ```
    /// use refscope::syntax::{LineIndex, SyntaxError, SyntaxErrorKind};
    /// use ruff_text_size::{TextRange, TextSize};
    /// let lines = LineIndex::new("if x:\n    return 2\n");
    /// let range = TextRange::new(TextSize::new(10), TextSize::new(18));
    /// let e = SyntaxError::at_range(SyntaxErrorKind::SyntaxError, "'return' outside function", "x.py", &lines, range);
    /// assert_eq!(e.render(), "  File \"x.py\", line 2\n    return 2\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n");
    /// ```
    pub fn at_range(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        filename: impl Into<String>,
        lines: &LineIndex,
        range: ruff_text_size::TextRange,
    ) -> Self {
        let (line, col) = lines.line_col(range.start());
        let (end_line, end) = lines.line_col(range.end());
        let text = lines.line_text(line).map(str::to_string);
        let end_col = if end_line > line {
            text.as_ref()
                .map_or(col + 1, |t| t.chars().count() as u32 + 1)
        } else {
            end.max(col + 1)
        };
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: filename.into(),
            line,
            col,
            end_col: Some(end_col),
            text,
        }
    }

    /// An error without a location, rendered as the bare `Kind: msg` line.
    pub fn without_location(kind: SyntaxErrorKind, msg: impl Into<String>, filename: &str) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            line: 0,
            col: 0,
            end_col: None,
            text: None,
        }
    }

    /// What CPython 3.11 prints on stderr for this error when running `python3 file.py`.
    ///
    /// ```
    /// use refscope::syntax::parse_source;
    /// let err = parse_source("print(1 +)\n", "x.py").unwrap_err();
    /// assert_eq!(err.render(), "  File \"x.py\", line 1\n    print(1 +)\n             ^\nSyntaxError: invalid syntax\n");
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        if self.line > 0 {
            out.push_str(&format!(
                "  File \"{}\", line {}\n",
                self.filename, self.line
            ));
            if let Some(text) = &self.text {
                // SyntaxError subclasses print a single caret (pythonrun.c ignores end_offset).
                let end = match (self.kind, self.end_col) {
                    (SyntaxErrorKind::SyntaxError, Some(end)) => end as i64,
                    _ => -1,
                };
                print_error_text(&mut out, self.col as i64, end, text);
            }
        }
        out.push_str(self.kind.name());
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }
}

/// A port of CPython 3.11's `print_error_text` (Python/pythonrun.c): strip the
/// indentation, clip the caret to the line, print `^` from `offset` to `end_offset`.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    // CPython handles the text as a C string: it stops at the first NUL.
    let text = text.split('\0').next().unwrap_or("");
    let line_size = text.len() as i64 + 1; // the line as CPython holds it ends in '\n'
    let end_offset = end_offset.min(line_size + 1);
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    offset -= (text.len() - stripped.len()) as i64;
    let len = stripped.len() as i64;
    offset = offset.min(len);
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', carets as usize));
    out.push('\n');
}

impl fmt::Display for SyntaxError {
    /// `str()` of the exception with its class: `SyntaxError: msg (x.py, line 3)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.kind.name(), self.msg)
        } else {
            write!(
                f,
                "{}: {} ({}, line {})",
                self.kind.name(),
                self.msg,
                self.filename,
                self.line
            )
        }
    }
}

impl std::error::Error for SyntaxError {}
