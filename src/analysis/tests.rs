use super::*;
use crate::record::{GcInfo, ObjectInfo, Reference, Snapshot};

fn obj(id: ObjKey, ty: &str, rc: u32) -> ObjectInfo {
    ObjectInfo {
        id,
        type_name: ty.into(),
        repr: format!("{ty}#{id}").into(),
        refcount: rc,
        size: 56,
        tracked: true,
        generation: Some(0),
        cached: false,
        runtime: false,
        finalized: false,
    }
}

fn global(name: &str, to: ObjKey) -> Reference {
    Reference {
        to,
        holder: Holder::Global {
            module: "__main__".into(),
            name: name.into(),
        },
        label: name.into(),
    }
}

fn slot(from: ObjKey, label: &str, to: ObjKey) -> Reference {
    Reference {
        to,
        holder: Holder::Object { id: from },
        label: label.into(),
    }
}

fn snapshot(objects: Vec<ObjectInfo>, mut references: Vec<Reference>) -> Snapshot {
    references.sort();
    Snapshot {
        schema: "refscope.snapshot/1".into(),
        step: 0,
        line: 1,
        objects,
        references,
        frames: vec![],
        gc: GcInfo::default(),
    }
}

/// `holder = Holder(); holder.items = [node]; node.next = node2`, plus an unreachable
/// two-list cycle 10 <-> 11 and an object 12 only the cycle holds.
fn sample() -> Snapshot {
    snapshot(
        vec![
            obj(1, "Holder", 1),
            obj(2, "list", 1),
            obj(3, "Node", 1),
            obj(4, "Node", 1),
            obj(10, "list", 1),
            obj(11, "list", 1),
            obj(12, "dict", 1),
        ],
        vec![
            global("holder", 1),
            slot(1, ".items", 2),
            slot(2, "[0]", 3),
            slot(3, ".next", 4),
            slot(10, "[0]", 11),
            slot(11, "[0]", 10),
            slot(11, "[1]", 12),
        ],
    )
}

#[test]
fn unreachable_finds_the_cycle_and_what_only_it_holds() {
    let mut u: Vec<_> = unreachable(&sample()).into_iter().collect();
    u.sort();
    assert_eq!(u, vec![10, 11, 12]);
}

#[test]
fn why_alive_follows_the_shortest_chain_from_a_name() {
    let s = sample();
    assert_eq!(why_alive(&s, 4).as_deref(), Some("holder.items[0].next"));
    assert_eq!(why_alive(&s, 1).as_deref(), Some("holder"));
    assert_eq!(why_alive(&s, 10), None);
}

#[test]
fn backrefs_climb_to_the_roots_within_max_depth() {
    let s = sample();
    let opts = GraphOptions {
        max_depth: 10,
        ..GraphOptions::default()
    };
    let scene = backrefs(&s, &[4], &opts);
    let titles: Vec<_> = scene.nodes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Node", "Node", "list", "Holder", "__main__.holder"]
    );
    assert_eq!(scene.nodes[0].kind, NodeKind::Target(4));
    assert_eq!(scene.nodes[4].kind, NodeKind::Root);
    let short = backrefs(&s, &[4], &GraphOptions::default());
    assert_eq!(short.nodes.len(), 4, "max_depth 3 stops before the root");
    let cycle = backrefs(&s, &[10], &opts);
    assert!(cycle.nodes.iter().any(|n| n.kind == NodeKind::Garbage(11)));
    assert_eq!(
        cycle.edges.len(),
        2,
        "11 refers to 10 and 10 to 11: the cycle both ways"
    );
}

#[test]
fn too_many_referrers_become_one_box() {
    let mut objects = vec![obj(1, "Target", 30)];
    let mut refs = vec![];
    for i in 0..30 {
        objects.push(obj(100 + i, "list", 1));
        refs.push(slot(100 + i, "[0]", 1));
        refs.push(global(&format!("l{i}"), 100 + i));
    }
    let s = snapshot(objects, refs);
    let scene = backrefs(&s, &[1], &GraphOptions::default());
    let more: Vec<_> = scene
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::More(_)))
        .collect();
    assert_eq!(more.len(), 1);
    assert_eq!(more[0].kind, NodeKind::More(20));
    assert_eq!(more[0].title, "20 more referrers");
}

