//! The first pass: record every name each scope defines or uses (CPython's
//! `symtable_visit_*`).

use std::collections::HashMap;

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::TextRange;

use super::{Scope, ScopeKind, SymbolTable, def, mangle};
use crate::compiler::CompileError;
use crate::compiler::lines::LineIndex;

type Result<T> = std::result::Result<T, CompileError>;

pub(super) struct Builder<'a> {
    pub(super) lines: &'a LineIndex<'a>,
    pub(super) scopes: Vec<Scope>,
    pub(super) stack: Vec<usize>,
    by_range: HashMap<(u32, u32), usize>,
    /// Depth of comprehension iterable expressions being visited (walrus is forbidden there).
    pub(super) in_comp_iter: u32,
    /// The function or lambda whose parameters are being declared (for error positions).
    def_range: TextRange,
}

/// Walks the module and returns its analysed symbol table.
pub(crate) fn build(module: &ast::ModModule, lines: &LineIndex) -> Result<SymbolTable> {
    let mut b = Builder {
        lines,
        scopes: vec![Scope::new(ScopeKind::Module, "top".into(), None)],
        stack: vec![0],
        by_range: HashMap::new(),
        in_comp_iter: 0,
        def_range: TextRange::default(),
    };
    b.stmts(&module.body)?;
    let mut table = SymbolTable {
        scopes: b.scopes,
        by_range: b.by_range,
    };
    table.analyze()?;
    Ok(table)
}

