//! Frame and traceback objects as a program sees them: `sys._getframe()`, a traceback's
//! `tb_frame` and `tb_next`, `f_locals`, `f_back`, `gi_frame`, `frame.clear()`.
//!
//! A frame object stands for a running frame until the frame finishes; then it holds
//! the frame's state itself (`Vm::end_frame`). While it stands for a frame, what it
//! shows is read from that frame: on the stack, or suspended in its generator.

use super::{PyResult, Vm};
use crate::heap::kinds::FrameState;
use crate::heap::{Kind, ObjId};

/// The line a frame is at: its last instruction's (an artificial instruction, of line
/// 0, reports the nearest real line before it), as the traceback of an exception
/// raised there would say.
pub(crate) fn frame_line(st: &FrameState) -> u32 {
    let code = &st.rt.code;
    let ip = (st.ip.saturating_sub(1) as usize).min(code.lines.len().saturating_sub(1));
    code.lines[..=ip]
        .iter()
        .rev()
        .copied()
        .find(|l| *l != 0)
        .unwrap_or(code.first_line)
}

/// Where a frame's state is: in a frame object that took it over, on the stack, or in a
/// suspended generator.
#[derive(Clone, Copy)]
pub(crate) enum StateAt {
    Own(ObjId),
    Running(usize),
    Generator(ObjId),
}

impl Vm {
    /// Where the state of the frame a frame object stands for is.
    fn locate(&self, fo: ObjId) -> Option<StateAt> {
        let Kind::Frame(f) = self.heap.kind(fo) else {
            return None;
        };
        if f.state.is_some() {
            return Some(StateAt::Own(fo));
        }
        let serial = f.serial;
        if let Some(d) = self.frames.iter().rposition(|fr| fr.st.serial == serial) {
            return Some(StateAt::Running(d));
        }
        // A suspended generator's frame (rare: found by looking at the generators).
        self.heap
            .live_ids()
            .find(|id| match self.heap.kind(*id) {
                Kind::Generator(g) => g.frame.as_deref().is_some_and(|st| st.serial == serial),
                _ => false,
            })
            .map(StateAt::Generator)
    }

    fn state_at(&self, at: StateAt) -> Option<&FrameState> {
        match at {
            StateAt::Running(d) => self.frames.get(d).map(|f| &*f.st),
            StateAt::Own(fo) => match self.heap.kind(fo) {
                Kind::Frame(f) => f.state.as_deref(),
                _ => None,
            },
            StateAt::Generator(g) => match self.heap.kind(g) {
                Kind::Generator(g) => g.frame.as_deref(),
                _ => None,
            },
        }
    }

    fn state_at_mut(&mut self, at: StateAt) -> Option<&mut FrameState> {
        match at {
            StateAt::Running(d) => self.frames.get_mut(d).map(|f| &mut *f.st),
            StateAt::Own(fo) => match self.heap.kind_mut(fo) {
                Kind::Frame(f) => f.state.as_deref_mut(),
                _ => None,
            },
            StateAt::Generator(g) => match self.heap.kind_mut(g) {
                Kind::Generator(g) => g.frame.as_deref_mut(),
                _ => None,
            },
        }
    }

    /// The state of the frame a frame object stands for, and the depth of that frame
    /// when it is running.
    fn frame_obj_state(&self, fo: ObjId) -> Option<(&FrameState, Option<usize>)> {
        let at = self.locate(fo)?;
        let depth = match at {
            StateAt::Running(d) => Some(d),
            _ => None,
        };
        self.state_at(at).map(|st| (st, depth))
    }

