//! Code generation: one [`Unit`] per code object being built, with its instructions,
//! constant and name tables, labels, line table and fblock stack (CPython's
//! `compiler_unit`).
//!
//! Statements, expressions, assignment targets, calls, control flow (loops, try, with)
//! and nested scopes (functions, classes, lambdas, comprehensions) each have their own
//! file. Instructions carry the line of the AST node that produced them; "artificial"
//! instructions inherit the line of the instruction before them, as CPython 3.11's
//! line-number propagation does. Nothing here touches the heap.

mod assemble;
mod call;
mod consts;
mod control;
mod expr;
mod fstring;
mod handlers;
mod patterns;
mod scope;
mod stmt;
mod target;

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::CompileError;
use super::code::{CodeObject, Const, Instr};
use super::lines::LineIndex;
use super::symtable::{NameScope, ScopeKind, SymbolTable, mangle};
use consts::ConstKey;
use control::FBlock;

pub(crate) type Result<T> = std::result::Result<T, CompileError>;

/// What every unit of one compilation shares.
pub(crate) struct Context<'a> {
    pub lines: &'a LineIndex<'a>,
    pub table: &'a SymbolTable,
    pub filename: Rc<str>,
    /// `from __future__ import annotations` (PEP 563): annotations are kept as the
    /// strings of their source, not evaluated.
    pub future_annotations: bool,
}

/// A jump target, resolved to an instruction index when the unit is finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// `Unit::line` value meaning "take the line of the previous instruction".
const INHERIT: u32 = u32::MAX;
/// Line of artificial instructions that must never start a line event (CPython's `None`).
pub(crate) const NO_LINE: u32 = 0;

/// A code object under construction.
pub(crate) struct Unit<'a> {
    scope: usize,
    kind: ScopeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    first_line: u32,
    flags: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    names: Vec<Rc<str>>,
    consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    /// The constants the source's literals made (see [`CodeObject::arena`]).
    arena: Vec<Const>,
    code: Vec<Instr>,
    lines: Vec<u32>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    /// The statement being compiled (where a block nested too deep is reported).
    stmt_range: TextRange,
    /// The line given to the next instruction.
    line: u32,
    doc: Option<Rc<str>>,
    private: Option<String>,
    /// Index of the implicit `return None` at the end, when there is one.
    implicit_return: Option<usize>,
    /// Artificial jumps (no line) whose copy of the implicit return still takes a line:
    /// (jump index, line). CPython's `except*` ends that way.
    exit_lines: Vec<(usize, u32)>,
    /// Instructions that end a line for the tracer (see `CodeObject::line_breaks`).
    line_breaks: Vec<usize>,
    /// The instruction index labels were last bound to (a join point), and those labels.
    join: Option<usize>,
    join_labels: Vec<u32>,
    /// For each label, the lines of the forward jumps emitted to it before it was bound.
    label_sources: Vec<Vec<u32>>,
}

/// The code generator: the unit being built and the units enclosing it.
pub(crate) struct Compiler<'a> {
    ctx: &'a Context<'a>,
    unit: Unit<'a>,
    parents: Vec<Unit<'a>>,
}

/// Compiles module-level statements into a `<module>` code object.
/// The code of `eval()`: one expression, whose value it returns.
pub(crate) fn compile_eval<'a>(ctx: &'a Context<'a>, expr: &'a Expr) -> Result<Rc<CodeObject>> {
    let unit = Unit::new(ctx, 0, "<module>".into(), "<module>".into(), 1);
    let mut c = Compiler {
        ctx,
        unit,
        parents: Vec::new(),
    };
    c.unit.line = c.line_of(expr.range());
    c.unit.flags |= super::code::flags::MODULE;
    c.expr(expr)?;
    c.emit(Instr::ReturnValue);
    Ok(Rc::new(c.unit.finish(ctx)))
}

pub(crate) fn compile_module<'a>(
    ctx: &'a Context<'a>,
    body: &'a [Stmt],
    docstring_allowed: bool,
) -> Result<Rc<CodeObject>> {
    let unit = Unit::new(ctx, 0, "<module>".into(), "<module>".into(), 1);
    let mut c = Compiler {
        ctx,
        unit,
        parents: Vec::new(),
    };
    if let Some(first) = body.first() {
        c.unit.line = c.line_of(first.range());
    }
    c.unit.flags |= super::code::flags::MODULE;
    c.setup_annotations(body);
    let body = if docstring_allowed {
        c.module_docstring(body)?
    } else {
        body
    };
    c.stmts(body)?;
    c.implicit_return();
    Ok(Rc::new(c.unit.finish(ctx)))
}

