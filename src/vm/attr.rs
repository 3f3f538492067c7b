//! Attributes: lookup through the method resolution order, descriptors (functions become
//! bound methods, properties, classmethod, staticmethod), instance attributes stored
//! inline or in a materialized `__dict__`, `__slots__`, and `__getattr__`.

use std::rc::Rc;

use super::{PyResult, Vm};
use crate::heap::kinds::{BuiltinFn, DescrKind, TypeTag};
use crate::heap::{Kind, ObjId, Sym};

impl Vm {
    /// Finds `name` in a class and its MRO (borrowed). Answers come from the attribute
    /// cache while no class changed (see [`AttrCache`]).
    #[inline]
    pub fn class_lookup(&self, class: ObjId, name: Sym) -> Option<ObjId> {
        // A hit needs no look at the class: only a class gets entries, and a class freed
        // changes the epoch.
        {
            let cache = self.attr_cache.borrow();
            let e = cache.entries[AttrCache::slot(class, name)];
            if cache.epoch == self.heap.type_epoch && e.0 == class.0 && e.1 == name.0 {
                return (!e.2.is_null()).then_some(e.2);
            }
        }
        self.class_lookup_miss(class, name)
    }

    #[inline(never)]
    fn class_lookup_miss(&self, class: ObjId, name: Sym) -> Option<ObjId> {
        let c = self.class(class)?;
        let mut cache = self.attr_cache.borrow_mut();
        if cache.epoch != self.heap.type_epoch {
            cache.clear(self.heap.type_epoch);
        }
        let slot = AttrCache::slot(class, name);
        let found = self
            .class_dict(class)
            .and_then(|d| d.get(name))
            .or_else(|| {
                c.mro
                    .iter()
                    .find_map(|b| self.class_dict(*b).and_then(|d| d.get(name)))
            });
        cache.entries[slot] = (class.0, name.0, found.unwrap_or(ObjId::NULL));
        found
    }

    /// For `LoadMethod`: the plain function (or built-in method descriptor) that
    /// `obj.name` would bind, when nothing on the instance shadows it (new reference).
    pub fn lookup_method(&mut self, obj: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
        // Classes, modules and super objects have their own attribute lookup (CPython
        // optimizes LOAD_METHOD only for the generic one).
        if matches!(
            self.heap.kind(obj),
            Kind::Class(_) | Kind::Module(_) | Kind::Super(_)
        ) {
            return Ok(None);
        }
        let ty = self.type_of(obj);
        let Some(f) = self.class_lookup(ty, name) else {
            return Ok(None);
        };
        let is_method = match self.heap.kind(f) {
            Kind::Function(_) => true,
            Kind::Builtin(b) => b.self_.is_null() && b.owner.is_some(),
            _ => false,
        };
        if !is_method {
            return Ok(None);
        }
        if let Some(inst) = self.instance_of(obj) {
            if inst.attrs.get(name).is_some() || !inst.dict.is_null() {
                return Ok(None);
            }
            if self.user_getattribute(obj).is_some() {
                return Ok(None);
            }
        }
        self.heap.incref(f);
        Ok(Some(f))
    }

    /// A property used for what it lacks: "property 'x' of 'C' object has no setter", or
    /// without the name when `__set_name__` gave it none (as CPython 3.11's
    /// property_descr_get and property_descr_set say it).
    pub(crate) fn property_error(
        &mut self,
        p: &crate::heap::kinds::PropertyObj,
        obj: ObjId,
        what: &str,
    ) -> super::Exc {
        let tn = self.type_name(obj);
        let msg = match p.name {
            Some(n) => format!(
                "property '{}' of '{tn}' object has no {what}",
                self.heap.sym_name(n)
            ),
            None => format!("property of '{tn}' object has no {what}"),
        };
        self.attribute_error(msg)
    }

    /// `obj.name` (new reference).
    pub fn getattr(&mut self, obj: ObjId, name: Sym) -> PyResult<ObjId> {
        if let Some(f) = self.user_getattribute(obj) {
            return self.call_getattribute(f, obj, name);
        }
        self.generic_getattr(obj, name)
    }

    /// A `__getattribute__` of the instance's Python class, which every attribute read
    /// goes through.
    #[inline]
    fn user_getattribute(&self, obj: ObjId) -> Option<ObjId> {
        if !self.any_getattribute {
            return None;
        }
        let ty = self.instance_of(obj)?.class;
        let f = self.class_lookup(ty, self.names.getattribute)?;
        matches!(self.heap.kind(f), Kind::Function(_)).then_some(f)
    }

    /// `type(obj).__getattribute__(obj, name)`, then `__getattr__` if that raised an
    /// AttributeError (CPython's slot_tp_getattr_hook).
    #[cold]
    fn call_getattribute(&mut self, f: ObjId, obj: ObjId, name: Sym) -> PyResult<ObjId> {
        let n = self.heap.sym_name(name);
        let ns = self.new_str(&n);
        let r = self.while_holding(&[ns], |vm| match vm.call_found(f, &[obj, ns]) {
            Err(e) if vm.exc_matches(&e, vm.exc_types.attribute_error) => {
                let ty = vm.type_of(obj);
                match vm.class_lookup(ty, vm.names.getattr) {
                    Some(ga) if matches!(vm.heap.kind(ga), Kind::Function(_)) => {
                        vm.heap.decref(e.0);
                        vm.call_found(ga, &[obj, ns])
                    }
                    _ => Err(e),
                }
            }
            r => r,
        });
        self.heap.decref(ns);
        r
    }

