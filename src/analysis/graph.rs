//! A [`Snapshot`] as a petgraph graph, and the whole-heap questions asked of it: which
//! objects form cycles (strongly connected components), which the roots reach, which
//! only the collector can free, who dominates whom and how much memory each object
//! keeps alive (its retained size).
//!
//! Node 0 is a virtual root. It has an edge to every object a root holder refers to (a
//! variable, a global, a value-stack temporary, a constant table, the runtime), to every
//! object of the runtime, and to every object whose refcount exceeds the references the
//! snapshot lists (a bounded view). Every other edge is a reference from one object's
//! slot to another object.

use std::collections::HashMap;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Bfs, EdgeRef};

use crate::record::{Holder, ObjKey, Snapshot};

/// Where an object stands with respect to the roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reach {
    /// A chain of references from a root reaches it.
    Reachable,
    /// No root reaches it and it is on a reference cycle: refcounting alone will never
    /// free it; the cycle collector will.
    CyclicGarbage,
    /// No root reaches it and it is on no cycle: only garbage holds it, and it goes when
    /// that garbage goes.
    HeldByGarbage,
}

pub struct HeapGraph {
    pub graph: DiGraph<ObjKey, ()>,
    index: HashMap<ObjKey, NodeIndex>,
}

/// The virtual root: node 0.
fn root() -> NodeIndex {
    NodeIndex::new(0)
}

impl HeapGraph {
    pub fn new(s: &Snapshot) -> HeapGraph {
        let mut graph = DiGraph::with_capacity(s.objects.len() + 1, s.references.len());
        graph.add_node(0);
        let mut index = HashMap::with_capacity(s.objects.len());
        for o in &s.objects {
            index.insert(o.id, graph.add_node(o.id));
        }
        for o in &s.objects {
            // The runtime's objects are roots; so is an object with more references than
            // the snapshot lists (a view bounded per container left some out): whatever
            // holds it is not shown, so it cannot be called garbage.
            if o.runtime || (s.holders_of(o.id).len() as u64) < u64::from(o.refcount) {
                graph.add_edge(root(), index[&o.id], ());
            }
        }
        for r in &s.references {
            let Some(&to) = index.get(&r.to) else {
                continue;
            };
            let from = match r.holder {
                Holder::Object { id } => match index.get(&id) {
                    Some(&from) => from,
                    None => continue,
                },
                _ => root(),
            };
            graph.add_edge(from, to, ());
        }
        HeapGraph { graph, index }
    }

    pub fn node(&self, id: ObjKey) -> Option<NodeIndex> {
        self.index.get(&id).copied()
    }

    fn key(&self, n: NodeIndex) -> ObjKey {
        self.graph[n]
    }

