//! The object kinds: what each kind of object holds. Every field of type [`ObjId`] here is a
//! reference that the object owns (it was counted in the target's refcount), and
//! [`super::visit`] lists them all.

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::ObjId;
use super::symbols::{Sym, SymMap};
use super::table::Table;
use crate::compiler::CodeObject;

/// Declares [`TypeTag`] once: each variant with its Python name, in index order.
macro_rules! type_tags {
    ($($variant:ident => $name:literal,)*) => {
        /// The built-in types. Each has one type object on the heap, created at start-up.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum TypeTag {
            $($variant,)*
        }

        impl TypeTag {
            const ALL: &'static [TypeTag] = &[$(TypeTag::$variant,)*];
            pub const COUNT: usize = Self::ALL.len();

            pub fn name(self) -> &'static str {
                match self {
                    $(TypeTag::$variant => $name,)*
                }
            }
        }
    };
}

type_tags! {
    Object => "object",
    Type => "type",
    NoneType => "NoneType",
    NotImplementedType => "NotImplementedType",
    Ellipsis => "ellipsis",
    Bool => "bool",
    Int => "int",
    Float => "float",
    Complex => "complex",
    Str => "str",
    Bytes => "bytes",
    ByteArray => "bytearray",
    List => "list",
    Tuple => "tuple",
    Dict => "dict",
    Set => "set",
    FrozenSet => "frozenset",
    Range => "range",
    Slice => "slice",
    Function => "function",
    BuiltinFunction => "builtin_function_or_method",
    MethodDescriptor => "method_descriptor",
    Method => "method",
    Module => "module",
    Code => "code",
    Cell => "cell",
    Generator => "generator",
    Coroutine => "coroutine",
    CoroutineWrapper => "coroutine_wrapper",
    AsyncGenerator => "async_generator",
    AsyncGenASend => "async_generator_asend",
    AsyncGenAThrow => "async_generator_athrow",
    Property => "property",
    ClassMethod => "classmethod",
    StaticMethod => "staticmethod",
    Super => "super",
    Array => "array.array",
    ListIterator => "list_iterator",
    ListReverseIterator => "list_reverseiterator",
    TupleIterator => "tuple_iterator",
    RangeIterator => "range_iterator",
    StrIterator => "str_ascii_iterator",
    StrUnicodeIterator => "str_iterator",
    BytesIterator => "bytes_iterator",
    DictKeyIterator => "dict_keyiterator",
    DictValueIterator => "dict_valueiterator",
    DictItemIterator => "dict_itemiterator",
    DictRevKeyIterator => "dict_reversekeyiterator",
    DictRevValueIterator => "dict_reversevalueiterator",
    DictRevItemIterator => "dict_reverseitemiterator",
    SetIterator => "set_iterator",
    DictKeys => "dict_keys",
    DictValues => "dict_values",
    DictItems => "dict_items",
    Enumerate => "enumerate",
    Zip => "zip",
    Map => "map",
    Filter => "filter",
    Reversed => "reversed",
    SeqIterator => "iterator",
    CallIterator => "callable_iterator",
    ArrayIterator => "arrayiterator",
    MemoryIterator => "memory_iterator",
    Namespace => "namespace",
    Frame => "frame",
    Traceback => "traceback",
    WeakRef => "weakref.ReferenceType",
    WeakProxy => "weakref.ProxyType",
    WeakCallableProxy => "weakref.CallableProxyType",
    GetSetDescriptor => "getset_descriptor",
    MemberDescriptor => "member_descriptor",
    MappingProxy => "mappingproxy",
    MemoryView => "memoryview",
    ManagedBuffer => "managedbuffer",
    BaseException => "BaseException",
}

impl TypeTag {
    /// `reversed()` of a dict or of one of its views.
    pub fn is_dict_reverse_iterator(self) -> bool {
        matches!(
            self,
            TypeTag::DictRevKeyIterator
                | TypeTag::DictRevValueIterator
                | TypeTag::DictRevItemIterator
        )
    }

    pub fn all() -> impl Iterator<Item = TypeTag> {
        Self::ALL.iter().copied()
    }

    pub fn from_index(i: usize) -> Option<TypeTag> {
        Self::ALL.get(i).copied()
    }
}

