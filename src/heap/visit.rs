//! The one place that lists each object kind's outgoing references (clox's
//! `blackenObject`). Refcounting (deallocation), the ledger check, the collector and
//! snapshots all use it, so they cannot disagree about what an object holds.

use super::ObjId;
use super::kinds::{FrameState, Instance, IterState, Kind};
use super::symbols::Sym;

/// How an object refers to another: the label of the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// `list[i]`, `tuple[i]`
    Item(usize),
    /// The key of a dict entry (or a set element) at entry index i.
    Key(usize),
    /// The value of a dict entry at entry index i (labelled by its key when shown).
    Value(usize),
    /// An attribute, a namespace entry or a slot: `.name`
    Attr(Sym),
    /// The `__dict__` of an instance.
    Dict,
    /// `__class__` of an instance.
    Class,
    /// An entry of a class's namespace, by name: `['f']`
    Name(Sym),
    /// A constant of a code object.
    Const(usize),
    /// A frame slot (local, cell or stack entry) of a suspended generator frame.
    Slot(usize),
    /// Other named references (`__code__`, `__closure__`, `cell_contents`, `__self__` ...).
    Named(&'static str),
}

/// Calls `f` for every reference that `kind` holds, in CPython's `tp_traverse` order
/// where that matters (lists and tuples from the last item to the first, so
/// `gc.get_referents` matches).
///
/// Generic over the visitor, so the collector's visits compile to a loop with the
/// visitor inlined (through `&mut dyn FnMut` they were a quarter of a generation-0
/// collection); a `&mut dyn FnMut` visitor still works.
#[inline]
pub fn for_each_ref<F: FnMut(Edge, ObjId) + ?Sized>(kind: &Kind, f: &mut F) {
    #[inline(always)]
    fn opt<F: FnMut(Edge, ObjId) + ?Sized>(e: Edge, id: ObjId, f: &mut F) {
        if !id.is_null() {
            f(e, id)
        }
    }
    match kind {
        Kind::Free
        | Kind::None
        | Kind::NotImplemented
        | Kind::Ellipsis
        | Kind::Bool(_)
        | Kind::Int(_)
        | Kind::BigInt(_)
        | Kind::Float(_)
        | Kind::Complex(_)
        | Kind::Bytes(_)
        | Kind::ByteArray(_)
        | Kind::Range(_)
        | Kind::Array(_) => {}
        Kind::Str(s) => {
            if let Some(inst) = &s.ext {
                instance_refs(inst, f);
            }
        }
        Kind::IntSub(i) => instance_refs(&i.ext, f),
        Kind::FloatSub(x) => instance_refs(&x.ext, f),
        Kind::ManagedBuffer(b) => opt(Edge::Named("obj"), b.obj, f),
        Kind::MemoryView(m) => f(Edge::Named("mbuf"), m.mbuf),
        Kind::List(l) => {
            if let Some(inst) = &l.ext {
                instance_refs(inst, f);
            }
            for (i, id) in l.items.iter().enumerate().rev() {
                f(Edge::Item(i), *id);
            }
        }
        Kind::Tuple(t) => {
            if let Some(inst) = &t.ext {
                instance_refs(inst, f);
            }
            for (i, id) in t.iter().enumerate().rev() {
                f(Edge::Item(i), *id);
            }
        }
        Kind::Dict(t) => {
            if let Some(inst) = &t.ext {
                instance_refs(inst, f);
            }
            for (i, e) in t.iter() {
                f(Edge::Key(i), e.key);
                f(Edge::Value(i), e.value);
            }
        }
        Kind::Set(t) | Kind::FrozenSet(t) => {
            if let Some(inst) = &t.ext {
                instance_refs(inst, f);
            }
            for (i, e) in t.iter() {
                f(Edge::Key(i), e.key);
            }
        }
        Kind::Slice(s) => {
            for (i, name) in ["start", "stop", "step"].iter().enumerate() {
                opt(Edge::Named(name), s[i], f);
            }
        }
        // func_traverse's order (its name, qualname and builtins are not objects here).
        Kind::Function(func) => {
            f(Edge::Named("__code__"), func.code);
            f(Edge::Named("__globals__"), func.globals);
            opt(Edge::Named("__defaults__"), func.defaults, f);
            opt(Edge::Named("__kwdefaults__"), func.kwdefaults, f);
            for (k, v) in func.attrs.iter() {
                f(Edge::Attr(k), v);
            }
            opt(Edge::Named("__dict__"), func.dict, f);
            opt(Edge::Named("__closure__"), func.closure, f);
            opt(Edge::Named("__annotations__"), func.annotations, f);
        }
        Kind::Builtin(b) => opt(Edge::Named("__self__"), b.self_, f),
        Kind::Method(m) => {
            f(Edge::Named("__func__"), m[0]);
            f(Edge::Named("__self__"), m[1]);
        }
        // The metaclass (a heap type's type is visited first), then type_traverse's
        // order: tp_dict, tp_mro, tp_bases, tp_base.
        Kind::Class(c) => {
            opt(Edge::Class, c.meta, f);
            opt(Edge::Named("__dict__"), c.ns, f);
            opt(Edge::Named("__mro__"), c.mro_tuple, f);
            opt(Edge::Named("__bases__"), c.bases_tuple, f);
            opt(Edge::Named("__base__"), c.base, f);
        }
        Kind::TypeDict(ns) => {
            for (k, v) in ns.iter() {
                f(Edge::Name(k), v);
            }
        }
        Kind::Descr(d) => f(Edge::Named("__objclass__"), d.owner),
        Kind::MappingProxy(ns) => f(Edge::Named("mapping"), *ns),
        Kind::Instance(inst) => {
            instance_refs(inst, f);
            if let Some(exc) = &inst.exc {
                opt(Edge::Named("message"), exc.message, f);
                opt(Edge::Named("exceptions"), exc.exceptions, f);
                opt(Edge::Named("obj"), exc.obj, f);
                opt(Edge::Named("name"), exc.name, f);
                opt(Edge::Named("args"), exc.args, f);
                opt(Edge::Named("__cause__"), exc.cause, f);
                opt(Edge::Named("__context__"), exc.context, f);
                opt(Edge::Named("__traceback__"), exc.traceback, f);
            }
        }
        Kind::Module(m) => {
            for (k, v) in m.dict.iter() {
                f(Edge::Attr(k), v);
            }
        }
        Kind::Namespace(ns) => {
            for (k, v) in ns.iter() {
                f(Edge::Attr(k), v);
            }
        }
        Kind::Code(rt) => {
            for (i, c) in rt.consts.iter().enumerate() {
                f(Edge::Const(i), *c);
            }
        }
        Kind::Cell(v) => opt(Edge::Named("cell_contents"), *v, f),
        Kind::WeakRef(w) => opt(Edge::Named("__callback__"), w.callback, f),
        Kind::Generator(g) => {
            f(Edge::Named("gi_code"), g.code);
            if let Some(frame) = &g.frame {
                frame_refs(frame, f);
            }
            for e in &g.handled {
                f(Edge::Named("gi_exc_state"), *e);
            }
            opt(Edge::Named("ag_finalizer"), g.finalizer, f);
        }
        Kind::Iter(it) => match &it.state {
            IterState::Seq { seq, .. } | IterState::ListReverse { seq, .. } => {
                f(Edge::Named("seq"), *seq)
            }
            IterState::Table { obj, result, .. } => {
                f(Edge::Named("seq"), *obj);
                opt(Edge::Named("result"), *result, f);
            }
            IterState::Enumerate { it, result, .. } => {
                f(Edge::Named("iterator"), *it);
                opt(Edge::Named("result"), *result, f);
            }
            IterState::Zip { its, result, .. } => {
                for (i, x) in its.iter().enumerate() {
                    f(Edge::Item(i), *x);
                }
                opt(Edge::Named("result"), *result, f);
            }
            IterState::Map { func, its } => {
                f(Edge::Named("func"), *func);
                for (i, x) in its.iter().enumerate() {
                    f(Edge::Item(i), *x);
                }
            }
            IterState::Filter { func, it } => {
                opt(Edge::Named("func"), *func, f);
                f(Edge::Named("iterator"), *it);
            }
            IterState::Call { func, sentinel } => {
                f(Edge::Named("func"), *func);
                f(Edge::Named("sentinel"), *sentinel);
            }
            IterState::Await { coro } => f(Edge::Named("coroutine"), *coro),
            IterState::AGen { agen, sent, .. } => {
                f(Edge::Named("generator"), *agen);
                opt(Edge::Named("value"), *sent, f);
            }
            IterState::Range { .. } | IterState::Exhausted => {}
        },
        Kind::DictView(v) => f(Edge::Named("mapping"), v.1),
        // frame_traverse: f_back, then the frame's own references once it has them.
        Kind::Frame(frame) => {
            opt(Edge::Named("f_back"), frame.back, f);
            if let Some(st) = &frame.state {
                frame_refs(st, f);
            }
        }
        Kind::Traceback(tb) => {
            opt(Edge::Named("tb_next"), tb.next, f);
            opt(Edge::Named("tb_frame"), tb.frame, f);
        }
        Kind::Property(p) => {
            for (i, name) in ["fget", "fset", "fdel"].iter().enumerate() {
                opt(Edge::Named(name), p.fns[i], f);
            }
        }
        Kind::ClassMethod(x) | Kind::StaticMethod(x) => f(Edge::Named("__func__"), *x),
        Kind::Super(s) => {
            f(Edge::Named("__thisclass__"), s[0]);
            f(Edge::Named("__self__"), s[1]);
        }
    }
}

