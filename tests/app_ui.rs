//! The desktop app driven headless with egui_kittest: open a bundled example, step,
//! select an object in the heap graph, read its refcount and holders in the inspector,
//! step back, and export the backrefs view as PNG. Everything comes from a real Session.
#![cfg(feature = "gui")]

use egui_kittest::{Harness, kittest::Queryable};
use refscope::app::{Command, EXAMPLES, RefscopeApp, Settings};

fn source_of(example: &str) -> (&'static str, &'static str) {
    *EXAMPLES
        .iter()
        .find(|e| e.0 == example)
        .expect("bundled example")
}

/// The first line of a bundled example that starts with `prefix` (1-based).
fn line_starting(example: &str, prefix: &str) -> u32 {
    1 + source_of(example)
        .1
        .lines()
        .position(|l| l.starts_with(prefix))
        .expect("a line with that start") as u32
}

fn open(example: &str) -> Harness<'static, RefscopeApp> {
    let (name, src) = source_of(example);
    let app = RefscopeApp::with_source(src.to_string(), name.to_string(), Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut RefscopeApp| app.ui_all(ui), app);
    settle(&mut h);
    h
}

/// Frames until the cursor has reached its goal (the engine runs on its own thread).
fn settle(h: &mut Harness<'static, RefscopeApp>) {
    for _ in 0..500 {
        h.step();
        let p = &h.state().program;
        if p.goal.is_none() && (!p.is_empty() || p.finished()) {
            break;
        }
        h.state_mut().program.session.wait();
    }
    h.step();
    h.step();
}

/// Clicks a heap-graph box through AccessKit: the boxes live in a zoomed `egui::Scene`
/// layer, whose transform kittest's simulated pointer does not apply.
fn click_node(h: &mut Harness<'static, RefscopeApp>, label: &str) {
    h.get_by_label(label).click_accesskit();
    settle(h);
}

fn click(h: &mut Harness<'static, RefscopeApp>, label: &str) {
    h.get_by_label(label).click();
    settle(h);
}

/// The id of the object whose repr is `repr` in the shown snapshot.
fn object_with_repr(h: &mut Harness<'static, RefscopeApp>, repr: &str) -> Option<u32> {
    let s = h.state_mut().program.snapshot()?;
    s.objects.iter().find(|o| o.repr == repr).map(|o| o.id)
}

#[test]
fn step_select_read_refcount_and_holders_then_step_back() {
    let mut h = open("01_object_lifecycle.py");
    let mut id = None;
    for _ in 0..40 {
        click(&mut h, "Step into");
        id = object_with_repr(&mut h, "[1, 2, 3]");
        if id.is_some() {
            break;
        }
    }
    let id = id.expect("stepping into create_list() shows the list");
    let cursor = h.state().program.cursor;
    click_node(&mut h, &format!("list #{id}"));
    assert_eq!(h.state().selected, Some(id));
    // Read what the inspector shows: the refcount and one line per holder.
    let s = h.state_mut().program.snapshot().unwrap().clone();
    let rc = s.object(id).unwrap().refcount;
    assert!(h.query_by_label(&format!("refcount {rc}")).is_some());
    assert!(
        h.query_by_label(&format!("held by {rc} (one per reference):"))
            .is_some()
    );
    assert!(
        h.query_by_label("holder: variable my_list of create_list")
            .is_some()
    );
    let holders = h.query_all_by_label_contains("holder: ").count();
    assert_eq!(holders, rc as usize, "one holder line per reference");
    // Its items are the runtime's small ints: what it alone keeps alive is itself.
    let size = s.object(id).unwrap().size;
    assert_eq!(
        h.query_all_by_label(&format!("{size} bytes")).count(),
        2,
        "size and retained size"
    );
    assert!(h.query_by_label("reachable from a root").is_some());
    // Step back until the list did not exist yet.
    for _ in 0..10 {
        click(&mut h, "◀ Step back");
        if h.query_by_label_contains("does not exist at this step")
            .is_some()
        {
            break;
        }
    }
    assert!(h.state().program.cursor < cursor);
    assert!(
        h.query_by_label(&format!(
            "Object #{id} does not exist at this step (freed or not yet created)."
        ))
        .is_some()
    );
}

