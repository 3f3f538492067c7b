//! Programs that use constructs refscope does not run yet: each must stop at once with
//! exit code 1 and a `NotImplementedError` that names the construct and its line, never a
//! panic or a wrong answer. The first comment line of each program says what it checks.

use std::path::Path;
use std::process::Command;

#[test]
fn unsupported_constructs_stop_with_a_clear_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unsupported");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/unsupported exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let out = Command::new(env!("CARGO_BIN_EXE_refscope"))
            .arg("run")
            .arg(&path)
            .output()
            .expect("refscope runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().last().unwrap_or("");
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(
            last.starts_with("NotImplementedError: ") && last.contains("not supported"),
            "{}: last line was {last:?}",
            path.display()
        );
        assert!(
            stderr.contains("  File \""),
            "{}: no location in {stderr}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 0, "no programs in tests/unsupported");
}