/// What an instance holds as an instance: its class, attributes, `__dict__` and slots
/// (for an instance of a subclass of a built-in type, besides the built-in's contents).
#[inline]
/// In subtype_traverse's order, which is also the order a dying instance lets go of
/// them: its slots, its attributes (or `__dict__`), then its class.
fn instance_refs<F: FnMut(Edge, ObjId) + ?Sized>(inst: &Instance, f: &mut F) {
    for (i, v) in inst.slots.iter().enumerate() {
        if !v.is_null() {
            f(Edge::Slot(i), *v);
        }
    }
    for (k, v) in inst.attrs.iter() {
        f(Edge::Attr(k), v);
    }
    if !inst.dict.is_null() {
        f(Edge::Dict, inst.dict);
    }
    f(Edge::Class, inst.class);
}

/// The references a frame holds: its frame object, code, function, namespaces and slots.
pub fn frame_refs<F: FnMut(Edge, ObjId) + ?Sized>(frame: &FrameState, f: &mut F) {
    if !frame.frame_obj.is_null() {
        f(Edge::Named("frame object"), frame.frame_obj);
    }
    f(Edge::Named("f_code"), frame.code);
    if !frame.func.is_null() {
        f(Edge::Named("f_func"), frame.func);
    }
    f(Edge::Named("f_globals"), frame.globals);
    if !frame.ns.is_null() {
        f(Edge::Named("f_locals"), frame.ns);
    }
    for (i, v) in frame.slots.iter().enumerate() {
        if !v.is_null() {
            f(Edge::Slot(i), *v);
        }
    }
}