/// A str. `chars` caches the number of code points (== bytes for ASCII).
#[derive(Debug)]
pub struct StrObj {
    pub s: Box<str>,
    pub chars: u32,
    pub hash: Cell<Option<i64>>,
    pub interned: bool,
    /// The class and attributes of an instance of a Python subclass of str.
    pub ext: Option<Box<Instance>>,
}

impl StrObj {
    pub fn new(s: Box<str>) -> StrObj {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        } as u32;
        StrObj {
            s,
            chars,
            hash: Cell::new(None),
            interned: false,
            ext: None,
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.chars as usize == self.s.len()
    }
}

/// A list's items: up to four are kept inside the list's own allocation. Lists that
/// small are most lists a teaching program makes (`a = []`, `b = [a]`, a pair, a row), and
/// the items then cost no second `malloc` and `free`. With smallvec's `union` layout the
/// vector is no larger than a `Vec`.
pub type ListItems = smallvec::SmallVec<[ObjId; 4]>;

/// A list. `cap` models CPython's allocated capacity (it decides `sys.getsizeof`).
#[derive(Debug, Default)]
pub struct ListObj {
    pub items: ListItems,
    pub cap: usize,
    /// The class and attributes of an instance of a Python subclass of list; `None` for a
    /// list itself.
    pub ext: Option<Box<Instance>>,
}

/// A tuple: its items (the tuple derefs to them), and the class and attributes of an
/// instance of a Python subclass of tuple (`None` for a tuple itself).
#[derive(Debug, Default)]
pub struct TupleObj {
    pub items: Vec<ObjId>,
    pub ext: Option<Box<Instance>>,
}

impl std::ops::Deref for TupleObj {
    type Target = Vec<ObjId>;
    fn deref(&self) -> &Vec<ObjId> {
        &self.items
    }
}

impl std::ops::DerefMut for TupleObj {
    fn deref_mut(&mut self) -> &mut Vec<ObjId> {
        &mut self.items
    }
}

impl From<Vec<ObjId>> for TupleObj {
    fn from(items: Vec<ObjId>) -> TupleObj {
        TupleObj { items, ext: None }
    }
}

/// A user-defined or built-in function's code, on the heap: the constants are references.
#[derive(Debug)]
pub struct CodeRt {
    pub code: Rc<CodeObject>,
    pub consts: Vec<ObjId>,
    pub names: Vec<Sym>,
    /// For each name, where it was last found in a namespace (see
    /// `SymMap::position_hinted`).
    pub name_hints: Box<[std::cell::Cell<u32>]>,
}

#[derive(Debug)]
pub struct Function {
    pub code: ObjId,
    pub rt: Rc<CodeRt>,
    /// The module whose namespace is the function's globals.
    pub globals: ObjId,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// A tuple, or NULL.
    pub defaults: ObjId,
    /// A dict, or NULL.
    pub kwdefaults: ObjId,
    /// A tuple of cells, or NULL.
    pub closure: ObjId,
    /// The annotations: a tuple (name, value, ...) as `MakeFunction` made it, a dict once
    /// `__annotations__` was read (CPython 3.11 converts it then), or NULL.
    pub annotations: ObjId,
    /// `__doc__` and `__module__` once set: the function's own fields in CPython, which
    /// its `__dict__` does not show.
    pub attrs: SymMap<ObjId>,
    /// The function's `__dict__`, where attributes set on it go (`f.calls = 0`): a dict
    /// made when the first one is set or `__dict__` is asked for, as CPython makes it;
    /// NULL before. (A real object: `f.me = f` is a two-object cycle, function and dict.)
    pub dict: ObjId,
}

/// A native function: `args` are borrowed, the result is a new reference.
pub type NativeFn = fn(&mut crate::vm::Vm, &[ObjId], &[(Sym, ObjId)]) -> crate::vm::PyResult<ObjId>;

#[derive(Debug)]
pub struct BuiltinFn {
    pub f: NativeFn,
    pub name: &'static str,
    /// For a method of a built-in type: the type it belongs to (its first argument must be one).
    pub owner: Option<TypeTag>,
    /// Bound self (`[].append`), or NULL.
    pub self_: ObjId,
    /// The module that defines it, for its repr (`builtins`, `sys`, ...), or `None`.
    pub module: Option<&'static str>,
}

impl BuiltinFn {
    /// A built-in type's own method looked up on the type (`list.append`, `str.join`):
    /// CPython's `method_descriptor`. (Its special methods, `int.__add__`, are slot
    /// wrappers there; refscope leaves them built-in functions.)
    pub fn is_method_descriptor(&self) -> bool {
        self.self_.is_null()
            && self.owner.is_some()
            && !(self.name.starts_with("__") && self.name.ends_with("__"))
    }
}

