//! The `sys` module: refcounts and sizes straight from the modelled heap.

use crate::heap::flags;
use crate::heap::kinds::NativeFn;
use crate::heap::kinds::{Class, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::builtins::{check_args, new_native_module, to_i64};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("getrefcount", getrefcount),
        ("getsizeof", getsizeof),
        ("intern", intern),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exit", exit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("_getframe", getframe),
        ("set_asyncgen_hooks", set_asyncgen_hooks),
        ("get_asyncgen_hooks", get_asyncgen_hooks),
    ];
    let m = new_native_module(vm, "sys", FUNCS);
    let argv: Vec<String> = vm.options.argv.clone();
    let items: Vec<_> = argv.iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(items);
    set(vm, m, "argv", argv);
    // version_info, float_info, int_info, hash_info: tuples with named items.
    let version = [
        vm.new_int(3),
        vm.new_int(11),
        vm.new_int(7),
        vm.new_str("final"),
        vm.new_int(0),
    ];
    let float = [
        vm.new_float(f64::MAX),
        vm.new_int(1024),
        vm.new_int(308),
        vm.new_float(f64::MIN_POSITIVE),
        vm.new_int(-1021),
        vm.new_int(-307),
        vm.new_int(15),
        vm.new_int(53),
        vm.new_float(f64::EPSILON),
        vm.new_int(2),
        vm.new_int(1),
    ];
    let int = [30, 4, 4300, 640].map(|n| vm.new_int(n));
    let hash = [
        vm.new_int(64),
        vm.new_int((1 << 61) - 1),
        vm.new_int(314159),
        vm.new_int(0),
        vm.new_int(1000003),
        vm.new_str("siphash13"),
        vm.new_int(64),
        vm.new_int(128),
        vm.new_int(0),
    ];
    for (i, values) in [
        version.to_vec(),
        float.to_vec(),
        int.to_vec(),
        hash.to_vec(),
    ]
    .into_iter()
    .enumerate()
    {
        let (name, _) = STRUCT_SEQS[i];
        let v = struct_seq(vm, i, values);
        set(vm, m, name, v);
    }
    let n = vm.new_int(0x10ffff);
    set(vm, m, "maxunicode", n);
    for (name, value) in [("byteorder", "little"), ("float_repr_style", "short")] {
        let v = vm.new_str(value);
        set(vm, m, name, v);
    }
    let v = vm.new_str("3.11.7 (refscope: a modelled CPython heap)");
    set(vm, m, "version", v);
    // 3.11.7 final, as `version_info`.
    let hv = vm.new_int(0x030b_07f0);
    set(vm, m, "hexversion", hv);
    let mx = vm.new_int(i64::MAX);
    set(vm, m, "maxsize", mx);
    let p = vm.new_str("refscope");
    set(vm, m, "platform", p);
    for name in ["stdout", "stderr"] {
        let f = new_native_module(
            vm,
            if name == "stdout" {
                "<stdout>"
            } else {
                "<stderr>"
            },
            &[
                (
                    "write",
                    if name == "stdout" {
                        write_out
                    } else {
                        write_err
                    },
                ),
                ("flush", flush),
            ],
        );
        set(vm, m, name, f);
    }
    m
}

/// sys's struct sequences: their names and their items' names.
pub const STRUCT_SEQS: [(&str, &[&str]); 5] = [
    (
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    ),
    (
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    ),
    (
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    ),
    (
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    ),
    // (Made by `get_asyncgen_hooks()`, not at start-up; its type is builtins'.)
    ("asyncgen_hooks", &["firstiter", "finalizer"]),
];

/// `STRUCT_SEQS`' index of `asyncgen_hooks`.
const ASYNCGEN_HOOKS: usize = 4;

/// The struct sequence `STRUCT_SEQS[which]` holding `values` (owned, moved in): an
/// instance of a tuple type of the runtime (`sys.version_info`), untracked as CPython's
/// are. A new reference.
fn struct_seq(vm: &mut Vm, which: usize, values: Vec<ObjId>) -> ObjId {
    // Each class is made once (asyncgen_hooks' at the first get_asyncgen_hooks()).
    let (class, made) = match vm.struct_seqs.iter().find(|(_, w)| *w == which) {
        Some(&(class, _)) => (class, false),
        None => (struct_seq_class(vm, which), true),
    };
    let ext = Some(Box::new(vm.empty_instance(class)));
    let inst = vm
        .heap
        .alloc(Kind::Tuple(Box::new(crate::heap::kinds::TupleObj {
            items: values,
            ext,
        })));
    vm.heap.set_flag(inst, flags::SUBCLASS_INSTANCE);
    if made {
        // (The instance holds the new class now.)
        vm.heap.decref(class);
    }
    vm.heap.resize(inst);
    vm.heap.untrack(inst);
    inst
}

