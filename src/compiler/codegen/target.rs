//! Assignment and deletion targets: names, attributes, subscripts and (starred) unpacking.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::{Compiler, NameOp, Result};
use crate::compiler::code::Instr;

impl<'a> Compiler<'a> {
    /// The line of an attribute's instructions: the line of the attribute name when the
    /// expression spans lines (CPython's `update_start_location_to_match_attr`).
    pub(super) fn attr_line(&self, at: &ast::ExprAttribute) -> u32 {
        self.ctx.lines.line(at.range.end())
    }

    /// Stores TOS into `target`.
    pub(super) fn store_target(&mut self, target: &'a Expr) -> Result<()> {
        let line = self.line_of(target.range());
        let saved = self.unit.line;
        self.unit.line = line;
        let r = self.store_target1(target);
        self.unit.line = saved;
        r
    }

    fn store_target1(&mut self, target: &'a Expr) -> Result<()> {
        match target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.syntax_error(n.range, "cannot assign to __debug__"));
                }
                self.name_op(&n.id, NameOp::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                let idx = self.attr_index(&at.attr.id);
                let line = self.attr_line(at);
                self.at_line(line, |c| c.emit(Instr::StoreAttr(idx)));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_key(&s.slice)?;
                self.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(t) => self.unpack(&t.elts, target)?,
            Expr::List(l) => self.unpack(&l.elts, target)?,
            Expr::Starred(s) => {
                return Err(self.syntax_error(
                    s.range,
                    "starred assignment target must be in a list or tuple",
                ));
            }
            other => {
                let what = describe(other);
                return Err(self.syntax_error(other.range(), format!("cannot assign to {what}")));
            }
        }
        Ok(())
    }

    fn unpack(&mut self, elts: &'a [Expr], whole: &'a Expr) -> Result<()> {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if star.is_some() {
                    return Err(self.syntax_error(
                        whole.range(),
                        "multiple starred expressions in assignment",
                    ));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return Err(self.syntax_error(
                        whole.range(),
                        "too many expressions in star-unpacking assignment",
                    ));
                }
                self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
            }
            None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                e => self.store_target(e)?,
            }
        }
        Ok(())
    }

    pub(super) fn delete_target(&mut self, target: &'a Expr) -> Result<()> {
        let line = self.line_of(target.range());
        self.unit.line = line;
        match target {
            Expr::Name(n) => self.name_op(&n.id, NameOp::Delete),
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                let idx = self.attr_index(&at.attr.id);
                let line = self.attr_line(at);
                self.at_line(line, |c| c.emit(Instr::DeleteAttr(idx)));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_key(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.delete_target(e))?,
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.delete_target(e))?,
            other => {
                let what = describe(other);
                return Err(self.syntax_error(other.range(), format!("cannot delete {what}")));
            }
        }
        Ok(())
    }

    /// The key of a subscript: a slice becomes `BuildSlice`.
    pub(super) fn subscript_key(&mut self, key: &'a Expr) -> Result<()> {
        let Expr::Slice(s) = key else {
            return self.expr(key);
        };
        let line = self.line_of(s.range);
        self.at_line(line, |c| -> Result<()> {
            for part in [&s.lower, &s.upper] {
                match part {
                    Some(e) => c.expr(e)?,
                    None => c.load_const(crate::compiler::code::Const::None),
                }
            }
            match &s.step {
                Some(step) => {
                    c.expr(step)?;
                    c.emit(Instr::BuildSlice(3));
                }
                None => c.emit(Instr::BuildSlice(2)),
            }
            Ok(())
        })
    }

    pub(super) fn attr_index(&mut self, attr: &str) -> u32 {
        let name = self.mangle(attr);
        self.name_index(&name)
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::Lambda(_) => "lambda",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        _ => "literal",
    }
}
