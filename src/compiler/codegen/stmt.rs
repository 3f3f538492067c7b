//! Statements (CPython's `compiler_visit_stmt`).

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Compiler, NameOp, Result};
use crate::compiler::code::{Const, Instr};
use crate::compiler::fold;

/// The docstring of a body: its first statement, when that is a plain string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(Rc::from(s.value.to_str())),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// Stores a module or class docstring to `__doc__` and returns the rest of the body.
    pub(super) fn module_docstring(&mut self, body: &'a [Stmt]) -> Result<&'a [Stmt]> {
        let Some(doc) = docstring(body) else {
            return Ok(body);
        };
        self.unit.line = self.line_of(body[0].range());
        self.load_const(Const::Str(doc.clone()));
        let i = self.name_index("__doc__");
        self.emit(Instr::StoreName(i));
        self.unit.doc = Some(doc);
        Ok(&body[1..])
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
        self.unit.line = self.line_of(stmt.range());
        self.unit.stmt_range = stmt.range();
        match stmt {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => self.assign(a),
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Raise(r) => self.raise(r),
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => self.assert(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.expr_stmt(&e.value),
            Stmt::Pass(_) => {
                self.emit(Instr::Nop);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::TypeAlias(t) => Err(self.unsupported(t.range, "the type statement is")),
            Stmt::IpyEscapeCommand(i) => {
                Err(self.unsupported(i.range, "IPython escape commands are"))
            }
        }
    }

    fn expr_stmt(&mut self, value: &'a Expr) -> Result<()> {
        if fold::fold(value).is_some() {
            self.emit(Instr::Nop);
            return Ok(());
        }
        self.expr(value)?;
        self.emit_noline(Instr::PopTop);
        Ok(())
    }

    fn raise(&mut self, r: &'a ast::StmtRaise) -> Result<()> {
        let mut n = 0;
        if let Some(exc) = &r.exc {
            self.expr(exc)?;
            n = 1;
            if let Some(cause) = &r.cause {
                self.expr(cause)?;
                n = 2;
            }
        }
        self.emit(Instr::Raise(n));
        Ok(())
    }

    fn assert(&mut self, a: &'a ast::StmtAssert) -> Result<()> {
        let end = self.new_label();
        self.jump_if(&a.test, end, true)?;
        self.emit(Instr::LoadAssertionError);
        if let Some(msg) = &a.msg {
            self.expr(msg)?;
            self.emit(Instr::Call(0));
        }
        self.emit(Instr::Raise(1));
        self.bind(end);
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> Result<()> {
        for alias in &i.names {
            let name = alias.name.id.as_str();
            let idx = self.name_index(name);
            self.emit(Instr::ImportName(idx));
            // `import a.b` binds the package `a` (once `a.b` is imported); `import a.b
            // as c` binds the module `a.b`.
            let stored = match (&alias.asname, name.split_once('.')) {
                (Some(a), _) => a.id.as_str(),
                (None, Some((top, _))) => {
                    self.emit(Instr::PopTop);
                    let top_idx = self.name_index(top);
                    self.emit(Instr::ImportName(top_idx));
                    top
                }
                (None, None) => name,
            };
            self.name_op(stored, NameOp::Store);
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> Result<()> {
        let module = i.module.as_ref().map_or("", |m| m.id.as_str());
        if i.level > 0 {
            return Err(self.unsupported(i.range, "relative imports are"));
        }
        let idx = self.name_index(module);
        self.emit(Instr::ImportName(idx));
        for alias in &i.names {
            let name = alias.name.id.as_str();
            if name == "*" {
                self.emit(Instr::ImportStar);
                return Ok(());
            }
            let idx = self.name_index(name);
            self.emit(Instr::ImportFrom(idx));
            let stored = alias.asname.as_ref().map_or(name, |a| a.id.as_str());
            self.name_op(stored, NameOp::Store);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }

    fn assign(&mut self, a: &'a ast::StmtAssign) -> Result<()> {
        if let [target] = &a.targets[..]
            && self.swap_assign(target, &a.value)?
        {
            return Ok(());
        }
        self.expr(&a.value)?;
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Instr::Copy(1));
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    /// `a, b = x, y` (2 or 3 items) builds no tuple: the values are swapped into place,
    /// as CPython's peephole turns `BUILD_TUPLE n; UNPACK_SEQUENCE n` into `SWAP n`.
    fn swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> Result<bool> {
        let targets = match target {
            Expr::Tuple(t) => &t.elts,
            Expr::List(l) => &l.elts,
            _ => return Ok(false),
        };
        let Expr::Tuple(values) = value else {
            return Ok(false);
        };
        let n = values.elts.len();
        let starred = |e: &Expr| matches!(e, Expr::Starred(_));
        if n != targets.len()
            || !(2..=3).contains(&n)
            || values.elts.iter().any(starred)
            || targets.iter().any(starred)
            || fold::fold(value).is_some()
        {
            return Ok(false);
        }
        let line = self.line_of(value.range());
        for v in &values.elts {
            self.expr(v)?;
        }
        self.at_line(line, |c| c.emit(Instr::Swap(n as u32)));
        for t in targets {
            self.store_target(t)?;
        }
        Ok(true)
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> Result<()> {
        let op = super::expr::binop(a.op) + crate::compiler::code::BinOp::INPLACE;
        match &*a.target {
            Expr::Name(n) => {
                self.at_line(self.line_of(n.range), |c| c.name_op(&n.id, NameOp::Load));
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.at_line(self.line_of(n.range), |c| c.name_op(&n.id, NameOp::Store));
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                let name = self.mangle(&at.attr.id);
                let idx = self.name_index(&name);
                let line = self.attr_line(at);
                self.at_line(line, |c| {
                    c.emit(Instr::Copy(1));
                    c.emit(Instr::LoadAttr(idx));
                });
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.at_line(line, |c| {
                    c.emit(Instr::Swap(2));
                    c.emit(Instr::StoreAttr(idx));
                });
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_key(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => {
                return Err(self.syntax_error(
                    other.range(),
                    "'expression' is an illegal expression for augmented assignment",
                ));
            }
        }
        Ok(())
    }

    /// `x: T = v` stores v, then (in a module or class body) evaluates T and stores it in
    /// `__annotations__` under the (mangled) name, as CPython 3.11 does without
    /// `from __future__ import annotations`. A function's local annotation is not
    /// evaluated; a complex target (`a.b: T`, `a[i]: T`) evaluates its parts when there is
    /// no value, and its annotation (module and class bodies), and keeps neither.
    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> Result<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let evaluated = !self.unit.kind.is_function();
        match &*a.target {
            Expr::Name(n) if a.simple && evaluated => {
                self.annotation(&a.annotation)?;
                let ann = self.name_index("__annotations__");
                self.emit(Instr::LoadName(ann));
                let name = self.mangle(&n.id);
                self.load_const(Const::Str(Rc::from(name.as_str())));
                self.emit(Instr::StoreSubscr);
                return Ok(());
            }
            Expr::Attribute(t) if a.value.is_none() => {
                self.expr(&t.value)?;
                self.emit(Instr::PopTop);
            }
            Expr::Subscript(t) if a.value.is_none() => {
                self.expr(&t.value)?;
                self.emit(Instr::PopTop);
                let parts: Vec<&'a Expr> = match &*t.slice {
                    Expr::Slice(s) => [&s.lower, &s.upper, &s.step]
                        .into_iter()
                        .flatten()
                        .map(|e| &**e)
                        .collect(),
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    other => vec![other],
                };
                for e in parts {
                    self.expr(e)?;
                    self.emit(Instr::PopTop);
                }
            }
            _ => {}
        }
        // (Under `from __future__ import annotations` a complex target's annotation is
        // not even evaluated.)
        if evaluated && !self.ctx.future_annotations {
            self.expr(&a.annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    /// An annotation's value: evaluated, or under `from __future__ import annotations`
    /// the string of its source (CPython gives its unparsed text; the two differ only in
    /// spacing and quotes).
    pub(super) fn annotation(&mut self, e: &'a Expr) -> Result<()> {
        if self.ctx.future_annotations {
            let text = self.ctx.lines.text(e.range());
            self.load_const(Const::Str(Rc::from(text)));
            return Ok(());
        }
        self.expr(e)
    }

    /// `SetupAnnotations` first in a module or class body that annotates a name anywhere
    /// outside nested functions and classes (CPython's `find_ann`).
    pub(super) fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if find_ann(body) {
            self.emit(Instr::SetupAnnotations);
        }
    }
}

/// Whether a body has an annotated assignment, looking into compound statements as
/// CPython 3.11's `find_ann` does (not into `match`, functions or classes).
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        _ => false,
    })
}
