//! Exceptions: the built-in exception classes, raising them from native code, and the
//! traceback CPython prints for an uncaught one.

use std::rc::Rc;

use super::{PyResult, Vm};
use crate::heap::kinds::{Class, ExcData, Instance, TbEntry, TracebackObj, TypeTag};
use crate::heap::{Kind, ObjId, SymMap};

/// A raised exception: an owned reference to the exception instance.
#[derive(Debug)]
pub struct Exc(pub ObjId);

/// The built-in exception classes.
#[derive(Default, Clone)]
pub struct ExcTypes {
    pub base_exception: ObjId,
    pub exception: ObjId,
    pub system_exit: ObjId,
    pub keyboard_interrupt: ObjId,
    pub generator_exit: ObjId,
    pub stop_iteration: ObjId,
    pub stop_async_iteration: ObjId,
    pub arithmetic_error: ObjId,
    pub overflow_error: ObjId,
    pub zero_division_error: ObjId,
    pub assertion_error: ObjId,
    pub attribute_error: ObjId,
    pub import_error: ObjId,
    pub module_not_found_error: ObjId,
    pub lookup_error: ObjId,
    pub index_error: ObjId,
    pub key_error: ObjId,
    pub memory_error: ObjId,
    pub name_error: ObjId,
    pub unbound_local_error: ObjId,
    pub os_error: ObjId,
    pub runtime_error: ObjId,
    pub not_implemented_error: ObjId,
    pub recursion_error: ObjId,
    pub type_error: ObjId,
    pub value_error: ObjId,
    pub unicode_error: ObjId,
    pub unicode_encode_error: ObjId,
    pub unicode_decode_error: ObjId,
    pub syntax_error: ObjId,
    pub eof_error: ObjId,
    pub base_exception_group: ObjId,
    pub exception_group: ObjId,
    /// Every built-in exception class with its name, for the builtins module.
    pub all: Vec<(&'static str, ObjId)>,
}

/// The OSError subclass CPython 3.11 makes for an errno (Linux's numbers).
fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        // EAGAIN (EWOULDBLOCK), EALREADY, EINPROGRESS
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        // EPIPE, ESHUTDOWN
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        4 => "InterruptedError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        // EPERM, EACCES
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";

/// Where the uncaught-exception printer is: its text so far, the exceptions printed
/// (each once), how deep in groups it is, and whether a group's box still needs its
/// closing line.
#[derive(Default)]
struct ExcPrinter {
    out: String,
    seen: Vec<ObjId>,
    depth: usize,
    need_close: bool,
}

impl ExcPrinter {
    fn margin_str(&self) -> &'static str {
        if self.depth > 0 { "| " } else { "" }
    }

    fn indent(&mut self) {
        for _ in 0..2 * self.depth {
            self.out.push(' ');
        }
    }

    /// The indent and margin that start each line inside a group.
    fn margin(&mut self) {
        self.indent();
        let m = self.margin_str();
        self.out.push_str(m);
    }
}

/// (name, parent name) in creation order.
const HIERARCHY: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

pub fn create_exception_types(vm: &mut Vm) {
    let object = vm.type_obj(TypeTag::Object);
    let base = new_builtin_class(vm, "BaseException", &[object], Some(TypeTag::BaseException));
    // Held both as the built-in type and as an exception class.
    vm.heap.incref(base);
    vm.types[TypeTag::BaseException as usize] = base;
    let mut all = vec![("BaseException", base)];
    for (name, parent) in HIERARCHY {
        let parent_id = all
            .iter()
            .find(|(n, _)| n == parent)
            .map(|(_, id)| *id)
            .unwrap_or(base);
        let id = new_builtin_class(vm, name, &[parent_id], None);
        all.push((name, id));
    }
    let (beg, eg) = create_group_types(vm, &all);
    all.push(("BaseExceptionGroup", beg));
    all.push(("ExceptionGroup", eg));
    let get = |n: &str| {
        all.iter()
            .find(|(name, _)| *name == n)
            .map(|(_, id)| *id)
            .unwrap_or(base)
    };
    vm.exc_types = ExcTypes {
        base_exception: base,
        exception: get("Exception"),
        system_exit: get("SystemExit"),
        keyboard_interrupt: get("KeyboardInterrupt"),
        generator_exit: get("GeneratorExit"),
        stop_iteration: get("StopIteration"),
        stop_async_iteration: get("StopAsyncIteration"),
        arithmetic_error: get("ArithmeticError"),
        overflow_error: get("OverflowError"),
        zero_division_error: get("ZeroDivisionError"),
        assertion_error: get("AssertionError"),
        attribute_error: get("AttributeError"),
        import_error: get("ImportError"),
        module_not_found_error: get("ModuleNotFoundError"),
        lookup_error: get("LookupError"),
        index_error: get("IndexError"),
        key_error: get("KeyError"),
        memory_error: get("MemoryError"),
        name_error: get("NameError"),
        unbound_local_error: get("UnboundLocalError"),
        os_error: get("OSError"),
        runtime_error: get("RuntimeError"),
        not_implemented_error: get("NotImplementedError"),
        recursion_error: get("RecursionError"),
        type_error: get("TypeError"),
        value_error: get("ValueError"),
        unicode_error: get("UnicodeError"),
        unicode_encode_error: get("UnicodeEncodeError"),
        unicode_decode_error: get("UnicodeDecodeError"),
        syntax_error: get("SyntaxError"),
        eof_error: get("EOFError"),
        base_exception_group: beg,
        exception_group: eg,
        all,
    };
}

