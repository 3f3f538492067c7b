//! The constant table of a unit: equal constants (same type and value) share one entry.

use std::rc::Rc;

use super::Compiler;
use crate::compiler::code::Const;

/// A hashable identity for a constant: `0.0` and `-0.0` differ, `1`, `True` and `1.0`
/// differ, tuples compare item by item, frozensets as sets, and code objects are never
/// merged.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(String),
    Float(u64),
    Imag(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    /// Sorted: equal sets are one key.
    FrozenSet(Vec<ConstKey>),
    Code(usize),
}

pub(crate) fn key(c: &Const) -> ConstKey {
    match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Int(i) => ConstKey::Int(i.to_string()),
        Const::BigInt(b) => ConstKey::Int(b.to_string()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Imag(f) => ConstKey::Imag(f.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(t) => ConstKey::Tuple(t.iter().map(key).collect()),
        Const::FrozenSet(t) => {
            let mut keys: Vec<ConstKey> = t.iter().map(key).collect();
            keys.sort();
            keys.dedup();
            ConstKey::FrozenSet(keys)
        }
        Const::Code(code) => ConstKey::Code(Rc::as_ptr(code) as usize),
    }
}

impl Compiler<'_> {
    /// The index of `c` in the unit's constants, adding it if it is new.
    pub(super) fn add_const(&mut self, c: Const) -> u32 {
        let k = key(&c);
        if let Some(&i) = self.unit.const_index.get(&k) {
            return i;
        }
        let i = self.unit.consts.len() as u32;
        self.unit.consts.push(c);
        self.unit.const_index.insert(k, i);
        i
    }

    /// `c`, the value of literals of the source, also stays in the parser's arena.
    pub(super) fn in_arena(&mut self, c: &Const) {
        match c {
            // (The runtime's shared objects: their counts are not the program's.)
            Const::None | Const::Bool(_) | Const::Ellipsis | Const::Code(_) => {}
            Const::Int(i) if (-5..=256).contains(i) => {}
            Const::Tuple(items) => {
                self.unit.arena.push(c.clone());
                for i in items.iter() {
                    self.in_arena(i);
                }
            }
            // A frozenset constant is the compiler's; its items are the literals'.
            Const::FrozenSet(items) => {
                for i in items.iter() {
                    self.in_arena(i);
                }
            }
            _ => self.unit.arena.push(c.clone()),
        }
    }

    pub(super) fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(crate::compiler::code::Instr::LoadConst(i));
    }
}