    /// A function frame's locals as a dict (a new reference): the dict the frame keeps
    /// as its `f_locals`, made the first time and brought up to date each time (the
    /// variables bound now in, the unbound ones out), as CPython's
    /// PyFrame_FastToLocals does for `locals()` and `frame.f_locals`. The dict keeps the
    /// values alive until the next update or the frame's end, as in CPython.
    pub(crate) fn fast_to_locals(&mut self, at: StateAt) -> PyResult<ObjId> {
        let Some(st) = self.state_at(at) else {
            return Ok(self.new_dict());
        };
        let pairs = super::builtins::exec::frame_pairs(self, st, true);
        let mut d = st.ns;
        if d.is_null() {
            d = self.new_dict();
            if let Some(st) = self.state_at_mut(at) {
                st.ns = d;
            }
            self.frame_state_changed(at);
        }
        for (n, v) in pairs {
            let k = self.new_str(&n);
            let r = if v.is_null() {
                self.dict_pop(d, k).map(|old| {
                    if let Some(old) = old {
                        self.heap.decref(old);
                    }
                })
            } else {
                self.dict_set(d, k, v)
            };
            self.heap.decref(k);
            r?;
        }
        self.heap.incref(d);
        Ok(d)
    }
    /// `sys._getframe(depth)`: the frame object of the caller `depth` frames up (library
    /// code that is C in CPython does not count).
    pub fn getframe(&mut self, depth: i64) -> PyResult<ObjId> {
        let mut left = depth.max(0);
        let mut found = None;
        for d in (0..self.frames.len()).rev() {
            let code = &self.frames[d].st.rt.code;
            if super::exc::stands_for_c(&code.filename, &code.qualname) {
                continue;
            }
            if left == 0 {
                found = Some(d);
                break;
            }
            left -= 1;
        }
        let Some(d) = found else {
            return Err(self.value_error("call stack is not deep enough"));
        };
        let fo = self.frame_object(d);
        self.heap.incref(fo);
        Ok(fo)
    }

    /// A generator's `gi_frame`: its frame's object while it has a frame, else None.
    pub fn gi_frame(&mut self, generator: ObjId) -> ObjId {
        let at = match self.frames.iter().rposition(|f| f.generator == generator) {
            Some(d) => StateAt::Running(d),
            None if matches!(self.heap.kind(generator), Kind::Generator(g) if g.frame.is_some()) => {
                StateAt::Generator(generator)
            }
            None => return self.none(),
        };
        let fo = self.frame_object_at(at);
        self.heap.incref(fo);
        fo
    }

    /// The frame object of a running or suspended frame (borrowed), made the first time
    /// it is asked for and kept by the frame. It is not tracked by the collector until
    /// it takes its frame over, as in CPython. (A frame object's own state has none.)
    pub(crate) fn frame_object_at(&mut self, at: StateAt) -> ObjId {
        let Some(st) = self.state_at(at) else {
            return ObjId::NULL;
        };
        if !st.frame_obj.is_null() {
            return st.frame_obj;
        }
        let obj = crate::heap::kinds::FrameObj {
            state: None,
            back: ObjId::NULL,
            serial: st.serial,
            rt: st.rt.clone(),
        };
        let fo = self.heap.alloc(Kind::Frame(Box::new(obj)));
        self.heap.untrack(fo);
        if let Some(st) = self.state_at_mut(at) {
            st.frame_obj = fo;
        }
        self.frame_state_changed(at);
        fo
    }

    /// A frame was given a frame object or an `f_locals` dict: a running one is looked
    /// at again by the recording's next step (a generator's object was touched).
    fn frame_state_changed(&mut self, at: StateAt) {
        if let StateAt::Running(depth) = at
            && let Some(t) = self.tracer.as_mut()
        {
            t.frame_changed(depth);
        }
    }

