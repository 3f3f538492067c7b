//! The virtual machine: frames, the dispatch loop, exceptions, built-in functions and the
//! native modules. It runs code objects made by the compiler on the [`Heap`].
//!
//! Python calls never recurse in Rust: a call pushes a frame and the dispatch loop goes on
//! with it. Only native code that calls back into Python (a `__eq__` during a dict lookup,
//! `sorted(key=...)`) runs a nested loop, which counts towards the recursion limit.
//! The vm must not know about the UI.

pub mod attr;
pub mod builtins;
pub mod call;
pub mod collector;
pub mod eval;
pub mod exc;
pub mod excgroup;
pub mod frame;
pub mod frameobj;
pub mod iter;
pub mod ledger;
pub mod load;
pub mod matching;
pub mod modules;
pub mod num;
pub mod numops;
pub mod objects;
pub mod ops;
pub mod repr;
pub mod run;
pub mod steps;
pub mod strfmt;
pub mod suggest;
pub mod summary;
pub mod text;

use std::rc::Rc;

use crate::heap::kinds::TypeTag;
use crate::heap::{Heap, ObjId, Sym};

pub use exc::{Exc, ExcTypes};
pub use frame::Frame;

/// The result of anything that can raise: `Err` holds an owned reference to the exception.
pub type PyResult<T> = Result<T, Exc>;

/// Names the vm looks up often, interned once.
pub struct Names {
    pub init: Sym,
    pub new: Sym,
    pub repr: Sym,
    pub str_: Sym,
    pub del: Sym,
    pub eq: Sym,
    pub ne: Sym,
    pub hash: Sym,
    pub len: Sym,
    pub iter: Sym,
    pub next: Sym,
    pub getitem: Sym,
    pub setitem: Sym,
    pub delitem: Sym,
    pub contains: Sym,
    pub call: Sym,
    pub bool_: Sym,
    pub enter: Sym,
    pub exit: Sym,
    pub getattr: Sym,
    pub getattribute: Sym,
    pub dir_method: Sym,
    pub setattr: Sym,
    pub delattr: Sym,
    pub annotations: Sym,
    pub get: Sym,
    pub set: Sym,
    pub delete: Sym,
    pub name: Sym,
    pub qualname: Sym,
    pub mro: Sym,
    pub bases: Sym,
    pub base: Sym,
    pub weakref: Sym,
    pub module: Sym,
    pub doc: Sym,
    pub dict: Sym,
    pub class: Sym,
    pub slots: Sym,
    pub classcell: Sym,
    pub main: Sym,
    pub neg: Sym,
    pub pos: Sym,
    pub invert: Sym,
    pub abs: Sym,
    pub index: Sym,
    pub int: Sym,
    pub float: Sym,
    pub format: Sym,
    pub reversed: Sym,
    pub round: Sym,
    pub args: Sym,
    pub init_subclass: Sym,
    pub set_name: Sym,
    pub missing: Sym,
}

impl Names {
    fn new(heap: &mut Heap) -> Names {
        let mut s = |n: &str| heap.intern_sym(n);
        Names {
            init: s("__init__"),
            new: s("__new__"),
            repr: s("__repr__"),
            str_: s("__str__"),
            del: s("__del__"),
            eq: s("__eq__"),
            ne: s("__ne__"),
            hash: s("__hash__"),
            len: s("__len__"),
            iter: s("__iter__"),
            next: s("__next__"),
            getitem: s("__getitem__"),
            setitem: s("__setitem__"),
            delitem: s("__delitem__"),
            contains: s("__contains__"),
            call: s("__call__"),
            bool_: s("__bool__"),
            enter: s("__enter__"),
            exit: s("__exit__"),
            getattr: s("__getattr__"),
            getattribute: s("__getattribute__"),
            dir_method: s("__dir__"),
            setattr: s("__setattr__"),
            delattr: s("__delattr__"),
            annotations: s("__annotations__"),
            get: s("__get__"),
            set: s("__set__"),
            delete: s("__delete__"),
            name: s("__name__"),
            qualname: s("__qualname__"),
            mro: s("__mro__"),
            bases: s("__bases__"),
            base: s("__base__"),
            weakref: s("__weakref__"),
            module: s("__module__"),
            doc: s("__doc__"),
            dict: s("__dict__"),
            class: s("__class__"),
            slots: s("__slots__"),
            classcell: s("__classcell__"),
            main: s("__main__"),
            neg: s("__neg__"),
            pos: s("__pos__"),
            invert: s("__invert__"),
            abs: s("__abs__"),
            index: s("__index__"),
            int: s("__int__"),
            float: s("__float__"),
            format: s("__format__"),
            reversed: s("__reversed__"),
            round: s("__round__"),
            args: s("args"),
            init_subclass: s("__init_subclass__"),
            set_name: s("__set_name__"),
            missing: s("__missing__"),
        }
    }
}

