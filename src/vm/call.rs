//! Calling things: the `Call` instruction (which pushes frames for Python functions and
//! `__init__` without recursing), and `call` for native code (which runs a nested loop).

use super::eval::Exit;
use super::frame::FrameKind;
use super::{PyResult, Vm};
use crate::heap::kinds::{FrameState, Instance, NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym, SymMap};

/// What a callable turned out to be, resolved without holding heap borrows.
enum Target {
    Function(ObjId),
    Native(
        crate::heap::kinds::NativeFn,
        ObjId,
        Option<TypeTag>,
        &'static str,
    ),
    Class(ObjId),
    Other,
}

impl Vm {
    fn resolve(&self, callable: ObjId) -> Target {
        match self.heap.kind(callable) {
            Kind::Function(_) => Target::Function(callable),
            Kind::Builtin(b) => Target::Native(b.f, b.self_, b.owner, b.name),
            // A class whose metaclass is not `type` is called through the metaclass's
            // `__call__` (`type.__call__` unless it defines its own).
            Kind::Class(c) if c.meta.is_null() => Target::Class(callable),
            _ => Target::Other,
        }
    }

    /// The keyword names of a `KwNames` constant, interned.
    fn kwnames_syms(&mut self, names: ObjId) -> Vec<Sym> {
        if names.is_null() {
            return vec![];
        }
        let strs: Vec<String> = match self.heap.kind(names) {
            Kind::Tuple(t) => t
                .iter()
                .filter_map(|s| self.as_str(*s).map(|x| x.to_string()))
                .collect(),
            _ => vec![],
        };
        strs.iter().map(|s| self.heap.intern_sym(s)).collect()
    }

