//! Interned identifiers ([`Sym`]) and [`SymMap`], the insertion-ordered namespace used by
//! modules, classes and instance attributes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// An interned identifier: attribute, variable and global names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

/// A fast, deterministic hasher for small integer keys (the FxHash mixing step).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        for b in chunks.remainder() {
            self.write_u64(*b as u64);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.hash = (self.hash.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

/// The table of interned identifiers.
#[derive(Default)]
pub struct Symbols {
    names: Vec<Rc<str>>,
    index: HashMap<Rc<str>, Sym>,
}

impl Symbols {
    pub fn intern(&mut self, name: &str) -> Sym {
        if let Some(s) = self.index.get(name) {
            return *s;
        }
        let sym = Sym(self.names.len() as u32);
        let rc: Rc<str> = Rc::from(name);
        self.names.push(rc.clone());
        self.index.insert(rc, sym);
        sym
    }

    pub fn lookup(&self, name: &str) -> Option<Sym> {
        self.index.get(name).copied()
    }

    pub fn name(&self, sym: Sym) -> &Rc<str> {
        &self.names[sym.0 as usize]
    }
}

/// An insertion-ordered map from names to values, linear for small sizes and indexed by a
/// hash map once it grows. The first two entries are stored inline: most instances have
/// one or two attributes, and allocating their first entry was a fourteenth of building
/// 10^6 plain instances. The index is boxed: a map is then 32 bytes, not 56, and every
/// instance carries one (10^6 instances took 24 MB more, and their pages' first touch
/// was a fifth of building them).
#[derive(Default, Clone, Debug)]
pub struct SymMap<V> {
    entries: smallvec::SmallVec<[(Sym, V); 2]>,
    index: Option<Box<FxHashMap<Sym, u32>>>,
}

const INDEX_FROM: usize = 12;

impl<V: Copy> SymMap<V> {
    pub fn new() -> Self {
        SymMap {
            entries: smallvec::SmallVec::new(),
            index: None,
        }
    }

    fn position(&self, key: Sym) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(&key).map(|i| *i as usize),
            None => self.entries.iter().position(|(k, _)| *k == key),
        }
    }

    #[inline]
    pub fn get(&self, key: Sym) -> Option<V> {
        self.position(key).map(|i| self.entries[i].1)
    }

    /// The position of `key`, trying first where `hint` says it was last time: a name
    /// instruction remembers where its name sits in a module's namespace, so that looking
    /// up `fib` or `range` again costs one comparison instead of a hash lookup. The hint is
    /// checked against the entry's key, so a stale one (the name removed, entries shifted)
    /// only costs the full lookup.
    #[inline]
    pub fn position_hinted(&self, key: Sym, hint: &std::cell::Cell<u32>) -> Option<usize> {
        let h = hint.get() as usize;
        if let Some((k, _)) = self.entries.get(h)
            && *k == key
        {
            return Some(h);
        }
        let i = self.position(key)?;
        hint.set(i as u32);
        Some(i)
    }

    #[inline]
    pub fn get_hinted(&self, key: Sym, hint: &std::cell::Cell<u32>) -> Option<V> {
        self.position_hinted(key, hint).map(|i| self.entries[i].1)
    }

    /// [`SymMap::insert`] with a position hint (see [`SymMap::position_hinted`]).
    pub fn insert_hinted(&mut self, key: Sym, value: V, hint: &std::cell::Cell<u32>) -> Option<V> {
        if let Some(i) = self.position_hinted(key, hint) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        self.insert(key, value)
    }

    /// Inserts or replaces; returns the previous value.
    pub fn insert(&mut self, key: Sym, value: V) -> Option<V> {
        if let Some(i) = self.position(key) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        self.entries.push((key, value));
        if let Some(ix) = &mut self.index {
            ix.insert(key, (self.entries.len() - 1) as u32);
        } else if self.entries.len() > INDEX_FROM {
            self.index = Some(Box::new(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (*k, i as u32))
                    .collect(),
            ));
        }
        None
    }

    /// Removes a key keeping the order of the others.
    pub fn remove(&mut self, key: Sym) -> Option<V> {
        let i = self.position(key)?;
        let (_, v) = self.entries.remove(i);
        if let Some(ix) = &mut self.index {
            ix.remove(&key);
            for (k, _) in &self.entries[i..] {
                if let Some(p) = ix.get_mut(k) {
                    *p -= 1;
                }
            }
        }
        Some(v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (Sym, V)> + '_ {
        self.entries.iter().map(|(k, v)| (*k, *v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes everything, returning the values in insertion order.
    pub fn drain(&mut self) -> Vec<(Sym, V)> {
        self.index = None;
        std::mem::take(&mut self.entries).into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmap_keeps_order_and_indexes_when_large() {
        let mut m = SymMap::new();
        for i in 0..40 {
            m.insert(Sym(i), i * 10);
        }
        assert_eq!(m.get(Sym(33)), Some(330));
        assert_eq!(m.remove(Sym(5)), Some(50));
        assert_eq!(m.get(Sym(6)), Some(60));
        assert_eq!(m.get(Sym(39)), Some(390));
        assert_eq!(m.iter().nth(5), Some((Sym(6), 60)));
        assert_eq!(m.insert(Sym(6), 1), Some(60));
        assert_eq!(m.len(), 39);
    }

    #[test]
    fn interning_is_stable() {
        let mut s = Symbols::default();
        let a = s.intern("x");
        let b = s.intern("y");
        assert_eq!(s.intern("x"), a);
        assert_ne!(a, b);
        assert_eq!(&**s.name(b), "y");
    }
}
