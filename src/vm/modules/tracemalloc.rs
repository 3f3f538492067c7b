//! `tracemalloc`: the native half (`_tracemalloc`) records where each object of the
//! modelled heap was allocated while tracing is on; the Python half (`py/tracemalloc.py`,
//! compiled when imported, as CPython's own is) builds snapshots and statistics on it.
//! Sizes are the model's `sys.getsizeof` of each object.

use std::collections::HashMap;

use crate::heap::kinds::NativeFn;
use crate::heap::{ObjId, Sym, Tracing};
use crate::vm::builtins::{check_args, new_native_module};
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
    ];
    new_native_module(vm, "_tracemalloc", FUNCS)
}

fn start(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "start", args, kw, 0, 1)?;
    if vm.heap.tracing.is_none() {
        vm.heap.tracing = Some(Box::new(Tracing {
            site: ("<frozen tracemalloc>".into(), 0),
            traces: HashMap::new(),
            peak: 0,
        }));
    }
    Ok(vm.none())
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

/// `[(filename, lineno, size), ...]` for every live traced object, oldest first.
fn get_traces(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_get_traces", args, kw, 0, 0)?;
    let mut rows: Vec<(u32, std::rc::Rc<str>, u32, usize)> = match &vm.heap.tracing {
        Some(t) => t
            .traces
            .iter()
            .filter(|(id, (serial, _, _))| {
                vm.heap.is_live(**id) && vm.heap.get(**id).serial == *serial
            })
            .map(|(id, (serial, file, line))| {
                (*serial, file.clone(), *line, vm.heap.get(*id).size as usize)
            })
            .collect(),
        None => vec![],
    };
    rows.sort_by_key(|r| r.0);
    let mut items = vec![];
    for (_, file, line, size) in rows {
        let f = vm.new_str(&file);
        let l = vm.new_int(line as i64);
        let s = vm.new_int(size as i64);
        items.push(vm.new_tuple(vec![f, l, s]));
    }
    Ok(vm.new_list(items))
}