impl Builder<'_> {
    pub(super) fn cur(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    pub(super) fn cur_scope(&mut self) -> &mut Scope {
        let i = self.cur();
        &mut self.scopes[i]
    }

    pub(super) fn err(&self, range: TextRange, msg: String) -> CompileError {
        CompileError::syntax(msg, self.lines.line_col(range.start()))
            .ending_at(self.lines.line_col(range.end()))
            .in_symtable()
    }

    pub(super) fn enter(&mut self, kind: ScopeKind, name: &str, range: TextRange) {
        let private = match self.scopes[self.cur()].kind {
            _ if kind == ScopeKind::Class => Some(name.to_string()),
            _ => self.scopes[self.cur()].private.clone(),
        };
        let id = self.scopes.len();
        self.scopes
            .push(Scope::new(kind, name.to_string(), private));
        let parent = self.cur();
        self.scopes[parent].children.push(id);
        self.by_range
            .insert((range.start().into(), range.end().into()), id);
        self.stack.push(id);
    }

    pub(super) fn exit(&mut self) {
        self.stack.pop();
    }

    /// Records a definition or use of `name` in the current scope (CPython's `symtable_add_def`).
    pub(super) fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Result<()> {
        let cur = self.cur();
        self.add_def_in(cur, name, flag, range)
    }

    pub(super) fn add_def_in(
        &mut self,
        scope: usize,
        name: &str,
        flag: u32,
        range: TextRange,
    ) -> Result<()> {
        let name = mangle(self.scopes[scope].private.as_deref(), name);
        let sym = self.scopes[scope].symbol_mut(&name);
        if flag & def::PARAM != 0 && sym.flags & def::PARAM != 0 {
            let msg = format!("duplicate argument '{name}' in function definition");
            return Err(self.err(range, msg));
        }
        sym.flags |= flag;
        if flag & def::PARAM != 0 {
            self.scopes[scope].params.push(name.clone());
        }
        if flag & def::GLOBAL != 0 {
            self.scopes[0].symbol_mut(&name).flags |= def::GLOBAL;
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<()> {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name.id, def::LOCAL, f.name.range)?;
                self.param_defaults(&f.parameters)?;
                // Annotations are evaluated where the function is defined.
                self.param_annotations(&f.parameters)?;
                self.opt_expr(f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(ScopeKind::Function, &f.name.id, f.range);
                self.def_range = f.range;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name.id, def::LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    self.exprs(&args.args)?;
                    for k in &args.keywords {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(ScopeKind::Class, &c.name.id, c.range);
                self.stmts(&c.body)?;
                self.exit();
            }
            Stmt::Return(r) => self.opt_expr(r.value.as_deref())?,
            Stmt::Delete(d) => self.exprs(&d.targets)?,
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    self.opt_expr(case.guard.as_deref())?;
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Assign(a) => {
                self.exprs(&a.targets)?;
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.opt_expr(clause.test.as_ref())?;
                    self.stmts(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    self.opt_expr(item.optional_vars.as_deref())?;
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                self.opt_expr(r.exc.as_deref())?;
                self.opt_expr(r.cause.as_deref())?;
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt_expr(h.type_.as_deref())?;
                    if let Some(name) = &h.name {
                        self.add_def(&name.id, def::LOCAL, name.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                self.opt_expr(a.msg.as_deref())?;
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let stored = match &alias.asname {
                        Some(n) => n.id.as_str(),
                        None => alias.name.id.split('.').next().unwrap_or(""),
                    };
                    self.add_def(stored, def::IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.id.as_str() == "*" {
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            let msg = "import * only allowed at module level".to_string();
                            return Err(self.err(alias.range, msg));
                        }
                        continue;
                    }
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(&stored.id, def::IMPORT, alias.range)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.declare(&name.id, true, g.range)?;
                }
            }
            Stmt::Nonlocal(n) => {
                if self.scopes[self.cur()].kind == ScopeKind::Module {
                    let msg = "nonlocal declaration not allowed at module level".to_string();
                    return Err(self.err(n.range, msg));
                }
                for name in &n.names {
                    self.declare(&name.id, false, n.range)?;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &ast::StmtAnnAssign) -> Result<()> {
        if let (Expr::Name(n), true) = (&*a.target, a.simple) {
            let cur = self.cur();
            let mangled = mangle(self.scopes[cur].private.as_deref(), &n.id);
            let flags = self.scopes[cur].flags(&mangled);
            if flags & (def::GLOBAL | def::NONLOCAL) != 0 {
                let which = if flags & def::GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                let msg = format!("annotated name '{}' can't be {which}", n.id);
                return Err(self.err(a.range, msg));
            }
            self.add_def(&n.id, def::ANNOT | def::LOCAL, n.range)?;
        } else {
            self.expr(&a.target)?;
        }
        // As CPython's symtable: the annotation is a use of its names in every scope,
        // even where the compiler does not evaluate it (a function's local annotation).
        self.expr(&a.annotation)?;
        self.opt_expr(a.value.as_deref())
    }

    /// `global name` (is_global) or `nonlocal name`.
    fn declare(&mut self, name: &str, is_global: bool, range: TextRange) -> Result<()> {
        let cur = self.cur();
        let mangled = mangle(self.scopes[cur].private.as_deref(), name);
        let flags = self.scopes[cur].flags(&mangled);
        let what = if is_global { "global" } else { "nonlocal" };
        if flags & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
            let msg = if flags & def::PARAM != 0 {
                format!("name '{name}' is parameter and {what}")
            } else if flags & def::USE != 0 {
                format!("name '{name}' is used prior to {what} declaration")
            } else if flags & def::ANNOT != 0 {
                format!("annotated name '{name}' can't be {what}")
            } else {
                format!("name '{name}' is assigned to before {what} declaration")
            };
            return Err(self.err(range, msg));
        }
        let flag = if is_global {
            def::GLOBAL
        } else {
            def::NONLOCAL
        };
        self.add_def(name, flag, range)?;
        let at = (
            self.lines.line_col(range.start()),
            self.lines.line_col(range.end()),
        );
        let sym = self.scopes[cur].symbol_mut(&mangled);
        if sym.decl.0 == (0, 0) {
            sym.decl = at;
        }
        Ok(())
    }

    fn param_defaults(&mut self, params: &ast::Parameters) -> Result<()> {
        for p in params.posonlyargs.iter().chain(&params.args) {
            self.opt_expr(p.default.as_deref())?;
        }
        for p in &params.kwonlyargs {
            self.opt_expr(p.default.as_deref())?;
        }
        Ok(())
    }

    fn param_annotations(&mut self, params: &ast::Parameters) -> Result<()> {
        let all = params.posonlyargs.iter().chain(&params.args);
        for p in all.chain(&params.kwonlyargs) {
            self.opt_expr(p.parameter.annotation.as_deref())?;
        }
        for p in [&params.vararg, &params.kwarg].into_iter().flatten() {
            self.opt_expr(p.annotation.as_deref())?;
        }
        Ok(())
    }

    fn params(&mut self, params: &ast::Parameters) -> Result<()> {
        let positional = params.posonlyargs.iter().chain(&params.args);
        for p in positional.chain(&params.kwonlyargs) {
            self.param(&p.parameter)?;
        }
        if let Some(p) = &params.vararg {
            self.param(p)?;
        }
        if let Some(p) = &params.kwarg {
            self.param(p)?;
        }
        Ok(())
    }

    fn param(&mut self, p: &ast::Parameter) -> Result<()> {
        if p.name.id.as_str() == "__debug__" {
            return Err(self.err(self.def_range, "cannot assign to __debug__".into()));
        }
        self.add_def(&p.name.id, def::PARAM, p.name.range)
    }

    /// A `case` pattern: the names it captures are assigned; the values and classes it
    /// compares with are read.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<()> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p)),
            P::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                match &m.rest {
                    Some(r) => self.add_def(&r.id, def::LOCAL, r.range),
                    None => Ok(()),
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.arguments
                    .patterns
                    .iter()
                    .try_for_each(|p| self.pattern(p))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.pattern(&k.pattern))
            }
            P::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(&n.id, def::LOCAL, n.range),
                None => Ok(()),
            },
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(&n.id, def::LOCAL, n.range),
                    None => Ok(()),
                }
            }
            P::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p)),
        }
    }

    pub(super) fn exprs(&mut self, exprs: &[Expr]) -> Result<()> {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    pub(super) fn opt_expr(&mut self, expr: Option<&Expr>) -> Result<()> {
        expr.map_or(Ok(()), |e| self.expr(e))
    }

    pub(super) fn expr(&mut self, expr: &Expr) -> Result<()> {
        match expr {
            Expr::Name(n) => self.name(n)?,
            Expr::Named(n) => {
                if self.in_comp_iter > 0 {
                    let msg = "assignment expression cannot be used in a comprehension iterable expression";
                    return Err(self.err(n.range, msg.into()));
                }
                self.expr(&n.value)?;
                match &*n.target {
                    Expr::Name(t) if self.scopes[self.cur()].kind == ScopeKind::Comprehension => {
                        self.extend_namedexpr_scope(t)?
                    }
                    target => self.expr(target)?,
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "lambda", l.range);
                self.def_range = l.range;
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.exit();
            }
            Expr::ListComp(c) => {
                self.comprehension(c.range, "listcomp", &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range, "setcomp", &c.generators, &c.elt, None)?
            }
            Expr::Generator(c) => {
                self.comprehension(c.range, "genexpr", &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref();
                let Some(key) = key else { return Ok(()) };
                self.comprehension(c.range, "dictcomp", &c.generators, key, Some(&c.value))?
            }
            Expr::Yield(y) => {
                self.opt_expr(y.value.as_deref())?;
                self.mark_yield(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.mark_yield(y.range)?;
            }
            Expr::Await(a) => self.expr(&a.value)?,
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    self.opt_expr(item.key.as_ref())?;
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.arguments.args)?;
                for k in &c.arguments.keywords {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                self.opt_expr(s.lower.as_deref())?;
                self.opt_expr(s.upper.as_deref())?;
                self.opt_expr(s.step.as_deref())?;
            }
            Expr::TString(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> Result<()> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn name(&mut self, n: &ast::ExprName) -> Result<()> {
        match n.ctx {
            ExprContext::Load | ExprContext::Invalid => {
                self.add_def(&n.id, def::USE, n.range)?;
                let kind = self.scopes[self.cur()].kind;
                if kind.is_function() && n.id.as_str() == "super" {
                    self.add_def("__class__", def::USE, n.range)?;
                }
            }
            ExprContext::Store | ExprContext::Del => {
                if n.id.as_str() == "__debug__" {
                    let msg = if n.ctx == ExprContext::Del {
                        "cannot delete __debug__"
                    } else {
                        "cannot assign to __debug__"
                    };
                    return Err(self.err(n.range, msg.into()));
                }
                self.add_def(&n.id, def::LOCAL, n.range)?;
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> Result<()> {
        let scope = self.cur_scope();
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.err(range, "'yield' outside function".into()))
            }
            ScopeKind::Comprehension => {
                let what = match scope.name.as_str() {
                    "listcomp" => "list comprehension",
                    "setcomp" => "set comprehension",
                    "dictcomp" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.err(range, format!("'yield' inside {what}")))
            }
            _ => {
                scope.generator = true;
                Ok(())
            }
        }
    }
}
