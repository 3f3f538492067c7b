//! `repr()` and `str()` of every object, as CPython 3.11 writes them, including
//! user-defined `__repr__`/`__str__` and recursive containers (`[[...]]`).

use std::borrow::Cow;

use super::{PyResult, Vm};
use crate::heap::kinds::TypeTag;
use crate::heap::{Kind, ObjId};

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr_of(&mut self, v: ObjId) -> PyResult<String> {
        self.native_recursion(" while getting the repr of an object", |vm| {
            vm.repr_of_entered(v)
        })
    }

    /// A native operation that recurses into the objects it is given (`repr` of nested
    /// containers), as CPython's `Py_EnterRecursiveCall`: each level counts against the
    /// recursion limit, with the Python frames under it, so nesting deeper than the limit
    /// raises RecursionError ("maximum recursion depth exceeded" and `what`). The Rust
    /// stack grows on the heap when it runs short, whatever the limit.
    pub(crate) fn native_recursion<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<T>,
    ) -> PyResult<T> {
        // (`depth` also counts the native call, `repr()` or `print()`, that got here,
        // which CPython does not.)
        if self.depth >= self.recursion_limit {
            return Err(self.new_exception(
                self.exc_types.recursion_error,
                &format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.depth += 1;
        let r = crate::syntax::with_stack(|| f(self));
        self.depth -= 1;
        r
    }

    fn repr_of_entered(&mut self, v: ObjId) -> PyResult<String> {
        if let Some(r) = self.call_sub_special(v, self.names.repr, &[])? {
            return self.expect_str(r, "__repr__");
        }
        if let Some(r) = self.struct_seq_repr(v) {
            return r;
        }
        self.repr_base(v)
    }

    /// `repr(v)` as the built-in type writes it (`list.__repr__`).
    pub fn repr_base(&mut self, v: ObjId) -> PyResult<String> {
        if self.repr_stack.contains(&v) {
            return Ok(match self.heap.kind(v) {
                Kind::List(_) => "[...]".into(),
                Kind::Dict(_) => "{...}".into(),
                Kind::Tuple(_) => "(...)".into(),
                _ => "...".into(),
            });
        }
        let s = match self.heap.kind(v) {
            Kind::None => "None".into(),
            Kind::NotImplemented => "NotImplemented".into(),
            Kind::Ellipsis => "Ellipsis".into(),
            Kind::Bool(b) => if *b { "True" } else { "False" }.into(),
            Kind::Int(i) => i.to_string(),
            Kind::IntSub(i) => i.value.to_decimal().map_err(|e| self.num_err(e))?,
            Kind::BigInt(b) => super::num::Int::Big((**b).clone())
                .to_decimal()
                .map_err(|e| self.num_err(e))?,
            Kind::Float(f) => super::text::float_repr(*f),
            Kind::FloatSub(f) => super::text::float_repr(f.value),
            Kind::Complex(c) => complex_repr(c.0, c.1),
            Kind::Str(s) => super::text::str_repr(&s.s),
            Kind::Bytes(b) => super::text::bytes_repr(b),
            Kind::ByteArray(b) => format!("bytearray({})", super::text::bytearray_literal(b)),
            Kind::List(_)
            | Kind::Tuple(_)
            | Kind::Set(_)
            | Kind::FrozenSet(_)
            | Kind::Dict(_)
            | Kind::DictView(_) => {
                self.repr_stack.push(v);
                let r = self.container_repr(v);
                self.repr_stack.pop();
                r?
            }
            Kind::Range(r) => {
                if r[2] == 1 {
                    format!("range({}, {})", r[0], r[1])
                } else {
                    format!("range({}, {}, {})", r[0], r[1], r[2])
                }
            }
            Kind::Slice(s) => {
                let s = **s;
                let a = self.repr_of(s[0])?;
                let b = self.repr_of(s[1])?;
                let c = self.repr_of(s[2])?;
                format!("slice({a}, {b}, {c})")
            }
            Kind::Function(f) => format!("<function {} at {}>", f.qualname, self.addr(v)),
            Kind::Builtin(b) if b.is_method_descriptor() => {
                let owner = b.owner.map_or("object", |t| t.name());
                format!("<method '{}' of '{owner}' objects>", b.name)
            }
            Kind::Builtin(b) => {
                if b.self_.is_null() || b.owner.is_none() {
                    format!("<built-in function {}>", b.name)
                } else {
                    let (name, s) = (b.name, b.self_);
                    let tn = self.type_name(s);
                    format!(
                        "<built-in method {name} of {tn} object at {}>",
                        self.addr(s)
                    )
                }
            }
            // A built-in class method bound to its class (`dict.fromkeys`).
            Kind::Method(m) if matches!(self.heap.kind(m[0]), Kind::Builtin(_)) => {
                let (f, s) = (m[0], m[1]);
                let name = match self.heap.kind(f) {
                    Kind::Builtin(b) => b.name,
                    _ => "?",
                };
                let tn = self.type_name(s);
                format!(
                    "<built-in method {name} of {tn} object at {}>",
                    self.addr(s)
                )
            }
            Kind::Method(m) => {
                let (f, s) = (m[0], m[1]);
                let q = self.qualname_of(f);
                let r = self.repr_of(s)?;
                format!("<bound method {q} of {r}>")
            }
            Kind::Class(c) => {
                if &*c.module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Kind::Module(m) => {
                if ["sys", "builtins", "gc", "math", "array"].contains(&&*m.name) {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    format!("<module '{}'>", m.name)
                }
            }
            Kind::Code(c) => format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.code.name,
                self.addr(v),
                c.code.filename,
                c.code.first_line
            ),
            Kind::Cell(c) => {
                if c.is_null() {
                    format!("<cell at {}: empty>", self.addr(v))
                } else {
                    let c = *c;
                    let tn = self.type_name(c);
                    format!(
                        "<cell at {}: {tn} object at {}>",
                        self.addr(v),
                        self.addr(c)
                    )
                }
            }
            Kind::Generator(g) => format!(
                "<{} object {} at {}>",
                g.type_tag().name(),
                g.qualname,
                self.addr(v)
            ),
            Kind::Frame(_) => self.frame_repr(v),
            Kind::WeakRef(w) => {
                let what = if w.proxy { "weakproxy" } else { "weakref" };
                if w.target.is_null() {
                    format!("<{what} at {}; dead>", self.addr(v))
                } else {
                    let t = w.target;
                    let tn = self.type_name(t);
                    format!(
                        "<{what} at {}; to '{tn}' at {}>",
                        self.addr(v),
                        self.addr(t)
                    )
                }
            }
            Kind::Array(_) => super::modules::array::array_repr(self, v)?,
            Kind::MemoryView(_) => super::builtins::memview::view_repr(self, v),
            Kind::Instance(_) => return self.instance_repr(v),
            Kind::Property(_) => format!("<property object at {}>", self.addr(v)),
            // (The summary is the repr, without an address.)
            Kind::Descr(_) => self.short_repr(v),
            Kind::MappingProxy(ns) => {
                let ns = *ns;
                format!("mappingproxy({})", self.repr_of(ns)?)
            }
            Kind::TypeDict(ns) => {
                let entries: Vec<_> = ns.iter().collect();
                self.repr_stack.push(v);
                let mut parts = vec![];
                for (k, x) in entries {
                    let k = self.heap.sym_name(k);
                    match self.repr_of(x) {
                        Ok(r) => parts.push(format!("{}: {r}", super::text::str_repr(&k))),
                        Err(e) => {
                            self.repr_stack.pop();
                            return Err(e);
                        }
                    }
                }
                self.repr_stack.pop();
                format!("{{{}}}", parts.join(", "))
            }
            Kind::ClassMethod(_) => format!("<classmethod(...) object at {}>", self.addr(v)),
            Kind::StaticMethod(_) => format!("<staticmethod(...) object at {}>", self.addr(v)),
            _ => {
                let tn = self.type_name(v);
                format!("<{tn} object at {}>", self.addr(v))
            }
        };
        Ok(s)
    }

    /// A fake but stable address for `<... at 0x...>` reprs, from the allocation serial.
    pub fn addr(&self, v: ObjId) -> String {
        format!(
            "0x{:012x}",
            0x7f00_0000_0000u64 + 16 * self.heap.get(v).serial as u64
        )
    }

    fn instance_repr(&mut self, v: ObjId) -> PyResult<String> {
        let sym = self.names.repr;
        let ty = self.type_of(v);
        if let Some(f) = self.class_lookup(ty, sym)
            && matches!(self.heap.kind(f), Kind::Function(_))
        {
            let r = self.call(f, &[v])?;
            return self.expect_str(r, "__repr__");
        }
        if self.exc_data(v).is_some() {
            let name = self.class_name(ty);
            let args = self.exc_data(v).map(|d| d.args).unwrap_or(ObjId::NULL);
            let inner = if args.is_null() {
                String::new()
            } else {
                let n = self.tuple_len(args);
                let r = self.repr_of(args)?;
                if n == 1 {
                    r[1..r.len() - 2].to_string()
                } else {
                    r[1..r.len() - 1].to_string()
                }
            };
            return Ok(format!("{name}({inner})"));
        }
        Ok(self.default_repr(v))
    }

    /// `object.__repr__`: `<module.Qualname object at 0x...>`, without the module for
    /// the built-in types (`<object object at 0x...>`).
    pub(crate) fn default_repr(&self, v: ObjId) -> String {
        let ty = self.type_of(v);
        let addr = self.addr(v);
        match self.class(ty) {
            Some(c) if &*c.module == "builtins" => format!("<{} object at {addr}>", c.qualname),
            Some(c) => format!("<{}.{} object at {addr}>", c.module, c.qualname),
            None => format!("<? object at {addr}>"),
        }
    }

    /// Checks that a `__repr__`/`__str__` result is a str and takes it.
    fn expect_str(&mut self, r: ObjId, what: &str) -> PyResult<String> {
        let out = self.as_str(r).map(|s| s.to_string());
        let tn = self.type_name(r);
        self.heap.decref(r);
        match out {
            Some(s) => Ok(s),
            None => Err(self.type_error(format!("{what} returned non-string (type {tn})"))),
        }
    }

    /// `str(v)` as a Rust string.
    pub fn str_of(&mut self, v: ObjId) -> PyResult<String> {
        if let Some(r) = self.call_sub_special(v, self.names.str_, &[])? {
            return self.expect_str(r, "__str__");
        }
        match self.heap.kind(v) {
            Kind::Str(s) => return Ok(s.s.to_string()),
            Kind::WeakRef(w) if w.proxy => {
                if let Some(r) = self.via_proxy(v, |vm, t| vm.str_of(t)) {
                    return r;
                }
            }
            // str() of a mappingproxy is its mapping's.
            Kind::MappingProxy(ns) => {
                let ns = *ns;
                return self.repr_of(ns);
            }
            Kind::Instance(_) => {
                let sym = self.names.str_;
                let ty = self.type_of(v);
                if let Some(f) = self.class_lookup(ty, sym)
                    && matches!(self.heap.kind(f), Kind::Function(_))
                {
                    let r = self.call(f, &[v])?;
                    return self.expect_str(r, "__str__");
                }
                if self.exc_data(v).is_some() {
                    return self.exception_str(v);
                }
            }
            _ => {}
        }
        self.repr_of(v)
    }

    /// `str(exc)`: '' for no args, str(arg) for one (repr for KeyError), str(args) else.
    fn exception_str(&mut self, v: ObjId) -> PyResult<String> {
        if let Some(s) = self.group_str(v)? {
            return Ok(s);
        }
        if let Some(s) = self.syntax_error_str(v)? {
            return Ok(s);
        }
        if self.isinstance(v, self.exc_types.os_error)
            && let Some(s) = self.os_error_str(v)?
        {
            return Ok(s);
        }
        let args = self.exc_data(v).map(|d| d.args).unwrap_or(ObjId::NULL);
        let n = self.tuple_len(args);
        match n {
            0 => Ok(String::new()),
            1 => {
                let a = self.tuple_item(args, 0);
                if self.isinstance(v, self.exc_types.key_error) {
                    self.repr_of(a)
                } else {
                    self.str_of(a)
                }
            }
            _ => self.repr_of(args),
        }
    }

    fn container_repr(&mut self, v: ObjId) -> PyResult<String> {
        let (open, close, items, is_dict): (Cow<str>, &str, Vec<ObjId>, bool) =
            match self.heap.kind(v) {
                Kind::List(l) => ("[".into(), "]", l.items.to_vec(), false),
                Kind::Tuple(t) => ("(".into(), ")", t.to_vec(), false),
                k @ (Kind::Set(t) | Kind::FrozenSet(t)) => {
                    // A set shows bare braces; a frozenset or a subclass's instance is named
                    // by its type: `frozenset({1})`, `Tags({'a'})`.
                    let named = t.ext.is_some() || matches!(k, Kind::FrozenSet(_));
                    let keys: Vec<ObjId> = t.iter().map(|(_, e)| e.key).collect();
                    let name = named.then(|| self.type_name(v));
                    match (name, keys.is_empty()) {
                        (None, true) => return Ok("set()".into()),
                        (Some(n), true) => return Ok(format!("{n}()")),
                        (None, false) => ("{".into(), "}", keys, false),
                        (Some(n), false) => (format!("{n}({{").into(), "})", keys, false),
                    }
                }
                Kind::Dict(t) => (
                    "{".into(),
                    "}",
                    t.iter().flat_map(|(_, e)| [e.key, e.value]).collect(),
                    true,
                ),
                Kind::DictView(dv) => {
                    let (tag, d) = **dv;
                    let name = tag.name();
                    let items: Vec<ObjId> = match self.heap.kind(d) {
                        Kind::Dict(t) => match tag {
                            TypeTag::DictKeys => t.iter().map(|(_, e)| e.key).collect(),
                            TypeTag::DictValues => t.iter().map(|(_, e)| e.value).collect(),
                            _ => t.iter().flat_map(|(_, e)| [e.key, e.value]).collect(),
                        },
                        _ => vec![],
                    };
                    let mut parts = vec![];
                    if tag == TypeTag::DictItems {
                        for p in items.chunks(2) {
                            let k = self.repr_of(p[0])?;
                            let val = self.repr_of(p[1])?;
                            parts.push(format!("({k}, {val})"));
                        }
                    } else {
                        for i in items {
                            parts.push(self.repr_of(i)?);
                        }
                    }
                    return Ok(format!("{name}([{}])", parts.join(", ")));
                }
                _ => return Ok(String::new()),
            };
        for i in &items {
            self.heap.incref(*i);
        }
        let mark = self.held.len();
        self.held.extend_from_slice(&items);
        let mut parts = Vec::with_capacity(items.len());
        let mut result = Ok(());
        if is_dict {
            // (The value's repr is not asked when the key's failed, which would also
            // lose one of the two errors.)
            for p in items.chunks(2) {
                match self
                    .repr_of(p[0])
                    .and_then(|k| Ok(format!("{k}: {}", self.repr_of(p[1])?)))
                {
                    Ok(s) => parts.push(s),
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        } else {
            for i in &items {
                match self.repr_of(*i) {
                    Ok(s) => parts.push(s),
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        }
        self.held.truncate(mark);
        self.release_all(items);
        result?;
        let single_tuple = open == "(" && parts.len() == 1;
        Ok(format!(
            "{open}{}{}{close}",
            parts.join(", "),
            if single_tuple { "," } else { "" }
        ))
    }
}

fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |x: f64| {
        let s = super::text::float_repr(x);
        s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", fmt(im))
    } else {
        let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) {
            "-"
        } else {
            "+"
        };
        format!("({}{sign}{}j)", fmt(re), fmt(im.abs()))
    }
}
