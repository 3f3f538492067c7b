//! Recordings over the whole test corpus (`tests/programs/*/*.py` and the bundled
//! examples):
//!
//! - the snapshot invariant (refcount == references to the object) holds at every step;
//! - snapshots reached through checkpoints equal the ones seen live while the program ran,
//!   and stepping away and back gives the same snapshot;
//! - the line steps are the 'line' events CPython 3.11's `sys.settrace` reports
//!   (`scripts/settrace-lines.py`), except for the divergences listed in
//!   `tests/record-divergences.txt`, each with its reason.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use refscope::record::{Recording, Session, SessionOptions, Status, StepKind, record_file};

const WORKERS: usize = 2;
const MAX_STEPS: u64 = 400_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every program: (key, folder, file name).
fn programs() -> Vec<(String, PathBuf, String)> {
    let mut out = vec![];
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/programs"))
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.push(root().join("assets/examples"));
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("a program folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            let area = dir.file_name().unwrap().to_string_lossy().to_string();
            out.push((format!("{area}/{name}"), dir.clone(), name));
        }
    }
    let filter = std::env::var("REFSCOPE_PROGRAMS").unwrap_or_default();
    let filters: Vec<&str> = filter.split(',').filter(|f| !f.is_empty()).collect();
    out.retain(|(k, _, _)| filters.is_empty() || filters.iter().any(|f| k.contains(f)));
    out
}

fn repl_mode(folder: &Path) -> bool {
    std::fs::read_to_string(folder.join("MODE")).is_ok_and(|m| m.trim() == "repl")
}

fn record(folder: &Path, file: &str) -> Recording {
    let bytes = std::fs::read(folder.join(file)).expect("the program");
    let opts = SessionOptions {
        repl_mode: repl_mode(folder),
        max_steps: MAX_STEPS,
        ..SessionOptions::default()
    };
    // Named by its path, so that pictures a program saves land next to it.
    let name = folder.join(file).to_string_lossy().to_string();
    record_file(&bytes, &name, &opts).recording
}