#[derive(Debug)]
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    /// `__bases__`, to read: a Python class's references to its bases are held by
    /// `bases_tuple` (a built-in type's bases are immortal).
    pub bases: Vec<ObjId>,
    /// The method resolution order without the class itself, to read (the references
    /// are `mro_tuple`'s).
    pub mro: Vec<ObjId>,
    /// `tp_base`: the base whose layout the instances extend (NULL for `object`).
    pub base: ObjId,
    /// A Python class's `__bases__` tuple, and its `__mro__` tuple, which starts with the
    /// class itself: that cycle (and the `__dict__`, `__weakref__` and slot descriptors,
    /// which refer back to their class) is why a class is freed by the collector only,
    /// as in CPython. NULL for the built-in types.
    pub bases_tuple: ObjId,
    pub mro_tuple: ObjId,
    /// The namespace, `tp_dict`: a [`Kind::TypeDict`] object.
    pub ns: ObjId,
    /// Set for the built-in types: which one.
    pub native: Option<TypeTag>,
    /// The nearest built-in base (`object`, `BaseException`, `int`...).
    pub base_native: TypeTag,
    /// `__slots__`, when the class (or a base) defines them and instances have no `__dict__`.
    pub slots: Option<Vec<Sym>>,
    /// Its instances have a `__dict__` (`tp_dictoffset != 0`): a class without
    /// `__slots__` (also one whose base has slots), one whose `__slots__` include
    /// `__dict__`, the exceptions. Not `object` and the other built-in types.
    pub has_dict: bool,
    pub has_del: bool,
    /// `ht_cached_keys`: the keys its instances' dicts share, for a class whose
    /// instances get CPython 3.11's managed dict (a base of fixed size: object, list,
    /// dict, set...; not tuple, not an exception). None otherwise.
    pub keys: Option<SharedKeysRef>,
    /// `sys.getsizeof` of an instance made by `object.__new__`: as `tp_basicsize`, its
    /// base's plus what the class adds (8 bytes a slot, 8 for `__weakref__`, 16 for the
    /// managed `__dict__` pointers before the object), with the gc header.
    pub instance_size: u32,
    /// The metaclass, when it is not `type` (an owned reference; NULL for `type`): a
    /// class made by `class C(metaclass=Meta)` is an instance of a Python subclass of
    /// `type`, flagged `SUBCLASS_INSTANCE` as the instances of a list subclass are, so
    /// that the metaclass's special methods (`__iter__`, `__len__`, `__repr__`...) apply
    /// to it.
    pub meta: ObjId,
}

/// CPython 3.11's shared keys of a class (`_PyDict_NewKeysForClass`): the attribute names
/// its instances have used, first come first placed, and room for more. Counted by the
/// class and by each split dict that uses them, as `dk_refcnt` is. An instance's values
/// and each split dict allocate one slot per name and per free place, so
/// `sys.getsizeof(obj.__dict__)` shrinks as instances are made: `object.__new__` takes
/// one free place from every new instance's class (down to one).
#[derive(Debug)]
pub struct SharedKeys {
    pub names: Vec<Sym>,
    /// `dk_usable`.
    pub usable: u32,
}

pub type SharedKeysRef = Rc<std::cell::RefCell<SharedKeys>>;

impl SharedKeys {
    /// `SHARED_KEYS_MAX_SIZE`: a new class's keys have room for 30 names.
    const MAX: u32 = 30;
    /// `_PyDict_KeysSize` of the keys (64 slots, 42 unicode entries), which a split dict
    /// counts in its size once its class is gone.
    pub const KEYS_BYTES: usize = 32 + 64 + 42 * 16;

    pub fn new_ref() -> SharedKeysRef {
        Rc::new(std::cell::RefCell::new(SharedKeys {
            names: Vec::new(),
            usable: Self::MAX,
        }))
    }

    /// `init_inline_values`: a new instance of the class takes a free place.
    pub fn instance_made(&mut self) {
        if self.usable > 1 {
            self.usable -= 1;
        }
    }

