//! `refscope trace` and `refscope snapshot`: record a program, then write JSON.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use super::json::{write_snapshot, write_snapshot_with_analysis, write_trace};
use super::session::{SessionOptions, Status, record_file};
use crate::cli::Limits;

fn record(file: &Path, limits: &Limits, args: Vec<String>) -> Result<super::Recorded, i32> {
    let bytes = std::fs::read(file).map_err(|e| {
        eprintln!("refscope: can't open file '{}': {e}", file.display());
        2
    })?;
    let opts = SessionOptions {
        repl_mode: limits.repl_mode,
        max_steps: limits.max_steps,
        max_heap: limits.max_heap,
        args,
    };
    Ok(record_file(&bytes, &file.to_string_lossy(), &opts))
}

/// Writes to the file, or to standard output.
fn emit(output: Option<&Path>, f: &dyn Fn(&mut dyn Write) -> std::io::Result<()>) -> i32 {
    let r = match output {
        Some(p) => std::fs::File::create(p).and_then(|file| {
            let mut w = std::io::BufWriter::new(file);
            f(&mut w)?;
            w.flush()
        }),
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            f(&mut w).and_then(|_| w.flush())
        }
    };
    match r {
        Ok(()) => 0,
        Err(e) => {
            let to = output
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "standard output".into());
            eprintln!("refscope: can't write {to}: {e}");
            1
        }
    }
}

/// The exit code and stop message of a recorded run.
fn outcome(status: &Status) -> (Option<i32>, Option<String>) {
    match status {
        Status::Finished { exit_code } => (Some(*exit_code), None),
        Status::LimitReached(m) => (None, Some(m.clone())),
        Status::Running | Status::Paused => (None, None),
    }
}

pub fn trace(file: &Path, output: Option<&Path>, limits: &Limits, args: Vec<String>) -> i32 {
    let r = match record(file, limits, args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let (exit, stopped) = outcome(&r.status);
    if let Some(m) = &stopped {
        eprintln!("{m}");
    }
    let name = file.to_string_lossy();
    emit(output, &|w| {
        write_trace(&r.recording, &name, exit, stopped.as_deref(), w)
    })
}

pub fn snapshot(
    file: &Path,
    (step, line): (Option<usize>, Option<u32>),
    analysis: bool,
    output: Option<&Path>,
    limits: &Limits,
    args: Vec<String>,
) -> i32 {
    let r = match record(file, limits, args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let rec = &r.recording;
    let (_, stopped) = outcome(&r.status);
    let at = match (step, line) {
        (Some(s), _) if s < rec.len() => s,
        (Some(s), _) => {
            eprintln!(
                "refscope: {}: there is no step {s}: the program took {} steps{}",
                file.display(),
                rec.len(),
                stopped.map(|m| format!(" ({m})")).unwrap_or_default()
            );
            return 1;
        }
        (None, Some(l)) => match rec.first_step_at_line(l) {
            Some(s) => s,
            None => {
                eprintln!(
                    "refscope: {}: line {l} never runs{}",
                    file.display(),
                    stopped
                        .map(|m| format!(" before the program stopped ({m})"))
                        .unwrap_or_default()
                );
                return 1;
            }
        },
        (None, None) => rec.len().saturating_sub(1),
    };
    let snap = rec.state_at(at);
    if analysis {
        emit(output, &|w| write_snapshot_with_analysis(&snap, w))
    } else {
        emit(output, &|w| write_snapshot(&snap, w))
    }
}

/// `refscope export`: the backrefs (or refs) picture of a variable before a line runs.
pub fn export(
    file: &Path,
    line: u32,
    what: Option<(&str, bool)>,
    (max_depth, too_many): (usize, usize),
    output: &Path,
    limits: &Limits,
) -> i32 {
    let Some((name, back)) = what else {
        eprintln!("refscope: export needs --backrefs NAME or --refs NAME");
        return 2;
    };
    if let Err(e) = crate::export::Format::from_path(output) {
        eprintln!("refscope: {e}");
        return 2;
    }
    let r = match record(file, limits, vec![]) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let rec = &r.recording;
    let Some(at) = rec.first_step_at_line(line) else {
        eprintln!("refscope: {}: line {line} never runs", file.display());
        return 1;
    };
    let snap = rec.state_at(at);
    // The innermost frame's variable of that name, else a global.
    let target = snap
        .frames
        .iter()
        .rev()
        .find_map(|f| {
            f.variables
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, id)| *id)
        })
        .or_else(|| {
            snap.references.iter().find_map(|r| match &r.holder {
                super::Holder::Global { name: n, .. } if n == name => Some(r.to),
                _ => None,
            })
        });
    let Some(target) = target else {
        eprintln!(
            "refscope: {}: no variable '{name}' just before line {line} runs",
            file.display()
        );
        return 1;
    };
    let opts = crate::analysis::GraphOptions {
        max_depth,
        too_many,
        hide_cached: true,
    };
    let scene = if back {
        crate::analysis::backrefs(&snap, &[target], &opts)
    } else {
        crate::analysis::refs(&snap, &[target], &opts)
    };
    match crate::export::write(&scene, output) {
        Ok(()) => {
            crate::outln!(
                "Graph written to {} ({} nodes)",
                output.display(),
                scene.nodes.len()
            );
            0
        }
        Err(e) => {
            eprintln!("refscope: {e}");
            1
        }
    }
}

