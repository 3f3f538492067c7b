//! Native modules (`sys`, `math`, `array`) and `import`. Programs run in a sandbox: modules
//! that reach the machine (`os`, `subprocess`, `socket`, ...) are refused with a clear error.

pub mod array;
pub mod atexit;
pub mod gc;
pub mod math;
pub mod memory_profiler;
pub mod objgraph;
pub mod random;
pub mod sys;
pub mod time;
pub mod tracemalloc;
pub mod weakref;

use super::{PyResult, Vm};
use crate::heap::{Kind, ObjId, Sym};

/// Modules that would let a program touch the machine.
const REFUSED: &[&str] = &[
    "os",
    "subprocess",
    "socket",
    "shutil",
    "pathlib",
    "tempfile",
    "ctypes",
    "multiprocessing",
    "threading",
    "signal",
    "urllib",
    "http",
    "select",
    "mmap",
    "pty",
    "fcntl",
];

/// The `copy` module, written in Python over the engine's own objects.
const COPY_SOURCE: &str = include_str!("py/copy.py");
/// `functools`, written in Python too.
const FUNCTOOLS_SOURCE: &str = include_str!("py/functools.py");
/// Modules of CPython's standard library written in Python for refscope (CPython's are
/// in C, or import C parts): by name, their source.
const PY_MODULES: &[(&str, &str)] = &[
    ("operator", include_str!("py/operator.py")),
    ("__future__", include_str!("py/future.py")),
    ("itertools", include_str!("py/itertools.py")),
    ("contextlib", include_str!("py/contextlib.py")),
    ("heapq", include_str!("py/heapq.py")),
    ("bisect", include_str!("py/bisect.py")),
    ("string", include_str!("py/string.py")),
    ("random", include_str!("py/random.py")),
    ("dataclasses", include_str!("py/dataclasses.py")),
    ("types", include_str!("py/types.py")),
    ("typing", include_str!("py/typing.py")),
    ("keyword", include_str!("py/keyword.py")),
    ("collections", include_str!("py/collections.py")),
    ("abc", include_str!("py/abc.py")),
    ("json", include_str!("py/json.py")),
    ("fractions", include_str!("py/fractions.py")),
    ("traceback", include_str!("py/traceback.py")),
    ("linecache", include_str!("py/linecache.py")),
    ("io", include_str!("py/io.py")),
    ("enum", include_str!("py/enum.py")),
    ("collections.abc", include_str!("py/collections_abc.py")),
    ("_collections_user", include_str!("py/collections_user.py")),
    ("pprint", include_str!("py/pprint.py")),
    ("textwrap", include_str!("py/textwrap.py")),
    ("statistics", include_str!("py/statistics.py")),
    ("queue", include_str!("py/queue.py")),
    ("numbers", include_str!("py/numbers.py")),
    ("struct", include_str!("py/struct.py")),
    ("datetime", include_str!("py/datetime.py")),
    ("time", include_str!("py/time.py")),
    ("re", include_str!("py/re.py")),
    ("_re_engine", include_str!("py/_re_engine.py")),
    ("warnings", include_str!("py/warnings.py")),
    ("inspect", include_str!("py/inspect.py")),
    ("copyreg", include_str!("py/copyreg.py")),
    ("pickle", include_str!("py/pickle.py")),
    ("pickletools", include_str!("py/pickletools.py")),
    ("timeit", include_str!("py/timeit.py")),
    ("csv", include_str!("py/csv.py")),
    ("decimal", include_str!("py/decimal.py")),
    ("cmath", include_str!("py/cmath.py")),
    ("graphlib", include_str!("py/graphlib.py")),
    ("asyncio", include_str!("py/asyncio.py")),
    ("binascii", include_str!("py/binascii.py")),
    ("base64", include_str!("py/base64.py")),
    ("hashlib", include_str!("py/hashlib.py")),
    ("difflib", include_str!("py/difflib.py")),
    ("fnmatch", include_str!("py/fnmatch.py")),
    ("shlex", include_str!("py/shlex.py")),
    ("html", include_str!("py/html.py")),
];

/// For working on the Python modules refscope bundles, without a rebuild: with
/// `REFSCOPE_LIB_DIR` set, `import name` loads `$REFSCOPE_LIB_DIR/name.py` when there is
/// one, in place of the bundled module (or as a new one). Set by whoever runs refscope,
/// never by the program it runs.
fn lib_dir_source(name: &str) -> Option<String> {
    let dir = std::env::var_os("REFSCOPE_LIB_DIR")?;
    std::fs::read_to_string(std::path::Path::new(&dir).join(format!("{name}.py"))).ok()
}

impl Vm {
    /// The module imported as `name` already, if it is (new reference).
    fn imported(&mut self, name: &str) -> Option<ObjId> {
        let m = self.modules.iter().find(|(k, _)| **k == *name)?.1;
        self.heap.incref(m);
        Some(m)
    }

