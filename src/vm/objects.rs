//! Making objects, and asking what they are: constructors that return new references,
//! `type()` of any object, and the built-in type objects.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::Vm;
use crate::heap::kinds::{Class, ListItems, ListObj, StrObj, TypeTag};
use crate::heap::table::{Table, TableKind};
use crate::heap::{Kind, ObjId, SymMap};

impl Vm {
    /// A new reference to None.
    #[inline]
    pub fn none(&mut self) -> ObjId {
        self.heap.incref(self.none);
        self.none
    }

    #[inline]
    pub fn new_bool(&mut self, b: bool) -> ObjId {
        let id = if b { self.true_ } else { self.false_ };
        self.heap.incref(id);
        id
    }

    #[inline]
    pub fn new_int(&mut self, v: i64) -> ObjId {
        if let Some(id) = self.small_int(v) {
            self.heap.incref(id);
            id
        } else {
            self.heap.alloc(Kind::Int(v))
        }
    }

    pub fn new_bigint(&mut self, v: BigInt) -> ObjId {
        match v.to_i64() {
            Some(s) => self.new_int(s),
            None => self.heap.alloc(Kind::BigInt(Box::new(v))),
        }
    }

    pub fn new_int_from(&mut self, v: super::num::Int) -> ObjId {
        match v {
            super::num::Int::Small(s) => self.new_int(s),
            super::num::Int::Big(b) => self.heap.alloc(Kind::BigInt(Box::new(b))),
        }
    }

    #[inline]
    pub fn new_float(&mut self, v: f64) -> ObjId {
        self.heap.alloc(Kind::Float(v))
    }

    pub fn new_str(&mut self, s: &str) -> ObjId {
        self.new_string(s.into())
    }

    /// A new str; the empty string and single Latin-1 characters are the shared ones.
    pub fn new_string(&mut self, s: String) -> ObjId {
        if s.is_empty() {
            self.heap.incref(self.empty_str);
            return self.empty_str;
        }
        let mut cs = s.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && let Some(id) = self.latin1_char(c)
        {
            self.heap.incref(id);
            return id;
        }
        self.heap
            .alloc(Kind::Str(Box::new(StrObj::new(s.into_boxed_str()))))
    }

