//! `refscope bench`: runs the workloads the issues set targets for, in refscope and in
//! `python3`, in the same run, and prints both times and their ratio.
//!
//! Each workload is timed inside its own process around the workload only (refscope: the
//! run of the compiled program; python3: `time.perf_counter()` around `exec`), so start-up
//! is left out of both.

use std::process::Command;
use std::time::Instant;

use crate::compiler::{Mode, compile_module};
use crate::syntax::parse_source;
use crate::vm::{CapturedOutput, Options, Vm};

/// A named program.
pub struct Workload {
    pub name: &'static str,
    /// Run first and not timed (in the same module): what the timed part works on.
    pub setup: &'static str,
    pub source: &'static str,
}

pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "list comprehension [x for x in range(10**6)]",
        setup: "",
        source: "numbers = [x for x in range(10**6)]\n",
    },
    Workload {
        name: "sum(x for x in range(10**6))",
        setup: "",
        source: "total = sum(x for x in range(10**6))\n",
    },
    Workload {
        name: "recursive fib(25)",
        setup: "",
        source: "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nr = fib(25)\n",
    },
    Workload {
        name: "10**6 instances of a __slots__ class",
        setup: "",
        source: "class P:\n    __slots__ = ['x', 'y']\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\nps = [P(i, i) for i in range(10**6)]\n",
    },
    Workload {
        name: "10**6 plain instances, collector enabled",
        setup: "",
        source: "class P:\n    def __init__(self, x):\n        self.x = x\nps = [P(i) for i in range(10**6)]\n",
    },
    Workload {
        name: "gc.collect() over 200,000 two-list cycles",
        setup: "",
        source: "import gc\ngc.disable()\nfor i in range(200000):\n    a = []\n    b = [a]\n    a.append(b)\ndel a, b\nn = gc.collect()\nassert n == 400000, n\n",
    },
    Workload {
        name: "the gc.collect() call alone, of those cycles",
        setup: "import gc\ngc.disable()\nfor i in range(200000):\n    a = []\n    b = [a]\n    a.append(b)\ndel a, b\n",
        source: "n = gc.collect()\nassert n == 400000, n\n",
    },
];

/// A command for the python3 that refscope is compared with: the interpreter itself,
/// found once through `sys.executable`. A version manager's `python3` (a pyenv shim) is
/// a shell script that costs about 100 ms a run in front of it, and the tests run
/// python3 a few thousand times. Plain `python3` when that cannot be found.
pub fn python3() -> Command {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let path = PATH.get_or_init(|| {
        Command::new("python3")
            .args(["-c", "import sys; sys.stdout.write(sys.executable)"])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .filter(|p| !p.is_empty() && std::path::Path::new(p).is_file())
            .unwrap_or_else(|| "python3".to_string())
    });
    Command::new(path)
}