/// The tuple type of the struct sequence `STRUCT_SEQS[which]`, made and registered (a
/// new reference): the runtime's, as CPython has it before a program starts (immortal,
/// not counted against the program's heap limit).
fn struct_seq_class(vm: &mut Vm, which: usize) -> ObjId {
    let (name, _) = STRUCT_SEQS[which];
    let tuple = vm.type_obj(TypeTag::Tuple);
    let object = vm.type_obj(TypeTag::Object);
    vm.heap.incref(tuple);
    let class = Class {
        name: name.into(),
        qualname: name.into(),
        module: if which == ASYNCGEN_HOOKS {
            "builtins"
        } else {
            "sys"
        }
        .into(),
        bases: vec![tuple],
        mro: vec![tuple, object],
        base: tuple,
        bases_tuple: ObjId::NULL,
        mro_tuple: ObjId::NULL,
        ns: crate::vm::objects::new_runtime_type_dict(vm),
        native: None,
        base_native: TypeTag::Tuple,
        slots: Some(vec![]),
        has_dict: false,
        has_del: false,
        keys: None,
        instance_size: vm.class(tuple).map_or(24, |c| c.instance_size),
        meta: ObjId::NULL,
    };
    let class = vm.heap.alloc(Kind::Class(Box::new(class)));
    vm.heap.set_flag(class, flags::IMMORTAL);
    vm.heap.set_size(class, crate::heap::size::STATIC_TYPE_SIZE);
    vm.heap.untrack(class);
    vm.struct_seqs.push((class, which));
    class
}

impl Vm {
    /// The item names of a struct sequence (`sys.version_info`), None for other objects.
    pub fn struct_seq_fields(&self, obj: ObjId) -> Option<(&'static str, &'static [&'static str])> {
        let class = match self.heap.kind(obj) {
            Kind::Tuple(t) => t.ext.as_ref()?.class,
            _ => return None,
        };
        let (_, which) = self.struct_seqs.iter().find(|(c, _)| *c == class)?;
        Some(STRUCT_SEQS[*which])
    }

    /// `sys.version_info.major`: a struct sequence's item by name (new reference).
    pub fn struct_seq_attr(&mut self, obj: ObjId, name: &str) -> Option<ObjId> {
        let (_, fields) = self.struct_seq_fields(obj)?;
        if matches!(name, "n_fields" | "n_sequence_fields" | "n_unnamed_fields") {
            let n = if name == "n_unnamed_fields" {
                0
            } else {
                fields.len()
            };
            return Some(self.new_int(n as i64));
        }
        let i = fields.iter().position(|f| *f == name)?;
        let v = self.tuple_item(obj, i);
        self.heap.incref(v);
        Some(v)
    }

    /// `repr(sys.version_info)`: `sys.version_info(major=3, minor=11, ...)`.
    pub fn struct_seq_repr(&mut self, obj: ObjId) -> Option<PyResult<String>> {
        let (name, fields) = self.struct_seq_fields(obj)?;
        let mut parts = vec![];
        for (i, f) in fields.iter().enumerate() {
            let v = self.tuple_item(obj, i);
            match self.repr_of(v) {
                Ok(r) => parts.push(format!("{f}={r}")),
                Err(e) => return Some(Err(e)),
            }
        }
        // As CPython's type names: `sys.version_info`, but `asyncgen_hooks` (builtins).
        let module = self.type_of(obj);
        let module = self.class(module).map(|c| c.module.clone());
        let prefix = match module.as_deref() {
            Some("builtins") | None => String::new(),
            Some(m) => format!("{m}."),
        };
        Some(Ok(format!("{prefix}{name}({})", parts.join(", "))))
    }
}

fn set(vm: &mut Vm, m: ObjId, name: &str, v: ObjId) {
    let s = vm.heap.intern_sym(name);
    vm.ns_set(m, s, v);
}

fn stream_name(vm: &Vm, f: ObjId) -> Option<&str> {
    match vm.heap.kind(f) {
        Kind::Module(m) => Some(&m.name),
        _ => None,
    }
}

/// `sys.stdout` or `sys.stderr` (`name`) when the program replaced it with an object of
/// its own (borrowed); None while it is refscope's stream, or sys was never imported.
pub fn replaced_stream(vm: &Vm, name: &str) -> Option<ObjId> {
    let (_, sys) = vm.modules.iter().find(|(k, _)| &**k == "sys")?;
    let Kind::Module(m) = vm.heap.kind(*sys) else {
        return None;
    };
    let sym = vm.heap.syms.lookup(name)?;
    let f = m.dict.get(sym)?;
    stream_name(vm, f).is_none().then_some(f)
}

pub fn is_stdout(vm: &Vm, f: ObjId) -> bool {
    stream_name(vm, f) == Some("<stdout>")
}

pub fn is_stderr(vm: &Vm, f: ObjId) -> bool {
    stream_name(vm, f) == Some("<stderr>")
}

/// `sys.stdout.write(s)` / `sys.stderr.write(s)`: the number of characters written.
fn write_to(vm: &mut Vm, args: &[ObjId], kw: Kw, err: bool) -> PyResult<ObjId> {
    check_args(vm, "write", args, kw, 1, 1)?;
    let Some(s) = vm.as_str(args[0]).map(|s| s.to_string()) else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    };
    if err {
        vm.out.write_err(&s);
    } else {
        vm.out.write_out(&s);
    }
    Ok(vm.new_int(s.chars().count() as i64))
}

