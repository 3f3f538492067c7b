//! `_time`, the native part of the `time` module (`py/time.py`): the clocks (programs
//! measure how long their own code takes) and `sleep`. Its functions say they are
//! `time`'s, as CPython's are.

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
        ("sleep", sleep),
        ("time_ns", time_ns),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic_ns", perf_counter_ns),
    ];
    start();
    new_native_module(vm, "time", FUNCS)
}

fn perf_counter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "perf_counter", args, kw, 0, 0)?;
    let s = start().elapsed().as_secs_f64();
    Ok(vm.new_float(s))
}

fn perf_counter_ns(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "perf_counter_ns", args, kw, 0, 0)?;
    let ns = start().elapsed().as_nanos() as i64;
    Ok(vm.new_int(ns))
}

fn time_ns(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "time_ns", args, kw, 0, 0)?;
    let ns = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(vm.new_int(ns))
}

/// `time.sleep(secs)`: waits, as python3 does (a program that paces its output, or
/// shows that time passes, means it).
fn sleep(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "sleep", args, kw, 1, 1)?;
    use crate::heap::Kind;
    let secs = match vm.heap.kind(args[0]) {
        Kind::Float(_) | Kind::Int(_) | Kind::Bool(_) | Kind::BigInt(_) => {
            vm.float_value(args[0])?
        }
        _ => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let d = std::time::Duration::try_from_secs_f64(secs)
        .map_err(|_| vm.overflow_error("timestamp out of range for platform time_t"))?;
    std::thread::sleep(d);
    Ok(vm.none())
}

fn time(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "time", args, kw, 0, 0)?;
    let s = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(vm.new_float(s))
}