/// Example 02 run to a breakpoint before `gc.collect()`, where two lists hold each
/// other and nothing else does; and the breakpoint's line.
fn at_the_cycle_before_collect() -> (Harness<'static, RefscopeApp>, u32) {
    let mut h = open("02_reference_cycles_and_gc.py");
    let line = line_starting("02_reference_cycles_and_gc.py", "print(\"unreachable");
    h.state_mut().apply(Command::ToggleBreakpoint(line));
    click(&mut h, "▶ Continue");
    (h, line)
}

#[test]
fn cycle_is_unreachable_before_collect_and_backrefs_export_png() {
    let (mut h, line) = at_the_cycle_before_collect();
    assert_eq!(h.state_mut().program.snapshot().unwrap().line, line);
    assert!(
        h.query_by_label_contains("2 unreachable").is_some(),
        "the cycle awaits the collector"
    );
    let id = object_with_repr(&mut h, "[[[...]]]").or_else(|| {
        let s = h.state_mut().program.snapshot().unwrap();
        s.objects
            .iter()
            .find(|o| o.type_name == "list" && !o.runtime)
            .map(|o| o.id)
    });
    let id = id.expect("a list of the cycle");
    click_node(&mut h, &format!("list #{id}"));
    assert!(h.query_by_label_contains("no root reaches it").is_some());
    assert!(
        h.query_by_label("unreachable, on a cycle: only the collector can free it")
            .is_some()
    );
    assert!(
        h.query_by_label("on a reference cycle of 2 objects")
            .is_some()
    );
    // The picture folds the interpreter's plumbing: the function the program defined is
    // drawn, its code object is not, until the View menu's setting is turned off.
    let s = h.state_mut().program.snapshot().unwrap().clone();
    let func = s
        .objects
        .iter()
        .find(|o| o.type_name == "function")
        .unwrap()
        .id;
    let code = s.objects.iter().find(|o| o.type_name == "code").unwrap().id;
    assert!(h.query_by_label(&format!("function #{func}")).is_some());
    assert!(h.query_by_label(&format!("code #{code}")).is_none());
    h.state_mut().settings.hide_internals = false;
    settle(&mut h);
    assert!(h.query_by_label(&format!("code #{code}")).is_some());
    h.state_mut().settings.hide_internals = true;
    settle(&mut h);
    click(&mut h, "Backrefs of the selection");
    let out = std::env::temp_dir().join(format!("refscope-app-test-{}.png", std::process::id()));
    h.state_mut().backrefs.path = out.display().to_string();
    click(&mut h, "Export");
    let bytes = std::fs::read(&out).expect("the export wrote the file");
    assert_eq!(&bytes[..4], b"\x89PNG");
    let _ = std::fs::remove_file(out);
}

#[test]
fn lecture_mode_hides_refcounts_until_revealed() {
    let mut h = open("01_object_lifecycle.py");
    for _ in 0..3 {
        click(&mut h, "Step into");
    }
    let id = h
        .state_mut()
        .program
        .snapshot()
        .unwrap()
        .objects
        .iter()
        .find(|o| !o.runtime && !o.cached)
        .map(|o| o.id)
        .unwrap();
    h.state_mut().apply(Command::Select(Some(id)));
    click(&mut h, "Lecture mode");
    assert!(h.query_by_label("? (press Space to reveal)").is_some());
    h.key_press(eframe::egui::Key::Space);
    settle(&mut h);
    assert!(h.query_by_label("? (press Space to reveal)").is_none());
    let rc = h
        .state_mut()
        .program
        .snapshot()
        .unwrap()
        .object(id)
        .unwrap()
        .refcount;
    assert!(h.query_by_label(&format!("refcount {rc}")).is_some());
}

