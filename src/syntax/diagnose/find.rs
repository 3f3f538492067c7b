//! Looking things up in the (possibly recovered) AST: the widest expression at a place,
//! the assignment holding a target, CPython's names for expression kinds.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::Context;

/// The widest expression whose range satisfies `pred`, with its range.
pub(super) fn widest_expr(
    module: &ModModule,
    pred: impl Fn(TextRange) -> bool,
) -> Option<(TextRange, &Expr)> {
    struct Finder<'a, F> {
        pred: F,
        best: Option<(TextRange, &'a Expr)>,
        depth: usize,
    }
    impl<'a, F: Fn(TextRange) -> bool> Visitor<'a> for Finder<'a, F> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if self.depth < crate::syntax::depth::MAX_DEPTH {
                self.depth += 1;
                crate::syntax::depth::with_stack(|| visitor::walk_stmt(self, stmt));
                self.depth -= 1;
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            let r = expr.range();
            if (self.pred)(r) && self.best.is_none_or(|(b, _)| r.len() > b.len()) {
                self.best = Some((r, expr));
            }
            if self.depth < crate::syntax::depth::MAX_DEPTH {
                self.depth += 1;
                crate::syntax::depth::with_stack(|| visitor::walk_expr(self, expr));
                self.depth -= 1;
            }
        }
    }
    let mut finder = Finder {
        pred,
        best: None,
        depth: 0,
    };
    finder.visit_body(&module.body);
    finder.best
}

pub(super) fn find_expr(module: &ModModule, range: TextRange) -> Option<&Expr> {
    widest_expr(module, |r| r == range).map(|(_, e)| e)
}

/// The key of a dict display that lacks its `:` (the expression ending before `offset`).
pub(super) fn value_ending_at(cx: &Context, offset: TextSize) -> Option<TextRange> {
    let end = cx.tokens_before(offset).last()?.end();
    widest_expr(cx.module, |r| r.end() == end).map(|(r, _)| r)
}

pub(super) fn expr_name_at(cx: &Context, range: TextRange) -> &'static str {
    find_expr(cx.module, range).map_or("expression", expr_name)
}

/// CPython's `_PyPegen_get_expr_name`.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "expression",
    }
}

/// The assignment statement (at any depth) one of whose targets starts at `loc`.
pub(super) fn find_assign(module: &ModModule, loc: TextRange) -> Option<&ast::StmtAssign> {
    struct Finder<'a> {
        loc: TextRange,
        found: Option<&'a ast::StmtAssign>,
        depth: usize,
    }
    impl<'a> Visitor<'a> for Finder<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Assign(assign) = stmt
                && assign
                    .targets
                    .iter()
                    .any(|t| t.range().contains_range(self.loc))
            {
                self.found = Some(assign);
            }
            if self.depth < crate::syntax::depth::MAX_DEPTH {
                self.depth += 1;
                crate::syntax::depth::with_stack(|| visitor::walk_stmt(self, stmt));
                self.depth -= 1;
            }
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut finder = Finder {
        loc,
        found: None,
        depth: 0,
    };
    finder.visit_body(&module.body);
    finder.found
}

/// Whether `e` is what CPython's grammar calls a `bitwise_or` (no comparison, `not`,
/// `and`/`or`, conditional, lambda or walrus at its top).
pub(super) fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::Compare(_) | Expr::BoolOp(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Named(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
}

/// Whether ruff's recovery filled a hole in `e` with an empty name.
pub(super) fn contains_missing(e: &Expr) -> bool {
    struct Missing {
        found: bool,
        depth: usize,
    }
    impl<'a> Visitor<'a> for Missing {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(n) = expr
                && n.id.is_empty()
            {
                self.found = true;
            }
            if !self.found && self.depth < crate::syntax::depth::MAX_DEPTH {
                self.depth += 1;
                crate::syntax::depth::with_stack(|| visitor::walk_expr(self, expr));
                self.depth -= 1;
            }
        }
    }
    let mut m = Missing {
        found: false,
        depth: 0,
    };
    m.visit_expr(e);
    m.found
}
