//! Comprehension scopes and the walrus operator inside them (CPython's
//! `symtable_handle_comprehension` and `symtable_extend_namedexpr_scope`).

use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::TextRange;

use super::build::Builder;
use super::{ScopeKind, def};
use crate::compiler::CompileError;

type Result<T> = std::result::Result<T, CompileError>;

impl Builder<'_> {
    pub(super) fn comprehension(
        &mut self,
        range: TextRange,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.in_comp_iter += 1;
        let outer = self.expr(&outermost.iter);
        self.in_comp_iter -= 1;
        outer?;
        self.enter(ScopeKind::Comprehension, name, range);
        if name == "genexpr" {
            self.cur_scope().generator = true;
        }
        self.add_def(".0", def::PARAM, range)?;
        for (i, comp) in generators.iter().enumerate() {
            self.comp_target(&comp.target)?;
            if i > 0 {
                self.in_comp_iter += 1;
                let r = self.expr(&comp.iter);
                self.in_comp_iter -= 1;
                r?;
            }
            self.exprs(&comp.ifs)?;
        }
        self.opt_expr(value)?;
        self.expr(elt)?;
        self.exit();
        Ok(())
    }

    /// A comprehension's `for` target: its names are marked as iteration variables.
    fn comp_target(&mut self, target: &Expr) -> Result<()> {
        match target {
            Expr::Name(n) if n.ctx == ExprContext::Store => {
                self.name(n)?;
                self.add_def(&n.id, def::COMP_ITER, n.range)
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.comp_target(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.comp_target(e)),
            Expr::Starred(s) => self.comp_target(&s.value),
            other => self.expr(other),
        }
    }

    /// A walrus inside a comprehension binds in the nearest enclosing non-comprehension scope.
    pub(super) fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> Result<()> {
        let name = target.id.as_str();
        for &scope in self.stack.iter().rev() {
            let s = &self.scopes[scope];
            match s.kind {
                ScopeKind::Comprehension => {
                    if s.flags(name) & def::COMP_ITER != 0 {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        );
                        return Err(self.err(target.range, msg));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    // A name the function declares global stays global in the comprehension.
                    let flag = if s.flags(name) & def::GLOBAL != 0 {
                        def::GLOBAL
                    } else {
                        def::NONLOCAL
                    };
                    self.add_def(name, flag, target.range)?;
                    let at = (
                        self.lines.line_col(target.range.start()),
                        self.lines.line_col(target.range.end()),
                    );
                    let cur = self.cur();
                    self.scopes[cur].symbol_mut(name).decl = at;
                    return self.add_def_in(scope, name, def::LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, def::GLOBAL, target.range)?;
                    return self.add_def_in(scope, name, def::GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.err(target.range, msg.into()));
                }
            }
        }
        Ok(())
    }
}
