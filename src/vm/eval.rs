//! The dispatch loop: one instruction at a time, frames pushed and popped without Rust
//! recursion, and exceptions unwound through the frames' block stacks.

use std::cell::Cell;
use std::rc::Rc;

use super::frame::{Frame, FrameKind};
use super::{Exc, PyResult, Vm};
use crate::compiler::code::{BinOp, CmpOp, Instr, flags};
use crate::heap::kinds::{Block, FrameState, Function, IterState, ListItems};
use crate::heap::{Heap, Kind, ObjId, Sym, SymMap};

/// How a run of the loop ended.
pub enum Exit {
    /// The entry frame returned this value.
    Return(ObjId),
    /// The entry frame (a generator's) yielded this value.
    Yield(ObjId),
}

macro_rules! top {
    ($vm:expr) => {
        $vm.frames.last_mut().expect("the loop runs with a frame")
    };
}

impl Vm {
    #[inline]
    pub(crate) fn push(&mut self, v: ObjId) {
        top!(self).st.slots.push(v);
    }

    #[inline]
    pub(crate) fn pop(&mut self) -> ObjId {
        top!(self).st.slots.pop().unwrap_or(ObjId::NULL)
    }

    /// The `n`-th item from the top of the stack (borrowed; 1 is the top).
    #[inline]
    pub(crate) fn peek(&self, n: usize) -> ObjId {
        let s = &self.frames[self.frames.len() - 1].st.slots;
        s[s.len() - n]
    }

    /// Runs frames until the frame at index `base` returns or yields.
    pub fn run_until(&mut self, base: usize) -> PyResult<Exit> {
        loop {
            match self.exec(base) {
                Ok(exit) => return Ok(exit),
                Err((exc, fresh)) => {
                    self.unwind(exc, base, fresh)?;
                    // What the unwinding freed is finalized before the handler's first
                    // line, as CPython finalizes it during the unwinding.
                    if self.heap.needs_attention()
                        && let Err(e) = self.after_instr()
                    {
                        self.unwind(e, base, true)?;
                    }
                }
            }
        }
    }

    /// Executes instructions until the entry frame finishes; an error comes back with a
    /// flag saying whether it was freshly raised (it gets `__context__` and a traceback
    /// entry) or re-raised.
    fn exec(&mut self, base: usize) -> Result<Exit, (Exc, bool)> {
        // Whether anything watches instructions. Only a full step can start or stop a
        // watcher (a native call: tracemalloc.start, memory_profiler's start and stop), so
        // this is asked again after each one, not before every instruction.
        let mut watched = self.watched();
        // The running code's instructions, held here while its frames run: the fetch is
        // then the frame's `ip` and one load, not a walk through the frame's state, its
        // code and the code object (five loads in a row, every instruction).
        loop {
            let rt = top!(self).st.rt.clone();
            let code: &[Instr] = &rt.code.code;
            loop {
                let f = top!(self);
                if !Rc::ptr_eq(&f.st.rt, &rt) {
                    // Another code runs now (a call, a return, a generator resumed).
                    break;
                }
                let ip = f.st.ip as usize;
                let Some(&instr) = code.get(ip) else {
                    return Err((self.runtime_error("instruction pointer out of range"), true));
                };
                f.st.ip += 1;
                if watched {
                    self.before_instr(ip, instr);
                }
                if self.step_fast(instr) {
                    // Handled inline; what follows a step still applies.
                } else {
                    let r = self.step(instr);
                    watched = self.watched();
                    match r {
                        Ok(None) => {}
                        Ok(Some(exit)) => {
                            if self.frames.len() <= base {
                                return Ok(exit);
                            }
                            if let Exit::Return(v) = exit {
                                self.push(v);
                            }
                        }
                        Err(e) => {
                            // A bare `raise` re-raises the handled exception as it is: no
                            // new traceback entry, no `__context__` (CPython's do_raise
                            // goes straight to exception_unwind).
                            let fresh = match instr {
                                Instr::Reraise | Instr::EndAsyncFor => false,
                                Instr::Raise(0) => self.handled.last() != Some(&e.0),
                                _ => true,
                            };
                            // `raise e` raises it anew, whatever it went through before.
                            if matches!(instr, Instr::Raise(n) if n > 0)
                                && let Some(d) = self.exc_data_mut(e.0)
                            {
                                d.raised = false;
                            }
                            return Err((e, fresh));
                        }
                    }
                }
                // One test for the three rare cases (`|`, not `||`: a single branch).
                if self.heap.needs_attention() | self.heap.gc_due | self.options.check_ledger
                    && let Err(e) = self.after_instr()
                {
                    return Err((e, true));
                }
            }
        }
    }

    /// Whether a recording, memory_profiler or tracemalloc watches instructions.
    #[inline]
    fn watched(&self) -> bool {
        self.tracer.is_some() | !self.mem_profiles.is_empty() | self.heap.tracing.is_some()
    }

    /// What watches instructions: a recording or memory_profiler (lines and steps),
    /// tracemalloc (the allocation site).
    #[cold]
    fn before_instr(&mut self, ip: usize, instr: Instr) {
        if self.tracer.is_some() || !self.mem_profiles.is_empty() {
            self.trace_instr(ip, instr);
        }
        if self.heap.tracing.is_some() {
            self.trace_site(ip);
        }
    }

    /// What may follow an instruction: finalizers and weakref callbacks that a release
    /// parked, a collection the allocations made due, the tests' ledger check.
    #[cold]
    fn after_instr(&mut self) -> PyResult<()> {
        if self.heap.needs_attention() {
            self.run_finalizers()?;
        }
        if self.heap.gc_due {
            self.heap.gc_due = false;
            self.maybe_collect()?;
        }
        if self.options.check_ledger {
            self.assert_ledger();
        }
        Ok(())
    }