/// `BaseExceptionGroup(BaseException)` and `ExceptionGroup(BaseExceptionGroup,
/// Exception)`, whose MRO is C3's; CPython makes the latter as a class statement would,
/// so its instances take weak references (8 bytes more).
fn create_group_types(vm: &mut Vm, all: &[(&str, ObjId)]) -> (ObjId, ObjId) {
    let named = |n: &str| all.iter().find(|(name, _)| *name == n).map(|(_, id)| *id);
    let (Some(base), Some(exception)) = (named("BaseException"), named("Exception")) else {
        return (ObjId::NULL, ObjId::NULL);
    };
    let object = vm.type_obj(TypeTag::Object);
    let beg = new_builtin_class(vm, "BaseExceptionGroup", &[base], None);
    let eg = new_builtin_class(vm, "ExceptionGroup", &[beg, exception], None);
    if let Kind::Class(c) = vm.heap.kind_mut(eg) {
        c.mro = vec![beg, exception, base, object];
    }
    // ExceptionGroup is a heap type (see `Vm::new`): a `__doc__` of None, a
    // `__module__` of its own, and weak references.
    use super::builtins::{add_getsets_to, class_ns_set};
    let none = vm.none();
    class_ns_set(vm, eg, "__doc__", none);
    let doc = vm.new_str("A combination of multiple unrelated exceptions.");
    class_ns_set(vm, beg, "__doc__", doc);
    let module = vm.new_str("builtins");
    class_ns_set(vm, eg, "__module__", module);
    add_getsets_to(
        vm,
        eg,
        &["__weakref__"],
        crate::heap::kinds::DescrKind::Weakref,
    );
    super::excgroup::install(vm, beg);
    (beg, eg)
}

/// A class of the runtime, with the MRO computed from single inheritance.
fn new_builtin_class(vm: &mut Vm, name: &str, bases: &[ObjId], native: Option<TypeTag>) -> ObjId {
    let mut mro = vec![];
    for b in bases {
        mro.push(*b);
        if let Some(c) = vm.class(*b) {
            mro.extend(c.mro.iter().copied());
        }
    }
    // (The bases are immortal: only `tp_base` is counted.)
    let base = bases.first().copied().unwrap_or(ObjId::NULL);
    if !base.is_null() {
        vm.heap.incref(base);
    }
    let class = Class {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        bases: bases.to_vec(),
        mro,
        base,
        bases_tuple: ObjId::NULL,
        mro_tuple: ObjId::NULL,
        ns: super::objects::new_runtime_type_dict(vm),
        native,
        base_native: TypeTag::BaseException,
        slots: None,
        has_dict: true,
        has_del: false,
        keys: None,
        instance_size: 32,
        meta: ObjId::NULL,
    };
    let id = vm.heap.alloc(Kind::Class(Box::new(class)));
    vm.heap.set_flag(
        id,
        crate::heap::flags::IMMORTAL | crate::heap::flags::BUILTIN,
    );
    vm.heap.set_size(id, crate::heap::size::STATIC_TYPE_SIZE);
    vm.heap.untrack(id);
    id
}

impl Vm {
    /// A built-in exception class by name (Exception when there is none of that name).
    pub fn exc_type_named(&self, name: &str) -> ObjId {
        self.exc_types
            .all
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .unwrap_or(self.exc_types.exception)
    }
}

impl Vm {
    /// A new exception instance of `class` with `args` (owned references, moved in).
    pub fn new_exception_args(&mut self, class: ObjId, args: Vec<ObjId>) -> ObjId {
        let args = self.new_tuple(args);
        self.heap.incref(class);
        let size = self.exception_size(class);
        let e = self.heap.alloc(Kind::Instance(Box::new(Instance {
            class,
            attrs: SymMap::new(),
            dict: ObjId::NULL,
            slots: Default::default(),
            slotted: false,
            exc: Some(Box::new(ExcData {
                args,
                cause: ObjId::NULL,
                context: ObjId::NULL,
                suppress_context: false,
                name: ObjId::NULL,
                obj: ObjId::NULL,
                hint: None,
                traceback: ObjId::NULL,
                message: ObjId::NULL,
                exceptions: ObjId::NULL,
                raised: false,
            })),
        })));
        self.heap.set_size(e, size);
        e
    }

