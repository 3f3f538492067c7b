//! The modelled size of each object: CPython 3.11's `sys.getsizeof` on 64-bit Linux
//! (measured, see shared/cpython-3.11-facts.md), and which kinds the collector tracks.

use super::kinds::{ArrayData, Kind, SharedKeys};
use super::table::Table;
use super::{Heap, ObjId};

/// `sys.getsizeof` of an int with this many 30-bit digits (0 counts as one digit).
pub fn int_size_digits(digits: usize) -> usize {
    24 + 4 * digits.max(1)
}

pub fn i64_size(v: i64) -> usize {
    let mut m = v.unsigned_abs();
    let mut digits = 1;
    while m >= 1 << 30 {
        m >>= 30;
        digits += 1;
    }
    int_size_digits(digits)
}

pub fn bigint_size(v: &num_bigint::BigInt) -> usize {
    let bits = v.bits() as usize;
    int_size_digits(bits.div_ceil(30))
}

/// CPython 3.11's str size: compact ASCII, Latin-1, UCS-2 or UCS-4 storage.
pub fn str_size(s: &str, chars: usize) -> usize {
    if chars == s.len() {
        return 49 + chars;
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 0x100 {
        73 + chars
    } else if max < 0x10000 {
        74 + 2 * chars
    } else {
        76 + 4 * chars
    }
}

/// `sys.getsizeof` of an instance of a Python subclass of str: not a compact string but
/// a `PyUnicodeObject` (80 bytes) with its characters apart, one to four bytes each (and
/// the terminator), the gc header, and the managed `__dict__` pointers unless
/// `__slots__` leaves the dict out.
pub fn str_subclass_size(s: &str, chars: usize, slotted: bool) -> usize {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    80 + (chars + 1) * width + 16 + if slotted { 0 } else { 16 }
}

/// `sys.getsizeof` of a built-in (static) type object: `int`, `list`, `ValueError`...
pub const STATIC_TYPE_SIZE: usize = 424;

/// `sys.getsizeof` of a class a class statement makes (a heap type), with the shared
/// keys of its instances' dicts when it has them (`type.__sizeof__`).
pub fn heap_type_size(has_keys: bool) -> usize {
    920 + if has_keys { SharedKeys::KEYS_BYTES } else { 0 }
}

pub fn dict_size(t: &Table) -> usize {
    if let Some(keys) = &t.split {
        // `_PyDict_SizeOf` of a split dict: its values, and the keys once no class
        // holds them.
        let own_keys = std::rc::Rc::strong_count(keys) == 1;
        let values = keys.borrow().value_slots() * 8;
        return 64 + values + if own_keys { SharedKeys::KEYS_BYTES } else { 0 };
    }
    if t.model_size == 0 {
        return 64;
    }
    let n = t.model_size;
    let index_bytes = if n <= 128 {
        1
    } else if n <= 1 << 15 {
        2
    } else if n <= 1 << 31 {
        4
    } else {
        8
    };
    let usable = n * 2 / 3;
    let entry = if t.all_str { 16 } else { 24 };
    64 + 32 + n * index_bytes + usable * entry
}

pub fn set_size(t: &Table) -> usize {
    if t.model_size <= 8 {
        216
    } else {
        216 + 16 * t.model_size
    }
}

pub fn array_item_size(typecode: char) -> usize {
    match typecode {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        _ => 8,
    }
}

/// The size of a newly created object (the vm adjusts it as containers grow).
pub fn initial_size(kind: &Kind) -> usize {
    match kind {
        Kind::Free => 0,
        Kind::None | Kind::NotImplemented | Kind::Ellipsis => 16,
        Kind::Bool(_) => 28,
        Kind::Int(v) => i64_size(*v),
        Kind::BigInt(v) => bigint_size(v),
        // An int's size and the gc header (a subclass's instances are gc objects; its
        // `__dict__` lies before the object, outside what `__sizeof__` counts).
        Kind::IntSub(i) => {
            16 + match &i.value {
                crate::vm::num::Int::Small(v) => i64_size(*v),
                crate::vm::num::Int::Big(b) => bigint_size(b),
            }
        }
        Kind::Float(_) => 24,
        // A float, the gc header, and unless `__slots__` leaves them out the weakref
        // slot and the managed dict's two pointers before the object.
        Kind::FloatSub(f) => 24 + 16 + if f.ext.slotted { 0 } else { 24 },
        Kind::ManagedBuffer(_) => crate::vm::builtins::memview::MANAGED_BUFFER_SIZE,
        Kind::MemoryView(_) => crate::vm::builtins::memview::MEMORYVIEW_SIZE,
        Kind::Complex(_) => 32,
        Kind::Str(s) => match &s.ext {
            None => str_size(&s.s, s.chars as usize),
            Some(e) => str_subclass_size(&s.s, s.chars as usize, e.slotted),
        },
        Kind::Bytes(b) => 33 + b.len(),
        Kind::ByteArray(b) => {
            if b.is_empty() {
                56
            } else {
                57 + b.len()
            }
        }
        Kind::List(l) => 56 + 8 * l.cap + l.ext.as_deref().map_or(0, |e| subclass_extra(e, 24)),
        Kind::Tuple(t) => 40 + 8 * t.len() + t.ext.as_deref().map_or(0, |e| subclass_extra(e, 8)),
        Kind::Dict(t) => dict_size(t) + t.ext.as_deref().map_or(0, |e| subclass_extra(e, 24)),
        Kind::Set(t) | Kind::FrozenSet(t) => {
            set_size(t) + t.ext.as_deref().map_or(0, |e| subclass_extra(e, 16))
        }
        Kind::Range(_) => 48,
        Kind::Slice(_) => 56,
        Kind::Function(_) => 152,
        Kind::Builtin(_) => 72,
        Kind::Method(_) => 64,
        Kind::Class(c) => heap_type_size(c.keys.is_some()),
        Kind::Instance(inst) => {
            if inst.exc.is_some() {
                88
            } else if inst.slotted {
                32 + 8 * inst.slots.len()
            } else {
                56 // (object() itself is resized to 16 when created)
            }
        }
        Kind::Module(_) => 72,
        Kind::Code(_) => 192,
        Kind::Cell(_) => 40,
        Kind::WeakRef(_) => 80,
        Kind::Generator(g) => match &g.frame {
            // `gen_sizeof`: the generator and its frame, whose locals and value stack
            // are inline.
            Some(f) => 168 + 8 * (f.rt.code.nslots() + f.rt.code.stacksize as usize),
            None => 176,
        },
        Kind::Iter(it) => match it.tag {
            super::TypeTag::Enumerate => 72,
            super::TypeTag::Zip => 64,
            super::TypeTag::Map | super::TypeTag::Filter => 48,
            super::TypeTag::DictKeyIterator
            | super::TypeTag::DictValueIterator
            | super::TypeTag::DictItemIterator
            | super::TypeTag::DictRevKeyIterator
            | super::TypeTag::DictRevValueIterator
            | super::TypeTag::DictRevItemIterator => 72,
            super::TypeTag::SetIterator => 64,
            super::TypeTag::AsyncGenASend | super::TypeTag::AsyncGenAThrow => 56,
            super::TypeTag::CoroutineWrapper => 40,
            _ => 48,
        },
        Kind::DictView(_) => 40,
        Kind::Property(_) => 80,
        Kind::ClassMethod(_) | Kind::StaticMethod(_) => 48,
        Kind::Super(_) => 56,
        Kind::Array(a) => 64 + array_item_size(a.typecode) * a.cap + 16,
        Kind::Namespace(_) => 64,
        Kind::TypeDict(ns) => type_dict_size(ns.len()),
        Kind::Descr(_) => 64,
        Kind::MappingProxy(_) => 40,
        Kind::Frame(fr) => {
            let rt = &fr.rt;
            120 + 8 * (rt.code.nslots() + rt.code.stacksize as usize)
        }
        Kind::Traceback(_) => 40,
    }
}

/// A class's namespace of `n` names, as CPython 3.11 builds it by inserting str keys one
/// by one (plus `__qualname__`, inserted and then deleted): the dict's 64 bytes, the keys
/// object's header, its index (a byte per slot up to 128 slots) and 16 bytes per usable
/// entry, the table growing to the power of two above three times the entries used
/// (184 bytes for `class A: pass`, 272 for six names).
pub fn type_dict_size(n: usize) -> usize {
    let inserted = n + 1;
    let mut slots = 8usize;
    while inserted > slots * 2 / 3 {
        slots *= 2;
    }
    let index = if slots <= 128 {
        slots
    } else if slots <= 1 << 15 {
        2 * slots
    } else {
        4 * slots
    };
    64 + 32 + index + (slots * 2 / 3) * 16
}

/// What an instance of a Python subclass of a built-in type adds to the built-in's size:
/// its `__slots__`, or else CPython 3.11's managed `__dict__` pointers (16 bytes before
/// the object) and a `__weakref__` pointer unless the built-in has one (`with_dict`: 24
/// for list and dict, 16 for set and frozenset, 8 for tuple).
fn subclass_extra(inst: &super::kinds::Instance, with_dict: usize) -> usize {
    if inst.slotted {
        8 * inst.slots.len()
    } else {
        with_dict
    }
}

/// The size of an object from its current state.
pub fn current_size(heap: &Heap, id: ObjId) -> usize {
    // An instance's size is its class's, a class's is a static or a heap type's, and a
    // generator's includes its frame's slots, which stay when the frame finishes (set
    // where they are made); none changes.
    // A bytearray's is its allocation, which its methods keep (`bytearray_edit`).
    if let Kind::Instance(_) | Kind::Class(_) | Kind::Generator(_) | Kind::ByteArray(_) =
        heap.kind(id)
    {
        return heap.get(id).size as usize;
    }
    initial_size(heap.kind(id))
}

/// Whether CPython's collector would consider objects of this kind (gc-capable types).
/// A range iterator is not one (nor a bare `object()`, untracked where it is made).
pub fn is_gc_kind(kind: &Kind) -> bool {
    if let Kind::Iter(it) = kind
        && it.tag == super::TypeTag::RangeIterator
    {
        return false;
    }
    if let Kind::Str(s) = kind {
        return s.ext.is_some();
    }
    if let Kind::IntSub(_) | Kind::FloatSub(_) = kind {
        return true;
    }
    matches!(
        kind,
        Kind::List(_)
            | Kind::Tuple(_)
            | Kind::Slice(_)
            | Kind::ManagedBuffer(_)
            | Kind::MemoryView(_)
            | Kind::Dict(_)
            | Kind::Set(_)
            | Kind::FrozenSet(_)
            | Kind::Function(_)
            | Kind::Method(_)
            | Kind::Class(_)
            | Kind::Instance(_)
            | Kind::Module(_)
            | Kind::Cell(_)
            | Kind::WeakRef(_)
            | Kind::Generator(_)
            | Kind::Iter(_)
            | Kind::DictView(_)
            | Kind::Property(_)
            | Kind::ClassMethod(_)
            | Kind::StaticMethod(_)
            | Kind::Super(_)
            | Kind::Namespace(_)
            | Kind::TypeDict(_)
            | Kind::Descr(_)
            | Kind::MappingProxy(_)
            | Kind::Frame(_)
            | Kind::Traceback(_)
    ) || matches!(kind, Kind::Builtin(b) if !b.self_.is_null())
}

/// The array's items count.
pub fn array_len(data: &ArrayData) -> usize {
    match data {
        ArrayData::Int(v) => v.len(),
        ArrayData::UInt(v) => v.len(),
        ArrayData::Float(v) => v.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_sizes_match_cpython() {
        assert_eq!(i64_size(0), 28);
        assert_eq!(i64_size((1 << 30) - 1), 28);
        assert_eq!(i64_size(1 << 30), 32);
        assert_eq!(i64_size(1 << 60), 36);
        assert_eq!(i64_size(-1), 28);
    }

    #[test]
    fn str_sizes_match_cpython() {
        assert_eq!(str_size("", 0), 49);
        assert_eq!(str_size("abc", 3), 52);
        assert_eq!(str_size("é", 1), 74);
        assert_eq!(str_size("€", 1), 76);
        assert_eq!(str_size("😀", 1), 80);
    }
}
