//! `exec()`, `eval()` and `compile()`: source compiled while the program runs (its file
//! name `<string>`, as CPython's), run in the caller's namespaces or in dicts given.
//!
//! refscope keeps a module's names by name, not in a dict object, so a dict given as the
//! globals (or locals) is copied into a namespace before the code runs and the names are
//! copied back into it after, even when the code raised.

use std::rc::Rc;

use super::containers::table;
use super::{check_kwargs, kwarg};
use crate::compiler::{CompileErrorKind, Mode};
use crate::heap::kinds::Module;
use crate::heap::{Kind, ObjId, Sym, SymMap};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn exec(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let v = run(vm, "exec", args, kw, Mode::File)?;
    vm.heap.decref(v);
    Ok(vm.none())
}

pub fn eval(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    run(vm, "eval", args, kw, Mode::Eval)
}

/// `compile(source, filename, mode)`: a code object for `exec` or `eval`.
/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: what an `import`
/// statement calls. The top package of a dotted name, or with a non-empty `fromlist`
/// the module named itself.
pub fn dunder_import(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    check_kwargs(vm, "__import__", kw, &NAMES)?;
    if args.len() > 5 {
        return Err(vm.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.len()
        )));
    }
    let arg = |vm: &mut Vm, i: usize| args.get(i).copied().or(kwarg(vm, kw, NAMES[i]));
    let Some(name) = arg(vm, 0) else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(n) = vm.as_str(name).map(str::to_string) else {
        return Err(vm.type_error("module name must be a string"));
    };
    let level = match arg(vm, 4) {
        Some(l) => super::to_i64(vm, l, "")?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if level > 0 {
        // (A relative import needs the importing module's globals, to find its package;
        // a program's is never in one.)
        if !arg(vm, 1).is_some_and(|g| matches!(vm.heap.kind(g), Kind::Dict(_))) {
            return Err(vm.type_error("globals must be a dict"));
        }
        let t = vm.exc_type_named("ImportError");
        return Err(vm.new_exception(t, "attempted relative import with no known parent package"));
    }
    if n.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let from = match arg(vm, 3) {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    let sym = vm.heap.intern_sym(&n);
    let m = vm.import_module(sym)?;
    match n.split_once('.') {
        Some((top, _)) if !from => {
            vm.heap.decref(m);
            let top = vm.heap.intern_sym(top);
            vm.import_module(top)
        }
        _ => Ok(m),
    }
}

pub fn compile(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(
        vm,
        "compile",
        kw,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
    )?;
    let arg = |vm: &mut Vm, i: usize, name: &str| args.get(i).copied().or(kwarg(vm, kw, name));
    let (Some(source), Some(filename), Some(mode)) = (
        arg(vm, 0, "source"),
        arg(vm, 1, "filename"),
        arg(vm, 2, "mode"),
    ) else {
        let given = args.len() + kw.len();
        return Err(vm.type_error(format!(
            "compile() missing required argument '{}' (pos {})",
            ["source", "filename", "mode"][given.min(2)],
            given.min(2) + 1
        )));
    };
    let mode = match vm.as_str(mode) {
        Some("exec") => Mode::File,
        Some("eval") => Mode::Eval,
        Some("single") => {
            return Err(
                vm.not_implemented("refscope does not support compile() in 'single' mode yet")
            );
        }
        _ => {
            return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    let Some(filename) = vm.as_str(filename).map(str::to_string) else {
        let tn = vm.type_name(filename);
        return Err(vm.type_error(format!(
            "compile() argument 'filename' must be str, not {tn}"
        )));
    };
    match source_text(vm, source, "compile", mode)? {
        Source::Code(c) => {
            vm.heap.incref(c);
            Ok(c)
        }
        Source::Text(text) => compile_text(vm, &text, &filename, mode),
    }
}

enum Source {
    Text(String),
    Code(ObjId),
}

fn source_text(vm: &mut Vm, v: ObjId, fname: &str, mode: Mode) -> PyResult<Source> {
    let text = match vm.heap.kind(v) {
        Kind::Str(s) => s.s.to_string(),
        Kind::Bytes(b) | Kind::ByteArray(b) => match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) => {
                return Err(vm.new_exception(
                    vm.exc_types.syntax_error,
                    "(unicode error) 'utf-8' codec can't decode bytes",
                ));
            }
        },
        Kind::Code(_) => return Ok(Source::Code(v)),
        _ => {
            let what = if fname == "compile" {
                "compile() arg 1 must be a string, bytes or AST object".to_string()
            } else {
                format!("{fname}() arg 1 must be a string, bytes or code object")
            };
            return Err(vm.type_error(what));
        }
    };
    // eval() ignores leading spaces and tabs, as CPython's does.
    Ok(Source::Text(if mode == Mode::Eval {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text
    }))
}

/// Compiles `text` to a code object (new reference); a SyntaxError is raised in the
/// program, where it can be caught.
fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<ObjId> {
    let parsed = match crate::syntax::parse_source(text, filename) {
        Ok(p) => p,
        Err(e) => {
            let line = e.line;
            let col = e.col;
            // (An IndentationError or a TabError where the tokenizer says so.)
            let class = vm.exc_type_named(e.kind.name());
            let end = (line, e.end_col.unwrap_or(col));
            return Err(syntax_error(
                vm,
                class,
                &e.msg,
                filename,
                (line, col),
                end,
                e.text.as_deref(),
            ));
        }
    };
    let codes = match crate::compiler::compile_module(&parsed.module, text, filename, mode) {
        Ok(c) => c,
        Err(e) if e.kind == CompileErrorKind::Unsupported => {
            return Err(vm.not_implemented(&e.msg));
        }
        Err(e) => {
            // The compiler's errors have no text but from a file the program loaded
            // (CPython reads the line from the file named, if there is one).
            let src = vm.source_line(filename, e.line);
            let class = vm.exc_types.syntax_error;
            let end = e.end.unwrap_or((e.line, e.col));
            let err = syntax_error(
                vm,
                class,
                &e.msg,
                filename,
                (e.line, e.col),
                end,
                src.as_deref(),
            );
            if e.symtable {
                // (The symbol table's errors keep only the message as arguments.)
                let m = vm.new_str(&e.msg);
                let args = vm.new_tuple(vec![m]);
                vm.set_exc_args(err.0, args);
            }
            return Err(err);
        }
    };
    let Some(code) = codes.first() else {
        return Err(vm.runtime_error("compile() made no code"));
    };
    vm.begin_file();
    let c = vm.load_code(code);
    vm.end_file();
    Ok(c)
}

/// A SyntaxError (of `class`, or a subclass) as CPython's compile() raises it: its
/// arguments are `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`, and
/// its fields come from them (`str()` is then `msg (file, line N)`).
fn syntax_error(
    vm: &mut Vm,
    class: ObjId,
    msg: &str,
    filename: &str,
    (line, col): (u32, u32),
    (end_line, end_col): (u32, u32),
    text: Option<&str>,
) -> crate::vm::Exc {
    let details = vec![
        vm.new_str(filename),
        vm.new_int(line as i64),
        vm.new_int(col as i64),
        match text {
            Some(t) => vm.new_str(&format!("{t}\n")),
            None => vm.none(),
        },
        vm.new_int(end_line as i64),
        vm.new_int(end_col as i64),
    ];
    let details = vm.new_tuple(details);
    let m = vm.new_str(msg);
    let e = vm.new_exception_args(class, vec![m, details]);
    if let Err(err) = vm.init_syntax_error(e) {
        vm.heap.decref(err.0);
    }
    crate::vm::Exc(e)
}

/// A namespace the code runs in, and the dict it was copied from (to copy back into).
struct Space {
    ns: ObjId,
    dict: ObjId,
}

fn run(vm: &mut Vm, fname: &str, args: &[ObjId], kw: Kw, mode: Mode) -> PyResult<ObjId> {
    check_kwargs(vm, fname, kw, &["globals", "locals"])?;
    if args.is_empty() || args.len() > 3 {
        let n = args.len();
        let msg = if n == 0 {
            format!("{fname} expected at least 1 argument, got 0")
        } else {
            format!("{fname} expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    let globals = args.get(1).copied().or(kwarg(vm, kw, "globals"));
    let locals = args.get(2).copied().or(kwarg(vm, kw, "locals"));
    let none = vm.none;
    let globals = globals.filter(|g| *g != none);
    let locals = locals.filter(|l| *l != none);
    if let Some(g) = globals
        && !matches!(vm.heap.kind(g), Kind::Dict(_))
    {
        let tn = vm.type_name(g);
        let msg = if fname == "exec" {
            format!("exec() globals must be a dict, not {tn}")
        } else {
            "globals must be a dict".to_string()
        };
        return Err(vm.type_error(msg));
    }
    if let Some(l) = locals
        && !matches!(vm.heap.kind(l), Kind::Dict(_))
    {
        let tn = vm.type_name(l);
        return Err(vm.type_error(format!("locals must be a mapping, not {tn}")));
    }
    let code = match source_text(vm, args[0], fname, mode)? {
        Source::Code(c) => {
            vm.heap.incref(c);
            c
        }
        Source::Text(text) => compile_text(vm, &text, "<string>", mode)?,
    };
    let mark = vm.held.len();
    vm.held.push(code);
    let r = run_in(vm, code, globals, locals);
    vm.held.truncate(mark);
    vm.heap.decref(code);
    r
}

/// Runs `code` with the globals and locals asked for: the caller's when none are given.
fn run_in(
    vm: &mut Vm,
    code: ObjId,
    globals: Option<ObjId>,
    locals: Option<ObjId>,
) -> PyResult<ObjId> {
    let (caller_globals, caller_ns) = match vm.frames.last() {
        Some(f) => (f.st.globals, f.st.ns),
        None => (vm.main, vm.main),
    };
    let mut spaces: Vec<Space> = vec![];
    let g = match globals {
        Some(d) => {
            if vm.dict_get_str(d, "__builtins__").is_none() {
                // CPython puts the builtins into a globals dict that has none.
                let key = vm.new_str("__builtins__");
                let builtins = vm.builtins;
                let r = vm.dict_set(d, key, builtins);
                vm.heap.decref(key);
                r?;
            }
            let m = namespace_from(vm, d, true)?;
            spaces.push(Space { ns: m, dict: d });
            m
        }
        None => {
            vm.heap.incref(caller_globals);
            caller_globals
        }
    };
    let ns = match (locals, globals) {
        (Some(l), Some(d)) if l == d => {
            vm.heap.incref(g);
            g
        }
        (Some(l), _) => {
            let n = namespace_from(vm, l, false)?;
            spaces.push(Space { ns: n, dict: l });
            n
        }
        (None, Some(_)) => {
            vm.heap.incref(g);
            g
        }
        (None, None) if !caller_ns.is_null() => {
            vm.heap.incref(caller_ns);
            caller_ns
        }
        // In a function: its local variables as they are now, in a namespace of their own
        // (what the code assigns does not change them, as in CPython).
        (None, None) => frame_locals(vm),
    };
    let mark = vm.held.len();
    vm.held.extend([g, ns]);
    let base = vm.frames.len();
    vm.push_code_frame(code, g, ns);
    let r = match vm.run_until(base) {
        Ok(crate::vm::eval::Exit::Return(v)) | Ok(crate::vm::eval::Exit::Yield(v)) => Ok(v),
        Err(e) => Err(e),
    };
    let back = spaces.iter().try_for_each(|s| copy_back(vm, s.ns, s.dict));
    vm.held.truncate(mark);
    vm.heap.decref(g);
    vm.heap.decref(ns);
    match (r, back) {
        (Ok(v), Err(e)) => {
            vm.heap.decref(v);
            Err(e)
        }
        (r, _) => r,
    }
}

/// The bound local variables of the running frame, by name (borrowed values).
pub(crate) fn local_pairs(vm: &Vm) -> Vec<(Rc<str>, ObjId)> {
    match vm.frames.last() {
        Some(f) => frame_pairs(vm, &f.st, false),
        None => vec![],
    }
}

/// A frame's bound variables, by name, in CPython's order: the parameters and locals
/// (a parameter captured by a closure, from its cell), then its other cells' contents,
/// then (`with_free`) the free variables' (NULL for an unbound one when `with_unbound`).
pub(crate) fn frame_pairs(
    vm: &Vm,
    st: &crate::heap::kinds::FrameState,
    with_unbound: bool,
) -> Vec<(Rc<str>, ObjId)> {
    let code = &st.rt.code;
    let (nvars, ncells) = (code.varnames.len(), code.cellvars.len());
    let slot = |i: usize| st.slots.get(i).copied().unwrap_or(ObjId::NULL);
    let cell = |i: usize| match vm.heap.kind(slot(i)) {
        Kind::Cell(v) => *v,
        _ => ObjId::NULL,
    };
    let mut out: Vec<(Rc<str>, ObjId)> = Vec::with_capacity(nvars + ncells);
    for (i, n) in code.varnames.iter().enumerate() {
        let v = match code.cell2arg.iter().position(|a| *a == Some(i as u32)) {
            Some(c) => cell(nvars + c),
            None => slot(i),
        };
        out.push((n.clone(), v));
    }
    for (c, n) in code.cellvars.iter().enumerate() {
        if code.cell2arg.get(c).copied().flatten().is_none() {
            out.push((n.clone(), cell(nvars + c)));
        }
    }
    for (k, n) in code.freevars.iter().enumerate() {
        out.push((n.clone(), cell(nvars + ncells + k)));
    }
    if !with_unbound {
        out.retain(|(_, v)| !v.is_null());
    }
    out
}

/// The caller's bound local variables, in a new namespace.
fn frame_locals(vm: &mut Vm) -> ObjId {
    let mut names = SymMap::new();
    for (n, v) in local_pairs(vm) {
        let sym = vm.heap.intern_sym(&n);
        vm.heap.incref(v);
        names.insert(sym, v);
    }
    vm.heap.alloc(Kind::Namespace(Box::new(names)))
}

/// A module (for globals) or a namespace holding the str-keyed entries of dict `d`.
fn namespace_from(vm: &mut Vm, d: ObjId, module: bool) -> PyResult<ObjId> {
    let entries: Vec<(ObjId, ObjId)> = table(vm.heap.kind(d))
        .map(|t| t.iter().map(|(_, e)| (e.key, e.value)).collect())
        .unwrap_or_default();
    let mut names = SymMap::new();
    for (k, v) in entries {
        if let Some(s) = vm.as_str(k).map(str::to_string) {
            let sym = vm.heap.intern_sym(&s);
            vm.heap.incref(v);
            if let Some(old) = names.insert(sym, v) {
                vm.heap.decref(old);
            }
        }
    }
    Ok(if module {
        vm.heap.alloc(Kind::Module(Box::new(Module {
            name: Rc::from("<exec>"),
            dict: names,
        })))
    } else {
        vm.heap.alloc(Kind::Namespace(Box::new(names)))
    })
}

/// The names of namespace `ns` into dict `d`: set, and the str keys no longer there
/// removed.
fn copy_back(vm: &mut Vm, ns: ObjId, d: ObjId) -> PyResult<()> {
    let entries: Vec<(Sym, ObjId)> = match vm.heap.kind(ns) {
        Kind::Module(m) => m.dict.iter().collect(),
        Kind::Namespace(n) => n.iter().collect(),
        _ => vec![],
    };
    let keys: Vec<ObjId> = table(vm.heap.kind(d))
        .map(|t| t.iter().map(|(_, e)| e.key).collect())
        .unwrap_or_default();
    for k in keys {
        let gone = match vm.as_str(k).map(str::to_string) {
            Some(s) => {
                let sym = vm.heap.intern_sym(&s);
                !entries.iter().any(|(n, _)| *n == sym)
            }
            None => false,
        };
        if gone {
            vm.heap.incref(k);
            let r = vm.dict_pop(d, k);
            vm.heap.decref(k);
            if let Some(v) = r? {
                vm.heap.decref(v);
            }
        }
    }
    for (sym, v) in entries {
        let name = vm.heap.sym_name(sym);
        let key = vm.intern_str(&name);
        let r = vm.dict_set(d, key, v);
        vm.heap.decref(key);
        r?;
    }
    Ok(())
}
