//! Control flow: conditional jumps, `if`, loops, and the fblock stack that lets `break`,
//! `continue` and `return` unwind through loops, `try` and `with` (CPython's
//! `compiler_unwind_fblock`). The handlers themselves are in `handlers.rs`.

use ruff_python_ast::{self as ast, BoolOp, Expr, Stmt, UnaryOp};
use ruff_text_size::Ranged;

use super::{Compiler, INHERIT, Label, Result};
use crate::compiler::code::{Const, Instr, flags};
use crate::compiler::fold;

/// What `break`, `continue` and `return` must undo on their way out.
#[derive(Clone, Copy)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        end: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        end: Label,
    },
    /// Inside `try:` of a try/except: a handler block is pushed.
    TryExcept,
    /// Inside `try:` of a try/finally: the final body runs on the way out.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// Inside `finally:` on the exception path: `exc` is on the stack, an except-handler block is pushed.
    FinallyEnd,
    /// Inside a `with` body: `exit` is on the stack, a handler block is pushed. For
    /// `async with`, the exit's result is awaited.
    With {
        line: u32,
        is_async: bool,
    },
    /// Inside an `except` body: an except-handler block, plus the name's cleanup block.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value (the one being returned) sits on the stack.
    PopValue,
    /// The except clauses of a try statement: the vm's block for the exception being
    /// handled, which each handler's own block takes care of (nothing to undo here). It
    /// counts towards the nesting limit as CPython's does.
    ExceptionHandler,
    /// The `except*` clauses of a try statement: nothing may jump out of them.
    ExceptionGroupHandler,
}

