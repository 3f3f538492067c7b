//! `weakref`: the native half (`_weakref`) makes weak references and proxies, which refer
//! to an object without owning it (no refcount); when the object dies they point nowhere
//! and their callbacks run (newest first), by refcount or by the collector, which clears
//! them before any finalizer runs. The Python half (`py/weakref.py`) builds
//! WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize on it.

use crate::heap::kinds::{NativeFn, WeakRef};
use crate::heap::{Kind, ObjId, Sym, TypeTag};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

/// The Python source of the `weakref` module.
pub const SOURCE: &str = include_str!("py/weakref.py");

pub fn create_native(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("ref", make_ref),
        ("proxy", make_proxy),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
    ];
    let m = new_native_module(vm, "_weakref", FUNCS);
    for (name, tag) in [
        ("ReferenceType", TypeTag::WeakRef),
        ("ProxyType", TypeTag::WeakProxy),
        ("CallableProxyType", TypeTag::WeakCallableProxy),
    ] {
        let t = vm.type_obj(tag);
        let s = vm.heap.intern_sym(name);
        vm.heap.incref(t);
        if let Kind::Module(md) = vm.heap.kind_mut(m)
            && let Some(old) = md.dict.insert(s, t)
        {
            vm.heap.decref(old);
        }
    }
    m
}

impl Vm {
    /// The object a proxy stands for (a new reference), or ReferenceError once it died.
    pub(crate) fn proxy_target(&mut self, proxy: ObjId) -> PyResult<ObjId> {
        let target = match self.heap.kind(proxy) {
            Kind::WeakRef(w) => w.target,
            _ => ObjId::NULL,
        };
        if target.is_null() {
            let e = self.exc_type_named("ReferenceError");
            return Err(self.new_exception(e, "weakly-referenced object no longer exists"));
        }
        self.heap.incref(target);
        Ok(target)
    }

    /// Whether `obj` can be weakly referenced (as in CPython: instances, functions,
    /// classes, sets, generators, modules, code... but not ints, strings, tuples, lists,
    /// dicts or None).
    fn weakrefable(&self, obj: ObjId) -> bool {
        if let Some(inst) = self.instance_of(obj) {
            return self.weakrefable_class(inst.class);
        }
        matches!(
            self.heap.kind(obj),
            Kind::Function(_)
                | Kind::Class(_)
                | Kind::Set(_)
                | Kind::FrozenSet(_)
                | Kind::Generator(_)
                | Kind::Module(_)
                | Kind::Code(_)
                | Kind::Method(_)
                | Kind::Property(_)
                | Kind::Builtin(_)
                | Kind::WeakRef(_)
        )
    }

    fn new_weakref(&mut self, obj: ObjId, callback: ObjId, proxy: bool) -> PyResult<ObjId> {
        if !self.weakrefable(obj) {
            let tn = self.type_name(obj);
            return Err(self.type_error(format!("cannot create weak reference to '{tn}' object")));
        }
        let callback = if callback == self.none {
            ObjId::NULL
        } else {
            callback
        };
        // A reference without a callback is shared, as CPython shares it.
        if callback.is_null() {
            let existing = self.heap.weakrefs_to(obj).iter().copied().find(|w| {
                matches!(self.heap.kind(*w), Kind::WeakRef(r) if r.callback.is_null() && r.proxy == proxy)
            });
            if let Some(w) = existing {
                self.heap.incref(w);
                return Ok(w);
            }
        }
        if !callback.is_null() {
            self.heap.incref(callback);
        }
        let callable = proxy && self.is_callable(obj);
        let w = self.heap.alloc(Kind::WeakRef(Box::new(WeakRef {
            target: obj,
            callback,
            proxy,
            callable,
            hash: None,
        })));
        self.heap.link_weakref(obj, w);
        Ok(w)
    }
}

fn make_ref(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "ref", args, kw, 1, 2)?;
    let cb = args.get(1).copied().unwrap_or(ObjId::NULL);
    vm.new_weakref(args[0], cb, false)
}

fn make_proxy(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "proxy", args, kw, 1, 2)?;
    let cb = args.get(1).copied().unwrap_or(ObjId::NULL);
    vm.new_weakref(args[0], cb, true)
}

fn getweakrefcount(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "getweakrefcount", args, kw, 1, 1)?;
    let n = vm.heap.weakrefs_to(args[0]).len();
    Ok(vm.new_int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "getweakrefs", args, kw, 1, 1)?;
    let refs: Vec<ObjId> = vm.heap.weakrefs_to(args[0]).iter().rev().copied().collect();
    for r in &refs {
        vm.heap.incref(*r);
    }
    Ok(vm.new_list(refs))
}