#[test]
fn syntax_error_is_shown_in_the_console() {
    let app = RefscopeApp::with_source("x = (1,\n".into(), "bad.py".into(), Settings::default());
    let mut h = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_ui_state(|ui, app: &mut RefscopeApp| app.ui_all(ui), app);
    settle(&mut h);
    assert!(h.query_by_label_contains("SyntaxError").is_some());
    assert!(
        h.query_all_by_label_contains("finished (exit code 1)")
            .count()
            >= 1
    );
}

#[test]
fn an_endless_loop_runs_in_slices_and_pauses() {
    let src = "items = []\nwhile True:\n    items.append(len(items))\n    items.pop()\n";
    let app = RefscopeApp::with_source(src.into(), "loop.py".into(), Settings::default());
    let mut h = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_ui_state(|ui, app: &mut RefscopeApp| app.ui_all(ui), app);
    settle(&mut h);
    h.get_by_label("▶ Continue").click();
    // Frames keep coming while the engine runs ahead in bounded slices.
    for _ in 0..20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        h.state().program.goal.is_some(),
        "still running: no breakpoint, no end"
    );
    h.get_by_label("⏸ Pause").click();
    h.step();
    assert!(h.state().program.goal.is_none());
    assert!(!h.state().program.finished());
    let len = h.state().program.len();
    assert!(len > 1, "the loop was recorded while the UI kept drawing");
    assert!(
        h.state().program.cursor < len,
        "the cursor stays on a recorded step"
    );
}

/// A file dropped on the window: what the native dialogs' answers also go through.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_program_is_opened_and_run() {
    let mut h = open("01_object_lifecycle.py");
    let path = std::env::temp_dir().join(format!("refscope-drop-{}.py", std::process::id()));
    let source = "numbers = [10, 20, 30]\nprint(sum(numbers))\n";
    std::fs::write(&path, source).unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    settle(&mut h);
    assert_eq!(h.state().program.filename, path.display().to_string());
    assert_eq!(h.state().editor, source);
    click(&mut h, "▶ Continue");
    assert!(h.state().program.finished());
    // The console's line is "60" (a label containing "60" could be the temporary
    // file's name, which holds the process id).
    assert_eq!(h.state().program.session.output(), "60\n");
    assert!(
        h.query_by_label("60").is_some(),
        "the console shows the output"
    );
    // The dialog buttons exist; without a dialog service they are off (the path field
    // still opens files).
    assert!(h.query_by_label("Open…").is_some());
    let _ = std::fs::remove_file(path);
}

#[test]
fn breakpoints_are_remembered_per_file_with_the_settings() {
    let mut h = open("02_reference_cycles_and_gc.py");
    h.state_mut().apply(Command::ToggleBreakpoint(23));
    h.state_mut().apply(Command::ToggleBreakpoint(28));
    h.state_mut().apply(Command::ToggleBreakpoint(28));
    let settings = h.state().settings.clone();
    assert_eq!(
        settings.breakpoints["02_reference_cycles_and_gc.py"]
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![23]
    );
    // The next session (the same settings, as eframe stores them) has them back.
    let (name, src) = EXAMPLES[1];
    let again = RefscopeApp::with_source(src.to_string(), name.to_string(), settings.clone());
    assert!(again.breakpoints.contains(&23) && again.breakpoints.len() == 1);
    // Another program has its own.
    let (other, src) = EXAMPLES[0];
    let fresh = RefscopeApp::with_source(src.to_string(), other.to_string(), settings);
    assert!(fresh.breakpoints.is_empty());
}