    /// The interned str equal to `s` (created and interned if needed).
    pub fn intern_str(&mut self, s: &str) -> ObjId {
        if let Some(id) = self.heap.interned(s) {
            self.heap.incref(id);
            return id;
        }
        let id = self.new_str(s);
        if !self.heap.has_flag(id, crate::heap::flags::IMMORTAL) {
            self.heap.add_interned(id);
        }
        id
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> ObjId {
        let shared = match b[..] {
            [] => self.bytes_singletons.first(),
            [c] => self.bytes_singletons.get(1 + c as usize),
            _ => None,
        };
        if let Some(&id) = shared {
            self.heap.incref(id);
            return id;
        }
        self.heap.alloc(Kind::Bytes(Box::new(b)))
    }

    /// A new list whose capacity equals its length (`[a, b]`, `[x] * n`).
    pub fn new_list(&mut self, items: impl Into<ListItems>) -> ObjId {
        let items = items.into();
        let cap = items.len();
        self.heap.alloc(Kind::List(Box::new(ListObj {
            items,
            cap,
            ext: None,
        })))
    }

    pub fn new_tuple(&mut self, items: Vec<ObjId>) -> ObjId {
        if items.is_empty() {
            self.heap.incref(self.empty_tuple);
            return self.empty_tuple;
        }
        self.heap.alloc(Kind::Tuple(Box::new(items.into())))
    }

    pub fn new_dict(&mut self) -> ObjId {
        let id = self
            .heap
            .alloc(Kind::Dict(Box::new(Table::new(TableKind::Dict))));
        // A dict holding only atomic values is not tracked (CPython's MAINTAIN_TRACKING).
        self.heap.untrack(id);
        id
    }

    pub fn new_set(&mut self, frozen: bool) -> ObjId {
        let t = Box::new(Table::new(TableKind::Set));
        self.heap.alloc(if frozen {
            Kind::FrozenSet(t)
        } else {
            Kind::Set(t)
        })
    }

    /// The type object of any object (a borrowed reference).
    pub fn type_of(&self, id: ObjId) -> ObjId {
        let o = self.heap.get(id);
        match &o.kind {
            Kind::Instance(inst) => inst.class,
            k if o.flags & crate::heap::flags::SUBCLASS_INSTANCE != 0 => match k {
                Kind::Class(c) => c.meta,
                _ => match k.ext() {
                    Some(e) => e.class,
                    None => self.types[kind_tag(k) as usize],
                },
            },
            k => self.types[kind_tag(k) as usize],
        }
    }

    /// The type's `__name__`.
    pub fn type_name(&self, id: ObjId) -> Rc<str> {
        self.class_name(self.type_of(id))
    }

    pub fn class_name(&self, class: ObjId) -> Rc<str> {
        match self.heap.kind(class) {
            Kind::Class(c) => c.name.clone(),
            _ => "?".into(),
        }
    }

    pub fn class(&self, class: ObjId) -> Option<&Class> {
        match self.heap.kind(class) {
            Kind::Class(c) => Some(c),
            _ => None,
        }
    }

    /// A class's namespace.
    pub fn class_dict(&self, class: ObjId) -> Option<&SymMap<ObjId>> {
        self.heap.class_ns(class)
    }

    pub fn is_none(&self, id: ObjId) -> bool {
        id == self.none
    }

    /// The str value of a str object.
    pub fn as_str(&self, id: ObjId) -> Option<&str> {
        match self.heap.kind(id) {
            Kind::Str(s) => Some(&s.s),
            _ => None,
        }
    }

    pub fn is_str(&self, id: ObjId) -> bool {
        matches!(self.heap.kind(id), Kind::Str(_))
    }

    /// Whether `class` is `base` or derives from it.
    pub fn is_subclass(&self, class: ObjId, base: ObjId) -> bool {
        if class == base {
            return true;
        }
        match self.heap.kind(class) {
            Kind::Class(c) => c.mro.contains(&base),
            _ => false,
        }
    }

    pub fn isinstance(&self, obj: ObjId, class: ObjId) -> bool {
        self.is_subclass(self.type_of(obj), class)
    }

    pub fn isinstance_tag(&self, obj: ObjId, tag: TypeTag) -> bool {
        self.isinstance(obj, self.types[tag as usize])
    }
}

/// The built-in type of a non-instance object.
pub fn kind_tag(k: &Kind) -> TypeTag {
    match k {
        Kind::Free | Kind::Namespace(_) => TypeTag::Namespace,
        Kind::TypeDict(_) => TypeTag::Dict,
        Kind::MappingProxy(_) => TypeTag::MappingProxy,
        Kind::Descr(d) => match d.what {
            crate::heap::kinds::DescrKind::Member | crate::heap::kinds::DescrKind::NativeMember => {
                TypeTag::MemberDescriptor
            }
            _ => TypeTag::GetSetDescriptor,
        },
        Kind::None => TypeTag::NoneType,
        Kind::NotImplemented => TypeTag::NotImplementedType,
        Kind::Ellipsis => TypeTag::Ellipsis,
        Kind::Bool(_) => TypeTag::Bool,
        Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) => TypeTag::Int,
        Kind::Float(_) | Kind::FloatSub(_) => TypeTag::Float,
        Kind::Complex(_) => TypeTag::Complex,
        Kind::Str(_) => TypeTag::Str,
        Kind::Bytes(_) => TypeTag::Bytes,
        Kind::ByteArray(_) => TypeTag::ByteArray,
        Kind::List(_) => TypeTag::List,
        Kind::Tuple(_) => TypeTag::Tuple,
        Kind::Dict(_) => TypeTag::Dict,
        Kind::Set(_) => TypeTag::Set,
        Kind::FrozenSet(_) => TypeTag::FrozenSet,
        Kind::Range(_) => TypeTag::Range,
        Kind::Slice(_) => TypeTag::Slice,
        Kind::Function(_) => TypeTag::Function,
        Kind::Builtin(b) if b.is_method_descriptor() => TypeTag::MethodDescriptor,
        Kind::Builtin(_) => TypeTag::BuiltinFunction,
        Kind::Method(_) => TypeTag::Method,
        Kind::Class(_) => TypeTag::Type,
        Kind::Instance(_) => TypeTag::Object,
        Kind::Module(_) => TypeTag::Module,
        Kind::Code(_) => TypeTag::Code,
        Kind::Cell(_) => TypeTag::Cell,
        Kind::Generator(g) => g.type_tag(),
        Kind::Iter(it) => it.tag,
        Kind::DictView(v) => v.0,
        Kind::Property(_) => TypeTag::Property,
        Kind::ClassMethod(_) => TypeTag::ClassMethod,
        Kind::StaticMethod(_) => TypeTag::StaticMethod,
        Kind::Super(_) => TypeTag::Super,
        Kind::Array(_) => TypeTag::Array,
        Kind::MemoryView(_) => TypeTag::MemoryView,
        Kind::ManagedBuffer(_) => TypeTag::ManagedBuffer,
        Kind::Frame(_) => TypeTag::Frame,
        Kind::Traceback(_) => TypeTag::Traceback,
        Kind::WeakRef(w) => {
            if w.proxy && w.callable {
                TypeTag::WeakCallableProxy
            } else if w.proxy {
                TypeTag::WeakProxy
            } else {
                TypeTag::WeakRef
            }
        }
    }
}