/// Where the program's output goes.
pub trait Output {
    fn write_out(&mut self, s: &str);
    fn write_err(&mut self, s: &str);
}

/// Output to the process's stdout and stderr (buffered; flushed by [`Vm::flush`]).
#[derive(Default)]
pub struct StdOutput {
    out: Vec<u8>,
}

impl Output for StdOutput {
    fn write_out(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
        if self.out.len() > 1 << 16 {
            self.flush_out();
        }
    }
    fn write_err(&mut self, s: &str) {
        use std::io::Write;
        self.flush_out();
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
}

impl StdOutput {
    fn flush_out(&mut self) {
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(&self.out);
        let _ = o.flush();
        self.out.clear();
    }
}

impl Drop for StdOutput {
    fn drop(&mut self) {
        self.flush_out();
    }
}

/// Output captured in memory (tests, the app's console).
#[derive(Default)]
pub struct CapturedOutput {
    pub out: String,
    pub err: String,
}

impl Output for CapturedOutput {
    fn write_out(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn write_err(&mut self, s: &str) {
        self.err.push_str(s);
    }
}

/// Options of one run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Raise MemoryError when the modelled heap would exceed this many bytes.
    pub max_heap: Option<usize>,
    /// Check the refcount ledger after every instruction (slow; for tests).
    pub check_ledger: bool,
}

pub struct Vm {
    pub heap: Heap,
    pub frames: Vec<Frame>,
    pub types: [ObjId; TypeTag::COUNT],
    pub exc_types: ExcTypes,
    pub none: ObjId,
    pub true_: ObjId,
    pub false_: ObjId,
    pub not_implemented: ObjId,
    pub ellipsis: ObjId,
    pub empty_tuple: ObjId,
    /// The `list.append` method descriptor (`Call` runs it inline on a list).
    pub list_append: ObjId,
    pub empty_str: ObjId,
    small_ints: Vec<ObjId>,
    /// Single-character Latin-1 strings, shared like CPython's.
    latin1: Vec<ObjId>,
    /// `b''` and the 256 one-byte bytes objects, shared like CPython's (`b'' is
    /// bytes()`, `b'ab'[:1] is b'a'`).
    pub(crate) bytes_singletons: Vec<ObjId>,
    /// The parser's arena of the program being run: one reference to each constant its
    /// literals made (see `CodeObject::arena`), held until the program's code returns.
    pub(crate) arena: Vec<ObjId>,
    /// Whether the code being loaded is the program's (its literals go to the arena).
    pub(crate) arena_on: bool,
    pub builtins: ObjId,
    /// `sys.modules`: module name → module (owned references).
    pub modules: Vec<(Rc<str>, ObjId)>,
    /// The exceptions being handled (innermost last), for bare `raise` and `__context__`.
    pub handled: Vec<ObjId>,
    pub names: Names,
    pub out: Box<dyn Output>,
    pub recursion_limit: usize,
    /// What `sys.setrecursionlimit` was given (`recursion_limit` is that, at most
    /// 100,000).
    pub recursion_limit_set: usize,
    /// Some class has had a Python `__getattribute__`: until then no attribute read
    /// asks its class for one.
    pub any_getattribute: bool,
    /// Python-level call depth (frames plus nested native calls into Python).
    pub depth: usize,
    pub options: Options,
    /// Source text of each loaded file, for tracebacks.
    pub sources: Vec<(Rc<str>, Rc<str>)>,
    /// Constants of the file being loaded, merged (see [`load`]).
    pub(crate) const_cache: load::ConstCache,
    /// The `__main__` module.
    pub main: ObjId,
    /// Cached `hash` of None etc. is not needed; this is the id counter for NaN hashes.
    pub exit_code: Option<i32>,
    /// Containers whose repr is being computed (for `[...]`).
    pub repr_stack: Vec<ObjId>,
    /// The first ledger violation seen (with `check_ledger`).
    pub ledger_violation: Option<String>,
    /// The cycle collector's state.
    pub gc: collector::GcState,
    pub ledger: ledger::LedgerState,
    /// Cascades paused while finalizers run (their releases are still pending holders).
    pub set_aside: Vec<crate::heap::PendingWork>,
    /// The warnings the engine itself printed (a coroutine never awaited), by place and
    /// message: the default warning filter prints each once.
    pub warned: std::collections::HashSet<String>,
    /// Set by `AsyncGenWrap`: the value the frame yields next is the asynchronous
    /// generator's own (read and cleared by the awaitable that resumed it).
    pub agen_wrapped: bool,
    /// `sys.set_asyncgen_hooks`: (firstiter, finalizer), owned or NULL.
    pub asyncgen_hooks: [ObjId; 2],
    /// References owned by native code in progress (a native function's arguments): holders
    /// for the ledger while Python code runs inside the call.
    pub held: Vec<ObjId>,
    /// `atexit` registrations, oldest first: tuples `(func, args, kwnames, kwvalues)`.
    pub atexit: Vec<ObjId>,
    /// sys's struct sequence classes and their index in `modules::sys::STRUCT_SEQS`.
    pub struct_seqs: Vec<(ObjId, usize)>,
    /// Finished frames kept for reuse (their slot vectors keep their capacity).
    pub frame_pool: Vec<Box<crate::heap::kinds::FrameState>>,
    /// Lately looked-up class attributes (see `attr::AttrCache`).
    pub attr_cache: std::cell::RefCell<attr::AttrCache>,
    /// The last frame serial given out.
    pub frame_serial: u32,
    /// The recording in progress, if any (see `steps.rs`).
    pub tracer: Option<Box<steps::Tracer>>,
    /// The exception being raised while a recording reports it.
    pub raising: Vec<ObjId>,
    /// The first serial of the program's own objects (those before are the runtime's).
    pub first_user_serial: u32,
    /// `memory_profiler`'s line profiles in progress (innermost last).
    pub mem_profiles: Vec<modules::memory_profiler::MemProfile>,
    /// Weak-reference callbacks waiting while another one runs (weakref, callback).
    pub callbacks_waiting: Vec<std::collections::VecDeque<(ObjId, ObjId)>>,
}

impl Vm {
    pub fn new(out: Box<dyn Output>, options: Options) -> Vm {
        let mut heap = Heap::new();
        let names = Names::new(&mut heap);
        let mut vm = Vm {
            heap,
            frames: Vec::new(),
            types: [ObjId::NULL; TypeTag::COUNT],
            exc_types: ExcTypes::default(),
            none: ObjId::NULL,
            true_: ObjId::NULL,
            false_: ObjId::NULL,
            not_implemented: ObjId::NULL,
            ellipsis: ObjId::NULL,
            empty_tuple: ObjId::NULL,
            list_append: ObjId::NULL,
            empty_str: ObjId::NULL,
            small_ints: Vec::new(),
            latin1: Vec::new(),
            bytes_singletons: Vec::new(),
            arena: Vec::new(),
            arena_on: false,
            builtins: ObjId::NULL,
            modules: Vec::new(),
            handled: Vec::new(),
            names,
            out,
            recursion_limit: 1000,
            recursion_limit_set: 1000,
            any_getattribute: false,
            depth: 0,
            options,
            sources: Vec::new(),
            const_cache: load::ConstCache::default(),
            main: ObjId::NULL,
            exit_code: None,
            repr_stack: Vec::new(),
            ledger_violation: None,
            gc: collector::GcState::new(),
            ledger: ledger::LedgerState::default(),
            set_aside: Vec::new(),
            warned: Default::default(),
            agen_wrapped: false,
            asyncgen_hooks: [ObjId::NULL; 2],
            held: Vec::new(),
            atexit: Vec::new(),
            struct_seqs: Vec::new(),
            frame_pool: Vec::new(),
            attr_cache: Default::default(),
            frame_serial: 0,
            tracer: None,
            raising: Vec::new(),
            first_user_serial: 0,
            mem_profiles: Vec::new(),
            callbacks_waiting: Vec::new(),
        };
        vm.bootstrap();
        vm
    }

