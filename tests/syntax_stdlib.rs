//! Every module of CPython's own standard library must parse (CPython compiled them).
//! Ignored by default: `REFSCOPE_STDLIB=/usr/lib/python3.11 cargo test --test
//! syntax_stdlib -- --ignored`. Files under `test/` that are deliberately broken are
//! skipped by checking them with python3 first, and so are files in the encodings
//! refscope does not decode. With 3.11.7's lib (11,659 files, site-packages included)
//! only five test files in cp1252, koi8-r and iso-8859-5 are refused.

use std::path::{Path, PathBuf};

use refscope::syntax::parse_file;

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn cpython_compiles(path: &Path) -> bool {
    refscope::bench::python3()
        .args([
            "-c",
            "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')",
        ])
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
#[ignore]
fn the_standard_library_parses() {
    let Some(root) = std::env::var_os("REFSCOPE_STDLIB") else {
        return;
    };
    let mut files = Vec::new();
    python_files(Path::new(&root), &mut files);
    let mut wrong = Vec::new();
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            for path in &files {
                let bytes = std::fs::read(path).unwrap();
                let name = path.to_string_lossy();
                if let Err(e) = parse_file(&bytes, &name)
                    && !e.msg.contains("refscope reads utf-8, latin-1 and ascii")
                    && cpython_compiles(path)
                {
                    wrong.push(e.render());
                }
            }
            (files.len(), wrong)
        })
        .unwrap();
    let (count, wrong) = handle.join().unwrap();
    assert!(
        wrong.is_empty(),
        "{} of {count} files:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