impl<'a> Unit<'a> {
    fn new(ctx: &Context, scope: usize, name: Rc<str>, qualname: Rc<str>, first_line: u32) -> Self {
        let s = &ctx.table.scopes[scope];
        let rc = |v: Vec<String>| v.into_iter().map(Rc::from).collect::<Vec<Rc<str>>>();
        let varnames = if s.kind.is_function() {
            rc(s.params.clone())
        } else {
            Vec::new()
        };
        Unit {
            scope,
            kind: s.kind,
            name,
            qualname,
            first_line,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varnames,
            cellvars: rc(s.cellvars()),
            freevars: rc(s.freevars()),
            names: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            arena: Vec::new(),
            code: Vec::new(),
            lines: Vec::new(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            stmt_range: TextRange::default(),
            line: first_line,
            doc: None,
            private: s.private.clone(),
            implicit_return: None,
            exit_lines: Vec::new(),
            line_breaks: Vec::new(),
            join: None,
            join_labels: Vec::new(),
            label_sources: Vec::new(),
        }
    }
}

impl<'a> Compiler<'a> {
    fn line_of(&self, range: TextRange) -> u32 {
        self.ctx.lines.line(range.start())
    }

    fn pos(&self, range: TextRange) -> (u32, u32) {
        self.ctx.lines.line_col(range.start())
    }

    fn syntax_error(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        CompileError::syntax(msg, self.pos(range)).ending_at(self.ctx.lines.line_col(range.end()))
    }

    fn unsupported(&self, range: TextRange, what: &str) -> CompileError {
        let msg = format!("{what} not supported by refscope yet");
        CompileError::unsupported(msg, self.pos(range))
    }

    /// Emits one instruction at the current line.
    fn emit(&mut self, instr: Instr) {
        let line = if self.unit.line == INHERIT {
            self.prev_line()
        } else {
            self.unit.line
        };
        self.emit_at(instr, line);
    }

    fn emit_at(&mut self, instr: Instr, line: u32) {
        self.unit.code.push(instr);
        self.unit.lines.push(line);
    }

    /// Emits an artificial instruction: it takes the line of the instruction before it, or
    /// no line at all where control flow joins (CPython's line propagation).
    fn emit_noline(&mut self, instr: Instr) {
        let here = self.unit.code.len();
        let after_exit = self.unit.code.last().is_some_and(|i| {
            matches!(
                i,
                Instr::Jump(_) | Instr::ReturnValue | Instr::Reraise | Instr::Raise(_)
            )
        });
        let line = if self.unit.join == Some(here) {
            // Inherit only from a single predecessor, as CPython's line propagation does.
            let u = &self.unit;
            let mut sources = u
                .join_labels
                .iter()
                .flat_map(|&l| u.label_sources.get(l as usize).into_iter().flatten());
            match (sources.next(), sources.next(), after_exit) {
                (Some(&line), None, true) => line,
                (None, _, false) => self.prev_line(),
                _ => NO_LINE,
            }
        } else if after_exit || self.unit.lines.last() == Some(&NO_LINE) {
            // (After an instruction without a line, in the same block: none either.)
            NO_LINE
        } else {
            self.prev_line()
        };
        self.emit_at(instr, line);
    }

    fn prev_line(&self) -> u32 {
        self.unit
            .lines
            .iter()
            .rev()
            .copied()
            .find(|&l| l != NO_LINE)
            .unwrap_or(self.unit.first_line)
    }

    fn new_label(&mut self) -> Label {
        self.unit.labels.push(u32::MAX);
        self.unit.label_sources.push(Vec::new());
        Label(self.unit.labels.len() as u32 - 1)
    }

    fn bind(&mut self, label: Label) {
        if let Some(slot) = self.unit.labels.get_mut(label.0 as usize) {
            *slot = self.unit.code.len() as u32;
        }
        let here = self.unit.code.len();
        if self.unit.join != Some(here) {
            self.unit.join = Some(here);
            self.unit.join_labels.clear();
        }
        self.unit.join_labels.push(label.0);
    }

