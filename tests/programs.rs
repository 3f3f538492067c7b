//! Differential tests: every program under `tests/programs/<area>/<name>.py` that has
//! expected files (`<name>.out`, `<name>.code`, `<name>.err`, made by CPython 3.11 through
//! `python3 scripts/regen-expected.py`) is run by `refscope run name.py` with cwd = its
//! folder. stdout must match exactly, and so must the exit code and the last non-blank line
//! of stderr.
//!
//! - `REFSCOPE_PROGRAMS=ints,seed/create` runs only the programs whose `area/name`
//!   contains one of the comma-separated filters.
//! - A folder with a `MODE` file containing `repl` runs as `refscope run --repl-mode`.
//! - `expectations_are_fresh` re-runs python3 on every program and fails on any stale
//!   expected file (skipped, with a note, when python3 is absent).
//!
//! Every failure is collected and reported at the end, with the first differing line.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const WORKERS: usize = 2;
const TIMEOUT: Duration = Duration::from_secs(60);

/// One test program and what CPython printed for it.
struct Program {
    /// `area/name`, used in reports and for filtering.
    key: String,
    folder: PathBuf,
    file: String,
    repl: bool,
    expected: Option<Outcome>,
}

/// What a run produced, reduced to what the corpus compares.
#[derive(Clone, PartialEq, Eq)]
struct Outcome {
    stdout: String,
    code: i32,
    /// The last non-blank line of stderr, or "" when stderr was blank.
    err: String,
}

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

fn filters() -> Vec<String> {
    std::env::var("REFSCOPE_PROGRAMS")
        .unwrap_or_default()
        .split(',')
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect()
}

fn read_to_string(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

fn read_expected(folder: &Path, name: &str) -> Option<Outcome> {
    let stdout = read_to_string(&folder.join(format!("{name}.out")))?;
    let code = read_to_string(&folder.join(format!("{name}.code")))?;
    let err = read_to_string(&folder.join(format!("{name}.err")))?;
    let code = code
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{}/{name}.code is not a number", folder.display()));
    Some(Outcome {
        stdout,
        code,
        err: err.trim_end().to_string(),
    })
}

/// Every program, sorted by `area/name`, after applying `REFSCOPE_PROGRAMS`.
fn discover() -> Vec<Program> {
    let filters = filters();
    let mut programs = Vec::new();
    let mut areas: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .expect("tests/programs exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.is_dir())
        .collect();
    areas.sort();
    for folder in areas {
        let area = folder.file_name().unwrap().to_string_lossy().into_owned();
        let repl = read_to_string(&folder.join("MODE")).is_some_and(|m| m.trim() == "repl");
        let mut files: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".py"))
            .collect();
        files.sort();
        for file in files {
            let name = file.trim_end_matches(".py").to_string();
            let key = format!("{area}/{name}");
            if !filters.is_empty() && !filters.iter().any(|f| key.contains(f.as_str())) {
                continue;
            }
            let expected = read_expected(&folder, &name);
            programs.push(Program {
                key,
                folder: folder.clone(),
                file,
                repl,
                expected,
            });
        }
    }
    programs
}

