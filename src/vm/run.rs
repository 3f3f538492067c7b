//! Running a program: the `__main__` module, the module frame, uncaught exceptions and
//! `SystemExit`, finalizers (`__del__`), and context managers.

use std::rc::Rc;

use super::eval::Exit;
use super::frame::{Frame, FrameKind};
use super::{Exc, PyResult, Vm};
use crate::compiler::CodeObject;
use crate::heap::kinds::{FrameState, Module};
use crate::heap::{Kind, ObjId, SymMap};

/// How a program ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub exit_code: i32,
}

/// The signal number of SIGINT (on every platform refscope runs on).
pub const SIGINT: i32 = 2;

impl Vm {
    /// Creates the `__main__` module for a program file.
    pub fn create_main(&mut self, filename: &str, source: &str) {
        if self.first_user_serial == 0 {
            self.first_user_serial = self.heap.next_serial();
        }
        self.sources.push((filename.into(), source.into()));
        let m = self.heap.alloc(Kind::Module(Box::new(Module {
            name: "__main__".into(),
            dict: SymMap::new(),
        })));
        let (name, file, builtins) = (
            self.names.name,
            self.heap.intern_sym("__file__"),
            self.heap.intern_sym("__builtins__"),
        );
        let n = self.new_str("__main__");
        self.ns_set(m, name, n);
        let f = self.new_str(filename);
        self.ns_set(m, file, f);
        let b = self.builtins;
        self.heap.incref(b);
        self.ns_set(m, builtins, b);
        let doc = self.names.doc;
        let none = self.none();
        self.ns_set(m, doc, none);
        self.main = m;
        self.modules.push(("__main__".into(), m));
    }

    /// Imports a module written in Python that refscope ships (compiled on first import,
    /// with the file name `<frozen NAME>`). Returns the module (new reference).
    pub fn load_source_module(&mut self, name: &str, source: &str) -> PyResult<ObjId> {
        // What the module's top-level code makes is the library's, not the program's.
        let outer = std::mem::replace(&mut self.heap.new_flags, crate::heap::flags::LIBRARY);
        // The python3 here has these modules loaded before a program starts (its site
        // imports them): importing one allocates nothing toward the next collection.
        // The others (copy, json, dataclasses...) count, as in CPython.
        const PRELOADED: &[&str] = &[
            "abc",
            "bisect",
            "collections",
            "collections.abc",
            "_collections_user",
            "contextlib",
            "functools",
            "itertools",
            "keyword",
            "operator",
            "random",
            "time",
            "types",
            "typing",
            "weakref",
        ];
        let (count, due) = (self.heap.gc_count0, self.heap.gc_due);
        let r = self.load_source_module_code(name, source);
        if PRELOADED.contains(&name) {
            (self.heap.gc_count0, self.heap.gc_due) = (count, due);
        }
        self.heap.new_flags = outer;
        r
    }

    fn load_source_module_code(&mut self, name: &str, source: &str) -> PyResult<ObjId> {
        let filename = format!("<frozen {name}>");
        let internal = |vm: &mut Vm, e: String| {
            vm.new_exception(
                vm.exc_types.import_error,
                &format!("refscope's {name} module failed to load: {e}"),
            )
        };
        let parsed = match crate::syntax::parse_source(source, &filename) {
            Ok(p) => p,
            Err(e) => return Err(internal(self, e.to_string())),
        };
        let codes = match crate::compiler::compile_module(
            &parsed.module,
            source,
            &filename,
            crate::compiler::Mode::File,
        ) {
            Ok(c) => c,
            Err(e) => return Err(internal(self, e.to_string())),
        };
        let m = self.heap.alloc(Kind::Module(Box::new(Module {
            name: name.into(),
            dict: SymMap::new(),
        })));
        let n = self.new_str(name);
        let name_sym = self.names.name;
        self.ns_set(m, name_sym, n);
        self.sources.push((filename.as_str().into(), source.into()));
        let mark = self.held.len();
        self.held.push(m);
        for code in &codes {
            let base = self.frames.len();
            self.push_module_frame_in(code, m);
            match self.run_until(base) {
                Ok(Exit::Return(v)) | Ok(Exit::Yield(v)) => self.heap.decref(v),
                Err(e) => {
                    self.held.truncate(mark);
                    self.heap.decref(m);
                    return Err(e);
                }
            }
        }
        self.held.truncate(mark);
        Ok(m)
    }

    /// Pushes the frame that runs one module-level code object in `__main__`.
    pub fn push_module_frame(&mut self, code: &Rc<CodeObject>) {
        let main = self.main;
        self.arena_on = true;
        self.push_module_frame_in(code, main);
        self.arena_on = false;
    }

