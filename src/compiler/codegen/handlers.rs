//! `try` and `with`: the handler blocks they push and the code at each handler.
//!
//! Stack layout at the handlers (see `code.rs` for the block stack):
//! - `try` body: `SetupFinally(H)`; at `H` the stack is `exc` and an except-handler block
//!   is on the block stack until `PopExcept`.
//! - `except E as e:` body: `e` is stored, then `SetupFinally(C)` guards the body; at `C`
//!   (artificial, line 0) `e = None; del e; Reraise`. The normal end is
//!   `PopBlock; PopExcept; e = None; del e`.
//! - `finally` on the exception path: stack `exc`, then the final body, then `Reraise`.
//! - `with`: `SetupWith(H)` leaves `exit, enter_result`; at `H` the stack is `exit, exc`.

use ruff_python_ast as ast;

use super::control::FBlock;
use super::{Compiler, Label, NO_LINE, NameOp, Result};
use crate::compiler::code::{Const, Instr};

impl<'a> Compiler<'a> {
    pub(super) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> Result<()> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let (end, exit) = (self.new_label(), self.new_label());
        self.emit_jump(Instr::SetupFinally, end);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody })?;
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.emit_noline(Instr::PopBlock);
        self.unit.fblocks.pop();
        self.stmts(&t.finalbody)?;
        self.emit_jump_noline(Instr::Jump, exit);
        // The exception path: `exc` is on the stack.
        self.bind(end);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.stmts(&t.finalbody)?;
        self.unit.fblocks.pop();
        self.emit_noline(Instr::Reraise);
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> Result<()> {
        if t.is_star {
            return self.try_star(t);
        }
        let (handler, end) = (self.new_label(), self.new_label());
        self.try_body(t, handler, end)?;
        self.push_fblock(FBlock::ExceptionHandler)?;
        let n = t.handlers.len();
        let mut last_line = self.line_of(t.range);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let line = self.line_of(h.range);
            last_line = line;
            self.unit.line = line;
            if h.type_.is_none() && i + 1 < n {
                return Err(self.syntax_error(h.range, "default 'except:' must be last"));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Instr::CheckExcMatch);
                self.emit_jump(Instr::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let name = name.id.as_str();
                    let cleanup = self.new_label();
                    self.name_op(name, NameOp::Store);
                    self.emit_jump(Instr::SetupFinally, cleanup);
                    self.push_fblock(FBlock::HandlerCleanup { name: Some(name) })?;
                    self.stmts(&h.body)?;
                    self.unit.fblocks.pop();
                    self.leave_handler_body(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.clear_handler_name(name);
                    self.emit_jump(Instr::Jump, end);
                    // An exception escaping the handler body: clear the name, re-raise.
                    self.bind(cleanup);
                    self.unit.line = NO_LINE;
                    self.clear_handler_name(name);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                    self.stmts(&h.body)?;
                    self.unit.fblocks.pop();
                    self.leave_handler_body(Instr::PopExcept);
                    self.emit_jump(Instr::Jump, end);
                }
            }
            self.bind(next);
        }
        self.unit.fblocks.pop();
        // No handler matched: re-raise (the vm pops the except-handler block).
        self.emit_at(Instr::Reraise, last_line);
        self.bind(end);
        Ok(())
    }

    /// The `try:` body of a statement with handlers, guarded by a handler block at
    /// `handler`, then its `else:`, then a jump to `end`; the handlers follow.
    fn try_body(&mut self, t: &'a ast::StmtTry, handler: Label, end: Label) -> Result<()> {
        self.unit.line = self.line_of(t.range);
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(&t.body)?;
        self.unit.fblocks.pop();
        self.emit_noline(Instr::PopBlock);
        self.stmts(&t.orelse)?;
        self.emit_jump_noline(Instr::Jump, end);
        self.bind(handler);
        self.unit.stmt_range = t.range;
        Ok(())
    }

    /// `name = None; del name`: an `except ... as name` clause's name cleared.
    pub(super) fn clear_handler_name(&mut self, name: &'a str) {
        self.load_const(Const::None);
        self.name_op(name, NameOp::Store);
        self.name_op(name, NameOp::Delete);
    }

    /// `try` with `except*` clauses (PEP 654), as CPython 3.11 compiles it. At the
    /// handler the stack is `exc`; it becomes `orig, raised, exc`, where `raised` is the
    /// list of what the clauses raise. Each clause takes its part of `exc` with
    /// `CheckEgMatch` (`orig, raised, rest, match`), runs with `match` as the handled
    /// exception, and leaves `rest` for the next; what its body raises joins `raised`.
    /// After the last clause, `rest` joins `raised` too, and `PrepReraiseStar` makes of
    /// them the one exception to re-raise, or None.
    fn try_star(&mut self, t: &'a ast::StmtTry) -> Result<()> {
        let (handler, end, reraise) = (self.new_label(), self.new_label(), self.new_label());
        self.try_body(t, handler, end)?;
        self.push_fblock(FBlock::ExceptionGroupHandler)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.unit.line = self.line_of(h.range);
            if i == 0 {
                self.emit(Instr::Copy(1));
                self.emit(Instr::BuildList(0));
                self.emit(Instr::Swap(2));
            }
            let (no_match, next) = (self.new_label(), self.new_label());
            // (The parser refuses a bare `except*:`.)
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Instr::CheckEgMatch);
                self.emit(Instr::Copy(1));
                self.emit_jump(Instr::PopJumpIfNone, no_match);
            }
            let name = h.name.as_ref().map(|n| n.id.as_str());
            match name {
                Some(name) => self.name_op(name, NameOp::Store),
                None => self.emit(Instr::PopTop),
            }
            let raised = self.new_label();
            self.emit_jump(Instr::SetupFinally, raised);
            self.push_fblock(FBlock::HandlerCleanup { name })?;
            self.stmts(&h.body)?;
            self.unit.fblocks.pop();
            self.leave_handler_body(Instr::PopBlock);
            if let Some(name) = name {
                self.clear_handler_name(name);
            }
            self.emit_jump(Instr::Jump, next);
            // The body raised: `orig, raised, rest, exc`. The name is cleared, `exc`
            // joins the list, and the block the raise pushed goes (the clause's match
            // stays the handled exception until the end).
            self.bind(raised);
            self.unit.line = NO_LINE;
            if let Some(name) = name {
                self.clear_handler_name(name);
            }
            self.emit(Instr::ListAppend(2));
            self.emit(Instr::PopExcept);
            self.emit_jump(Instr::Jump, next);
            self.bind(no_match);
            self.unit.line = self.line_of(h.range);
            self.emit(Instr::PopTop);
            self.bind(next);
        }
        self.unit.fblocks.pop();
        // `orig, raised, rest` → `exc or None`, artificial: no line of its own, but the
        // last clause's line goes to the implicit return when the statement ends the code
        // (so python3's tracer sees that line again there).
        let last_line = self.unit.line;
        self.unit.line = NO_LINE;
        let first = self.unit.code.len();
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.emit_jump(Instr::PopJumpIfNotNone, reraise);
        self.unit.line_breaks.extend(first..self.unit.code.len());
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        let exit = self.unit.code.len();
        self.unit.exit_lines.push((exit, last_line));
        self.emit_jump(Instr::Jump, end);
        self.bind(reraise);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// The first instruction after a handler's body, artificial: it takes the body's last
    /// line, or, where the body ended with a statement whose paths join here (a nested
    /// try), the line of the single path that reaches it, or none (CPython's line
    /// propagation). What follows it up to the jump out takes the same.
    fn leave_handler_body(&mut self, first: Instr) {
        self.emit_noline(first);
        self.unit.line = self.unit.lines.last().copied().unwrap_or(NO_LINE);
    }

    /// `with`, and `async with`, whose `__aenter__` and `__aexit__` results are awaited
    /// (CPython's BEFORE_ASYNC_WITH, GET_AWAITABLE 1 and 2).
    /// A `with` block's normal exit, `exit` on top of the stack: `exit(None, None,
    /// None)`, awaited for `async with`, its result dropped.
    pub(super) fn with_exit(&mut self, is_async: bool) {
        if is_async {
            self.emit(Instr::AsyncWithExit);
            self.await_top(2);
            self.emit(Instr::PopTop);
        } else {
            self.emit(Instr::WithExitNormal);
        }
    }

    pub(super) fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> Result<()> {
        if w.is_async && item == 0 {
            self.check_await(w.range, "'async with'")?;
        }
        let Some(it) = w.items.get(item) else {
            return self.stmts(&w.body);
        };
        let line = self.line_of(w.range);
        let (handler, exit, suppress) = (self.new_label(), self.new_label(), self.new_label());
        self.unit.line = line;
        self.expr(&it.context_expr)?;
        if w.is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.await_top(1);
            self.emit_jump(Instr::SetupAsyncWith, handler);
        } else {
            self.emit_jump(Instr::SetupWith, handler);
        }
        let is_async = w.is_async;
        self.push_fblock(FBlock::With { line, is_async })?;
        match &it.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(Instr::PopTop),
        }
        if item + 1 < w.items.len() {
            self.with_stmt(w, item + 1)?;
        } else {
            self.stmts(&w.body)?;
        }
        self.emit_noline(Instr::PopBlock);
        self.unit.fblocks.pop();
        self.unit.line = line;
        self.with_exit(w.is_async);
        self.emit_jump(Instr::Jump, exit);
        // The exception path: `exit, exc` on the stack.
        self.bind(handler);
        self.emit(Instr::WithExceptStart);
        if w.is_async {
            self.await_top(2);
        }
        self.emit_jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.bind(exit);
        Ok(())
    }
}
