//! The SyntaxWarnings CPython 3.11's compiler prints before a program runs: an identity
//! test against a literal (`x is 1000`, `s is not "a"`), which compares objects where
//! the program almost surely meant their values.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr};

use super::code::Const;
use super::lines::LineIndex;

/// A warning at a line of the program: what CPython's `warnings` module prints as
/// `FILE:LINE: SyntaxWarning: MESSAGE` and the line's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: u32,
    pub message: &'static str,
}

/// The warnings of a module, in source order.
pub fn syntax_warnings(module: &ast::ModModule, source: &str) -> Vec<SyntaxWarning> {
    let mut finder = IsLiteral {
        lines: LineIndex::new(source),
        found: vec![],
    };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
    }
    finder.found
}

/// Renders warnings as CPython prints them on stderr.
pub fn render_warnings(warnings: &[SyntaxWarning], filename: &str, source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    for w in warnings {
        out.push_str(&format!(
            "{filename}:{}: SyntaxWarning: {}\n",
            w.line, w.message
        ));
        if let Some(text) = lines.get(w.line as usize - 1) {
            out.push_str(&format!("  {}\n", text.trim()));
        }
    }
    out
}

struct IsLiteral<'s> {
    lines: LineIndex<'s>,
    found: Vec<SyntaxWarning>,
}

/// As CPython's check_is_arg: fine unless `e` is a constant (after folding) other than
/// the named singletons None, True, False and `...`. (CPython 3.11 does not fold an
/// f-string, even one without fields.)
fn fine_for_is(e: &Expr) -> bool {
    if matches!(e, Expr::FString(_)) {
        return true;
    }
    match super::fold::fold(e) {
        None | Some(Const::None | Const::Bool(_) | Const::Ellipsis) => true,
        Some(_) => false,
    }
}

impl<'a> Visitor<'a> for IsLiteral<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Compare(c) = expr {
            let mut left = fine_for_is(&c.left);
            for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                let right_fine = fine_for_is(right);
                if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && !(left && right_fine) {
                    let start = ruff_text_size::Ranged::range(expr).start();
                    self.found.push(SyntaxWarning {
                        line: self.lines.line(start),
                        message: if *op == ast::CmpOp::Is {
                            "\"is\" with a literal. Did you mean \"==\"?"
                        } else {
                            "\"is not\" with a literal. Did you mean \"!=\"?"
                        },
                    });
                    // CPython warns once per comparison.
                    break;
                }
                left = right_fine;
            }
        }
        visitor::walk_expr(self, expr);
    }
}
