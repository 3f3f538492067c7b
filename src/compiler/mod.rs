//! The compiler: ruff's AST → [`CodeObject`]s, following CPython 3.11's `compile.c`.
//!
//! It owns scope analysis ([`symtable`]), constant folding ([`fold`]), code generation
//! ([`codegen`], with line tables attributed as CPython 3.11 does) and the disassembler
//! ([`disassemble`]). It never touches the heap: code objects are plain data, and the vm
//! puts their constants on the heap when it loads them. [`code`] is the contract with the
//! vm; nothing else here is seen by it.

pub mod code;
mod codegen;
mod disasm;
mod fold;
mod lines;
mod stackdepth;
mod symtable;
mod warnings;

pub use warnings::{SyntaxWarning, render_warnings, syntax_warnings};

use std::fmt;
use std::rc::Rc;

pub use code::{BinOp, CmpOp, CodeObject, Const, Instr};
pub use disasm::disassemble;

/// How a module is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One `<module>` code object for the whole file.
    File,
    /// One code object per top-level statement, as the interactive interpreter does:
    /// constants are not shared between statements.
    Repl,
    /// `eval()`: the source is one expression, whose value the code object returns.
    Eval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// CPython rejects the program with this `SyntaxError`.
    SyntaxError,
    /// Valid Python that refscope does not run yet.
    Unsupported,
}

/// A compile error with CPython's message and a 1-based position.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub msg: String,
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Where the offending code ends (line, 1-based column just past it), when known.
    pub end: Option<(u32, u32)>,
    /// Found by the symbol table (CPython's symtable.c), whose SyntaxErrors carry their
    /// place in attributes only, not in their arguments.
    pub symtable: bool,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            CompileErrorKind::SyntaxError => write!(f, "SyntaxError: {}", self.msg)?,
            CompileErrorKind::Unsupported => write!(f, "NotImplementedError: {}", self.msg)?,
        }
        write!(f, " (line {})", self.line)
    }
}

impl CompileError {
    pub(crate) fn syntax(msg: impl Into<String>, (line, col): (u32, u32)) -> Self {
        CompileError {
            kind: CompileErrorKind::SyntaxError,
            msg: msg.into(),
            line,
            col,
            end: None,
            symtable: false,
        }
    }

    /// The error as the symbol table reports it.
    pub(crate) fn in_symtable(mut self) -> Self {
        self.symtable = true;
        self
    }

    /// The error with where its code ends.
    pub(crate) fn ending_at(mut self, end: (u32, u32)) -> Self {
        self.end = Some(end);
        self
    }

    pub(crate) fn unsupported(msg: impl Into<String>, (line, col): (u32, u32)) -> Self {
        CompileError {
            kind: CompileErrorKind::Unsupported,
            msg: msg.into(),
            line,
            col,
            end: None,
            symtable: false,
        }
    }
}

/// Whether the module's future statements (the `from __future__ import` statements
/// that open it, after its docstring) ask for `annotations`.
fn future_annotations(body: &[ruff_python_ast::Stmt]) -> bool {
    use ruff_python_ast::{Expr, Stmt};
    let docstring =
        matches!(body.first(), Some(Stmt::Expr(e)) if matches!(&*e.value, Expr::StringLiteral(_)));
    body.iter()
        .skip(usize::from(docstring))
        .map_while(|s| match s {
            Stmt::ImportFrom(i)
                if i.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
            {
                Some(i)
            }
            _ => None,
        })
        .any(|i| i.names.iter().any(|a| a.name.as_str() == "annotations"))
}

/// Compiles a parsed module.
///
/// `Mode::File` returns one code object named `<module>`; `Mode::Repl` returns one per
/// top-level statement. Equal constants are merged within each code object.
///
/// ```
/// use refscope::compiler::{compile_module, Mode};
/// let src = "c = 1000\nd = 1000\n";
/// let module = ruff_python_parser::parse_module(src).unwrap().into_syntax();
/// let code = compile_module(&module, src, "demo.py", Mode::File).unwrap();
/// assert_eq!(code.len(), 1);
/// assert_eq!(&*code[0].name, "<module>");
/// ```
pub fn compile_module(
    module: &ruff_python_ast::ModModule,
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Vec<Rc<CodeObject>>, CompileError> {
    let lines = lines::LineIndex::new(source);
    let table = symtable::build(module, &lines)?;
    let ctx = codegen::Context {
        lines: &lines,
        table: &table,
        filename: Rc::from(filename),
        future_annotations: future_annotations(&module.body),
    };
    match mode {
        Mode::File => Ok(vec![codegen::compile_module(&ctx, &module.body, true)?]),
        Mode::Eval => match &module.body[..] {
            [ruff_python_ast::Stmt::Expr(e)] => Ok(vec![codegen::compile_eval(&ctx, &e.value)?]),
            body => {
                let at = body.get(1).or(body.first()).map_or((1, 1), |s| {
                    lines.line_col(ruff_text_size::Ranged::range(s).start())
                });
                Err(CompileError::syntax("invalid syntax", at))
            }
        },
        Mode::Repl => module
            .body
            .iter()
            .map(|stmt| codegen::compile_module(&ctx, std::slice::from_ref(stmt), false))
            .collect(),
    }
}