fn write_out(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    write_to(vm, args, kw, false)
}

fn write_err(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    write_to(vm, args, kw, true)
}

fn flush(vm: &mut Vm, _args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    Ok(vm.none())
}

/// `sys.getrefcount(x)`: the object's refcount, which includes the reference the call's
/// argument holds, exactly as in CPython.
fn getrefcount(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "sys.getrefcount", args, kw, 1, 1)?;
    let rc = vm.heap.get(args[0]).rc as i64;
    Ok(vm.new_int(rc))
}

fn getsizeof(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    // (Argument Clinic's messages.)
    if args.is_empty() && kw.is_empty() {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "getsizeof() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    check_args(vm, "getsizeof", args, kw, 1, 2)?;
    let obj = args[0];
    // A class's own `__sizeof__`, plus the headers in front of the object.
    let ty = vm.type_of(obj);
    let sizeof = vm.heap.intern_sym("__sizeof__");
    if vm.is_user_class(ty)
        && let Some(f) = vm.class_lookup(ty, sizeof)
        && matches!(vm.heap.kind(f), Kind::Function(_))
    {
        let r = vm.call(f, &[obj])?;
        let n = vm.int_of(r);
        vm.heap.decref(r);
        let Some(n) = n else {
            return Err(vm.type_error("an integer is required"));
        };
        let n = n.to_bigint();
        if n < 0.into() {
            return Err(vm.value_error("__sizeof__() should return >= 0"));
        }
        let total = n + vm.preheader_size(obj);
        return Ok(vm.new_bigint(total));
    }
    let n = vm.sizeof(obj) as i64;
    Ok(vm.new_int(n))
}

impl Vm {
    /// `sys.getsizeof(obj)` as the model has it. A split dict's size changes as its
    /// class makes instances: it is brought up to date first.
    pub fn sizeof(&mut self, obj: ObjId) -> usize {
        if matches!(self.heap.kind(obj), Kind::Dict(t) if t.split.is_some()) {
            self.heap.resize(obj);
        }
        if let Kind::Dict(t) = self.heap.kind(obj)
            && let Some(ext) = t.ext.as_deref()
            && self.is_ordered_dict_class(ext.class)
        {
            // odict_sizeof: the dict, OrderedDict's own fields (64 bytes more than a
            // dict's), its array of node pointers (one per key slot, once the dict has
            // keys of its own) and a 32-byte node per item.
            let n = t.model_size;
            return crate::heap::size::dict_size(t) + 64 + 8 * n + 32 * t.len();
        }
        self.heap.get(obj).size as usize
    }

    /// Whether a class is collections.OrderedDict or derives from it.
    fn is_ordered_dict_class(&self, class: ObjId) -> bool {
        let is_od = |c: ObjId| {
            self.class(c)
                .is_some_and(|c| &*c.name == "OrderedDict" && &*c.module == "collections")
        };
        is_od(class)
            || self
                .class(class)
                .is_some_and(|c| c.mro.iter().any(|b| is_od(*b)))
    }

    /// What `sys.getsizeof` adds to `__sizeof__()`: the gc header of a gc type's
    /// objects, and the managed dict pointers of an instance whose class gives it one
    /// (`_PyType_PreHeaderSize`).
    pub fn preheader_size(&self, obj: ObjId) -> usize {
        let kind = self.heap.kind(obj);
        let gc = match kind {
            // (A bare `object()` is not a gc object.)
            Kind::Instance(inst) => self.class(inst.class).is_some_and(|c| c.native.is_none()),
            k => crate::heap::size::is_gc_kind(k),
        };
        let ty = self.type_of(obj);
        let managed = self.class(ty).is_some_and(|c| c.keys.is_some());
        16 * (gc as usize + managed as usize)
    }
}

/// `object.__sizeof__`: the object's size without the headers in front of it.
pub fn object_sizeof(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__sizeof__", args, kw, 1, 1)?;
    let n = vm.sizeof(args[0]) - vm.preheader_size(args[0]);
    Ok(vm.new_int(n as i64))
}

fn intern(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "intern", args, kw, 1, 1)?;
    let Some(s) = vm.as_str(args[0]).map(|s| s.to_string()) else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("intern() argument must be str, not {tn}")));
    };
    if vm.is_subclass_instance(args[0]) {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("can't intern {tn}")));
    }
    if let Some(existing) = vm.heap.interned(&s) {
        vm.heap.incref(existing);
        return Ok(existing);
    }
    if !vm.heap.has_flag(args[0], crate::heap::flags::IMMORTAL) {
        vm.heap.add_interned(args[0]);
    }
    vm.heap.incref(args[0]);
    Ok(args[0])
}

