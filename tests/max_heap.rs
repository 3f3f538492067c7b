//! `--max-heap BYTES`: a program whose modelled heap would pass the limit gets a
//! MemoryError inside it, whichever way it grows (a loop's appends, a comprehension,
//! list() of an iterator, one huge object), and can catch it and go on.

use std::process::Command;

fn run_limited(name: &str, source: &str) -> (String, i32) {
    let dir = std::env::temp_dir().join(format!("refscope-max-heap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, source).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .args(["run", "--max-heap", "2000000"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn every_way_of_growing_the_heap_meets_the_limit() {
    let growths = [
        "a = []\nfor i in range(10**7):\n    a.append(i)\n",
        "a = [i for i in range(10**7)]\n",
        "a = list(i for i in range(10**7))\n",
        "a = list(range(10**7))\n",
        "a = {i: i for i in range(10**7)}\n",
        "a = bytes(10**7)\n",
        "a = 'x' * 10**7\n",
        "a = [None] * 10**7\n",
    ];
    for (k, growth) in growths.iter().enumerate() {
        // Indented into a try block, and what survives shows the program went on.
        let body: String = growth.lines().map(|l| format!("    {l}\n")).collect();
        let source = format!(
            "try:\n{body}    print('no limit')\nexcept MemoryError:\n    print('MemoryError')\na = None\nprint([1, 2, 3])\n"
        );
        let (out, code) = run_limited(&format!("g{k}.py"), &source);
        assert_eq!(
            (out.as_str(), code),
            ("MemoryError\n[1, 2, 3]\n", 0),
            "{growth}"
        );
    }
}

#[test]
fn an_object_no_memory_holds_is_a_memory_error_without_a_limit() {
    let dir = std::env::temp_dir().join(format!("refscope-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("huge.py");
    std::fs::write(
        &file,
        "for make in (lambda: bytes(10**12), lambda: list(range(10**12)), lambda: 'x'.ljust(10**12)):\n    try:\n        make()\n    except MemoryError:\n        print('MemoryError')\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .arg("run")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "MemoryError\nMemoryError\nMemoryError\n"
    );
    assert_eq!(out.status.code(), Some(0));
}