    /// `insert_into_dictkeys`: `name` is (now) one of the keys; false when it is not and
    /// the keys are full, where the instance's dict must stop sharing them.
    pub fn admit(&mut self, name: Sym) -> bool {
        if self.names.contains(&name) {
            return true;
        }
        if self.usable == 0 {
            return false;
        }
        self.names.push(name);
        self.usable -= 1;
        true
    }

    /// `shared_keys_usable_size`: the value slots each instance allocates.
    pub fn value_slots(&self) -> usize {
        self.names.len() + self.usable as usize
    }
}

/// What a descriptor that the type machinery makes gets and sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescrKind {
    /// The `__dict__` getset descriptor of a class that gives its instances a dict.
    Dict,
    /// The `__weakref__` getset descriptor.
    Weakref,
    /// A `__slots__` member descriptor (`name` is the slot).
    Member,
    /// A built-in type's getset descriptor for what its objects compute (`int.real`):
    /// reading it on an object gives the object's attribute.
    Native,
    /// The same, for an attribute CPython keeps in a member of the C struct
    /// (`range.start`, `complex.real`): a `member_descriptor`.
    NativeMember,
}

/// A `getset_descriptor` or `member_descriptor` of a Python class: `__objclass__` (the
/// class, owned) and the attribute's name.
#[derive(Debug, Clone, Copy)]
pub struct Descr {
    pub owner: ObjId,
    pub name: Sym,
    pub what: DescrKind,
}

/// An exception's built-in state.
#[derive(Debug, Default)]
pub struct ExcData {
    /// The `args` tuple (NULL until set).
    pub args: ObjId,
    pub cause: ObjId,
    pub context: ObjId,
    pub suppress_context: bool,
    /// NameError's and AttributeError's `name`, AttributeError's `obj` (the object
    /// that lacked it), set when the interpreter raises them; NULL otherwise.
    pub name: ObjId,
    pub obj: ObjId,
    /// A NameError's "Did you mean" name, found when it was raised, among the names of
    /// the frame it was raised in (CPython looks in that frame when it prints it).
    pub hint: Option<std::rc::Rc<str>>,
    /// `__traceback__`: the traceback object of the frame it was last raised into (its
    /// `tb_next` chain leads to where it was raised), or NULL.
    pub traceback: ObjId,
    /// An exception group's `message` (a str) and `exceptions` (a tuple); NULL for other
    /// exceptions.
    pub message: ObjId,
    pub exceptions: ObjId,
    /// It has been raised (unwound) already: arriving in a frame again, from a native
    /// call (a generator resumed, a callback), it is propagating, not raised there, and
    /// gets no `__context__` (CPython chains only where PyErr_SetObject raises).
    pub raised: bool,
}

/// A traceback object: one frame an exception went through, and the line it was at.
#[derive(Debug, Clone, Copy)]
pub struct TracebackObj {
    /// `tb_next`: the entry of the frame it came from (nearer where it was raised), or NULL.
    pub next: ObjId,
    /// `tb_frame`: the frame object (owned).
    pub frame: ObjId,
    pub lineno: u32,
    /// `tb_lasti`: the offset of the instruction, in bytes (2 per instruction).
    pub lasti: u32,
}

/// A frame object (`sys._getframe()`, a traceback's `tb_frame`). While its frame runs
/// (or is a suspended generator's), the frame's state is there and the frame holds this
/// object; when the frame finishes while something else holds the object, the object
/// takes the state over, with the caller's frame object as `f_back` (CPython's
/// take_ownership): so a kept traceback keeps the frames, and their locals, alive.
#[derive(Debug)]
pub struct FrameObj {
    /// The finished frame's state; None while the frame runs.
    pub state: Option<Box<FrameState>>,
    /// `f_back` once the frame has finished (owned), or NULL.
    pub back: ObjId,
    /// The frame's serial (`FrameState::serial`), to find it while it runs.
    pub serial: u32,
    /// Its code, for the names and files of tracebacks.
    pub rt: Rc<CodeRt>,
}

/// A property: fget, fset, fdel (each may be NULL), and the name `__set_name__` gave it
/// when its class was made (CPython 3.11 names it in its errors, unnamed otherwise).
#[derive(Debug, Clone, Copy)]
pub struct PropertyObj {
    pub fns: [ObjId; 3],
    pub name: Option<Sym>,
}

#[derive(Debug, Clone)]
pub struct TbEntry {
    pub filename: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
}