/// `sys.exception()`: the exception being handled (in an `except` block, here or in a
/// caller), or None.
fn exception(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "exception", args, kw, 0, 0)?;
    match vm.handled.last().copied() {
        Some(e) => {
            vm.heap.incref(e);
            Ok(e)
        }
        None => Ok(vm.none()),
    }
}

/// `sys.set_asyncgen_hooks(firstiter, finalizer)`: what an asynchronous generator calls
/// when first iterated, and what it is handed to instead of being closed when freed
/// (asyncio's loop sets both). A hook not given stays; None removes it.
fn set_asyncgen_hooks(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    const NAMES: [&str; 2] = ["firstiter", "finalizer"];
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut given: [Option<ObjId>; 2] = [args.first().copied(), args.get(1).copied()];
    for &(name, v) in kw {
        let n = vm.heap.sym_name(name);
        match NAMES.iter().position(|x| *x == &*n) {
            Some(i) => given[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "set_asyncgen_hooks() got an unexpected keyword argument '{n}'"
                )));
            }
        }
    }
    // Both are checked before either is set, as CPython does.
    for (i, v) in given.iter().enumerate() {
        if let Some(v) = *v
            && v != vm.none
            && !vm.is_callable(v)
        {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("callable {} expected, got {tn}", NAMES[i])));
        }
    }
    for (i, v) in given.into_iter().enumerate() {
        let Some(v) = v else { continue };
        let new = if v == vm.none {
            ObjId::NULL
        } else {
            vm.heap.incref(v);
            v
        };
        let old = std::mem::replace(&mut vm.asyncgen_hooks[i], new);
        vm.heap.xdecref(old);
    }
    Ok(vm.none())
}

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter, finalizer)`, None for a hook
/// not set.
fn get_asyncgen_hooks(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "get_asyncgen_hooks", args, kw, 0, 0)?;
    let items = vm
        .asyncgen_hooks
        .map(|h| if h.is_null() { vm.none } else { h })
        .to_vec();
    for v in &items {
        vm.heap.incref(*v);
    }
    Ok(struct_seq(vm, ASYNCGEN_HOOKS, items))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled, or three
/// Nones. refscope keeps tracebacks as text, so the third item is always None.
fn exc_info(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "exc_info", args, kw, 0, 0)?;
    let items = match vm.handled.last().copied() {
        Some(e) => {
            let ty = vm.type_of(e);
            vm.heap.incref(ty);
            vm.heap.incref(e);
            let tb = vm.exc_traceback(e);
            vec![ty, e, tb]
        }
        None => vec![vm.none(), vm.none(), vm.none()],
    };
    Ok(vm.new_tuple(items))
}

/// `sys._getframe(depth=0)`.
fn getframe(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "_getframe", args, kw, 0, 1)?;
    let depth = match args.first() {
        Some(d) => to_i64(vm, *d, "")?,
        None => 0,
    };
    vm.getframe(depth)
}

fn getrecursionlimit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "getrecursionlimit", args, kw, 0, 0)?;
    let l = vm.recursion_limit_set as i64;
    Ok(vm.new_int(l))
}

fn setrecursionlimit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "setrecursionlimit", args, kw, 1, 1)?;
    let n = to_i64(vm, args[0], "")?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // The engine runs on a large stack; past this, native nesting could exhaust it. The
    // program still reads back the limit it set.
    vm.recursion_limit_set = n as usize;
    vm.recursion_limit = (n as usize).min(100_000);
    Ok(vm.none())
}

fn exit(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    let args: Vec<ObjId> = args.to_vec();
    for a in &args {
        vm.heap.incref(*a);
    }
    Err(crate::vm::Exc(
        vm.new_exception_args(vm.exc_types.system_exit, args),
    ))
}
