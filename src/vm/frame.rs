//! Frames: creating one for a call (binding arguments to parameters with CPython's error
//! messages) and tearing one down.

use std::rc::Rc;

use super::{PyResult, Vm};
use crate::compiler::code::flags;
use crate::heap::kinds::{CodeRt, FrameState};
use crate::heap::{Kind, ObjId, Sym};

/// What happens when a frame returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Its value goes to the calling frame's stack.
    Normal,
    /// A native caller (a nested run) receives its value.
    Entry,
    /// An `__init__` called by instantiating a class: the value must be None and the
    /// instance (an owned reference kept here) goes to the caller instead.
    Init(ObjId),
}

#[derive(Debug)]
pub struct Frame {
    pub st: Box<FrameState>,
    pub kind: FrameKind,
    /// The generator running this frame (an owned reference), or NULL.
    pub generator: ObjId,
    /// Keyword names for the next `Call` (a borrowed constant), or NULL.
    pub kwnames: ObjId,
}

impl Frame {
    pub fn code(&self) -> &Rc<CodeRt> {
        &self.st.rt
    }
}

impl Vm {
    /// A new frame state for `func` (a function object, borrowed) with empty slots.
    pub fn new_frame_state(&mut self, func: ObjId) -> Box<FrameState> {
        let (code, rt, globals) = match self.heap.kind(func) {
            Kind::Function(f) => (f.code, f.rt.clone(), f.globals),
            _ => unreachable_frame(),
        };
        self.heap.incref(code);
        self.heap.incref(func);
        self.heap.incref(globals);
        let n = rt.code.nslots();
        // Finished frames are reused: a call then allocates nothing.
        if let Some(mut st) = self.frame_pool.pop() {
            st.code = code;
            st.rt = rt;
            st.func = func;
            st.globals = globals;
            st.ns = ObjId::NULL;
            st.slots.resize(n, ObjId::NULL);
            st.ip = 0;
            st.line = 0;
            st.serial = self.next_frame_serial();
            st.prev_ip = u32::MAX;
            debug_assert!(st.frame_obj.is_null());
            return st;
        }
        let mut slots = Vec::with_capacity(n + 8);
        slots.resize(n, ObjId::NULL);
        Box::new(FrameState {
            code,
            rt,
            func,
            globals,
            ns: ObjId::NULL,
            slots,
            ip: 0,
            blocks: Vec::new(),
            line: 0,
            serial: self.next_frame_serial(),
            prev_ip: u32::MAX,
            frame_obj: ObjId::NULL,
        })
    }

    pub(crate) fn next_frame_serial(&mut self) -> u32 {
        self.frame_serial = self.frame_serial.wrapping_add(1);
        self.frame_serial
    }