/// The value and the instance part of an instance of a Python subclass of int.
#[derive(Debug)]
pub struct IntSubObj {
    pub value: crate::vm::num::Int,
    pub ext: Instance,
}

/// An instance of a Python subclass of float (`class Celsius(float)`): its value, and
/// its class and attributes.
#[derive(Debug)]
pub struct FloatSubObj {
    pub value: f64,
    pub ext: Instance,
}

#[derive(Debug)]
pub struct Instance {
    pub class: ObjId,
    /// Attribute values stored inline, as CPython 3.11 does until `__dict__` is asked for.
    pub attrs: SymMap<ObjId>,
    /// The materialized `__dict__` (a dict object), or NULL. Once set, `attrs` is empty.
    pub dict: ObjId,
    /// `__slots__` values (NULL when unset), in the order of the class's slots: up to
    /// four inline, without an allocation of their own.
    pub slots: smallvec::SmallVec<[ObjId; 4]>,
    pub exc: Option<Box<ExcData>>,
    /// Its class declares `__slots__` (every class of its MRO does): it has no
    /// `__dict__`, even when it has no slots (`__slots__ = ()`).
    pub slotted: bool,
}

#[derive(Debug)]
pub struct Module {
    pub name: Rc<str>,
    pub dict: SymMap<ObjId>,
}

/// A saved or running frame's state that the heap must see: its slots (locals, cells,
/// free variables, then the value stack).
#[derive(Debug)]
pub struct FrameState {
    pub code: ObjId,
    pub rt: Rc<CodeRt>,
    pub func: ObjId,
    pub globals: ObjId,
    /// The namespace for `*Name` instructions (module or class body), or NULL.
    pub ns: ObjId,
    pub slots: Vec<ObjId>,
    pub ip: u32,
    pub blocks: Vec<Block>,
    /// The line of the instruction being executed (for tracebacks and line events).
    pub line: u32,
    /// A number no other frame has (recordings tell frames apart by it).
    pub serial: u32,
    /// The instruction executed before the current one (`u32::MAX` before the first), to
    /// tell when a recording reports a new line.
    pub prev_ip: u32,
    /// The frame's frame object once something asked for it (owned), or NULL.
    pub frame_obj: ObjId,
}

#[derive(Debug, Clone, Copy)]
pub enum Block {
    /// A `SetupFinally`/`SetupWith` handler: jump to `handler` with the stack cut to `depth`.
    Handler { handler: u32, depth: u32 },
    /// Inside an except handler: `prev_exc_len` is the length of the vm's handled-exception
    /// stack to restore.
    ExceptHandler { prev_exc_len: u32 },
}

#[derive(Debug)]
pub struct Generator {
    /// Its code object (owned): `gi_code`, which outlives the frame, as in CPython.
    pub code: ObjId,
    /// The suspended frame; `None` once finished.
    pub frame: Option<Box<FrameState>>,
    pub running: bool,
    pub started: bool,
    /// The exceptions its suspended frame is handling (it yielded inside an `except`),
    /// innermost last: CPython's `gi_exc_state`. They leave the vm's handled stack when
    /// the generator yields and go back on it when it resumes.
    pub handled: Vec<ObjId>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// A generator, a coroutine (`async def`) or an asynchronous generator (an `async
    /// def` that yields): the same machinery under three types.
    pub kind: GenKind,
    /// An asynchronous generator's finalizer (owned, or NULL): the `sys.set_asyncgen_hooks`
    /// finalizer in force when it was first iterated, called instead of closing it when
    /// it is freed suspended (CPython's `ag_origin_or_finalizer`).
    pub finalizer: ObjId,
    /// The hooks were looked at (its first `asend`, `athrow` or `aclose`).
    pub hooks_inited: bool,
}

/// What a `Generator` object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl Generator {
    /// "generator", "coroutine" or "async generator", as CPython's messages name it.
    pub fn what(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// Its type: `generator`, `coroutine` or `async_generator`.
    pub fn type_tag(&self) -> TypeTag {
        match self.kind {
            GenKind::Generator => TypeTag::Generator,
            GenKind::Coroutine => TypeTag::Coroutine,
            GenKind::AsyncGenerator => TypeTag::AsyncGenerator,
        }
    }

    pub fn is_coroutine(&self) -> bool {
        self.kind == GenKind::Coroutine
    }

    /// A coroutine or an asynchronous generator: awaited or iterated with `async
    /// for`, never iterated itself.
    pub fn is_async(&self) -> bool {
        self.kind != GenKind::Generator
    }

    /// The iterator its suspended `yield from` or `await` delegates to (CPython's `yf`,
    /// `gi_yieldfrom`), or None.
    pub fn yield_from(&self) -> Option<ObjId> {
        match &self.frame {
            Some(f) if self.started && !self.running => f.yield_from(),
            _ => None,
        }
    }
}