/// The median of `v` (sorted in place), which must not be empty.
fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Seconds refscope takes to run `source` after `setup` (compiling and the setup
/// excluded).
pub fn time_refscope(setup: &str, source: &str) -> Result<f64, String> {
    let compile = |src: &str| {
        let parsed = parse_source(src, "bench.py").map_err(|e| e.to_string())?;
        compile_module(&parsed.module, src, "bench.py", Mode::File).map_err(|e| e.to_string())
    };
    let (setup_codes, codes) = (compile(setup)?, compile(source)?);
    let mut vm = Vm::new(Box::new(CapturedOutput::default()), Options::default());
    vm.create_main("bench.py", source);
    let failed = |code: i32| Err(format!("the workload failed (exit {code})"));
    let out = vm.run_program(&setup_codes);
    if out.exit_code != 0 {
        return failed(out.exit_code);
    }
    let t = Instant::now();
    let out = vm.run_program(&codes);
    let secs = t.elapsed().as_secs_f64();
    if out.exit_code != 0 {
        return failed(out.exit_code);
    }
    Ok(secs)
}

/// Seconds python3 takes to run `source` after `setup`, or None when python3 is not
/// available.
pub fn time_python(setup: &str, source: &str) -> Option<f64> {
    let script = format!(
        "import time\nsetup = {setup:?}\nsrc = {source:?}\ng = {{'__name__': '__main__'}}\nexec(compile(setup, 'bench.py', 'exec'), g)\ncode = compile(src, 'bench.py', 'exec')\nt = time.perf_counter()\nexec(code, g)\nprint(time.perf_counter() - t)\n"
    );
    let out = python3().arg("-c").arg(script).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// Runs every workload (or those whose name contains `filter`) `runs` times in each
/// engine, alternating so that both see the same load, and prints a table of medians.
pub fn run(filter: Option<&str>, runs: usize) -> i32 {
    crate::outln!(
        "{:<48} {:>12} {:>12} {:>8} {:>18} {:>18}",
        "workload",
        "refscope s",
        "python3 s",
        "ratio",
        "refscope min..max",
        "python3 min..max"
    );
    let mut failed = false;
    for w in WORKLOADS {
        if filter.is_some_and(|f| !w.name.contains(f)) {
            continue;
        }
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let mut error = None;
        for _ in 0..runs.max(1) {
            // Run the engine on a large stack, as `refscope run` does.
            let (setup, src) = (w.setup, w.source);
            let r = std::thread::Builder::new()
                .stack_size(crate::engine::ENGINE_STACK)
                .spawn(move || time_refscope(setup, src))
                .map_err(|e| e.to_string())
                .and_then(|h| h.join().map_err(|_| "the engine panicked".to_string()))
                .and_then(|r| r);
            match r {
                Ok(t) => ours.push(t),
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
            theirs.extend(time_python(w.setup, w.source));
        }
        if let Some(e) = error {
            failed = true;
            crate::outln!("{:<48} failed: {e}", w.name);
            continue;
        }
        let t = median(&mut ours);
        let spread = |v: &[f64]| format!("{:.3}..{:.3}", v[0], v[v.len() - 1]);
        let (p, ratio, their_spread) = if theirs.is_empty() {
            ("n/a".into(), "n/a".into(), "n/a".into())
        } else {
            let p = median(&mut theirs);
            (format!("{p:.3}"), format!("{:.2}x", t / p), spread(&theirs))
        };
        crate::outln!(
            "{:<48} {:>12.3} {:>12} {:>8} {:>18} {:>18}",
            w.name,
            t,
            p,
            ratio,
            spread(&ours),
            their_spread
        );
    }
    crate::outln!(
        "(medians of {runs} runs each; ratio = refscope time / python3 time; below 1.00x refscope is faster)"
    );
    crate::outln!();
    if !bench_recording(filter) {
        failed = true;
    }
    if filter.is_none_or(|f| "export".contains(f)) {
        bench_export();
    }
    #[cfg(feature = "gui")]
    if filter.is_none_or(|f| "app frame".contains(f)) {
        bench_app_frames();
    }
    if failed { 1 } else { 0 }
}

/// The desktop app's frame time, headless: the whole window's UI built and tessellated
/// (everything but the GPU upload) at the last step of a program, averaged over frames.
/// One heap of about 1,000 objects to draw (the 16 ms budget), and the seed's list of a
/// million ints (where only the selection's neighbourhood and the first objects are
/// drawn).
#[cfg(feature = "gui")]
fn bench_app_frames() {
    use crate::app::{RefscopeApp, Settings};
    use eframe::egui;
    crate::outln!();
    let cases = [
        (
            "1,000 objects drawn",
            "class Node:\n    def __init__(self):\n        self.next = None\nnodes = [Node() for i in range(999)]\nfor a, b in zip(nodes, nodes[1:]):\n    a.next = b\n",
        ),
        (
            "a heap of 10**6 objects",
            "numbers = [x for x in range(1000000)]\n",
        ),
        (
            "10**6 instances (2*10**6 objects)",
            "class P:\n    __slots__ = ['x', 'y']\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\nps = [P(i, i) for i in range(10**6)]\n",
        ),
    ];
    for (name, source) in cases {
        let mut app =
            RefscopeApp::with_source(source.into(), "bench.py".into(), Settings::default());
        app.apply(crate::app::Command::Continue);
        let ctx = egui::Context::default();
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            ..Default::default()
        };
        // Until the program finished and the cursor is at its end.
        for _ in 0..100_000 {
            let _ = ctx.run_ui(input(), |ui| app.ui_all(ui));
            if app.program.finished() && app.program.goal.is_none() {
                break;
            }
            app.program.session.wait();
        }
        // Two frames to settle (the first at a new step computes the snapshot), then
        // the measured ones.
        for _ in 0..2 {
            let out = ctx.run_ui(input(), |ui| app.ui_all(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        }
        let frames = 20;
        let t = Instant::now();
        for _ in 0..frames {
            let out = ctx.run_ui(input(), |ui| app.ui_all(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        }
        let ms = t.elapsed().as_secs_f64() * 1000.0 / frames as f64;
        // A step back: the first frame after it computes the step's snapshot and what
        // is drawn of it (the latency a user feels), then an ordinary frame.
        // On a large heap the step's view is computed on a worker while the frames go
        // on: then also the time until it is shown, and until the memory-by-line table
        // that follows it is.
        let steps = 5;
        let (mut first, mut shown, mut table) = (0.0, 0.0, 0.0);
        for _ in 0..steps {
            let t = Instant::now();
            app.apply(crate::app::Command::StepBack);
            let out = ctx.run_ui(input(), |ui| app.ui_all(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
            first += t.elapsed().as_secs_f64();
            let mut seen = None;
            for _ in 0..100_000 {
                if seen.is_none() && app.program.awaited_step().is_none() {
                    seen = Some(t.elapsed().as_secs_f64());
                }
                if seen.is_some() && app.program.pending_step().is_none() {
                    break;
                }
                let out = ctx.run_ui(input(), |ui| app.ui_all(ui));
                let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
            }
            shown += seen.unwrap_or_else(|| t.elapsed().as_secs_f64());
            table += t.elapsed().as_secs_f64();
        }
        let per = |x: f64| x * 1000.0 / steps as f64;
        let step_ms = per(first);
        let waits = if per(table) > step_ms + 1.0 {
            format!(
                " (computed on a worker: shown after {:.0} ms, its memory by line after {:.0} ms)",
                per(shown),
                per(table)
            )
        } else {
            String::new()
        };
        crate::outln!(
            "app frame, {name}: {ms:.1} ms ({} objects drawn of {}); a step back and its first frame: {step_ms:.0} ms{waits}",
            app.heap.drawn,
            app.program
                .summary()
                .map(|m| m.objects)
                .or(app.program.shown().map(|s| s.objects.len()))
                .unwrap_or(0)
        );
    }
}

/// The cost of recording: time against a plain run (and against python3 under a no-op
/// `sys.settrace`, the nearest thing CPython has), memory per event, and `state_at`.
fn bench_recording(filter: Option<&str>) -> bool {
    crate::outln!(
        "{:<48} {:>8} {:>8} {:>8} {:>10} {:>9} {:>8} {:>10} {:>8} {:>9}",
        "recording",
        "run s",
        "rec s",
        "rec/run",
        "steps",
        "events",
        "B/event",
        "state_at",
        "model",
        "objects"
    );
    let mut ok = true;
    // (A workload with an untimed setup part is the same program as another: its
    // recording would be that one's.)
    for w in WORKLOADS.iter().filter(|w| w.setup.is_empty()) {
        if filter.is_some_and(|f| !w.name.contains(f)) {
            continue;
        }
        let src = w.source;
        let run = std::thread::Builder::new()
            .stack_size(crate::engine::ENGINE_STACK)
            .spawn(move || time_refscope("", src))
            .map_err(|e| e.to_string())
            .and_then(|h| h.join().map_err(|_| "the engine panicked".to_string()))
            .and_then(|r| r);
        let opts = crate::record::SessionOptions {
            max_steps: u64::MAX,
            max_heap: None,
            ..Default::default()
        };
        let t = Instant::now();
        let r = crate::record::record_file(src.as_bytes(), "bench.py", &opts);
        let rec_s = t.elapsed().as_secs_f64();
        let rec = &r.recording;
        let (steps, events) = (rec.len(), rec.event_count());
        // state_at over steps spread across the recording: the slowest one, the slowest
        // reconstruction of the model alone (from the nearest checkpoint), and the
        // number of objects in the largest snapshot.
        let (mut worst, mut worst_model, mut most) = (0f64, 0f64, 0);
        for k in 0..20 {
            let i = (k * 7919 + 13) * steps / (20 * 7919 + 13);
            let t = Instant::now();
            let m = rec.lock().model_at(i);
            worst_model = worst_model.max(t.elapsed().as_secs_f64());
            std::hint::black_box(m);
            let t = Instant::now();
            let s = rec.state_at(i);
            worst = worst.max(t.elapsed().as_secs_f64());
            most = most.max(s.objects.len());
            std::hint::black_box(s);
        }
        match run {
            Ok(run_s) => crate::outln!(
                "{:<48} {:>8.3} {:>8.3} {:>7.2}x {:>10} {:>9} {:>8.1} {:>8.1}ms {:>6.1}ms {:>9}",
                w.name,
                run_s,
                rec_s,
                rec_s / run_s,
                steps,
                events,
                rec.bytes() as f64 / events.max(1) as f64,
                worst * 1e3,
                worst_model * 1e3,
                most
            ),
            Err(e) => {
                ok = false;
                crate::outln!("{:<48} failed: {e}", w.name);
            }
        }
    }
    crate::outln!(
        "(B/event: the recording's bytes (events, steps, tables, checkpoints) per event; state_at: slowest of 20 steps; model: the slowest of them to rebuild the heap's model, before it is turned into a snapshot; objects: the largest snapshot's)"
    );
    ok
}

/// A 500-node backrefs picture to PNG: a program's objects where 100 holders each reach
/// the target through a chain of 4 objects.
fn bench_export() {
    use crate::analysis::{GraphOptions, backrefs};
    use crate::record::{GcInfo, Holder, ObjectInfo, Reference, Snapshot};
    let obj = |id: u32, ty: &str| ObjectInfo {
        id,
        type_name: ty.into(),
        repr: format!("<{ty} object>").into(),
        refcount: 1,
        size: 56,
        tracked: true,
        generation: Some(0),
        cached: false,
        runtime: false,
        finalized: false,
    };
    let mut objects = vec![obj(1, "Target")];
    let mut references = vec![];
    let mut next = 2;
    for chain in 0..100 {
        let mut below = 1;
        for _ in 0..4 {
            objects.push(obj(next, "Link"));
            references.push(Reference {
                to: below,
                holder: Holder::Object { id: next },
                label: ".next".into(),
            });
            below = next;
            next += 1;
        }
        references.push(Reference {
            to: below,
            holder: Holder::Global {
                module: "__main__".into(),
                name: format!("head{chain}"),
            },
            label: format!("head{chain}").into(),
        });
    }
    references.sort();
    let snap = Snapshot {
        schema: crate::record::snapshot::SNAPSHOT_SCHEMA.into(),
        step: 0,
        line: 0,
        objects,
        references,
        frames: vec![],
        gc: GcInfo::default(),
    };
    let t = Instant::now();
    let scene = backrefs(
        &snap,
        &[1],
        &GraphOptions {
            max_depth: 5,
            too_many: 100,
            hide_cached: true,
        },
    );
    let png = crate::export::render(&scene, crate::export::Format::Png);
    let secs = t.elapsed().as_secs_f64();
    crate::outln!();
    match png {
        Ok(bytes) => crate::outln!(
            "export: backrefs picture of {} nodes to PNG ({} KB): {secs:.3} s",
            scene.nodes.len(),
            bytes.len() / 1024
        ),
        Err(e) => crate::outln!("export failed: {e}"),
    }
}
