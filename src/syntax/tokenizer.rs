//! A model of CPython 3.11's tokenizer (Parser/tokenizer.c), used only to find the errors
//! CPython raises while tokenizing: brackets, indentation, strings, number literals,
//! invalid characters, line continuations. ruff's lexer disagrees with it in places
//! (f-strings are plain strings in 3.11, number literal errors, 200 nested brackets, 100
//! indentation levels), so the syntax stage runs this first.
//!
//! It never recurses and never allocates per token: O(n) time, O(depth) memory.

mod numbers;

use super::error::SyntaxErrorKind;

/// CPython's MAXLEVEL: at most 200 open brackets.
pub(crate) const MAX_BRACKETS: usize = 200;
/// CPython's MAXINDENT: at most 99 indentation levels.
pub(crate) const MAX_INDENT: usize = 100;

/// The message of E_EOF; inside brackets the parser reports the open bracket instead.
pub(crate) const UNEXPECTED_EOF: &str = "unexpected EOF while parsing";

/// A tokenizer error, positioned as CPython positions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub line: u32,
    /// CPython's 1-based `offset` in characters (0: no caret).
    pub col: u32,
    pub end_col: Option<u32>,
    /// Byte offset in the source where the tokenizer met the error, to order it
    /// against the parser's errors.
    pub offset: usize,
    /// Raised with `syntaxerror()` (an exception is set): such errors win over any parser
    /// error, because CPython tokenizes the rest of the file after a parser error.
    /// Otherwise (indentation, line continuation) the parser must reach them.
    pub raised: bool,
}

/// A bracket still open where the tokenizer stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OpenBracket {
    pub ch: char,
    pub line: u32,
    /// 1-based character column of the bracket.
    pub col: u32,
}

/// What the tokenizer found: the first error, and the innermost open bracket where it
/// stopped (at that error or at the end of the file).
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    pub error: Option<TokError>,
    pub open: Option<OpenBracket>,
}

/// Tokenizes `source` like CPython 3.11 and reports the first error.
pub(crate) fn scan(source: &str) -> Scan {
    let mut t = Tokenizer::new(source);
    let error = t.run().err();
    let open = t.parens.last().map(|&(ch, line, off)| OpenBracket {
        ch: ch as char,
        line,
        col: t.chars_between(t.line_start_of(off), off) + 1,
    });
    Scan { error, open }
}

struct Tokenizer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    atbol: bool,
    indents: Vec<(u32, u32)>,
    /// (bracket, line, byte offset)
    parens: Vec<(u8, u32, usize)>,
}

