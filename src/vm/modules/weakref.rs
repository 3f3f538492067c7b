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
        ("proxy", make_proxy),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
    ];
    let m = new_native_module(vm, "_weakref", FUNCS);
    for (name, tag) in [
        // `ref` is the type itself, as in CPython (`isinstance(r, weakref.ref)`).
        ("ref", TypeTag::WeakRef),
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
    /// The weak references to `obj` in the order of CPython's list of them: the plain
    /// `ref` without a callback first, then the plain proxy, then the others, newest
    /// first (each new one goes in after the plain ones).
    pub(crate) fn weakref_list(&self, obj: ObjId) -> Vec<ObjId> {
        let refs = self.heap.weakrefs_to(obj);
        let basic = |proxy: bool| {
            refs.iter().copied().find(|r| {
                matches!(self.heap.kind(*r), Kind::WeakRef(w) if w.callback.is_null() && w.proxy == proxy)
            })
        };
        let (r, p) = (basic(false), basic(true));
        let mut out: Vec<ObjId> = r.into_iter().chain(p).collect();
        out.extend(
            refs.iter()
                .rev()
                .filter(|x| Some(**x) != r && Some(**x) != p),
        );
        out
    }

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

    /// For a `weakref.proxy`: `f` applied to the object it stands for, which is held
    /// meanwhile (ReferenceError once it died); None for anything else. The proxy's
    /// operators, `len`, items, `in`, iteration, `str` and truth are its object's.
    pub(crate) fn via_proxy<T>(
        &mut self,
        v: ObjId,
        f: impl FnOnce(&mut Vm, ObjId) -> PyResult<T>,
    ) -> Option<PyResult<T>> {
        if !matches!(self.heap.kind(v), Kind::WeakRef(w) if w.proxy) {
            return None;
        }
        Some(self.proxy_target(v).and_then(|t| {
            let r = self.while_holding(&[t], |vm| f(vm, t));
            self.heap.decref(t);
            r
        }))
    }

    /// [`Vm::via_proxy`] for a binary operation: `f` on the operands with each proxy
    /// replaced by its object; None when neither is a proxy.
    pub(crate) fn via_proxies<T>(
        &mut self,
        a: ObjId,
        b: ObjId,
        f: impl FnOnce(&mut Vm, ObjId, ObjId) -> PyResult<T>,
    ) -> Option<PyResult<T>> {
        let is_proxy = |vm: &Vm, v: ObjId| matches!(vm.heap.kind(v), Kind::WeakRef(w) if w.proxy);
        let (pa, pb) = (is_proxy(self, a), is_proxy(self, b));
        if !pa && !pb {
            return None;
        }
        let unwrap = |vm: &mut Vm, v: ObjId, proxy: bool| {
            if proxy {
                vm.proxy_target(v)
            } else {
                vm.heap.incref(v);
                Ok(v)
            }
        };
        let ta = match unwrap(self, a, pa) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        let tb = match unwrap(self, b, pb) {
            Ok(t) => t,
            Err(e) => {
                self.heap.decref(ta);
                return Some(Err(e));
            }
        };
        let r = self.while_holding(&[ta, tb], |vm| f(vm, ta, tb));
        self.heap.decref(ta);
        self.heap.decref(tb);
        Some(r)
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

    pub(crate) fn new_weakref(
        &mut self,
        obj: ObjId,
        callback: ObjId,
        proxy: bool,
    ) -> PyResult<ObjId> {
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
    let refs = vm.weakref_list(args[0]);
    for r in &refs {
        vm.heap.incref(*r);
    }
    Ok(vm.new_list(refs))
}