    /// `OSError(errno, strerror[, filename[, winerror[, filename2]]])` (owned arguments):
    /// from two to five arguments, `errno`, `strerror`, `filename` and `filename2` are set
    /// (None otherwise), OSError itself given a known errno makes its subclass
    /// (`OSError(2, ...)` is a FileNotFoundError), and with a filename `args` keeps the
    /// first two, as CPython's OSError_new does.
    pub fn new_os_error(&mut self, class: ObjId, args: Vec<ObjId>) -> ObjId {
        let n = args.len();
        let fields = (2..=5).contains(&n);
        let mut class = class;
        if class == self.exc_types.os_error
            && fields
            && let Some(name) = self.small_int_of(args[0]).and_then(os_error_subclass)
        {
            class = self.exc_type_named(name);
        }
        let field = |i: usize| if fields { args.get(i).copied() } else { None };
        let values = [field(0), field(1), field(2), field(4)];
        let kept = if (3..=5).contains(&n) { 2 } else { n };
        let mut args = args;
        let dropped = args.split_off(kept);
        for v in values.iter().flatten() {
            self.heap.incref(*v);
        }
        self.release_all(dropped);
        let e = self.new_exception_args(class, args);
        for (name, v) in ["errno", "strerror", "filename", "filename2"]
            .into_iter()
            .zip(values)
        {
            let v = v.unwrap_or_else(|| self.none());
            let sym = self.heap.intern_sym(name);
            self.set_exception_attr(e, sym, v);
        }
        e
    }

