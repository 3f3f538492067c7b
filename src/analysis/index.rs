//! A snapshot's objects by position, with their object-to-object references as adjacency
//! lists: the walks the views make at every step (what the roots reach, what no root
//! reaches, what is the interpreter's own) in time linear in the heap and without
//! hashing. A heap of a million objects is indexed in a few tens of milliseconds.

use std::collections::HashMap;

use crate::heap::symbols::FxBuild;
use crate::record::{Holder, ObjKey, Snapshot};

/// An object's position in `Snapshot::objects`.
pub type Ix = u32;

enum Lookup {
    /// `table[id - base]` is the object's position (`u32::MAX`: none): ids are dense
    /// enough.
    Dense {
        base: u32,
        table: Vec<Ix>,
    },
    Sparse(HashMap<ObjKey, Ix, FxBuild>),
}

pub struct SnapIndex {
    lookup: Lookup,
    /// Object `i`'s references to objects are `edges[start[i]..start[i + 1]]`, in the
    /// snapshot's order (by target); `plumbing` says which go through `__globals__`,
    /// `__code__` or `__builtins__`, or a library function's closure.
    start: Vec<u32>,
    edges: Vec<Ix>,
    plumbing: Vec<bool>,
    /// The references the snapshot lists to each object.
    listed: Vec<u32>,
    /// Objects held by variables, globals and value stacks, in the snapshot's order,
    /// each once.
    program_roots: Vec<Ix>,
    /// Objects held by any holder that is not an object (the program's roots, constant
    /// tables, the runtime), each once.
    rooted: Vec<Ix>,
    /// Functions of another module than `__main__` (whose `__globals__` is that module).
    library: Vec<bool>,
}

/// References that are the interpreter's plumbing wherever they are, among them the
/// type machinery's: a class's `__mro__`, `__bases__` and `__base__`, a descriptor's
/// `__objclass__` (and a namespace's references to its descriptors, see
/// [`is_descriptor`]).
pub const PLUMBING: [&str; 7] = [
    "__globals__",
    "__code__",
    "__builtins__",
    "__mro__",
    "__bases__",
    "__base__",
    "__objclass__",
];

/// The `__dict__`, `__weakref__` and slot descriptors that a class's namespace holds.
pub fn is_descriptor(type_name: &str) -> bool {
    matches!(type_name, "getset_descriptor" | "member_descriptor")
}
/// References that are plumbing when a library function holds them: a decorator's
/// wrapper keeps the function it wraps and its own state in its closure.
pub const LIBRARY_PLUMBING: [&str; 2] = ["__closure__", "__wrapped__"];