    /// The parser's arena is freed once the program's code has run (before the atexit
    /// functions, as in CPython's `pyrun_file`).
    pub fn free_arena(&mut self) {
        let arena = std::mem::take(&mut self.arena);
        self.release_all(arena);
    }

    /// Pushes the frame that runs module-level code in the given module's namespace.
    pub fn push_module_frame_in(&mut self, code: &Rc<CodeObject>, module: ObjId) {
        self.begin_file();
        let code_obj = self.load_code(code);
        self.end_file();
        self.push_code_frame_owned(code_obj, module, module);
    }

    /// Pushes the frame that runs a code object (borrowed) with the module `globals` and
    /// the namespace `ns` for its names (`exec` and `eval`).
    pub fn push_code_frame(&mut self, code: ObjId, globals: ObjId, ns: ObjId) {
        self.heap.incref(code);
        self.push_code_frame_owned(code, globals, ns);
    }

    fn push_code_frame_owned(&mut self, code_obj: ObjId, globals: ObjId, ns: ObjId) {
        let rt = match self.heap.kind(code_obj) {
            Kind::Code(rt) => rt.clone(),
            _ => {
                self.heap.decref(code_obj);
                return;
            }
        };
        self.heap.incref(globals);
        self.heap.incref(ns);
        let n = rt.code.nslots();
        let st = Box::new(FrameState {
            code: code_obj,
            rt,
            func: ObjId::NULL,
            globals,
            ns,
            slots: vec![ObjId::NULL; n],
            ip: 0,
            blocks: vec![],
            line: 0,
            serial: self.next_frame_serial(),
            prev_ip: u32::MAX,
            frame_obj: ObjId::NULL,
        });
        self.depth += 1;
        self.frames.push(Frame {
            st,
            kind: FrameKind::Entry,
            generator: ObjId::NULL,
            kwnames: ObjId::NULL,
        });
    }

    /// Runs compiled module code (one code object, or one per statement in REPL mode)
    /// to the end, printing an uncaught exception's traceback like CPython.
    pub fn run_program(&mut self, codes: &[Rc<CodeObject>]) -> Outcome {
        let mut outcome = Outcome { exit_code: 0 };
        for code in codes {
            self.push_module_frame(code);
            let r = self.run_until(0);
            let r = r.and_then(|exit| {
                let v = match exit {
                    Exit::Return(v) | Exit::Yield(v) => v,
                };
                self.heap.decref(v);
                self.free_arena();
                self.run_finalizers()
            });
            self.free_arena();
            if let Err(e) = r {
                outcome = self.report_uncaught(e);
                break;
            }
        }
        // As CPython at shutdown: the atexit functions, also after an uncaught exception
        // or sys.exit().
        self.run_atexit();
        outcome
    }

    /// What CPython's finalize_modules does to a program's `__main__` at exit: a
    /// collection while the module still lives (which leaves the survivors in the order
    /// its move_unreachable puts them), then `sys.modules` lets go of the module, and a
    /// last collection finalizes and frees what its globals held. So the `__del__` of
    /// the objects still alive at exit runs, in CPython's order (those held by lists,
    /// tuples and dicts after the others). Output only: a recording has ended by then.
    pub fn finalize_main(&mut self) {
        // (Py_FinalizeEx's first collection is `_PyGC_CollectIfEnabled`: after
        // gc.disable() the lists keep their order, and the last collection frees in it.)
        if !self.gc.enabled {
            self.free_main_module();
            return;
        }
        // (As gc.collect(): gc.callbacks see it.)
        if let Err(e) = self.collect_with_callbacks(2) {
            self.heap.decref(e.0);
        }
        // The order only shows when freeing runs Python code or prints: computing it for
        // a program that leaves a million plain objects alive doubled the time it took to
        // exit.
        if self.freeing_order_shows() {
            let set = crate::heap::gc::candidates(&self.heap, 2);
            crate::heap::gc::subtract_refs(&self.heap, &set);
            let order = crate::heap::gc::scan_order(&self.heap, &set);
            self.gc.order_hint = Some(crate::vm::collector::OrderHint::of(&self.heap, &order));
        }
        self.free_main_module();
    }

    /// `sys.modules` lets go of `__main__`, and a collection (also with the collector
    /// disabled, as `_PyGC_CollectNoFail`) frees what its globals held.
    fn free_main_module(&mut self) {
        if let Some(pos) = self.modules.iter().position(|(n, _)| &**n == "__main__") {
            let (_, m) = self.modules.remove(pos);
            self.heap.decref(m);
            let _ = self.run_finalizers();
        }
        let _ = self.gc_collect(2);
        self.gc.order_hint = None;
        let _ = self.run_finalizers();
    }