    /// SyntaxError's fields from its arguments, as CPython's `SyntaxError_init`: `msg`,
    /// and with a second argument, (filename, lineno, offset, text[, end_lineno,
    /// end_offset]); the others None.
    pub(crate) fn init_syntax_error(&mut self, e: ObjId) -> PyResult<()> {
        const NAMES: [&str; 7] = [
            "msg",
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        let args: Vec<ObjId> = match self.exc_data(e).map(|d| self.heap.kind(d.args)) {
            Some(Kind::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        let mut fields = [self.none; 7];
        if let Some(&m) = args.first() {
            fields[0] = m;
        }
        let mut info = ObjId::NULL;
        if args.len() == 2 {
            info = self.sequence_tuple(args[1])?;
            let items: Vec<ObjId> = match self.heap.kind(info) {
                Kind::Tuple(t) => t.to_vec(),
                _ => vec![],
            };
            let n = items.len();
            let refused = if n < 4 {
                Some(format!("function takes at least 4 arguments ({n} given)"))
            } else if n > 6 {
                Some(format!("function takes at most 6 arguments ({n} given)"))
            } else if n == 5 {
                Some("end_offset must be provided when end_lineno is provided".to_string())
            } else {
                None
            };
            if let Some(msg) = refused {
                self.heap.decref(info);
                return Err(self.type_error(msg));
            }
            fields[1..=n].copy_from_slice(&items);
        }
        for (name, v) in NAMES.into_iter().zip(fields) {
            self.heap.incref(v);
            let sym = self.heap.intern_sym(name);
            self.set_exception_attr(e, sym, v);
        }
        self.heap.xdecref(info);
        Ok(())
    }

    /// Gives an exception the `args` tuple `t` (owned, moved in).
    pub(crate) fn set_exc_args(&mut self, exc: ObjId, t: ObjId) {
        let old = match self.exc_data_mut(exc) {
            Some(d) => std::mem::replace(&mut d.args, t),
            None => t,
        };
        self.heap.xdecref(old);
    }

    /// A field refscope keeps among an exception's attributes (OSError's `errno`,
    /// SyntaxError's `lineno`...), borrowed: in its attributes, or in its `__dict__`
    /// once it has one.
    fn exception_field(&mut self, e: ObjId, name: &str) -> Option<ObjId> {
        let sym = self.heap.intern_sym(name);
        match self.heap.kind(e) {
            Kind::Instance(i) if !i.dict.is_null() => self.dict_get_str(i.dict, name),
            Kind::Instance(i) => i.attrs.get(sym),
            _ => None,
        }
    }

    /// `str()` of a SyntaxError, as CPython's `SyntaxError_str`: its message, then the
    /// file's base name and the line when it has them. None for other exceptions.
    pub(crate) fn syntax_error_str(&mut self, e: ObjId) -> PyResult<Option<String>> {
        if !self.isinstance(e, self.exc_types.syntax_error) {
            return Ok(None);
        }
        let get = |vm: &mut Vm, name: &str| vm.exception_field(e, name).unwrap_or(vm.none);
        let (msg, filename, lineno) =
            (get(self, "msg"), get(self, "filename"), get(self, "lineno"));
        let base = self
            .as_str(filename)
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let line = match self.heap.kind(lineno) {
            Kind::Int(i) => Some(*i),
            _ => None,
        };
        let text = self.str_of(msg)?;
        Ok(Some(match (base, line) {
            (Some(f), Some(l)) => format!("{text} ({f}, line {l})"),
            (Some(f), None) => format!("{text} ({f})"),
            (None, Some(l)) => format!("{text} (line {l})"),
            (None, None) => text,
        }))
    }

    /// `str()` of an OSError with an errno and a message: `[Errno 2] No such file`, and
    /// `: 'name'` (` -> 'other'`) with its filenames; None for the plain form.
    pub(crate) fn os_error_str(&mut self, e: ObjId) -> PyResult<Option<String>> {
        let get = |vm: &mut Vm, name: &str| vm.exception_field(e, name).filter(|v| *v != vm.none);
        let (errno, strerror) = (get(self, "errno"), get(self, "strerror"));
        let (filename, filename2) = (get(self, "filename"), get(self, "filename2"));
        let (Some(errno), Some(strerror)) = (errno, strerror) else {
            return Ok(None);
        };
        let mut s = format!("[Errno {}] {}", self.str_of(errno)?, self.str_of(strerror)?);
        if let Some(f) = filename {
            s += &format!(": {}", self.repr_of(f)?);
            if let Some(f2) = filename2 {
                s += &format!(" -> {}", self.repr_of(f2)?);
            }
        }
        Ok(Some(s))
    }

    /// `sys.getsizeof` of an exception of `class`: CPython 3.11's struct of the nearest
    /// built-in exception class that adds fields (OSError, SyntaxError, ImportError...;
    /// their subclasses share it), and 8 bytes for the `__weakref__` a Python subclass
    /// gives its instances.
    fn exception_size(&self, class: ObjId) -> usize {
        let mro = self
            .class(class)
            .map(|c| c.mro.as_slice())
            .unwrap_or_default();
        let base = std::iter::once(&class)
            .chain(mro)
            .filter(|c| self.heap.has_flag(**c, crate::heap::flags::BUILTIN))
            .find_map(|c| match &*self.class(*c)?.name {
                "StopIteration" | "SystemExit" | "NameError" => Some(96),
                "AttributeError" => Some(104),
                "ImportError" => Some(112),
                "OSError"
                | "UnicodeDecodeError"
                | "UnicodeEncodeError"
                | "UnicodeTranslateError" => Some(128),
                "SyntaxError" => Some(152),
                "BaseExceptionGroup" => Some(104),
                _ => None,
            })
            .unwrap_or(88);
        base + if self.weakrefable_class(class) { 8 } else { 0 }
    }

    /// An exception of `class` with one str argument.
    pub fn new_exception(&mut self, class: ObjId, msg: &str) -> Exc {
        let m = self.new_str(msg);
        // (An OSError the runtime raises has its fields too, None.)
        if self.is_subclass(class, self.exc_types.os_error) {
            return Exc(self.new_os_error(class, vec![m]));
        }
        Exc(self.new_exception_args(class, vec![m]))
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.type_error, msg.as_ref())
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.value_error, msg.as_ref())
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.index_error, msg.as_ref())
    }
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.attribute_error, msg.as_ref())
    }
    pub fn name_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.name_error, msg.as_ref())
    }
    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.zero_division_error, msg.as_ref())
    }
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.overflow_error, msg.as_ref())
    }
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.runtime_error, msg.as_ref())
    }

    /// The error for making an instance of a subclass of a built-in type refscope cannot
    /// subclass yet (`class U(str)`), by calling it or through `object.__new__`.
    pub fn unsupported_subclass(&mut self, class: ObjId) -> Exc {
        let n = self.class_name(class);
        let base = self
            .class(class)
            .map_or(TypeTag::Object, |c| c.base_native)
            .name();
        self.not_implemented(format!(
            "subclasses of {base} are not supported yet, only of int, float, str, list, tuple, dict, \
             set and frozenset (class {n})"
        ))
    }

    pub fn not_implemented(&mut self, msg: impl AsRef<str>) -> Exc {
        self.new_exception(self.exc_types.not_implemented_error, msg.as_ref())
    }
    pub fn memory_error(&mut self) -> Exc {
        Exc(self.new_exception_args(self.exc_types.memory_error, vec![]))
    }

    /// `KeyError(key)` (the key is borrowed).
    pub fn key_error(&mut self, key: ObjId) -> Exc {
        self.heap.incref(key);
        Exc(self.new_exception_args(self.exc_types.key_error, vec![key]))
    }

    /// `StopIteration(value)` (the value is moved in).
    pub fn stop_iteration(&mut self, value: ObjId) -> Exc {
        let args = if value == self.none {
            self.heap.decref(value);
            vec![]
        } else {
            vec![value]
        };
        Exc(self.new_exception_args(self.exc_types.stop_iteration, args))
    }

    /// Raises a built-in exception by its class: the error for a native function.
    pub fn err<T>(&mut self, class: ObjId, msg: impl AsRef<str>) -> PyResult<T> {
        Err(self.new_exception(class, msg.as_ref()))
    }

    pub fn exc_data(&self, exc: ObjId) -> Option<&ExcData> {
        match self.heap.kind(exc) {
            Kind::Instance(i) => i.exc.as_deref(),
            _ => None,
        }
    }

    pub fn exc_data_mut(&mut self, exc: ObjId) -> Option<&mut ExcData> {
        match self.heap.kind_mut(exc) {
            Kind::Instance(i) => i.exc.as_deref_mut(),
            _ => None,
        }
    }

    /// Sets an attribute of an exception instance (owned value, moved in).
    pub fn set_exception_attr(&mut self, exc: ObjId, name: crate::heap::Sym, v: ObjId) {
        let old = match self.heap.kind_mut(exc) {
            Kind::Instance(i) => i.attrs.insert(name, v),
            _ => Some(v),
        };
        self.heap.xdecref(old.unwrap_or(ObjId::NULL));
    }

    /// Whether an exception instance is an instance of `class`.
    pub fn exc_matches(&self, exc: &Exc, class: ObjId) -> bool {
        self.isinstance(exc.0, class)
    }

    /// Records that the exception passed through the running frame at `depth`, at
    /// `line`: a new traceback object, whose `tb_next` is the traceback it had
    /// (CPython's PyTraceBack_Here).
    pub fn add_traceback(&mut self, exc: ObjId, depth: usize, line: u32, lasti: u32) {
        if self.exc_data(exc).is_none() {
            return;
        }
        let frame = self.frame_object(depth);
        self.heap.incref(frame);
        let next = self.exc_data_mut(exc).map_or(ObjId::NULL, |d| {
            std::mem::replace(&mut d.traceback, ObjId::NULL)
        });
        let tb = self.heap.alloc(Kind::Traceback(Box::new(TracebackObj {
            next,
            frame,
            lineno: line,
            lasti,
        })));
        if let Some(d) = self.exc_data_mut(exc) {
            d.traceback = tb;
        }
    }

    /// The entries of a traceback chain, innermost first: file, line and function of
    /// each frame.
    pub fn traceback_entries(&self, tb: ObjId) -> Vec<TbEntry> {
        let mut out = vec![];
        let mut cur = tb;
        while !cur.is_null() {
            let Kind::Traceback(t) = self.heap.kind(cur) else {
                break;
            };
            if let Kind::Frame(f) = self.heap.kind(t.frame) {
                out.push(TbEntry {
                    filename: f.rt.code.filename.clone(),
                    line: t.lineno,
                    name: f.rt.code.name.clone(),
                });
            }
            cur = t.next;
            if out.len() > 1_000_000 {
                break;
            }
        }
        out.reverse();
        out
    }

    /// The first argument of an exception, or None.
    pub fn exc_arg0(&self, exc: ObjId) -> ObjId {
        match self.exc_data(exc).map(|d| d.args) {
            Some(args) if !args.is_null() => match self.heap.kind(args) {
                Kind::Tuple(t) if !t.is_empty() => t[0],
                _ => ObjId::NULL,
            },
            _ => ObjId::NULL,
        }
    }

    /// The last line CPython prints for an exception: `ValueError: msg`, `KeyError: 'k'`.
    pub fn exception_line(&mut self, exc: ObjId) -> String {
        let class = self.type_of(exc);
        let (name, module) = match self.class(class) {
            Some(c) => (c.qualname.clone(), c.module.clone()),
            None => ("?".into(), "builtins".into()),
        };
        let qual = if &*module == "builtins" || &*module == "__main__" {
            name.to_string()
        } else {
            format!("{module}.{name}")
        };
        let text = match self.str_of(exc) {
            Ok(s) => s,
            Err(e) => {
                self.heap.decref(e.0);
                "<exception str() failed>".to_string()
            }
        };
        if text.is_empty() {
            qual
        } else {
            format!("{qual}: {text}")
        }
    }

    /// Gives an exception the `name` (and `obj`, borrowed; NULL for none) that the
    /// interpreter's NameError and AttributeError carry.
    pub(crate) fn set_exc_name(&mut self, exc: ObjId, name: &str, obj: ObjId) {
        let s = self.new_str(name);
        if !obj.is_null() {
            self.heap.incref(obj);
        }
        match self.exc_data_mut(exc) {
            Some(d) => {
                d.name = s;
                d.obj = obj;
            }
            None => {
                self.heap.decref(s);
                self.heap.xdecref(obj);
            }
        }
    }

    /// What CPython 3.11 adds to an uncaught NameError or AttributeError (exactly
    /// those types): the nearest name to the missing one, among the innermost frame's
    /// local variables, then its globals, then the builtins (a NameError), or `dir(obj)`
    /// (an AttributeError).
    fn suggestion(&mut self, exc: ObjId) -> Option<Rc<str>> {
        let ty = self.type_of(exc);
        let d = self.exc_data(exc)?;
        if d.name.is_null() {
            return None;
        }
        if ty == self.exc_types.name_error {
            // The frame's variable names as they were, then its globals and the builtins
            // as they are now (CPython looks when it prints).
            let (hint, name) = (d.hint.clone(), self.as_str(d.name)?.to_string());
            return hint.or_else(|| {
                let globals: Vec<Rc<str>> =
                    match self.raised_in_globals(exc).map(|g| self.heap.kind(g)) {
                        Some(Kind::Module(m)) => {
                            m.dict.iter().map(|(k, _)| self.heap.sym_name(k)).collect()
                        }
                        _ => vec![],
                    };
                super::suggest::nearest(&globals, &name)
                    .or_else(|| super::suggest::nearest(super::suggest::BUILTINS, &name))
            });
        }
        if ty != self.exc_types.attribute_error || d.obj.is_null() {
            return None;
        }
        let (name, obj) = (self.as_str(d.name)?.to_string(), d.obj);
        let mut names = crate::vm::builtins::funcs::attribute_names(self, obj);
        names.sort();
        super::suggest::nearest(&names, &name)
    }

    /// The nearest name to a missing one among the running frame's variable names
    /// (CPython's offer_suggestions_for_name_error looks there first; its globals and the
    /// builtins are looked at when the error is printed, see `suggestion`).
    pub(crate) fn name_hint(&self, name: &str) -> Option<Rc<str>> {
        let f = self.frames.last()?;
        super::suggest::nearest(&f.st.rt.code.varnames, name)
    }

    /// The globals of the frame `exc` was raised in: its traceback's innermost entry's.
    fn raised_in_globals(&self, exc: ObjId) -> Option<ObjId> {
        let mut tb = self.exc_data(exc)?.traceback;
        let mut frame = None;
        for _ in 0..1_000_000 {
            if tb.is_null() {
                break;
            }
            let Kind::Traceback(t) = self.heap.kind(tb) else {
                break;
            };
            frame = Some(t.frame);
            tb = t.next;
        }
        let frame = frame.filter(|f| !f.is_null())?;
        let Kind::Frame(f) = self.heap.kind(frame) else {
            return None;
        };
        match &f.state {
            Some(st) => Some(st.globals),
            None => self
                .frames
                .iter()
                .find(|fr| fr.st.serial == f.serial)
                .map(|fr| fr.st.globals),
        }
    }

    /// The full traceback text CPython prints for an uncaught exception, with the chain
    /// of causes and contexts, and exception groups drawn as CPython 3.11's
    /// `print_exception_group` draws them (at most 15 sub-exceptions and 10 levels).
    pub fn format_exception(&mut self, exc: ObjId) -> String {
        let mut p = ExcPrinter::default();
        self.print_exception_recursive(&mut p, exc, 0);
        p.out
    }

    /// What CPython's default unraisable hook prints after `Exception ignored in: ...`:
    /// the traceback and the exception's last line, without its chain, its notes, a
    /// group's sub-exceptions or a "Did you mean".
    pub fn format_unraisable(&mut self, exc: ObjId) -> String {
        let mut p = ExcPrinter::default();
        self.print_exception(&mut p, exc, true);
        p.out
    }

    /// The exception's causes and contexts first (each once), then the exception.
    fn print_exception_recursive(&mut self, p: &mut ExcPrinter, exc: ObjId, level: usize) {
        p.seen.push(exc);
        // (A chain deeper than CPython's recursion limit stops being followed.)
        if let Some(d) = self.exc_data(exc)
            && level < 1000
        {
            let (cause, context, suppress) = (d.cause, d.context, d.suppress_context);
            if !cause.is_null() {
                if !p.seen.contains(&cause) {
                    self.print_chained(p, cause, CAUSE_MESSAGE, level);
                }
            } else if !suppress && !context.is_null() && !p.seen.contains(&context) {
                self.print_chained(p, context, CONTEXT_MESSAGE, level);
            }
        }
        if self.is_exception_group(exc) {
            self.print_exception_group(p, exc, level);
        } else {
            self.print_exception(p, exc, false);
        }
    }

    fn print_chained(&mut self, p: &mut ExcPrinter, exc: ObjId, message: &str, level: usize) {
        let need_close = p.need_close;
        self.print_exception_recursive(p, exc, level + 1);
        p.need_close = need_close;
        for text in ["\n", message, "\n"] {
            p.margin();
            p.out.push_str(text);
        }
    }

    /// A group, its sub-exceptions boxed below it, numbered.
    fn print_exception_group(&mut self, p: &mut ExcPrinter, exc: ObjId, level: usize) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        if p.depth > MAX_DEPTH {
            p.margin();
            p.out
                .push_str(&format!("... (max_group_depth is {MAX_DEPTH})\n"));
            return;
        }
        let top = p.depth == 0;
        if top {
            p.depth = 1;
        }
        self.print_exception(p, exc, false);
        let excs: Vec<ObjId> = match self.exc_data(exc).map(|d| self.heap.kind(d.exceptions)) {
            Some(Kind::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        let n = excs.len().min(MAX_WIDTH + 1);
        p.need_close = false;
        for (i, e) in excs.iter().take(n).enumerate() {
            let last = i + 1 == n;
            if last {
                // The closing line may come from a nested group instead.
                p.need_close = true;
            }
            let corner = if i == 0 { "+-" } else { "  " };
            let label = if i < MAX_WIDTH {
                (i + 1).to_string()
            } else {
                "...".to_string()
            };
            p.indent();
            p.out.push_str(&format!(
                "{corner}+---------------- {label} ----------------\n"
            ));
            p.depth += 1;
            if i < MAX_WIDTH {
                self.print_exception_recursive(p, *e, level + 1);
            } else {
                let more = excs.len() - MAX_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                p.margin();
                p.out.push_str(&format!("and {more} more exception{s}\n"));
            }
            if last && p.need_close {
                p.indent();
                p.out.push_str("+------------------------------------\n");
                p.need_close = false;
            }
            p.depth -= 1;
        }
        if p.depth == 1 && top {
            p.depth = 0;
        }
    }

    /// One exception: its traceback, its last line and its notes, in the margin of the
    /// group it is in (`bare`: as the unraisable hook prints it, see `format_unraisable`).
    fn print_exception(&mut self, p: &mut ExcPrinter, exc: ObjId, bare: bool) {
        let mut tb = self
            .exc_data(exc)
            .map(|d| self.traceback_entries(d.traceback))
            .unwrap_or_default();
        // The unraisable hook gives an exception without a traceback one of the frame
        // running now (what CPython's `_PyTraceBack_FromFrame` makes).
        if bare
            && tb.is_empty()
            && let Some(f) = self.frames.last()
        {
            let code = &f.st.rt.code;
            tb.push(TbEntry {
                filename: code.filename.clone(),
                line: super::frameobj::frame_line(&f.st),
                name: code.name.clone(),
            });
        }
        if !tb.is_empty() {
            let (header, header_margin) = if self.is_exception_group(exc) && !bare {
                let m = if p.depth == 1 { "+ " } else { p.margin_str() };
                ("Exception Group Traceback (most recent call last):\n", m)
            } else {
                ("Traceback (most recent call last):\n", p.margin_str())
            };
            p.indent();
            p.out.push_str(header_margin);
            p.out.push_str(header);
            // As CPython's tb_print_internal: at most the newest 1000 entries
            // (sys.tracebacklimit's default), and a run of the same file, line and
            // function shown three times, then counted.
            const LIMIT: usize = 1000;
            const CUTOFF: usize = 3;
            let repeated = |p: &mut ExcPrinter, cnt: usize| {
                if cnt > CUTOFF {
                    let n = cnt - CUTOFF;
                    let s = if n > 1 { "s" } else { "" };
                    p.margin();
                    p.out
                        .push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
                }
            };
            let mut last: Option<&TbEntry> = None;
            let mut cnt = 0;
            for e in tb.iter().take(LIMIT).rev() {
                let same = last.is_some_and(|l| {
                    l.filename == e.filename && l.line == e.line && l.name == e.name
                });
                if !same {
                    repeated(p, cnt);
                    last = Some(e);
                    cnt = 0;
                }
                cnt += 1;
                if cnt > CUTOFF {
                    continue;
                }
                p.margin();
                p.out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    e.filename, e.line, e.name
                ));
                if let Some(src) = self.source_line(&e.filename, e.line) {
                    let t = src.trim();
                    if !t.is_empty() {
                        p.margin();
                        p.out.push_str(&format!("    {t}\n"));
                    }
                }
            }
            repeated(p, cnt);
        }
        p.margin();
        match self.syntax_error_parts(exc) {
            Some((location, line)) => {
                p.out.push_str(&location);
                p.out.push_str(&line);
            }
            None => {
                let line = self.exception_line(exc);
                p.out.push_str(&line);
                if let Some(s) = self.suggestion(exc).filter(|_| !bare) {
                    p.out.push_str(&format!(". Did you mean: '{s}'?"));
                }
            }
        }
        p.out.push('\n');
        if bare {
            return;
        }
        for note in self.notes_lines(exc) {
            p.margin();
            p.out.push_str(&note);
            p.out.push('\n');
        }
    }

    /// The notes `add_note` gave an exception, a line each after its last line, as
    /// CPython prints them (a `__notes__` that is not a list or tuple prints as its repr).
    fn notes_lines(&mut self, exc: ObjId) -> Vec<String> {
        let sym = self.heap.intern_sym("__notes__");
        let notes = match self.getattr_opt(exc, sym) {
            Ok(Some(n)) => n,
            Ok(None) => return vec![],
            Err(e) => {
                self.heap.decref(e.0);
                return vec![];
            }
        };
        let items = match self.heap.kind(notes) {
            Kind::List(l) => Some(l.items.to_vec()),
            Kind::Tuple(t) => Some(t.to_vec()),
            _ => None,
        };
        let texts: Vec<String> = match items {
            Some(items) => items
                .into_iter()
                .map(|n| {
                    self.str_of(n).unwrap_or_else(|e| {
                        self.heap.decref(e.0);
                        "<note str() failed>".to_string()
                    })
                })
                .collect(),
            None if notes == self.none => vec![],
            None => vec![self.repr_of(notes).unwrap_or_else(|e| {
                self.heap.decref(e.0);
                "<__notes__ repr() failed>".to_string()
            })],
        };
        self.heap.decref(notes);
        texts
            .iter()
            .flat_map(|t| t.split('\n').map(str::to_string))
            .collect()
    }

    /// A SyntaxError raised while the program runs (by `exec`, `eval`, `compile`) prints
    /// as CPython prints it: the place (file, line, the text, a caret) and then only its
    /// message. None for other exceptions.
    fn syntax_error_parts(&mut self, exc: ObjId) -> Option<(String, String)> {
        if !self.isinstance(exc, self.exc_types.syntax_error) {
            return None;
        }
        let attr = |vm: &mut Vm, name: &str| {
            let sym = vm.heap.intern_sym(name);
            match vm.getattr_opt(exc, sym) {
                Ok(v) => v,
                Err(e) => {
                    vm.heap.decref(e.0);
                    None
                }
            }
        };
        let fields = ["msg", "filename", "lineno", "offset", "text"].map(|n| attr(self, n));
        let texts: Vec<Option<String>> = fields
            .iter()
            .map(|v| v.and_then(|v| self.as_str(v).map(str::to_string)))
            .collect();
        let ints: Vec<Option<i64>> = fields
            .iter()
            .map(|v| match v.map(|v| self.heap.kind(v)) {
                Some(Kind::Int(i)) => Some(*i),
                _ => None,
            })
            .collect();
        for v in fields.into_iter().flatten() {
            self.heap.decref(v);
        }
        let (Some(msg), Some(filename), Some(lineno)) = (&texts[0], &texts[1], ints[2]) else {
            return None;
        };
        let mut location = format!("  File \"{filename}\", line {lineno}\n");
        if let Some(text) = &texts[4] {
            let trimmed = text.trim_end_matches('\n');
            let stripped = trimmed.trim_start();
            let cut = trimmed.chars().count() - stripped.chars().count();
            location.push_str(&format!("    {stripped}\n"));
            if let Some(offset) = ints[3] {
                let at = offset - 1 - cut as i64;
                if at >= 0 && (at as usize) < stripped.chars().count() {
                    location.push_str(&format!("    {}^\n", " ".repeat(at as usize)));
                }
            }
        }
        let class = self.type_of(exc);
        let name = self.class_name(class);
        Some((location, format!("{name}: {msg}")))
    }
}