    /// The attributes of a frame object (None: no such attribute).
    pub(crate) fn frame_attr(&mut self, fo: ObjId, name: &str) -> PyResult<Option<ObjId>> {
        let Some((st, depth)) = self.frame_obj_state(fo) else {
            return Ok(match name {
                "f_code" | "f_globals" | "f_locals" | "f_builtins" | "f_back" | "f_lineno"
                | "f_lasti" | "f_trace" => Some(self.none()),
                _ => None,
            });
        };
        let (code, globals, line, ip) = (st.code, st.globals, frame_line(st), st.ip);
        let v = match name {
            "f_code" => {
                self.heap.incref(code);
                code
            }
            "f_globals" => {
                let d = self.names.dict;
                return self.getattr(globals, d).map(Some);
            }
            "f_builtins" => {
                let d = self.names.dict;
                let b = self.builtins;
                return self.getattr(b, d).map(Some);
            }
            "f_locals" => {
                let ns = st.ns;
                if !ns.is_null() && !matches!(self.heap.kind(ns), Kind::Dict(_)) {
                    // A module's (or a class body's) namespace.
                    let d = self.names.dict;
                    return self.getattr(ns, d).map(Some);
                }
                match self.locate(fo) {
                    Some(at) => self.fast_to_locals(at)?,
                    None => self.new_dict(),
                }
            }
            "f_back" => {
                let back = match self.heap.kind(fo) {
                    Kind::Frame(f) if f.state.is_some() => f.back,
                    _ => ObjId::NULL,
                };
                if !back.is_null() {
                    self.heap.incref(back);
                    return Ok(Some(back));
                }
                let below = depth.and_then(|d| {
                    (0..d).rev().find(|&b| {
                        let code = &self.frames[b].st.rt.code;
                        !super::exc::stands_for_c(&code.filename, &code.qualname)
                    })
                });
                match below {
                    Some(b) => {
                        let f = self.frame_object(b);
                        self.heap.incref(f);
                        f
                    }
                    None => self.none(),
                }
            }
            "f_lineno" => self.new_int(line as i64),
            "f_lasti" => self.new_int(2 * ip.saturating_sub(1) as i64),
            "f_trace" => self.none(),
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// `frame.clear()`: a finished frame lets go of its variables; a running one cannot.
    pub(crate) fn frame_clear(&mut self, fo: ObjId) -> PyResult<()> {
        let finished = matches!(self.heap.kind(fo), Kind::Frame(f) if f.state.is_some());
        if !finished {
            let running = self.frame_obj_state(fo).is_some_and(|(_, d)| d.is_some());
            if running {
                return Err(self.runtime_error("cannot clear an executing frame"));
            }
            return Ok(());
        }
        let slots = match self.heap.kind_mut(fo) {
            Kind::Frame(f) => f
                .state
                .as_mut()
                .map(|st| std::mem::take(&mut st.slots))
                .unwrap_or_default(),
            _ => vec![],
        };
        for v in slots {
            self.heap.xdecref(v);
        }
        Ok(())
    }

    /// The attributes of a traceback object.
    pub(crate) fn traceback_attr(&mut self, tb: ObjId, name: &str) -> Option<ObjId> {
        let Kind::Traceback(t) = self.heap.kind(tb) else {
            return None;
        };
        let t = **t;
        Some(match name {
            "tb_next" if t.next.is_null() => self.none(),
            "tb_next" => {
                self.heap.incref(t.next);
                t.next
            }
            "tb_frame" => {
                self.heap.incref(t.frame);
                t.frame
            }
            "tb_lineno" => self.new_int(t.lineno as i64),
            "tb_lasti" => self.new_int(t.lasti as i64),
            _ => return None,
        })
    }

    /// `repr(frame)`: CPython's, with the line the frame is at.
    pub(crate) fn frame_repr(&self, fo: ObjId) -> String {
        let line = self.frame_obj_state(fo).map_or(0, |(st, _)| frame_line(st));
        match self.heap.kind(fo) {
            Kind::Frame(f) => format!(
                "<frame at {}, file '{}', line {line}, code {}>",
                self.addr(fo),
                f.rt.code.filename,
                f.rt.code.name
            ),
            _ => String::new(),
        }
    }

    /// `exc.__traceback__ = tb` (tb borrowed: a traceback or None).
    pub(crate) fn set_exc_traceback(&mut self, exc: ObjId, tb: ObjId) -> PyResult<()> {
        let tb = if tb == self.none {
            ObjId::NULL
        } else if matches!(self.heap.kind(tb), Kind::Traceback(_)) {
            tb
        } else {
            return Err(self.type_error("__traceback__ must be a traceback or None"));
        };
        if !tb.is_null() {
            self.heap.incref(tb);
        }
        let old = match self.exc_data_mut(exc) {
            Some(d) => std::mem::replace(&mut d.traceback, tb),
            None => tb,
        };
        self.heap.xdecref(old);
        Ok(())
    }

    /// The traceback of an exception (a new reference), or None.
    pub fn exc_traceback(&mut self, exc: ObjId) -> ObjId {
        let tb = self.exc_data(exc).map_or(ObjId::NULL, |d| d.traceback);
        if tb.is_null() {
            return self.none();
        }
        self.heap.incref(tb);
        tb
    }
}
