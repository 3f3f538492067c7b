//! `atexit`: functions to call when the program ends, last registered first, after the
//! main module finished (normally, by an uncaught exception, or by `sys.exit`) and
//! before the runtime goes away; `weakref.finalize` uses it for its `atexit` finalizers.
//! An exception in a callback is printed (`Exception ignored in atexit callback: ...`)
//! and the next one runs, as in CPython.

use crate::heap::kinds::NativeFn;
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", run_exitfuncs),
        ("_clear", clear),
        ("_ncallbacks", ncallbacks),
    ];
    new_native_module(vm, "atexit", FUNCS)
}

/// `register(func, *args, **kwargs)`: kept as the tuple `(func, args, kwnames, kwvalues)`
/// (a heap object, so the ledger sees who holds the callback).
fn register(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let Some(&func) = args.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    for a in args {
        vm.heap.incref(*a);
    }
    let rest = vm.new_tuple(args[1..].to_vec());
    let mut names = vec![];
    let mut values = vec![];
    for (k, v) in kw {
        let name = vm.heap.sym_name(*k);
        names.push(vm.new_str(&name));
        vm.heap.incref(*v);
        values.push(*v);
    }
    let names = vm.new_tuple(names);
    let values = vm.new_tuple(values);
    let entry = vm.new_tuple(vec![func, rest, names, values]);
    vm.atexit.push(entry);
    vm.heap.incref(func);
    Ok(func)
}

fn entry_parts(vm: &Vm, entry: ObjId) -> Option<[ObjId; 4]> {
    match vm.heap.kind(entry) {
        Kind::Tuple(t) if t.len() == 4 => Some([t[0], t[1], t[2], t[3]]),
        _ => None,
    }
}

/// `unregister(func)`: drops every registration of a function equal to `func`.
fn unregister(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "unregister", args, kw, 1, 1)?;
    let mut i = 0;
    while i < vm.atexit.len() {
        let entry = vm.atexit[i];
        let func = entry_parts(vm, entry).map_or(ObjId::NULL, |p| p[0]);
        let same = func == args[0] || (!func.is_null() && vm.eq(func, args[0])?);
        // The comparison may have run Python code that changed the list.
        if same && vm.atexit.get(i) == Some(&entry) {
            vm.atexit.remove(i);
            vm.heap.decref(entry);
        } else {
            i += 1;
        }
    }
    Ok(vm.none())
}

fn run_exitfuncs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_run_exitfuncs", args, kw, 0, 0)?;
    vm.run_atexit();
    Ok(vm.none())
}

fn clear(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_clear", args, kw, 0, 0)?;
    for entry in std::mem::take(&mut vm.atexit) {
        vm.heap.decref(entry);
    }
    Ok(vm.none())
}

fn ncallbacks(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_ncallbacks", args, kw, 0, 0)?;
    let n = vm.atexit.len() as i64;
    Ok(vm.new_int(n))
}

impl Vm {
    /// Calls the registered exit functions, last first; each is removed before it runs.
    pub fn run_atexit(&mut self) {
        while let Some(entry) = self.atexit.pop() {
            let Some([func, rest, names, values]) = entry_parts(self, entry) else {
                self.heap.decref(entry);
                continue;
            };
            let positional: Vec<ObjId> = match self.heap.kind(rest) {
                Kind::Tuple(t) => t.to_vec(),
                _ => vec![],
            };
            let names: Vec<ObjId> = match self.heap.kind(names) {
                Kind::Tuple(t) => t.to_vec(),
                _ => vec![],
            };
            let values: Vec<ObjId> = match self.heap.kind(values) {
                Kind::Tuple(t) => t.to_vec(),
                _ => vec![],
            };
            let mut kw = vec![];
            for (n, v) in names.iter().zip(&values) {
                let name = self.str_of(*n).unwrap_or_default();
                kw.push((self.heap.intern_sym(&name), *v));
            }
            let r = self.while_holding(&[entry], |vm| vm.call_kw(func, &positional, &kw));
            match r {
                Ok(v) => self.heap.decref(v),
                Err(e) if self.isinstance(e.0, self.exc_types.system_exit) => {
                    self.heap.decref(e.0);
                }
                Err(e) => {
                    let what = self.repr_of(func).unwrap_or_default();
                    let tb = self.format_unraisable(e.0);
                    self.out.write_err(&format!(
                        "Exception ignored in atexit callback: {what}\n{tb}"
                    ));
                    self.heap.decref(e.0);
                }
            }
            self.heap.decref(entry);
            if let Err(e) = self.run_finalizers() {
                self.heap.decref(e.0);
            }
        }
    }
}
