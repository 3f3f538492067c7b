//! Nesting limits. CPython 3.11 refuses programs nested deeper than about 3000 levels
//! ("RecursionError: maximum recursion depth exceeded during compilation"); refscope's
//! compiler and VM recurse over the AST too, so the syntax stage refuses them first.
//!
//! Measured with ruff 0.0.10 in a debug build on an 8 MiB stack: the parser itself never
//! overflows (it moves to heap-allocated stack segments: 1,000,000 nested parentheses
//! parse), but dropping the AST recurses once per level and overflows at 65,000–72,000
//! terms of `1+1+…`, 85,000–100,000 unary minus, 60,000–80,000 `.attr`, 50,000–70,000
//! `lambda:` and 20,000–60,000 nested lists. A tree deeper than [`MAX_DEPTH`] is therefore
//! dropped on a thread whose stack grows with the source, and the walks here run on a
//! growable stack too.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt};
use ruff_text_size::{Ranged, TextSize};

/// Runs `f`, first moving to a fresh heap-allocated stack segment when less than 64 KiB
/// of stack is left, so that the AST walks here work on any thread (a debug build's
/// visitor frames take over 1 KiB per level); the VM's native recursion (repr,
/// comparison and hash of nested containers) runs on it too.
pub(crate) fn with_stack<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

/// Deepest accepted nesting of statements and expressions (CPython 3.11 accepts
/// `x = 1+1+…` with 2999 terms and refuses 3000).
pub(crate) const MAX_DEPTH: usize = 3000;

/// Where the tree first gets deeper than [`MAX_DEPTH`], if it does. Recurses at most
/// `MAX_DEPTH` levels.
pub(crate) fn too_deep(module: &ModModule) -> Option<TextSize> {
    struct Depth {
        depth: usize,
        at: Option<TextSize>,
    }
    impl Depth {
        fn enter(&mut self, start: TextSize) -> bool {
            if self.at.is_some() {
                return false;
            }
            if self.depth >= MAX_DEPTH {
                self.at = Some(start);
                return false;
            }
            true
        }
    }
    impl<'a> Visitor<'a> for Depth {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if self.enter(stmt.start()) {
                self.depth += 1;
                with_stack(|| visitor::walk_stmt(self, stmt));
                self.depth -= 1;
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.enter(expr.start()) {
                self.depth += 1;
                with_stack(|| visitor::walk_expr(self, expr));
                self.depth -= 1;
            }
        }
    }
    let mut d = Depth { depth: 0, at: None };
    d.visit_body(&module.body);
    d.at
}

/// Drops a tree that may be too deep for the current stack, on a thread with a stack
/// large enough for one level per source byte. If no such thread can be started the
/// tree is leaked rather than risking an overflow.
pub(crate) fn dispose_deep(module: ModModule, source_len: usize) {
    let stack = (64 << 20).max(source_len.saturating_mul(1024));
    let mut slot = Some(module);
    let spawned = std::thread::scope(|scope| {
        let slot = &mut slot;
        std::thread::Builder::new()
            .name("refscope-ast-drop".into())
            .stack_size(stack)
            .spawn_scoped(scope, move || drop(slot.take()))
            .map(|handle| handle.join().is_ok())
            .unwrap_or(false)
    });
    if !spawned {
        std::mem::forget(slot);
    }
}