type Step = Result<(), TokError>;

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            b: src.as_bytes(),
            pos: 0,
            line: 1,
            line_start: 0,
            atbol: true,
            indents: vec![(0, 0)],
            parens: Vec::new(),
        }
    }

    /// The character starting at byte `i`, if `i` is a character boundary.
    fn char_at(&self, i: usize) -> Option<char> {
        self.src.get(i..)?.chars().next()
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, i: usize) -> Option<u8> {
        self.b.get(self.pos + i).copied()
    }

    /// Length of the line terminator at `i` (CPython reads `\r\n` and `\r` as `\n`).
    fn newline_len(&self, i: usize) -> usize {
        match self.b.get(i) {
            Some(b'\n') => 1,
            Some(b'\r') if self.b.get(i + 1) == Some(&b'\n') => 2,
            Some(b'\r') => 1,
            _ => 0,
        }
    }

    fn at_newline(&self) -> bool {
        self.newline_len(self.pos) > 0
    }

    /// Consumes the terminator at `pos` and starts a new line.
    fn eat_newline(&mut self) {
        self.pos += self.newline_len(self.pos);
        self.line += 1;
        self.line_start = self.pos;
    }

    fn chars_between(&self, from: usize, to: usize) -> u32 {
        self.src
            .get(from..to)
            .map_or(0, |s| s.chars().count() as u32)
    }

    fn line_start_of(&self, offset: usize) -> usize {
        let before = &self.b[..offset];
        before
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map_or(0, |i| i + 1)
    }

    /// Characters of the current line, without its terminator.
    fn line_chars(&self) -> u32 {
        let mut end = self.line_start;
        while end < self.b.len() && self.newline_len(end) == 0 {
            end += 1;
        }
        self.chars_between(self.line_start, end)
    }

    /// An error raised by `syntaxerror()`: the caret sits on the character before `pos`.
    fn raise(&self, msg: impl Into<String>) -> TokError {
        let col = self.chars_between(self.line_start, self.pos);
        TokError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            line: self.line,
            col,
            end_col: Some(col),
            offset: self.pos,
            raised: true,
        }
    }

    /// An error the parser reports when it reaches the tokenizer's error token.
    fn done(&self, kind: SyntaxErrorKind, msg: &str, col: u32, offset: usize) -> TokError {
        TokError {
            kind,
            msg: msg.to_string(),
            line: self.line,
            col,
            end_col: None,
            offset,
            raised: false,
        }
    }

    fn run(&mut self) -> Step {
        loop {
            if self.atbol {
                self.atbol = false;
                self.indentation()?;
            }
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c')) {
                self.pos += 1;
            }
            let Some(c) = self.peek() else {
                return Ok(());
            };
            match c {
                b'#' => {
                    while self.pos < self.b.len() && !self.at_newline() {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    self.eat_newline();
                    self.atbol = true;
                }
                b'\\' => self.continuation()?,
                b'0'..=b'9' => self.number()?,
                b'.' if matches!(self.peek_at(1), Some(b'0'..=b'9')) => self.number()?,
                b'"' | b'\'' => self.string(self.pos)?,
                b'(' | b'[' | b'{' => {
                    self.pos += 1;
                    if self.parens.len() >= MAX_BRACKETS {
                        return Err(self.raise("too many nested parentheses"));
                    }
                    self.parens.push((c, self.line, self.pos - 1));
                }
                b')' | b']' | b'}' => {
                    self.pos += 1;
                    self.close_bracket(c)?;
                }
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name()?,
                _ => self.pos += 1,
            }
        }
    }

    /// Measures the indentation of a new line and checks it against the stack
    /// (columns with tabs to 8 and, for TabError, tabs to 1).
    fn indentation(&mut self) -> Step {
        let (mut col, mut altcol) = (0u32, 0u32);
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let blank = match self.peek() {
            None | Some(b'#' | b'\n' | b'\r') => true,
            // A backslash-newline right after the indentation: CPython treats the line
            // as a continuation; keep it simple and judge the indentation.
            _ => false,
        };
        if blank || !self.parens.is_empty() {
            return Ok(());
        }
        let tab_error = |t: &Self| {
            t.done(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                1,
                t.line_start,
            )
        };
        let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.done(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    1,
                    self.line_start,
                ));
            }
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            self.indents.push((col, altcol));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |i| i.0) {
                self.indents.pop();
            }
            let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(self.done(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    self.line_chars() + 1,
                    self.line_start,
                ));
            }
            if altcol != alttop {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    fn continuation(&mut self) -> Step {
        let backslash = self.pos;
        self.pos += 1;
        if !self.at_newline() {
            if self.pos >= self.b.len() {
                // The file ends right after the backslash (CPython adds the newline).
                return Err(self.eof_after_continuation(backslash));
            }
            // CPython: the caret sits on the character after the backslash.
            let col = self.chars_between(self.line_start, self.pos) + 1;
            let mut e = self.done(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character",
                col,
                backslash,
            );
            e.end_col = None;
            return Err(e);
        }
        let (line, line_start) = (self.line, self.line_start);
        self.eat_newline();
        if self.pos >= self.b.len() {
            self.line = line;
            self.line_start = line_start;
            return Err(self.eof_after_continuation(backslash));
        }
        Ok(())
    }

    fn eof_after_continuation(&self, backslash: usize) -> TokError {
        let mut e = self.done(
            SyntaxErrorKind::SyntaxError,
            UNEXPECTED_EOF,
            self.line_chars() + 1,
            backslash,
        );
        e.end_col = None;
        e
    }

    fn close_bracket(&mut self, c: u8) -> Step {
        let Some((open, open_line, _)) = self.parens.pop() else {
            return Err(self.raise(format!("unmatched '{}'", c as char)));
        };
        let matching = matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matching {
            let msg = if open_line != self.line {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    c as char, open as char, open_line
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    c as char, open as char
                )
            };
            return Err(self.raise(msg));
        }
        Ok(())
    }

    /// An identifier, a keyword, or a string prefix followed by its string.
    fn name(&mut self) -> Step {
        let start = self.pos;
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        while let Some(c) = self.peek() {
            let c = c.to_ascii_lowercase();
            if c == b'b' && !(saw_b || saw_u || saw_f) {
                saw_b = true;
            } else if c == b'u' && !(saw_b || saw_u || saw_r || saw_f) {
                saw_u = true;
            } else if c == b'r' && !(saw_r || saw_u) {
                saw_r = true;
            } else if c == b'f' && !(saw_f || saw_b || saw_u) {
                saw_f = true;
            } else {
                break;
            }
            self.pos += 1;
            if matches!(self.peek(), Some(b'"' | b'\'')) {
                return self.string(start);
            }
        }
        let mut non_ascii = false;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.pos += 1;
            } else if c >= 0x80 {
                non_ascii = true;
                self.pos += self.char_at(self.pos).map_or(1, char::len_utf8);
            } else {
                break;
            }
        }
        if non_ascii {
            self.verify_identifier(start)?;
        }
        Ok(())
    }

    /// CPython's `verify_identifier`: the first character that is not XID_Start (or `_`)
    /// at the start, or not XID_Continue after it, is an invalid character.
    fn verify_identifier(&mut self, start: usize) -> Step {
        let ident = &self.src[start..self.pos];
        for (i, (at, ch)) in ident.char_indices().enumerate() {
            let ok = if i == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !ok {
                self.pos = start + at + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.raise(msg));
            }
        }
        Ok(())
    }

    /// A string literal from `start` (its prefix) with the quote at `pos`.
    fn string(&mut self, start: usize) -> Step {
        let quote = self.b[self.pos];
        let (first_line, first_line_start) = (self.line, self.line_start);
        self.pos += 1;
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.pos += 2;
        } else if self.peek() == Some(quote) {
            self.pos += 1;
            return Ok(());
        }
        let quote_size = if triple { 3 } else { 1 };
        let mut end_quotes = 0;
        while end_quotes != quote_size {
            let at_eof = self.pos >= self.b.len();
            if at_eof || (!triple && self.at_newline()) {
                // CPython counts lines read: at the end of a file that ends with a
                // newline, the last line read is the one before.
                let detected = if at_eof && self.line_start == self.pos && self.line > 1 {
                    self.line - 1
                } else {
                    self.line
                };
                self.pos = start + 1;
                self.line = first_line;
                self.line_start = first_line_start;
                let what = if triple {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                return Err(self.raise(format!("{what} (detected at line {detected})")));
            }
            if self.at_newline() {
                self.eat_newline();
                end_quotes = 0;
                continue;
            }
            let c = self.b[self.pos];
            self.pos += 1;
            if c == quote {
                end_quotes += 1;
            } else {
                end_quotes = 0;
                if c == b'\\' && self.pos < self.b.len() {
                    if self.at_newline() {
                        self.eat_newline();
                    } else {
                        self.pos += self.char_at(self.pos).map_or(1, char::len_utf8);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Python's `str.isprintable` for one character, closely enough for error messages.
fn is_printable(ch: char) -> bool {
    !(ch.is_control()
        || (ch.is_whitespace() && ch != ' ')
        || matches!(ch as u32, 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFEFF | 0xAD))
}