#[test]
fn refs_go_down_from_the_roots() {
    let s = sample();
    let scene = refs(&s, &[1], &GraphOptions::default());
    let titles: Vec<_> = scene.nodes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, vec!["Holder", "list", "Node", "Node"]);
    assert!(!scene.upward);
}

fn sized(id: ObjKey, ty: &str, rc: u32, size: u64) -> ObjectInfo {
    ObjectInfo {
        size,
        ..obj(id, ty, rc)
    }
}

#[test]
fn cycles_are_the_strongly_connected_components_with_a_loop() {
    // sample() has the two-list cycle 10 <-> 11; add a self-referencing list 20 held by a
    // global, and a reachable cycle 30 -> 31 -> 32 -> 30.
    let mut s = sample();
    s.objects.push(obj(20, "list", 2));
    s.objects
        .extend([obj(30, "A", 2), obj(31, "B", 1), obj(32, "C", 1)]);
    s.references.extend([
        global("me", 20),
        slot(20, "[0]", 20),
        global("a", 30),
        slot(30, ".b", 31),
        slot(31, ".c", 32),
        slot(32, ".a", 30),
    ]);
    s.references.sort();
    let g = HeapGraph::new(&s);
    assert_eq!(g.cycles(), vec![vec![10, 11], vec![20], vec![30, 31, 32]]);
    let reach = g.reachability();
    assert_eq!(reach[&4], Reach::Reachable);
    assert_eq!(
        reach[&30],
        Reach::Reachable,
        "a reachable cycle is not garbage"
    );
    assert_eq!(reach[&10], Reach::CyclicGarbage);
    assert_eq!(reach[&11], Reach::CyclicGarbage);
    assert_eq!(
        reach[&12],
        Reach::HeldByGarbage,
        "12 is on no cycle: only the cycle holds it"
    );
}

/// `a = [x, shared]; b = [shared]; x = [big]` with sizes that make sums recognisable:
/// a holds x alone (and big through it) but shares `shared` with b.
fn shared_heap() -> Snapshot {
    snapshot(
        vec![
            sized(1, "list", 1, 1000),  // a
            sized(2, "list", 1, 200),   // x
            sized(3, "bytes", 1, 30),   // big
            sized(4, "str", 2, 4),      // shared
            sized(5, "list", 1, 50000), // b
            sized(6, "list", 1, 600),   // garbage cycle 6 <-> 7
            sized(7, "list", 1, 70),
            sized(8, "bytes", 1, 8), // held only by 7
        ],
        vec![
            global("a", 1),
            global("b", 5),
            slot(1, "[0]", 2),
            slot(1, "[1]", 4),
            slot(5, "[0]", 4),
            slot(2, "[0]", 3),
            slot(6, "[0]", 7),
            slot(7, "[0]", 6),
            slot(7, "[1]", 8),
        ],
    )
}

#[test]
fn retained_size_counts_what_only_the_object_keeps_alive() {
    let s = shared_heap();
    let d = HeapGraph::new(&s).dominators(&s);
    assert_eq!(d.retained_size(3), Some(30));
    assert_eq!(d.retained_size(2), Some(230), "x and big");
    assert_eq!(
        d.retained_size(1),
        Some(1230),
        "a, x and big; not `shared`, which b holds too"
    );
    assert_eq!(d.retained_size(4), Some(4));
    assert_eq!(d.immediate_dominator(3), Some(2));
    assert_eq!(d.immediate_dominator(2), Some(1));
    assert_eq!(
        d.immediate_dominator(4),
        None,
        "two roots' objects share it"
    );
    // The garbage cycle is entered at both members: each keeps itself, and 7 keeps 8.
    assert_eq!(d.retained_size(7), Some(78));
    assert_eq!(d.retained_size(6), Some(600));
    assert_eq!(d.largest(2), vec![(5, 50000), (1, 1230)]);
    assert_eq!(d.retained_size(99), None);
}

