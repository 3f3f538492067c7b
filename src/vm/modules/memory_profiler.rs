//! `memory_profiler`: the native half (`_memory_profiler`) measures the modelled heap at
//! each line of a profiled function, as memory_profiler's `LineProfiler` does at each
//! `sys.settrace` event; the Python half (`py/memory_profiler.py`) is the `@profile`
//! decorator, the report and `memory_usage`. "Mem usage" is the model's heap: the sum of
//! `sys.getsizeof` over all live objects, in MiB.

use std::rc::Rc;

use crate::compiler::code::CodeObject;
use crate::heap::kinds::NativeFn;
use crate::heap::{Kind, ObjId, Sym};
use crate::record::{MemProfileReport, ProfileLines, ProfileStart};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

/// The Python source of the `memory_profiler` module.
pub const SOURCE: &str = include_str!("py/memory_profiler.py");

/// One profiled call in progress.
pub struct MemProfile {
    code: Rc<CodeObject>,
    lines: ProfileLines,
    /// The line each active frame of the code is on (memory_profiler's `prevlines`).
    prevlines: Vec<u32>,
    /// The frames of the code this profile has seen enter (by frame serial).
    frames: Vec<u32>,
}

impl Vm {
    /// Tells the recording a profiled call is about to start, so that the app can show
    /// its table while it runs.
    fn record_profile_start(&self, code: &CodeObject) {
        let Some(t) = self.tracer.as_ref() else {
            return;
        };
        let mut g = t.rec.lock();
        let step = g.steps.len();
        g.profile_starts.push(ProfileStart {
            step,
            function: code.name.to_string(),
            filename: code.filename.to_string(),
            first_line: code.first_line,
            last_line: code_last_line(code),
            runtime_bytes: t.runtime_bytes() as u64,
        });
    }

    /// Hands a finished profile to the recording, for the app's table.
    fn record_mem_profile(&self, p: &MemProfile) {
        let Some(t) = self.tracer.as_ref() else {
            return;
        };
        let code = &p.code;
        let mut g = t.rec.lock();
        // The report exists from the step the call returns on: the next one reported.
        let step = g.steps.len();
        g.mem_profiles.push(MemProfileReport {
            step,
            function: code.name.to_string(),
            filename: code.filename.to_string(),
            first_line: code.first_line,
            last_line: code_last_line(code),
            rows: p.lines.rows(),
        });
    }

    /// The model's heap in MiB.
    fn heap_mib(&self) -> f64 {
        self.heap.bytes as f64 / (1u64 << 20) as f64
    }

    /// Called before each instruction while a profile runs: the 'call', 'line' and
    /// 'return' events of memory_profiler's tracer, for the innermost profile's code.
    pub(crate) fn profile_instr(&mut self, line: Option<u32>, returning: bool) {
        let memory = self.heap_mib();
        let Some(top) = self.frames.last() else {
            return;
        };
        let (serial, first) = (top.st.serial, top.st.rt.code.first_line);
        let code = top.st.rt.code.clone();
        let Some(p) = self.mem_profiles.last_mut() else {
            return;
        };
        if !Rc::ptr_eq(&p.code, &code) {
            return;
        }
        if p.frames.last() != Some(&serial) {
            p.frames.push(serial);
            p.prevlines.push(first);
        }
        if let Some(line) = line
            && let Some(&last) = p.prevlines.last()
        {
            p.lines.trace(last, memory);
            if let Some(l) = p.prevlines.last_mut() {
                *l = line;
            }
        }
        if returning && let Some(lineno) = p.prevlines.pop() {
            p.frames.pop();
            p.lines.trace(lineno, memory);
        }
    }
}

pub fn create_native(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("start", start),
        ("stop", stop),
        ("memory", memory),
        ("reset_peak", reset_peak),
        ("peak", peak),
        ("code_lines", code_lines),
    ];
    new_native_module(vm, "_memory_profiler", FUNCS)
}

fn function_code(vm: &mut Vm, f: ObjId) -> PyResult<Rc<CodeObject>> {
    match vm.heap.kind(f) {
        Kind::Function(func) => Ok(func.rt.code.clone()),
        _ => {
            let tn = vm.type_name(f);
            Err(vm.type_error(format!("profile() needs a Python function, not '{tn}'")))
        }
    }
}

/// `start(func)`: profile the next call of `func`'s code.
fn start(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "start", args, kw, 1, 1)?;
    let code = function_code(vm, args[0])?;
    vm.record_profile_start(&code);
    vm.mem_profiles.push(MemProfile {
        code,
        lines: ProfileLines::default(),
        prevlines: vec![],
        frames: vec![],
    });
    Ok(vm.none())
}

/// `stop()`: ends the innermost profile; its measures as {line: (increment, memory,
/// occurrences)}.
fn stop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "stop", args, kw, 0, 0)?;
    let Some(p) = vm.mem_profiles.pop() else {
        return Ok(vm.new_dict());
    };
    vm.record_mem_profile(&p);
    let d = vm.new_dict();
    for (line, (inc, mem, occ)) in p.lines.lines() {
        let k = vm.new_int(line as i64);
        let (i, m, o) = (vm.new_float(inc), vm.new_float(mem), vm.new_int(occ as i64));
        let v = vm.new_tuple(vec![i, m, o]);
        let r = vm.dict_set(d, k, v);
        vm.heap.decref(k);
        vm.heap.decref(v);
        r?;
    }
    Ok(d)
}

/// `memory()`: the model's heap now, in MiB.
fn memory(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "memory", args, kw, 0, 0)?;
    let m = vm.heap_mib();
    Ok(vm.new_float(m))
}

/// `reset_peak()`: the peak starts again from the heap now; returns the old peak (MiB).
fn reset_peak(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "reset_peak", args, kw, 0, 0)?;
    let old = vm.heap.peak_bytes;
    vm.heap.peak_bytes = vm.heap.bytes;
    Ok(vm.new_float(old as f64 / (1u64 << 20) as f64))
}

/// `peak(keep)`: the peak since `reset_peak`, in MiB; the peak becomes `max(keep, peak)`.
fn peak(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "peak", args, kw, 1, 1)?;
    let now = vm.heap.peak_bytes as f64 / (1u64 << 20) as f64;
    let keep = match vm.heap.kind(args[0]) {
        Kind::Float(f) => *f,
        _ => 0.0,
    };
    let keep_bytes = (keep * (1u64 << 20) as f64) as usize;
    vm.heap.peak_bytes = vm.heap.peak_bytes.max(keep_bytes);
    Ok(vm.new_float(now))
}

/// `code_lines(func)`: (filename, first line, last line, source lines of the file).
fn code_lines(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "code_lines", args, kw, 1, 1)?;
    let code = function_code(vm, args[0])?;
    let last = code_last_line(&code);
    let source = vm
        .sources
        .iter()
        .find(|(f, _)| **f == *code.filename)
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    let lines: Vec<ObjId> = source
        .split_inclusive('\n')
        .map(|l| vm.new_str(l))
        .collect();
    let f = vm.new_str(&code.filename);
    let a = vm.new_int(code.first_line as i64);
    let b = vm.new_int(last as i64);
    let l = vm.new_list(lines);
    Ok(vm.new_tuple(vec![f, a, b, l]))
}

/// The last line of a function: the highest line its code or its nested code runs.
fn code_last_line(code: &CodeObject) -> u32 {
    let mut last = code.lines.iter().copied().max().unwrap_or(code.first_line);
    for c in &code.consts {
        if let crate::compiler::code::Const::Code(inner) = c {
            last = last.max(code_last_line(inner));
        }
    }
    last.max(code.first_line)
}
