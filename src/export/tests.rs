use std::path::{Path, PathBuf};

use super::*;
use crate::analysis::{GraphOptions, SceneNode, backrefs};
use crate::record::{GcInfo, Holder, ObjectInfo, Reference, Snapshot};

fn obj(id: u32, ty: &str, repr: &str, rc: u32) -> ObjectInfo {
    ObjectInfo {
        id,
        type_name: ty.into(),
        repr: repr.into(),
        refcount: rc,
        size: 56,
        tracked: true,
        generation: Some(0),
        cached: false,
        runtime: false,
        finalized: false,
    }
}

fn reference(holder: Holder, label: &str, to: u32) -> Reference {
    Reference {
        to,
        holder,
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

/// `a = []; b = [a]; a.append(b)`, then `del b`: a is still named, b only by the cycle...
/// and a second, unreachable cycle.
fn cycles() -> Snapshot {
    let global = |name: &str| Holder::Global {
        module: "__main__".into(),
        name: name.into(),
    };
    snapshot(
        vec![
            obj(1, "list", "[[...]]", 2),
            obj(2, "list", "[[...]]", 1),
            obj(3, "Node", "<Node object>", 1),
            obj(4, "Node", "<Node object>", 1),
        ],
        vec![
            reference(global("a"), "a", 1),
            reference(Holder::Object { id: 1 }, "[0]", 2),
            reference(Holder::Object { id: 2 }, "[0]", 1),
            reference(Holder::Object { id: 3 }, ".next", 4),
            reference(Holder::Object { id: 4 }, ".next", 3),
        ],
    )
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("REFSCOPE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run with REFSCOPE_BLESS=1 and look at it",
            path.display()
        )
    });
    assert_eq!(
        actual, expected,
        "{name} changed: rerun with REFSCOPE_BLESS=1 if on purpose"
    );
}

fn cycle_scene() -> Scene {
    let s = cycles();
    let mut scene = backrefs(&s, &[1], &GraphOptions::default());
    let other = backrefs(&s, &[3], &GraphOptions::default());
    // One picture with both cycles: the named one and the unreachable one.
    let base = scene.nodes.len();
    scene.nodes.extend(other.nodes);
    scene.edges.extend(other.edges.into_iter().map(|mut e| {
        e.from += base;
        e.to += base;
        e
    }));
    scene
}

#[test]
fn dot_and_svg_of_two_cycles_are_stable() {
    let scene = cycle_scene();
    golden("two_cycles.dot", &to_dot(&scene));
    golden("two_cycles.svg", &to_svg(&scene));
}

/// A long chain: 12 nodes, each holding the next.
fn chain_scene() -> Scene {
    let mut objects = vec![];
    let mut refs = vec![reference(
        Holder::Variable {
            frame: 0,
            name: "head".into(),
        },
        "head",
        1,
    )];
    for i in 1..=12 {
        objects.push(obj(i, "Link", &format!("<Link {i}>"), 1));
        if i > 1 {
            refs.push(reference(Holder::Object { id: i - 1 }, ".next", i));
        }
    }
    let s = snapshot(objects, refs);
    backrefs(
        &s,
        &[12],
        &GraphOptions {
            max_depth: 20,
            ..GraphOptions::default()
        },
    )
}

#[test]
fn a_long_chain_is_stable() {
    let scene = chain_scene();
    assert_eq!(scene.nodes.len(), 13);
    golden("long_chain.dot", &to_dot(&scene));
}

fn fan_in(n: u32) -> Scene {
    let mut objects = vec![obj(1, "dict", "{'shared': 1}", n)];
    let mut refs = vec![];
    for i in 0..n {
        objects.push(obj(100 + i, "Client", "<Client object>", 1));
        refs.push(reference(Holder::Object { id: 100 + i }, ".config", 1));
        refs.push(reference(
            Holder::Global {
                module: "__main__".into(),
                name: format!("c{i}"),
            },
            &format!("c{i}"),
            100 + i,
        ));
    }
    let s = snapshot(objects, refs);
    backrefs(
        &s,
        &[1],
        &GraphOptions {
            max_depth: 1,
            too_many: 40,
            hide_cached: true,
        },
    )
}

#[test]
fn a_200_referrer_fan_in_stays_compact() {
    let scene = fan_in(200);
    assert_eq!(
        scene.nodes.len(),
        42,
        "40 referrers, the target and one 'more' box"
    );
    assert!(matches!(
        scene.nodes.last().unwrap().kind,
        NodeKind::More(160)
    ));
    let l = layout(&scene);
    assert!(
        l.width < 1600.0,
        "wrapped into rows, not a strip: {}",
        l.width
    );
    golden("fan_in_200.svg", &to_svg(&scene));
}

#[test]
fn png_has_the_svg_size_and_drawn_boxes() {
    let scene = cycle_scene();
    let png = render(&scene, Format::Png).expect("png");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a valid png");
    let l = layout(&scene);
    assert_eq!(pixmap.width(), l.width.max(420.0).round() as u32);
    let pixels = pixmap.pixels();
    let count = |r: u8, g: u8, b: u8| {
        pixels
            .iter()
            .filter(|p| p.red() == r && p.green() == g && p.blue() == b)
            .count()
    };
    // The target's yellow, the root's green and the garbage red are all there.
    assert!(count(0xff, 0xe0, 0x8a) > 500, "target box");
    assert!(count(0xc9, 0xef, 0xc9) > 500, "root box");
    assert!(count(0xff, 0xc4, 0xc4) > 500, "unreachable boxes");
    // Text was drawn: many dark pixels.
    let dark = pixels
        .iter()
        .filter(|p| p.red() < 80 && p.green() < 80)
        .count();
    assert!(dark > 400, "text and arrows ({dark} dark pixels)");
}

#[test]
fn unknown_formats_are_refused_clearly() {
    let e = Format::from_path(Path::new("graph.jpg")).unwrap_err();
    assert!(e.contains("graph.jpg") && e.contains(".png"), "{e}");
    assert_eq!(Format::from_path(Path::new("x.PNG")), Ok(Format::Png));
}

#[test]
fn an_empty_scene_still_draws() {
    let scene = Scene::default();
    assert!(render(&scene, Format::Png).is_ok());
    let one = Scene {
        nodes: vec![SceneNode {
            kind: NodeKind::Root,
            title: "x".repeat(500),
            detail: "<\"&>".into(),
            refcount: None,
            depth: 0,
            highlight: true,
            extra: Some("extra".into()),
        }],
        edges: vec![],
        upward: true,
    };
    let svg = to_svg(&one);
    assert!(svg.contains("&lt;&quot;&amp;&gt;"));
    assert!(render(&one, Format::Png).is_ok());
}
