//! The short label of an object that snapshots and pictures show (`[1, 2, 3]`,
//! `{'a': 1, ...}`, `<Node object>`), computed without running Python code and bounded in
//! length, so that a recording can afford one for every object that changes.

use super::Vm;
use crate::heap::kinds::DescrKind;
use crate::heap::{Kind, ObjId};

/// Items shown before `...`.
pub(crate) const ITEMS: usize = 4;
/// Characters of a string or number shown before `…`.
const CHARS: usize = 40;

fn clip(s: String) -> String {
    if s.chars().count() <= CHARS {
        return s;
    }
    let mut out: String = s.chars().take(CHARS - 1).collect();
    out.push('…');
    out
}

impl Vm {
    /// A label of at most about 60 characters.
    pub fn short_repr(&self, id: ObjId) -> String {
        self.summary(id, true)
    }

    /// `deep`: containers show their first items (as atoms), else only their brackets.
    fn summary(&self, id: ObjId, deep: bool) -> String {
        let items = |ids: &mut dyn Iterator<Item = ObjId>, open: &str, close: &str| {
            if !deep {
                return format!("{open}...{close}");
            }
            let mut parts: Vec<String> = vec![];
            let mut more = false;
            for (i, v) in ids.enumerate() {
                if i == ITEMS {
                    more = true;
                    break;
                }
                parts.push(self.summary(v, false));
            }
            if more {
                parts.push("...".into());
            }
            format!("{open}{}{close}", parts.join(", "))
        };
        match self.heap.kind(id) {
            Kind::Free => "<freed>".into(),
            Kind::None => "None".into(),
            Kind::NotImplemented => "NotImplemented".into(),
            Kind::Ellipsis => "Ellipsis".into(),
            Kind::Bool(b) => if *b { "True" } else { "False" }.into(),
            Kind::Int(i) => i.to_string(),
            Kind::IntSub(i) => i.value.to_bigint().to_string(),
            Kind::BigInt(b) => {
                let s = b.to_string();
                if s.len() > CHARS {
                    format!("<int of {} digits>", s.trim_start_matches('-').len())
                } else {
                    s
                }
            }
            Kind::Float(f) => super::text::float_repr(*f),
            Kind::FloatSub(f) => super::text::float_repr(f.value),
            Kind::Complex(c) => clip(format!("({}+{}j)", c.0, c.1)),
            Kind::Str(s) => {
                let short: String = s.s.chars().take(CHARS + 1).collect();
                clip(super::text::str_repr(&short))
            }
            Kind::Bytes(b) => clip(super::text::bytes_repr(&b[..b.len().min(CHARS + 1)])),
            Kind::ByteArray(b) => clip(format!(
                "bytearray({})",
                super::text::bytes_repr(&b[..b.len().min(CHARS + 1)])
            )),
            Kind::List(l) => items(&mut l.items.iter().copied(), "[", "]"),
            Kind::Tuple(t) => {
                if t.len() == 1 && deep {
                    format!("({},)", self.summary(t[0], false))
                } else {
                    items(&mut t.iter().copied(), "(", ")")
                }
            }
            Kind::Set(t) | Kind::FrozenSet(t) => {
                let frozen = matches!(self.heap.kind(id), Kind::FrozenSet(_));
                if t.is_empty() {
                    return if frozen { "frozenset()" } else { "set()" }.into();
                }
                let inner = items(&mut t.iter().map(|(_, e)| e.key), "{", "}");
                if frozen {
                    format!("frozenset({inner})")
                } else {
                    inner
                }
            }
            Kind::Dict(t) => {
                if !deep {
                    return "{...}".into();
                }
                let mut parts: Vec<String> = t
                    .iter()
                    .take(ITEMS)
                    .map(|(_, e)| {
                        format!(
                            "{}: {}",
                            self.summary(e.key, false),
                            self.summary(e.value, false)
                        )
                    })
                    .collect();
                if t.len() > ITEMS {
                    parts.push("...".into());
                }
                format!("{{{}}}", parts.join(", "))
            }
            Kind::Range(r) => {
                if r[2] == 1 {
                    format!("range({}, {})", r[0], r[1])
                } else {
                    format!("range({}, {}, {})", r[0], r[1], r[2])
                }
            }
            Kind::Slice(_) => "slice(...)".into(),
            Kind::Function(f) => format!("<function {}>", f.qualname),
            Kind::Builtin(b) => format!("<built-in {}>", b.name),
            Kind::Method(m) => format!("<bound method {}>", self.qualname_of(m[0])),
            Kind::Class(c) => format!("<class '{}'>", c.qualname),
            Kind::Instance(inst) => {
                let name = self.class_name(inst.class);
                match &inst.exc {
                    Some(_) => format!("<{name} exception>"),
                    None => format!("<{name} object>"),
                }
            }
            Kind::Module(m) => format!("<module '{}'>", m.name),
            Kind::Code(rt) => format!("<code {}>", rt.code.name),
            Kind::Cell(_) => "<cell>".into(),
            Kind::Generator(g) => format!("<{} {}>", g.type_tag().name(), g.qualname),
            Kind::Iter(_) => format!("<{}>", self.type_name(id)),
            Kind::DictView(_) => format!("<{}>", self.type_name(id)),
            Kind::Property(_) => "<property>".into(),
            Kind::ClassMethod(_) => "<classmethod>".into(),
            Kind::StaticMethod(_) => "<staticmethod>".into(),
            Kind::Super(_) => "<super>".into(),
            Kind::Array(a) => format!("array('{}', ...)", a.typecode),
            Kind::MemoryView(m) if m.released => "<released memory>".into(),
            Kind::MemoryView(_) => "<memory>".into(),
            Kind::ManagedBuffer(_) => "<managedbuffer>".into(),
            Kind::Namespace(_) => "<class namespace>".into(),
            Kind::TypeDict(ns) => {
                if !deep {
                    return "{...}".into();
                }
                let mut parts: Vec<String> = ns
                    .iter()
                    .take(ITEMS)
                    .map(|(k, v)| {
                        let k = self.heap.sym_name(k);
                        format!("'{k}': {}", self.summary(v, false))
                    })
                    .collect();
                if ns.len() > ITEMS {
                    parts.push("...".into());
                }
                format!("{{{}}}", parts.join(", "))
            }
            Kind::MappingProxy(ns) => format!("mappingproxy({})", self.summary(*ns, deep)),
            Kind::Descr(d) => {
                let name = self.heap.sym_name(d.name);
                let owner = self.class(d.owner).map(|c| c.name.clone());
                let owner = owner.as_deref().unwrap_or("?");
                match d.what {
                    DescrKind::Member | DescrKind::NativeMember => {
                        format!("<member '{name}' of '{owner}' objects>")
                    }
                    _ => format!("<attribute '{name}' of '{owner}' objects>"),
                }
            }
            Kind::Frame(f) => format!("<frame {}>", f.rt.code.name),
            Kind::Traceback(t) => format!("<traceback line {}>", t.lineno),
            Kind::WeakRef(w) => {
                let what = if w.proxy { "weakproxy" } else { "weakref" };
                if w.target.is_null() {
                    format!("<{what}; dead>")
                } else {
                    format!("<{what} to '{}'>", self.type_name(w.target))
                }
            }
        }
    }
}
