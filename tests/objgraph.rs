//! `objgraph` inside refscope: the seed article's example prints
//! `show_most_common_types` in objgraph's format and writes `backrefs.png` next to the
//! program; pictures go nowhere else.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run_in(dir: &Path, file: &str) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .args(["run", file])
        .current_dir(dir)
        .output()
        .expect("refscope runs");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("refscope-og-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_seed_example_prints_type_counts_and_writes_a_png() {
    let dir = temp_dir("seed");
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/examples/09_objgraph.py");
    std::fs::copy(&src, dir.join("09_objgraph.py")).unwrap();
    let (out, err, code) = run_in(&dir, "09_objgraph.py");
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    // show_most_common_types: '%-*s %i' lines, most common first.
    let stats: Vec<(&str, usize)> = lines
        .iter()
        .take_while(|l| !l.starts_with("Graph written"))
        .map(|l| {
            let (name, n) = l.rsplit_once(' ').expect("name count");
            (name, n.parse().expect("a count"))
        })
        .collect();
    assert!(!stats.is_empty() && stats.len() <= 10, "{out}");
    let width = stats.iter().map(|(n, _)| n.trim_end().len()).max().unwrap();
    for (name, _) in &stats {
        assert_eq!(
            name.len(),
            width,
            "names are left-justified to the longest: {out}"
        );
    }
    assert!(
        stats.windows(2).all(|w| w[0].1 >= w[1].1),
        "sorted by count: {out}"
    );
    assert!(
        stats
            .iter()
            .any(|(n, c)| n.trim_end() == "Handler" && *c == 1),
        "{out}"
    );
    assert!(out.contains("Graph written to backrefs.png ("), "{out}");
    let png = std::fs::read(dir.join("backrefs.png")).expect("backrefs.png written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 5000, "a real picture");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pictures_stay_next_to_the_program() {
    let dir = temp_dir("sandbox");
    std::fs::write(
        dir.join("p.py"),
        "import objgraph\nx = [1]\ny = {'x': x}\nobjgraph.show_refs(y, filename='refs.dot')\ntry:\n    objgraph.show_backrefs([x], filename='../escape.png')\nexcept PermissionError as e:\n    print('PermissionError:', e)\nprint(objgraph.count('list') >= 1, len(objgraph.by_type('dict')) >= 0)\nprint(objgraph.find_backref_chain(x, lambda o: o is y)[0] is y)\n",
    )
    .unwrap();
    let (out, err, code) = run_in(&dir, "p.py");
    assert_eq!(code, 0, "{out}{err}");
    let dot = std::fs::read_to_string(dir.join("refs.dot")).expect("refs.dot");
    assert!(dot.starts_with("digraph ObjectGraph {"), "{dot}");
    assert!(
        dot.contains("['x']"),
        "the edge is labelled by the key: {dot}"
    );
    assert!(
        out.contains("PermissionError: refscope writes pictures only next to the program"),
        "{out}"
    );
    assert!(!dir.parent().unwrap().join("escape.png").exists());
    assert!(out.ends_with("True True\nTrue\n"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// objgraph's options: `filter` and `extra_ignore` leave objects out, `highlight` and
/// `extra_info` change how they look, an exception in a callable propagates, and a chain
/// that is not found is said so on stderr (objgraph only returns `[obj]`).
#[test]
fn show_backrefs_options_shape_the_picture() {
    let dir = temp_dir("options");
    std::fs::write(
        dir.join("p.py"),
        r#"import objgraph

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

root = Node("root")
a = Node("a")
b = Node("b")
root.children.append(a)
a.children.append(b)
keep = [b]
objgraph.show_backrefs([b], max_depth=4, filename="all.dot")
objgraph.show_backrefs([b], max_depth=4, extra_ignore=[id(keep)], filename="ignored.dot")
objgraph.show_backrefs([b], max_depth=1, shortnames=False, filename="long.dot")
objgraph.show_backrefs([b], max_depth=4,
                       filter=lambda o: not isinstance(o, list) or o is a.children,
                       highlight=lambda o: isinstance(o, Node),
                       extra_info=lambda o: getattr(o, "name", None),
                       filename="shaped.dot")
def bad(o):
    raise ValueError("boom")
try:
    objgraph.show_refs(root, filter=bad, filename="never.svg")
except ValueError as e:
    print("raised", e)
print(objgraph.find_backref_chain(b, lambda o: False, max_depth=3) == [b])
"#,
    )
    .unwrap();
    let (out, err, code) = run_in(&dir, "p.py");
    assert_eq!(code, 0, "{out}{err}");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect(f);
    let all = read("all.dot");
    assert!(all.contains("__main__.keep"), "{all}");
    let long = read("long.dot");
    assert!(
        long.contains("label=\"__main__.Node\\n"),
        "shortnames=False: {long}"
    );
    assert!(
        long.contains("label=\"list\\n"),
        "builtins keep their short name: {long}"
    );
    let ignored = read("ignored.dot");
    assert!(!ignored.contains("__main__.keep"), "{ignored}");
    assert!(ignored.contains("__main__.b"), "{ignored}");
    let shaped = read("shaped.dot");
    assert!(
        !shaped.contains("__main__.keep"),
        "the filter left `keep` out: {shaped}"
    );
    assert!(
        shaped.contains("a\\nrefcount"),
        "extra_info adds the name: {shaped}"
    );
    assert_eq!(
        shaped.matches("penwidth=3").count(),
        2,
        "the two Nodes are highlighted: {shaped}"
    );
    assert!(!dir.join("never.svg").exists());
    assert!(out.contains("raised boom\nTrue\n"), "{out}");
    assert!(
        err.contains("find_backref_chain found no chain") && err.contains("max_depth=3"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