    /// Creates the static objects, the built-in types, the exception classes and the
    /// builtins module.
    fn bootstrap(&mut self) {
        use crate::heap::Kind;
        use crate::heap::flags::{BUILTIN, CACHED, IMMORTAL};
        let stat = |vm: &mut Vm, k: Kind| {
            let id = vm.heap.alloc(k);
            vm.heap.set_flag(id, IMMORTAL | CACHED);
            vm.heap.untrack(id);
            id
        };
        self.none = stat(self, Kind::None);
        self.true_ = stat(self, Kind::Bool(true));
        self.false_ = stat(self, Kind::Bool(false));
        self.not_implemented = stat(self, Kind::NotImplemented);
        self.ellipsis = stat(self, Kind::Ellipsis);
        self.empty_tuple = stat(self, Kind::Tuple(Box::default()));
        let e = Kind::Str(Box::new(crate::heap::kinds::StrObj::new("".into())));
        self.empty_str = stat(self, e);
        for v in -5..=256i64 {
            let id = stat(self, Kind::Int(v));
            self.small_ints.push(id);
        }
        for c in 0u32..256 {
            let s: String = char::from_u32(c).map(String::from).unwrap_or_default();
            let id = stat(
                self,
                Kind::Str(Box::new(crate::heap::kinds::StrObj::new(s.into()))),
            );
            self.latin1.push(id);
        }
        let id = stat(self, Kind::Bytes(Box::default()));
        self.bytes_singletons.push(id);
        for b in 0u8..=255 {
            let id = stat(self, Kind::Bytes(Box::new(vec![b])));
            self.bytes_singletons.push(id);
        }
        objects::create_builtin_types(self);
        exc::create_exception_types(self);
        builtins::create_builtins_module(self);
        // Everything made so far is the runtime itself.
        let ids: Vec<ObjId> = self.heap.live_ids().collect();
        for id in ids {
            self.heap.set_flag(id, BUILTIN);
        }
        // But for ExceptionGroup, a heap type in CPython: its namespace can change (the
        // ledger then counts it afresh), and its instances' references show their class.
        let eg = self.exc_types.exception_group;
        self.heap.clear_flag(eg, BUILTIN);
        if let Some(ns) = self.class(eg).map(|c| c.ns) {
            self.heap.clear_flag(ns, BUILTIN);
        }
        let append = self.heap.intern_sym("append");
        let list_type = self.types[crate::heap::TypeTag::List as usize];
        self.list_append = self.class_lookup(list_type, append).unwrap_or(ObjId::NULL);
        self.init_gc();
        self.heap.gc_count0 = 0;
    }

    /// The cached int object for -5..=256.
    #[inline]
    pub fn small_int(&self, v: i64) -> Option<ObjId> {
        if (-5..=256).contains(&v) {
            Some(self.small_ints[(v + 5) as usize])
        } else {
            None
        }
    }

    /// The cached one-character string for a Latin-1 code point.
    pub fn latin1_char(&self, c: char) -> Option<ObjId> {
        self.latin1.get(c as usize).copied()
    }

    pub fn type_obj(&self, tag: TypeTag) -> ObjId {
        self.types[tag as usize]
    }

    /// The source line `line` (1-based) of a loaded file.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let (_, src) = self.sources.iter().find(|(f, _)| &**f == filename)?;
        src.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(|l| l.to_string())
    }
}
