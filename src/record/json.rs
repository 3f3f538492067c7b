//! The JSON forms of a recording: `refscope.trace/1` (every step with its events) and
//! `refscope.snapshot/1` (one [`Snapshot`]). Both schemas are described in
//! `docs/json-schema.md`.

use std::io::{self, Write};

use serde::Serialize;

use super::recording::{Event, Recording, StepKind};
use super::snapshot::Snapshot;

pub const TRACE_SCHEMA: &str = "refscope.trace/1";

/// The name of a step kind in JSON: `line`, `call`, `return`, `exception`, `end`, or
/// `gc:<phase>`.
pub fn kind_name(k: &StepKind) -> String {
    match k {
        StepKind::Line => "line".into(),
        StepKind::Call => "call".into(),
        StepKind::Return => "return".into(),
        StepKind::Exception => "exception".into(),
        StepKind::End => "end".into(),
        StepKind::Gc(p) => format!("gc:{p}"),
    }
}

#[derive(Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum JsonEvent<'a> {
    Alloc {
        id: u32,
        #[serde(rename = "type")]
        type_name: &'a str,
        size: u64,
    },
    Free {
        id: u32,
        #[serde(rename = "type")]
        type_name: &'a str,
    },
    Refcount {
        id: u32,
        from: u32,
        to: u32,
    },
    RefSet {
        holder: &'a super::Holder,
        label: &'a str,
        to: u32,
    },
    RefCleared {
        holder: &'a super::Holder,
        label: &'a str,
        to: u32,
    },
    Changed {
        id: u32,
        repr: &'a str,
    },
}

fn json_event(e: &Event) -> JsonEvent<'_> {
    match e {
        Event::Alloc {
            id,
            type_name,
            size,
        } => JsonEvent::Alloc {
            id: *id,
            type_name,
            size: *size,
        },
        Event::Free { id, type_name } => JsonEvent::Free { id: *id, type_name },
        Event::Refcount { id, from, to } => JsonEvent::Refcount {
            id: *id,
            from: *from,
            to: *to,
        },
        Event::RefSet { holder, label, to } => JsonEvent::RefSet {
            holder,
            label,
            to: *to,
        },
        Event::RefCleared { holder, label, to } => JsonEvent::RefCleared {
            holder,
            label,
            to: *to,
        },
        Event::Changed { id, repr } => JsonEvent::Changed { id: *id, repr },
    }
}

#[derive(Serialize)]
struct JsonStep<'a> {
    index: usize,
    kind: String,
    line: u32,
    function: &'a str,
    depth: u32,
    heap_bytes: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    gc_objects: Vec<u32>,
    events: Vec<JsonEvent<'a>>,
}

/// Writes the whole recording as `refscope.trace/1`, one step per line.
pub fn write_trace(
    rec: &Recording,
    file: &str,
    exit_code: Option<i32>,
    stopped: Option<&str>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let head = serde_json::json!({
        "schema": TRACE_SCHEMA,
        "file": file,
        "exit_code": exit_code,
        "stopped": stopped,
        "output": rec.output(),
    });
    let head = serde_json::to_string(&head)?;
    // The header's fields, then the steps array.
    writeln!(w, "{},\n\"steps\": [", head.trim_end_matches('}'))?;
    let n = rec.len();
    for i in 0..n {
        let info = rec.step(i);
        let events = rec.events(i);
        let step = JsonStep {
            index: i,
            kind: kind_name(&info.kind),
            line: info.line,
            function: &info.function,
            depth: info.depth,
            heap_bytes: info.heap_bytes,
            gc_objects: rec.gc_objects(i),
            events: events.iter().map(json_event).collect(),
        };
        serde_json::to_writer(&mut *w, &step)?;
        writeln!(w, "{}", if i + 1 < n { "," } else { "" })?;
    }
    writeln!(w, "]}}")
}

/// Writes one snapshot as `refscope.snapshot/1`.
pub fn write_snapshot(s: &Snapshot, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, s)?;
    writeln!(w)
}

/// What `--analysis` adds to a snapshot: each object's standing and retained size, and
/// the reference cycles.
#[derive(Serialize)]
struct Analysis {
    /// Per object, in the order of `objects`.
    objects: Vec<ObjectAnalysis>,
    /// Each cycle's members, sorted; cycles sorted by first member.
    cycles: Vec<Cycle>,
}

#[derive(Serialize)]
struct ObjectAnalysis {
    id: u32,
    /// `reachable`, `cyclic_garbage` or `held_by_garbage`.
    reach: &'static str,
    retained: u64,
    /// The object every chain from a root passes through last (null: only roots).
    dominator: Option<u32>,
}

#[derive(Serialize)]
struct Cycle {
    objects: Vec<u32>,
    unreachable: bool,
}

#[derive(Serialize)]
struct WithAnalysis<'a> {
    #[serde(flatten)]
    snapshot: &'a Snapshot,
    analysis: Analysis,
}

/// The snapshot with an `analysis` section (see `docs/json-schema.md`).
pub fn write_snapshot_with_analysis(s: &Snapshot, w: &mut dyn Write) -> io::Result<()> {
    use crate::analysis::{HeapGraph, Reach};
    let g = HeapGraph::new(s);
    let reach = g.reachability();
    let doms = g.dominators(s);
    let objects = s
        .objects
        .iter()
        .map(|o| ObjectAnalysis {
            id: o.id,
            reach: match reach.get(&o.id) {
                Some(Reach::CyclicGarbage) => "cyclic_garbage",
                Some(Reach::HeldByGarbage) => "held_by_garbage",
                _ => "reachable",
            },
            retained: doms.retained_size(o.id).unwrap_or(0),
            dominator: doms.immediate_dominator(o.id),
        })
        .collect();
    let cycles = g
        .data_cycles(s, &reach)
        .into_iter()
        .map(|c| Cycle {
            unreachable: reach.get(&c[0]) == Some(&Reach::CyclicGarbage),
            objects: c,
        })
        .collect();
    let out = WithAnalysis {
        snapshot: s,
        analysis: Analysis { objects, cycles },
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}