    /// Emits a jump-like instruction to `label` (`make` builds it from the label id).
    fn emit_jump(&mut self, make: fn(u32) -> Instr, label: Label) {
        self.emit(make(label.0));
        self.note_jump_source(label);
    }

    fn emit_jump_noline(&mut self, make: fn(u32) -> Instr, label: Label) {
        self.emit_noline(make(label.0));
        self.note_jump_source(label);
    }

    /// Remembers the line of a forward jump to a label not bound yet.
    fn note_jump_source(&mut self, label: Label) {
        let line = self.unit.lines.last().copied().unwrap_or(NO_LINE);
        let i = label.0 as usize;
        if self.unit.labels.get(i) == Some(&u32::MAX)
            && let Some(sources) = self.unit.label_sources.get_mut(i)
        {
            sources.push(line);
        }
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.unit.names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        self.unit.names.push(Rc::from(name));
        self.unit.names.len() as u32 - 1
    }

    /// A name mangled for the current class (`__x` → `_C__x`).
    fn mangle(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name)
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.unit.varnames.iter().position(|n| &**n == name) {
            return i as u32;
        }
        self.unit.varnames.push(Rc::from(name));
        self.unit.varnames.len() as u32 - 1
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    fn deref_index(&self, name: &str) -> u32 {
        if let Some(i) = self.unit.cellvars.iter().position(|n| &**n == name) {
            return i as u32;
        }
        let i = self.unit.freevars.iter().position(|n| &**n == name);
        (self.unit.cellvars.len() + i.unwrap_or(0)) as u32
    }

    /// Loads, stores or deletes a variable, choosing the instruction from its scope
    /// (CPython's `compiler_nameop`).
    fn name_op(&mut self, name: &str, op: NameOp) {
        let mangled = self.mangle(name);
        let scope = self.ctx.table.scopes[self.unit.scope].lookup(&mangled);
        let function = self.unit.kind.is_function();
        let instr = match scope {
            NameScope::Free | NameScope::Cell => {
                let i = self.deref_index(&mangled);
                match op {
                    NameOp::Load if self.unit.kind == ScopeKind::Class => Instr::LoadClassDeref(i),
                    NameOp::Load => Instr::LoadDeref(i),
                    NameOp::Store => Instr::StoreDeref(i),
                    NameOp::Delete => Instr::DeleteDeref(i),
                }
            }
            NameScope::Local if function => {
                let i = self.varname_index(&mangled);
                match op {
                    NameOp::Load => Instr::LoadFast(i),
                    NameOp::Store => Instr::StoreFast(i),
                    NameOp::Delete => Instr::DeleteFast(i),
                }
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if function || scope == NameScope::GlobalExplicit =>
            {
                let i = self.name_index(&mangled);
                match op {
                    NameOp::Load => Instr::LoadGlobal(i),
                    NameOp::Store => Instr::StoreGlobal(i),
                    NameOp::Delete => Instr::DeleteGlobal(i),
                }
            }
            _ => {
                let i = self.name_index(&mangled);
                match op {
                    NameOp::Load => Instr::LoadName(i),
                    NameOp::Store => Instr::StoreName(i),
                    NameOp::Delete => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
    }

    /// Enters a block that `break`, `continue` and `return` unwind. CPython allows 20
    /// nested in one function (`CO_MAXBLOCKS`); a 21st is a SyntaxError.
    fn push_fblock(&mut self, block: FBlock<'a>) -> Result<()> {
        if self.unit.fblocks.len() >= 20 {
            return Err(
                self.syntax_error(self.unit.stmt_range, "too many statically nested blocks")
            );
        }
        self.unit.fblocks.push(block);
        Ok(())
    }

    /// Runs `f` with the current line set to `line`, restoring it afterwards.
    fn at_line<T>(&mut self, line: u32, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.unit.line;
        self.unit.line = line;
        let r = f(self);
        self.unit.line = saved;
        r
    }

    /// Ends the unit with `return None`, taking the line of whatever ran last.
    fn implicit_return(&mut self) {
        self.unit.implicit_return = Some(self.unit.code.len());
        let none = self.add_const(Const::None);
        let line = self.prev_line();
        self.emit_at(Instr::LoadConst(none), line);
        self.emit_at(Instr::ReturnValue, line);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}
