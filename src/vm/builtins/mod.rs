//! The builtins module and the methods of the built-in types.
//!
//! Each built-in type's methods live in the type object's namespace as built-in function
//! objects (method descriptors); attribute lookup binds them like Python functions.

/// Wraps str and bytes methods that CPython answers with the object itself (an exact
/// str or bytes) when they change nothing (`unicode_result_unchanged`):
/// `s.replace('x', 'y') is s` when there is no 'x'.
macro_rules! same_if_unchanged {
    ($($name:ident => $inner:ident,)*) => {$(
        fn $name(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
            let r = $inner(vm, args, kw)?;
            Ok(vm.itself_if_equal(args[0], r))
        }
    )*};
}

pub mod bytes;
pub mod classes;
pub mod containers;
pub mod dicts;
pub mod exec;
pub mod funcs;
pub mod lists;
pub mod memview;
pub mod slots;
pub mod strings;
pub mod subclass;
pub mod timsort;

/// A native function's keyword arguments.
pub type Kw<'a> = &'a [(Sym, ObjId)];

use num_traits::ToPrimitive;

use super::{PyResult, Vm};
use crate::compiler::code::{BinOp, CmpOp};
use crate::heap::kinds::{BuiltinFn, Module, NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym, SymMap};

pub use containers::slice_positions;

/// Makes a built-in function object (immortal, part of the runtime).
pub fn new_builtin(
    vm: &mut Vm,
    name: &'static str,
    f: NativeFn,
    owner: Option<TypeTag>,
    module: Option<&'static str>,
) -> ObjId {
    let id = vm.heap.alloc(Kind::Builtin(Box::new(BuiltinFn {
        f,
        name,
        owner,
        self_: ObjId::NULL,
        module,
    })));
    vm.heap.set_flag(
        id,
        crate::heap::flags::IMMORTAL | crate::heap::flags::BUILTIN,
    );
    id
}