impl FrameState {
    /// The iterator of the `yield from` or `await` this frame is suspended in: it waits
    /// at that instruction, with the iterator on top of its stack.
    pub fn yield_from(&self) -> Option<ObjId> {
        if self.rt.code.code.get(self.ip as usize) == Some(&crate::compiler::code::Instr::YieldFrom)
        {
            self.slots.last().copied()
        } else {
            None
        }
    }
}

/// What an asynchronous generator's awaitable does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AGenMode {
    Send,
    Throw,
    Close,
}

/// The state of the built-in iterators.
#[derive(Debug)]
pub enum IterState {
    /// list, tuple, str, bytes, array, dict views... : the sequence and the next index.
    Seq {
        seq: ObjId,
        index: usize,
    },
    ListReverse {
        seq: ObjId,
        index: isize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// dict or set iteration: the table's entry index and the size at start.
    Table {
        obj: ObjId,
        index: usize,
        len: usize,
        /// A dict items iterator's last result tuple (kept for reuse, see `result`
        /// below), NULL for the others.
        result: ObjId,
    },
    /// `result`, for enumerate, zip and a dict's items: the last tuple given out, kept
    /// and refilled when nothing else holds it, as CPython does (`en_result`,
    /// `lz->result`, `di_result`); it starts as a tuple of Nones.
    Enumerate {
        it: ObjId,
        count: i64,
        result: ObjId,
    },
    Zip {
        its: Vec<ObjId>,
        strict: bool,
        result: ObjId,
    },
    Map {
        func: ObjId,
        its: Vec<ObjId>,
    },
    Filter {
        func: ObjId,
        it: ObjId,
    },
    /// `iter(callable, sentinel)`
    Call {
        func: ObjId,
        sentinel: ObjId,
    },
    /// `coroutine.__await__()`: the coroutine, iterated (CPython's coroutine_wrapper).
    Await {
        coro: ObjId,
    },
    /// An asynchronous generator's `asend(v)` (or `__anext__()`), `athrow(exc)` or
    /// `aclose()` awaitable: `sent` is the value to send (asend) or the exception to
    /// throw in (athrow; GeneratorExit for aclose), both owned or NULL; `started` once
    /// it ran, `done` once it gave its result.
    AGen {
        agen: ObjId,
        sent: ObjId,
        mode: AGenMode,
        started: bool,
        done: bool,
    },
    Exhausted,
}

#[derive(Debug)]
pub struct IterObj {
    pub tag: TypeTag,
    pub state: IterState,
}

#[derive(Debug, Clone)]
pub struct ArrayObj {
    pub typecode: char,
    pub data: ArrayData,
    /// Allocated capacity in items (decides `sys.getsizeof`).
    pub cap: usize,
}

#[derive(Debug, Clone)]
pub enum ArrayData {
    Int(Vec<i64>),
    UInt(Vec<u64>),
    Float(Vec<f64>),
}

/// What an object is. Kept at 16 bytes: larger payloads are boxed.
#[derive(Debug)]
pub enum Kind {
    Free,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Box<BigInt>),
    /// An instance of a Python subclass of int (`class Priority(IntEnum)`): its value,
    /// and its class and attributes.
    IntSub(Box<IntSubObj>),
    Float(f64),
    FloatSub(Box<FloatSubObj>),
    Complex(Box<(f64, f64)>),
    Str(Box<StrObj>),
    Bytes(Box<Vec<u8>>),
    ByteArray(Box<Vec<u8>>),
    List(Box<ListObj>),
    Tuple(Box<TupleObj>),
    Dict(Box<Table>),
    Set(Box<Table>),
    FrozenSet(Box<Table>),
    Range(Box<[i64; 3]>),
    Slice(Box<[ObjId; 3]>),
    Function(Box<Function>),
    Builtin(Box<BuiltinFn>),
    /// A bound method: (function, self).
    Method(Box<[ObjId; 2]>),
    Class(Box<Class>),
    Instance(Box<Instance>),
    Module(Box<Module>),
    Code(Rc<CodeRt>),
    /// A closure cell; NULL when empty.
    Cell(ObjId),
    Generator(Box<Generator>),
    Iter(Box<IterObj>),
    /// A dict view (keys, values, items) over the dict.
    DictView(Box<(TypeTag, ObjId)>),
    Property(Box<PropertyObj>),
    ClassMethod(ObjId),
    StaticMethod(ObjId),
    /// `super(type, obj)`: (type, obj).
    Super(Box<[ObjId; 2]>),
    Array(Box<ArrayObj>),
    /// A class body's namespace while the body runs.
    Namespace(Box<SymMap<ObjId>>),
    /// A class's namespace (`tp_dict`), a `dict` to the program: names, not key objects,
    /// as module globals are kept.
    TypeDict(Box<SymMap<ObjId>>),
    /// A descriptor made by the type machinery (`A.__dict__['__dict__']`, a slot's).
    Descr(Box<Descr>),
    /// `A.__dict__`: a read-only view of a class's namespace (the `TypeDict`, owned).
    MappingProxy(ObjId),
    /// A frame object.
    Frame(Box<FrameObj>),
    Traceback(Box<TracebackObj>),
    /// `weakref.ref` or `weakref.proxy`: refers to its target without owning it.
    WeakRef(Box<WeakRef>),
    /// What memoryviews of one object share: it holds the object (CPython's
    /// `managedbuffer`).
    ManagedBuffer(Box<ManagedBuffer>),
    MemoryView(Box<MemView>),
}