/// `refscope stats`: what lives on the heap just before a line runs (counts and bytes by
/// type), what grew since an earlier line, what keeps the most memory alive (retained
/// size, from the dominator tree) and which objects form reference cycles.
pub fn stats(file: &Path, line: u32, since: Option<u32>, top: usize, limits: &Limits) -> i32 {
    use crate::analysis::{HeapGraph, Reach, growth, new_objects, type_stats, why_alive};
    let r = match record(file, limits, vec![]) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let rec = &r.recording;
    let step_of = |line: u32| {
        rec.first_step_at_line(line).ok_or_else(|| {
            eprintln!("refscope: {}: line {line} never runs", file.display());
            1
        })
    };
    let at = match step_of(line) {
        Ok(at) => at,
        Err(code) => return code,
    };
    let snap = rec.state_at(at);
    let program: Vec<_> = snap.objects.iter().filter(|o| !o.runtime).collect();
    let bytes: u64 = program.iter().map(|o| o.size).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Heap just before line {line} runs (step {at}): {} objects, {bytes} bytes",
        program.len()
    );
    let _ = writeln!(out, "\nBy type (objects, bytes):");
    let types = type_stats(&snap);
    let width = types
        .iter()
        .take(top)
        .map(|t| t.type_name.len())
        .max()
        .unwrap_or(0);
    for t in types.iter().take(top) {
        let _ = writeln!(
            out,
            "  {:<width$} {:>8} {:>10}",
            t.type_name, t.count, t.bytes
        );
    }
    if let Some(since) = since {
        let before_at = match step_of(since) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let before = rec.state_at(before_at);
        let rows = growth(&before, &snap);
        let _ = writeln!(
            out,
            "\nGrowth since line {since} (step {before_at}): {} new objects",
            new_objects(&before, &snap).len()
        );
        if rows.is_empty() {
            let _ = writeln!(out, "  (no change)");
        }
        let width = rows
            .iter()
            .take(top)
            .map(|g| g.type_name.len())
            .max()
            .unwrap_or(0);
        for g in rows.iter().take(top) {
            let _ = writeln!(
                out,
                "  {:<width$} {:>8} {:>+8} {:>+10} B",
                g.type_name, g.count, g.delta, g.bytes_delta
            );
        }
    }
    let graph = HeapGraph::new(&snap);
    let doms = graph.dominators(&snap);
    let _ = writeln!(
        out,
        "\nKeeping the most memory alive (retained bytes: what would be freed with it):"
    );
    for (id, retained) in doms.largest(top) {
        let Some(o) = snap.object(id) else { continue };
        // A name's chain when one reaches it; else the nearest root of any kind (a
        // constant table, a frame's stack, the runtime).
        let held = why_alive(&snap, id)
            .or_else(|| {
                crate::analysis::find_backref_chain(&snap, id, usize::MAX)
                    .ok()
                    .map(|c| {
                        format!(
                            "{} ({})",
                            c.expression(),
                            crate::analysis::root_title(&snap, &c.root)
                        )
                    })
            })
            .unwrap_or_else(|| "unreachable".into());
        let _ = writeln!(
            out,
            "  {:>10}  {}#{id} {}  <- {held}",
            retained,
            o.type_name,
            crate::export::clip(&o.repr)
        );
    }
    let reach = graph.reachability();
    let cycles = graph.data_cycles(&snap, &reach);
    let garbage: Vec<_> = cycles
        .iter()
        .filter(|c| reach.get(&c[0]) == Some(&Reach::CyclicGarbage))
        .collect();
    let _ = writeln!(
        out,
        "\nReference cycles: {} ({} unreachable, with {} objects: only the collector can free them)",
        cycles.len(),
        garbage.len(),
        garbage.iter().map(|c| c.len()).sum::<usize>()
    );
    for c in cycles.iter().take(top) {
        let names: Vec<String> = c
            .iter()
            .take(6)
            .map(|id| {
                let t = snap.object(*id).map_or("?", |o| o.type_name.as_str());
                format!("{t}#{id}")
            })
            .collect();
        let more = if c.len() > 6 {
            format!(" and {} more", c.len() - 6)
        } else {
            String::new()
        };
        let state = if reach.get(&c[0]) == Some(&Reach::CyclicGarbage) {
            "unreachable"
        } else {
            "reachable"
        };
        let _ = writeln!(out, "  {}{more} ({state})", names.join(" <-> "));
    }
    crate::cli::emit(format_args!("{out}"));
    0
}
