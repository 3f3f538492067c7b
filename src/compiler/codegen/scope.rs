//! Nested code objects: functions, lambdas, classes and comprehensions, and the closures
//! and defaults that `MakeFunction` needs.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::stmt::docstring;
use super::{Compiler, INHERIT, NameOp, Result, Unit};
use crate::compiler::code::{CodeObject, Const, Instr, flags};
use crate::compiler::symtable::{NameScope, ScopeKind};

/// What a comprehension builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a> {
    /// Starts compiling the scope opened by the node at `range`.
    fn enter_unit(&mut self, range: TextRange, name: &str, first_line: u32) -> Result<()> {
        let Some(scope) = self.ctx.table.scope_for(range) else {
            return Err(self.unsupported(range, "this construct is"));
        };
        let kind = self.ctx.table.scopes[scope].kind;
        let qualname = self.qualname(name, kind);
        let unit = Unit::new(
            self.ctx,
            scope,
            Rc::from(name),
            Rc::from(qualname),
            first_line,
        );
        // Nested in a function's scope, or in something that is (a class in a function).
        let p = self.unit.flags;
        let nested = p & flags::NESTED != 0 || p & (flags::MODULE | flags::CLASS_BODY) == 0;
        let parent = std::mem::replace(&mut self.unit, unit);
        self.parents.push(parent);
        if nested {
            self.unit.flags |= flags::NESTED;
        }
        Ok(())
    }

    fn leave_unit(&mut self, range: TextRange) -> Result<Rc<CodeObject>> {
        let Some(parent) = self.parents.pop() else {
            return Err(self.unsupported(range, "this construct is"));
        };
        let done = std::mem::replace(&mut self.unit, parent);
        Ok(Rc::new(done.finish(self.ctx)))
    }

    /// CPython's `__qualname__`: `f`, `C.m`, `f.<locals>.g`.
    fn qualname(&self, name: &str, kind: ScopeKind) -> String {
        let parent = &self.unit;
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = self.mangle(name);
            let scope = self.ctx.table.scopes[parent.scope].lookup(&mangled);
            if scope == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        if parent.kind.is_function() {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    /// Pushes the closure tuple (if the code has free variables), the code, and `MakeFunction`.
    fn make_closure(&mut self, code: Rc<CodeObject>, mut fflags: u32) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.deref_index(name);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            fflags |= 8;
        }
        self.load_const(Const::Code(code));
        self.emit(Instr::MakeFunction(fflags));
    }

    /// Pushes a function's annotations as a tuple (name, value, name, value...) in
    /// CPython 3.11's order (the positional parameters, then the positional-only ones,
    /// `*args`, the keyword-only ones, `**kwargs`, and `return`); returns the
    /// `MakeFunction` flag for it, or 0 when nothing is annotated.
    fn annotations(
        &mut self,
        params: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> Result<u32> {
        let mut anns: Vec<(&'a str, &'a Expr)> = vec![];
        let plain = |ps: &'a [ast::ParameterWithDefault]| {
            ps.iter().filter_map(|p| {
                Some((
                    p.parameter.name.id.as_str(),
                    p.parameter.annotation.as_deref()?,
                ))
            })
        };
        let star = |p: &'a Option<Box<ast::Parameter>>| {
            p.as_deref()
                .and_then(|p| Some((p.name.id.as_str(), p.annotation.as_deref()?)))
        };
        anns.extend(plain(&params.args));
        anns.extend(plain(&params.posonlyargs));
        anns.extend(star(&params.vararg));
        anns.extend(plain(&params.kwonlyargs));
        anns.extend(star(&params.kwarg));
        anns.extend(returns.map(|r| ("return", r)));
        if anns.is_empty() {
            return Ok(0);
        }
        for &(name, e) in &anns {
            let name = self.mangle(name);
            self.load_const(Const::Str(Rc::from(name.as_str())));
            self.annotation(e)?;
        }
        self.emit(Instr::BuildTuple(2 * anns.len() as u32));
        Ok(4)
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns `MakeFunction` flags.
    fn defaults(&mut self, params: &'a ast::Parameters) -> Result<u32> {
        let mut fflags = 0;
        let defaults: Vec<&'a Expr> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            let folded: Option<Vec<Const>> = defaults
                .iter()
                .map(|d| crate::compiler::fold::fold(d))
                .collect();
            match folded {
                Some(items) => {
                    // Each default was a constant of its own before the optimizer made
                    // them one tuple, and stays in the code's constants.
                    for (d, c) in defaults.iter().zip(&items) {
                        self.literals_in_arena(d);
                        if !matches!(c, Const::None | Const::Bool(_) | Const::Ellipsis) {
                            self.add_const(c.clone());
                        }
                    }
                    // CPython folds the tuple after loading each default: a `Nop` stays on
                    // each line of its own.
                    for d in &defaults {
                        let line = self.line_of(d.range());
                        if self.unit.lines.last() != Some(&line) {
                            self.at_line(line, |c| c.emit(Instr::Nop));
                        }
                    }
                    self.load_const(Const::Tuple(items.into()))
                }
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Instr::BuildTuple(defaults.len() as u32));
                }
            }
            fflags |= 1;
        }
        let mut n = 0;
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                // CPython loads the names as one tuple after the values: give each name
                // its value's line so no extra line event appears.
                let name = self.mangle(&p.parameter.name.id);
                let line = self.line_of(d.range());
                self.at_line(line, |c| c.load_const(Const::Str(Rc::from(name))));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            fflags |= 2;
        }
        Ok(fflags)
    }

    fn set_arg_counts(&mut self, params: &ast::Parameters) {
        let u = &mut self.unit;
        u.posonlyargcount = params.posonlyargs.len() as u32;
        u.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonlyargcount = params.kwonlyargs.len() as u32;
        if params.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if params.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn generator_flag(&mut self) {
        if self.ctx.table.scopes[self.unit.scope].generator {
            self.unit.flags |= flags::GENERATOR;
        }
    }

    /// Evaluates decorators; returns the line the definition starts on.
    fn decorators(&mut self, decorators: &'a [ast::Decorator], def_line: u32) -> Result<u32> {
        for d in decorators {
            self.expr(&d.expression)?;
        }
        Ok(decorators
            .first()
            .map_or(def_line, |d| self.line_of(d.range)))
    }

    fn apply_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        for d in decorators.iter().rev() {
            let line = self.line_of(d.range);
            self.at_line(line, |c| c.emit(Instr::Call(0)));
        }
    }

    pub(super) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> Result<()> {
        if f.type_params.is_some() {
            return Err(self.unsupported(f.range, "type parameters are"));
        }
        let def_line = self.line_of(f.name.range);
        self.unit.line = def_line;
        let first_line = self.decorators(&f.decorator_list, def_line)?;
        let mut fflags = self.defaults(&f.parameters)?;
        fflags |= self.annotations(&f.parameters, f.returns.as_deref())?;
        self.enter_unit(f.range, &f.name.id, first_line)?;
        self.set_arg_counts(&f.parameters);
        self.generator_flag();
        if f.is_async {
            self.unit.flags |= if self.unit.flags & flags::GENERATOR != 0 {
                flags::ASYNC_GENERATOR
            } else {
                flags::COROUTINE
            };
            self.unit.flags &= !flags::GENERATOR;
        }
        let doc = docstring(&f.body);
        self.add_const(doc.clone().map_or(Const::None, Const::Str));
        let body = if doc.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        self.unit.doc = doc;
        if let Some(first) = f.body.first() {
            self.unit.line = self.line_of(first.range());
        }
        self.stmts(body)?;
        self.implicit_return();
        let code = self.leave_unit(f.range)?;
        self.make_closure(code, fflags);
        self.apply_decorators(&f.decorator_list);
        self.name_op(&f.name.id, NameOp::Store);
        Ok(())
    }

    pub(super) fn lambda(&mut self, l: &'a ast::ExprLambda) -> Result<()> {
        let fflags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let line = self.line_of(l.range);
        self.enter_unit(l.range, "<lambda>", line)?;
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.generator_flag();
        self.add_const(Const::None);
        self.expr(&l.body)?;
        if self.unit.flags & flags::GENERATOR != 0 {
            self.emit(Instr::PopTop);
            self.implicit_return();
        } else {
            self.emit(Instr::ReturnValue);
        }
        let code = self.leave_unit(l.range)?;
        self.make_closure(code, fflags);
        Ok(())
    }

    pub(super) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> Result<()> {
        if c.type_params.is_some() {
            return Err(self.unsupported(c.range, "type parameters are"));
        }
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        // Keywords go to the metaclass (`metaclass=` chooses it) and `__init_subclass__`
        // (PEP 487); `**kwargs` is refused here.
        for k in keywords {
            if k.arg.is_none() {
                return Err(self.unsupported(k.range, "class keyword arguments (**kwargs) are"));
            }
        }
        let class_line = self.line_of(c.name.range);
        self.unit.line = class_line;
        let first_line = self.decorators(&c.decorator_list, class_line)?;
        self.enter_unit(c.range, &c.name.id, first_line)?;
        self.unit.flags |= flags::CLASS_BODY;
        self.name_op("__name__", NameOp::Load);
        let module = self.name_index("__module__");
        self.emit(Instr::StoreName(module));
        let qualname = self.unit.qualname.clone();
        self.load_const(Const::Str(qualname));
        let q = self.name_index("__qualname__");
        self.emit(Instr::StoreName(q));
        self.setup_annotations(&c.body);
        let body = self.module_docstring(&c.body)?;
        self.stmts(body)?;
        if self.ctx.table.scopes[self.unit.scope].needs_class_closure {
            self.unit.line = INHERIT;
            let cell = self.deref_index("__class__");
            self.emit(Instr::LoadClosure(cell));
            let classcell = self.name_index("__classcell__");
            self.emit(Instr::StoreName(classcell));
        }
        self.implicit_return();
        let code = self.leave_unit(c.range)?;
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        self.make_closure(code, 0);
        self.load_const(Const::Str(Rc::from(c.name.id.as_str())));
        self.call_helper(2, bases, keywords, None)?;
        self.apply_decorators(&c.decorator_list);
        self.name_op(&c.name.id, NameOp::Store);
        Ok(())
    }

    /// A comprehension is a function called with the iterator of its outermost iterable:
    /// `MakeFunction(code); <iterable>; GetIter; Call(0)` (the function sits in the call's
    /// "self" slot, as CPython 3.11 does).
    pub(super) fn comprehension(&mut self, e: &'a Expr) -> Result<()> {
        let (kind, generators, elt, value, name) = match e {
            Expr::ListComp(c) => (CompKind::List, &c.generators, &*c.elt, None, "<listcomp>"),
            Expr::SetComp(c) => (CompKind::Set, &c.generators, &*c.elt, None, "<setcomp>"),
            Expr::Generator(c) => (
                CompKind::Generator,
                &c.generators,
                &*c.elt,
                None,
                "<genexpr>",
            ),
            Expr::DictComp(c) => match &c.key {
                Some(k) => (
                    CompKind::Dict,
                    &c.generators,
                    &**k,
                    Some(&*c.value),
                    "<dictcomp>",
                ),
                None => return Err(self.unsupported(c.range, "this dict comprehension is")),
            },
            other => return Err(self.unsupported(other.range(), "this expression is")),
        };
        let range = e.range();
        let Some(outermost) = generators.first() else {
            return Err(self.syntax_error(range, "comprehension without a for clause"));
        };
        // An `async for` or an `await` in it makes it asynchronous: a coroutine to await
        // (an asynchronous generator for a generator expression), which only an `async
        // def` may hold (a generator expression anywhere).
        let is_async = generators.iter().any(|g| g.is_async)
            || contains_await(elt)
            || value.is_some_and(contains_await)
            || generators.iter().enumerate().any(|(i, g)| {
                (i > 0 && contains_await(&g.iter)) || g.ifs.iter().any(contains_await)
            });
        let in_async = self.unit.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
        if is_async && kind != CompKind::Generator && !in_async {
            return Err(self.syntax_error(
                range,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        // The line `expr` gave it (an unparenthesized generator argument starts at the `(`).
        let line = self.unit.line;
        self.enter_unit(range, name, line)?;
        self.unit.flags |= flags::COMPREHENSION;
        self.unit.argcount = 1;
        self.generator_flag();
        if is_async {
            self.unit.flags &= !flags::GENERATOR;
            self.unit.flags |= if kind == CompKind::Generator {
                flags::ASYNC_GENERATOR
            } else {
                flags::COROUTINE
            };
        }
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Generator => {}
        }
        self.comprehension_loop(generators, 0, 0, elt, value, kind)?;
        if kind == CompKind::Generator {
            self.implicit_return();
        } else {
            self.emit(Instr::ReturnValue);
        }
        let code = self.leave_unit(range)?;
        self.make_closure(code, 0);
        self.expr(&outermost.iter)?;
        self.emit(if outermost.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(0));
        if is_async && kind != CompKind::Generator {
            self.await_top(0);
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result<()> {
        let comp = &generators[index];
        let (if_cleanup, anchor) = (self.new_label(), self.new_label());
        let mut start = Some(self.new_label());
        if index == 0 {
            let i = self.varname_index(".0");
            self.emit(Instr::LoadFast(i));
        } else if comp.is_async {
            self.expr(&comp.iter)?;
            self.emit(Instr::GetAIter);
        } else {
            let single = match &comp.iter {
                Expr::List(l) => single_item(&l.elts),
                Expr::Tuple(t) => single_item(&t.elts),
                _ => None,
            };
            match single {
                Some(item) => {
                    self.expr(item)?;
                    start = None;
                }
                None => {
                    self.expr(&comp.iter)?;
                    self.emit(Instr::GetIter);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.bind(start);
            if comp.is_async {
                // `async for`: the loop ends at the handler, on StopAsyncIteration.
                self.emit_jump(Instr::SetupFinally, anchor);
                self.emit(Instr::GetANext);
                self.await_top(3);
                self.emit_noline(Instr::PopBlock);
            } else {
                self.emit_jump(Instr::ForIter, anchor);
            }
        }
        self.store_target(&comp.target)?;
        for cond in &comp.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(generators, index + 1, depth, elt, value, kind)?;
        } else {
            match kind {
                CompKind::Generator => {
                    self.expr(elt)?;
                    if self.unit.flags & flags::ASYNC_GENERATOR != 0 {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth + 1));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth + 1));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Instr::MapAdd(depth + 1));
                }
            }
        }
        self.bind(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Instr::Jump, start);
            self.bind(anchor);
            if comp.is_async {
                self.emit(Instr::EndAsyncFor);
            }
        }
        Ok(())
    }
}

/// Whether `e` awaits (outside any lambda in it).
fn contains_await(e: &Expr) -> bool {
    use ruff_python_ast::visitor::{Visitor, walk_expr};
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Await(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ => walk_expr(self, e),
            }
        }
    }
    let mut f = Finder(false);
    f.visit_expr(e);
    f.0
}

fn single_item(elts: &[Expr]) -> Option<&Expr> {
    match elts {
        [e] if !matches!(e, Expr::Starred(_)) => Some(e),
        _ => None,
    }
}