    /// The most frequent instructions in their common case, done here without a call to
    /// [`Vm::step`], whose prologue alone costs more than they do: locals and constants
    /// loaded and stored, jumps, a test of a bool, and comparisons and arithmetic of two
    /// small ints that cannot overflow. Returns false, having changed nothing, for anything
    /// else (an unbound local, another operand type, an overflow), which `step` then runs
    /// with its full semantics and errors.
    #[inline(always)]
    fn step_fast(&mut self, instr: Instr) -> bool {
        let f = top!(self);
        match instr {
            Instr::LoadFast(i) => {
                let v = f.st.slots[i as usize];
                if v.is_null() {
                    return false;
                }
                f.st.slots.push(v);
                self.heap.incref(v);
            }
            Instr::LoadConst(k) => {
                let v = f.st.rt.consts[k as usize];
                f.st.slots.push(v);
                self.heap.incref(v);
            }
            Instr::StoreFast(i) => {
                let v = f.st.slots.pop().unwrap_or(ObjId::NULL);
                let old = std::mem::replace(&mut f.st.slots[i as usize], v);
                self.heap.xdecref(old);
            }
            Instr::PopTop => {
                let v = f.st.slots.pop().unwrap_or(ObjId::NULL);
                self.heap.xdecref(v);
            }
            Instr::Jump(t) => f.st.ip = t,
            Instr::PushNull => f.st.slots.push(ObjId::NULL),
            // A Python function called with exactly its positional parameters.
            Instr::Call(argc) => {
                if !f.kwnames.is_null() {
                    return false;
                }
                return self.try_fast_call(argc as usize) || self.try_list_append(argc as usize);
            }
            // A method found on the type: the function, then the object as `self`.
            Instr::LoadMethod(n) => {
                let Some(&obj) = f.st.slots.last() else {
                    return false;
                };
                let sym = f.st.rt.names[n as usize];
                let Ok(Some(meth)) = self.lookup_method(obj, sym) else {
                    return false;
                };
                let s = &mut top!(self).st.slots;
                let len = s.len();
                s[len - 1] = meth;
                s.push(obj);
            }
            // A frame pushed by a call instruction returns to its caller's stack, which is
            // always in this run of the loop (the entry frame of a nested run is `Entry`).
            // So does an `__init__` that returns None: the caller gets the instance.
            Instr::ReturnValue => {
                if !f.generator.is_null() {
                    return false;
                }
                let v = match f.kind {
                    FrameKind::Normal => f.st.slots.pop().unwrap_or(ObjId::NULL),
                    FrameKind::Init(_) if f.st.slots.last() == Some(&self.none) => {
                        f.st.slots.pop();
                        let Some(FrameKind::Init(instance)) = self.leave_frame() else {
                            return false;
                        };
                        self.heap.decref(self.none);
                        top!(self).st.slots.push(instance);
                        return true;
                    }
                    _ => return false,
                };
                self.leave_frame();
                top!(self).st.slots.push(v);
            }
            // `self.x = value` on a plain instance.
            Instr::StoreAttr(n) => {
                let len = f.st.slots.len();
                if len < 2 {
                    return false;
                }
                let (obj, v) = (f.st.slots[len - 1], f.st.slots[len - 2]);
                let sym = f.st.rt.names[n as usize];
                if !self.try_plain_setattr(obj, sym, v) {
                    return false;
                }
                top!(self).st.slots.truncate(len - 2);
                self.heap.decref(obj);
            }
            // Module-level code's names (with the instruction's position hint).
            Instr::LoadName(n) => {
                let st = &self.frames[self.frames.len() - 1].st;
                if is_mapping_ns(&self.heap, st.ns) {
                    return false;
                }
                let (sym, hint) = (st.rt.names[n as usize], &st.rt.name_hints[n as usize]);
                let found = self
                    .ns_get_hinted(st.ns, sym, hint)
                    .or_else(|| self.ns_get_hinted(st.globals, sym, hint))
                    .or_else(|| self.ns_get_hinted(self.builtins, sym, hint));
                let Some(v) = found else {
                    return false;
                };
                top!(self).st.slots.push(v);
                self.heap.incref(v);
            }
            Instr::StoreName(n) => {
                if is_mapping_ns(&self.heap, f.st.ns) {
                    return false;
                }
                let Some(v) = f.st.slots.pop() else {
                    return false;
                };
                let (sym, hint) = (f.st.rt.names[n as usize], &f.st.rt.name_hints[n as usize]);
                let old = match names_of_mut(&mut self.heap, f.st.ns) {
                    Some(names) => names.insert_hinted(sym, v, hint),
                    None => Some(v),
                };
                if let Some(old) = old {
                    self.heap.decref(old);
                }
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let Some(&v) = f.st.slots.last() else {
                    return false;
                };
                let Kind::Bool(b) = *self.heap.kind(v) else {
                    return false;
                };
                f.st.slots.pop();
                if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                    f.st.ip = t;
                }
                self.heap.decref(v);
            }
            Instr::CompareOp(arg) => {
                let len = f.st.slots.len();
                if len < 2 {
                    return false;
                }
                let (a, b) = (f.st.slots[len - 2], f.st.slots[len - 1]);
                let (Kind::Int(x), Kind::Int(y)) = (self.heap.kind(a), self.heap.kind(b)) else {
                    return false;
                };
                let Some(op) = CmpOp::decode(arg) else {
                    return false;
                };
                let r = if super::ops::cmp_ord(x.cmp(y), op) {
                    self.true_
                } else {
                    self.false_
                };
                f.st.slots.truncate(len - 2);
                f.st.slots.push(r);
                self.heap.incref(r);
                self.heap.decref(b);
                self.heap.decref(a);
            }
            Instr::LoadGlobal(n) => {
                let f = &self.frames[self.frames.len() - 1];
                let (rt, globals) = (&f.st.rt, f.st.globals);
                let (sym, hint) = (rt.names[n as usize], &rt.name_hints[n as usize]);
                let Some(v) = self
                    .ns_get_hinted(globals, sym, hint)
                    .or_else(|| self.ns_get_hinted(self.builtins, sym, hint))
                else {
                    return false;
                };
                top!(self).st.slots.push(v);
                self.heap.incref(v);
            }
            Instr::ForIter(t) => {
                let Some(&it) = f.st.slots.last() else {
                    return false;
                };
                let Kind::Iter(io) = self.heap.kind(it) else {
                    return false;
                };
                let IterState::Range { next, stop, step } = io.state else {
                    return false;
                };
                match self.range_next(it, next, stop, step) {
                    Some(v) => top!(self).st.slots.push(v),
                    None => {
                        let f = top!(self);
                        f.st.slots.pop();
                        f.st.ip = t;
                        self.heap.decref(it);
                    }
                }
            }
            Instr::ListAppend(i) => {
                let len = f.st.slots.len();
                if len < i as usize + 1 {
                    return false;
                }
                // (Past `--max-heap`, the full instruction raises MemoryError. The fields
                // are read apart: the frame is borrowed.)
                if self
                    .options
                    .max_heap
                    .is_some_and(|max| self.heap.bytes > max)
                {
                    return false;
                }
                let v = f.st.slots.pop().unwrap_or(ObjId::NULL);
                let list = f.st.slots[len - 1 - i as usize];
                self.list_push(list, v);
            }
            Instr::BinaryOp(arg) => {
                let len = f.st.slots.len();
                if len < 2 {
                    return false;
                }
                let (a, b) = (f.st.slots[len - 2], f.st.slots[len - 1]);
                let (&Kind::Int(x), &Kind::Int(y)) = (self.heap.kind(a), self.heap.kind(b)) else {
                    return false;
                };
                let Some(r) =
                    BinOp::decode(arg).and_then(|(op, _)| super::ops::small_int_op(x, y, op))
                else {
                    return false;
                };
                f.st.slots.truncate(len - 2);
                let v = self.new_int(r);
                top!(self).st.slots.push(v);
                self.heap.decref(b);
                self.heap.decref(a);
            }
            _ => return false,
        }
        true
    }

    /// Runs one instruction of the top frame. Returns an exit when a frame returned or
    /// yielded (the frame is already popped).
    fn step(&mut self, instr: Instr) -> PyResult<Option<Exit>> {
        match instr {
            Instr::Nop => {}
            Instr::SetupAnnotations => {
                let ns = top!(self).st.ns;
                let sym = self.names.annotations;
                if is_mapping_ns(&self.heap, ns) {
                    // (CPython asks `ns['__annotations__']`, and makes it on a KeyError.)
                    if let Some(v) = self.mapping_ns_get(ns, sym)? {
                        self.heap.decref(v);
                        return Ok(None);
                    }
                    let key = self.sym_str(sym);
                    let d = self.new_dict();
                    let r = self.while_holding(&[key, d], |vm| vm.setitem(ns, key, d));
                    self.heap.decref(d);
                    self.heap.decref(key);
                    return r.map(|()| None);
                }
                if self.ns_get(ns, sym).is_none() {
                    let d = self.new_dict();
                    self.ns_set(ns, sym, d);
                }
            }
            // Always done by `step_fast`, which the loop tries first.
            Instr::PopTop
            | Instr::LoadConst(_)
            | Instr::StoreFast(_)
            | Instr::Jump(_)
            | Instr::PushNull => {
                self.step_fast(instr);
            }
            // A class body whose namespace is the mapping a metaclass's `__prepare__`
            // made: its `__setitem__` stores the name.
            Instr::StoreName(n) => {
                if !self.step_fast(instr) {
                    let v = self.pop();
                    let (sym, ns) = {
                        let f = &top!(self).st;
                        (f.rt.names[n as usize], f.ns)
                    };
                    let key = self.sym_str(sym);
                    let r = self.while_holding(&[key, v], |vm| vm.setitem(ns, key, v));
                    self.heap.decref(key);
                    self.heap.decref(v);
                    r?;
                }
            }
            Instr::GetLen => self.get_len_instr()?,
            Instr::MatchMapping => self.match_mapping_instr(),
            Instr::MatchSequence => self.match_sequence_instr(),
            Instr::MatchKeys => self.match_keys_instr()?,
            Instr::MatchClass(n) => self.match_class_instr(n as usize)?,
            Instr::Copy(n) => {
                let v = self.peek(n as usize);
                self.heap.incref(v);
                self.push(v);
            }
            Instr::Swap(n) => {
                let s = &mut top!(self).st.slots;
                let len = s.len();
                s.swap(len - 1, len - n as usize);
            }
            Instr::LoadFast(i) => {
                // `step_fast` loads a bound local: here it is unbound.
                let v = top!(self).st.slots[i as usize];
                if v.is_null() {
                    let name = top!(self).st.rt.code.varnames[i as usize].clone();
                    return Err(self.new_exception(
                        self.exc_types.unbound_local_error,
                        &format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        ),
                    ));
                }
                self.heap.incref(v);
                self.push(v);
            }
            Instr::DeleteFast(i) => {
                let old = std::mem::replace(&mut top!(self).st.slots[i as usize], ObjId::NULL);
                if old.is_null() {
                    let name = top!(self).st.rt.code.varnames[i as usize].clone();
                    return Err(self.new_exception(
                        self.exc_types.unbound_local_error,
                        &format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        ),
                    ));
                }
                self.heap.decref(old);
            }
            Instr::LoadDeref(i) => {
                let cell = self.deref_cell(i);
                let v = match self.heap.kind(cell) {
                    Kind::Cell(v) => *v,
                    _ => ObjId::NULL,
                };
                if v.is_null() {
                    return Err(self.unbound_deref(i));
                }
                self.heap.incref(v);
                self.push(v);
            }
            Instr::StoreDeref(i) => {
                let v = self.pop();
                let cell = self.deref_cell(i);
                if let Kind::Cell(c) = self.heap.kind_mut(cell) {
                    let old = std::mem::replace(c, v);
                    self.heap.xdecref(old);
                }
            }
            Instr::DeleteDeref(i) => {
                let cell = self.deref_cell(i);
                let old = match self.heap.kind_mut(cell) {
                    Kind::Cell(c) => std::mem::replace(c, ObjId::NULL),
                    _ => ObjId::NULL,
                };
                if old.is_null() {
                    return Err(self.unbound_deref(i));
                }
                self.heap.decref(old);
            }
            Instr::LoadClosure(i) => {
                let cell = self.deref_cell(i);
                self.heap.incref(cell);
                self.push(cell);
            }
            Instr::LoadClassDeref(i) => {
                let name = self.deref_sym(i);
                let ns = top!(self).st.ns;
                if is_mapping_ns(&self.heap, ns) {
                    match self.mapping_ns_get(ns, name)? {
                        Some(v) => self.push(v),
                        None => return self.step(Instr::LoadDeref(i)),
                    }
                } else if let Some(v) = self.ns_get(ns, name) {
                    self.heap.incref(v);
                    self.push(v);
                } else {
                    return self.step(Instr::LoadDeref(i));
                }
            }
            // `step_fast` loads a name that is bound: here it is not.
            Instr::LoadName(n) => {
                if !self.step_fast(instr) {
                    let (sym, ns, globals) = {
                        let f = &top!(self).st;
                        (f.rt.names[n as usize], f.ns, f.globals)
                    };
                    // A `__prepare__` mapping first, then the globals and builtins.
                    if is_mapping_ns(&self.heap, ns) {
                        let found = match self.mapping_ns_get(ns, sym)? {
                            Some(v) => Some(v),
                            None => self
                                .ns_get(globals, sym)
                                .or_else(|| self.ns_get(self.builtins, sym))
                                .inspect(|v| self.heap.incref(*v)),
                        };
                        if let Some(v) = found {
                            self.push(v);
                            return Ok(None);
                        }
                    }
                    return Err(self.name_not_defined(sym));
                }
            }
            Instr::DeleteName(n) => {
                let (sym, ns) = {
                    let f = &top!(self).st;
                    (f.rt.names[n as usize], f.ns)
                };
                if is_mapping_ns(&self.heap, ns) {
                    let key = self.sym_str(sym);
                    let r = self.while_holding(&[key], |vm| vm.delitem(ns, key));
                    self.heap.decref(key);
                    return match r {
                        Ok(()) => Ok(None),
                        Err(e) if self.exc_matches(&e, self.exc_types.key_error) => {
                            self.heap.decref(e.0);
                            Err(self.name_not_defined(sym))
                        }
                        Err(e) => Err(e),
                    };
                }
                match self.ns_remove(ns, sym) {
                    Some(old) => self.heap.decref(old),
                    None => return Err(self.name_not_defined(sym)),
                }
            }
            Instr::LoadGlobal(n) => {
                let (sym, globals) = {
                    let f = &top!(self).st;
                    (f.rt.names[n as usize], f.globals)
                };
                let v = self.global_lookup(globals, sym)?;
                self.heap.incref(v);
                self.push(v);
            }
            Instr::StoreGlobal(n) => {
                let v = self.pop();
                let (sym, globals) = {
                    let f = &top!(self).st;
                    (f.rt.names[n as usize], f.globals)
                };
                self.ns_set(globals, sym, v);
            }
            Instr::DeleteGlobal(n) => {
                let (sym, globals) = {
                    let f = &top!(self).st;
                    (f.rt.names[n as usize], f.globals)
                };
                match self.ns_remove(globals, sym) {
                    Some(old) => self.heap.decref(old),
                    None => return Err(self.name_not_defined(sym)),
                }
            }
            Instr::LoadAttr(n) => {
                let sym = top!(self).st.rt.names[n as usize];
                let obj = self.peek(1);
                let v = self.getattr(obj, sym)?;
                let obj = self.pop();
                self.heap.decref(obj);
                self.push(v);
            }
            Instr::StoreAttr(n) => {
                let sym = top!(self).st.rt.names[n as usize];
                let (obj, v) = (self.peek(1), self.peek(2));
                self.setattr(obj, sym, v)?;
                self.drop_top(2);
            }
            Instr::DeleteAttr(n) => {
                let sym = top!(self).st.rt.names[n as usize];
                // The stack holds the object while a __delete__ or deleter runs.
                self.delattr(self.peek(1), sym)?;
                self.drop_top(1);
            }
            Instr::LoadMethod(n) => {
                let sym = top!(self).st.rt.names[n as usize];
                let obj = self.pop();
                match self.lookup_method(obj, sym) {
                    Ok(Some(meth)) => {
                        self.push(meth);
                        self.push(obj);
                    }
                    Ok(None) => {
                        let r = self.while_holding(&[obj], |vm| vm.getattr(obj, sym));
                        self.heap.decref(obj);
                        let v = r?;
                        self.push(ObjId::NULL);
                        self.push(v);
                    }
                    Err(e) => {
                        self.heap.decref(obj);
                        return Err(e);
                    }
                }
            }
            Instr::BinarySubscr => {
                let (obj, key) = (self.peek(2), self.peek(1));
                let v = self.getitem(obj, key)?;
                self.drop_top(2);
                self.push(v);
            }
            Instr::StoreSubscr => {
                let (v, obj, key) = (self.peek(3), self.peek(2), self.peek(1));
                self.setitem(obj, key, v)?;
                self.drop_top(3);
            }
            Instr::DeleteSubscr => {
                let (obj, key) = (self.peek(2), self.peek(1));
                self.delitem(obj, key)?;
                self.drop_top(2);
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { self.pop() } else { self.none() };
                let stop = self.pop();
                let start = self.pop();
                let s = self.heap.alloc(Kind::Slice(Box::new([start, stop, step])));
                self.push(s);
            }
            Instr::BinaryOp(arg) => {
                let (a, b) = (self.peek(2), self.peek(1));
                let v = match BinOp::decode(arg) {
                    Some((op, inplace)) => self.binary_op(a, b, op, inplace)?,
                    None => return Err(self.runtime_error("bad binary operator")),
                };
                self.drop_top(2);
                self.push(v);
            }
            Instr::UnaryNegative | Instr::UnaryPositive | Instr::UnaryInvert => {
                let a = self.peek(1);
                let v = self.unary_op(a, instr)?;
                self.drop_top(1);
                self.push(v);
            }
            Instr::UnaryNot => {
                let a = self.peek(1);
                let t = self.truthy(a)?;
                self.drop_top(1);
                let v = self.new_bool(!t);
                self.push(v);
            }
            Instr::CompareOp(arg) => {
                let (a, b) = (self.peek(2), self.peek(1));
                let v = match CmpOp::decode(arg) {
                    Some(op) => self.compare(a, b, op)?,
                    None => return Err(self.runtime_error("bad comparison")),
                };
                self.drop_top(2);
                self.push(v);
            }
            Instr::IsOp(invert) => {
                let b = self.pop();
                let a = self.pop();
                let v = self.new_bool((a == b) != (invert == 1));
                self.heap.decref(a);
                self.heap.decref(b);
                self.push(v);
            }
            Instr::ContainsOp(invert) => {
                let (item, container) = (self.peek(2), self.peek(1));
                let r = self.contains(container, item)?;
                self.drop_top(2);
                let v = self.new_bool(r != (invert == 1));
                self.push(v);
            }
            Instr::BuildTuple(n) => {
                let items = self.pop_n(n as usize);
                let t = self.new_tuple(items);
                self.push(t);
            }
            Instr::BuildList(n) => {
                // The items move from the stack into the list (a short list keeps them
                // inline: no vector in between).
                let s = &mut top!(self).st.slots;
                let at = s.len() - n as usize;
                let items = ListItems::from_slice(&s[at..]);
                s.truncate(at);
                let l = self.new_list(items);
                self.push(l);
            }
            Instr::BuildSet(n) => {
                // The items stay on the stack while hashing may run Python code.
                let n = n as usize;
                let s = self.new_set(false);
                let mark = self.held.len();
                self.held.push(s);
                let mut r = Ok(());
                for i in (1..=n).rev() {
                    let it = self.peek(i);
                    r = self.set_add(s, it);
                    if r.is_err() {
                        break;
                    }
                }
                self.held.truncate(mark);
                self.drop_top(n);
                if let Err(e) = r {
                    self.heap.decref(s);
                    return Err(e);
                }
                self.push(s);
            }
            Instr::BuildMap(n) => {
                let n = 2 * n as usize;
                let d = self.new_dict();
                let mark = self.held.len();
                self.held.push(d);
                let mut r = Ok(());
                for i in (1..=n).rev().step_by(2) {
                    let (k, v) = (self.peek(i), self.peek(i - 1));
                    r = self.dict_set(d, k, v);
                    if r.is_err() {
                        break;
                    }
                }
                self.held.truncate(mark);
                self.drop_top(n);
                if let Err(e) = r {
                    self.heap.decref(d);
                    return Err(e);
                }
                self.push(d);
            }
            Instr::BuildString(n) => {
                let items = self.pop_n(n as usize);
                let mut s = String::new();
                for it in &items {
                    if let Some(x) = self.as_str(*it) {
                        s.push_str(x);
                    }
                }
                for it in items {
                    self.heap.decref(it);
                }
                let v = self.new_string(s);
                self.push(v);
            }
            Instr::ListAppend(i) => {
                self.check_heap_limit()?;
                let v = self.pop();
                let list = self.peek(i as usize);
                self.list_push(list, v);
            }
            Instr::SetAdd(i) => {
                let v = self.pop();
                let set = self.peek(i as usize);
                // (Held while a `__hash__` runs.)
                let r = self.while_holding(&[v], |vm| vm.set_add(set, v));
                self.heap.decref(v);
                r?;
            }
            Instr::MapAdd(i) => {
                let v = self.pop();
                let k = self.pop();
                let d = self.peek(i as usize);
                self.dict_set_owned(d, k, None, v)?;
            }
            // The operand stays on the stack while the operation runs: iterating it may
            // run Python code, which sees it there.
            Instr::ListExtend(i) => {
                let it = self.peek(1);
                let list = self.peek(i as usize + 1);
                let r = self.list_extend(list, it);
                self.drop_top(1);
                r?;
            }
            Instr::SetUpdate(i) => {
                let it = self.peek(1);
                let set = self.peek(i as usize + 1);
                let r = self.set_update(set, it);
                self.drop_top(1);
                r?;
            }
            Instr::DictUpdate(i) | Instr::DictMerge(i) => {
                let m = self.peek(1);
                let d = self.peek(i as usize + 1);
                let merge = matches!(instr, Instr::DictMerge(_));
                let callee = if merge {
                    self.peek(i as usize + 3)
                } else {
                    ObjId::NULL
                };
                let r = self.dict_update_from(d, m, merge, callee);
                self.drop_top(1);
                r?;
            }
            Instr::ListToTuple => {
                let l = self.pop();
                let items = match self.heap.kind_mut(l) {
                    Kind::List(list) => std::mem::take(&mut list.items).into_vec(),
                    _ => vec![],
                };
                self.heap.decref(l);
                let t = self.new_tuple(items);
                self.push(t);
            }
            Instr::FormatValue(fl) => {
                // (The value and the spec stay on the stack while a Python
                // `__format__` runs.)
                let n = if fl & 4 != 0 { 2 } else { 1 };
                let spec = if n == 2 { self.peek(1) } else { ObjId::NULL };
                let v = self.peek(n);
                let s = self.format_value(v, fl & 3, spec)?;
                self.drop_top(n);
                self.push(s);
            }
            Instr::UnpackSequence(n) => {
                let seq = self.peek(1);
                let r = self.unpack(seq, n as usize, None)?;
                self.drop_top(1);
                for v in r.into_iter().rev() {
                    self.push(v);
                }
            }
            Instr::UnpackEx(arg) => {
                let seq = self.peek(1);
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let r = self.unpack(seq, before, Some(after));
                self.drop_top(1);
                for v in r?.into_iter().rev() {
                    self.push(v);
                }
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let v = self.peek(1);
                let b = self.truthy(v)?;
                self.drop_top(1);
                if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                    top!(self).st.ip = t;
                }
            }
            Instr::PopJumpIfNone(t) | Instr::PopJumpIfNotNone(t) => {
                let v = self.pop();
                let none = v == self.none;
                self.heap.decref(v);
                if none == matches!(instr, Instr::PopJumpIfNone(_)) {
                    top!(self).st.ip = t;
                }
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                let v = self.peek(1);
                let b = self.truthy(v)?;
                if b == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                    top!(self).st.ip = t;
                } else {
                    let v = self.pop();
                    self.heap.decref(v);
                }
            }
            Instr::GetIter => {
                let v = self.peek(1);
                let it = self.get_iter(v)?;
                self.drop_top(1);
                self.push(it);
            }
            Instr::ForIter(t) => {
                let it = self.peek(1);
                match self.iter_next(it)? {
                    Some(v) => self.push(v),
                    None => {
                        let it = self.pop();
                        self.heap.decref(it);
                        top!(self).st.ip = t;
                    }
                }
            }
            Instr::KwNames(k) => {
                let names = top!(self).st.rt.consts[k as usize];
                top!(self).kwnames = names;
            }
            Instr::Call(argc) => return self.call_instr(argc as usize),
            Instr::CallFunctionEx(fl) => {
                let has_kw = fl & 1 != 0;
                let kwargs = if has_kw { self.peek(1) } else { ObjId::NULL };
                let n = if has_kw { 4 } else { 3 };
                let args = self.peek(n - 2);
                let callable = self.peek(n - 1);
                let v = self.call_ex(callable, args, kwargs)?;
                self.drop_top(n);
                self.push(v);
            }
            Instr::MakeFunction(fl) => {
                let code = self.pop();
                let closure = if fl & 8 != 0 { self.pop() } else { ObjId::NULL };
                let annotations = if fl & 4 != 0 { self.pop() } else { ObjId::NULL };
                let kwdefaults = if fl & 2 != 0 { self.pop() } else { ObjId::NULL };
                let defaults = if fl & 1 != 0 { self.pop() } else { ObjId::NULL };
                let f = self.make_function(code, defaults, kwdefaults, closure);
                if let Kind::Function(func) = self.heap.kind_mut(f) {
                    func.annotations = annotations;
                } else if !annotations.is_null() {
                    self.heap.decref(annotations);
                }
                self.push(f);
            }
            Instr::ReturnValue => {
                let v = self.pop();
                return Ok(Some(self.return_from_frame(v)?));
            }
            Instr::YieldValue => {
                let v = self.pop();
                self.suspend_generator_frame();
                return Ok(Some(Exit::Yield(v)));
            }
            Instr::GetYieldFromIter => {
                let v = self.pop();
                let it = if matches!(self.heap.kind(v), Kind::Generator(_)) {
                    v
                } else {
                    // (Held while a Python `__iter__` runs.)
                    let r = self.while_holding(&[v], |vm| vm.get_iter(v));
                    self.heap.decref(v);
                    r?
                };
                self.push(it);
            }
            Instr::AsyncGenWrap => self.agen_wrapped = true,
            Instr::GetAwaitable(origin) => {
                let v = self.pop();
                let r = self.while_holding(&[v], |vm| vm.awaitable_iter(v, origin));
                self.heap.decref(v);
                let it = r?;
                self.push(it);
            }
            Instr::YieldFrom => {
                let sent = self.peek(1);
                let sub = self.peek(2);
                let r = self.send_to(sub, sent);
                let sent = self.pop();
                self.heap.decref(sent);
                match r? {
                    super::iter::SendResult::Yielded(y) => {
                        // Run this instruction again when resumed.
                        top!(self).st.ip -= 1;
                        self.suspend_generator_frame();
                        return Ok(Some(Exit::Yield(y)));
                    }
                    super::iter::SendResult::Returned(v) => {
                        let sub = self.pop();
                        self.heap.decref(sub);
                        self.push(v);
                    }
                }
            }
            Instr::LoadBuildClass => {
                let b = self.builtin_build_class();
                self.push(b);
            }
            Instr::SetupFinally(h) => {
                let f = top!(self);
                let depth = f.st.slots.len() as u32;
                f.st.blocks.push(Block::Handler { handler: h, depth });
            }
            Instr::SetupWith(h) => {
                let mgr = self.peek(1);
                let (exit, entered) = self.setup_with(mgr)?;
                self.drop_top(1);
                self.push(exit);
                let f = top!(self);
                let depth = f.st.slots.len() as u32;
                f.st.blocks.push(Block::Handler { handler: h, depth });
                self.push(entered);
            }
            Instr::GetAIter => {
                let v = self.pop();
                let r = self.while_holding(&[v], |vm| vm.async_iter(v));
                self.heap.decref(v);
                let it = r?;
                self.push(it);
            }
            Instr::GetANext => {
                let it = self.peek(1);
                let aw = self.async_next(it)?;
                self.push(aw);
            }
            Instr::EndAsyncFor => {
                let exc = self.peek(1);
                let stop = self.exc_types.stop_async_iteration;
                if !self.isinstance(exc, stop) {
                    let exc = self.pop();
                    return Err(Exc(exc));
                }
                if let Some(Block::ExceptHandler { prev_exc_len }) = top!(self).st.blocks.pop() {
                    self.restore_handled(prev_exc_len as usize);
                }
                self.drop_top(2);
            }
            Instr::BeforeAsyncWith => {
                let mgr = self.pop();
                let r = self.while_holding(&[mgr], |vm| vm.before_async_with(mgr));
                self.heap.decref(mgr);
                let (exit, res) = r?;
                self.push(exit);
                self.push(res);
            }
            Instr::SetupAsyncWith(h) => {
                let f = top!(self);
                let depth = f.st.slots.len().saturating_sub(1) as u32;
                f.st.blocks.push(Block::Handler { handler: h, depth });
            }
            Instr::AsyncWithExit => {
                let exit = self.pop();
                let args = [self.none, self.none, self.none];
                let r = self.while_holding(&[exit], |vm| vm.call(exit, &args));
                self.heap.decref(exit);
                let v = r?;
                self.push(v);
            }
            Instr::PopBlock => {
                top!(self).st.blocks.pop();
            }
            Instr::PopExcept => {
                if let Some(Block::ExceptHandler { prev_exc_len }) = top!(self).st.blocks.pop() {
                    self.restore_handled(prev_exc_len as usize);
                }
            }
            Instr::Reraise => {
                let exc = self.pop();
                return Err(Exc(exc));
            }
            Instr::CheckExcMatch => {
                let ty = self.pop();
                let exc = self.peek(1);
                let r = self.exception_matches(exc, ty);
                self.heap.decref(ty);
                let v = self.new_bool(r?);
                self.push(v);
            }
            Instr::CheckEgMatch => {
                let ty = self.pop();
                let exc = self.peek(1);
                // (A group's `split` and `derive` may run Python code.)
                let r = self.while_holding(&[ty], |vm| vm.except_star_match(exc, ty));
                self.heap.decref(ty);
                let (rest, matched) = r?;
                if matched == self.none {
                    // No match: the next clause sees the exception as it was (not the
                    // copy a group's split made of it).
                    self.heap.decref(rest);
                } else {
                    // The match is the exception its clause handles.
                    self.heap.incref(matched);
                    if let Some(h) = self.handled.last_mut() {
                        let old = std::mem::replace(h, matched);
                        self.heap.decref(old);
                    } else {
                        self.handled.push(matched);
                    }
                    let top = top!(self).st.slots.last_mut().expect("exc");
                    let old = std::mem::replace(top, rest);
                    self.heap.decref(old);
                }
                self.push(matched);
            }
            Instr::PrepReraiseStar => {
                let raised = self.pop();
                let orig = self.pop();
                let r =
                    self.while_holding(&[orig, raised], |vm| vm.prep_reraise_star(orig, raised));
                self.heap.decref(raised);
                self.heap.decref(orig);
                self.push(r?);
            }
            Instr::Raise(n) => return Err(self.raise_instr(n)),
            Instr::WithExitNormal => {
                let exit = self.peek(1);
                let args = [self.none, self.none, self.none];
                let v = self.call(exit, &args)?;
                self.heap.decref(v);
                self.drop_top(1);
            }
            Instr::WithExceptStart => {
                let exc = self.peek(1);
                let exit = self.peek(2);
                let ty = self.type_of(exc);
                // `__exit__(type, value, traceback)`: the exception's own traceback.
                let tb = match self.exc_data(exc).map(|d| d.traceback) {
                    Some(tb) if !tb.is_null() => tb,
                    _ => self.none,
                };
                let args = [ty, exc, tb];
                let v = self.call(exit, &args)?;
                self.push(v);
            }
            Instr::LoadAssertionError => {
                let a = self.exc_types.assertion_error;
                self.heap.incref(a);
                self.push(a);
            }
            Instr::ImportName(n) => {
                let sym = top!(self).st.rt.names[n as usize];
                let m = self.import_module(sym)?;
                self.push(m);
            }
            Instr::ImportFrom(n) => {
                let sym = top!(self).st.rt.names[n as usize];
                let m = self.peek(1);
                let v = self.import_from(m, sym)?;
                self.push(v);
            }
            Instr::ImportStar => {
                let m = self.pop();
                let ns = top!(self).st.ns;
                let entries: Vec<(Sym, ObjId)> = match self.heap.kind(m) {
                    Kind::Module(md) => md.dict.iter().collect(),
                    _ => vec![],
                };
                for (k, v) in entries {
                    if !self.heap.sym_name(k).starts_with('_') {
                        self.heap.incref(v);
                        self.ns_set(ns, k, v);
                    }
                }
                self.heap.decref(m);
            }
        }
        Ok(None)
    }

    /// Pops and releases the top `n` values (operands an instruction kept on the stack
    /// while it worked, as CPython does, so they always have a holder).
    #[inline]
    pub(crate) fn drop_top(&mut self, n: usize) {
        for _ in 0..n {
            let v = self.pop();
            self.heap.xdecref(v);
        }
    }

    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<ObjId> {
        let s = &mut top!(self).st.slots;
        let at = s.len() - n;
        s.split_off(at)
    }

    /// The cell at deref index `i` of the top frame (borrowed).
    fn deref_cell(&mut self, i: u32) -> ObjId {
        let f = &top!(self).st;
        f.slots[f.rt.code.varnames.len() + i as usize]
    }

    fn deref_sym(&mut self, i: u32) -> Sym {
        let name = top!(self)
            .st
            .rt
            .code
            .deref_name(i)
            .cloned()
            .unwrap_or_else(|| "?".into());
        self.heap.intern_sym(&name)
    }

    fn unbound_deref(&mut self, i: u32) -> Exc {
        let code = top!(self).st.rt.code.clone();
        let name = code.deref_name(i).cloned().unwrap_or_else(|| "?".into());
        if (i as usize) < code.cellvars.len() {
            self.new_exception(
                self.exc_types.unbound_local_error,
                &format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            self.name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        }
    }

    pub(crate) fn name_not_defined(&mut self, sym: Sym) -> Exc {
        let name = self.heap.sym_name(sym);
        // A built-in of CPython's that refscope does not have: the program is fine, the
        // engine lacks it, and says so.
        if super::suggest::BUILTINS.contains(&&*name) && self.ns_get(self.builtins, sym).is_none() {
            return self.not_implemented(format!(
                "the built-in '{name}' is not supported yet by refscope"
            ));
        }
        let e = self.name_error(format!("name '{name}' is not defined"));
        self.set_exc_name(e.0, &name, ObjId::NULL);
        let hint = self.name_hint(&name);
        if let Some(d) = self.exc_data_mut(e.0) {
            d.hint = hint;
        }
        e
    }

    /// Looks a name up in a module's namespace, then in builtins (borrowed result).
    pub(crate) fn global_lookup(&mut self, globals: ObjId, sym: Sym) -> PyResult<ObjId> {
        if let Some(v) = self.ns_get(globals, sym) {
            return Ok(v);
        }
        if let Some(v) = self.ns_get(self.builtins, sym) {
            return Ok(v);
        }
        Err(self.name_not_defined(sym))
    }

    /// [`Vm::ns_get`] for a name instruction, with the instruction's position hint (see
    /// `SymMap::position_hinted`).
    #[inline]
    fn ns_get_hinted(&self, ns: ObjId, sym: Sym, hint: &Cell<u32>) -> Option<ObjId> {
        names_of(&self.heap, ns)?.get_hinted(sym, hint)
    }

    /// A module's or class body's namespace entry (borrowed).
    pub(crate) fn ns_get(&self, ns: ObjId, sym: Sym) -> Option<ObjId> {
        names_of(&self.heap, ns)?.get(sym)
    }

    /// Sets a namespace entry, taking ownership of `v`.
    pub(crate) fn ns_set(&mut self, ns: ObjId, sym: Sym, v: ObjId) {
        let old = match names_of_mut(&mut self.heap, ns) {
            Some(names) => names.insert(sym, v),
            None => Some(v),
        };
        if let Some(old) = old {
            self.heap.decref(old);
        }
    }

    pub(crate) fn ns_remove(&mut self, ns: ObjId, sym: Sym) -> Option<ObjId> {
        names_of_mut(&mut self.heap, ns)?.remove(sym)
    }

    /// Pops the returning frame and says where its value goes.
    fn return_from_frame(&mut self, v: ObjId) -> PyResult<Exit> {
        let Some(kind) = self.leave_frame() else {
            return Ok(Exit::Return(v));
        };
        match kind {
            FrameKind::Init(instance) => {
                if v != self.none {
                    let tn = self.type_name(v);
                    self.heap.decref(v);
                    self.heap.decref(instance);
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
                self.heap.decref(v);
                Ok(Exit::Return(instance))
            }
            _ => Ok(Exit::Return(v)),
        }
    }

    /// Pops the top frame, releasing what it holds and finishing its generator; returns
    /// its kind (None without a frame).
    #[inline(always)]
    fn leave_frame(&mut self) -> Option<FrameKind> {
        let Frame {
            st,
            kind,
            generator,
            ..
        } = self.frames.pop()?;
        self.frame_popped();
        self.depth -= 1;
        self.end_frame(st, generator.is_null());
        if !generator.is_null() {
            self.finish_generator(generator);
        }
        Some(kind)
    }

    /// Restores the handled-exception stack to `len` entries.
    pub(crate) fn restore_handled(&mut self, len: usize) {
        while self.handled.len() > len {
            if let Some(e) = self.handled.pop() {
                self.heap.decref(e);
            }
        }
    }

    /// Looks for a handler for `exc` from the top frame down to the frame at `base`.
    /// Returns Ok when a handler took it, or the exception when it left the entry frame.
    fn unwind(&mut self, exc: Exc, base: usize, fresh: bool) -> PyResult<()> {
        let exc = exc.0;
        let raised = match self.exc_data_mut(exc) {
            Some(d) => std::mem::replace(&mut d.raised, true),
            None => false,
        };
        if fresh && !raised {
            self.set_context(exc);
        }
        let mut add_tb = fresh;
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(Exc(exc));
            };
            let code = frame.st.rt.code.clone();
            if add_tb && !super::exc::stands_for_c(&code.filename, &code.qualname) {
                let ip = frame.st.ip.saturating_sub(1) as usize;
                let line = super::frameobj::frame_line(&frame.st);
                let depth = self.frames.len() - 1;
                self.add_traceback(exc, depth, line, 2 * ip as u32);
                if self.tracer.is_some() {
                    self.trace_exception(line, exc);
                }
            }
            add_tb = true;
            while let Some(block) = top!(self).st.blocks.pop() {
                match block {
                    Block::ExceptHandler { prev_exc_len } => {
                        self.restore_handled(prev_exc_len as usize);
                    }
                    Block::Handler { handler, depth } => {
                        let frame = top!(self);
                        let cut = frame.st.slots.split_off(depth as usize);
                        frame.st.ip = handler;
                        let prev = self.handled.len() as u32;
                        frame
                            .st
                            .blocks
                            .push(Block::ExceptHandler { prev_exc_len: prev });
                        frame.st.slots.push(exc);
                        for v in cut.into_iter().rev() {
                            self.heap.xdecref(v);
                        }
                        self.heap.incref(exc);
                        self.handled.push(exc);
                        return Ok(());
                    }
                }
            }
            // No handler here: the frame leaves, and the traceback keeps it (and so its
            // locals) alive, as CPython's does.
            let Some(frame) = self.frames.pop() else {
                return Err(Exc(exc));
            };
            self.frame_popped();
            let Frame {
                st,
                kind,
                generator,
                ..
            } = frame;
            self.depth -= 1;
            self.end_frame(st, generator.is_null());
            if !generator.is_null() {
                self.finish_generator(generator);
            }
            if let FrameKind::Init(instance) = kind {
                self.heap.decref(instance);
            }
            if self.frames.len() <= base {
                return Err(Exc(exc));
            }
        }
    }

    /// Raises `exc` in the top frame as if its current instruction had raised it.
    pub(crate) fn unwind_from(&mut self, exc: Exc, base: usize) -> PyResult<()> {
        self.unwind(exc, base, true)
    }

    /// Gives a freshly raised exception the handled one as `__context__`.
    /// As CPython's `_PyErr_SetObject`: the context is replaced, and where `exc` is
    /// already in the handled exception's chain of contexts, that link is cut first (so
    /// no new cycle is made; a chain that is a cycle already is walked a bounded while).
    fn set_context(&mut self, exc: ObjId) {
        let Some(&ctx) = self.handled.last() else {
            return;
        };
        if ctx == exc || self.exc_data(exc).is_none() {
            return;
        }
        let mut o = ctx;
        for _ in 0..10_000 {
            let Some(next) = self.exc_data(o).map(|d| d.context).filter(|c| !c.is_null()) else {
                break;
            };
            if next == exc {
                if let Some(d) = self.exc_data_mut(o) {
                    d.context = ObjId::NULL;
                }
                self.heap.decref(next);
                break;
            }
            o = next;
        }
        self.heap.incref(ctx);
        let old = match self.exc_data_mut(exc) {
            Some(d) => std::mem::replace(&mut d.context, ctx),
            None => ctx,
        };
        self.heap.xdecref(old);
    }

    fn raise_instr(&mut self, n: u32) -> Exc {
        match n {
            0 => match self.handled.last().copied() {
                Some(e) => {
                    self.heap.incref(e);
                    Exc(e)
                }
                None => self.runtime_error("No active exception to reraise"),
            },
            _ => {
                let cause = if n == 2 { self.pop() } else { ObjId::NULL };
                let v = self.pop();
                let exc = match self.make_exception_from(v) {
                    Ok(e) => e,
                    Err(e) => {
                        self.heap.xdecref(cause);
                        return e;
                    }
                };
                if n == 2 {
                    let cause_exc = if cause == self.none {
                        self.heap.decref(cause);
                        Ok(ObjId::NULL)
                    } else {
                        self.make_exception_as(
                            cause,
                            "exception causes must derive from BaseException",
                        )
                    };
                    match cause_exc {
                        Ok(c) => {
                            if let Some(d) = self.exc_data_mut(exc) {
                                let old = std::mem::replace(&mut d.cause, c);
                                d.suppress_context = true;
                                self.heap.xdecref(old);
                            } else {
                                self.heap.xdecref(c);
                            }
                        }
                        Err(e) => {
                            self.heap.decref(exc);
                            return e;
                        }
                    }
                }
                Exc(exc)
            }
        }
    }

    /// `raise X`: an exception instance, or a class to instantiate with no arguments.
    /// Takes ownership of `v`; returns the instance (owned) or the error to raise.
    fn make_exception_from(&mut self, v: ObjId) -> Result<ObjId, Exc> {
        self.make_exception_as(v, "exceptions must derive from BaseException")
    }

    /// `make_exception_from` with the message for what is not an exception (a cause's
    /// is "exception causes must derive from BaseException").
    fn make_exception_as(&mut self, v: ObjId, not_one: &str) -> Result<ObjId, Exc> {
        let base = self.exc_types.base_exception;
        if matches!(self.heap.kind(v), Kind::Class(_)) && self.is_subclass(v, base) {
            let r = self.call(v, &[]);
            self.heap.decref(v);
            return match r {
                Ok(inst) if self.isinstance(inst, base) => Ok(inst),
                Ok(other) => {
                    self.heap.decref(other);
                    Err(self.type_error(not_one))
                }
                Err(e) => Err(e),
            };
        }
        if self.isinstance(v, base) {
            return Ok(v);
        }
        self.heap.decref(v);
        Err(self.type_error(not_one))
    }

    /// `except T:` matching, with CPython's TypeError for non-exception classes.
    fn exception_matches(&mut self, exc: ObjId, ty: ObjId) -> PyResult<bool> {
        let classes = self.except_classes(ty)?;
        Ok(classes.iter().any(|c| self.isinstance(exc, *c)))
    }

    /// The classes an `except` or `except*` clause names (`ty`, or a tuple's items),
    /// checked as CPython's check_except_type_valid checks them.
    pub(super) fn except_classes(&mut self, ty: ObjId) -> PyResult<Vec<ObjId>> {
        let base = self.exc_types.base_exception;
        let classes: Vec<ObjId> = match self.heap.kind(ty) {
            Kind::Tuple(t) => t.to_vec(),
            _ => vec![ty],
        };
        if !classes
            .iter()
            .all(|c| matches!(self.heap.kind(*c), Kind::Class(_)) && self.is_subclass(*c, base))
        {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(classes)
    }

    /// Creates a function object from a code object (all arguments are owned and moved in).
    fn make_function(
        &mut self,
        code: ObjId,
        defaults: ObjId,
        kwdefaults: ObjId,
        closure: ObjId,
    ) -> ObjId {
        let rt = match self.heap.kind(code) {
            Kind::Code(rt) => rt.clone(),
            _ => return code,
        };
        let globals = top!(self).st.globals;
        self.heap.incref(globals);
        let mut attrs = SymMap::new();
        if let Some(doc) = rt.code.doc.clone() {
            let d = self.new_str(&doc);
            attrs.insert(self.names.doc, d);
        }
        let name: Rc<str> = rt.code.name.clone();
        let qualname: Rc<str> = rt.code.qualname.clone();
        self.heap.alloc(Kind::Function(Box::new(Function {
            code,
            rt,
            globals,
            name,
            qualname,
            defaults,
            kwdefaults,
            closure,
            annotations: ObjId::NULL,
            attrs,
            dict: ObjId::NULL,
        })))
    }

    /// Pushes a frame for a Python function call; arguments are owned and moved in.
    pub(crate) fn push_function_frame(
        &mut self,
        func: ObjId,
        args: Vec<ObjId>,
        kwnames: &[Sym],
        kind: FrameKind,
    ) -> PyResult<Option<ObjId>> {
        if self.depth >= self.recursion_limit {
            for a in args {
                self.heap.decref(a);
            }
            if let FrameKind::Init(i) = kind {
                self.heap.decref(i);
            }
            return Err(self.new_exception(
                self.exc_types.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        let mut st = self.new_frame_state(func);
        // Fast path: exactly the positional parameters, no keywords, no cells.
        let simple = {
            let c = &st.rt.code;
            kwnames.is_empty()
                && c.argcount as usize == args.len()
                && c.kwonlyargcount == 0
                && c.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
                && c.cellvars.is_empty()
                && c.freevars.is_empty()
        };
        if simple {
            for (slot, a) in st.slots.iter_mut().zip(args) {
                *slot = a;
            }
        } else if let Err(e) = self.bind_args(func, &mut st, args, kwnames) {
            self.drop_frame_state(st);
            if let FrameKind::Init(i) = kind {
                self.heap.decref(i);
            }
            return Err(e);
        }
        if st.rt.code.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
            let g = self.new_generator(st);
            if let FrameKind::Init(i) = kind {
                self.heap.decref(i);
            }
            return Ok(Some(g));
        }
        self.enter_frame(st, kind);
        Ok(None)
    }

    /// Pushes a frame whose arguments are bound, to run from its first line.
    pub(crate) fn enter_frame(&mut self, mut st: Box<FrameState>, kind: FrameKind) {
        st.line = st.rt.code.first_line;
        self.depth += 1;
        self.frames.push(Frame {
            st,
            kind,
            generator: ObjId::NULL,
            kwnames: ObjId::NULL,
        });
    }
}

/// Whether a frame's namespace is a mapping object (what a metaclass's `__prepare__`
/// returned), whose names go through `__getitem__` and `__setitem__`.
#[inline]
fn is_mapping_ns(heap: &Heap, ns: ObjId) -> bool {
    !ns.is_null() && !matches!(heap.kind(ns), Kind::Module(_) | Kind::Namespace(_))
}

impl Vm {
    /// The name as an interned str object (owned).
    fn sym_str(&mut self, sym: Sym) -> ObjId {
        let n = self.heap.sym_name(sym);
        self.intern_str(&n)
    }

    /// `ns[name]` of a `__prepare__` mapping (owned), or None on KeyError.
    fn mapping_ns_get(&mut self, ns: ObjId, sym: Sym) -> PyResult<Option<ObjId>> {
        let key = self.sym_str(sym);
        let r = self.while_holding(&[key], |vm| vm.getitem(ns, key));
        self.heap.decref(key);
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, self.exc_types.key_error) => {
                self.heap.decref(e.0);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

/// The names of a namespace object: a module's, or a class body's being run.
#[inline]
fn names_of(heap: &Heap, ns: ObjId) -> Option<&SymMap<ObjId>> {
    if ns.is_null() {
        return None;
    }
    match heap.kind(ns) {
        Kind::Module(m) => Some(&m.dict),
        Kind::Namespace(n) => Some(n),
        _ => None,
    }
}

/// [`names_of`] for writing (a function of the heap alone, so that a caller may hold a
/// frame's borrow meanwhile).
#[inline]
fn names_of_mut(heap: &mut Heap, ns: ObjId) -> Option<&mut SymMap<ObjId>> {
    if ns.is_null() {
        return None;
    }
    match heap.kind_mut(ns) {
        Kind::Module(m) => Some(&mut m.dict),
        Kind::Namespace(n) => Some(n),
        _ => None,
    }
}