    /// Prints an uncaught exception (or handles SystemExit) and gives the exit code.
    pub fn report_uncaught(&mut self, e: Exc) -> Outcome {
        let exc = e.0;
        if self.isinstance(exc, self.exc_types.system_exit) {
            let code = self.exc_arg0(exc);
            let exit_code = if code.is_null() || code == self.none {
                0
            } else if let Some(i) = self.small_int_of(code) {
                // The process's exit status is the low byte, as the system keeps it:
                // sys.exit(-1) is 255 (a negative code here would mean a signal).
                (i & 0xff) as i32
            } else if self.int_of(code).is_some() {
                // Past a C long, CPython's conversion fails and it exits with -1.
                255
            } else {
                let s = self.str_of(code).unwrap_or_default();
                self.out.write_err(&format!("{s}\n"));
                1
            };
            self.heap.decref(exc);
            return Outcome { exit_code };
        }
        // (Held while its str() or a traceback entry runs Python code.)
        let text = self.while_holding(&[exc], |vm| vm.format_exception(exc));
        self.out.write_err(&text);
        // An uncaught KeyboardInterrupt ends python3 by the signal itself (its parent
        // sees it killed by SIGINT): the exit code says so as a negative signal number,
        // as Python's subprocess reports it, and `refscope run` ends the same way.
        let interrupted = self.isinstance(exc, self.exc_types.keyboard_interrupt);
        self.heap.decref(exc);
        Outcome {
            exit_code: if interrupted { -SIGINT } else { 1 },
        }
    }

    /// Runs the `__del__` of objects whose refcount reached zero, then lets the heap finish
    /// freeing them. An exception in `__del__` is printed and ignored, as in CPython.
    /// A generator's finalizer: closes it (its `finally` blocks and `with` exits run); an
    /// error is reported and ignored, as CPython's `_PyGen_Finalize` does.
    pub(crate) fn finalize_generator(&mut self, generator: ObjId) {
        // An asynchronous generator with a finalizer hook goes to it (asyncio's loop
        // closes it later, in a task of its own).
        let finalizer = match self.heap.kind(generator) {
            Kind::Generator(g) if g.frame.is_some() => g.finalizer,
            _ => ObjId::NULL,
        };
        if !finalizer.is_null() {
            self.heap.incref(finalizer);
            let r = self.while_holding(&[finalizer], |vm| vm.call(finalizer, &[generator]));
            self.ignore_error(finalizer, r);
            self.heap.decref(finalizer);
            return;
        }
        if let Kind::Generator(g) = self.heap.kind(generator)
            && g.is_coroutine()
            && !g.started
            && g.frame.is_some()
        {
            let q = g.qualname.clone();
            self.warn_unawaited(&q);
        }
        if let Err(e) = self.gen_close(generator) {
            let tb = self.while_holding(&[e.0], |vm| vm.format_unraisable(e.0));
            let r = self.repr_of(generator).unwrap_or_default();
            self.out
                .write_err(&format!("Exception ignored in: {r}\n{tb}"));
            self.heap.decref(e.0);
        }
    }

    /// CPython's `_PyErr_WarnUnawaitedCoroutine`: a RuntimeWarning, at the line running
    /// when the coroutine went, printed as the default warning filter prints it (once
    /// for each message and place).
    fn warn_unawaited(&mut self, qualname: &str) {
        let place = self.frames.last().map(|f| {
            let code = &f.st.rt.code;
            let ip = f.st.ip.saturating_sub(1) as usize;
            let line = code.lines.get(ip).copied().unwrap_or(code.first_line);
            (code.filename.clone(), line)
        });
        let msg = format!("coroutine '{qualname}' was never awaited");
        let (at, source) = match &place {
            Some((file, line)) => (
                format!("{file}:{line}"),
                self.source_line(file, *line)
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            ),
            None => ("sys:1".to_string(), None),
        };
        if !self.warned.insert(format!("{at}: {msg}")) {
            return;
        }
        let mut out = format!("{at}: RuntimeWarning: {msg}\n");
        if let Some(s) = source {
            out.push_str(&format!("  {s}\n"));
        }
        out.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        self.out.write_err(&out);
    }

    pub fn run_finalizers(&mut self) -> PyResult<()> {
        loop {
            if let Some((wr, cb)) = self.heap.weak_callbacks.pop_front() {
                let _ = self.run_weak_callback(wr, cb);
                continue;
            }
            if self.heap.to_finalize.is_empty() {
                self.heap.resume();
                if self.heap.to_finalize.is_empty() {
                    return Ok(());
                }
            }
            let obj = self.heap.to_finalize.remove(0);
            let saved = self.heap.take_pending();
            self.set_aside.push(saved);
            let del = self.names.del;
            let ty = self.type_of(obj);
            if matches!(self.heap.kind(obj), Kind::Generator(_)) {
                self.while_holding(&[obj], |vm| vm.finalize_generator(obj));
            } else if let Some(f) = self.class_lookup(ty, del) {
                self.heap.incref(f);
                // The finalizer's reference to the object and to __del__ are holders.
                let r = self.while_holding(&[f, obj], |vm| vm.call(f, &[obj]));
                self.ignore_error(f, r);
                self.heap.decref(f);
            }
            // The finalizer's own reference: the object dies now unless __del__ resurrected it.
            self.heap.decref(obj);
            if let Some(saved) = self.set_aside.pop() {
                self.heap.restore_pending(saved);
            }
        }
    }

