//! `refscope stats` and `refscope export` from the command line, on the bundled examples.
//! Sizes are checked against python3's `sys.getsizeof`.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn refscope(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("refscope runs");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

fn python(code: &str) -> String {
    let out = refscope::bench::python3()
        .args(["-c", code])
        .current_dir(root())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn stats_finds_the_leaking_cache_and_its_retained_size() {
    let file = "assets/examples/12_cache_leak_global_dict.py";
    let (out, err, code) = refscope(&["stats", file, "--line", "23", "--since", "20"]);
    assert_eq!(code, 0, "{out}{err}");
    // What the cache keeps alive: the dict and its five strings (the int keys are the
    // runtime's small ints). python3 says how big those are.
    let expected = python(&format!(
        "src = open('{file}').read().split('print(\"cached pages:\"')[0]\n\
         exec(src)\n\
         import sys\n\
         print(sys.getsizeof(_cache) + sum(sys.getsizeof(v) for v in _cache.values()))"
    ));
    let line = out
        .lines()
        .find(|l| l.contains("<- _cache"))
        .unwrap_or_else(|| panic!("the cache is among the largest: {out}"));
    let retained = line.split_whitespace().next().unwrap();
    assert_eq!(retained, expected, "{line}");
    // Five new strings since line 20, and no cycles.
    let growth = out
        .lines()
        .skip_while(|l| !l.starts_with("Growth since line 20"))
        .nth(1)
        .unwrap_or("");
    let cols: Vec<&str> = growth.split_whitespace().collect();
    assert_eq!(cols[..3], ["str", "11", "+5"], "{out}");
    assert!(out.contains("Reference cycles: 0 "), "{out}");
}

#[test]
fn stats_names_the_unreachable_cycle() {
    let file = "assets/examples/11_linked_list_cycle.py";
    let (out, err, code) = refscope(&["stats", file, "--line", "41"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Reference cycles: 1 (1 unreachable, with 3 objects"),
        "{out}"
    );
    let cycle = out.lines().last().unwrap();
    assert!(
        cycle.contains("Node#")
            && cycle.ends_with("(unreachable)")
            && cycle.matches("<->").count() == 2,
        "{cycle}"
    );
}

#[test]
fn stats_and_export_refuse_bad_requests_clearly() {
    let file = "assets/examples/11_linked_list_cycle.py";
    let (_, err, code) = refscope(&["stats", file, "--line", "9999"]);
    assert_eq!(code, 1);
    assert!(err.contains("line 9999 never runs"), "{err}");
    let out = std::env::temp_dir().join(format!("refscope-cli-{}.png", std::process::id()));
    let out_s = out.to_string_lossy().to_string();
    let (_, err, code) = refscope(&[
        "export",
        file,
        "--line",
        "40",
        "--backrefs",
        "nothing",
        "-o",
        &out_s,
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no variable 'nothing' just before line 40"),
        "{err}"
    );
    let (_, err, code) = refscope(&[
        "export",
        file,
        "--line",
        "40",
        "--backrefs",
        "tail",
        "-o",
        "x.gif",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains(".png"), "{err}");
    let (stdout, err, code) = refscope(&[
        "export",
        file,
        "--line",
        "40",
        "--backrefs",
        "tail",
        "--max-depth",
        "5",
        "-o",
        &out_s,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("(5 nodes)"),
        "tail, two more Nodes, head and tail: {stdout}"
    );
    let png = std::fs::read(&out).expect("the picture");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let _ = std::fs::remove_file(&out);
}

#[test]
fn snapshot_analysis_marks_the_cycle_before_and_after_del() {
    let file = "assets/examples/11_linked_list_cycle.py";
    let analysis = |line: &str| {
        let (out, err, code) = refscope(&["snapshot", file, "--line", line, "--analysis"]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(v["schema"], "refscope.snapshot/1");
        let objects = v["objects"].as_array().unwrap().len();
        let a = v["analysis"].clone();
        assert_eq!(
            a["objects"].as_array().unwrap().len(),
            objects,
            "one entry per object"
        );
        a
    };
    // Line 40 (`del head, tail`) has not run: the three nodes form a reachable cycle.
    let before = analysis("40");
    let cycles = before["cycles"].as_array().unwrap();
    assert_eq!(cycles.len(), 1, "{before}");
    assert_eq!(cycles[0]["objects"].as_array().unwrap().len(), 3);
    assert_eq!(cycles[0]["unreachable"], false);
    // After it: the same cycle, now garbage that only the collector can free.
    let after = analysis("41");
    let cycle = &after["cycles"][0];
    assert_eq!(cycle["unreachable"], true, "{after}");
    let members: Vec<u64> = cycle["objects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect();
    for o in after["objects"].as_array().unwrap() {
        let id = o["id"].as_u64().unwrap();
        if members.contains(&id) {
            assert_eq!(o["reach"], "cyclic_garbage", "{o}");
            // A Node is 56 bytes (python3's sys.getsizeof of an instance with inline
            // attributes), and each node is held by the other two: it retains itself.
            assert_eq!(o["retained"], 56, "{o}");
        }
    }
}

/// A reader that stops early (`refscope dis big.py | head -1`) ends the command with a
/// message, not a panic.
#[test]
fn a_closed_standard_output_ends_the_command_without_a_panic() {
    use std::io::Read;
    let dir = std::env::temp_dir().join(format!("refscope-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.py");
    let body: String = (0..5000).map(|i| format!("x{i} = {i} * 2\n")).collect();
    std::fs::write(&file, body).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .arg("dis")
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's reading end is closed here; the rest of the listing meets a broken pipe.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        err.trim(),
        "refscope: can't write standard output: Broken pipe (os error 32)"
    );
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