#[test]
fn memory_panel_groups_live_objects_by_the_line_that_created_them() {
    let source = "squares = [n * n for n in range(300)]\nlabel = 'done'\n";
    let app = RefscopeApp::with_source(source.into(), "t.py".into(), Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut RefscopeApp| app.ui_all(ui), app);
    settle(&mut h);
    h.state_mut().apply(Command::ToggleBreakpoint(2));
    click(&mut h, "▶ Continue");
    assert_eq!(h.state_mut().program.snapshot().unwrap().line, 2);
    // python3 says what line 1 keeps alive: the list and its ints past the small-int
    // cache (0..=256 are shared by the runtime, and not the line's).
    let out = refscope::bench::python3()
        .args([
            "-c",
            "import sys\nsquares = [n * n for n in range(300)]\nbig = [x for x in squares if x > 256]\nprint(sys.getsizeof(squares) + sum(map(sys.getsizeof, big)), 1 + len(big))",
        ])
        .output()
        .expect("python3 runs");
    let expected = String::from_utf8_lossy(&out.stdout);
    let mut it = expected.split_whitespace();
    let (bytes, count): (u64, usize) = (
        it.next().unwrap().parse().unwrap(),
        it.next().unwrap().parse().unwrap(),
    );
    let rows = h.state_mut().program.memory_by_line().expect("computed");
    assert_eq!(rows[0].line, 1);
    assert_eq!((rows[0].bytes, rows[0].count), (bytes, count));
    let average = bytes as f64 / count as f64;
    let text = format!(
        "t.py:1: size={}, count={count}, average={average:.0} B",
        if bytes < 10 * 1024 {
            format!("{bytes} B")
        } else {
            format!("{:.1} KiB", bytes as f64 / 1024.0)
        }
    );
    assert!(h.query_by_label(&text).is_some(), "{text}");
}

#[test]
fn the_command_line_opens_a_file_at_a_line() {
    use refscope::app::parse_target;
    use std::path::PathBuf;
    assert_eq!(parse_target("a.py"), Some((PathBuf::from("a.py"), None)));
    assert_eq!(
        parse_target("dir/a.py:23"),
        Some((PathBuf::from("dir/a.py"), Some(23)))
    );
    assert_eq!(parse_target("a.py:0"), None);
    assert_eq!(parse_target("a.py:x"), None);
    assert_eq!(parse_target("run"), None);
    assert_eq!(parse_target("notes.txt:3"), None);
}

#[test]
fn memory_profiler_table_fills_in_while_the_profiled_call_runs() {
    let mut h = open("08_memory_profiler.py");
    assert!(h.query_by_label("memory_profiler").is_none());
    click(&mut h, "▶ Continue");
    // The numbers python3's memory_profiler prints for this program are the process's;
    // these are the model's, the same the console shows.
    let out = h.state().program.session.output();
    // The cells are padded as memory_profiler pads its columns. (The increments: the
    // usage column counts the runtime's own objects too, which change with the engine.)
    for cell in [" 152.6 MiB", "-152.6 MiB", "   7.6 MiB"] {
        assert!(out.contains(cell), "the printed table has {cell}");
        assert!(
            h.query_by_label(cell).is_some(),
            "the app's table shows {cell}"
        );
    }
    assert!(h.query_by_label("    b = [2] * (2 * 10 ** 7)").is_some());
    // Before the call started, there is no table.
    h.state_mut().apply(Command::Reset);
    settle(&mut h);
    assert!(h.query_by_label("memory_profiler").is_none());
    // While it runs, the table so far: `a` and `b` measured, `del b` not yet.
    let del_b = line_starting("08_memory_profiler.py", "    del b");
    h.state_mut().apply(Command::RunToLine(del_b));
    settle(&mut h);
    assert!(h.query_by_label("memory_profiler").is_some());
    assert!(
        h.query_by_label_contains("my_func() is running: its table so far")
            .is_some()
    );
    assert!(h.query_by_label("   7.6 MiB").is_some());
    assert!(h.query_by_label("-152.6 MiB").is_none());
    // The heap shows the program's objects: `a` and `b` are drawn, and the decorator's
    // own state (its frame's variables, the source lines in its closure) is folded.
    let s = h.state_mut().program.snapshot().unwrap().clone();
    let shown = |h: &Harness<'static, RefscopeApp>, ty: &str, repr: &str| {
        let id = s.objects.iter().find(|o| o.repr == repr).unwrap().id;
        h.query_by_label(&format!("{ty} #{id}")).is_some()
    };
    assert!(shown(&h, "list", "[2, 2, 2, 2, ...]"));
    assert!(shown(&h, "list", "[1, 1, 1, 1, ...]"));
    let source_line = "'    del b\\n'";
    assert!(!shown(&h, "str", source_line));
    assert!(h.state().heap.drawn < 20, "{} drawn", h.state().heap.drawn);
    h.state_mut().settings.hide_internals = false;
    settle(&mut h);
    assert!(shown(&h, "str", source_line));
}

