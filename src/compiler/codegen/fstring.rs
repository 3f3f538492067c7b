//! f-strings (CPython's `compiler_joined_str`) and `'%s' % (x, y)` with a literal format,
//! which CPython 3.11's AST optimizer turns into an f-string (`optimize_format`), so no
//! argument tuple is built.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::expr::STACK_USE_GUIDELINE;
use super::{Compiler, INHERIT, Result};
use crate::compiler::code::{Const, Instr};
use crate::compiler::fold;

impl<'a> Compiler<'a> {
    pub(super) fn fstring(&mut self, f: &'a ast::ExprFString) -> Result<()> {
        if let Some(c) = fold::fstring_literal(f) {
            self.load_const(c);
            return Ok(());
        }
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(lit) => push_literal(&mut pieces, &lit.value),
                ast::FStringPart::FString(fs) => collect_pieces(&mut pieces, &fs.elements),
            }
        }
        self.joined(&pieces)
    }

    /// Builds a string from literal pieces and formatted values (CPython's `compiler_joined_str`).
    fn joined(&mut self, pieces: &[Piece<'a>]) -> Result<()> {
        if pieces.len() > STACK_USE_GUIDELINE {
            self.load_const(Const::Str(Rc::from("")));
            let join = self.name_index("join");
            self.emit(Instr::LoadMethod(join));
            self.emit(Instr::BuildList(0));
            for p in pieces {
                self.piece(p)?;
                self.emit(Instr::ListAppend(1));
            }
            self.emit(Instr::Call(1));
            return Ok(());
        }
        for p in pieces {
            self.piece(p)?;
        }
        if pieces.len() != 1 {
            self.emit(Instr::BuildString(pieces.len() as u32));
        }
        Ok(())
    }

    fn piece(&mut self, p: &Piece<'a>) -> Result<()> {
        match p {
            Piece::Literal(s) => self.load_const(Const::Str(Rc::from(s.as_str()))),
            Piece::Percent(lit) => {
                let saved = self.unit.line;
                self.unit.line = INHERIT;
                self.load_const(Const::Str(Rc::from(lit.as_str())));
                self.unit.line = saved;
            }
            Piece::Arg {
                value,
                conversion,
                spec,
            } => {
                let line = self.line_of(value.range());
                let saved = self.unit.line;
                self.unit.line = line;
                self.expr(value)?;
                let mut flags = *conversion;
                if let Some(spec) = spec {
                    self.load_const(Const::Str(Rc::from(spec.as_str())));
                    flags |= 4;
                }
                self.emit(Instr::FormatValue(flags));
                self.unit.line = saved;
            }
            Piece::Value(i) => {
                self.expr(&i.expression)?;
                let mut conversion = match i.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if i.debug_text.is_some() && conversion == 0 && i.format_spec.is_none() {
                    conversion = 2;
                }
                let mut flags = conversion;
                if let Some(spec) = &i.format_spec {
                    let mut spec_pieces = Vec::new();
                    collect_pieces(&mut spec_pieces, &spec.elements);
                    if spec_pieces.is_empty() {
                        spec_pieces.push(Piece::Literal(String::new()));
                    }
                    self.joined(&spec_pieces)?;
                    flags |= 4;
                }
                self.emit(Instr::FormatValue(flags));
            }
        }
        Ok(())
    }

    /// `'fmt' % (a, b)` as an f-string, when every conversion is a simple `%s`, `%r` or
    /// `%a` and the argument count matches. Returns false (nothing emitted) otherwise.
    pub(super) fn percent_format(&mut self, fmt: &str, args: &'a [Expr]) -> Result<bool> {
        let Some(pieces) = parse_percent(fmt, args) else {
            return Ok(false);
        };
        self.joined(&pieces)?;
        Ok(true)
    }
}

/// A piece of an f-string: literal text (adjacent literals merged) or a replacement field.
pub(super) enum Piece<'a> {
    Literal(String),
    Value(&'a ast::InterpolatedElement),
    /// Literal text of a `'...' % (...)` format (it has no line of its own).
    Percent(String),
    /// One `%s`/`%r`/`%a` argument of a `'...' % (...)` format.
    Arg {
        value: &'a Expr,
        conversion: u32,
        spec: Option<String>,
    },
}

fn push_literal(pieces: &mut Vec<Piece>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Literal(prev)) = pieces.last_mut() {
        prev.push_str(s);
    } else {
        pieces.push(Piece::Literal(s.to_string()));
    }
}

fn collect_pieces<'a>(pieces: &mut Vec<Piece<'a>>, elements: &'a ast::InterpolatedStringElements) {
    for el in elements.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(lit) => push_literal(pieces, &lit.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    push_literal(pieces, debug.as_str());
                }
                pieces.push(Piece::Value(i));
            }
        }
    }
}

/// Splits a `%` format into literal text and simple conversions (CPython's
/// `optimize_format`, `parse_literal` and `parse_format`).
fn parse_percent<'a>(fmt: &str, args: &'a [Expr]) -> Option<Vec<Piece<'a>>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut args = args.iter();
    loop {
        let mut lit = String::new();
        while pos < chars.len() {
            if chars[pos] != '%' {
                lit.push(chars[pos]);
                pos += 1;
            } else if chars.get(pos + 1) == Some(&'%') {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Percent(lit));
        }
        if pos >= chars.len() {
            break;
        }
        let value = args.next()?;
        pos += 1;
        let (conversion, spec) = parse_spec(&chars, &mut pos)?;
        pieces.push(Piece::Arg {
            value,
            conversion,
            spec,
        });
    }
    if args.next().is_some() {
        return None;
    }
    Some(pieces)
}

/// One conversion after its `%`: flags, width and precision (at most 2 digits each), then
/// `s`, `r` or `a`. Returns the FormatValue conversion and the format spec.
fn parse_spec(chars: &[char], pos: &mut usize) -> Option<(u32, Option<String>)> {
    let mut next = || {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut ljust = false;
    let mut ch = next()?;
    while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
        ljust |= ch == '-';
        ch = next()?;
    }
    let mut width = None;
    if ch.is_ascii_digit() {
        let mut w = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            w = w * 10 + d;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        width = Some(w);
    }
    let mut prec = None;
    if ch == '.' {
        ch = next()?;
        let mut p = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            p = p * 10 + d;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        prec = Some(p);
    }
    let conversion = match ch {
        's' => 1,
        'r' => 2,
        'a' => 3,
        _ => return None,
    };
    let mut spec = String::new();
    if let Some(w) = width {
        if !ljust && w > 0 {
            spec.push('>');
        }
        spec.push_str(&w.to_string());
    }
    if let Some(p) = prec {
        spec.push_str(&format!(".{p}"));
    }
    Some((conversion, (!spec.is_empty()).then_some(spec)))
}