    /// The end of a call whose error nobody can catch (a finalizer, a callback): the
    /// result is dropped and an error printed as CPython's "Exception ignored in".
    pub(crate) fn ignore_error(&mut self, what: ObjId, r: super::PyResult<ObjId>) {
        match r {
            Ok(v) => self.heap.decref(v),
            Err(e) => {
                let fr = self.repr_of(what).unwrap_or_default();
                let tb = self.format_unraisable(e.0);
                self.out
                    .write_err(&format!("Exception ignored in: {fr}\n{tb}"));
                self.heap.decref(e.0);
            }
        }
    }

    /// Calls a weak reference's callback with the reference (both owned here, released
    /// after). Errors are printed and ignored, as CPython does. True when that release
    /// freed the weak reference (nothing else held it).
    pub(crate) fn run_weak_callback(&mut self, wr: ObjId, cb: ObjId) -> bool {
        let saved = self.heap.take_pending();
        self.set_aside.push(saved);
        // The other queued callbacks wait until this one has run (CPython calls them one
        // after the other).
        let waiting = std::mem::take(&mut self.heap.weak_callbacks);
        self.callbacks_waiting.push(waiting);
        let r = self.while_holding(&[wr, cb], |vm| vm.call(cb, &[wr]));
        if let Some(waiting) = self.callbacks_waiting.pop() {
            self.heap.weak_callbacks.extend(waiting);
        }
        self.ignore_error(cb, r);
        self.heap.decref(cb);
        let last = self.heap.get(wr).rc == 1;
        self.heap.decref(wr);
        if let Some(saved) = self.set_aside.pop() {
            self.heap.restore_pending(saved);
        }
        last
    }

    /// `with mgr:` entry: `(bound __exit__, result of __enter__)`.
    pub(crate) fn setup_with(&mut self, mgr: ObjId) -> PyResult<(ObjId, ObjId)> {
        self.enter_manager(mgr, false)
    }

    /// `async with mgr`'s start: the bound `__aexit__` and what `__aenter__()` returned,
    /// to be awaited (new references).
    pub(crate) fn before_async_with(&mut self, mgr: ObjId) -> PyResult<(ObjId, ObjId)> {
        self.enter_manager(mgr, true)
    }

    /// A context manager's bound exit method and what its enter method returned (new
    /// references): `__enter__`/`__exit__`, or `__aenter__`/`__aexit__` when
    /// `asynchronous`.
    fn enter_manager(&mut self, mgr: ObjId, asynchronous: bool) -> PyResult<(ObjId, ObjId)> {
        let (enter, exit, protocol) = if asynchronous {
            let (e, x) = (
                self.heap.intern_sym("__aenter__"),
                self.heap.intern_sym("__aexit__"),
            );
            (e, x, "asynchronous context manager")
        } else {
            (self.names.enter, self.names.exit, "context manager")
        };
        let ty = self.type_of(mgr);
        let has_enter = self.class_lookup(ty, enter).is_some();
        if !has_enter || self.class_lookup(ty, exit).is_none() {
            let tn = self.type_name(mgr);
            let missing = if has_enter {
                format!(" (missed {} method)", self.heap.sym_name(exit))
            } else {
                String::new()
            };
            return Err(self.type_error(format!(
                "'{tn}' object does not support the {protocol} protocol{missing}"
            )));
        }
        let exit_bound = self.getattr(mgr, exit)?;
        let r = self.while_holding(&[exit_bound], |vm| vm.call_special(mgr, enter, &[]));
        match r {
            Ok(Some(v)) => Ok((exit_bound, v)),
            Ok(None) => {
                self.heap.decref(exit_bound);
                let name = self.heap.sym_name(enter);
                Err(self.type_error(format!("missing {name}")))
            }
            Err(e) => {
                self.heap.decref(exit_bound);
                Err(e)
            }
        }
    }

    /// `__build_class__` from builtins (new reference).
    pub(crate) fn builtin_build_class(&mut self) -> ObjId {
        let s = self.heap.intern_sym("__build_class__");
        match self.ns_get(self.builtins, s) {
            Some(b) => {
                self.heap.incref(b);
                b
            }
            None => self.none(),
        }
    }
}
