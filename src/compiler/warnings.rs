//! The SyntaxWarnings CPython 3.11's compiler prints before a program runs: an identity
//! test against a literal (`x is 1000`, `s is not "a"`), which compares objects where
//! the program almost surely meant their values; and a literal called or subscripted
//! in a way that can only fail (`[(1, 2) (3, 4)]`, `"abc"[1.0]`, `None[0]`), where a
//! comma is likely missing.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr};

use super::code::Const;
use super::lines::LineIndex;

/// A warning at a line of the program: what CPython's `warnings` module prints as
/// `FILE:LINE: SyntaxWarning: MESSAGE` and the line's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: u32,
    pub message: String,
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

/// CPython's infer_type: the type an expression surely has, by its form or its folded
/// constant (None when only running it would tell).
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        _ => match super::fold::fold(e)? {
            Const::None => "NoneType",
            Const::Bool(_) => "bool",
            Const::Ellipsis => "ellipsis",
            Const::Int(_) | Const::BigInt(_) => "int",
            Const::Float(_) => "float",
            Const::Imag(_) => "complex",
            Const::Str(_) => "str",
            Const::Bytes(_) => "bytes",
            Const::Tuple(_) => "tuple",
            Const::FrozenSet(_) => "frozenset",
            Const::Code(_) => return None,
        },
    })
}

/// CPython's check_caller: a call of what cannot be called.
fn not_callable(func: &Expr) -> Option<String> {
    let literal = matches!(
        func,
        Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::Dict(_)
            | Expr::DictComp(_)
            | Expr::Set(_)
            | Expr::SetComp(_)
            | Expr::Generator(_)
            | Expr::FString(_)
    ) || super::fold::fold(func).is_some();
    let t = infer_type(func).filter(|_| literal)?;
    Some(format!(
        "'{t}' object is not callable; perhaps you missed a comma?"
    ))
}

/// CPython's check_subscripter and check_index: a subscript of what has no items, or a
/// sequence literal indexed by what is not an int or a slice.
fn bad_subscript(value: &Expr, index: &Expr) -> Option<String> {
    let unsubscriptable = matches!(
        value,
        Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)
    ) || matches!(
        super::fold::fold(value),
        Some(
            Const::None
                | Const::Ellipsis
                | Const::Bool(_)
                | Const::Int(_)
                | Const::BigInt(_)
                | Const::Float(_)
                | Const::Imag(_)
                | Const::FrozenSet(_)
        )
    );
    if unsubscriptable {
        let t = infer_type(value)?;
        return Some(format!(
            "'{t}' object is not subscriptable; perhaps you missed a comma?"
        ));
    }
    let it = infer_type(index).filter(|t| !matches!(*t, "int" | "bool"))?;
    let sequence = matches!(
        value,
        Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)
    ) || matches!(
        super::fold::fold(value),
        Some(Const::Str(_) | Const::Bytes(_) | Const::Tuple(_))
    );
    let vt = infer_type(value).filter(|_| sequence)?;
    Some(format!(
        "{vt} indices must be integers or slices, not {it}; perhaps you missed a comma?"
    ))
}

impl<'a> Visitor<'a> for IsLiteral<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        let at = |w: &Self| w.lines.line(ruff_text_size::Ranged::range(expr).start());
        match expr {
            Expr::Call(c) => {
                if let Some(message) = not_callable(&c.func) {
                    let line = at(self);
                    self.found.push(SyntaxWarning { line, message });
                }
            }
            Expr::Subscript(s) if s.ctx.is_load() => {
                if let Some(message) = bad_subscript(&s.value, &s.slice) {
                    let line = at(self);
                    self.found.push(SyntaxWarning { line, message });
                }
            }
            _ => {}
        }
        if let Expr::Compare(c) = expr {
            let mut left = fine_for_is(&c.left);
            for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                let right_fine = fine_for_is(right);
                if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && !(left && right_fine) {
                    let start = ruff_text_size::Ranged::range(expr).start();
                    self.found.push(SyntaxWarning {
                        line: self.lines.line(start),
                        message: if *op == ast::CmpOp::Is {
                            "\"is\" with a literal. Did you mean \"==\"?".to_string()
                        } else {
                            "\"is not\" with a literal. Did you mean \"!=\"?".to_string()
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