impl Kind {
    /// The instance part of an object, to change: a Python class's instance, or the
    /// class and attributes of an instance of a Python subclass of a built-in type.
    #[inline]
    pub fn instance_mut(&mut self) -> Option<&mut Instance> {
        match self {
            Kind::Instance(i) => Some(i),
            Kind::List(l) => l.ext.as_deref_mut(),
            Kind::Tuple(t) => t.ext.as_deref_mut(),
            Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => t.ext.as_deref_mut(),
            Kind::Str(s) => s.ext.as_deref_mut(),
            Kind::IntSub(i) => Some(&mut i.ext),
            Kind::FloatSub(f) => Some(&mut f.ext),
            _ => None,
        }
    }

    /// The class and attributes of a built-in object whose type is a Python subclass of
    /// its built-in type (`class Stack(list)`).
    #[inline]
    pub fn ext(&self) -> Option<&Instance> {
        match self {
            Kind::List(l) => l.ext.as_deref(),
            Kind::Tuple(t) => t.ext.as_deref(),
            Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => t.ext.as_deref(),
            Kind::Str(s) => s.ext.as_deref(),
            Kind::IntSub(i) => Some(&i.ext),
            Kind::FloatSub(f) => Some(&f.ext),
            _ => None,
        }
    }
}

/// What a managed buffer holds.
#[derive(Debug)]
pub struct ManagedBuffer {
    /// The exporter (owned); NULL once the last view was released.
    pub obj: ObjId,
    /// The views registered with it that are not released.
    pub exports: u32,
}

/// A one-dimensional view: `len` items of `itemsize` bytes, the first at byte `start`
/// of the exporter's bytes, each `stride` bytes after the one before.
#[derive(Debug, Clone, Copy)]
pub struct MemView {
    /// The managed buffer (owned).
    pub mbuf: ObjId,
    pub start: isize,
    pub len: usize,
    pub stride: isize,
    pub itemsize: usize,
    pub format: u8,
    pub readonly: bool,
    pub released: bool,
    pub hash: Option<i64>,
}

#[derive(Debug)]
pub struct WeakRef {
    /// Not a reference (no refcount): NULL once the target died.
    pub target: ObjId,
    /// Owned, or NULL.
    pub callback: ObjId,
    pub proxy: bool,
    /// A proxy to a callable object (`weakref.CallableProxyType`).
    pub callable: bool,
    /// The target's hash, kept once computed (as CPython does).
    pub hash: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_stays_small() {
        assert_eq!(std::mem::size_of::<Kind>(), 16);
        // Every instance has one, boxed: 80 bytes is a mimalloc size class of its own.
        assert_eq!(std::mem::size_of::<Instance>(), 80);
    }

    #[test]
    fn type_tags_round_trip() {
        for (i, t) in TypeTag::all().enumerate() {
            assert_eq!(t as usize, i);
        }
    }
}