/// The jump target of an instruction, if it has one.
pub(crate) fn jump_target_mut(instr: &mut Instr) -> Option<&mut u32> {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::PopJumpIfNone(t)
        | Instr::PopJumpIfNotNone(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t)
        | Instr::SetupAsyncWith(t) => Some(t),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    /// Jumps to `target` if `expr` is `cond`, without materialising `and`/`or`/`not`
    /// (CPython's `compiler_jump_if`).
    pub(super) fn jump_if(&mut self, expr: &'a Expr, target: Label, cond: bool) -> Result<()> {
        if let Some(truth) = fold::constant_truth(expr) {
            let line = self.line_of(expr.range());
            if truth == cond {
                self.at_line(line, |c| c.emit_jump(Instr::Jump, target));
            } else {
                self.at_line(line, |c| c.emit(Instr::Nop));
            }
            return Ok(());
        }
        match expr {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => self.jump_if(&u.operand, target, !cond),
            Expr::BoolOp(b) => {
                let is_or = b.op == BoolOp::Or;
                let next2 = if is_or != cond {
                    Some(self.new_label())
                } else {
                    None
                };
                let (last, rest) = match b.values.split_last() {
                    Some(x) => x,
                    None => return Ok(()),
                };
                for v in rest {
                    self.jump_if(v, next2.unwrap_or(target), is_or)?;
                }
                self.jump_if(last, target, cond)?;
                if let Some(l) = next2 {
                    self.bind(l);
                }
                Ok(())
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.emit_jump_noline(Instr::Jump, end);
                self.bind(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                Ok(())
            }
            // CPython 3.11 sets the location to the comparison here and does not restore
            // it: the rest of the condition's jumps stay on the comparison's line.
            Expr::Compare(cmp) if cmp.ops.len() > 1 && cmp.ops.len() == cmp.comparators.len() => {
                self.unit.line = self.line_of(cmp.range);
                self.chained_jump_if(cmp, target, cond)
            }
            Expr::Compare(cmp) => {
                self.unit.line = self.line_of(cmp.range);
                self.expr(expr)?;
                let jump = if cond {
                    Instr::PopJumpIfTrue
                } else {
                    Instr::PopJumpIfFalse
                };
                self.emit_jump(jump, target);
                Ok(())
            }
            _ => {
                self.expr(expr)?;
                let jump = if cond {
                    Instr::PopJumpIfTrue
                } else {
                    Instr::PopJumpIfFalse
                };
                self.emit_jump(jump, target);
                Ok(())
            }
        }
    }

    fn chained_jump_if(
        &mut self,
        cmp: &'a ast::ExprCompare,
        target: Label,
        cond: bool,
    ) -> Result<()> {
        self.expr(&cmp.left)?;
        let cleanup = self.new_label();
        let n = cmp.ops.len() - 1;
        for i in 0..n {
            self.expr(&cmp.comparators[i])?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.compare_op(cmp.ops[i]);
            self.emit_jump(Instr::PopJumpIfFalse, cleanup);
        }
        self.expr(&cmp.comparators[n])?;
        self.compare_op(cmp.ops[n]);
        let jump = if cond {
            Instr::PopJumpIfTrue
        } else {
            Instr::PopJumpIfFalse
        };
        self.emit_jump(jump, target);
        let end = self.new_label();
        self.emit_jump_noline(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::PopTop);
        if !cond {
            self.emit_jump_noline(Instr::Jump, target);
        }
        self.bind(end);
        Ok(())
    }

    pub(super) fn if_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
    ) -> Result<()> {
        let end = self.new_label();
        let next = if rest.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if let Some((clause, more)) = rest.split_first() {
            self.emit_jump_noline(Instr::Jump, end);
            self.bind(next);
            match &clause.test {
                Some(t) => {
                    self.unit.line = self.line_of(clause.range);
                    self.if_stmt(t, &clause.body, more)?;
                }
                None => self.stmts(&clause.body)?,
            }
        }
        self.bind(end);
        Ok(())
    }

    pub(super) fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> Result<()> {
        let (start, body, anchor, end) = (
            self.new_label(),
            self.new_label(),
            self.new_label(),
            self.new_label(),
        );
        self.bind(start);
        self.push_fblock(FBlock::WhileLoop { start, end })?;
        self.jump_if(&w.test, anchor, false)?;
        self.bind(body);
        self.stmts(&w.body)?;
        self.unit.line = self.line_of(w.range);
        self.jump_if(&w.test, body, true)?;
        self.unit.fblocks.pop();
        self.bind(anchor);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for`: each item is `await aiter.__anext__()`, and the StopAsyncIteration
    /// that ends the loop is caught by the loop's handler (CPython's GET_AITER, GET_ANEXT
    /// and END_ASYNC_FOR).
    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> Result<()> {
        self.check_await(f.range, "'async for'")?;
        let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.push_fblock(FBlock::ForLoop { start, end })?;
        self.expr(&f.iter)?;
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.emit_jump(Instr::SetupFinally, cleanup);
        self.emit(Instr::GetANext);
        self.await_top(3);
        self.emit_noline(Instr::PopBlock);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.emit_jump_noline(Instr::Jump, start);
        self.bind(cleanup);
        self.unit.line = self.line_of(f.range);
        self.emit(Instr::EndAsyncFor);
        self.unit.fblocks.pop();
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn for_stmt(&mut self, f: &'a ast::StmtFor) -> Result<()> {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        self.push_fblock(FBlock::ForLoop { start, end })?;
        self.iterable(&f.iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.emit_jump(Instr::ForIter, cleanup);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.emit_jump_noline(Instr::Jump, start);
        self.bind(cleanup);
        self.unit.fblocks.pop();
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The iterable of a `for`: a list display of constants becomes a constant tuple.
    pub(super) fn iterable(&mut self, iter: &'a Expr) -> Result<()> {
        self.folded_collection(iter)
    }

    pub(super) fn break_stmt(&mut self, range: ruff_text_size::TextRange) -> Result<()> {
        self.emit(Instr::Nop);
        self.check_not_leaving_except_star(range, true)?;
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.syntax_error(range, "'break' outside loop"));
        };
        self.unwind_fblock(loop_, false)?;
        match loop_ {
            FBlock::WhileLoop { end, .. } | FBlock::ForLoop { end, .. } => {
                self.emit_jump(Instr::Jump, end)
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn continue_stmt(&mut self, range: ruff_text_size::TextRange) -> Result<()> {
        self.emit(Instr::Nop);
        self.check_not_leaving_except_star(range, true)?;
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.syntax_error(range, "'continue' not properly in loop"));
        };
        match loop_ {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => {
                self.emit_jump(Instr::Jump, start)
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> Result<()> {
        if !self.unit.kind.is_function() {
            return Err(self.syntax_error(r.range, "'return' outside function"));
        }
        if r.value.is_some() && self.unit.flags & flags::ASYNC_GENERATOR != 0 {
            return Err(self.syntax_error(r.range, "'return' with value in async generator"));
        }
        let folded = r.value.as_deref().and_then(fold::fold);
        let preserve = r.value.is_some() && folded.is_none();
        if let (true, Some(v)) = (preserve, r.value.as_deref()) {
            self.expr(v)?;
        } else if !self.unit.fblocks.is_empty() {
            // Unwinding emits code on other lines: mark the return's own line first.
            self.emit(Instr::Nop);
        }
        // (A constant's return is placed at the constant, as CPython marks its line.)
        let at = match (&folded, r.value.as_deref()) {
            (Some(_), Some(v)) => v.range(),
            _ => r.range,
        };
        self.check_not_leaving_except_star(at, false)?;
        self.unwind_fblock_stack(preserve, false)?;
        if !preserve {
            self.load_const(folded.unwrap_or(Const::None));
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// A `break`, `continue` (`to_loop`) or `return` at `range` must not leave an
    /// `except*` clause (CPython finds that as it unwinds its blocks).
    fn check_not_leaving_except_star(
        &self,
        range: ruff_text_size::TextRange,
        to_loop: bool,
    ) -> Result<()> {
        for b in self.unit.fblocks.iter().rev() {
            match b {
                FBlock::WhileLoop { .. } | FBlock::ForLoop { .. } if to_loop => return Ok(()),
                FBlock::ExceptionGroupHandler => {
                    return Err(self.syntax_error(
                        range,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Undoes every fblock up to the innermost loop (`want_loop`) or all of them, and
    /// returns that loop.
    fn unwind_fblock_stack(
        &mut self,
        preserve: bool,
        want_loop: bool,
    ) -> Result<Option<FBlock<'a>>> {
        let Some(&top) = self.unit.fblocks.last() else {
            return Ok(None);
        };
        if want_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.unit.fblocks.pop();
        let r = self
            .unwind_fblock(top, preserve)
            .and_then(|()| self.unwind_fblock_stack(preserve, want_loop));
        self.unit.fblocks.push(top);
        r
    }

    fn unwind_fblock(&mut self, block: FBlock<'a>, preserve: bool) -> Result<()> {
        match block {
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::FinallyTry { body } => {
                self.emit(Instr::PopBlock);
                if preserve {
                    self.unit.fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve {
                    self.unit.fblocks.pop();
                }
                self.unit.line = INHERIT;
            }
            FBlock::FinallyEnd => {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                self.emit(Instr::PopExcept);
            }
            FBlock::With { line, is_async } => {
                self.at_line(line, |c| {
                    c.emit(Instr::PopBlock);
                    if preserve {
                        c.emit(Instr::Swap(2));
                    }
                    c.with_exit(is_async);
                });
                self.unit.line = INHERIT;
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.clear_handler_name(name);
                }
            }
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {
            }
        }
        Ok(())
    }
}

/// The items of a display if all are constants (and there are no starred items).
pub(super) fn const_items(elts: &[Expr]) -> Option<Vec<Const>> {
    elts.iter()
        .map(|e| match e {
            Expr::Starred(_) => None,
            e => fold::fold(e),
        })
        .collect()
}