    /// The `Call(argc)` instruction.
    pub(crate) fn call_instr(&mut self, argc: usize) -> PyResult<Option<Exit>> {
        if self.frames.last().is_some_and(|f| f.kwnames.is_null()) {
            // `step_fast` has tried `try_fast_call` already (it runs before every `step`).
            if self.try_fast_instantiate(argc)? {
                return Ok(None);
            }
            if let Some(r) = self.try_fast_native(argc) {
                return r.map(|v| {
                    self.push(v);
                    None
                });
            }
        }
        let kwobj = std::mem::replace(
            &mut self.frames.last_mut().expect("a frame").kwnames,
            ObjId::NULL,
        );
        let kwnames = self.kwnames_syms(kwobj);
        let mut args = self.pop_n(argc);
        let b = self.pop();
        let a = self.pop();
        let callable = if a.is_null() {
            b
        } else {
            args.insert(0, b);
            a
        };
        // Python functions and bound methods: a new frame, no recursion.
        let (callable, owned_callable) = match self.heap.kind(callable) {
            Kind::Method(m) if matches!(self.heap.kind(m[0]), Kind::Function(_)) => {
                let (f, s) = (m[0], m[1]);
                self.heap.incref(f);
                self.heap.incref(s);
                args.insert(0, s);
                self.heap.decref(callable);
                (f, true)
            }
            _ => (callable, true),
        };
        let mark = self.held.len();
        self.held.push(callable);
        let r = match self.resolve(callable) {
            Target::Function(f) => {
                match self.push_function_frame(f, args, &kwnames, FrameKind::Normal) {
                    Ok(Some(generator)) => {
                        self.push(generator);
                        Ok(None)
                    }
                    Ok(None) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            Target::Class(c) => self.instantiate_instr(c, args, &kwnames),
            _ => match self.call_object(callable, args, &kwnames) {
                Ok(v) => {
                    self.push(v);
                    Ok(None)
                }
                Err(e) => Err(e),
            },
        };
        self.held.truncate(mark);
        if owned_callable {
            self.heap.decref(callable);
        }
        r
    }

    /// A call of a built-in function or method descriptor (`len(x)`, `a.append(b)`) with
    /// positional arguments only: the same steps as through `call_object` (the callable,
    /// then the arguments, held while it runs; the arguments released first to last, then
    /// the callable; `run_native` for both), without the two vectors that path builds for
    /// every call. Returns None, having changed nothing, for any other call, or one the
    /// slow path must report (a descriptor given the wrong type).
    fn try_fast_native(&mut self, argc: usize) -> Option<PyResult<ObjId>> {
        let s = &self.frames.last()?.st.slots;
        let len = s.len();
        if len < argc + 2 {
            return None;
        }
        let (a, b) = (s[len - argc - 2], s[len - argc - 1]);
        let (callable, first) = if a.is_null() {
            (b, len - argc)
        } else {
            (a, len - argc - 1)
        };
        let Kind::Builtin(bf) = self.heap.kind(callable) else {
            return None;
        };
        if !bf.self_.is_null() {
            return None;
        }
        let (f, owner) = (bf.f, bf.owner);
        let args: smallvec::SmallVec<[ObjId; 6]> = s[first..].iter().copied().collect();
        if let Some(tag) = owner
            && !args.first().is_some_and(|s| self.isinstance_tag(*s, tag))
        {
            return None;
        }
        let caller = self.frames.last_mut()?;
        caller.st.slots.truncate(len - argc - 2);
        self.held.push(callable);
        let r = self.run_native(f, &args, args.len(), &[]);
        self.held.pop();
        for v in args {
            self.heap.decref(v);
        }
        self.heap.decref(callable);
        Some(r)
    }

    /// Runs a native function, one level deeper, on `args` (the first `npos` positional,
    /// the rest the values of `kw`), which count as holders while it runs: it may run
    /// Python code.
    fn run_native(
        &mut self,
        f: NativeFn,
        args: &[ObjId],
        npos: usize,
        kw: &[(Sym, ObjId)],
    ) -> PyResult<ObjId> {
        self.while_holding(args, |vm| vm.run_native_within(f, args, npos, kw))
    }

    /// Runs a native function, one level deeper, on arguments someone else holds.
    fn run_native_within(
        &mut self,
        f: NativeFn,
        args: &[ObjId],
        npos: usize,
        kw: &[(Sym, ObjId)],
    ) -> PyResult<ObjId> {
        self.depth += 1;
        let r = if self.depth > self.recursion_limit + 50 {
            Err(self.new_exception(
                self.exc_types.recursion_error,
                "maximum recursion depth exceeded",
            ))
        } else {
            f(self, &args[..npos], kw)
        };
        self.depth -= 1;
        r
    }

    /// True when `func` is a Python function whose frame can take `nargs` positional
    /// arguments as they are: exactly that many parameters, no keyword-only or star
    /// parameters, no cells and not a generator.
    fn takes_exactly(&self, func: ObjId, nargs: usize) -> bool {
        use crate::compiler::code::flags::{
            ASYNC_GENERATOR, COROUTINE, GENERATOR, VARARGS, VARKEYWORDS,
        };
        match self.heap.kind(func) {
            Kind::Function(f) => {
                let c = &f.rt.code;
                c.argcount as usize == nargs
                    && c.kwonlyargcount == 0
                    && c.flags & (VARARGS | VARKEYWORDS | GENERATOR | COROUTINE | ASYNC_GENERATOR)
                        == 0
                    && c.cellvars.is_empty()
                    && c.freevars.is_empty()
            }
            _ => false,
        }
    }

    /// The common call: a Python function (or a method found by `LoadMethod`) given exactly
    /// its positional parameters, with no cells and no generator. The arguments move straight
    /// from the caller's stack into the new frame's slots. Returns false when the call does
    /// not have that shape.
    pub(super) fn try_fast_call(&mut self, argc: usize) -> bool {
        let Some(caller) = self.frames.last() else {
            return false;
        };
        let s = &caller.st.slots;
        let len = s.len();
        if len < argc + 2 {
            return false;
        }
        let (a, b) = (s[len - argc - 2], s[len - argc - 1]);
        let (func, nargs) = if a.is_null() {
            (b, argc)
        } else {
            (a, argc + 1)
        };
        if !self.takes_exactly(func, nargs) || self.depth >= self.recursion_limit {
            return false;
        }
        let mut st = self.new_frame_state(func);
        self.take_call_args(&mut st, 0, len - nargs, a.is_null());
        self.enter_frame(st, FrameKind::Normal);
        true
    }

    /// `a.append(x)` on a list: the item's reference moves from the stack into the list,
    /// as the call through `list.append` would leave it. Returns false, having changed
    /// nothing, for any other call, or when the list's growth could pass `--max-heap`
    /// (the full call raises MemoryError then).
    pub(super) fn try_list_append(&mut self, argc: usize) -> bool {
        let Some(caller) = self.frames.last() else {
            return false;
        };
        let s = &caller.st.slots;
        let len = s.len();
        if argc != 1 || len < 3 || s[len - 3] != self.list_append {
            return false;
        }
        let (list, v) = (s[len - 2], s[len - 1]);
        let Kind::List(l) = self.heap.kind(list) else {
            return false;
        };
        if let Some(max) = self.options.max_heap
            && self.heap.bytes + 8 * (l.items.len() / 8 + 8) > max
        {
            return false;
        }
        if let Some(caller) = self.frames.last_mut() {
            caller.st.slots.truncate(len - 3);
            caller.st.slots.push(self.none);
        }
        self.list_push(list, v);
        self.heap.incref(self.none);
        self.heap.decref(list);
        self.heap.decref(self.list_append);
        true
    }

    /// Moves a call's arguments, the caller's `stack[first..]`, into `st.slots[at..]`,
    /// then drops what is left of the call on the caller's stack: the callable and, when
    /// `null_below`, the NULL pushed before it. The new frame holds its own reference to
    /// its function.
    fn take_call_args(&mut self, st: &mut FrameState, at: usize, first: usize, null_below: bool) {
        let Some(caller) = self.frames.last_mut() else {
            return;
        };
        let s = &mut caller.st.slots;
        let n = (s.len() - first).min(st.slots.len() - at);
        st.slots[at..at + n].copy_from_slice(&s[first..first + n]);
        let callable = s[first - 1];
        s.truncate(first - 1 - usize::from(null_below));
        self.heap.xdecref(callable);
    }

    /// The common instantiation: a plain class (see `plain_instance_init`) whose
    /// `__init__` takes exactly `self` and the positional arguments, with no cells. The
    /// arguments move from the caller's stack into the `__init__` frame, with no vector in
    /// between (that and the one `self` was prepended to were a third of the allocations
    /// of building 10^6 instances). Returns false when the call does not have that shape;
    /// on an error the arguments are still on the caller's stack, which the unwinding
    /// releases.
    fn try_fast_instantiate(&mut self, argc: usize) -> PyResult<bool> {
        let Some(caller) = self.frames.last() else {
            return Ok(false);
        };
        let s = &caller.st.slots;
        let len = s.len();
        if len < argc + 2 || !s[len - argc - 2].is_null() {
            return Ok(false);
        }
        let class = s[len - argc - 1];
        if !matches!(self.heap.kind(class), Kind::Class(_)) || self.depth >= self.recursion_limit {
            return Ok(false);
        }
        let Some(init) = self.plain_instance_init(class) else {
            return Ok(false);
        };
        if !self.takes_exactly(init, argc + 1) {
            self.heap.decref(init);
            return Ok(false);
        }
        let inst = match self.new_instance(class) {
            Ok(i) => i,
            Err(e) => {
                self.heap.decref(init);
                return Err(e);
            }
        };
        let mut st = self.new_frame_state(init);
        self.heap.decref(init);
        self.heap.incref(inst);
        st.slots[0] = inst;
        self.take_call_args(&mut st, 1, len - argc, true);
        self.enter_frame(st, FrameKind::Init(inst));
        Ok(true)
    }

    /// Instantiating a class from the `Call` instruction: a Python `__init__` runs in a
    /// new frame.
    fn instantiate_instr(
        &mut self,
        class: ObjId,
        args: Vec<ObjId>,
        kwnames: &[Sym],
    ) -> PyResult<Option<Exit>> {
        if let Some(init) = self.plain_instance_init(class) {
            let inst = match self.new_instance(class) {
                Ok(i) => i,
                Err(e) => {
                    self.heap.decref(init);
                    self.release_all(args);
                    return Err(e);
                }
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            self.heap.incref(inst);
            full.push(inst);
            full.extend(args);
            let r = self.push_function_frame(init, full, kwnames, FrameKind::Init(inst));
            self.heap.decref(init);
            return match r {
                Ok(Some(generator)) => {
                    // An __init__ that is a generator: CPython raises TypeError.
                    self.heap.decref(generator);
                    Err(self.type_error("__init__() should return None, not 'generator'"))
                }
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            };
        }
        let v = self.call_object(class, args, kwnames)?;
        self.push(v);
        Ok(None)
    }

    /// For a plain user class (no custom `__new__`, not derived from a built-in type other
    /// than object) whose `__init__` is a Python function: that function (new reference).
    fn plain_instance_init(&mut self, class: ObjId) -> Option<ObjId> {
        let c = self.class(class)?;
        if c.native.is_some() || c.base_native != TypeTag::Object || !c.meta.is_null() {
            return None;
        }
        if self.has_user_new(class) {
            return None;
        }
        let init = self.class_lookup(class, self.names.init)?;
        if matches!(self.heap.kind(init), Kind::Function(_)) {
            self.heap.incref(init);
            Some(init)
        } else {
            None
        }
    }

    /// Whether a class (or a base) defines `__new__` in Python.
    pub fn has_user_new(&self, class: ObjId) -> bool {
        match self.class_lookup(class, self.names.new) {
            Some(f) => match self.heap.kind(f) {
                Kind::Function(_) => true,
                Kind::StaticMethod(g) => matches!(self.heap.kind(*g), Kind::Function(_)),
                _ => false,
            },
            None => false,
        }
    }

    /// Whether the class (or a base) defines `__init__` in Python.
    pub fn has_user_init(&self, class: ObjId) -> bool {
        self.class_lookup(class, self.names.init)
            .is_some_and(|f| matches!(self.heap.kind(f), Kind::Function(_)))
    }

    /// A new, empty instance of a user class (owned).
    pub fn new_instance(&mut self, class: ObjId) -> PyResult<ObjId> {
        let size = match self.class(class) {
            Some(c) => {
                if let Some(keys) = &c.keys {
                    keys.borrow_mut().instance_made();
                }
                c.instance_size as usize
            }
            None => 56,
        };
        let inst = self.empty_instance(class);
        let id = self.heap.alloc(Kind::Instance(Box::new(inst)));
        if size != 56 {
            self.heap.set_size(id, size);
        }
        self.check_heap_limit()?;
        Ok(id)
    }

    /// The instance part of a new instance of `class`: no attributes, its `__slots__`
    /// unset; it owns a new reference to the class.
    pub(crate) fn empty_instance(&mut self, class: ObjId) -> Instance {
        let (declared, has_dict) = self.class(class).map_or((0, true), |c| {
            (c.slots.as_ref().map_or(0, |s| s.len()), c.has_dict)
        });
        self.heap.incref(class);
        Instance {
            class,
            attrs: SymMap::new(),
            dict: ObjId::NULL,
            slots: smallvec::smallvec![ObjId::NULL; declared],
            exc: None,
            slotted: !has_dict,
        }
    }

    pub(crate) fn release_all(&mut self, ids: Vec<ObjId>) {
        for id in ids {
            self.heap.xdecref(id);
        }
    }

    /// Runs `f` while `ids` — references native code owns — count as holders, so the
    /// refcount ledger stays exact when `f` runs Python code.
    pub fn while_holding<T>(&mut self, ids: &[ObjId], f: impl FnOnce(&mut Vm) -> T) -> T {
        let mark = self.held.len();
        self.held.extend_from_slice(ids);
        let r = f(self);
        self.held.truncate(mark);
        r
    }

    /// Calls a function that native code found (a special method): the reference native
    /// code takes to it is a holder while it runs.
    pub fn call_found(&mut self, f: ObjId, args: &[ObjId]) -> PyResult<ObjId> {
        self.heap.incref(f);
        let r = self.while_holding(&[f], |vm| vm.call(f, args));
        self.heap.decref(f);
        r
    }

    /// `obj.name(*args)` (arguments borrowed): the bound method is held while it runs.
    pub fn call_method(&mut self, obj: ObjId, name: &str, args: &[ObjId]) -> PyResult<ObjId> {
        let sym = self.heap.intern_sym(name);
        let f = self.getattr(obj, sym)?;
        let r = self.while_holding(&[f], |vm| vm.call(f, args));
        self.heap.decref(f);
        r
    }

    /// Calls `callable` with positional arguments that the caller holds (counted in
    /// `held`) for the whole call, as `map` and `filter` hold their items. A built-in
    /// function gets them as they are, as CPython's vectorcall hands a C caller's
    /// references on, with no count of its own: `list(map(sys.getrefcount, [k]))` gives
    /// python3's `[3]` (the variable, the list, map's own reference). A Python function's
    /// frame takes its own references, as in CPython.
    pub fn call_held(&mut self, callable: ObjId, args: &[ObjId]) -> PyResult<ObjId> {
        if let Target::Native(f, self_, None, _) = self.resolve(callable)
            && self_.is_null()
        {
            return self.run_native_within(f, args, args.len(), &[]);
        }
        self.call(callable, args)
    }

    /// Calls `callable` with borrowed positional arguments (from native code).
    pub fn call(&mut self, callable: ObjId, args: &[ObjId]) -> PyResult<ObjId> {
        for a in args {
            self.heap.incref(*a);
        }
        self.call_object(callable, args.to_vec(), &[])
    }

    /// Calls `callable` with owned arguments (the last `kwnames.len()` are keywords).
    pub fn call_object(
        &mut self,
        callable: ObjId,
        mut args: Vec<ObjId>,
        kwnames: &[Sym],
    ) -> PyResult<ObjId> {
        match self.resolve(callable) {
            Target::Function(f) => {
                let base = self.frames.len();
                if let Some(generator) =
                    self.push_function_frame(f, args, kwnames, FrameKind::Entry)?
                {
                    return Ok(generator);
                }
                match self.run_until(base)? {
                    Exit::Return(v) => Ok(v),
                    Exit::Yield(v) => Ok(v),
                }
            }
            Target::Native(f, self_, owner, name) => {
                if !self_.is_null() {
                    self.heap.incref(self_);
                    args.insert(0, self_);
                }
                if let Some(tag) = owner {
                    let ok = args.first().is_some_and(|s| self.isinstance_tag(*s, tag));
                    if !ok {
                        let msg = match args.first() {
                            Some(s) if is_slot_wrapper(tag, name) => {
                                let tn = self.type_name(*s);
                                format!(
                                    "descriptor '{name}' requires a '{}' object but received a '{tn}'",
                                    tag.name()
                                )
                            }
                            Some(s) => {
                                let tn = self.type_name(*s);
                                format!(
                                    "descriptor '{name}' for '{}' objects doesn't apply to a '{tn}' object",
                                    tag.name()
                                )
                            }
                            None => {
                                format!("unbound method {}.{name}() needs an argument", tag.name())
                            }
                        };
                        self.release_all(args);
                        return Err(self.type_error(msg));
                    }
                }
                let (npos, kw) = split_keywords(&args, kwnames);
                let r = self.run_native(f, &args, npos, &kw);
                self.release_all(args);
                r
            }
            Target::Class(c) => self.instantiate(c, args, kwnames),
            Target::Other => match self.heap.kind(callable) {
                Kind::WeakRef(w) if !w.proxy => {
                    let target = w.target;
                    if !args.is_empty() {
                        let n = args.len();
                        self.release_all(args);
                        return Err(
                            self.type_error(format!("weakref expected 0 arguments, got {n}"))
                        );
                    }
                    let v = if target.is_null() { self.none } else { target };
                    self.heap.incref(v);
                    Ok(v)
                }
                Kind::WeakRef(_) => {
                    let target = self.proxy_target(callable)?;
                    let r =
                        self.while_holding(&[target], |vm| vm.call_object(target, args, kwnames));
                    self.heap.decref(target);
                    r
                }
                Kind::Method(m) => {
                    let (f, s) = (m[0], m[1]);
                    self.heap.incref(s);
                    args.insert(0, s);
                    self.call_object(f, args, kwnames)
                }
                _ => {
                    let call = self.names.call;
                    let ty = self.type_of(callable);
                    match self.class_lookup(ty, call) {
                        Some(m) if !matches!(self.heap.kind(ty), Kind::Class(c) if c.native.is_some()) =>
                        {
                            // A function binds to the object; a class set as `__call__`
                            // (`__call__ = dict`) is called as it is.
                            if !matches!(self.heap.kind(m), Kind::Class(_)) {
                                self.heap.incref(callable);
                                args.insert(0, callable);
                            }
                            self.heap.incref(m);
                            let r = self.while_holding(&[m], |vm| vm.call_object(m, args, kwnames));
                            self.heap.decref(m);
                            r
                        }
                        _ => {
                            let tn = self.type_name(callable);
                            self.release_all(args);
                            Err(self.type_error(format!("'{tn}' object is not callable")))
                        }
                    }
                }
            },
        }
    }

    /// Calls with keyword arguments given as (name, value) pairs (borrowed).
    pub fn call_kw(
        &mut self,
        callable: ObjId,
        args: &[ObjId],
        kw: &[(Sym, ObjId)],
    ) -> PyResult<ObjId> {
        let mut all: Vec<ObjId> = args.to_vec();
        let mut names = vec![];
        for (k, v) in kw {
            all.push(*v);
            names.push(*k);
        }
        for a in &all {
            self.heap.incref(*a);
        }
        self.call_object(callable, all, &names)
    }

    /// `f(*args, **kwargs)`: args is a tuple, kwargs a dict or NULL (both borrowed).
    pub(crate) fn call_ex(
        &mut self,
        callable: ObjId,
        args: ObjId,
        kwargs: ObjId,
    ) -> PyResult<ObjId> {
        // CPython turns a non-tuple `*args` into a tuple first. Every entry of `all` is
        // an owned reference.
        let mut all: Vec<ObjId> = match self.heap.kind(args) {
            Kind::Tuple(t) => {
                let v = t.to_vec();
                for a in &v {
                    self.heap.incref(*a);
                }
                v
            }
            _ => self.collect(args).map_err(|e| {
                self.heap.decref(e.0);
                let q = self.function_str(callable);
                let tn = self.type_name(args);
                self.type_error(format!(
                    "{q}() argument after * must be an iterable, not {tn}"
                ))
            })?,
        };
        let mut names = vec![];
        if !kwargs.is_null() {
            let entries: Vec<(ObjId, ObjId)> = match self.heap.kind(kwargs) {
                Kind::Dict(t) => t.iter().map(|(_, e)| (e.key, e.value)).collect(),
                _ => vec![],
            };
            for (k, v) in entries {
                let Some(s) = self.as_str(k).map(|s| s.to_string()) else {
                    self.release_all(all);
                    return Err(self.type_error("keywords must be strings"));
                };
                names.push(self.heap.intern_sym(&s));
                self.heap.incref(v);
                all.push(v);
            }
        }
        self.call_object(callable, all, &names)
    }

    /// Instantiates any class: built-in types, exceptions and user classes.
    pub fn instantiate(
        &mut self,
        class: ObjId,
        args: Vec<ObjId>,
        kwnames: &[Sym],
    ) -> PyResult<ObjId> {
        let (native, base_native) = match self.class(class) {
            Some(c) => (c.native, c.base_native),
            None => (None, TypeTag::Object),
        };
        if let Some(tag) = native
            && tag != TypeTag::BaseException
        {
            let (npos, kw) = split_keywords(&args, kwnames);
            let r = self.while_holding(&args, |vm| {
                super::builtins::construct(vm, tag, class, &args[..npos], &kw)
            });
            self.release_all(args);
            return r;
        }
        // A user-defined __new__.
        let new = self.names.new;
        let inst = if self.has_user_new(class)
            && let Some(newf) = self.class_lookup(class, new)
        {
            let f = match self.heap.kind(newf) {
                Kind::StaticMethod(f) => *f,
                _ => newf,
            };
            let mut a2 = vec![class];
            a2.extend(args.iter().copied());
            for a in &a2 {
                self.heap.incref(*a);
            }
            // The call's own arguments are held while `__new__` runs, and let go if it
            // raises.
            let inst = match self.while_holding(&args, |vm| vm.call_object(f, a2, kwnames)) {
                Ok(inst) => inst,
                Err(e) => {
                    self.release_all(args);
                    return Err(e);
                }
            };
            if !self.isinstance(inst, class) {
                self.release_all(args);
                return Ok(inst);
            }
            inst
        } else if base_native == TypeTag::BaseException {
            let npos = args.len() - kwnames.len();
            let pos: Vec<ObjId> = args[..npos].to_vec();
            for a in &pos {
                self.heap.incref(*a);
            }
            let made = if self.is_subclass(class, self.exc_types.base_exception_group) {
                let made =
                    self.while_holding(&args, |vm| vm.new_exception_group(class, pos.clone()));
                self.release_all(pos);
                made
            } else if self.is_subclass(class, self.exc_types.os_error) {
                Ok(self.new_os_error(class, pos))
            } else if self.is_subclass(class, self.exc_types.syntax_error) {
                let e = self.new_exception_args(class, pos);
                self.init_syntax_error(e)
                    .map(|()| e)
                    .inspect_err(|_| self.heap.decref(e))
            } else {
                Ok(self.new_exception_args(class, pos))
            };
            // BaseException's `__init__` refuses keywords (after `__new__` made the
            // exception), unless the class has an `__init__` of its own.
            let made = made.and_then(|e| {
                if kwnames.is_empty() || self.has_user_init(class) {
                    return Ok(e);
                }
                let n = self.type_name(e);
                self.heap.decref(e);
                Err(self.type_error(format!("{n}() takes no keyword arguments")))
            });
            match made {
                Ok(e) => e,
                Err(e) => {
                    self.release_all(args);
                    return Err(e);
                }
            }
        } else if base_native == TypeTag::Type {
            // A metaclass without a `__new__` of its own: `type.__new__` makes the class.
            let (npos, kw) = split_keywords(&args, kwnames);
            let mut a2 = vec![class];
            a2.extend_from_slice(&args[..npos]);
            match self.while_holding(&args, |vm| {
                super::builtins::classes::type_dunder_new(vm, &a2, &kw)
            }) {
                Ok(c) => c,
                Err(e) => {
                    self.release_all(args);
                    return Err(e);
                }
            }
        } else if let Some(base) = self.builtin_base(class) {
            let (npos, kw) = split_keywords(&args, kwnames);
            // The arguments are held while an iterable among them runs Python code.
            let made =
                self.while_holding(&args, |vm| vm.builtin_new(class, base, &args[..npos], &kw));
            match made {
                Ok(inst) => inst,
                Err(e) => {
                    self.release_all(args);
                    return Err(e);
                }
            }
        } else if base_native != TypeTag::Object {
            self.release_all(args);
            return Err(self.unsupported_subclass(class));
        } else {
            if let Err(e) = self.check_not_abstract(class) {
                self.release_all(args);
                return Err(e);
            }
            self.new_instance(class)?
        };
        // __init__
        let init = self.class_lookup(class, self.names.init);
        match init {
            Some(f) if matches!(self.heap.kind(f), Kind::Function(_)) => {
                self.heap.incref(f);
                self.heap.incref(inst);
                let mut a2 = vec![inst];
                a2.extend(args);
                let r = self.while_holding(&[f, inst], |vm| vm.call_object(f, a2, kwnames));
                self.heap.decref(f);
                match r {
                    Ok(v) => {
                        let is_none = v == self.none;
                        let tn = self.type_name(v);
                        self.heap.decref(v);
                        if !is_none {
                            self.heap.decref(inst);
                            return Err(self
                                .type_error(format!("__init__() should return None, not '{tn}'")));
                        }
                        Ok(inst)
                    }
                    Err(e) => {
                        self.heap.decref(inst);
                        Err(e)
                    }
                }
            }
            _ if let Some(base) = self.builtin_base(class) => {
                // The built-in's `__init__` (`list.__init__` fills the list).
                let (npos, kw) = split_keywords(&args, kwnames);
                let r = self.while_holding(&[inst], |vm| {
                    vm.while_holding(&args, |vm| vm.init_builtin(base, inst, &args[..npos], &kw))
                });
                self.release_all(args);
                match r {
                    Ok(()) => Ok(inst),
                    Err(e) => {
                        self.heap.decref(inst);
                        Err(e)
                    }
                }
            }
            _ => {
                let has_new = self.has_user_new(class);
                if !args.is_empty() && base_native == TypeTag::Object && !has_new {
                    let n = self.class_name(class);
                    self.release_all(args);
                    self.heap.decref(inst);
                    return Err(self.type_error(format!("{n}() takes no arguments")));
                }
                self.release_all(args);
                Ok(inst)
            }
        }
    }

    /// object_new's refusal of a class whose `__abstractmethods__` (set on the class
    /// itself, as ABCMeta sets it) is not empty, with CPython's message.
    pub fn check_not_abstract(&mut self, class: ObjId) -> PyResult<()> {
        let sym = self.heap.intern_sym("__abstractmethods__");
        let Some(abstracts) = self.class_dict(class).and_then(|d| d.get(sym)) else {
            return Ok(());
        };
        let mut names: Vec<String> = match self.heap.kind(abstracts) {
            Kind::FrozenSet(t) | Kind::Set(t) => t
                .iter()
                .filter_map(|(_, e)| self.as_str(e.key).map(str::to_string))
                .collect(),
            _ => return Ok(()),
        };
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        let n = self.class_name(class);
        let s = if names.len() > 1 { "s" } else { "" };
        Err(self.type_error(format!(
            "Can't instantiate abstract class {n} with abstract method{s} {}",
            names.join(", ")
        )))
    }

    /// Refuses, with MemoryError, one object of `bytes` bytes that `--max-heap` leaves no
    /// room for, or that is past [`MAX_OBJECT_BYTES`]: where python3's allocation fails
    /// and raises, the engine raises too, before it asks for the memory (a failed
    /// allocation would end the process).
    pub fn check_alloc(&mut self, bytes: u128) -> PyResult<()> {
        let room = match self.options.max_heap {
            Some(max) => max.saturating_sub(self.heap.bytes).min(MAX_OBJECT_BYTES),
            None => MAX_OBJECT_BYTES,
        };
        if bytes > room as u128 {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// Raises MemoryError when the modelled heap passed `--max-heap`.
    pub fn check_heap_limit(&mut self) -> PyResult<()> {
        if let Some(max) = self.options.max_heap
            && self.heap.bytes > max
        {
            return Err(self.memory_error());
        }
        Ok(())
    }
}

/// The largest object the engine makes: 2 GiB (a str, bytes or list past it is a
/// MemoryError).
pub const MAX_OBJECT_BYTES: usize = crate::vm::text::MAX_OBJECT_BYTES;

/// A call's arguments as native code takes them: the number of positional ones, and the
/// keyword ones paired with their names (the last `kwnames.len()` arguments).
fn split_keywords(args: &[ObjId], kwnames: &[Sym]) -> (usize, Vec<(Sym, ObjId)>) {
    let npos = args.len() - kwnames.len();
    let kw = kwnames
        .iter()
        .copied()
        .zip(args[npos..].iter().copied())
        .collect();
    (npos, kw)
}

/// Whether CPython makes the built-in type's special method `name` a slot wrapper (whose
/// type check says "requires a 'list' object"), not a method descriptor ("doesn't apply
/// to"): `list.__getitem__` and `dict.__contains__` are methods of their own.
fn is_slot_wrapper(tag: TypeTag, name: &str) -> bool {
    const SLOTS: &[&str] = &[
        "__init__",
        "__repr__",
        "__str__",
        "__len__",
        "__iter__",
        "__next__",
        "__contains__",
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__eq__",
        "__ne__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__hash__",
    ];
    let method = match tag {
        TypeTag::List => name == "__getitem__",
        TypeTag::Dict => name == "__getitem__" || name == "__contains__",
        _ => false,
    };
    SLOTS.contains(&name) && !method
}
