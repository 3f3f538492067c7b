//! The `time` module: clocks only (programs measure how long their own code takes).

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::heap::kinds::NativeFn;
use crate::heap::{ObjId, Sym};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("perf_counter", perf_counter),
        ("monotonic", perf_counter),
        ("time", time),
    ];
    start();
    new_native_module(vm, "time", FUNCS)
}

fn perf_counter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "perf_counter", args, kw, 0, 0)?;
    let s = start().elapsed().as_secs_f64();
    Ok(vm.new_float(s))
}

fn time(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "time", args, kw, 0, 0)?;
    let s = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(vm.new_float(s))
}