/// Runs `check` on every program, two at a time; fails with every problem found.
fn each_program(check: impl Fn(&str, &Path, &str) -> Result<(), String> + Sync) {
    let progs = programs();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(vec![]);
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some((key, folder, file)) = progs.get(i) else {
                        break;
                    };
                    if let Err(e) = check(key, folder, file) {
                        failures.lock().unwrap().push(format!("{key}: {e}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} programs failed:\n{}",
        failures.len(),
        progs.len(),
        failures.join("\n")
    );
}

#[test]
fn snapshot_invariant_holds_at_every_step() {
    each_program(|_, folder, file| {
        let rec = record(folder, file);
        rec.verify()?;
        // Whole snapshots at a sample of steps, through the checkpoints (fewer for the
        // recordings with very many events, such as a list of 2 * 10**7 items).
        let n = rec.len();
        let samples = if rec.event_count() > 5_000_000 { 3 } else { 24 };
        for k in 0..samples {
            let i = k * n / samples;
            let s = rec.state_at(i);
            if let Some((id, rc, refs)) = s.ledger_mismatches().first() {
                return Err(format!(
                    "step {i} (line {}): object {id} has refcount {rc} but {refs} references",
                    s.line
                ));
            }
        }
        Ok(())
    });
}

#[test]
fn stepping_back_and_forth_gives_the_same_snapshots() {
    each_program(|_, folder, file| {
        let source = std::fs::read_to_string(folder.join(file)).unwrap_or_default();
        let mut session = Session::start(
            source,
            folder.join(file).to_string_lossy().to_string(),
            SessionOptions {
                repl_mode: repl_mode(folder),
                max_steps: MAX_STEPS,
                ..SessionOptions::default()
            },
        );
        // Pause at a few points and keep what the live state looked like.
        let mut seen = vec![];
        for target in [1usize, 7, 40, 300, 2500, 20_000] {
            session.run_to(target);
            session.wait();
            let rec = session.recording();
            if rec.len() < target {
                break;
            }
            seen.push((target - 1, rec.state_at(target - 1)));
        }
        session.run_to(usize::MAX);
        session.wait();
        if !matches!(
            session.status(),
            Status::Finished { .. } | Status::LimitReached(_)
        ) {
            return Err(format!("session did not finish: {:?}", session.status()));
        }
        let rec = session.recording();
        for (i, live) in &seen {
            let again = rec.state_at(*i);
            if &again != live {
                return Err(format!("step {i}: the snapshot differs from the live one"));
            }
            let _ = rec.state_at(0);
            if rec.state_at(*i) != again {
                return Err(format!("step {i}: stepping back and forth changed it"));
            }
        }
        if rec.output() != record(folder, file).output() {
            return Err("a paused session printed other output than a straight run".into());
        }
        Ok(())
    });
}

/// The line events of CPython's `sys.settrace`, or None without python3 (or without
/// the third-party module the program needs).
fn cpython_lines(folder: &Path, file: &str) -> Option<Vec<u32>> {
    let out = refscope::bench::python3()
        .arg(root().join("scripts/settrace-lines.py"))
        .arg(file)
        .current_dir(folder)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    if text.trim() == "null" {
        return None;
    }
    let text = text.trim().trim_start_matches('[').trim_end_matches(']');
    Some(
        text.split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect(),
    )
}

fn divergences() -> Vec<String> {
    std::fs::read_to_string(root().join("tests/record-divergences.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn line_steps_are_cpythons_settrace_lines() {
    if refscope::bench::python3().arg("-V").output().is_err() {
        eprintln!("python3 is not available: line steps not compared");
        return;
    }
    let known = divergences();
    each_program(|key, folder, file| {
        let Some(expected) = cpython_lines(folder, file) else {
            return Ok(());
        };
        let rec = record(folder, file);
        let mut expected = expected;
        if rec.step(rec.len()).kind != StepKind::End {
            // Stopped at the step limit: compare what ran.
            expected.truncate(
                (0..rec.len())
                    .filter(|i| rec.step(*i).kind == StepKind::Line)
                    .count(),
            );
        }
        let got: Vec<u32> = (0..rec.len())
            .map(|i| rec.step(i))
            .filter(|s| s.kind == StepKind::Line)
            .map(|s| s.line)
            .collect();
        let listed = known.iter().any(|k| k == key);
        match (got == expected, listed) {
            (true, false) => Ok(()),
            (true, true) => {
                Err("listed in tests/record-divergences.txt but now matches: remove it".into())
            }
            (false, true) => Ok(()),
            (false, false) => {
                let at = got
                    .iter()
                    .zip(&expected)
                    .take_while(|(a, b)| a == b)
                    .count();
                let lo = at.saturating_sub(3);
                Err(format!(
                    "line steps differ from sys.settrace at event {at} ({} vs {} events): refscope {:?} python3 {:?}",
                    got.len(),
                    expected.len(),
                    &got[lo..(at + 4).min(got.len())],
                    &expected[lo..(at + 4).min(expected.len())]
                ))
            }
        }
    });
}

/// A list of one repeated object is recorded as runs, not an event per item, yet the
/// trace still lists every reference and every snapshot is the same as item by item.
#[test]
fn repeated_items_are_recorded_as_runs() {
    let src = "a = [2] * 1000\nb = [None, 1] * 3\na.extend([2] * 5)\ndel a\nx = 1\n";
    let opts = SessionOptions::default();
    let rec = record_file(src.as_bytes(), "runs.py", &opts).recording;
    rec.verify().unwrap();
    assert!(
        rec.event_count() < 200,
        "{} events for 2,000 references",
        rec.event_count()
    );
    let step_of = |line: u32| {
        (0..rec.len())
            .find(|&i| rec.step(i).line == line && rec.step(i).kind == StepKind::Line)
            .unwrap()
    };
    let labels = |i: usize, set: bool| -> Vec<String> {
        rec.events(i)
            .into_iter()
            .filter_map(|e| match e {
                refscope::record::Event::RefSet { label, to, .. } if set => {
                    Some(format!("{label}->{to}"))
                }
                refscope::record::Event::RefCleared { label, to, .. } if !set => {
                    Some(format!("{label}->{to}"))
                }
                _ => None,
            })
            .filter(|l| l.starts_with('['))
            .collect()
    };
    let two = rec
        .state_at(step_of(2))
        .objects
        .iter()
        .find(|o| o.repr == "2")
        .unwrap()
        .id;
    let made = labels(step_of(1), true);
    let want: Vec<String> = (0..1000).map(|i| format!("[{i}]->{two}")).collect();
    assert_eq!(made, want);
    let extended = labels(step_of(3), true);
    assert!(
        extended.ends_with(
            &(1000..1005)
                .map(|i| format!("[{i}]->{two}"))
                .collect::<Vec<_>>()
        )
    );
    // Freed last item first, as CPython's list_dealloc releases them.
    let freed = labels(step_of(4), false);
    let want: Vec<String> = (0..1005).rev().map(|i| format!("[{i}]->{two}")).collect();
    assert_eq!(freed, want);
    // b alternates two objects: no runs, each reference as it is.
    let s = rec.state_at(step_of(3));
    let b = s
        .objects
        .iter()
        .find(|o| o.repr == "[None, 1, None, 1, ...]")
        .unwrap()
        .id;
    let held = s
        .references
        .iter()
        .filter(|r| r.holder == refscope::record::Holder::Object { id: b })
        .count();
    assert_eq!(held, 6);
    let a = s
        .objects
        .iter()
        .find(|o| o.type_name == "list" && o.size == 8056)
        .map(|o| o.id);
    assert!(
        a.is_some(),
        "a is still alive before del a: {:?}",
        s.objects
            .iter()
            .filter(|o| o.type_name == "list")
            .map(|o| (o.id, o.size))
            .collect::<Vec<_>>()
    );
}

/// What a library module refscope writes in Python makes while it is imported (its
/// functions, classes, strings, code objects) is the runtime's, as CPython's own
/// modules are: a program that imports `random` shows its own objects, not hundreds of
/// the module's. What the program makes by calling into the module is its own.
#[test]
fn a_library_module_is_the_runtimes() {
    let src = "import random\nfrom collections import Counter\nrandom.seed(1)\nrolls = [random.randint(1, 6) for _ in range(3)]\ntally = Counter(rolls)\nx = 0\n";
    let rec = record_file(src.as_bytes(), "dice.py", &SessionOptions::default()).recording;
    rec.verify().unwrap();
    let end = rec.state_at(rec.len() - 1);
    let program: Vec<&str> = end
        .objects
        .iter()
        .filter(|o| !o.runtime)
        .map(|o| o.type_name.as_str())
        .collect();
    assert!(
        program.len() < 15,
        "{} program objects: {program:?}",
        program.len()
    );
    for t in ["list", "Counter"] {
        assert!(program.contains(&t), "no {t} among {program:?}");
    }
    // A Counter is a dict subclass's instance, as in CPython: no dict inside a wrapper.
    assert!(!program.contains(&"dict"), "{program:?}");
    assert!(!program.contains(&"function"), "{program:?}");
    assert!(end.ledger_mismatches().is_empty());
}