#[test]
fn dominators_hold_on_a_chain_as_deep_as_a_long_list() {
    // A linked list of 200,000 nodes: the tree is as deep as the list, and the walk
    // that sums sizes must not recurse.
    let n = 200_000u32;
    let objects: Vec<_> = (1..=n).map(|i| sized(i, "Node", 1, 48)).collect();
    let mut refs = vec![global("head", 1)];
    refs.extend((1..n).map(|i| slot(i, ".next", i + 1)));
    let s = snapshot(objects, refs);
    let d = HeapGraph::new(&s).dominators(&s);
    assert_eq!(d.retained_size(1), Some(48 * u64::from(n)));
    assert_eq!(d.immediate_dominator(n), Some(n - 1));
}

#[test]
fn backref_chains_say_why_none_came_back() {
    let s = sample();
    let chain = find_backref_chain(&s, 4, 10).expect("a chain");
    let ids: Vec<_> = chain.links.iter().map(|l| l.id).collect();
    assert_eq!(ids, vec![1, 2, 3, 4]);
    assert_eq!(chain.expression(), "holder.items[0].next");
    assert!(matches!(chain.root, Holder::Global { .. }));
    assert_eq!(
        find_backref_chain(&s, 4, 2),
        Err(ChainError::TooDeep {
            needed: 3,
            max_depth: 2
        }),
        "objgraph would return [obj] here without a word"
    );
    assert_eq!(
        find_backref_chain(&s, 12, 10),
        Err(ChainError::NotFound { from: 12 })
    );
    assert_eq!(
        find_backref_chain(&s, 999, 10),
        Err(ChainError::Unknown(999))
    );
    let msg = ChainError::TooDeep {
        needed: 3,
        max_depth: 2,
    }
    .to_string();
    assert!(
        msg.contains("3 references") && msg.contains("max_depth=2"),
        "{msg}"
    );
}

#[test]
fn ref_chains_go_down_to_the_first_match() {
    let s = sample();
    let chain = find_ref_chain(&s, 1, |o| o.type_name == "Node", 10).expect("a chain");
    let got: Vec<_> = chain.iter().map(|l| (l.id, l.label.as_str())).collect();
    assert_eq!(got, vec![(1, ""), (2, ".items"), (3, "[0]")]);
    assert_eq!(
        find_ref_chain(&s, 1, |o| o.id == 4, 1),
        Err(ChainError::TooDeep {
            needed: 3,
            max_depth: 1
        })
    );
    assert_eq!(
        find_ref_chain(&s, 1, |o| o.type_name == "dict", 10),
        Err(ChainError::NotFound { from: 1 })
    );
}

#[test]
fn type_stats_and_growth_between_two_steps() {
    let before = sample();
    let mut after = sample();
    after.objects.retain(|o| o.id != 12);
    after
        .objects
        .extend([obj(40, "Node", 1), obj(41, "Node", 1), obj(42, "list", 1)]);
    let stats = type_stats(&after);
    assert_eq!(stats[0].type_name, "Node");
    assert_eq!((stats[0].count, stats[0].bytes), (4, 224));
    let g = growth(&before, &after);
    let rows: Vec<_> = g
        .iter()
        .map(|g| (g.type_name.as_str(), g.count, g.delta))
        .collect();
    assert_eq!(rows, vec![("Node", 4, 2), ("list", 4, 1), ("dict", 0, -1)]);
    assert_eq!(new_objects(&before, &after), vec![40, 41, 42]);
}

struct Hooks;
impl SceneHooks for Hooks {
    fn keep(&mut self, id: ObjKey) -> bool {
        id != 2
    }
    fn highlight(&mut self, id: ObjKey) -> bool {
        id == 11
    }
    fn extra_info(&mut self, id: ObjKey) -> Option<String> {
        (id == 10).then(|| "ten".to_string())
    }
}

