//! The second pass: resolve every symbol to a [`NameScope`] (CPython's `analyze_block`).

use std::collections::HashSet;

use super::{NameScope, ScopeKind, SymbolTable, def};
use crate::compiler::CompileError;

type Names = HashSet<String>;

impl SymbolTable {
    pub(super) fn analyze(&mut self) -> Result<(), CompileError> {
        let mut global = Names::new();
        let mut free = Names::new();
        self.analyze_block(0, None, &mut free, &mut global)
    }

    /// Resolves the names of scope `id` given the names `bound` in enclosing function scopes
    /// and the known explicit `global`s; adds the scope's free names to `free`.
    fn analyze_block(
        &mut self,
        id: usize,
        mut bound: Option<Names>,
        free: &mut Names,
        global: &mut Names,
    ) -> Result<(), CompileError> {
        let kind = self.scopes[id].kind;
        let mut local = Names::new();
        let mut newglobal = Names::new();
        let mut newbound = Names::new();
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let names: Vec<(String, u32, super::Span)> = self.scopes[id]
            .symbols
            .iter()
            .map(|(n, s)| (n.clone(), s.flags, s.decl))
            .collect();
        let mut scopes = Vec::with_capacity(names.len());
        for (name, flags, at) in &names {
            let at = *at;
            let scope = if flags & def::GLOBAL != 0 {
                if flags & def::NONLOCAL != 0 {
                    return Err(syntax(format!("name '{name}' is nonlocal and global"), at));
                }
                global.insert(name.clone());
                if let Some(b) = &mut bound {
                    b.remove(name);
                }
                NameScope::GlobalExplicit
            } else if flags & def::NONLOCAL != 0 {
                if !bound.as_ref().is_some_and(|b| b.contains(name)) {
                    return Err(syntax(
                        format!("no binding for nonlocal '{name}' found"),
                        at,
                    ));
                }
                free.insert(name.clone());
                NameScope::Free
            } else if flags & def::BOUND != 0 {
                local.insert(name.clone());
                global.remove(name);
                NameScope::Local
            } else if bound.as_ref().is_some_and(|b| b.contains(name)) {
                free.insert(name.clone());
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            scopes.push(scope);
        }
        if kind != ScopeKind::Class {
            if kind.is_function() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }

        let mut newfree = Names::new();
        let children = self.scopes[id].children.clone();
        for child in children {
            let mut child_free = Names::new();
            let mut child_global = newglobal.clone();
            self.analyze_block(
                child,
                Some(newbound.clone()),
                &mut child_free,
                &mut child_global,
            )?;
            newfree.extend(child_free);
        }

        // Locals captured by nested scopes become cells (analyze_cells / drop_class_free).
        if kind.is_function() {
            for ((name, _, _), scope) in names.iter().zip(scopes.iter_mut()) {
                if *scope == NameScope::Local && newfree.remove(name) {
                    *scope = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }

        // update_symbols
        let scope = &mut self.scopes[id];
        for ((_, sym), s) in scope.symbols.iter_mut().zip(scopes) {
            sym.scope = s;
        }
        let mut passthrough: Vec<&String> = newfree.iter().collect();
        passthrough.sort();
        for name in passthrough {
            let flags = scope.flags(name);
            if flags != 0 || scope.index.contains_key(name) {
                if kind == ScopeKind::Class && flags & (def::BOUND | def::GLOBAL) != 0 {
                    scope.symbol_mut(name).flags |= def::FREE_CLASS;
                }
                continue;
            }
            if !bound.as_ref().is_some_and(|b| b.contains(name)) {
                continue;
            }
            scope.symbol_mut(name).scope = NameScope::Free;
        }
        free.extend(newfree);
        Ok(())
    }
}

/// Analysis errors point at the `global`/`nonlocal` statement, as CPython's do.
fn syntax(msg: String, (start, end): super::Span) -> CompileError {
    CompileError::syntax(msg, start)
        .ending_at(end)
        .in_symtable()
}
