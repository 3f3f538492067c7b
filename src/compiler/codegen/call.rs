//! Calls, with CPython 3.11's conventions: `PushNull; f; args; Call(n)`, `LoadMethod` for
//! `obj.m(...)`, `KwNames` before `Call` for keyword arguments, and `CallFunctionEx`
//! when there are `*args` or `**kwargs`.

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::expr::{Display, STACK_USE_GUIDELINE};
use super::{Compiler, Result};
use crate::compiler::code::{Const, Instr};

impl<'a> Compiler<'a> {
    pub(super) fn call(&mut self, c: &'a ast::ExprCall) -> Result<()> {
        self.validate_keywords(&c.arguments.keywords)?;
        if self.method_call(c)? {
            return Ok(());
        }
        self.emit(Instr::PushNull);
        self.expr(&c.func)?;
        let paren = self.line_of(c.arguments.range);
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords, Some(paren))
    }

    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> Result<()> {
        let mut seen = HashSet::new();
        for k in keywords {
            if let Some(arg) = &k.arg
                && !seen.insert(arg.id.as_str())
            {
                return Err(
                    self.syntax_error(k.range, format!("keyword argument repeated: {}", arg.id))
                );
            }
        }
        Ok(())
    }

    /// `obj.m(args)` without `*`/`**`: `obj; LoadMethod m; args; Call(n)`, with `LoadMethod`
    /// and `Call` on the line of the method name.
    fn method_call(&mut self, c: &'a ast::ExprCall) -> Result<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        let (args, kws) = (&c.arguments.args, &c.arguments.keywords);
        if args.len() + kws.len() + usize::from(!kws.is_empty()) >= STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.expr(&meth.value)?;
        let line = self.attr_line(meth);
        let saved = self.unit.line;
        self.unit.line = line;
        let idx = self.attr_index(&meth.attr.id);
        self.emit(Instr::LoadMethod(idx));
        let paren = self.line_of(c.arguments.range);
        let r = self.plain_args(args, kws, paren);
        self.unit.line = saved;
        r.map(|()| true)
    }

    fn plain_args(&mut self, args: &'a [Expr], kws: &'a [ast::Keyword], paren: u32) -> Result<()> {
        self.positional_args(args, Some(paren))?;
        self.keyword_values(kws)?;
        self.emit(Instr::Call((args.len() + kws.len()) as u32));
        Ok(())
    }

    /// Positional arguments. A generator expression that is the only argument and has no
    /// parentheses of its own starts, for CPython, at the call's `(`.
    fn positional_args(&mut self, args: &'a [Expr], paren: Option<u32>) -> Result<()> {
        for a in args {
            match a {
                Expr::Generator(g) if !g.parenthesized && args.len() == 1 => {
                    let line = paren.unwrap_or_else(|| self.line_of(g.range));
                    self.expr_on_line(a, line)?;
                }
                _ => self.expr(a)?,
            }
        }
        Ok(())
    }

    fn keyword_values(&mut self, kws: &'a [ast::Keyword]) -> Result<()> {
        if kws.is_empty() {
            return Ok(());
        }
        for k in kws {
            self.expr(&k.value)?;
        }
        let names: Vec<Const> = kws
            .iter()
            .map(|k| Const::Str(Rc::from(k.arg.as_ref().map_or("", |a| a.id.as_str()))))
            .collect();
        let idx = self.add_const(Const::Tuple(names.into()));
        self.emit(Instr::KwNames(idx));
        Ok(())
    }

    /// The arguments of a call whose callable (and NULL or self) is already pushed, with
    /// `n` extra positional arguments already on the stack (CPython's `compiler_call_helper`).
    pub(super) fn call_helper(
        &mut self,
        n: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
        paren: Option<u32>,
    ) -> Result<()> {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let double = kws.iter().any(|k| k.arg.is_none());
        if !starred && !double && args.len() + kws.len() * 2 <= STACK_USE_GUIDELINE {
            self.positional_args(args, paren)?;
            self.keyword_values(kws)?;
            self.emit(Instr::Call(n + (args.len() + kws.len()) as u32));
            return Ok(());
        }
        // Positional arguments: an iterable (a lone `*x` is passed as is) or a tuple.
        match args {
            [Expr::Starred(s)] if n == 0 => self.expr(&s.value)?,
            _ => self.display(args, Display::Tuple, n)?,
        }
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.kwargs_map(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.kwargs_map(&kws[kws.len() - nseen..])?;
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.emit(Instr::CallFunctionEx(u32::from(!kws.is_empty())));
        Ok(())
    }

    /// `k1=v1, k2=v2` as a dict: `LoadConst 'k1'; v1; ...; BuildMap(n)`.
    fn kwargs_map(&mut self, kws: &'a [ast::Keyword]) -> Result<()> {
        for k in kws {
            let name = k.arg.as_ref().map_or("", |a| a.id.as_str());
            let line = self.line_of(k.range());
            self.at_line(line, |c| c.load_const(Const::Str(Rc::from(name))));
            self.expr(&k.value)?;
        }
        self.emit(Instr::BuildMap(kws.len() as u32));
        Ok(())
    }
}