#[test]
fn hooks_filter_highlight_and_annotate_and_cycles_are_marked() {
    let s = sample();
    let opts = GraphOptions {
        max_depth: 10,
        ..GraphOptions::default()
    };
    let scene = backrefs_with(&s, &[4], &opts, &mut Hooks);
    let titles: Vec<_> = scene.nodes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Node", "Node"],
        "the filter cut the chain at 2"
    );
    let cycle = backrefs_with(&s, &[10], &opts, &mut Hooks);
    assert_eq!(cycle.nodes[0].extra.as_deref(), Some("ten"));
    assert!(cycle.nodes.iter().any(|n| n.highlight));
    assert!(cycle.edges.iter().all(|e| e.in_cycle));
    let plain = backrefs(&s, &[4], &opts);
    assert!(plain.edges.iter().all(|e| !e.in_cycle));
}

#[test]
fn objects_held_by_references_a_bounded_view_left_out_are_not_garbage() {
    // A list of 3 items shown with only its first reference: items 2 and 3 still have
    // refcount 1 but no listed holder.
    let s = snapshot(
        vec![
            obj(1, "list", 1),
            obj(2, "int", 1),
            obj(3, "int", 1),
            obj(4, "int", 1),
        ],
        vec![global("big", 1), slot(1, "[0]", 2)],
    );
    assert!(unreachable(&s).is_empty());
    let reach = HeapGraph::new(&s).reachability();
    assert!(reach.values().all(|r| *r == Reach::Reachable));
}

/// The index's walk (what the views use at every step) and the petgraph one (what the
/// inspector uses) agree on what no root reaches, at every step of a program with
/// cycles, a collection and dict values.
#[test]
fn the_index_and_the_graph_agree_on_what_no_root_reaches() {
    let src = "\
import gc
class Node:
    def __init__(self):
        self.peer = None
def pair():
    a, b = Node(), Node()
    a.peer, b.peer = b, a
for i in range(3):
    pair()
    junk = [str(k) for k in range(300)]
d = {'x': [1, 2], 'y': Node()}
d['y'].peer = d
del d
gc.collect()
";
    let rec = crate::record::record_file(src.as_bytes(), "u.py", &Default::default()).recording;
    assert!(rec.len() > 50);
    let mut garbage_seen = false;
    for i in 0..rec.len() {
        let s = rec.state_at(i);
        let mut fast: Vec<ObjKey> = unreachable(&s).into_iter().collect();
        fast.sort_unstable();
        let mut slow: Vec<ObjKey> = HeapGraph::new(&s)
            .reachability()
            .into_iter()
            .filter(|(_, r)| *r != Reach::Reachable)
            .map(|(id, _)| id)
            .collect();
        slow.sort_unstable();
        assert_eq!(fast, slow, "step {i}");
        garbage_seen |= !fast.is_empty();
    }
    assert!(garbage_seen);
}

/// Ids far apart (a long run's survivors) are looked up through a map instead of a
/// table: the same answers.
#[test]
fn the_index_finds_objects_whose_ids_are_far_apart() {
    let s = snapshot(
        vec![
            obj(3, "list", 1),
            obj(90_000, "list", 1),
            obj(4_000_000, "list", 1),
        ],
        vec![
            global("a", 3),
            slot(90_000, "[0]", 4_000_000),
            slot(4_000_000, "[0]", 90_000),
        ],
    );
    let index = SnapIndex::new(&s);
    assert_eq!(index.ix(90_000), Some(1));
    assert_eq!(index.ix(4), None);
    let ids: Vec<ObjKey> = index
        .referents(1)
        .map(|(to, _)| s.objects[to as usize].id)
        .collect();
    assert_eq!(ids, vec![4_000_000]);
    assert_eq!(index.unreachable(&s), vec![1, 2]);
}