impl SnapIndex {
    pub fn new(s: &Snapshot) -> SnapIndex {
        let n = s.objects.len();
        let (lo, hi) = match (s.objects.first(), s.objects.last()) {
            (Some(a), Some(b)) => (a.id, b.id),
            _ => (0, 0),
        };
        let span = (hi - lo) as usize + 1;
        let lookup = if n > 0 && span <= 4 * n + 1024 {
            let mut table = vec![Ix::MAX; span];
            for (i, o) in s.objects.iter().enumerate() {
                table[(o.id - lo) as usize] = i as Ix;
            }
            Lookup::Dense { base: lo, table }
        } else {
            Lookup::Sparse(
                s.objects
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.id, i as Ix))
                    .collect(),
            )
        };
        let mut index = SnapIndex {
            lookup,
            start: vec![0; n + 1],
            edges: vec![],
            plumbing: vec![],
            listed: vec![0; n],
            program_roots: vec![],
            rooted: vec![],
            library: vec![false; n],
        };
        for r in s.references.iter().filter(|r| r.label == "__globals__") {
            if let (Holder::Object { id }, Some(module)) = (&r.holder, s.object(r.to))
                && module.type_name == "module"
                && module.repr != "<module '__main__'>"
                && let Some(f) = index.ix(*id)
            {
                index.library[f as usize] = true;
            }
        }
        // Out-degrees, then the adjacency lists filled in the references' order.
        let mut pairs: Vec<(Ix, Ix, bool)> = vec![];
        let (mut seen_root, mut seen_rooted) = (vec![false; n], vec![false; n]);
        for r in &s.references {
            let Some(to) = index.ix(r.to) else {
                continue;
            };
            index.listed[to as usize] += 1;
            match r.holder {
                Holder::Object { id } => {
                    if let Some(from) = index.ix(id) {
                        index.start[from as usize + 1] += 1;
                        let label = r.label.as_str();
                        let plumbing = PLUMBING.contains(&label)
                            || (index.library[from as usize] && LIBRARY_PLUMBING.contains(&label))
                            || is_descriptor(&s.objects[to as usize].type_name);
                        pairs.push((from, to, plumbing));
                    }
                }
                ref h => {
                    if !std::mem::replace(&mut seen_rooted[to as usize], true) {
                        index.rooted.push(to);
                    }
                    let program = matches!(
                        h,
                        Holder::Variable { .. } | Holder::Global { .. } | Holder::Stack { .. }
                    );
                    if program && !std::mem::replace(&mut seen_root[to as usize], true) {
                        index.program_roots.push(to);
                    }
                }
            }
        }
        for i in 0..n {
            index.start[i + 1] += index.start[i];
        }
        let mut fill = index.start.clone();
        index.edges = vec![0; pairs.len()];
        index.plumbing = vec![false; pairs.len()];
        for (from, to, plumbing) in pairs {
            let at = fill[from as usize] as usize;
            index.edges[at] = to;
            index.plumbing[at] = plumbing;
            fill[from as usize] += 1;
        }
        index
    }

    /// The position of object `id`.
    pub fn ix(&self, id: ObjKey) -> Option<Ix> {
        match &self.lookup {
            Lookup::Dense { base, table } => id
                .checked_sub(*base)
                .and_then(|k| table.get(k as usize))
                .copied()
                .filter(|&i| i != Ix::MAX),
            Lookup::Sparse(map) => map.get(&id).copied(),
        }
    }

    pub fn len(&self) -> usize {
        self.listed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The objects `i` refers to (positions), with whether each reference is plumbing.
    pub fn referents(&self, i: Ix) -> impl Iterator<Item = (Ix, bool)> + '_ {
        let (a, b) = (
            self.start[i as usize] as usize,
            self.start[i as usize + 1] as usize,
        );
        self.edges[a..b]
            .iter()
            .copied()
            .zip(self.plumbing[a..b].iter().copied())
    }

    /// Whether object `i` is a function of another module than `__main__`.
    pub fn is_library_function(&self, i: Ix) -> bool {
        self.library[i as usize]
    }

    /// Objects held by variables, globals and value stacks.
    pub fn program_roots(&self) -> &[Ix] {
        &self.program_roots
    }

    /// Whether the object has more references than the snapshot lists (a view bounded
    /// per container left its holder's reference out).
    pub fn has_unlisted_holders(&self, s: &Snapshot, i: Ix) -> bool {
        s.objects[i as usize].refcount > self.listed[i as usize]
    }

    /// The objects no root reaches: roots are the holders that are not objects, the
    /// runtime's objects (they hold what they hold for good), and objects with holders
    /// the snapshot does not list.
    pub fn unreachable(&self, s: &Snapshot) -> Vec<Ix> {
        let n = self.len();
        let mut seen = vec![false; n];
        let mut stack: Vec<Ix> = vec![];
        let push = |i: Ix, seen: &mut Vec<bool>, stack: &mut Vec<Ix>| {
            if !std::mem::replace(&mut seen[i as usize], true) {
                stack.push(i);
            }
        };
        for &i in &self.rooted {
            push(i, &mut seen, &mut stack);
        }
        for (i, o) in s.objects.iter().enumerate() {
            if o.runtime || self.has_unlisted_holders(s, i as Ix) {
                push(i as Ix, &mut seen, &mut stack);
            }
        }
        while let Some(i) = stack.pop() {
            for (to, _) in self.referents(i) {
                push(to, &mut seen, &mut stack);
            }
        }
        (0..n as Ix).filter(|&i| !seen[i as usize]).collect()
    }
}
