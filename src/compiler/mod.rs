//! The compiler: ruff's AST → [`CodeObject`]s. It never touches the heap.

pub mod code;

pub use code::{BinOp, CmpOp, CodeObject, Const, Instr};