fn last_nonblank_line(text: &str) -> String {
    text.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

/// Runs `command`, killing it after `timeout`. `Err` explains a spawn failure or a hang.
fn run_with_timeout(mut command: Command, timeout: Duration) -> Result<Outcome, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("killed after {} s (hang?)", timeout.as_secs_f32()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let stdout = stdout.join().unwrap();
    let stderr = stderr.join().unwrap();
    Ok(Outcome {
        stdout,
        // Ended by a signal: minus its number, as Python's subprocess reports it.
        code: status.code().unwrap_or_else(|| {
            use std::os::unix::process::ExitStatusExt;
            status.signal().map_or(-1, |s| -s)
        }),
        err: last_nonblank_line(&stderr),
    })
}

/// Describes the first difference between `expected` and `actual`, or None if they agree.
fn diff(expected: &Outcome, actual: &Outcome) -> Option<String> {
    let mut report = Vec::new();
    if expected.stdout != actual.stdout {
        // Lines keep their '\n', so a missing final newline is a visible difference.
        let want: Vec<&str> = expected.stdout.split_inclusive('\n').collect();
        let got: Vec<&str> = actual.stdout.split_inclusive('\n').collect();
        let line = want
            .iter()
            .zip(&got)
            .position(|(w, g)| w != g)
            .unwrap_or(want.len().min(got.len()));
        let show = |lines: &[&str]| match lines.get(line) {
            Some(l) => format!("{l:?}"),
            None => "<end of output>".to_string(),
        };
        report.push(format!(
            "  stdout differs at line {}:\n    expected {}\n    actual   {}",
            line + 1,
            show(&want),
            show(&got)
        ));
    }
    if expected.code != actual.code {
        report.push(format!(
            "  exit code: expected {}, actual {}",
            expected.code, actual.code
        ));
    }
    if expected.err != actual.err {
        report.push(format!(
            "  last stderr line:\n    expected {:?}\n    actual   {:?}",
            expected.err, actual.err
        ));
    }
    (!report.is_empty()).then(|| report.join("\n"))
}

/// Runs `check` on every program with `WORKERS` threads; returns the failure reports
/// sorted by program.
fn run_all<F>(programs: &[Program], check: F) -> Vec<String>
where
    F: Fn(&Program) -> Option<String> + Sync,
{
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(program) = programs.get(i) else {
                        break;
                    };
                    if let Some(report) = check(program) {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{}:\n{report}", program.key));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    failures
}

fn compare(program: &Program, command: Command) -> Option<String> {
    let expected = program.expected.as_ref()?;
    match run_with_timeout(command, TIMEOUT) {
        Ok(actual) => diff(expected, &actual),
        Err(why) => Some(format!("  {why}")),
    }
}

fn finish(what: &str, checked: usize, failures: &[String]) {
    if failures.is_empty() {
        println!("{what}: all {checked} programs agree");
        return;
    }
    // Each report starts with "area/name:"; list them again at the end for a quick scan.
    let names: Vec<&str> = failures
        .iter()
        .map(|f| f.split(':').next().unwrap_or(f))
        .collect();
    panic!(
        "{what}: {} of {checked} programs failed\n\n{}\n\nfailed: {}\n",
        failures.len(),
        failures.join("\n\n"),
        names.join(" ")
    );
}

fn with_expectations(programs: Vec<Program>) -> Vec<Program> {
    let (with, without): (Vec<_>, Vec<_>) =
        programs.into_iter().partition(|p| p.expected.is_some());
    for p in &without {
        println!("note: {} has no expected files, not compared", p.key);
    }
    with
}

#[test]
fn programs_match_cpython() {
    let programs = with_expectations(discover());
    assert!(
        !programs.is_empty() || !filters().is_empty(),
        "no programs found"
    );
    let failures = run_all(&programs, |program| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_refscope"));
        command.arg("run");
        if program.repl {
            command.arg("--repl-mode");
        }
        command.arg(&program.file).current_dir(&program.folder);
        compare(program, command)
    });
    finish("refscope vs CPython", programs.len(), &failures);
}

/// The refcount ledger (refcount == number of holders, for every live object) holds after
/// every instruction of every program (sampled on very large heaps, see `vm/ledger.rs`).
#[test]
fn ledger_holds_on_every_program() {
    let programs = discover();
    let failures = run_all(&programs, |program| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_refscope"));
        command.arg("run").arg("--check-ledger");
        if program.repl {
            command.arg("--repl-mode");
        }
        command.arg(&program.file).current_dir(&program.folder);
        match run_with_timeout(command, TIMEOUT) {
            Ok(out) if out.err.contains("refcount ledger violated") || out.code == 70 => {
                Some(format!("  {}", out.err))
            }
            Ok(_) => None,
            Err(why) => Some(format!("  {why}")),
        }
    });
    finish("refcount ledger", programs.len(), &failures);
}

fn python3_available() -> bool {
    refscope::bench::python3()
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn expectations_are_fresh() {
    if !python3_available() {
        println!("note: python3 not found, expected files not re-checked");
        return;
    }
    let regen = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/regen-expected.py");
    let all = discover();
    // Only the tool programs (memory_profiler, objgraph) may lack expectations.
    let missing: Vec<String> = all
        .iter()
        .filter(|p| p.expected.is_none() && !p.key.starts_with("seed_tools/"))
        .map(|p| format!("{}: no expected files", p.key))
        .collect();
    let programs = with_expectations(all);
    let mut failures = run_all(&programs, |program| {
        let mut command = refscope::bench::python3();
        if program.repl {
            command.arg(&regen).arg("--run-repl");
        }
        command
            .arg(&program.file)
            .current_dir(&program.folder)
            .env("PYTHONIOENCODING", "utf-8")
            .env_remove("PYTHONSTARTUP");
        compare(program, command)
            .map(|d| format!("{d}\n  (stale: run `python3 scripts/regen-expected.py`)"))
    });
    failures.extend(missing);
    finish("python3 vs expected files", programs.len(), &failures);
}

#[test]
fn harness_kills_a_hanging_program() {
    let mut command = Command::new("sleep");
    command.arg("30");
    let start = Instant::now();
    let result = run_with_timeout(command, Duration::from_millis(200));
    assert!(result.is_err_and(|why| why.starts_with("killed after")));
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn harness_reports_the_first_differing_line() {
    let outcome = |stdout: &str, code, err: &str| Outcome {
        stdout: stdout.to_string(),
        code,
        err: err.to_string(),
    };
    let expected = outcome("a\nb\nc\n", 1, "KeyError: 'x'");
    assert_eq!(diff(&expected, &expected.clone()), None);
    let report = diff(&expected, &outcome("a\nB\nc\n", 0, "")).unwrap();
    assert!(report.contains("line 2"), "{report}");
    assert!(report.contains(r#""B\n""#), "{report}");
    assert!(
        report.contains("exit code: expected 1, actual 0"),
        "{report}"
    );
    assert!(report.contains("KeyError"), "{report}");
    let short = diff(&expected, &outcome("a\n", 1, "KeyError: 'x'")).unwrap();
    assert!(short.contains("<end of output>"), "{short}");
    assert_eq!(last_nonblank_line("x\nValueError: v\n\n"), "ValueError: v");
}