#[test]
fn past_the_drawing_limit_the_roots_chains_come_first() {
    // Example 13 before `lean = ...`: h's function, its closure tuple, the cell and the
    // 10,000-item list are drawn, though the list's ints alone pass the limit.
    let mut h = open("13_closures_keep_objects_alive.py");
    let line = line_starting("13_closures_keep_objects_alive.py", "lean = ");
    h.state_mut().apply(Command::RunToLine(line));
    settle(&mut h);
    let s = h.state_mut().program.snapshot().unwrap().clone();
    assert!(s.objects.len() > refscope::app::MAX_DRAWN);
    let func = s
        .objects
        .iter()
        .find(|o| o.repr == "<function make_handler.<locals>.handler>")
        .unwrap()
        .id;
    let closure = s
        .references
        .iter()
        .find(|r| {
            r.holder == refscope::record::Holder::Object { id: func } && r.label == "__closure__"
        })
        .unwrap()
        .to;
    let cell = s.objects.iter().find(|o| o.type_name == "cell").unwrap().id;
    for (what, id) in [("function", func), ("tuple", closure), ("cell", cell)] {
        assert!(
            h.query_by_label(&format!("{what} #{id}")).is_some(),
            "{what} #{id} is drawn"
        );
    }
    // A summary by type stands in for what is not drawn; an entry selects the type's
    // largest object, whose neighbourhood is then drawn.
    let big = s
        .objects
        .iter()
        .filter(|o| o.type_name == "list")
        .max_by_key(|o| o.size)
        .unwrap()
        .clone();
    let lists = s
        .objects
        .iter()
        .filter(|o| o.type_name == "list" && !o.runtime);
    let (n, bytes) = lists.fold((0, 0), |(n, b), o| (n + 1, b + o.size));
    let entry = format!("list ×{n} · {}", refscope::app::format_size(bytes as f64));
    click(&mut h, &entry);
    assert_eq!(h.state().selected, Some(big.id));
    assert!(h.query_by_label(&format!("list #{}", big.id)).is_some());
}

/// Lecture mode is read from the back of a hall: the heap graph is fitted to its panel
/// with box labels at least as large as the body text, every drawn box inside the view,
/// and the bottom (narration, plot, console) takes only the height it needs.
#[test]
fn lecture_mode_fits_the_graph_large_and_keeps_the_bottom_short() {
    let (mut h, _) = at_the_cycle_before_collect();
    let normal_bottom = h.state().bottom_height;
    click(&mut h, "Lecture mode");
    // The window's magnification, then the panels' sizes, take a frame each to settle.
    for _ in 0..3 {
        h.step();
    }
    let body = h
        .ctx
        .global_style()
        .text_styles
        .get(&eframe::egui::TextStyle::Body)
        .unwrap()
        .size;
    let screen_h = h.ctx.content_rect().height();
    let app = h.state();
    assert!(app.heap.drawn >= 4, "{} drawn", app.heap.drawn);
    assert!(
        app.heap.label_points >= body,
        "box labels {:.1} points, body text {body}",
        app.heap.label_points
    );
    // On the screen, the labels are as large as the body text of a window magnified by
    // 1.35: at least half as large again as a normal window's body text.
    assert!(h.ctx.zoom_factor() * app.heap.label_points >= 1.35 * body);
    let view = app.heap.scene_rect;
    for p in app.heap.layout.pos.values() {
        let b = eframe::egui::Rect::from_min_size(*p, app.heap.node_size);
        assert!(
            view.contains_rect(b),
            "a box {b:?} outside the view {view:?}"
        );
    }
    assert!(
        app.bottom_height < screen_h * 0.3 && app.bottom_height < normal_bottom,
        "bottom {:.0} of {screen_h:.0} points (normal mode: {normal_bottom:.0})",
        app.bottom_height
    );
    // The narration is there, and the console, inside the window (the panel grew to
    // its content).
    assert!(h.query_by_label_contains("became unreachable").is_some());
    let console = h.get_by_label("Console").rect();
    assert!(
        console.max.y <= screen_h,
        "the console's title at {console:?}, below the window's {screen_h} points"
    );
    // Back to normal: the resizable bottom of before.
    click(&mut h, "Lecture mode");
    assert_eq!(h.state().bottom_height, normal_bottom);
}

