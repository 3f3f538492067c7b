//! `memory_profiler` inside refscope: the seed article's example prints memory_profiler's
//! table (the format in ../shared/cpython-3.11-facts.md), and its increments are what the
//! lines allocate — checked against the sizes `python3`'s `sys.getsizeof` gives.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn refscope(args: &[&str], dir: &PathBuf) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("refscope runs");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

/// `{:5.1f} MiB` of a byte count, as memory_profiler prints it.
fn mib(bytes: f64) -> String {
    format!("{:5.1} MiB", bytes / (1u64 << 20) as f64)
}

fn python_sizeof(expr: &str) -> Option<f64> {
    let out = refscope::bench::python3()
        .arg("-c")
        .arg(format!("import sys; print(sys.getsizeof({expr}))"))
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

#[test]
fn the_seed_example_prints_memory_profilers_table() {
    let dir = root().join("assets/examples");
    let (out, code) = refscope(&["run", "08_memory_profiler.py"], &dir);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Filename: 08_memory_profiler.py");
    assert_eq!(lines[1], "");
    assert_eq!(
        lines[2],
        "Line #    Mem usage    Increment  Occurrences   Line Contents"
    );
    assert_eq!(lines[3], "=".repeat(61));
    let source = std::fs::read_to_string(dir.join("08_memory_profiler.py")).unwrap();
    let src: Vec<&str> = source.lines().collect();
    // Rows: every line of the function, measured ones with memory, increment, count.
    let rows = &lines[4..];
    let first = src.iter().position(|l| l.starts_with("@profile")).unwrap() + 1;
    for (i, row) in rows.iter().take(6).enumerate() {
        let lineno = first + i;
        assert_eq!(&row[..6], format!("{lineno:>6}"), "row {row:?}");
        assert!(
            row.ends_with(src[lineno - 1]),
            "row {row:?} shows its source line"
        );
    }
    assert_eq!(
        rows[1].trim(),
        "13                                         def my_func():".trim()
    );
    let a = python_sizeof("[1] * (10 ** 6)").expect("python3");
    let b = python_sizeof("[2] * (2 * 10 ** 7)").expect("python3");
    let inc = |row: &str| row[20..32].to_string();
    assert_eq!(inc(rows[2]), format!("{:>12}", mib(a)));
    assert_eq!(inc(rows[3]), format!("{:>12}", mib(b)));
    assert_eq!(inc(rows[4]), format!("{:>12}", mib(-b)));
    assert_eq!(inc(rows[5]), format!("{:>12}", mib(0.0)));
    for row in &rows[2..6] {
        assert_eq!(&row[34..44], format!("{:>10}", 1), "occurrences in {row:?}");
    }
    // Followed by two blank lines.
    assert_eq!(&rows[6..], &["", ""]);
}

#[test]
fn loops_count_occurrences_and_memory_usage_measures_a_call() {
    let dir = std::env::temp_dir().join(format!("refscope-mp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("loop.py"),
        "from memory_profiler import profile, memory_usage\n\n@profile\ndef build(n):\n    out = []\n    for i in range(n):\n        out.append([0] * 1000)\n    return len(out)\n\nbuild(3)\nr = memory_usage((build, (2,)), max_usage=True)\nprint(type(r).__name__, len(memory_usage()))\n",
    )
    .unwrap();
    let (out, code) = refscope(&["run", "loop.py"], &dir);
    assert_eq!(code, 0, "{out}");
    let row = |n: usize| {
        out.lines()
            .find(|l| l.starts_with(&format!("{n:>6} ")))
            .unwrap_or("")
            .to_string()
    };
    // The for line runs once per item and once more to stop; the body once per item.
    assert_eq!(&row(6)[34..44], format!("{:>10}", 4), "{out}");
    assert_eq!(&row(7)[34..44], format!("{:>10}", 3), "{out}");
    // Three lists of 1000 items: the body's increment is their size.
    let each = python_sizeof("[0] * 1000").expect("python3");
    assert_eq!(
        row(7)[20..32].to_string(),
        format!("{:>12}", mib(3.0 * each))
    );
    assert!(out.ends_with("float 1\n"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