/// Adds methods to a built-in type's namespace.
pub fn add_methods(vm: &mut Vm, tag: TypeTag, methods: &[(&'static str, NativeFn)]) {
    let class = vm.type_obj(tag);
    add_methods_to(vm, class, Some(tag), methods);
}

/// Adds methods to a runtime class's namespace (`owner`: the type their `self` must be).
pub fn add_methods_to(
    vm: &mut Vm,
    class: ObjId,
    owner: Option<TypeTag>,
    methods: &[(&'static str, NativeFn)],
) {
    for (name, f) in methods {
        let b = new_builtin(vm, name, *f, owner, None);
        class_ns_set(vm, class, name, b);
    }
}

/// Puts `v` (owned) into a class's namespace as `name`.
pub fn class_ns_set(vm: &mut Vm, class: ObjId, name: &str, v: ObjId) {
    let sym = vm.heap.intern_sym(name);
    if let Some(old) = vm.heap.class_ns_insert(class, sym, v) {
        vm.heap.decref(old);
    }
}

/// Adds getset descriptors to a built-in type's namespace for the attributes its objects
/// compute (`native_attr`): the type then lists them, as `dir(5)` lists `real`, and
/// `int.real` is `<attribute 'real' of 'int' objects>`.
pub fn add_getsets(vm: &mut Vm, tag: TypeTag, names: &[&str], what: crate::heap::kinds::DescrKind) {
    let class = vm.type_obj(tag);
    add_getsets_to(vm, class, names, what);
}

/// [`add_getsets`] for a runtime class given by its object.
pub fn add_getsets_to(
    vm: &mut Vm,
    class: ObjId,
    names: &[&str],
    what: crate::heap::kinds::DescrKind,
) {
    use crate::heap::kinds::Descr;
    for name in names {
        let sym = vm.heap.intern_sym(name);
        vm.heap.incref(class);
        let d = vm.heap.alloc(Kind::Descr(Box::new(Descr {
            owner: class,
            name: sym,
            what,
        })));
        vm.heap.set_flag(
            d,
            crate::heap::flags::IMMORTAL | crate::heap::flags::BUILTIN,
        );
        if let Some(old) = vm.heap.class_ns_insert(class, sym, d) {
            vm.heap.decref(old);
        }
    }
}

/// Puts a native function into a built-in type's namespace wrapped as `wrap` makes it
/// (`Kind::ClassMethod` for dict.fromkeys, `Kind::StaticMethod` for str.maketrans): an
/// immortal, untracked wrapper.
pub fn add_wrapped_builtin(
    vm: &mut Vm,
    tag: TypeTag,
    name: &'static str,
    f: NativeFn,
    module: Option<&'static str>,
    wrap: fn(ObjId) -> Kind,
) {
    let class = vm.type_obj(tag);
    add_wrapped_builtin_to(vm, class, name, f, module, wrap);
}

/// [`add_wrapped_builtin`] for a runtime class given by its object.
pub fn add_wrapped_builtin_to(
    vm: &mut Vm,
    class: ObjId,
    name: &'static str,
    f: NativeFn,
    module: Option<&'static str>,
    wrap: fn(ObjId) -> Kind,
) {
    let b = new_builtin(vm, name, f, None, module);
    let w = vm.heap.alloc(wrap(b));
    vm.heap.set_flag(
        w,
        crate::heap::flags::IMMORTAL | crate::heap::flags::BUILTIN,
    );
    vm.heap.untrack(w);
    class_ns_set(vm, class, name, w);
}

/// Creates a module object from native functions (owned reference).
pub fn new_native_module(
    vm: &mut Vm,
    name: &'static str,
    funcs: &[(&'static str, NativeFn)],
) -> ObjId {
    let mut dict = SymMap::new();
    for (fname, f) in funcs {
        let b = new_builtin(vm, fname, *f, None, Some(name));
        dict.insert(vm.heap.intern_sym(fname), b);
    }
    let m = vm.heap.alloc(Kind::Module(Box::new(Module {
        name: name.into(),
        dict,
    })));
    let n = vm.new_str(name);
    let s = vm.names.name;
    vm.ns_set(m, s, n);
    m
}

pub fn create_builtins_module(vm: &mut Vm) {
    let m = new_native_module(vm, "builtins", funcs::BUILTIN_FUNCTIONS);
    vm.builtins = m;
    for tag in [
        TypeTag::Object,
        TypeTag::Type,
        TypeTag::Bool,
        TypeTag::Int,
        TypeTag::Float,
        TypeTag::Complex,
        TypeTag::Str,
        TypeTag::Bytes,
        TypeTag::ByteArray,
        TypeTag::List,
        TypeTag::Tuple,
        TypeTag::Dict,
        TypeTag::Set,
        TypeTag::FrozenSet,
        TypeTag::Range,
        TypeTag::Slice,
        TypeTag::Property,
        TypeTag::ClassMethod,
        TypeTag::StaticMethod,
        TypeTag::Super,
        TypeTag::Enumerate,
        TypeTag::Zip,
        TypeTag::Map,
        TypeTag::Filter,
        TypeTag::Reversed,
        TypeTag::MemoryView,
    ] {
        let t = vm.type_obj(tag);
        vm.heap.incref(t);
        let sym = vm.heap.intern_sym(tag.name());
        vm.ns_set(m, sym, t);
    }
    let all = vm.exc_types.all.clone();
    for (name, class) in all {
        vm.heap.incref(class);
        let sym = vm.heap.intern_sym(name);
        vm.ns_set(m, sym, class);
    }
    for (alias, target) in [("EnvironmentError", "OSError"), ("IOError", "OSError")] {
        let t = vm.heap.intern_sym(target);
        if let Some(c) = vm.ns_get(m, t) {
            vm.heap.incref(c);
            let a = vm.heap.intern_sym(alias);
            vm.ns_set(m, a, c);
        }
    }
    let e = vm.ellipsis;
    vm.heap.incref(e);
    let s = vm.heap.intern_sym("Ellipsis");
    vm.ns_set(m, s, e);
    let ni = vm.not_implemented;
    vm.heap.incref(ni);
    let s = vm.heap.intern_sym("NotImplemented");
    vm.ns_set(m, s, ni);
    lists::install(vm);
    dicts::install(vm);
    strings::install(vm);
    bytes::install(vm);
    memview::install(vm);
    {
        use crate::heap::kinds::DescrKind::{Native, NativeMember};
        add_getsets(
            vm,
            TypeTag::Int,
            &["real", "imag", "numerator", "denominator"],
            Native,
        );
        add_getsets(vm, TypeTag::Float, &["real", "imag"], Native);
        add_getsets(vm, TypeTag::Complex, &["real", "imag"], NativeMember);
        add_getsets(vm, TypeTag::Range, &["start", "stop", "step"], NativeMember);
        add_getsets(vm, TypeTag::Generator, &["gi_code"], NativeMember);
        add_getsets(
            vm,
            TypeTag::Generator,
            &["gi_frame", "gi_running", "gi_suspended", "gi_yieldfrom"],
            Native,
        );
        add_getsets(
            vm,
            TypeTag::Coroutine,
            &["cr_code", "cr_origin"],
            NativeMember,
        );
        add_getsets(
            vm,
            TypeTag::Coroutine,
            &["cr_await", "cr_frame", "cr_running", "cr_suspended"],
            Native,
        );
        add_getsets(vm, TypeTag::AsyncGenerator, &["ag_code"], NativeMember);
        // An exception's own fields (a group's message and exceptions are on its class).
        add_getsets(
            vm,
            TypeTag::BaseException,
            &["args", "__cause__", "__context__", "__traceback__"],
            Native,
        );
        add_getsets(
            vm,
            TypeTag::BaseException,
            &["__suppress_context__"],
            NativeMember,
        );
        add_getsets(
            vm,
            TypeTag::BaseException,
            &["__dict__"],
            crate::heap::kinds::DescrKind::Dict,
        );
        add_getsets(
            vm,
            TypeTag::AsyncGenerator,
            &["ag_await", "ag_frame", "ag_running"],
            Native,
        );
    }
    funcs::install_type_methods(vm);
    slots::install(vm);
    subclass::install(vm);
    classes::install(vm);
    super::modules::array::install(vm);
}

/// Checks the number of positional arguments and that there are no keywords.
pub fn check_args(
    vm: &mut Vm,
    name: &str,
    args: &[ObjId],
    kw: &[(Sym, ObjId)],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max && min == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if min == max && min == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if min == max {
        format!("{name} expected {min} arguments, got {n}")
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(msg))
}

/// The value of keyword argument `name`, if given.
pub fn kwarg(vm: &mut Vm, kw: &[(Sym, ObjId)], name: &str) -> Option<ObjId> {
    let s = vm.heap.intern_sym(name);
    kw.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
}

/// Rejects keyword arguments other than `allowed`.
pub fn check_kwargs(
    vm: &mut Vm,
    fname: &str,
    kw: &[(Sym, ObjId)],
    allowed: &[&str],
) -> PyResult<()> {
    for (k, _) in kw {
        let n = vm.heap.sym_name(*k);
        if !allowed.contains(&&*n) {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{n}'"
            )));
        }
    }
    Ok(())
}

/// `range`'s length.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

pub fn range_contains(r: [i64; 3], v: i64) -> bool {
    let [start, stop, step] = r;
    if step > 0 {
        v >= start && v < stop && (v - start) % step == 0
    } else {
        v <= start && v > stop && (start - v) % (-step) == 0
    }
}

/// Type constructors: `int(x)`, `list(it)`, `dict(...)`, ... (arguments borrowed).
pub fn construct(
    vm: &mut Vm,
    tag: TypeTag,
    class: ObjId,
    args: &[ObjId],
    kw: &[(Sym, ObjId)],
) -> PyResult<ObjId> {
    funcs::construct(vm, tag, class, args, kw)
}

/// Attributes of built-in objects that are not methods (`x.real`, `r.start`, `f.__name__`).
pub fn native_attr(vm: &mut Vm, obj: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
    let n = vm.heap.sym_name(name);
    match vm.heap.kind(obj) {
        Kind::Frame(_) => return vm.frame_attr(obj, &n),
        // An exception's fields, and a group's `message` and `exceptions`.
        Kind::Instance(i) if i.exc.is_some() => return vm.exception_attr(obj, name),
        Kind::Traceback(_) => return Ok(vm.traceback_attr(obj, &n)),
        Kind::MemoryView(_) => return memview::view_attr(vm, obj, &n),
        // A coroutine's fields are a generator's, named `cr_` (an asynchronous
        // generator's `ag_`), with `cr_await` for `gi_yieldfrom`; neither has `gi_` ones.
        Kind::Generator(g) if g.is_async() => {
            let coroutine = g.is_coroutine();
            let prefix = if coroutine { "cr_" } else { "ag_" };
            let field: &str = match n.strip_prefix(prefix) {
                Some("running") => "gi_running",
                Some("suspended") if coroutine => "gi_suspended",
                Some("frame") => "gi_frame",
                Some("await") => "gi_yieldfrom",
                Some("code") => "gi_code",
                Some("origin") if coroutine => return Ok(Some(vm.none())),
                _ if n.starts_with("gi_") => return Ok(None),
                _ => &n,
            };
            let field = vm.heap.intern_sym(field);
            return native_attr_of(vm, obj, field);
        }
        _ => {}
    }
    native_attr_of(vm, obj, name)
}

fn native_attr_of(vm: &mut Vm, obj: ObjId, name: Sym) -> PyResult<Option<ObjId>> {
    let n = vm.heap.sym_name(name);
    let v = match (vm.heap.kind(obj), &*n) {
        (
            Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) | Kind::Bool(_),
            "real" | "numerator",
        ) => {
            let i = vm.int_of(obj).unwrap_or(super::num::Int::Small(0));
            vm.new_int_from(i)
        }
        (Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) | Kind::Bool(_), "imag") => vm.new_int(0),
        (Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) | Kind::Bool(_), "denominator") => {
            vm.new_int(1)
        }
        (Kind::Float(_) | Kind::FloatSub(_), "real") => {
            let f = vm.float_of(obj).unwrap_or(0.0);
            vm.new_float(f)
        }
        (Kind::Float(_) | Kind::FloatSub(_), "imag") => vm.new_float(0.0),
        (Kind::Complex(c), "real") => {
            let r = c.0;
            vm.new_float(r)
        }
        (Kind::Complex(c), "imag") => {
            let i = c.1;
            vm.new_float(i)
        }
        (Kind::Range(r), "start" | "stop" | "step") => {
            let i = match &*n {
                "start" => r[0],
                "stop" => r[1],
                _ => r[2],
            };
            vm.new_int(i)
        }
        (Kind::Slice(s), "start" | "stop" | "step") => {
            let v = match &*n {
                "start" => s[0],
                "stop" => s[1],
                _ => s[2],
            };
            vm.heap.incref(v);
            v
        }
        (Kind::Builtin(b), "__name__") => {
            let name = b.name;
            vm.new_str(name)
        }
        // A built-in type's method is qualified by the type (`list.append`).
        (Kind::Builtin(b), "__qualname__") => match b.owner {
            Some(t) => {
                let q = format!("{}.{}", t.name(), b.name);
                vm.new_string(q)
            }
            None => {
                let name = b.name;
                vm.new_str(name)
            }
        },
        // A module's function names its module; a built-in type's method bound to an
        // object, None (an unbound one, a method_descriptor, has no `__module__`).
        (Kind::Builtin(b), "__module__") if b.owner.is_none() || !b.self_.is_null() => {
            match (b.owner, b.module) {
                (None, m) => vm.new_str(m.unwrap_or("builtins")),
                (Some(_), _) => vm.none(),
            }
        }
        (Kind::Builtin(b), "__self__") => {
            let s = if b.self_.is_null() {
                vm.builtins
            } else {
                b.self_
            };
            vm.heap.incref(s);
            s
        }
        (Kind::Method(m), "__func__" | "__self__") => {
            let v = if &*n == "__func__" { m[0] } else { m[1] };
            vm.heap.incref(v);
            v
        }
        (Kind::Method(m), "__name__" | "__qualname__" | "__doc__") => {
            let f = m[0];
            return vm.getattr(f, name).map(Some);
        }
        // A bound method passes on what its function has (method_getattro):
        // `__isabstractmethod__`, `__module__`, a function attribute.
        (Kind::Method(m), n)
            if !(n.starts_with("__") && n.ends_with("__"))
                || matches!(
                    n,
                    "__isabstractmethod__"
                        | "__module__"
                        | "__wrapped__"
                        | "__annotations__"
                        | "__defaults__"
                        | "__kwdefaults__"
                        | "__code__"
                        | "__globals__"
                        | "__closure__"
                ) =>
        {
            let f = m[0];
            return vm.getattr_opt(f, name);
        }
        (Kind::Generator(g), "__name__") => {
            let s = g.name.clone();
            vm.new_str(&s)
        }
        (Kind::Generator(g), "__qualname__") => {
            let s = g.qualname.clone();
            vm.new_str(&s)
        }
        (Kind::Generator(g), "gi_running") => {
            let b = g.running;
            vm.new_bool(b)
        }
        (Kind::Generator(g), "gi_suspended") => {
            let b = g.started && !g.running && g.frame.is_some();
            vm.new_bool(b)
        }
        (Kind::Generator(_), "gi_frame") => vm.gi_frame(obj),
        (Kind::Generator(g), "gi_yieldfrom") => match g.yield_from() {
            Some(sub) => {
                vm.heap.incref(sub);
                sub
            }
            None => vm.none(),
        },
        (Kind::Generator(g), "gi_code") => {
            let c = g.code;
            vm.heap.incref(c);
            c
        }
        (Kind::Code(c), "co_name") => {
            let s = c.code.name.clone();
            vm.new_str(&s)
        }
        (Kind::Code(c), "co_filename") => {
            let s = c.code.filename.clone();
            vm.new_str(&s)
        }
        (Kind::Code(c), "co_firstlineno") => {
            let l = c.code.first_line as i64;
            vm.new_int(l)
        }
        (Kind::Code(c), "co_freevars" | "co_cellvars" | "co_names") => {
            let names: Vec<std::rc::Rc<str>> = match &*n {
                "co_freevars" => c.code.freevars.clone(),
                "co_cellvars" => c.code.cellvars.clone(),
                _ => c.code.names.clone(),
            };
            let items = names.iter().map(|s| vm.new_str(s)).collect();
            vm.new_tuple(items)
        }
        (
            Kind::Code(c),
            "co_kwonlyargcount" | "co_posonlyargcount" | "co_nlocals" | "co_flags" | "co_stacksize",
        ) => {
            let n = match &*n {
                "co_stacksize" => c.code.stacksize as i64,
                "co_kwonlyargcount" => c.code.kwonlyargcount as i64,
                "co_posonlyargcount" => c.code.posonlyargcount as i64,
                "co_nlocals" => c.code.varnames.len() as i64,
                // CPython's bits: a function's code is optimized with new locals, a
                // module's or a class body's has none of these.
                _ => {
                    use crate::compiler::code::flags as co;
                    let f = c.code.flags;
                    let own = co::VARARGS
                        | co::VARKEYWORDS
                        | co::NESTED
                        | co::GENERATOR
                        | co::COROUTINE
                        | co::ASYNC_GENERATOR;
                    match f & (co::MODULE | co::CLASS_BODY) {
                        0 => (0x3 | (f & own)) as i64,
                        _ => 0,
                    }
                }
            };
            vm.new_int(n)
        }
        (Kind::Code(c), "co_argcount") => {
            let n = c.code.argcount as i64;
            vm.new_int(n)
        }
        (Kind::Code(c), "co_consts") => {
            let items: Vec<ObjId> = c.consts.clone();
            for i in &items {
                vm.heap.incref(*i);
            }
            vm.new_tuple(items)
        }
        (Kind::Code(c), "co_varnames") => {
            let names: Vec<std::rc::Rc<str>> = c.code.varnames.clone();
            let items = names.iter().map(|s| vm.new_str(s)).collect();
            vm.new_tuple(items)
        }
        (Kind::Cell(c), "cell_contents") => {
            let c = *c;
            if c.is_null() {
                return Err(vm.value_error("Cell is empty"));
            }
            vm.heap.incref(c);
            c
        }
        (Kind::Descr(d), "__objclass__") => {
            let c = d.owner;
            vm.heap.incref(c);
            c
        }
        (Kind::Descr(d), "__name__") => {
            let name = vm.heap.sym_name(d.name);
            vm.new_str(&name)
        }
        (Kind::Property(p), "fget" | "fset" | "fdel") => {
            let v = match &*n {
                "fget" => p.fns[0],
                "fset" => p.fns[1],
                _ => p.fns[2],
            };
            if v.is_null() {
                vm.none()
            } else {
                vm.heap.incref(v);
                v
            }
        }
        (Kind::ClassMethod(f) | Kind::StaticMethod(f), "__func__") => {
            let f = *f;
            vm.heap.incref(f);
            f
        }
        // Abstract when its function is (or, for a property, one of its functions).
        (Kind::ClassMethod(f) | Kind::StaticMethod(f), "__isabstractmethod__") => {
            let f = *f;
            let b = vm.is_abstract_fn(f)?;
            vm.new_bool(b)
        }
        (Kind::Property(p), "__isabstractmethod__") => {
            let fns = p.fns;
            let mut b = false;
            for f in fns {
                if !f.is_null() && vm.is_abstract_fn(f)? {
                    b = true;
                    break;
                }
            }
            vm.new_bool(b)
        }
        (Kind::Array(a), "typecode") => {
            let c = a.typecode;
            vm.new_char(c)
        }
        (Kind::Array(a), "itemsize") => {
            let s = crate::heap::size::array_item_size(a.typecode) as i64;
            vm.new_int(s)
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}

impl Vm {
    /// Whether `f.__isabstractmethod__` is true (False when it has none).
    fn is_abstract_fn(&mut self, f: ObjId) -> PyResult<bool> {
        let sym = self.heap.intern_sym("__isabstractmethod__");
        match self.getattr_opt(f, sym)? {
            Some(v) => {
                let t = self.truthy(v);
                self.heap.decref(v);
                t
            }
            None => Ok(false),
        }
    }
}

/// The position `seq.pop([i])` takes from a sequence of `len` items (the last by
/// default, negative from the end), or CPython's IndexError: `pop from empty {what}`,
/// `pop index out of range`.
pub fn pop_position(vm: &mut Vm, args: &[ObjId], len: usize, what: &str) -> PyResult<usize> {
    let n = len as i64;
    if n == 0 {
        return Err(vm.index_error(format!("pop from empty {what}")));
    }
    let i = match args.get(1) {
        Some(v) => to_i64(vm, *v, "")?,
        None => -1,
    };
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(idx as usize)
}

/// Sequence and set operators of the built-in types: `+`, `*`, `%` on str, `|`/`&`/`-`/`^`
/// on sets, `|` on dicts. `None` when they do not apply.
pub fn seq_binop(
    vm: &mut Vm,
    a: ObjId,
    b: ObjId,
    op: BinOp,
    inplace: bool,
) -> PyResult<Option<ObjId>> {
    use Kind::*;
    // CPython gives an exact str, tuple or bytes operand back where the result would
    // equal it: `s + ''`, `'' + s`, `t + ()`, `s * 1`, `1 * t`.
    let one = |k: &Kind| match k {
        Int(1) | Bool(true) => true,
        IntSub(i) => matches!(i.value, crate::vm::num::Int::Small(1)),
        _ => false,
    };
    let empty = |k: &Kind| match k {
        Str(s) => s.s.is_empty(),
        Tuple(t) => t.is_empty(),
        Bytes(b) => b.is_empty(),
        _ => false,
    };
    let same = match (vm.heap.kind(a), vm.heap.kind(b), op) {
        (Str(_), Str(_), BinOp::Add)
        | (Tuple(_), Tuple(_), BinOp::Add)
        | (Bytes(_), Bytes(_), BinOp::Add) => {
            if empty(vm.heap.kind(b)) {
                Some(a)
            } else if empty(vm.heap.kind(a)) {
                Some(b)
            } else {
                Option::None
            }
        }
        (Str(_) | Tuple(_) | Bytes(_), k, BinOp::Mul) if one(k) => Some(a),
        (k, Str(_) | Tuple(_) | Bytes(_), BinOp::Mul) if one(k) => Some(b),
        _ => Option::None,
    };
    if let Some(v) = same
        && !vm.is_subclass_instance(v)
    {
        vm.heap.incref(v);
        return Ok(Some(v));
    }
    match (vm.heap.kind(a), vm.heap.kind(b), op) {
        (Str(x), Str(y), BinOp::Add) => {
            let mut s = String::with_capacity(x.s.len() + y.s.len());
            s.push_str(&x.s);
            s.push_str(&y.s);
            Ok(Some(vm.new_string(s)))
        }
        (Str(_), _, BinOp::Mod) => strings::percent(vm, a, b).map(Some),
        (Bytes(_) | ByteArray(_), _, BinOp::Mod) => {
            let fmt = vm.bytes_like(a).unwrap_or_default();
            let out = super::strfmt::percent_format_bytes(vm, &fmt, b)?;
            Ok(Some(if matches!(vm.heap.kind(a), ByteArray(_)) {
                vm.new_bytearray(out)
            } else {
                vm.new_bytes(out)
            }))
        }
        // (The count may be an int subclass's instance, an IntEnum member: its value.)
        (Str(_) | List(_) | Tuple(_) | Bytes(_), Int(_) | Bool(_) | IntSub(_), BinOp::Mul) => {
            funcs::repeat(vm, a, b, inplace).map(Some)
        }
        (Int(_) | Bool(_) | IntSub(_), Str(_) | List(_) | Tuple(_) | Bytes(_), BinOp::Mul) => {
            funcs::repeat(vm, b, a, false).map(Some)
        }
        (List(_), List(_), BinOp::Add) if !inplace => {
            let mut items = vm.seq_items(a);
            items.extend(vm.seq_items(b));
            Ok(Some(vm.new_list(items)))
        }
        (List(_), _, BinOp::Add) if inplace => {
            vm.list_extend(a, b)?;
            vm.heap.incref(a);
            Ok(Some(a))
        }
        (Tuple(_), Tuple(_), BinOp::Add) => {
            let mut items = vm.seq_items(a);
            items.extend(vm.seq_items(b));
            Ok(Some(vm.new_tuple(items)))
        }
        (Bytes(x), Bytes(y) | ByteArray(y), BinOp::Add) => {
            let mut v = (**x).clone();
            v.extend_from_slice(y);
            Ok(Some(vm.new_bytes(v)))
        }
        (Bytes(_), MemoryView(_) | Array(_), BinOp::Add) => {
            let mut v = vm.bytes_like(a).unwrap_or_default();
            v.extend(memview::bytes_of_buffer(vm, b)?);
            Ok(Some(vm.new_bytes(v)))
        }
        // `ba += x` grows it in place (one resize); `ba + x` is a new bytearray.
        (ByteArray(_), Bytes(_) | ByteArray(_) | MemoryView(_) | Array(_), BinOp::Add) => {
            let more = memview::bytes_of_buffer(vm, b)?;
            if inplace {
                vm.bytearray_edit(a, |v| v.extend_from_slice(&more))?;
                vm.heap.incref(a);
                return Ok(Some(a));
            }
            let mut v = vm.bytes_like(a).unwrap_or_default();
            v.extend_from_slice(&more);
            Ok(Some(vm.new_bytearray(v)))
        }
        (ByteArray(_), Int(_) | Bool(_), BinOp::Mul) => {
            let n = to_i64(vm, b, "")?.max(0) as usize;
            let data = vm.bytes_like(a).unwrap_or_default();
            if data.len().saturating_mul(n) > 1 << 31 {
                return Err(vm.memory_error());
            }
            if inplace {
                vm.bytearray_edit(a, |v| *v = data.repeat(n))?;
                vm.heap.incref(a);
                return Ok(Some(a));
            }
            Ok(Some(vm.new_bytearray(data.repeat(n))))
        }
        (
            Set(_) | FrozenSet(_),
            Set(_) | FrozenSet(_),
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
        ) => funcs::set_binop(vm, a, b, op, inplace).map(Some),
        (Array(_), Array(_), BinOp::Add) | (Array(_), Int(_), BinOp::Mul) => {
            crate::vm::modules::array::array_binop(vm, a, b, op).map(Some)
        }
        // Key and item views are set-like, on either side of the operator: the result is
        // `set(a)` combined with the other operand, any iterable (dictviews_and...).
        (_, _, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor)
            if set_like_view(vm, a) || set_like_view(vm, b) =>
        {
            let left = funcs::new_set_of(vm, a)?;
            with_set_of(vm, left, b, |vm, l, r| {
                funcs::set_binop(vm, l, r, op, false)
            })
            .map(Some)
        }
        (Dict(_), Dict(_), BinOp::Or) => {
            let d = if inplace {
                vm.heap.incref(a);
                a
            } else {
                let d = vm.new_dict();
                vm.dict_update_from(d, a, false, ObjId::NULL)?;
                d
            };
            vm.dict_update_from(d, b, false, ObjId::NULL)?;
            Ok(Some(d))
        }
        _ => Ok(Option::None),
    }
}

/// `f(left, b as a set)`, both held while it runs; `left` (owned) and the set made of
/// `b` are let go after.
fn with_set_of<T>(
    vm: &mut Vm,
    left: ObjId,
    b: ObjId,
    f: impl FnOnce(&mut Vm, ObjId, ObjId) -> PyResult<T>,
) -> PyResult<T> {
    let right = match vm.while_holding(&[left], |vm| funcs::as_set(vm, b)) {
        Ok(r) => r,
        Err(e) => {
            vm.heap.decref(left);
            return Err(e);
        }
    };
    let r = vm.while_holding(&[left, right], |vm| f(vm, left, right));
    vm.heap.decref(left);
    vm.heap.decref(right);
    r
}

/// A dict's keys or items view, which set operations and comparisons take as a set (not
/// its values view).
fn set_like_view(vm: &Vm, v: ObjId) -> bool {
    matches!(vm.heap.kind(v), Kind::DictView(dv) if dv.0 != TypeTag::DictValues)
}

/// Comparisons of built-in sequences, strings and sets; `None` when they do not apply.
pub fn native_compare(vm: &mut Vm, a: ObjId, b: ObjId, op: CmpOp) -> PyResult<Option<bool>> {
    use Kind::*;
    match (vm.heap.kind(a), vm.heap.kind(b)) {
        (Str(x), Str(y)) => Ok(Some(super::ops::ordering_matches(x.s.cmp(&y.s), op))),
        (Bytes(x), Bytes(y)) => Ok(Some(super::ops::ordering_matches(x.cmp(y), op))),
        // A bytearray compares by its bytes with a bytearray or a bytes.
        (ByteArray(x), ByteArray(y)) => Ok(Some(super::ops::ordering_matches(x.cmp(y), op))),
        (ByteArray(x), Bytes(y)) => Ok(Some(super::ops::ordering_matches(
            x.as_slice().cmp(&y[..]),
            op,
        ))),
        (Bytes(x), ByteArray(y)) => Ok(Some(super::ops::ordering_matches(
            x[..].cmp(y.as_slice()),
            op,
        ))),
        // Two tuples compare item by item, as tuplerichcompare, without copying or
        // holding the items: the tuples (held by the caller) cannot change.
        (Tuple(x), Tuple(y)) => {
            let (lx, ly) = (x.len(), y.len());
            for i in 0..lx.min(ly) {
                let item = |vm: &Vm, t: ObjId| match vm.heap.kind(t) {
                    Tuple(t) => t.get(i).copied(),
                    _ => Option::None,
                };
                let (Some(p), Some(q)) = (item(vm, a), item(vm, b)) else {
                    break;
                };
                if !vm.eq(p, q)? {
                    return match op {
                        CmpOp::Eq => Ok(Some(false)),
                        CmpOp::Ne => Ok(Some(true)),
                        _ => vm.compare_bool(p, q, op).map(Some),
                    };
                }
            }
            Ok(Some(super::ops::ordering_matches(lx.cmp(&ly), op)))
        }
        (List(_), List(_)) => {
            let xs = vm.seq_items(a);
            let ys = vm.seq_items(b);
            // The items are held while their comparisons may run Python code.
            let mark = vm.held.len();
            vm.held.extend_from_slice(&xs);
            vm.held.extend_from_slice(&ys);
            let r = seq_compare(vm, &xs, &ys, op);
            vm.held.truncate(mark);
            vm.release_all(xs);
            vm.release_all(ys);
            r.map(Some)
        }
        (Array(_), Array(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let xs = vm.collect(a)?;
            let ys = vm.collect(b)?;
            // The items are held while their comparisons may run Python code.
            let mark = vm.held.len();
            vm.held.extend_from_slice(&xs);
            vm.held.extend_from_slice(&ys);
            let r = seq_compare(vm, &xs, &ys, op);
            vm.held.truncate(mark);
            vm.release_all(xs);
            vm.release_all(ys);
            r.map(Some)
        }
        (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
            funcs::set_compare(vm, a, b, op).map(Some)
        }
        (Dict(_), Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let eq = funcs::dict_eq(vm, a, b)?;
            Ok(Some(eq == (op == CmpOp::Eq)))
        }
        (Range(x), Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let (x, y) = (**x, **y);
            let norm = |r: [i64; 3]| {
                let n = range_len(r[0], r[1], r[2]);
                (
                    n,
                    if n > 0 { r[0] } else { 0 },
                    if n > 1 { r[2] } else { 0 },
                )
            };
            Ok(Some((norm(x) == norm(y)) == (op == CmpOp::Eq)))
        }
        // A key or item view compares as a set with a set or another such view.
        (DictView(_), DictView(_) | Set(_) | FrozenSet(_))
        | (Set(_) | FrozenSet(_), DictView(_))
            if (set_like_view(vm, a) || !matches!(vm.heap.kind(a), DictView(_)))
                && (set_like_view(vm, b) || !matches!(vm.heap.kind(b), DictView(_))) =>
        {
            let left = funcs::as_set(vm, a)?;
            with_set_of(vm, left, b, |vm, l, r| funcs::set_compare(vm, l, r, op)).map(Some)
        }
        _ => Ok(Option::None),
    }
}

/// Lexicographic comparison of two sequences of borrowed items.
pub fn seq_compare(vm: &mut Vm, xs: &[ObjId], ys: &[ObjId], op: CmpOp) -> PyResult<bool> {
    for (x, y) in xs.iter().zip(ys.iter()) {
        if !vm.eq(*x, *y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => vm.compare_bool(*x, *y, op),
            };
        }
    }
    Ok(super::ops::ordering_matches(xs.len().cmp(&ys.len()), op))
}

/// An i64 from an int object, with CPython's OverflowError for big values.
pub fn to_i64(vm: &mut Vm, v: ObjId, what: &str) -> PyResult<i64> {
    match vm.heap.kind(v) {
        Kind::Int(i) => Ok(*i),
        Kind::Bool(b) => Ok(*b as i64),
        Kind::BigInt(b) => match b.to_i64() {
            Some(i) => Ok(i),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        Kind::IntSub(i) => match &i.value {
            crate::vm::num::Int::Small(v) => Ok(*v),
            crate::vm::num::Int::Big(_) => {
                Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
            }
        },
        _ => {
            if let Some(r) = vm.try_dunder(v, "__index__", &[])? {
                let i = vm.small_int_of(r);
                vm.heap.decref(r);
                if let Some(i) = i {
                    return Ok(i);
                }
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{tn}' object cannot be interpreted as an integer{what}"
            )))
        }
    }
}
