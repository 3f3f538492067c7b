//! Putting compiled code on the heap: each code object becomes a `code` object whose
//! constants are heap objects. Equal constants of one file become one object (CPython
//! merges constants per compilation), small ints are the cached ones, and identifier-like
//! strings are interned.

use std::collections::HashMap;
use std::rc::Rc;

use super::Vm;
use crate::compiler::{CodeObject, Const};
use crate::heap::kinds::CodeRt;
use crate::heap::{Kind, ObjId};

#[derive(PartialEq, Eq, Hash, Clone, Debug, PartialOrd, Ord)]
enum Key {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(String),
    Float(u64),
    Imag(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<Key>),
    /// Sorted: equal sets are one constant.
    FrozenSet(Vec<Key>),
}

/// The constants of the file being loaded (borrowed references: the code objects own them).
#[derive(Default)]
pub struct ConstCache {
    map: HashMap<Key, ObjId>,
    /// The constants already in the parser's arena (`Vm::arena`).
    in_arena: std::collections::HashSet<Key>,
}

fn key(c: &Const) -> Option<Key> {
    Some(match c {
        Const::None => Key::None,
        Const::Bool(b) => Key::Bool(*b),
        Const::Ellipsis => Key::Ellipsis,
        Const::Int(i) => Key::Int(*i),
        Const::BigInt(b) => Key::BigInt(b.to_string()),
        Const::Float(f) => Key::Float(f.to_bits()),
        Const::Imag(f) => Key::Imag(f.to_bits()),
        Const::Str(s) => Key::Str(s.clone()),
        Const::Bytes(b) => Key::Bytes(b.clone()),
        Const::Tuple(items) => Key::Tuple(items.iter().map(key).collect::<Option<Vec<_>>>()?),
        Const::FrozenSet(items) => {
            let mut keys = items.iter().map(key).collect::<Option<Vec<_>>>()?;
            keys.sort();
            keys.dedup();
            Key::FrozenSet(keys)
        }
        Const::Code(_) => return None,
    })
}

/// Whether CPython interns a string constant: all characters are ASCII letters, digits or
/// underscores (`all_name_chars` in codeobject.c).
pub fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Vm {
    /// Starts loading a new file: constants are merged within it, not across files.
    pub fn begin_file(&mut self) {
        self.const_cache.map.clear();
        self.const_cache.in_arena.clear();
    }

    /// Loads a code object and its nested code objects; returns the owned `code` object.
    pub fn load_code(&mut self, code: &Rc<CodeObject>) -> ObjId {
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            consts.push(self.load_const(c));
        }
        if self.arena_on {
            for c in &code.arena {
                if key(c).is_some_and(|k| self.const_cache.in_arena.insert(k)) {
                    let id = self.load_const(c);
                    self.arena.push(id);
                }
            }
        }
        let names: Vec<_> = code.names.iter().map(|n| self.heap.intern_sym(n)).collect();
        let rt = Rc::new(CodeRt {
            code: code.clone(),
            consts,
            name_hints: names.iter().map(|_| Default::default()).collect(),
            names,
        });
        self.heap.alloc(Kind::Code(rt))
    }

    /// A new reference to the heap object for a constant.
    fn load_const(&mut self, c: &Const) -> ObjId {
        let k = key(c);
        if let Some(k) = &k
            && let Some(id) = self.const_cache.map.get(k).copied()
        {
            self.heap.incref(id);
            return id;
        }
        let id = match c {
            Const::None => self.none(),
            Const::Bool(b) => self.new_bool(*b),
            Const::Ellipsis => {
                self.heap.incref(self.ellipsis);
                self.ellipsis
            }
            Const::Int(i) => self.new_int(*i),
            Const::BigInt(b) => self.new_bigint(b.clone()),
            Const::Float(f) => self.new_float(*f),
            Const::Imag(f) => self.heap.alloc(Kind::Complex(Box::new((0.0, *f)))),
            Const::Str(s) => {
                if is_name_like(s) {
                    self.intern_str(s)
                } else {
                    self.new_str(s)
                }
            }
            Const::Bytes(b) => self.new_bytes(b.to_vec()),
            Const::Tuple(items) => {
                let v: Vec<ObjId> = items.iter().map(|i| self.load_const(i)).collect();
                // Tracked, as in CPython, until the first collection that sees it.
                self.new_tuple(v)
            }
            Const::FrozenSet(items) => {
                let v: Vec<ObjId> = items.iter().map(|i| self.load_const(i)).collect();
                self.const_frozenset(v)
            }
            Const::Code(code) => return self.load_code(code),
        };
        if let Some(k) = k {
            self.const_cache.map.insert(k, id);
        }
        id
    }

    /// A frozenset constant of `items` (owned), laid out as CPython 3.11's compiler
    /// leaves it: made from the items in source order, then, when constants are merged,
    /// made again from that set's iteration order (so `{1, 9, 17, 25}` prints
    /// `{1, 17, 25, 9}`).
    fn const_frozenset(&mut self, items: Vec<ObjId>) -> ObjId {
        let first = self.new_frozenset_of(&items);
        for i in items {
            self.heap.decref(i);
        }
        let order: Vec<ObjId> = match self.heap.kind(first) {
            Kind::FrozenSet(t) => t.iter().map(|(_, e)| e.key).collect(),
            _ => vec![],
        };
        let merged = self.new_frozenset_of(&order);
        self.heap.decref(first);
        merged
    }

    /// A new frozenset of constant items (borrowed), added in order.
    fn new_frozenset_of(&mut self, items: &[ObjId]) -> ObjId {
        let s = self.new_set(true);
        for &i in items {
            // (Constants hash and compare without Python code: only the heap limit can
            // refuse one.)
            if let Err(e) = self.set_add(s, i) {
                self.heap.decref(e.0);
            }
        }
        s
    }

    /// Forgets the merged constants of the file (they stay alive in their code objects).
    pub fn end_file(&mut self) {
        self.const_cache.map.clear();
        self.const_cache.in_arena.clear();
    }
}