/// Frames until the view at the cursor is shown and the worker is done (it sends the
/// view, then the memory by line), waiting for it between them.
fn settle_view(h: &mut Harness<'static, RefscopeApp>) {
    for _ in 0..100 {
        let p = &h.state().program;
        if p.awaited_step().is_none() && p.pending_step().is_none() {
            break;
        }
        h.state_mut().program.wait_view();
        h.step();
    }
    assert_eq!(h.state().program.awaited_step(), None, "the view arrived");
    assert_eq!(h.state().program.pending_step(), None, "the worker is done");
}

/// A step of a large heap is computed on a worker: the frames keep drawing the view
/// before, saying which step is computed, and a view the cursor left is dropped.
#[test]
fn a_large_heap_s_next_view_is_computed_off_the_ui_thread() {
    let n = refscope::app::ASYNC_OBJECTS + 5_000;
    let src = format!("big = [i * 1000 for i in range({n})]\nx = 1\ny = 2\n");
    let app = RefscopeApp::with_source(src, "big.py".into(), Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut RefscopeApp| app.ui_all(ui), app);
    settle(&mut h);
    click(&mut h, "▶ Continue");
    assert!(h.state().program.finished());
    settle_view(&mut h);
    h.step();
    let end = h.state().program.cursor;
    let shown = |h: &Harness<'static, RefscopeApp>| h.state().program.shown().unwrap().step;
    assert_eq!(shown(&h) as usize, end);
    assert!(h.state().program.shown().unwrap().objects.len() > n);
    // One step back: the frame draws the end's view and starts the worker.
    h.state_mut().apply(Command::StepBack);
    h.step();
    assert_eq!(h.state().program.pending_step(), Some(end - 1));
    assert_eq!(shown(&h) as usize, end);
    let computing = format!("computing step {}…", end - 1);
    assert!(h.query_by_label(&computing).is_some());
    settle_view(&mut h);
    h.step();
    assert_eq!(shown(&h) as usize, end - 1);
    assert!(h.query_by_label(&computing).is_none());
    assert_eq!(h.state().program.stale_views, 0);
    // Two steps back, one frame apart: the first one's view arrives after the cursor
    // moved on and is dropped; the second one's is shown.
    h.state_mut().apply(Command::StepBack);
    h.step();
    assert_eq!(h.state().program.pending_step(), Some(end - 2));
    h.state_mut().apply(Command::StepBack);
    h.step();
    settle_view(&mut h);
    assert_eq!(shown(&h) as usize, end - 3);
    assert_eq!(h.state().program.stale_views, 1);
    // What the synchronous path computes for the same step is what the worker gave.
    let from_worker = h.state().program.shown().unwrap().clone();
    h.state_mut().program.focus = None;
    let direct = h
        .state()
        .program
        .session
        .recording()
        .state_at_view(end - 3, refscope::app::VIEW, None)
        .0;
    assert_eq!(from_worker, direct);
    // A jump from a small heap's view (the first step) to the end of the large program:
    // the first large view is computed on the worker too, not in the frame of the jump.
    h.state_mut().program.cursor = 0;
    h.step();
    settle_view(&mut h);
    h.step();
    assert_eq!(shown(&h), 0);
    assert!(h.state().program.shown().unwrap().objects.len() < refscope::app::ASYNC_OBJECTS);
    h.state_mut().program.cursor = end;
    h.step();
    assert_eq!(h.state().program.pending_step(), Some(end));
    assert_eq!(shown(&h), 0, "the frame of the jump draws the view before");
    settle_view(&mut h);
    h.step();
    assert_eq!(shown(&h) as usize, end);
}
