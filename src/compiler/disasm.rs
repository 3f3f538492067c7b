//! A readable listing of a code object, recursing into nested code objects (like `dis`).

use std::fmt::Write;

use super::code::{BinOp, CmpOp, CodeObject, Const, Instr};

/// Disassembles `code` and every code object among its constants.
///
/// Each line shows the source line (when it changes), the instruction index, the
/// instruction and a readable argument:
///
/// ```text
///   1      0 LoadConst(0)        1000
/// ```
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    listing(code, &mut out);
    out
}

fn listing(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code {} ({}), line {}>:",
        code.name, code.qualname, code.first_line
    );
    let mut last_line = None;
    for (i, instr) in code.code.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let shown = if last_line == Some(line) {
            String::new()
        } else if line == 0 {
            "--".to_string()
        } else {
            line.to_string()
        };
        last_line = Some(line);
        let arg = describe(code, instr);
        let text = format!("{instr:?}");
        let _ = if arg.is_empty() {
            writeln!(out, "{shown:>4} {i:>6} {text}")
        } else {
            writeln!(out, "{shown:>4} {i:>6} {text:<20} {arg}")
        };
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            listing(inner, out);
        }
    }
}

fn name(list: &[std::rc::Rc<str>], i: u32) -> String {
    list.get(i as usize)
        .map_or("?".to_string(), |n| n.to_string())
}

fn describe(code: &CodeObject, instr: &Instr) -> String {
    match *instr {
        Instr::LoadConst(i) | Instr::KwNames(i) => code
            .consts
            .get(i as usize)
            .map_or("?".to_string(), const_repr),
        Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => name(&code.varnames, i),
        Instr::LoadDeref(i)
        | Instr::StoreDeref(i)
        | Instr::DeleteDeref(i)
        | Instr::LoadClosure(i)
        | Instr::LoadClassDeref(i) => code
            .deref_name(i)
            .map_or("?".to_string(), |n| n.to_string()),
        Instr::LoadName(i)
        | Instr::StoreName(i)
        | Instr::DeleteName(i)
        | Instr::LoadGlobal(i)
        | Instr::StoreGlobal(i)
        | Instr::DeleteGlobal(i)
        | Instr::LoadAttr(i)
        | Instr::StoreAttr(i)
        | Instr::DeleteAttr(i)
        | Instr::LoadMethod(i)
        | Instr::ImportName(i)
        | Instr::ImportFrom(i) => name(&code.names, i),
        Instr::BinaryOp(op) => match BinOp::decode(op) {
            Some((op, true)) => format!("{}=", op.symbol()),
            Some((op, false)) => op.symbol().to_string(),
            None => "?".to_string(),
        },
        Instr::CompareOp(op) => CmpOp::decode(op).map_or("?", |c| c.symbol()).to_string(),
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::PopJumpIfNone(t)
        | Instr::PopJumpIfNotNone(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t)
        | Instr::SetupAsyncWith(t) => format!("to {t}"),
        _ => String::new(),
    }
}

/// A constant as Python's `repr` would show it.
pub(crate) fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(b) => b.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Imag(f) => format!("{}j", float_repr(*f).trim_end_matches(".0")),
        Const::Str(s) => format!("{s:?}").replace('"', "'"),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)).replace('"', "'"),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Const::Code(code) => format!("<code {}, line {}>", code.name, code.first_line),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}
