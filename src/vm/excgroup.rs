//! Exception groups (PEP 654): `BaseExceptionGroup` and `ExceptionGroup`, their
//! `split`, `subgroup` and `derive`, and what `except*` runs: the match of one clause
//! (CPython's `exception_group_match`) and the exception left to raise after the
//! clauses (`_PyExc_PrepReraiseStar`). A group keeps its `message` and `exceptions` in
//! its exception state, where CPython's `PyBaseExceptionGroupObject` keeps them.

use std::collections::HashSet;

use super::builtins::{Kw, check_args};
use super::{PyResult, Vm};
use crate::heap::ObjId;
use crate::heap::kinds::{DescrKind, Kind, NativeFn};

/// What `split` and `subgroup` match leaves with (CPython's `_exceptiongroup_split_matcher_type`).
enum Matcher {
    /// An exception class or a tuple of them: `isinstance`.
    Type(ObjId),
    /// A Python function: its truth for the exception.
    Predicate(ObjId),
    /// Leaves among these (what `except*` clauses re-raised); a group never matches.
    Leaves(HashSet<ObjId>),
}

/// The parts of a group that `split` makes: what matched and the rest (owned, or NULL
/// for none).
struct Split {
    matched: ObjId,
    rest: ObjId,
}

/// BaseExceptionGroup's namespace (ExceptionGroup inherits it): `message` and
/// `exceptions` read-only, the methods, and `__new__`, which checks the arguments and
/// picks the class.
pub(super) fn install(vm: &mut Vm, group: ObjId) {
    use super::builtins::{add_getsets_to, add_methods_to, add_wrapped_builtin_to};
    const METHODS: &[(&str, NativeFn)] = &[
        ("__init__", super::builtins::classes::exc_init),
        ("__str__", group_str),
        ("derive", group_derive),
        ("split", group_split),
        ("subgroup", group_subgroup),
    ];
    add_methods_to(
        vm,
        group,
        Some(crate::heap::TypeTag::BaseException),
        METHODS,
    );
    let module = Some("builtins");
    add_wrapped_builtin_to(vm, group, "__new__", group_new, module, Kind::StaticMethod);
    add_wrapped_builtin_to(
        vm,
        group,
        "__class_getitem__",
        super::builtins::subclass::class_getitem,
        module,
        Kind::ClassMethod,
    );
    add_getsets_to(
        vm,
        group,
        &["message", "exceptions"],
        DescrKind::NativeMember,
    );
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`, as CPython 3.11 checks it.
fn group_new(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    let Some((&cls, rest)) = args.split_first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(): not enough arguments"));
    };
    vm.new_exception_group(cls, rest.to_vec())
}

/// `str(eg)`: `message (2 sub-exceptions)`.
fn group_str(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__str__", args, kw, 1, 1)?;
    match vm.group_str(args[0])? {
        Some(s) => Ok(vm.new_str(&s)),
        None => Err(vm.type_error("descriptor '__str__' requires an exception group")),
    }
}

/// `eg.derive(excs)`: a group of the same message around other exceptions, made by
/// `BaseExceptionGroup` itself (a subclass overrides it to keep its own class).
fn group_derive(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if args.len() != 2 || !kw.is_empty() {
        let n = args.len().saturating_sub(1) + kw.len();
        return Err(vm.type_error(format!("function takes exactly 1 argument ({n} given)")));
    }
    let msg = vm.exc_data(args[0]).map_or(ObjId::NULL, |d| d.message);
    if msg.is_null() {
        return Err(vm.type_error("descriptor 'derive' requires an exception group"));
    }
    let base = vm.exc_types.base_exception_group;
    vm.call(base, &[msg, args[1]])
}

/// The one argument of `split` and `subgroup` (PyArg_UnpackTuple's messages).
fn one_matcher(vm: &mut Vm, name: &str, args: &[ObjId], kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.{name}() takes no keyword arguments"
        )));
    }
    let n = args.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!("{name} expected 1 argument, got {n}")));
    }
    Ok(())
}

fn group_split(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    one_matcher(vm, "split", args, kw)?;
    let m = vm.matcher(args[1])?;
    let parts = vm.split_group(args[0], &m, true)?;
    let [a, b] = [parts.matched, parts.rest].map(|p| if p.is_null() { vm.none() } else { p });
    Ok(vm.new_tuple(vec![a, b]))
}

fn group_subgroup(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    one_matcher(vm, "subgroup", args, kw)?;
    let m = vm.matcher(args[1])?;
    let parts = vm.split_group(args[0], &m, false)?;
    Ok(if parts.matched.is_null() {
        vm.none()
    } else {
        parts.matched
    })
}

impl Vm {
    /// `str()` of an exception group (None for anything else).
    pub(super) fn group_str(&mut self, v: ObjId) -> PyResult<Option<String>> {
        let (msg, n) = match self.exc_data(v) {
            Some(d) if !d.message.is_null() => (d.message, self.tuple_len(d.exceptions)),
            _ => return Ok(None),
        };
        let text = self.str_of(msg)?;
        let s = if n > 1 { "s" } else { "" };
        Ok(Some(format!("{text} ({n} sub-exception{s})")))
    }

    /// Whether `v` is an exception group.
    pub fn is_exception_group(&self, v: ObjId) -> bool {
        self.exc_data(v).is_some_and(|d| !d.message.is_null())
    }

    /// `cls(message, exceptions)` for a subclass of BaseExceptionGroup (`args` borrowed):
    /// the checks of CPython's `BaseExceptionGroup_new`, and BaseExceptionGroup itself
    /// makes an ExceptionGroup when every exception is an Exception.
    pub fn new_exception_group(&mut self, cls: ObjId, args: Vec<ObjId>) -> PyResult<ObjId> {
        let n = args.len();
        if n != 2 {
            return Err(self.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
            )));
        }
        let (message, excs) = (args[0], args[1]);
        if !matches!(self.heap.kind(message), Kind::Str(_)) {
            let tn = if message == self.none {
                "None".into()
            } else {
                self.type_name(message)
            };
            return Err(self.type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {tn}"
            )));
        }
        if !self.is_sequence(excs) {
            return Err(self.type_error("second argument (exceptions) must be a sequence"));
        }
        let tuple = self.sequence_tuple(excs)?;
        if self.tuple_len(tuple) == 0 {
            self.heap.decref(tuple);
            return Err(
                self.value_error("second argument (exceptions) must be a non-empty sequence")
            );
        }
        let items: Vec<ObjId> = match self.heap.kind(tuple) {
            Kind::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        let mut nested_base = false;
        for (i, e) in items.iter().enumerate() {
            if !self.isinstance(*e, self.exc_types.base_exception) {
                self.heap.decref(tuple);
                return Err(self.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
            nested_base |= !self.isinstance(*e, self.exc_types.exception);
        }
        let (base, group) = (
            self.exc_types.base_exception_group,
            self.exc_types.exception_group,
        );
        let mut cls = cls;
        let refused = if cls == group {
            nested_base.then(|| "Cannot nest BaseExceptions in an ExceptionGroup".to_string())
        } else if cls == base {
            if !nested_base {
                cls = group;
            }
            None
        } else {
            (nested_base && self.is_subclass(cls, self.exc_types.exception)).then(|| {
                let name = self.class_name(cls);
                format!("Cannot nest BaseExceptions in '{name}'")
            })
        };
        if let Some(msg) = refused {
            self.heap.decref(tuple);
            return Err(self.type_error(msg));
        }
        for a in &args {
            self.heap.incref(*a);
        }
        let e = self.new_exception_args(cls, args);
        self.heap.incref(message);
        if let Some(d) = self.exc_data_mut(e) {
            d.message = message;
            d.exceptions = tuple;
        }
        Ok(e)
    }

    /// CPython's `PySequence_Check`: a list, tuple, str, bytes, range..., or an object
    /// whose class defines `__getitem__` (but not a dict).
    fn is_sequence(&self, v: ObjId) -> bool {
        match self.heap.kind(v) {
            Kind::List(_)
            | Kind::Tuple(_)
            | Kind::Str(_)
            | Kind::Bytes(_)
            | Kind::ByteArray(_)
            | Kind::Range(_)
            | Kind::Array(_)
            | Kind::MemoryView(_) => true,
            Kind::Dict(_) | Kind::Set(_) | Kind::FrozenSet(_) => false,
            _ => {
                let sym = self.names.getitem;
                self.class_lookup(self.type_of(v), sym).is_some()
            }
        }
    }

    /// The matcher of `split(value)` and `subgroup(value)`.
    fn matcher(&mut self, value: ObjId) -> PyResult<Matcher> {
        let base = self.exc_types.base_exception;
        let is_exc_class = |vm: &Vm, c: ObjId| {
            matches!(vm.heap.kind(c), Kind::Class(_)) && vm.is_subclass(c, base)
        };
        if matches!(self.heap.kind(value), Kind::Class(_)) {
            if is_exc_class(self, value) {
                return Ok(Matcher::Type(value));
            }
        } else if let Kind::Tuple(t) = self.heap.kind(value) {
            if t.iter().all(|c| is_exc_class(self, *c)) {
                return Ok(Matcher::Type(value));
            }
        } else if matches!(self.heap.kind(value), Kind::Function(_)) {
            // (Only a Python function: CPython checks PyFunction_Check.)
            return Ok(Matcher::Predicate(value));
        }
        Err(self.type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches(&mut self, exc: ObjId, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Type(t) => {
                let classes: Vec<ObjId> = match self.heap.kind(*t) {
                    Kind::Tuple(t) => t.to_vec(),
                    _ => vec![*t],
                };
                Ok(classes.iter().any(|c| self.isinstance(exc, *c)))
            }
            Matcher::Predicate(f) => {
                let r = self.call(*f, &[exc])?;
                let b = self.while_holding(&[r], |vm| vm.truthy(r));
                self.heap.decref(r);
                b
            }
            Matcher::Leaves(ids) => Ok(!self.is_exception_group(exc) && ids.contains(&exc)),
        }
    }

    /// CPython's `exceptiongroup_split_recursive`: `exc` itself when it matches whole,
    /// else, for a group, the groups `derive` makes of its matching and other parts (the
    /// rest only with `with_rest`).
    fn split_group(&mut self, exc: ObjId, m: &Matcher, with_rest: bool) -> PyResult<Split> {
        if self.matches(exc, m)? {
            self.heap.incref(exc);
            return Ok(Split {
                matched: exc,
                rest: ObjId::NULL,
            });
        }
        let excs = match self.exc_data(exc) {
            Some(d) if !d.message.is_null() => d.exceptions,
            _ => {
                let rest = if with_rest {
                    self.heap.incref(exc);
                    exc
                } else {
                    ObjId::NULL
                };
                return Ok(Split {
                    matched: ObjId::NULL,
                    rest,
                });
            }
        };
        let items: Vec<ObjId> = match self.heap.kind(excs) {
            Kind::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        // The group is held while predicates and `derive` run (it holds its tuple).
        self.heap.incref(exc);
        let r = self.while_holding(&[exc], |vm| vm.split_parts(exc, items, m, with_rest));
        self.heap.decref(exc);
        r
    }

    /// The parts of group `exc`, whose exceptions are `items`, as `derive` makes them.
    fn split_parts(
        &mut self,
        exc: ObjId,
        items: Vec<ObjId>,
        m: &Matcher,
        with_rest: bool,
    ) -> PyResult<Split> {
        let (mut matched, mut rest) = (vec![], vec![]);
        for e in items {
            let part = self.while_holding(&matched, |vm| {
                vm.while_holding(&rest, |vm| vm.split_group(e, m, with_rest))
            });
            match part {
                Ok(part) => {
                    if !part.matched.is_null() {
                        matched.push(part.matched);
                    }
                    if !part.rest.is_null() {
                        rest.push(part.rest);
                    }
                }
                Err(e) => {
                    self.release_all(matched);
                    self.release_all(rest);
                    return Err(e);
                }
            }
        }
        let matched = self.while_holding(&rest, |vm| vm.group_subset(exc, matched));
        let rest = match (with_rest, &matched) {
            (true, Ok(m)) => {
                let m = *m;
                let held: &[ObjId] = if m.is_null() { &[] } else { &[m] };
                let r = self.while_holding(held, |vm| vm.group_subset(exc, rest));
                match r {
                    Ok(r) => r,
                    Err(e) => {
                        self.heap.xdecref(m);
                        return Err(e);
                    }
                }
            }
            _ => {
                self.release_all(rest);
                ObjId::NULL
            }
        };
        Ok(Split {
            matched: matched?,
            rest,
        })
    }

    /// CPython's `exceptiongroup_subset`: `orig.derive(excs)` (owned, moved in), with
    /// `orig`'s traceback, context, cause and a copy of its notes; NULL for none.
    fn group_subset(&mut self, orig: ObjId, excs: Vec<ObjId>) -> PyResult<ObjId> {
        if excs.is_empty() {
            return Ok(ObjId::NULL);
        }
        let list = self.new_list(excs);
        let r = self.while_holding(&[list], |vm| vm.call_method(orig, "derive", &[list]));
        self.heap.decref(list);
        let eg = r?;
        if !self.is_exception_group(eg) {
            self.heap.decref(eg);
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        let (tb, context, cause) = match self.exc_data(orig) {
            Some(d) => (d.traceback, d.context, d.cause),
            None => (ObjId::NULL, ObjId::NULL, ObjId::NULL),
        };
        for v in [tb, context, cause] {
            if !v.is_null() {
                self.heap.incref(v);
            }
        }
        let old = match self.exc_data_mut(eg) {
            // (Setting the cause suppresses the context, even to None.)
            Some(d) => [
                {
                    d.suppress_context = true;
                    std::mem::replace(&mut d.traceback, tb)
                },
                std::mem::replace(&mut d.context, context),
                std::mem::replace(&mut d.cause, cause),
            ],
            None => [tb, context, cause],
        };
        for v in old {
            self.heap.xdecref(v);
        }
        let notes = self.heap.intern_sym("__notes__");
        let copied = self.while_holding(&[eg], |vm| -> PyResult<()> {
            if let Some(n) = vm.getattr_opt(orig, notes)? {
                let sequence = vm.is_sequence(n);
                let copy = if sequence {
                    vm.while_holding(&[n], |vm| vm.collect_sequence(n))
                        .map(Some)
                } else {
                    Ok(None)
                };
                vm.heap.decref(n);
                if let Some(items) = copy? {
                    let l = vm.new_list(items);
                    let r = vm.setattr(eg, notes, l);
                    vm.heap.decref(l);
                    r?;
                }
            }
            Ok(())
        });
        if let Err(e) = copied {
            self.heap.decref(eg);
            return Err(e);
        }
        Ok(eg)
    }

    /// The classes an `except*` clause names: exception classes, as `except`'s, and no
    /// exception group class.
    fn except_star_classes(&mut self, ty: ObjId) -> PyResult<Vec<ObjId>> {
        let classes = self.except_classes(ty)?;
        let group = self.exc_types.base_exception_group;
        if classes.iter().any(|c| self.is_subclass(*c, group)) {
            return Err(self.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(classes)
    }

    /// One `except*` clause's match of `exc` against `ty` (both borrowed): (rest, match),
    /// owned, the match None when there is none (rest is then `exc`), as CPython's
    /// `exception_group_match`. A lone exception that matches is wrapped in a group that
    /// shares its traceback.
    pub(super) fn except_star_match(&mut self, exc: ObjId, ty: ObjId) -> PyResult<(ObjId, ObjId)> {
        let classes = self.except_star_classes(ty)?;
        if exc == self.none {
            return Ok((self.none(), self.none()));
        }
        if classes.iter().any(|c| self.isinstance(exc, *c)) {
            let matched = if self.is_exception_group(exc) {
                self.heap.incref(exc);
                exc
            } else {
                self.wrap_in_group(exc)?
            };
            return Ok((self.none(), matched));
        }
        if self.is_exception_group(exc) {
            let pair = self.call_method(exc, "split", &[ty])?;
            let parts = match self.heap.kind(pair) {
                Kind::Tuple(t) if t.len() == 2 => Some((t[0], t[1])),
                _ => None,
            };
            let Some((matched, rest)) = parts else {
                let (tn, pn) = (self.type_name(exc), self.type_name(pair));
                self.heap.decref(pair);
                return Err(self.type_error(format!("{tn}.split must return a 2-tuple, got {pn}")));
            };
            self.heap.incref(matched);
            self.heap.incref(rest);
            self.heap.decref(pair);
            return Ok((rest, matched));
        }
        self.heap.incref(exc);
        Ok((exc, self.none()))
    }

    /// `BaseExceptionGroup('', (exc,))` (without a traceback: CPython 3.11 gives it none).
    fn wrap_in_group(&mut self, exc: ObjId) -> PyResult<ObjId> {
        self.heap.incref(exc);
        let excs = self.new_tuple(vec![exc]);
        self.unnamed_group(excs)
    }

    /// `BaseExceptionGroup('', excs)` (`excs` owned), as CPython's
    /// `_PyExc_CreateExceptionGroup` makes the groups of `except*`.
    fn unnamed_group(&mut self, excs: ObjId) -> PyResult<ObjId> {
        let msg = self.new_str("");
        let base = self.exc_types.base_exception_group;
        let g = self.call(base, &[msg, excs]);
        self.heap.decref(msg);
        self.heap.decref(excs);
        g
    }

    /// What the `except*` clauses leave to raise (CPython's `_PyExc_PrepReraiseStar`):
    /// `raised` is the list of what each clause raised, with what no clause matched
    /// last (None entries are nothing). Re-raised parts of `orig` (the same traceback,
    /// cause and context) are put back in `orig`'s shape; new exceptions come before
    /// them, in a group of their own when there is more than one. Owned; None for
    /// nothing to raise.
    pub(super) fn prep_reraise_star(&mut self, orig: ObjId, raised: ObjId) -> PyResult<ObjId> {
        let excs: Vec<ObjId> = match self.heap.kind(raised) {
            Kind::List(l) => l.items.to_vec(),
            _ => vec![],
        };
        if !self.is_exception_group(orig) {
            // A lone exception was wrapped: only one clause could run.
            let e = excs.first().copied().unwrap_or(self.none);
            self.heap.incref(e);
            return Ok(e);
        }
        let meta = |vm: &Vm, e: ObjId| vm.exc_data(e).map(|d| (d.traceback, d.cause, d.context));
        let (mut new, mut again) = (vec![], vec![]);
        for e in excs {
            if e == self.none {
                continue;
            }
            if meta(self, e) == meta(self, orig) {
                again.push(e);
            } else {
                new.push(e);
            }
        }
        let mut leaves = HashSet::new();
        for e in &again {
            self.collect_leaves(*e, &mut leaves);
        }
        let projected = if leaves.is_empty() {
            ObjId::NULL
        } else {
            self.split_group(orig, &Matcher::Leaves(leaves), false)?
                .matched
        };
        if new.is_empty() {
            return Ok(if projected.is_null() {
                self.none()
            } else {
                projected
            });
        }
        for e in &new {
            self.heap.incref(*e);
        }
        if !projected.is_null() {
            new.push(projected);
        }
        if new.len() == 1 {
            return Ok(new[0]);
        }
        let list = self.new_list(new);
        self.unnamed_group(list)
    }

    /// The exceptions that are not groups in `e`'s tree.
    fn collect_leaves(&self, e: ObjId, out: &mut HashSet<ObjId>) {
        match self.exc_data(e) {
            Some(d) if !d.message.is_null() => {
                if let Kind::Tuple(t) = self.heap.kind(d.exceptions) {
                    for sub in t.iter() {
                        self.collect_leaves(*sub, out);
                    }
                }
            }
            _ => {
                out.insert(e);
            }
        }
    }
}