/// Whether a function of refscope's library (by its file and qualified name) stands for
/// C code in CPython, which has no frame: an exception passing through it gets no
/// traceback entry and keeps no frame alive (`reduce`, an `lru_cache` wrapper, a
/// `partial`, `itertools`, `heapq`, `bisect`, `operator`, `decimal`, `struct`, `pickle`,
/// `datetime`, `cmath`, `binascii`, `hashlib`, `deque`, `defaultdict`'s `__missing__`).
/// Library code that is Python in CPython too keeps its frames.
pub(crate) fn stands_for_c(filename: &str, qualname: &str) -> bool {
    let Some(module) = filename
        .strip_prefix("<frozen ")
        .and_then(|m| m.strip_suffix('>'))
    else {
        return false;
    };
    let class = qualname.split('.').next().unwrap_or("");
    match module {
        // (C in CPython: `_decimal`, `_struct`, `_pickle`, `_datetime`, `cmath`,
        // `binascii`, `_hashlib`.)
        "itertools" | "heapq" | "bisect" | "operator" | "decimal" | "struct" | "pickle"
        | "datetime" | "cmath" | "binascii" | "hashlib" => true,
        "functools" => {
            matches!(class, "reduce" | "partial" | "cmp_to_key")
                || qualname.starts_with("_lru_cache_wrapper.")
        }
        // (C in CPython: `_asyncio`'s Future and Task and the running-loop helpers.)
        "asyncio" => matches!(
            class,
            "Future" | "Task" | "_enter_task" | "_leave_task" | "_get_running_loop"
        ),
        "collections" => {
            matches!(
                class,
                "deque" | "_deque_iterator" | "_deque_reverse_iterator"
            ) || qualname == "defaultdict.__missing__"
        }
        _ => false,
    }
}