    /// The reference cycles: strongly connected components of more than one object, or
    /// of one object that refers to itself. Each is sorted, and the list is sorted by
    /// first member, so the answer does not depend on the order of the snapshot.
    pub fn cycles(&self) -> Vec<Vec<ObjKey>> {
        // Kosaraju, not Tarjan: petgraph's Tarjan recurses once per object of a chain,
        // and a long linked list would overflow the stack.
        let mut out: Vec<Vec<ObjKey>> = kosaraju_scc(&self.graph)
            .into_iter()
            .filter(|c| c[0] != root() && (c.len() > 1 || self.graph.contains_edge(c[0], c[0])))
            .map(|c| {
                let mut keys: Vec<ObjKey> = c.into_iter().map(|n| self.key(n)).collect();
                keys.sort_unstable();
                keys
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The cycles of the program's data: [`HeapGraph::cycles`] without those that a live
    /// class makes of itself, its `__mro__`, its namespace, its `__dict__`/`__weakref__`
    /// and slot descriptors (and its methods' `__class__` cells). CPython's classes are
    /// cycles too, but a class in use says nothing about a leak; a class that became
    /// garbage keeps its cycle, which the collector frees.
    pub fn data_cycles(&self, s: &Snapshot, reach: &HashMap<ObjKey, Reach>) -> Vec<Vec<ObjKey>> {
        const MACHINERY: &[&str] = &[
            "type",
            "getset_descriptor",
            "member_descriptor",
            "tuple",
            "dict",
            "function",
            "cell",
            "classmethod",
            "staticmethod",
            "property",
        ];
        let type_of = |id: &ObjKey| s.object(*id).map(|o| o.type_name.as_str());
        self.cycles()
            .into_iter()
            .filter(|c| {
                let live = reach.get(&c[0]) == Some(&Reach::Reachable);
                let class_own = c.iter().any(|id| type_of(id) == Some("type"))
                    && c.iter()
                        .all(|id| type_of(id).is_some_and(|t| MACHINERY.contains(&t)));
                !(live && class_own)
            })
            .collect()
    }

    /// Every object's [`Reach`].
    pub fn reachability(&self) -> HashMap<ObjKey, Reach> {
        let mut reached = vec![false; self.graph.node_count()];
        let mut bfs = Bfs::new(&self.graph, root());
        while let Some(n) = bfs.next(&self.graph) {
            reached[n.index()] = true;
        }
        let mut out: HashMap<ObjKey, Reach> = self
            .graph
            .node_indices()
            .skip(1)
            .map(|n| {
                let r = if reached[n.index()] {
                    Reach::Reachable
                } else {
                    Reach::HeldByGarbage
                };
                (self.key(n), r)
            })
            .collect();
        for cycle in self.cycles() {
            for id in cycle {
                if let Some(r) = out.get_mut(&id)
                    && *r == Reach::HeldByGarbage
                {
                    *r = Reach::CyclicGarbage;
                }
            }
        }
        out
    }

    /// The dominator tree, with the memory each object keeps alive.
    ///
    /// An object dominates another when every chain of references from a root to the
    /// other passes through it; its retained size is its own size plus the sizes of all
    /// the objects it dominates: what deleting the last reference to it would free.
    /// Unreachable objects are given a root of their own: each group of garbage that no
    /// other garbage refers to hangs from the virtual root, so retained sizes exist for
    /// garbage too (what freeing that part of the garbage would free).
    pub fn dominators(&self, s: &Snapshot) -> DominatorTree {
        // The garbage's entry points: members of strongly connected components that no
        // other component refers to, among the objects the roots do not reach.
        let mut g = self.graph.clone();
        let reach = self.reachability();
        let sccs = kosaraju_scc(&self.graph);
        let mut component = vec![usize::MAX; g.node_count()];
        for (c, members) in sccs.iter().enumerate() {
            for n in members {
                component[n.index()] = c;
            }
        }
        let mut entered = vec![false; sccs.len()];
        for e in self.graph.edge_references() {
            let (a, b) = (e.source(), e.target());
            if component[a.index()] != component[b.index()] {
                entered[component[b.index()]] = true;
            }
        }
        for (c, members) in sccs.iter().enumerate() {
            let garbage = members
                .iter()
                .all(|n| *n != root() && reach.get(&self.key(*n)) != Some(&Reach::Reachable));
            if garbage && !entered[c] {
                for n in members {
                    g.add_edge(root(), *n, ());
                }
            }
        }
        let idom = super::dominators::immediate_dominators(&g, root());
        let n = g.node_count();
        let mut children: Vec<Vec<NodeIndex>> = vec![vec![]; n];
        for v in g.node_indices().skip(1) {
            if let Some(d) = idom[v.index()] {
                children[d.index()].push(v);
            }
        }
        // Sizes summed bottom-up over an iterative depth-first order of the tree (a long
        // linked list makes it as deep as the list).
        let mut order = Vec::with_capacity(n);
        let mut stack = vec![root()];
        while let Some(v) = stack.pop() {
            order.push(v);
            stack.extend(children[v.index()].iter().copied());
        }
        let mut retained = vec![0u64; n];
        for v in order.iter().rev() {
            let own = if *v == root() {
                0
            } else {
                let key = self.key(*v);
                s.object(key).filter(|o| !o.runtime).map_or(0, |o| o.size)
            };
            let below: u64 = children[v.index()]
                .iter()
                .map(|c| retained[c.index()])
                .sum();
            retained[v.index()] = own + below;
        }
        DominatorTree {
            keys: g.node_weights().copied().collect(),
            idom,
            retained,
            index: self.index.clone(),
        }
    }
}

/// The result of [`HeapGraph::dominators`].
pub struct DominatorTree {
    keys: Vec<ObjKey>,
    idom: Vec<Option<NodeIndex>>,
    retained: Vec<u64>,
    index: HashMap<ObjKey, NodeIndex>,
}

impl DominatorTree {
    /// The object every chain from a root to `id` passes through last, or None when only
    /// the roots do (or `id` is unknown).
    pub fn immediate_dominator(&self, id: ObjKey) -> Option<ObjKey> {
        let n = self.index.get(&id)?;
        let d = self.idom[n.index()]?;
        (d != root()).then(|| self.keys[d.index()])
    }

    /// Bytes freed if `id` went (its own size plus what it alone keeps alive); objects
    /// of the runtime count 0.
    pub fn retained_size(&self, id: ObjKey) -> Option<u64> {
        self.index.get(&id).map(|n| self.retained[n.index()])
    }

    /// The objects that keep the most memory alive, largest first (ties by id): the
    /// top of the dominator tree, objects no other single object keeps alive, so that a
    /// list and its items are not counted twice.
    pub fn largest(&self, limit: usize) -> Vec<(ObjKey, u64)> {
        let mut all: Vec<(ObjKey, u64)> = self
            .index
            .iter()
            .filter(|(_, n)| self.idom[n.index()] == Some(root()))
            .map(|(k, n)| (*k, self.retained[n.index()]))
            .filter(|(_, r)| *r > 0)
            .collect();
        all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(limit);
        all
    }
}
