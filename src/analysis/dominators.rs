//! Immediate dominators by Lengauer and Tarjan's algorithm (the simple version, with
//! path compression: O(m log n)). petgraph's `simple_fast` (Cooper, Harvey and Kennedy)
//! took quadratic time on a heap: the class of a 100,000-node linked list has every
//! node as a predecessor, and each of them walked the list's dominator chain again
//! (14 s for `refscope stats` on such a list).

use petgraph::Direction::Incoming;
use petgraph::graph::{DiGraph, NodeIndex};

/// Each node's immediate dominator from `root`, by node index; None for the root and
/// for the nodes it does not reach.
pub fn immediate_dominators<N, E>(g: &DiGraph<N, E>, root: NodeIndex) -> Vec<Option<NodeIndex>> {
    let n = g.node_count();
    const NONE: usize = usize::MAX;
    // Depth-first preorder from the root (iterative: a heap can be a million deep).
    // `pre[v]` is v's number (NONE: not reached), `vertex[i]` the node numbered i.
    let mut pre = vec![NONE; n];
    let mut vertex = Vec::with_capacity(n);
    let mut parent = vec![NONE; n];
    let mut stack = vec![(root.index(), NONE)];
    while let Some((v, from)) = stack.pop() {
        if pre[v] != NONE {
            continue;
        }
        pre[v] = vertex.len();
        vertex.push(v);
        parent[v] = from;
        for w in g.neighbors(NodeIndex::new(v)) {
            if pre[w.index()] == NONE {
                stack.push((w.index(), v));
            }
        }
    }
    // Semidominators (as preorder numbers), the forest of processed nodes with path
    // compression (`ancestor`, `label`), and the buckets of nodes by semidominator.
    let mut semi: Vec<usize> = (0..n).map(|v| pre[v]).collect();
    let mut ancestor = vec![NONE; n];
    let mut label: Vec<usize> = (0..n).collect();
    let mut bucket: Vec<Vec<usize>> = vec![vec![]; n];
    let mut idom = vec![NONE; n];
    let mut path = vec![];
    // The node of least semidominator on the forest path above v (compressing it).
    let mut eval = |v: usize, ancestor: &mut Vec<usize>, label: &mut Vec<usize>, semi: &[usize]| {
        if ancestor[v] == NONE {
            return v;
        }
        path.clear();
        let mut x = v;
        while ancestor[ancestor[x]] != NONE {
            path.push(x);
            x = ancestor[x];
        }
        for &x in path.iter().rev() {
            let a = ancestor[x];
            if semi[label[a]] < semi[label[x]] {
                label[x] = label[a];
            }
            ancestor[x] = ancestor[a];
        }
        label[v]
    };
    for i in (1..vertex.len()).rev() {
        let w = vertex[i];
        for v in g.neighbors_directed(NodeIndex::new(w), Incoming) {
            let v = v.index();
            if pre[v] == NONE {
                continue;
            }
            let u = eval(v, &mut ancestor, &mut label, &semi);
            if semi[u] < semi[w] {
                semi[w] = semi[u];
            }
        }
        bucket[vertex[semi[w]]].push(w);
        let p = parent[w];
        ancestor[w] = p;
        for v in std::mem::take(&mut bucket[p]) {
            let u = eval(v, &mut ancestor, &mut label, &semi);
            idom[v] = if semi[u] < semi[v] { u } else { p };
        }
    }
    for &w in vertex.iter().skip(1) {
        if idom[w] != vertex[semi[w]] {
            idom[w] = idom[idom[w]];
        }
    }
    idom.into_iter()
        .enumerate()
        .map(|(v, d)| (d != NONE && v != root.index()).then(|| NodeIndex::new(d)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Immediate dominators by the definition: d dominates v when removing d leaves v
    /// unreachable from the root; the immediate one is the dominator the others dominate.
    fn by_definition(g: &DiGraph<(), ()>, root: usize) -> Vec<Option<usize>> {
        let n = g.node_count();
        let reach = |without: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![root];
            while let Some(v) = stack.pop() {
                if v == without || seen[v] {
                    continue;
                }
                seen[v] = true;
                stack.extend(g.neighbors(NodeIndex::new(v)).map(|w| w.index()));
            }
            seen
        };
        let all = reach(usize::MAX);
        let doms: Vec<Vec<usize>> = (0..n)
            .map(|v| {
                (0..n)
                    .filter(|&d| d != v && all[v] && (d == root || !reach(d)[v]))
                    .collect()
            })
            .collect();
        (0..n)
            .map(|v| {
                if v == root || !all[v] {
                    return None;
                }
                // The strict dominator that every other strict dominator dominates.
                doms[v]
                    .iter()
                    .copied()
                    .find(|&d| doms[v].iter().all(|&e| e == d || doms[d].contains(&e)))
            })
            .collect()
    }

    #[test]
    fn matches_the_definition_on_random_graphs() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for _ in 0..300 {
            let n = 1 + next(12) as usize;
            let mut g = DiGraph::<(), ()>::new();
            for _ in 0..n {
                g.add_node(());
            }
            for _ in 0..next(3 * n as u64 + 1) {
                let (a, b) = (next(n as u64) as usize, next(n as u64) as usize);
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
            let fast: Vec<Option<usize>> = immediate_dominators(&g, NodeIndex::new(0))
                .into_iter()
                .map(|d| d.map(|d| d.index()))
                .collect();
            assert_eq!(fast, by_definition(&g, 0), "{g:?}");
        }
    }

    #[test]
    fn a_class_shared_by_a_long_chain_is_linear() {
        // root -> 1 -> 2 -> ... -> n, and every node -> the class (node n + 1).
        let n = 200_000;
        let mut g = DiGraph::<(), ()>::new();
        for _ in 0..n + 2 {
            g.add_node(());
        }
        for v in 0..n {
            g.add_edge(NodeIndex::new(v), NodeIndex::new(v + 1), ());
            g.add_edge(NodeIndex::new(v + 1), NodeIndex::new(n + 1), ());
        }
        let d = immediate_dominators(&g, NodeIndex::new(0));
        assert_eq!(d[n + 1], Some(NodeIndex::new(1)));
        assert_eq!(d[n], Some(NodeIndex::new(n - 1)));
    }
}
