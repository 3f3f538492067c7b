//! Scope analysis (CPython's `symtable.c`): which names of each scope are locals, globals,
//! cells or free variables.
//!
//! [`build`] walks the AST once and records every name each scope defines or uses;
//! [`analyze`](SymbolTable::analyze) then resolves them from the module inwards, exactly as
//! CPython 3.11 does (comprehensions and generator expressions are function scopes whose
//! single parameter is `.0`). Codegen finds a scope by the text range of the node that
//! opened it. This module reads the AST only; it never emits code.

mod analyze;
mod build;
mod comprehension;

use std::collections::HashMap;

use ruff_text_size::TextRange;

pub(crate) use build::build;

/// Flags of a symbol: how its scope defines or uses it.
pub(crate) mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    /// Bound in a class body and free in a nested function: the class passes it through.
    pub const FREE_CLASS: u32 = 32;
    pub const IMPORT: u32 = 64;
    pub const ANNOT: u32 = 128;
    /// The target of a comprehension's `for`.
    pub const COMP_ITER: u32 = 256;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes use fast locals (CPython's `FunctionBlock`).
    pub(crate) fn is_function(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Where a name lives, once analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// Where a declaration starts and ends: (line, column) each.
pub(crate) type Span = ((u32, u32), (u32, u32));

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
    /// Where its `global`/`nonlocal` declaration starts and ends (line, column), for
    /// errors found later.
    pub decl: Span,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameter names in order (`varnames` starts with them).
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub generator: bool,
    /// A class body whose methods use `super` or `__class__`: it owns a `__class__` cell.
    pub needs_class_closure: bool,
    /// The class name used to mangle `__private` names, if inside a class.
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: String, private: Option<String>) -> Self {
        Scope {
            kind,
            name,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            generator: false,
            needs_class_closure: false,
            private,
        }
    }

    pub(crate) fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1.flags)
    }

    fn symbol_mut(&mut self, name: &str) -> &mut Symbol {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                let sym = Symbol {
                    flags: 0,
                    scope: NameScope::GlobalImplicit,
                    decl: ((0, 0), (0, 0)),
                };
                self.symbols.push((name.to_string(), sym));
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i].1
    }

    /// The analysed scope of a (mangled) name; unknown names are implicit globals.
    pub(crate) fn lookup(&self, name: &str) -> NameScope {
        self.index
            .get(name)
            .map_or(NameScope::GlobalImplicit, |&i| self.symbols[i].1.scope)
    }

    /// Names of this scope's cells, sorted as CPython orders `co_cellvars`.
    pub(crate) fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        if self.needs_class_closure {
            v.insert(0, "__class__".to_string());
        }
        v
    }

    /// Names of this scope's free variables, sorted as CPython orders `co_freevars`.
    pub(crate) fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Free || s.flags & def::FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// All scopes of one module; scope 0 is the module.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
}

impl SymbolTable {
    /// The scope opened by the node with this range (function, class, lambda, comprehension).
    pub(crate) fn scope_for(&self, range: TextRange) -> Option<usize> {
        self.by_range
            .get(&(range.start().into(), range.end().into()))
            .copied()
    }
}

/// CPython's private name mangling: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::lines::LineIndex;

    fn table(src: &str) -> SymbolTable {
        let module = ruff_python_parser::parse_module(src).unwrap().into_syntax();
        build(&module, &LineIndex::new(src)).unwrap()
    }

    fn scope_named<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
        t.scopes.iter().find(|s| s.name == name).unwrap()
    }

    #[test]
    fn classifies_locals_globals_cells_and_frees() {
        let t = table(
            "g = 1\ndef f(p, q):\n    global h\n    l = p\n    def inner():\n        return p + l + g + h\n    return inner\n",
        );
        let f = scope_named(&t, "f");
        assert_eq!(f.lookup("p"), NameScope::Cell);
        assert_eq!(f.lookup("q"), NameScope::Local);
        assert_eq!(f.lookup("l"), NameScope::Cell);
        assert_eq!(f.lookup("h"), NameScope::GlobalExplicit);
        assert_eq!(f.cellvars(), ["l", "p"]);
        let inner = scope_named(&t, "inner");
        assert_eq!(inner.lookup("p"), NameScope::Free);
        assert_eq!(inner.lookup("g"), NameScope::GlobalImplicit);
        assert_eq!(inner.lookup("h"), NameScope::GlobalImplicit);
        assert_eq!(inner.freevars(), ["l", "p"]);
    }

    #[test]
    fn free_variables_pass_through_intermediate_scopes() {
        let t = table(
            "def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c\n    return b\n",
        );
        assert_eq!(scope_named(&t, "a").lookup("x"), NameScope::Cell);
        assert_eq!(scope_named(&t, "b").lookup("x"), NameScope::Free);
        assert_eq!(scope_named(&t, "b").freevars(), ["x"]);
        assert_eq!(scope_named(&t, "c").lookup("x"), NameScope::Free);
    }

    #[test]
    fn class_scopes_are_invisible_to_methods() {
        let t = table("class C:\n    x = 1\n    def m(self):\n        return x, __class__\n");
        let c = scope_named(&t, "C");
        assert_eq!(c.lookup("x"), NameScope::Local);
        assert!(c.needs_class_closure);
        let m = scope_named(&t, "m");
        assert_eq!(m.lookup("x"), NameScope::GlobalImplicit);
        assert_eq!(m.lookup("__class__"), NameScope::Free);
    }

    #[test]
    fn nonlocal_binds_to_the_enclosing_function() {
        let t = table(
            "def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    return inc\n",
        );
        assert_eq!(scope_named(&t, "f").lookup("n"), NameScope::Cell);
        assert_eq!(scope_named(&t, "inc").lookup("n"), NameScope::Free);
    }

    #[test]
    fn comprehensions_have_their_own_scope() {
        let t = table("def f(xs):\n    y = 2\n    return [x * y for x in xs]\n");
        let comp = scope_named(&t, "listcomp");
        assert_eq!(comp.kind, ScopeKind::Comprehension);
        assert_eq!(comp.params, [".0"]);
        assert_eq!(comp.lookup("x"), NameScope::Local);
        assert_eq!(comp.lookup("y"), NameScope::Free);
        // `xs` is evaluated in `f`, not in the comprehension.
        assert_eq!(comp.flags("xs"), 0);
        assert_eq!(scope_named(&t, "f").lookup("y"), NameScope::Cell);
    }

    #[test]
    fn mangles_private_names_inside_classes() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