    /// Binds arguments (owned references, moved in) to the parameters of `func` in `st`.
    /// `kwnames` names the last `kwnames.len()` arguments.
    pub fn bind_args(
        &mut self,
        func: ObjId,
        st: &mut FrameState,
        mut args: Vec<ObjId>,
        kwnames: &[Sym],
    ) -> PyResult<()> {
        let code = st.rt.code.clone();
        let nkw = kwnames.len();
        let npos = args.len() - nkw;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.has_flag(flags::VARARGS);
        let has_varkw = code.has_flag(flags::VARKEYWORDS);
        let (defaults, kwdefaults, qualname) = match self.heap.kind(func) {
            Kind::Function(f) => (f.defaults, f.kwdefaults, f.qualname.clone()),
            _ => unreachable_frame(),
        };
        let kw_values: Vec<ObjId> = args.split_off(npos);
        // positional
        let mut extra = vec![];
        for (i, v) in args.into_iter().enumerate() {
            if i < argcount {
                st.slots[i] = v;
            } else {
                extra.push(v);
            }
        }
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + has_varargs as usize;
        if has_varargs {
            st.slots[varargs_slot] = self.new_tuple(extra);
        } else if !extra.is_empty() {
            let given = npos;
            let ndefaults = self.tuple_len(defaults);
            for v in extra {
                self.heap.decref(v);
            }
            for v in kw_values {
                self.heap.decref(v);
            }
            let takes = if ndefaults > 0 {
                format!("from {} to {}", argcount - ndefaults, argcount)
            } else {
                argcount.to_string()
            };
            let kwgiven = nkw;
            let msg = if kwgiven > 0 {
                format!(
                    "{qualname}() takes {takes} positional argument{} but {given} positional argument{} (and {kwgiven} keyword-only argument{}) were given",
                    plural(argcount),
                    plural(given),
                    plural(kwgiven)
                )
            } else {
                format!(
                    "{qualname}() takes {takes} positional argument{} but {given} {} given",
                    if ndefaults == 0 {
                        plural(argcount)
                    } else {
                        "s"
                    },
                    if given == 1 { "was" } else { "were" }
                )
            };
            return Err(self.type_error(msg));
        }
        let varkw = if has_varkw {
            let d = self.new_dict();
            st.slots[varkw_slot] = d;
            d
        } else {
            ObjId::NULL
        };
        // keywords
        let mut posonly_as_kw = vec![];
        for (name, v) in kwnames.iter().zip(kw_values) {
            let pname = self.heap.sym_name(*name);
            let found = code.varnames[..argcount + kwonly]
                .iter()
                .position(|n| **n == *pname);
            match found {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if !st.slots[i].is_null() {
                        self.heap.decref(v);
                        return Err(self.type_error(format!(
                            "{qualname}() got multiple values for argument '{pname}'"
                        )));
                    }
                    st.slots[i] = v;
                }
                _ if !varkw.is_null() => {
                    let k = self.new_str(&pname);
                    let r = self.dict_set(varkw, k, v);
                    self.heap.decref(k);
                    self.heap.decref(v);
                    r?;
                }
                Some(_) => {
                    posonly_as_kw.push(pname.to_string());
                    self.heap.decref(v);
                }
                None => {
                    self.heap.decref(v);
                    return Err(self.type_error(format!(
                        "{qualname}() got an unexpected keyword argument '{pname}'"
                    )));
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // defaults
        let ndefaults = self.tuple_len(defaults);
        let mut missing = vec![];
        for i in 0..argcount {
            if st.slots[i].is_null() {
                let first_default = argcount - ndefaults;
                if i >= first_default {
                    let d = self.tuple_item(defaults, i - first_default);
                    self.heap.incref(d);
                    st.slots[i] = d;
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                plural(missing.len()),
                name_list(&missing)
            )));
        }
        let mut missing_kw = vec![];
        for i in argcount..argcount + kwonly {
            if st.slots[i].is_null() {
                let name = code.varnames[i].clone();
                let d = if kwdefaults.is_null() {
                    None
                } else {
                    self.dict_get_str(kwdefaults, &name)
                };
                match d {
                    Some(d) => {
                        self.heap.incref(d);
                        st.slots[i] = d;
                    }
                    None => missing_kw.push(name.to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                plural(missing_kw.len()),
                name_list(&missing_kw)
            )));
        }
        self.init_cells(func, st);
        Ok(())
    }

    /// Creates the frame's cells and copies the closure's cells into the free-variable
    /// slots. A parameter captured by a closure moves into its cell (`cell2arg`), as
    /// CPython 3.11's MAKE_CELL turns the parameter's slot into its cell: the argument
    /// has one reference, the cell's, not the slot's as well.
    pub fn init_cells(&mut self, func: ObjId, st: &mut FrameState) {
        let code = &st.rt.code;
        let nvars = code.varnames.len();
        let ncells = code.cellvars.len();
        for i in 0..ncells {
            let init = match code.cell2arg.get(i).copied().flatten() {
                Some(a) => std::mem::replace(&mut st.slots[a as usize], ObjId::NULL),
                None => ObjId::NULL,
            };
            st.slots[nvars + i] = self.heap.alloc(Kind::Cell(init));
        }
        let nfree = code.freevars.len();
        if nfree > 0 {
            let closure = match self.heap.kind(func) {
                Kind::Function(f) => f.closure,
                _ => ObjId::NULL,
            };
            for i in 0..nfree {
                let cell = self.tuple_item(closure, i);
                if !cell.is_null() {
                    self.heap.incref(cell);
                }
                st.slots[nvars + ncells + i] = cell;
            }
        }
    }

    /// A frame that is not running ends (a generator's that is closed or failed to
    /// start, a call whose arguments did not bind): see `end_frame`.
    pub fn drop_frame_state(&mut self, st: Box<FrameState>) {
        self.end_frame(st, false);
    }

    /// A frame ends. When something besides the frame holds its frame object (a
    /// traceback, a variable), the object takes the frame over, as CPython's
    /// `_PyFrame_Clear` does: its variables stay alive, its value stack goes, and when it
    /// was `running` (just popped, and not a generator's, whose link to its caller
    /// CPython cuts first), the caller's frame object, made if need be, becomes its
    /// `f_back`. Otherwise everything the frame holds is released.
    #[inline]
    pub fn end_frame(&mut self, mut st: Box<FrameState>, running: bool) {
        let fo = std::mem::replace(&mut st.frame_obj, ObjId::NULL);
        if fo.is_null() {
            return self.release_frame_state(st);
        }
        if self.heap.get(fo).rc <= 1 {
            self.heap.decref(fo);
            return self.release_frame_state(st);
        }
        let nslots = st.rt.code.nslots();
        let stack = st.slots.split_off(nslots.min(st.slots.len()));
        for v in stack.into_iter().rev() {
            self.heap.xdecref(v);
        }
        st.blocks.clear();
        let back = match running {
            true => self.caller_frame_object(),
            false => ObjId::NULL,
        };
        if let Kind::Frame(f) = self.heap.kind_mut(fo) {
            f.state = Some(st);
            f.back = back;
        }
        self.heap.track(fo);
        self.heap.decref(fo);
    }

    /// The frame object of the running frame nearest the top whose code is not library
    /// code standing for C (as `f_back` skips C functions), made if need be; a new
    /// reference. NULL without one.
    fn caller_frame_object(&mut self) -> ObjId {
        let Some(d) = self.frames.iter().rposition(|f| {
            let code = &f.st.rt.code;
            !super::exc::stands_for_c(&code.filename, &code.qualname)
        }) else {
            return ObjId::NULL;
        };
        let fo = self.frame_object(d);
        self.heap.incref(fo);
        fo
    }

    /// The frame object of the running frame at `depth` (borrowed), made the first time
    /// it is asked for (see `Vm::frame_object_at`).
    pub fn frame_object(&mut self, depth: usize) -> ObjId {
        self.frame_object_at(super::frameobj::StateAt::Running(depth))
    }

    /// Releases everything a finished frame holds. (Frames live in boxes so generators
    /// and frame objects can take them over without copying.)
    #[allow(clippy::boxed_local)]
    fn release_frame_state(&mut self, mut st: Box<FrameState>) {
        // First to last, as CPython clears a frame's locals: `a = T(); b = T()` in a
        // function finalizes a, then b, when it returns.
        let mut slots = std::mem::take(&mut st.slots);
        for v in slots.drain(..) {
            self.heap.xdecref(v);
        }
        st.slots = slots;
        self.heap.xdecref(st.ns);
        self.heap.decref(st.globals);
        self.heap.xdecref(st.func);
        self.heap.decref(st.code);
        st.blocks.clear();
        if self.frame_pool.len() < FRAME_POOL {
            self.frame_pool.push(st);
        }
    }

    pub fn tuple_len(&self, t: ObjId) -> usize {
        if t.is_null() {
            return 0;
        }
        match self.heap.kind(t) {
            Kind::Tuple(items) => items.len(),
            _ => 0,
        }
    }

    /// The `i`-th item of a tuple (borrowed), NULL when out of range.
    pub fn tuple_item(&self, t: ObjId, i: usize) -> ObjId {
        if t.is_null() {
            return ObjId::NULL;
        }
        match self.heap.kind(t) {
            Kind::Tuple(items) => items.get(i).copied().unwrap_or(ObjId::NULL),
            _ => ObjId::NULL,
        }
    }
}

/// Finished frames kept for reuse.
const FRAME_POOL: usize = 128;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

#[cold]
fn unreachable_frame() -> ! {
    // Only function objects get frames; callers check the kind first.
    unreachable!("a frame for a non-function")
}
