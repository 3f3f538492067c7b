use super::*;
use crate::record::{GcInfo, ObjectInfo, Reference, Snapshot};

fn obj(id: ObjKey, ty: &str, rc: u32) -> ObjectInfo {
    ObjectInfo {
        id,
        type_name: ty.into(),
        repr: format!("{ty}#{id}"),
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