    /// `import name`: the module object (new reference).
    pub fn import_module(&mut self, name: Sym) -> PyResult<ObjId> {
        let n = self.heap.sym_name(name);
        if let Some(m) = self.imported(&n) {
            return Ok(m);
        }
        // A submodule (`collections.abc`): its package first, then the submodule,
        // which becomes the package's attribute.
        if let Some((parent, child)) = n.rsplit_once('.') {
            let psym = self.heap.intern_sym(parent);
            let package = self.import_module(psym)?;
            // (Importing the package may have imported this submodule.)
            if let Some(m) = self.imported(&n) {
                self.heap.decref(package);
                return Ok(m);
            }
            let Some(&(mname, src)) = PY_MODULES.iter().find(|(m, _)| *m == &*n) else {
                self.heap.decref(package);
                let msg = format!("No module named '{n}'; '{parent}' is not a package");
                let plain = format!("No module named '{n}'");
                let is_package = PY_MODULES
                    .iter()
                    .any(|(m, _)| m.starts_with(&format!("{parent}.")));
                return Err(self.new_exception(
                    self.exc_types.module_not_found_error,
                    if is_package { &plain } else { &msg },
                ));
            };
            let r = self.while_holding(&[package], |vm| vm.load_source_module(mname, src));
            let m = match r {
                Ok(m) => m,
                Err(e) => {
                    self.heap.decref(package);
                    return Err(e);
                }
            };
            let csym = self.heap.intern_sym(child);
            self.heap.incref(m);
            self.ns_set(package, csym, m);
            self.heap.decref(package);
            self.heap.incref(m);
            self.modules.push((n.clone(), m));
            return Ok(m);
        }
        let m = match &*n {
            other if let Some(src) = lib_dir_source(other) => {
                self.load_source_module(other, &src)?
            }
            // The module the runtime's builtins already live in.
            "builtins" => {
                let b = self.builtins;
                self.heap.incref(b);
                b
            }
            "sys" => sys::create(self),
            "math" => math::create(self),
            "_time" => time::create(self),
            "_random" => random::create(self),
            "_tracemalloc" => tracemalloc::create_native(self),
            "tracemalloc" => self.load_source_module("tracemalloc", tracemalloc::SOURCE)?,
            "array" => array::create_module(self),
            "gc" => gc::create(self),
            "atexit" => atexit::create(self),
            "_memory_profiler" => memory_profiler::create_native(self),
            "memory_profiler" => {
                self.load_source_module("memory_profiler", memory_profiler::SOURCE)?
            }
            "_weakref" => weakref::create_native(self),
            "weakref" => self.load_source_module("weakref", weakref::SOURCE)?,
            "_objgraph" => objgraph::create_native(self),
            "objgraph" => self.load_source_module("objgraph", objgraph::SOURCE)?,
            "copy" => self.load_source_module("copy", COPY_SOURCE)?,
            "functools" => self.load_source_module("functools", FUNCTOOLS_SOURCE)?,
            other if let Some((name, src)) = PY_MODULES.iter().find(|(n, _)| *n == other) => {
                self.load_source_module(name, src)?
            }
            other if REFUSED.contains(&other) => {
                return Err(self.new_exception(
                    self.exc_types.import_error,
                    &format!(
                        "refscope runs programs in a sandbox: the '{other}' module is not available"
                    ),
                ));
            }
            _ => {
                let e = self.new_exception(
                    self.exc_types.module_not_found_error,
                    &format!("No module named '{n}'"),
                );
                let (name_sym, path_sym) =
                    (self.heap.intern_sym("name"), self.heap.intern_sym("path"));
                let nm = self.new_str(&n);
                self.set_exception_attr(e.0, name_sym, nm);
                let none = self.none();
                self.set_exception_attr(e.0, path_sym, none);
                return Err(e);
            }
        };
        self.heap.incref(m);
        self.modules.push((n.clone(), m));
        // python3 has collections.abc loaded whenever it has collections (its site
        // imports both), so `import collections` gives `collections.abc` too; and
        // collections' classes built on those ABCs (UserDict...) are made then.
        if &*n == "collections" {
            let user = self.heap.intern_sym("_collections_user");
            match self.while_holding(&[m], |vm| vm.import_module(user)) {
                Ok(user) => self.heap.decref(user),
                Err(e) => {
                    self.heap.decref(m);
                    return Err(e);
                }
            }
        }
        Ok(m)
    }

    /// `from module import name` (new reference).
    pub fn import_from(&mut self, module: ObjId, name: Sym) -> PyResult<ObjId> {
        match self.getattr_opt(module, name)? {
            Some(v) => Ok(v),
            // `from collections import abc`: a submodule not imported yet.
            None if let Kind::Module(m) = self.heap.kind(module)
                && let full = format!("{}.{}", m.name, self.heap.sym_name(name))
                && PY_MODULES.iter().any(|(n, _)| *n == full) =>
            {
                let sym = self.heap.intern_sym(&full);
                self.import_module(sym)
            }
            None => {
                let n = self.heap.sym_name(name);
                let m = match self.heap.kind(module) {
                    Kind::Module(m) => m.name.clone(),
                    _ => "?".into(),
                };
                Err(self.new_exception(
                    self.exc_types.import_error,
                    &format!("cannot import name '{n}' from '{m}' (unknown location)"),
                ))
            }
        }
    }
}