/// The namespace of a class of the runtime: immortal and untracked, as the type objects.
pub fn new_runtime_type_dict(vm: &mut Vm) -> ObjId {
    let ns = vm.heap.alloc(Kind::TypeDict(Box::default()));
    vm.heap.set_flag(
        ns,
        crate::heap::flags::IMMORTAL | crate::heap::flags::BUILTIN,
    );
    vm.heap.untrack(ns);
    ns
}

/// Creates the type objects of the built-in types (their methods are added by `builtins`).
pub fn create_builtin_types(vm: &mut Vm) {
    for tag in TypeTag::all() {
        if tag == TypeTag::BaseException {
            continue;
        }
        let class = Class {
            name: tag.name().rsplit('.').next().unwrap_or(tag.name()).into(),
            qualname: tag.name().into(),
            module: if tag == TypeTag::Array {
                "array".into()
            } else {
                "builtins".into()
            },
            bases: vec![],
            mro: vec![],
            base: ObjId::NULL,
            bases_tuple: ObjId::NULL,
            mro_tuple: ObjId::NULL,
            ns: new_runtime_type_dict(vm),
            native: Some(tag),
            base_native: tag,
            slots: None,
            has_dict: false,
            has_del: false,
            keys: None,
            instance_size: 32,
            meta: ObjId::NULL,
        };
        let id = vm.heap.alloc(Kind::Class(Box::new(class)));
        vm.heap.set_flag(
            id,
            crate::heap::flags::IMMORTAL | crate::heap::flags::BUILTIN,
        );
        vm.heap.set_size(id, crate::heap::size::STATIC_TYPE_SIZE);
        vm.heap.untrack(id);
        vm.types[tag as usize] = id;
    }
    let object = vm.types[TypeTag::Object as usize];
    let int = vm.types[TypeTag::Int as usize];
    for tag in TypeTag::all() {
        if tag == TypeTag::Object || tag == TypeTag::BaseException {
            continue;
        }
        let id = vm.types[tag as usize];
        // (The bases are immortal: only `tp_base` is counted.)
        let (bases, mro) = if tag == TypeTag::Bool {
            (vec![int], vec![int, object])
        } else {
            (vec![object], vec![object])
        };
        vm.heap.incref(bases[0]);
        if let Kind::Class(c) = vm.heap.kind_mut(id) {
            c.base = bases[0];
            c.bases = bases;
            c.mro = mro;
        }
    }
}