    /// `object.__getattribute__`, with `__getattr__` as the fallback: what an attribute
    /// read does when the class does not define `__getattribute__`.
    pub fn generic_getattr(&mut self, obj: ObjId, name: Sym) -> PyResult<ObjId> {
        let found = match self.getattr_opt(obj, name) {
            Ok(found) => found,
            // An AttributeError raised on the way (by a property, a descriptor) also
            // falls back to `__getattr__`, as in slot_tp_getattr_hook.
            Err(e) if self.exc_matches(&e, self.exc_types.attribute_error) => {
                let ty = self.type_of(obj);
                match self.class_lookup(ty, self.names.getattr) {
                    Some(ga) if matches!(self.heap.kind(ga), Kind::Function(_)) => {
                        self.heap.decref(e.0);
                        None
                    }
                    _ => return Err(e),
                }
            }
            Err(e) => return Err(e),
        };
        match found {
            Some(v) => Ok(v),
            None => {
                let ty = self.type_of(obj);
                if let Some(ga) = self.class_lookup(ty, self.names.getattr)
                    && matches!(self.heap.kind(ga), Kind::Function(_))
                {
                    let n = self.heap.sym_name(name);
                    let ns = self.new_str(&n);
                    self.heap.incref(obj);
                    return self.call_object(ga, vec![obj, ns], &[]);
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    pub(crate) fn no_attribute(&mut self, obj: ObjId, name: Sym) -> super::Exc {
        let n = self.heap.sym_name(name);
        let msg = match self.heap.kind(obj) {
            Kind::Module(m) => format!("module '{}' has no attribute '{n}'", m.name),
            Kind::Class(c) => format!("type object '{}' has no attribute '{n}'", c.name),
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        let e = self.attribute_error(msg);
        self.set_exc_name(e.0, &n, obj);
        e
    }

    /// `obj.name`, or `None` when there is no such attribute (before `__getattr__`).
    pub fn getattr_opt(&mut self, obj: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
        if let Kind::WeakRef(w) = self.heap.kind(obj)
            && w.proxy
        {
            let target = self.proxy_target(obj)?;
            let r = self.while_holding(&[target], |vm| vm.getattr_opt(target, name));
            self.heap.decref(target);
            return r;
        }
        // A weak reference's callback (None without one, or once it has run).
        if let Kind::WeakRef(w) = self.heap.kind(obj)
            && &*self.heap.sym_name(name) == "__callback__"
        {
            let cb = if w.callback.is_null() {
                self.none
            } else {
                w.callback
            };
            self.heap.incref(cb);
            return Ok(Some(cb));
        }
        let ty = self.type_of(obj);
        let descr = self.class_lookup(ty, name);
        // data descriptors first
        if let Some(d) = descr
            && let Kind::Property(p) = self.heap.kind(d)
        {
            let (fget, p) = (p.fns[0], **p);
            if fget.is_null() {
                return Err(self.property_error(&p, obj, "getter"));
            }
            return self.call(fget, &[obj]).map(Some);
        }
        if let Some(d) = descr
            && let Some(u) = self.user_descriptor(d)
            && u.is_data()
            && let Some(get) = u.get
        {
            return self.call(get, &[d, obj, ty]).map(Some);
        }
        if let Kind::Super(s) = self.heap.kind(obj) {
            let (t, o) = (s[0], s[1]);
            if let Some(v) = self.super_getattr(t, o, name)? {
                return Ok(Some(v));
            }
        }
        // the object's own attributes
        match self.heap.kind(obj) {
            _ if let Some(inst) = self.instance_of(obj) => {
                if let Some(v) = inst.attrs.get(name) {
                    self.heap.incref(v);
                    return Ok(Some(v));
                }
                if !inst.dict.is_null() {
                    let d = inst.dict;
                    let n = self.heap.sym_name(name);
                    if let Some(v) = self.dict_get_str(d, &n) {
                        self.heap.incref(v);
                        return Ok(Some(v));
                    }
                }
                if let Some(i) = self.slot_index(ty, name) {
                    let v = match self.instance_of(obj) {
                        Some(inst) => inst.slots.get(i).copied().unwrap_or(ObjId::NULL),
                        None => ObjId::NULL,
                    };
                    if v.is_null() {
                        let n = self.heap.sym_name(name);
                        return Err(self.attribute_error(format!(
                            "'{}' object has no attribute '{n}'",
                            self.type_name(obj)
                        )));
                    }
                    self.heap.incref(v);
                    return Ok(Some(v));
                }
                if name == self.names.dict && self.class(ty).is_some_and(|c| c.has_dict) {
                    return Ok(Some(self.materialize_dict(obj)));
                }
                if let Some(v) = self.exception_attr(obj, name)? {
                    return Ok(Some(v));
                }
                if !self.struct_seqs.is_empty() {
                    let n = self.heap.sym_name(name);
                    if let Some(v) = self.struct_seq_attr(obj, &n) {
                        return Ok(Some(v));
                    }
                }
                // A built-in type's data attributes, on its subclass's instance (an
                // IntEnum member's `.real`, `.numerator`).
                if !matches!(self.heap.kind(obj), Kind::Instance(_))
                    && let Some(v) = super::builtins::native_attr(self, obj, name)?
                {
                    return Ok(Some(v));
                }
            }
            Kind::Class(c) => {
                // A class's `__annotations__` are its own (3.10+): a class that annotates
                // nothing gets an empty dict of its own, not its base's.
                if name == self.names.annotations && c.native.is_none() {
                    if let Some(v) = self.class_dict(obj).and_then(|d| d.get(name)) {
                        self.heap.incref(v);
                        return Ok(Some(v));
                    }
                    let d = self.new_dict();
                    self.heap.incref(d);
                    if let Some(old) = self.heap.class_ns_insert(obj, name, d) {
                        self.heap.decref(old);
                    }
                    return Ok(Some(d));
                }
                // The metatype's data descriptors come first (`A.__dict__` is not the
                // `__dict__` descriptor that A's namespace holds for its instances).
                if self.is_type_data_attr(name)
                    && let Some(v) = self.class_special_attr(obj, name)?
                {
                    return Ok(Some(v));
                }
                if let Some(v) = self.class_lookup(obj, name) {
                    return self.bind_class_attr(v, obj).map(Some);
                }
                if let Some(v) = self.class_special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                // Methods of the metaclass (`type.mro`, a Python metaclass's own) bind
                // to the class.
                if ty != self.type_obj(TypeTag::Type) {
                    return match descr {
                        Some(d) => self.bind_descriptor(d, obj, ty).map(Some),
                        None => Ok(None),
                    };
                }
                let meta = self.type_obj(TypeTag::Type);
                if let Some(d) = self.class_dict(meta).and_then(|d| d.get(name)) {
                    return self.bind_descriptor(d, obj, meta).map(Some);
                }
                return Ok(None);
            }
            Kind::Module(m) => {
                if let Some(v) = m.dict.get(name) {
                    self.heap.incref(v);
                    return Ok(Some(v));
                }
                if name == self.names.name {
                    let n = m.name.clone();
                    return Ok(Some(self.new_str(&n)));
                }
                if name == self.names.dict {
                    return Ok(Some(self.module_dict_snapshot(obj)));
                }
                // `sys.modules`: the modules imported so far by name, in a new dict each
                // time, as a module's `__dict__` is (writing into it imports nothing).
                if &*m.name == "sys" && &*self.heap.sym_name(name) == "modules" {
                    let entries = self.modules.clone();
                    let entries = entries
                        .iter()
                        .map(|(n, module)| (self.heap.intern_sym(n), *module))
                        .collect();
                    return self.dict_of_names(entries).map(Some);
                }
            }
            Kind::Function(f) => {
                if let Some(v) = f.attrs.get(name) {
                    self.heap.incref(v);
                    return Ok(Some(v));
                }
                let dict = f.dict;
                // (Its fields are the function type's data descriptors: they come before
                // its `__dict__`.)
                if let Some(v) = self.function_attr(obj, name) {
                    return Ok(Some(v));
                }
                if !dict.is_null() {
                    let n = self.heap.sym_name(name);
                    if let Some(v) = self.dict_get_str(dict, &n) {
                        self.heap.incref(v);
                        return Ok(Some(v));
                    }
                }
            }
            _ => {
                if let Some(v) = super::builtins::native_attr(self, obj, name)? {
                    return Ok(Some(v));
                }
            }
        }
        if name == self.names.class {
            self.heap.incref(ty);
            return Ok(Some(ty));
        }
        match descr {
            Some(d) => self.bind_descriptor(d, obj, ty).map(Some),
            None => Ok(None),
        }
    }

    /// A class attribute found through `obj`'s type, bound to `obj`.
    fn bind_descriptor(&mut self, d: ObjId, obj: ObjId, ty: ObjId) -> PyResult<ObjId> {
        match self.heap.kind(d) {
            Kind::Function(_) => {
                self.heap.incref(d);
                self.heap.incref(obj);
                Ok(self.heap.alloc(Kind::Method(Box::new([d, obj]))))
            }
            Kind::Builtin(b) if b.self_.is_null() && b.owner.is_some() => {
                let nb = BuiltinFn {
                    f: b.f,
                    name: b.name,
                    owner: b.owner,
                    self_: obj,
                    module: b.module,
                };
                self.heap.incref(obj);
                Ok(self.heap.alloc(Kind::Builtin(Box::new(nb))))
            }
            Kind::ClassMethod(f) => {
                let f = *f;
                self.heap.incref(f);
                self.heap.incref(ty);
                Ok(self.heap.alloc(Kind::Method(Box::new([f, ty]))))
            }
            Kind::StaticMethod(f) => {
                let f = *f;
                self.heap.incref(f);
                Ok(f)
            }
            Kind::Instance(_) if let Some(get) = self.descriptor_get(d) => {
                self.call(get, &[d, obj, ty])
            }
            // The type machinery's descriptors, reached when the instance had nothing
            // of its own: an unset slot; `__weakref__` is the head of the object's list
            // of weak references (a plain `ref` comes first), or None.
            Kind::Descr(x) if !matches!(self.heap.kind(obj), Kind::Class(_)) => match x.what {
                DescrKind::Member => Err(self.no_attribute(obj, x.name)),
                DescrKind::Weakref => {
                    let head = self.weakref_list(obj).first().copied();
                    Ok(match head {
                        Some(r) => {
                            self.heap.incref(r);
                            r
                        }
                        None => self.none(),
                    })
                }
                DescrKind::Dict => Ok(self.materialize_dict(obj)),
                DescrKind::Native | DescrKind::NativeMember => {
                    let name = x.name;
                    match super::builtins::native_attr(self, obj, name)? {
                        Some(v) => Ok(v),
                        None => Err(self.no_attribute(obj, name)),
                    }
                }
            },
            _ => {
                self.heap.incref(d);
                Ok(d)
            }
        }
    }

    /// The data descriptor (one with `__set__` or `__delete__`) that `obj`'s type `ty`
    /// has for `name`, which setting or deleting the attribute goes through. A class's
    /// own attributes are set in its namespace (no metaclasses here).
    fn data_descriptor(&self, obj: ObjId, ty: ObjId, name: Sym) -> Option<(ObjId, UserDescriptor)> {
        if matches!(self.heap.kind(obj), Kind::Class(_)) {
            return None;
        }
        let d = self.class_lookup(ty, name)?;
        self.user_descriptor(d)
            .filter(|u| u.is_data())
            .map(|u| (d, u))
    }

    /// The `__get__` of `d`'s class when `d` is an object of a class defined in Python
    /// (binding needs only that one, not the whole [`UserDescriptor`]).
    fn descriptor_get(&self, d: ObjId) -> Option<ObjId> {
        match self.heap.kind(d) {
            Kind::Instance(inst) => self.class_lookup(inst.class, self.names.get),
            _ => None,
        }
    }

    /// What makes `d`, an object of a class defined in Python, a descriptor: the
    /// `__get__`, `__set__` and `__delete__` its class has (CPython fills a class's
    /// tp_descr_get and tp_descr_set slots from them). None for anything else.
    pub(crate) fn user_descriptor(&self, d: ObjId) -> Option<UserDescriptor> {
        let Kind::Instance(inst) = self.heap.kind(d) else {
            return None;
        };
        let class = inst.class;
        let get = self.class_lookup(class, self.names.get);
        let set = self.class_lookup(class, self.names.set);
        let delete = self.class_lookup(class, self.names.delete);
        (get.is_some() || set.is_some() || delete.is_some()).then_some(UserDescriptor {
            get,
            set,
            delete,
        })
    }

    /// `C.name` for a value found in C's MRO: functions stay plain, classmethods bind to C.
    fn bind_class_attr(&mut self, v: ObjId, class: ObjId) -> PyResult<ObjId> {
        match self.heap.kind(v) {
            Kind::ClassMethod(_) | Kind::StaticMethod(_) => self.bind_descriptor(v, class, class),
            Kind::Instance(_) if let Some(get) = self.descriptor_get(v) => {
                let none = self.none;
                self.call(get, &[v, none, class])
            }
            _ => {
                self.heap.incref(v);
                Ok(v)
            }
        }
    }

    /// The class namespace (a `TypeDict`) that `obj` is or shows (a `mappingproxy`).
    pub fn namespace_of(&self, obj: ObjId) -> Option<ObjId> {
        match self.heap.kind(obj) {
            Kind::TypeDict(_) => Some(obj),
            Kind::MappingProxy(ns) => Some(*ns),
            _ => None,
        }
    }

    /// The value of `key` in a class namespace (borrowed): only a str can be a name;
    /// another key must still be hashable, as for a dict.
    pub fn namespace_get(&mut self, ns: ObjId, key: ObjId) -> PyResult<Option<ObjId>> {
        if matches!(self.heap.kind(ns), Kind::Dict(_)) {
            return self.dict_lookup(ns, key);
        }
        let Some(name) = self.as_str(key) else {
            self.hash(key)?;
            return Ok(None);
        };
        let Some(sym) = self.heap.syms.lookup(name) else {
            return Ok(None);
        };
        Ok(match self.heap.kind(ns) {
            Kind::TypeDict(m) => m.get(sym),
            _ => None,
        })
    }

    /// A class namespace's names and values as a new dict (what `dict(A.__dict__)` gives).
    pub fn namespace_copy(&mut self, ns: ObjId) -> PyResult<ObjId> {
        let entries: Vec<(Sym, ObjId)> = match self.heap.kind(ns) {
            // A `mappingproxy` of a dict reads the dict itself.
            Kind::Dict(_) => {
                self.heap.incref(ns);
                return Ok(ns);
            }
            Kind::TypeDict(m) => m.iter().collect(),
            _ => vec![],
        };
        self.dict_of_names(entries)
    }

    /// A new dict of names kept by name (a namespace, a function's attributes), their
    /// keys made str objects.
    pub(crate) fn dict_of_names(&mut self, entries: Vec<(Sym, ObjId)>) -> PyResult<ObjId> {
        let d = self.new_dict();
        for (k, v) in entries {
            let ks = self.heap.sym_name(k);
            let key = self.intern_str(&ks);
            let r = self.dict_set(d, key, v);
            self.heap.decref(key);
            if let Err(e) = r {
                self.heap.decref(d);
                return Err(e);
            }
        }
        Ok(d)
    }

    /// The names that `type`'s data descriptors answer on a class before its namespace
    /// and its bases' are looked at.
    fn is_type_data_attr(&self, name: Sym) -> bool {
        let n = &self.names;
        [n.dict, n.mro, n.bases, n.base, n.name, n.qualname].contains(&name)
    }

    fn class_special_attr(&mut self, class: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
        let n = self.heap.sym_name(name);
        let Some(c) = self.class(class) else {
            return Ok(None);
        };
        let v = match &*n {
            "__name__" => {
                let s = c.name.clone();
                self.new_str(&s)
            }
            "__qualname__" => {
                let s = c.qualname.clone();
                self.new_str(&s)
            }
            "__module__" => {
                let s = c.module.clone();
                self.new_str(&s)
            }
            "__bases__" if !c.bases_tuple.is_null() => {
                let t = c.bases_tuple;
                self.heap.incref(t);
                t
            }
            "__mro__" if !c.mro_tuple.is_null() => {
                let t = c.mro_tuple;
                self.heap.incref(t);
                t
            }
            "__base__" => {
                let b = c.base;
                if b.is_null() {
                    self.none()
                } else {
                    self.heap.incref(b);
                    b
                }
            }
            "__bases__" => {
                let b = c.bases.clone();
                for x in &b {
                    self.heap.incref(*x);
                }
                self.new_tuple(b)
            }
            "__mro__" => {
                let mut m = vec![class];
                m.extend(c.mro.iter().copied());
                for x in &m {
                    self.heap.incref(*x);
                }
                self.new_tuple(m)
            }
            "__doc__" => self.none(),
            "__class__" => {
                let t = self.type_of(class);
                self.heap.incref(t);
                t
            }
            "__dict__" => {
                let ns = c.ns;
                self.heap.incref(ns);
                self.heap.alloc(Kind::MappingProxy(ns))
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    fn function_attr(&mut self, func: ObjId, name: Sym) -> Option<ObjId> {
        let n = self.heap.sym_name(name);
        let Kind::Function(f) = self.heap.kind(func) else {
            return None;
        };
        let (fname, qual, code, defaults, closure, globals, kwdefaults) = (
            f.name.clone(),
            f.qualname.clone(),
            f.code,
            f.defaults,
            f.closure,
            f.globals,
            f.kwdefaults,
        );
        let v = match &*n {
            "__name__" => self.new_str(&fname),
            "__qualname__" => self.new_str(&qual),
            "__code__" => {
                self.heap.incref(code);
                code
            }
            "__defaults__" | "__closure__" | "__kwdefaults__" => {
                let v = match &*n {
                    "__defaults__" => defaults,
                    "__closure__" => closure,
                    _ => kwdefaults,
                };
                if v.is_null() {
                    self.none()
                } else {
                    self.heap.incref(v);
                    v
                }
            }
            "__annotations__" => self.function_annotations(func),
            "__doc__" => self.none(),
            "__module__" => {
                let m = match self.heap.kind(globals) {
                    Kind::Module(m) => m.name.clone(),
                    _ => "__main__".into(),
                };
                self.new_str(&m)
            }
            "__globals__" => self.module_dict_snapshot(globals),
            "__builtins__" => self.module_dict_snapshot(self.builtins),
            "__dict__" => self.function_dict(func),
            _ => return None,
        };
        Some(v)
    }

    /// `f.__defaults__ = (...)` and `f.__kwdefaults__ = {...}` (or None): what later calls
    /// use, as CPython's setters check them. `__closure__` and `__globals__` are
    /// read-only; `__code__` cannot be replaced in refscope, and says so.
    fn set_function_field(&mut self, func: ObjId, name: Sym, value: ObjId) -> PyResult<()> {
        let n = self.heap.sym_name(name);
        let (want, ok) = match &*n {
            "__defaults__" => ("tuple", matches!(self.heap.kind(value), Kind::Tuple(_))),
            "__kwdefaults__" => ("dict", matches!(self.heap.kind(value), Kind::Dict(_))),
            "__code__" => {
                return Err(self.not_implemented(
                    "replacing a function's __code__ is not supported yet by refscope",
                ));
            }
            _ => return Err(self.attribute_error("readonly attribute")),
        };
        let value = if value == self.none {
            ObjId::NULL
        } else if ok {
            self.heap.incref(value);
            value
        } else {
            return Err(self.type_error(format!("{n} must be set to a {want} object")));
        };
        let positional = &*n == "__defaults__";
        let old = match self.heap.kind_mut(func) {
            Kind::Function(f) if positional => std::mem::replace(&mut f.defaults, value),
            Kind::Function(f) => std::mem::replace(&mut f.kwdefaults, value),
            _ => value,
        };
        self.heap.xdecref(old);
        Ok(())
    }

    /// `obj.name = value` into the object's `__dict__` `d`, its key the interned name.
    fn attr_dict_set(&mut self, d: ObjId, name: Sym, value: ObjId) -> PyResult<()> {
        let n = self.heap.sym_name(name);
        let key = self.intern_str(&n);
        let r = self.dict_set(d, key, value);
        self.heap.decref(key);
        r
    }

    /// `del obj.name` from the object's `__dict__` `d`: the value it held, or None.
    fn attr_dict_pop(&mut self, d: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
        let n = self.heap.sym_name(name);
        let key = self.new_str(&n);
        let r = self.dict_pop(d, key);
        self.heap.decref(key);
        r
    }

    /// A function's `__dict__`, made empty the first time it is needed and kept (new
    /// reference).
    fn function_dict(&mut self, func: ObjId) -> ObjId {
        let d = match self.heap.kind(func) {
            Kind::Function(f) if !f.dict.is_null() => f.dict,
            Kind::Function(_) => {
                let d = self.new_dict();
                if let Kind::Function(f) = self.heap.kind_mut(func) {
                    f.dict = d;
                }
                d
            }
            _ => return self.none(),
        };
        self.heap.incref(d);
        d
    }

    /// `f.__annotations__`: the function's dict, made from the tuple `MakeFunction` left
    /// (or empty) the first time it is asked for and kept, as CPython 3.11 does.
    fn function_annotations(&mut self, func: ObjId) -> ObjId {
        let Kind::Function(f) = self.heap.kind(func) else {
            return self.none();
        };
        let ann = f.annotations;
        if !ann.is_null() && matches!(self.heap.kind(ann), Kind::Dict(_)) {
            self.heap.incref(ann);
            return ann;
        }
        let pairs: Vec<ObjId> = if ann.is_null() {
            vec![]
        } else if let Kind::Tuple(t) = self.heap.kind(ann) {
            t.to_vec()
        } else {
            vec![]
        };
        let d = self.new_dict();
        for kv in pairs.chunks(2) {
            if let [k, v] = kv {
                // Keys are strings: setting cannot fail.
                let _ = self.dict_set(d, *k, *v);
            }
        }
        if let Kind::Function(f) = self.heap.kind_mut(func) {
            f.annotations = d;
        }
        if !ann.is_null() {
            self.heap.decref(ann);
        }
        self.heap.incref(d);
        d
    }

    /// A dict copy of a module's namespace (refscope keeps namespaces by name).
    fn module_dict_snapshot(&mut self, module: ObjId) -> ObjId {
        let entries: Vec<(Sym, ObjId)> = match self.heap.kind(module) {
            Kind::Module(m) => m.dict.iter().collect(),
            _ => vec![],
        };
        self.dict_of_names_or_empty(entries)
    }

    /// [`Vm::dict_of_names`] where an error cannot be raised (an attribute's value): a
    /// dict that the heap limit kept from being filled is given empty.
    fn dict_of_names_or_empty(&mut self, entries: Vec<(Sym, ObjId)>) -> ObjId {
        match self.dict_of_names(entries) {
            Ok(d) => d,
            Err(e) => {
                self.heap.decref(e.0);
                self.new_dict()
            }
        }
    }

    /// `obj.__dict__` of an instance: from now on its attributes live in a real dict object
    /// (as CPython 3.11 does once `__dict__` is asked for). New reference.
    pub fn materialize_dict(&mut self, obj: ObjId) -> ObjId {
        // An instance `object.__new__` made has its values inline, which become a
        // dict sharing its class's keys; an instance of a subclass of a built-in type
        // has none, and gets a new, ordinary dict (`PyObject_GenericGetDict`).
        let split = !self.is_subclass_instance(obj);
        self.materialize_dict_split(obj, split)
    }

    /// [`Vm::materialize_dict`], sharing the class's keys (if it has them) or not.
    fn materialize_dict_split(&mut self, obj: ObjId, split: bool) -> ObjId {
        let (existing, attrs) = match self.heap.kind_mut(obj).instance_mut() {
            Some(inst) => (inst.dict, inst.attrs.drain()),
            None => return self.none(),
        };
        if !existing.is_null() {
            self.heap.incref(existing);
            return existing;
        }
        let d = self.new_dict();
        // A managed dict shares its class's keys (a split table).
        let class = self.type_of(obj);
        if split
            && let Some(keys) = self.class(class).and_then(|c| c.keys.clone())
            && let Kind::Dict(t) = self.heap.kind_mut(d)
        {
            t.split = Some(keys);
        }
        for (k, v) in attrs {
            let ks = self.heap.sym_name(k);
            let key = self.intern_str(&ks);
            let _ = self.dict_set(d, key, v);
            self.heap.decref(key);
            self.heap.decref(v);
        }
        if let Some(inst) = self.heap.kind_mut(obj).instance_mut() {
            inst.dict = d;
        }
        self.heap.incref(d);
        d
    }

    fn slot_index(&self, class: ObjId, name: Sym) -> Option<usize> {
        self.class(class)?
            .slots
            .as_ref()?
            .iter()
            .position(|s| *s == name)
    }

    /// `exc.__traceback__ = tb`, `exc.__cause__ = c`, `exc.__context__ = c` (the
    /// exception's own fields, checked as BaseException's setters check them); false
    /// for other names.
    fn set_exception_field(&mut self, exc: ObjId, name: Sym, value: ObjId) -> PyResult<bool> {
        let n = self.heap.sym_name(name);
        match &*n {
            "__traceback__" => self.set_exc_traceback(exc, value)?,
            "args" => {
                // Any iterable, kept as a tuple (BaseException_set_args).
                let t = self.sequence_tuple(value)?;
                self.set_exc_args(exc, t);
            }
            "__cause__" | "__context__" => {
                let v = if value == self.none {
                    ObjId::NULL
                } else if self.isinstance(value, self.exc_types.base_exception) {
                    value
                } else {
                    let what = if &*n == "__cause__" {
                        "cause"
                    } else {
                        "context"
                    };
                    return Err(self.type_error(format!(
                        "exception {what} must be None or derive from BaseException"
                    )));
                };
                if !v.is_null() {
                    self.heap.incref(v);
                }
                let cause = &*n == "__cause__";
                let old = match self.exc_data_mut(exc) {
                    Some(d) if cause => {
                        d.suppress_context = true;
                        std::mem::replace(&mut d.cause, v)
                    }
                    Some(d) => std::mem::replace(&mut d.context, v),
                    None => v,
                };
                self.heap.xdecref(old);
            }
            "__suppress_context__" => {
                let b = self.truthy(value)?;
                if let Some(d) = self.exc_data_mut(exc) {
                    d.suppress_context = b;
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub(crate) fn exception_attr(&mut self, obj: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
        let n = self.heap.sym_name(name);
        let Some(d) = self.exc_data(obj) else {
            return Ok(None);
        };
        let v = match &*n {
            "args" => d.args,
            "message" if !d.message.is_null() => d.message,
            "exceptions" if !d.exceptions.is_null() => d.exceptions,
            "__cause__" => d.cause,
            "__context__" => d.context,
            "__traceback__" => d.traceback,
            "name"
                if self.isinstance(obj, self.exc_types.name_error)
                    || self.isinstance(obj, self.exc_types.attribute_error) =>
            {
                d.name
            }
            "obj" if self.isinstance(obj, self.exc_types.attribute_error) => d.obj,
            "__suppress_context__" => {
                let b = d.suppress_context;
                return Ok(Some(self.new_bool(b)));
            }
            "code" if self.isinstance(obj, self.exc_types.system_exit) => {
                let a = self.exc_arg0(obj);
                if a.is_null() { ObjId::NULL } else { a }
            }
            "value" if self.isinstance(obj, self.exc_types.stop_iteration) => {
                let a = self.exc_arg0(obj);
                if a.is_null() { ObjId::NULL } else { a }
            }
            _ => return Ok(None),
        };
        if v.is_null() {
            return Ok(Some(self.none()));
        }
        self.heap.incref(v);
        Ok(Some(v))
    }

    /// `obj.name = value` (value borrowed).
    pub fn setattr(&mut self, obj: ObjId, name: Sym, value: ObjId) -> PyResult<()> {
        if let Kind::WeakRef(w) = self.heap.kind(obj)
            && w.proxy
        {
            let target = self.proxy_target(obj)?;
            let r = self.while_holding(&[target], |vm| vm.setattr(target, name, value));
            self.heap.decref(target);
            return r;
        }
        let ty = self.type_of(obj);
        if let Some(sa) = self.class_lookup(ty, self.names.setattr)
            && matches!(self.heap.kind(sa), Kind::Function(_))
        {
            return self.call_attr_hook(sa, obj, name, Some(value));
        }
        self.generic_setattr(obj, name, value)
    }

    /// `obj.name = value` in its common case, the `self.x = x` of an `__init__`: an
    /// instance whose class has no Python `__setattr__` and no property `name`, the value
    /// going to one of its `__slots__` or to its attributes (not in a `__dict__` object).
    /// `value`'s reference (the caller's) moves into the instance. Returns false, having
    /// changed nothing, for anything else, which [`Vm::setattr`] then does.
    pub(super) fn try_plain_setattr(&mut self, obj: ObjId, name: Sym, value: ObjId) -> bool {
        let Kind::Instance(inst) = self.heap.kind(obj) else {
            return false;
        };
        let class = inst.class;
        // (An exception's `__traceback__`, `__cause__`... are its own fields; `__class__`
        // is the instance's class.)
        if !inst.dict.is_null() || inst.exc.is_some() || name == self.names.class {
            return false;
        }
        let new_name = inst.attrs.get(name).is_none();
        let Some(c) = self.class(class) else {
            return false;
        };
        let slot = match c
            .slots
            .as_ref()
            .and_then(|s| s.iter().position(|s| *s == name))
        {
            Some(i) => Some(i),
            None if c.has_dict => None,
            None => return false,
        };
        let is = |found: Option<ObjId>, f: fn(&Kind) -> bool| {
            found.is_some_and(|d| f(self.heap.kind(d)))
        };
        if is(self.class_lookup(class, self.names.setattr), |k| {
            matches!(k, Kind::Function(_))
        }) || is(self.class_lookup(class, name), |k| {
            matches!(k, Kind::Property(_) | Kind::Instance(_))
                || matches!(k, Kind::Descr(d) if d.what != DescrKind::Member)
        }) {
            return false;
        }
        // A new name becomes one of the class's shared keys; one they have no room for
        // makes the instance's dict (the slow way).
        if slot.is_none() && new_name && !self.admit_key(class, name) {
            return false;
        }
        let old = match self.heap.kind_mut(obj) {
            Kind::Instance(inst) => match slot {
                Some(i) => Some(std::mem::replace(&mut inst.slots[i], value)),
                None => inst.attrs.insert(name, value),
            },
            _ => None,
        };
        if let Some(old) = old {
            self.heap.xdecref(old);
        }
        if slot.is_none() && self.is_container(value) {
            self.heap.track(obj);
        }
        true
    }

    /// A new attribute name of an instance of `class` becomes one of the class's shared
    /// keys, if it has them; false when they have no room for it (nothing changes then).
    fn admit_key(&mut self, class: ObjId, name: Sym) -> bool {
        match self.class(class).and_then(|c| c.keys.as_ref()) {
            Some(keys) => keys.borrow_mut().admit(name),
            None => true,
        }
    }

    /// `object.__setattr__`: properties, slots, then the instance's attributes.
    pub fn generic_setattr(&mut self, obj: ObjId, name: Sym, value: ObjId) -> PyResult<()> {
        if self.exc_data(obj).is_some() && self.set_exception_field(obj, name, value)? {
            return Ok(());
        }
        let ty = self.type_of(obj);
        if let Some(d) = self.class_lookup(ty, name)
            && let Kind::Property(p) = self.heap.kind(d)
        {
            let (fset, p) = (p.fns[1], **p);
            if fset.is_null() {
                return Err(self.property_error(&p, obj, "setter"));
            }
            let r = self.call(fset, &[obj, value])?;
            self.heap.decref(r);
            return Ok(());
        }
        if let Some((d, u)) = self.data_descriptor(obj, ty, name) {
            // A descriptor with `__delete__` only cannot be set (CPython says which
            // method is missing).
            let Some(set) = u.set else {
                return Err(self.attribute_error("__set__"));
            };
            let r = self.call(set, &[d, obj, value])?;
            self.heap.decref(r);
            return Ok(());
        }
        // A built-in type's computed attribute (`int.real`) is a data descriptor with no
        // setter, before any instance attribute of a subclass's object.
        if let Some(d) = self.class_lookup(ty, name)
            && let Some(e) = self.native_descr_set_error(d, name)
        {
            return Err(e);
        }
        if name == self.names.dict
            && self.instance_of(obj).is_some()
            && self.class(ty).is_some_and(|c| c.has_dict)
        {
            return self.set_instance_dict(obj, value);
        }
        if name == self.names.class {
            return self.set_class(obj, value);
        }
        match self.heap.kind(obj) {
            _ if let Some(inst) = self.instance_of(obj) => {
                let dict = inst.dict;
                if let Some(i) = self.slot_index(ty, name) {
                    self.heap.incref(value);
                    if let Some(inst) = self.heap.kind_mut(obj).instance_mut() {
                        let old = std::mem::replace(&mut inst.slots[i], value);
                        self.heap.xdecref(old);
                    }
                    return Ok(());
                }
                if self.class(ty).is_some_and(|c| !c.has_dict) {
                    let n = self.heap.sym_name(name);
                    let tn = self.type_name(obj);
                    return Err(
                        self.attribute_error(format!("'{tn}' object has no attribute '{n}'"))
                    );
                }
                // An instance of a subclass of a built-in type is made by the built-in's
                // `__new__`, without the inline values `object.__new__` gives: its first
                // attribute makes its `__dict__`, as in CPython 3.11.
                // A new name that the class's shared keys have no room for: the
                // instance's values become a dict of its own (`_PyObject_StoreInstanceAttribute`).
                let unshared = dict.is_null()
                    && self
                        .instance_of(obj)
                        .is_some_and(|inst| inst.attrs.get(name).is_none())
                    && !self.admit_key(ty, name);
                // An exception keeps its attributes in a dict from the first one on
                // (BaseException's `dict` member), notes included.
                // (`_PyObjectDict_SetItem` makes it with the shared keys.)
                let dict = if dict.is_null()
                    && (unshared || self.is_subclass_instance(obj) || self.exc_data(obj).is_some())
                {
                    let d = self.materialize_dict_split(obj, true);
                    self.heap.decref(d);
                    d
                } else {
                    dict
                };
                if !dict.is_null() {
                    return self.attr_dict_set(dict, name, value);
                }
                self.heap.incref(value);
                let old = match self.heap.kind_mut(obj).instance_mut() {
                    Some(inst) => inst.attrs.insert(name, value),
                    None => None,
                };
                if let Some(old) = old {
                    self.heap.decref(old);
                }
                if self.is_container(value) {
                    self.heap.track(obj);
                }
                Ok(())
            }
            // The built-in exception classes are static types (ExceptionGroup is not).
            Kind::Class(c)
                if c.native.is_none() && !self.heap.has_flag(obj, crate::heap::flags::BUILTIN) =>
            {
                // `__name__` and `__qualname__` are the class's own fields.
                if name == self.names.name || name == self.names.qualname {
                    let cn = c.name.clone();
                    let Some(s) = self.as_str(value).map(Rc::<str>::from) else {
                        let (n, tn) = (self.heap.sym_name(name), self.type_name(value));
                        return Err(self.type_error(format!(
                            "can only assign string to {cn}.{n}, not '{tn}'"
                        )));
                    };
                    let is_name = name == self.names.name;
                    if let Kind::Class(c) = self.heap.kind_mut(obj) {
                        if is_name {
                            c.name = s;
                        } else {
                            c.qualname = s;
                        }
                    }
                    self.heap.touch(obj, crate::heap::touch::INFO);
                    return Ok(());
                }
                self.heap.incref(value);
                let is_del = name == self.names.del;
                let module = (name == self.names.module)
                    .then(|| self.as_str(value).map(Rc::<str>::from))
                    .flatten();
                if is_del {
                    self.heap.class_gains_del(obj);
                }
                self.any_getattribute |= name == self.names.getattribute;
                if let Kind::Class(c) = self.heap.kind_mut(obj) {
                    // The class's repr names the module it is set to.
                    if let Some(m) = module {
                        c.module = m;
                    }
                }
                let old = self.heap.class_ns_insert(obj, name, value);
                if let Some(old) = old {
                    self.heap.decref(old);
                }
                Ok(())
            }
            Kind::Function(_) | Kind::Generator(_)
                if name == self.names.name || name == self.names.qualname =>
            {
                // Not attributes but the function's (generator's, coroutine's) own
                // fields, which repr shows (functools.wraps sets a function's).
                let Some(s) = self.as_str(value).map(Rc::<str>::from) else {
                    let n = self.heap.sym_name(name);
                    return Err(self.type_error(format!("{n} must be set to a string object")));
                };
                let is_name = name == self.names.name;
                let field = match self.heap.kind_mut(obj) {
                    Kind::Function(f) if is_name => &mut f.name,
                    Kind::Function(f) => &mut f.qualname,
                    Kind::Generator(g) if is_name => &mut g.name,
                    Kind::Generator(g) => &mut g.qualname,
                    _ => return Ok(()),
                };
                *field = s;
                Ok(())
            }
            Kind::Function(_) if name == self.names.annotations => {
                // A field too: a dict, or None to forget them.
                let value = if value == self.none {
                    ObjId::NULL
                } else if matches!(self.heap.kind(value), Kind::Dict(_)) {
                    self.heap.incref(value);
                    value
                } else {
                    return Err(self.type_error("__annotations__ must be set to a dict object"));
                };
                let old = match self.heap.kind_mut(obj) {
                    Kind::Function(f) => std::mem::replace(&mut f.annotations, value),
                    _ => ObjId::NULL,
                };
                if !old.is_null() {
                    self.heap.decref(old);
                }
                Ok(())
            }
            Kind::Function(_) if name == self.names.doc || name == self.names.module => {
                self.heap.incref(value);
                let old = match self.heap.kind_mut(obj) {
                    Kind::Function(f) => f.attrs.insert(name, value),
                    _ => None,
                };
                if let Some(old) = old {
                    self.heap.decref(old);
                }
                Ok(())
            }
            Kind::Function(_) if name == self.names.dict => {
                if !matches!(self.heap.kind(value), Kind::Dict(_)) {
                    let tn = self.type_name(value);
                    return Err(self.type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{tn}'"
                    )));
                }
                self.heap.incref(value);
                let old = match self.heap.kind_mut(obj) {
                    Kind::Function(f) => std::mem::replace(&mut f.dict, value),
                    _ => ObjId::NULL,
                };
                self.heap.xdecref(old);
                Ok(())
            }
            Kind::Function(_)
                if matches!(
                    &*self.heap.sym_name(name),
                    "__defaults__" | "__kwdefaults__" | "__code__" | "__closure__" | "__globals__"
                ) =>
            {
                self.set_function_field(obj, name, value)
            }
            Kind::Function(_) => {
                let dict = self.function_dict(obj);
                let r = self.attr_dict_set(dict, name, value);
                self.heap.decref(dict);
                r
            }
            Kind::Module(_) => {
                self.heap.incref(value);
                self.ns_set(obj, name, value);
                Ok(())
            }
            Kind::Class(c) => {
                let n = self.heap.sym_name(name);
                let cn = c.name.clone();
                Err(self.type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{cn}'"
                )))
            }
            _ => {
                let n = self.heap.sym_name(name);
                let tn = self.type_name(obj);
                let found = self.class_lookup(ty, name);
                if let Some(e) = found.and_then(|d| self.native_descr_set_error(d, name)) {
                    return Err(e);
                }
                Err(self.attribute_error(if found.is_some() {
                    format!("'{tn}' object attribute '{n}' is read-only")
                } else {
                    format!("'{tn}' object has no attribute '{n}'")
                }))
            }
        }
    }

    /// The error setting a built-in type's computed attribute gives, when `d` (found on
    /// the type for `name`) is one: what CPython's getset and member descriptors say.
    fn native_descr_set_error(&mut self, d: ObjId, name: Sym) -> Option<super::Exc> {
        let (what, owner) = match self.heap.kind(d) {
            Kind::Descr(x) => (x.what, x.owner),
            _ => return None,
        };
        let msg = match what {
            DescrKind::Native => {
                let (n, owner) = (self.heap.sym_name(name), self.class_name(owner));
                format!("attribute '{n}' of '{owner}' objects is not writable")
            }
            DescrKind::NativeMember => "readonly attribute".to_string(),
            _ => return None,
        };
        Some(self.attribute_error(msg))
    }

    /// `obj.__class__ = value` (CPython's object_set_class): both classes Python classes
    /// whose instances have the same layout (built-in base, `__slots__`, `__dict__`).
    /// As in 3.11, inline attribute values become a `__dict__` first, since their keys
    /// were the old class's.
    fn set_class(&mut self, obj: ObjId, value: ObjId) -> PyResult<()> {
        if self.class(value).is_none() {
            let tn = self.type_name(value);
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{tn}' object"
            )));
        }
        let old = self.type_of(obj);
        if !self.is_user_class(value) || !self.is_user_class(old) || self.instance_of(obj).is_none()
        {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        if let (Some(o), Some(n)) = (self.class(old), self.class(value))
            && (o.base_native != n.base_native || o.slots != n.slots || o.has_dict != n.has_dict)
        {
            let msg = format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                n.name, o.name
            );
            return Err(self.type_error(msg));
        }
        if let Kind::Instance(inst) = self.heap.kind(obj)
            && inst.dict.is_null()
            && self.class(old).is_some_and(|c| c.has_dict)
        {
            let d = self.materialize_dict(obj);
            self.heap.decref(d);
        }
        self.heap.incref(value);
        if let Some(inst) = self.heap.kind_mut(obj).instance_mut() {
            inst.class = value;
        }
        self.heap.decref(old);
        Ok(())
    }

    /// `obj.__dict__ = value`: the instance's attributes are now the dict's (its inline
    /// values, or its old dict, are let go). `value` is borrowed.
    fn set_instance_dict(&mut self, obj: ObjId, value: ObjId) -> PyResult<()> {
        if !self.isinstance(value, self.type_obj(TypeTag::Dict)) {
            let tn = self.type_name(value);
            return Err(self.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{tn}'"
            )));
        }
        self.heap.incref(value);
        let (old, attrs) = match self.heap.kind_mut(obj).instance_mut() {
            Some(inst) => (std::mem::replace(&mut inst.dict, value), inst.attrs.drain()),
            None => (value, vec![]),
        };
        for (_, v) in attrs {
            self.heap.decref(v);
        }
        self.heap.xdecref(old);
        self.heap.track(obj);
        Ok(())
    }

    /// `del obj.name`: a Python `__delattr__` of the class, or the generic deletion.
    pub fn delattr(&mut self, obj: ObjId, name: Sym) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(da) = self.class_lookup(ty, self.names.delattr)
            && matches!(self.heap.kind(da), Kind::Function(_))
        {
            return self.call_attr_hook(da, obj, name, None);
        }
        self.generic_delattr(obj, name)
    }

    /// Calls a class's Python `__setattr__` (with the value) or `__delattr__` with the
    /// object and the attribute's name as a str; the result is dropped.
    fn call_attr_hook(
        &mut self,
        hook: ObjId,
        obj: ObjId,
        name: Sym,
        value: Option<ObjId>,
    ) -> PyResult<()> {
        let n = self.heap.sym_name(name);
        let ns = self.new_str(&n);
        let mut args = vec![obj, ns];
        self.heap.incref(obj);
        if let Some(v) = value {
            self.heap.incref(v);
            args.push(v);
        }
        let r = self.call_object(hook, args, &[])?;
        self.heap.decref(r);
        Ok(())
    }

    /// `object.__delattr__`: a property's deleter, a data descriptor's `__delete__`, or
    /// the attribute itself.
    pub fn generic_delattr(&mut self, obj: ObjId, name: Sym) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(d) = self.class_lookup(ty, name)
            && let Some(e) = self.native_descr_set_error(d, name)
        {
            return Err(e);
        }
        // `del obj.__dict__`: the attributes go; the next `__dict__` is a new, empty one.
        if name == self.names.dict
            && self.instance_of(obj).is_some()
            && self.class(ty).is_some_and(|c| c.has_dict)
        {
            let (old, attrs) = match self.heap.kind_mut(obj).instance_mut() {
                Some(inst) => (
                    std::mem::replace(&mut inst.dict, ObjId::NULL),
                    inst.attrs.drain(),
                ),
                None => (ObjId::NULL, vec![]),
            };
            for (_, v) in attrs {
                self.heap.decref(v);
            }
            self.heap.xdecref(old);
            return Ok(());
        }
        if let Some(d) = self.class_lookup(ty, name)
            && let Kind::Property(p) = self.heap.kind(d)
        {
            let (fdel, p) = (p.fns[2], **p);
            if fdel.is_null() {
                return Err(self.property_error(&p, obj, "deleter"));
            }
            let r = self.call(fdel, &[obj])?;
            self.heap.decref(r);
            return Ok(());
        }
        if let Some((d, u)) = self.data_descriptor(obj, ty, name) {
            let Some(delete) = u.delete else {
                return Err(self.attribute_error("__delete__"));
            };
            let r = self.call(delete, &[d, obj])?;
            self.heap.decref(r);
            return Ok(());
        }
        if name == self.names.class {
            return Err(self.type_error("can't delete __class__ attribute"));
        }
        let slot = self.slot_index(ty, name);
        let removed = if let Some(inst) = self.heap.kind_mut(obj).instance_mut() {
            if let Some(i) = slot {
                let v = std::mem::replace(&mut inst.slots[i], ObjId::NULL);
                (!v.is_null()).then_some(v)
            } else if !inst.dict.is_null() {
                let d = inst.dict;
                self.attr_dict_pop(d, name)?
            } else {
                inst.attrs.remove(name)
            }
        } else {
            match self.heap.kind_mut(obj) {
                Kind::Class(c) if c.native.is_none() => {
                    // (`A.__dict__` cannot be deleted: its descriptor is the metatype's.)
                    if self.is_type_data_attr(name) {
                        None
                    } else {
                        self.heap.class_ns_remove(obj, name)
                    }
                }
                Kind::Function(f) if name == self.names.doc || name == self.names.module => {
                    f.attrs.remove(name)
                }
                Kind::Function(f) if !f.dict.is_null() => {
                    let d = f.dict;
                    self.attr_dict_pop(d, name)?
                }
                Kind::Module(m) => m.dict.remove(name),
                _ => None,
            }
        };
        match removed {
            Some(v) => {
                self.heap.decref(v);
                Ok(())
            }
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// Whether a value makes the object holding it tracked (a container).
    pub fn is_container(&self, v: ObjId) -> bool {
        crate::heap::gc::may_be_tracked(&self.heap, v)
    }

    /// `hasattr`-style check by str name.
    pub fn has_attr_str(&mut self, obj: ObjId, name: &str) -> PyResult<bool> {
        let sym = self.heap.intern_sym(name);
        match self.getattr(obj, sym) {
            Ok(v) => {
                self.heap.decref(v);
                Ok(true)
            }
            Err(e) if self.exc_matches(&e, self.exc_types.attribute_error) => {
                self.heap.decref(e.0);
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// CPython's `_PyObject_FunctionStr`: `module.qualname` for a function outside
    /// builtins (as some call errors print it).
    pub fn function_str(&self, f: ObjId) -> String {
        match self.heap.kind(f) {
            Kind::Function(func) => match self.heap.kind(func.globals) {
                Kind::Module(m) if &*m.name != "builtins" => {
                    format!("{}.{}", m.name, func.qualname)
                }
                _ => func.qualname.to_string(),
            },
            Kind::Method(m) => self.function_str(m[0]),
            // A built-in: `len`, `list.append`, `math.sqrt`.
            Kind::Builtin(b) => match (b.owner, b.module) {
                (Some(tag), _) => format!("{}.{}", tag.name(), b.name),
                (None, Some(m)) if m != "builtins" => format!("{m}.{}", b.name),
                _ => b.name.to_string(),
            },
            _ => self.qualname_of(f).to_string(),
        }
    }

    /// The class's name as `Rc<str>` for messages.
    pub fn qualname_of(&self, obj: ObjId) -> Rc<str> {
        match self.heap.kind(obj) {
            Kind::Function(f) => f.qualname.clone(),
            Kind::Class(c) => c.qualname.clone(),
            _ => self.type_name(obj),
        }
    }
}

/// What `class_lookup` found lately, as CPython's type attribute cache keeps it: a
/// direct-mapped table from (class, name) to the value found in the MRO (or nothing). Any
/// mutable access to a class, or a class freed, changes the heap's `type_epoch`, and the
/// whole table is dropped at the next lookup. `self.x = v` looks up `__setattr__` and `x`
/// on the class and its bases; with the cache, building 10^6 instances no longer walks
/// the MRO 6 times per instance.
pub struct AttrCache {
    epoch: u64,
    /// (class, name, value or NULL); an empty entry has class `u32::MAX`.
    entries: Box<[(u32, u32, ObjId)]>,
}

impl AttrCache {
    const BITS: u32 = 12;

    pub fn new() -> AttrCache {
        AttrCache {
            epoch: u64::MAX,
            entries: vec![(u32::MAX, 0, ObjId::NULL); 1 << Self::BITS].into_boxed_slice(),
        }
    }

    fn clear(&mut self, epoch: u64) {
        self.entries.fill((u32::MAX, 0, ObjId::NULL));
        self.epoch = epoch;
    }

    fn slot(class: ObjId, name: Sym) -> usize {
        let h = class.0.wrapping_mul(0x9E37_79B1) ^ name.0.wrapping_mul(0x85EB_CA6B);
        (h >> (32 - Self::BITS)) as usize
    }
}

impl Default for AttrCache {
    fn default() -> Self {
        Self::new()
    }
}

/// The methods that make an object of a Python class a descriptor (see
/// [`Vm::user_descriptor`]).
pub(crate) struct UserDescriptor {
    pub get: Option<ObjId>,
    pub set: Option<ObjId>,
    pub delete: Option<ObjId>,
}

impl UserDescriptor {
    /// A data descriptor (`__set__` or `__delete__`) comes before the instance's own
    /// attributes; one with `__get__` alone comes after them.
    pub fn is_data(&self) -> bool {
        self.set.is_some() || self.delete.is_some()
    }
}
