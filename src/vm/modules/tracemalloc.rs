//! `tracemalloc`: the native half (`_tracemalloc`) records where each object of the
//! modelled heap was allocated while tracing is on; the Python half (`py/tracemalloc.py`,
//! compiled when imported, as CPython's own is) builds snapshots and statistics on it.
//! Sizes are the model's `sys.getsizeof` of each object.

use crate::heap::kinds::NativeFn;
use crate::heap::{ObjId, Sym, Tracing};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

/// The Python source of the `tracemalloc` module.
pub const SOURCE: &str = include_str!("py/tracemalloc.py");

pub fn create_native(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("start", start),
        ("stop", stop),
        ("is_tracing", is_tracing),
        ("clear_traces", clear_traces),
        ("get_traced_memory", get_traced_memory),
        ("reset_peak", reset_peak),
        ("_get_traces", get_traces),
        ("_get_object_traceback", get_object_traceback),
        ("get_traceback_limit", get_traceback_limit),
        ("_getline", getline),
    ];
    new_native_module(vm, "_tracemalloc", FUNCS)
}

/// The most frames a traceback can keep, as CPython's limit.
const MAX_NFRAME: i64 = 65535;

fn start(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "start", args, kw, 0, 1)?;
    let nframe = match args.first() {
        Some(&n) => match vm.small_int_of(n) {
            Some(n) if (1..=MAX_NFRAME).contains(&n) => n as u16,
            Some(_) => {
                return Err(vm.value_error("the number of frames must be in range [1; 65535]"));
            }
            None => {
                let t = vm.type_name(n);
                let te = vm.exc_type_named("TypeError");
                return Err(vm.new_exception(
                    te,
                    &format!("'{t}' object cannot be interpreted as an integer"),
                ));
            }
        },
        None => 1,
    };
    // Already tracing: CPython changes nothing, not even the limit.
    if vm.heap.tracing.is_none() {
        vm.heap.traceback_limit = nframe;
        vm.heap.tracing = Some(Box::new(Tracing::new(nframe)));
    }
    vm.tracing_outer_stale();
    Ok(vm.none())
}

/// `linecache.getline` over the files the program loaded: the line with its newline, or
/// '' (refscope reads no other files).
fn getline(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_getline", args, kw, 2, 2)?;
    let file = vm.str_of(args[0])?;
    let line = vm.small_int_of(args[1]).unwrap_or(0);
    let text = vm
        .sources
        .iter()
        .find(|(f, _)| **f == *file)
        .and_then(|(_, src)| {
            let n = usize::try_from(line).ok()?.checked_sub(1)?;
            src.split_inclusive('\n').nth(n).map(str::to_string)
        })
        .unwrap_or_default();
    Ok(vm.new_str(&text))
}

fn get_traceback_limit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "get_traceback_limit", args, kw, 0, 0)?;
    let n = vm.heap.traceback_limit;
    Ok(vm.new_int(i64::from(n)))
}

fn stop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "stop", args, kw, 0, 0)?;
    vm.heap.tracing = None;
    Ok(vm.none())
}

fn is_tracing(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "is_tracing", args, kw, 0, 0)?;
    let t = vm.heap.tracing.is_some();
    Ok(vm.new_bool(t))
}

fn clear_traces(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "clear_traces", args, kw, 0, 0)?;
    if let Some(t) = &mut vm.heap.tracing {
        t.traces.clear();
        t.traced = 0;
        t.peak = 0;
    }
    Ok(vm.none())
}

fn get_traced_memory(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "get_traced_memory", args, kw, 0, 0)?;
    let now = vm.heap.traced_bytes() as i64;
    let peak = vm
        .heap
        .tracing
        .as_ref()
        .map(|t| t.peak as i64)
        .unwrap_or(0)
        .max(now);
    let items = vec![vm.new_int(now), vm.new_int(peak)];
    Ok(vm.new_tuple(items))
}

fn reset_peak(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "reset_peak", args, kw, 0, 0)?;
    let now = vm.heap.traced_bytes();
    if let Some(t) = &mut vm.heap.tracing {
        t.peak = now;
    }
    Ok(vm.none())
}

/// A traceback as a tuple of (filename, lineno) tuples, most recent first.
fn frames_tuple(vm: &mut Vm, frames: &crate::heap::TraceFrames) -> ObjId {
    let mut items = vec![];
    for (file, line) in frames.iter() {
        let f = vm.new_str(file);
        let l = vm.new_int(i64::from(*line));
        items.push(vm.new_tuple(vec![f, l]));
    }
    vm.new_tuple(items)
}

/// `[(frames, size), ...]` for every live traced object, oldest first; `frames` is a
/// tuple of (filename, lineno), most recent first.
fn get_traces(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_get_traces", args, kw, 0, 0)?;
    let mut rows: Vec<(u32, crate::heap::TraceFrames, usize)> = match &vm.heap.tracing {
        Some(t) => t
            .traces
            .iter()
            .filter(|(id, (serial, _))| {
                vm.heap.is_live(**id) && vm.heap.get(**id).serial == *serial
            })
            .map(|(id, (serial, frames))| (*serial, frames.clone(), vm.heap.get(*id).size as usize))
            .collect(),
        None => vec![],
    };
    rows.sort_by_key(|r| r.0);
    let mut items = vec![];
    for (_, frames, size) in rows {
        let f = frames_tuple(vm, &frames);
        let s = vm.new_int(size as i64);
        items.push(vm.new_tuple(vec![f, s]));
    }
    Ok(vm.new_list(items))
}

/// The traceback where `obj` was allocated (a tuple of frames, most recent first), or
/// None when it was not traced.
fn get_object_traceback(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_get_object_traceback", args, kw, 1, 1)?;
    let obj = args[0];
    let serial = vm.heap.get(obj).serial;
    let frames = vm
        .heap
        .tracing
        .as_ref()
        .and_then(|t| t.traces.get(&obj))
        .filter(|(s, _)| *s == serial)
        .map(|(_, f)| f.clone());
    Ok(match frames {
        Some(f) => frames_tuple(vm, &f),
        None => vm.none(),
    })
}

impl Vm {
    /// Keeps tracemalloc's idea of where the program is: the running line, and, when
    /// tracebacks keep more than one frame, the callers' lines (refreshed only when the
    /// running frame changes).
    pub(crate) fn trace_site(&mut self, ip: usize) {
        let Some(f) = self.frames.last() else { return };
        let code = &f.st.rt.code;
        let line = code.lines.get(ip).copied().unwrap_or(0);
        let key = (self.frames.len(), f.st.serial);
        let Some(t) = &mut self.heap.tracing else {
            return;
        };
        if line != 0 {
            t.set_site(&code.filename, line);
        }
        if t.nframe > 1 && t.outer_key != key {
            let outer = self
                .frames
                .iter()
                .rev()
                .skip(1)
                .take(usize::from(t.nframe) - 1)
                .map(frame_site)
                .collect();
            t.set_outer(key, outer);
        }
    }

    /// After a frame leaves: allocations until the next instruction (a class built by
    /// native code once its body returned, say) belong to the frame below, at the line
    /// of its call.
    pub(crate) fn trace_site_resume(&mut self) {
        if self.heap.tracing.is_some()
            && let Some(f) = self.frames.last()
        {
            let ip = (f.st.ip as usize).saturating_sub(1);
            self.trace_site(ip);
        }
    }

    /// Makes the next instruction retake the callers' frames.
    pub(crate) fn tracing_outer_stale(&mut self) {
        if let Some(t) = &mut self.heap.tracing {
            t.outer_key = (usize::MAX, 0);
        }
    }
}

/// A caller's (file, line): the line of the call it is running.
fn frame_site(f: &Frame) -> (std::rc::Rc<str>, u32) {
    let code = &f.st.rt.code;
    let ip = (f.st.ip as usize).saturating_sub(1);
    (
        code.filename.clone(),
        code.lines.get(ip).copied().unwrap_or(0),
    )
}
