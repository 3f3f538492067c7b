//! `memoryview`: a view of another object's bytes, without a copy: what a lesson on memory
//! shows against slicing a `bytes` (which copies).
//!
//! As in CPython 3.11, a view does not hold the object it looks at: it holds a
//! `managedbuffer`, which holds the exporter (a `bytes`, `bytearray` or `array.array`)
//! once however many views share it: slices of a view, and `memoryview(view)`, use the
//! same managed buffer. `gc.get_referents` and the refcounts show that chain. While a
//! managed buffer is exported (until its last view is released), the bytearray or array
//! cannot change size: `BufferError`, as in python3.
//!
//! The views are one-dimensional (`cast` to a shape raises NotImplementedError naming
//! it); every single-character native format of the `struct` module that CPython's
//! memoryview takes works.

use super::check_args;
use crate::heap::kinds::{ArrayObj, ManagedBuffer, MemView, NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

/// `sys.getsizeof` of a memoryview and of a managed buffer in CPython 3.11 (with their
/// gc headers).
pub const MEMORYVIEW_SIZE: usize = 184;
pub const MANAGED_BUFFER_SIZE: usize = 128;

pub fn install(vm: &mut Vm) {
    const METHODS: &[(&str, NativeFn)] = &[
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("cast", cast),
        ("toreadonly", toreadonly),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    super::add_methods(vm, TypeTag::MemoryView, METHODS);
}

/// The size in bytes of one item of a format, or None for a format memoryview does not
/// take.
fn format_size(f: u8) -> Option<usize> {
    Some(match f {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// The bytes of an object that exports a buffer: a bytes, a bytearray, an array (its
/// items' machine bytes) or a memoryview (the bytes it shows), if it is one.
pub fn buffer_bytes(vm: &Vm, v: ObjId) -> Option<Vec<u8>> {
    match vm.heap.kind(v) {
        Kind::MemoryView(m) if !m.released => {
            with_exporter_bytes(vm, exporter(vm, m.mbuf)?, |whole| view_bytes(m, whole))
        }
        _ => with_exporter_bytes(vm, v, <[u8]>::to_vec),
    }
}

/// `f` of the whole buffer of an exporter (a bytes, a bytearray, an array's machine
/// bytes), read in place where the object keeps bytes.
fn with_exporter_bytes<T>(vm: &Vm, obj: ObjId, f: impl FnOnce(&[u8]) -> T) -> Option<T> {
    match vm.heap.kind(obj) {
        Kind::Bytes(d) | Kind::ByteArray(d) => Some(f(d)),
        Kind::Array(a) => Some(f(&crate::vm::modules::array::item_bytes(a))),
        _ => None,
    }
}

/// The bytes of an object that exports a buffer, or the error of a released view.
pub fn bytes_of_buffer(vm: &mut Vm, v: ObjId) -> PyResult<Vec<u8>> {
    match buffer_bytes(vm, v) {
        Some(b) => Ok(b),
        None => Err(released_error(vm)),
    }
}

/// The exporter a managed buffer holds, until its last view is released.
fn exporter(vm: &Vm, mbuf: ObjId) -> Option<ObjId> {
    match vm.heap.kind(mbuf) {
        Kind::ManagedBuffer(b) if !b.obj.is_null() => Some(b.obj),
        _ => None,
    }
}

/// The bytes a view shows, item after item.
fn view_bytes(m: &MemView, whole: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(m.len * m.itemsize);
    for i in 0..m.len {
        let at = (m.start + i as isize * m.stride) as usize;
        out.extend_from_slice(whole.get(at..at + m.itemsize).unwrap_or(&[]));
    }
    out
}

impl Vm {
    /// Whether a bytearray or an array is exported (a managed buffer holds it), so that
    /// it cannot change size.
    pub(crate) fn is_exported(&self, obj: ObjId) -> bool {
        self.heap.buffer_exports.get(&obj).is_some_and(|n| *n > 0)
    }

    /// The error a bytearray that cannot change size gives.
    pub(crate) fn bytearray_exported_error(&mut self) -> Exc {
        let t = self.exc_type_named("BufferError");
        self.new_exception(t, "Existing exports of data: object cannot be re-sized")
    }

    /// The error an array that cannot change size gives.
    pub(crate) fn array_exported_error(&mut self) -> Exc {
        let t = self.exc_type_named("BufferError");
        self.new_exception(t, "cannot resize an array that is exporting buffers")
    }
}

fn released_error(vm: &mut Vm) -> Exc {
    vm.value_error("operation forbidden on released memoryview object")
}

/// The view (not released) that `v` is.
fn view(vm: &mut Vm, v: ObjId) -> PyResult<MemView> {
    match vm.heap.kind(v) {
        Kind::MemoryView(m) if !m.released => Ok(**m),
        Kind::MemoryView(_) => Err(released_error(vm)),
        _ => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// `memoryview(obj)`.
pub fn memoryview_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "memoryview", kw, &["object"])?;
    let obj = match (args.first(), kw.first()) {
        (Some(o), None) if args.len() == 1 => *o,
        (None, Some((_, o))) => *o,
        _ => {
            let n = args.len() + kw.len();
            return Err(vm.type_error(if n == 0 {
                "memoryview() missing required argument 'object' (pos 1)".to_string()
            } else {
                format!("memoryview() takes at most 1 argument ({n} given)")
            }));
        }
    };
    // A view of a view shares its managed buffer.
    if let Kind::MemoryView(m) = vm.heap.kind(obj) {
        if m.released {
            return Err(released_error(vm));
        }
        let copy = MemView {
            hash: None,
            released: false,
            ..**m
        };
        return Ok(new_view(vm, copy));
    }
    let (len, itemsize, format, readonly) = match vm.heap.kind(obj) {
        Kind::Bytes(b) => (b.len(), 1, b'B', true),
        Kind::ByteArray(b) => (b.len(), 1, b'B', false),
        Kind::Array(a) => {
            let size = crate::heap::size::array_item_size(a.typecode);
            (array_len(a), size, a.typecode as u8, false)
        }
        _ => {
            let tn = vm.type_name(obj);
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{tn}'"
            )));
        }
    };
    vm.heap.incref(obj);
    let mbuf = vm.heap.alloc(Kind::ManagedBuffer(Box::new(ManagedBuffer {
        obj,
        exports: 0,
    })));
    *vm.heap.buffer_exports.entry(obj).or_insert(0) += 1;
    let m = MemView {
        mbuf,
        start: 0,
        len,
        stride: itemsize as isize,
        itemsize,
        format,
        readonly,
        released: false,
        hash: None,
    };
    let v = new_view(vm, m);
    // The view holds the buffer now.
    vm.heap.decref(mbuf);
    Ok(v)
}

fn array_len(a: &ArrayObj) -> usize {
    crate::heap::size::array_len(&a.data)
}

/// A new view, registered with its managed buffer (which it takes a reference to).
fn new_view(vm: &mut Vm, m: MemView) -> ObjId {
    let mbuf = m.mbuf;
    vm.heap.incref(mbuf);
    if let Kind::ManagedBuffer(b) = vm.heap.kind_mut(mbuf) {
        b.exports += 1;
    }
    vm.heap.alloc(Kind::MemoryView(Box::new(m)))
}

/// Releases a view: the last view of a managed buffer releases the exporter, which can
/// then change size again (CPython's `_memory_release` and `mbuf_release`).
fn release_view(vm: &mut Vm, v: ObjId) {
    let mbuf = match vm.heap.kind_mut(v) {
        Kind::MemoryView(m) if !m.released => {
            m.released = true;
            m.mbuf
        }
        _ => return,
    };
    if let Some(obj) = vm.heap.unexport(mbuf) {
        vm.heap.decref(obj);
    }
}

/// One item of a view, as an object.
fn unpack(vm: &mut Vm, format: u8, b: &[u8]) -> ObjId {
    let mut raw = [0u8; 8];
    raw[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(raw);
    let signed = |bits: u32| ((u << (64 - bits)) as i64) >> (64 - bits);
    match format {
        b'B' | b'H' | b'I' => vm.new_int(u as i64),
        b'b' => vm.new_int(signed(8)),
        b'h' => vm.new_int(signed(16)),
        b'i' => vm.new_int(signed(32)),
        b'l' | b'q' | b'n' => vm.new_int(u as i64),
        b'L' | b'Q' | b'N' | b'P' => match i64::try_from(u) {
            Ok(i) => vm.new_int(i),
            Err(_) => vm.new_int_from(crate::vm::num::Int::Big(u.into())),
        },
        b'f' => vm.new_float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
        b'd' => vm.new_float(f64::from_le_bytes(raw)),
        b'?' => {
            let t = u != 0;
            vm.new_bool(t)
        }
        _ => vm.new_bytes(b.to_vec()),
    }
}

/// The bytes of one item to store, as CPython's `pack_single` checks them.
fn pack(vm: &mut Vm, format: u8, v: ObjId) -> PyResult<Vec<u8>> {
    let f = format as char;
    let size = format_size(format).unwrap_or(1);
    let invalid_type =
        |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{f}'"));
    let invalid_value =
        |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{f}'"));
    match format {
        b'f' | b'd' => {
            if !matches!(
                vm.heap.kind(v),
                Kind::Float(_) | Kind::Int(_) | Kind::BigInt(_) | Kind::Bool(_) | Kind::IntSub(_)
            ) {
                return Err(invalid_type(vm));
            }
            let x = vm.float_value(v)?;
            Ok(if format == b'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        b'?' => {
            let t = vm.truthy(v)?;
            Ok(vec![u8::from(t)])
        }
        b'c' => match vm.heap.kind(v) {
            Kind::Bytes(b) if b.len() == 1 => Ok(vec![b[0]]),
            Kind::Bytes(_) => Err(invalid_value(vm)),
            _ => Err(invalid_type(vm)),
        },
        _ => {
            if !matches!(
                vm.heap.kind(v),
                Kind::Int(_) | Kind::BigInt(_) | Kind::Bool(_) | Kind::IntSub(_)
            ) {
                return Err(invalid_type(vm));
            }
            let n = match vm.int_of(v) {
                Some(crate::vm::num::Int::Small(i)) => Some(i as i128),
                Some(crate::vm::num::Int::Big(b)) => num_traits::ToPrimitive::to_i128(&b),
                None => None,
            };
            let Some(n) = n else {
                return Err(invalid_value(vm));
            };
            let bits = 8 * size as u32;
            let ok = if matches!(format, b'b' | b'h' | b'i' | b'l' | b'q' | b'n') {
                n >= -(1i128 << (bits - 1)) && n < (1i128 << (bits - 1))
            } else {
                n >= 0 && n < (1i128 << bits)
            };
            if !ok {
                return Err(invalid_value(vm));
            }
            Ok((n as u64).to_le_bytes()[..size].to_vec())
        }
    }
}

/// Writes `bytes` at byte offsets `at` of the exporter (a bytearray or an array).
fn write_exporter(vm: &mut Vm, mbuf: ObjId, writes: &[(usize, Vec<u8>)]) {
    let Some(obj) = exporter(vm, mbuf) else {
        return;
    };
    match vm.heap.kind_mut(obj) {
        Kind::ByteArray(d) => {
            for (at, b) in writes {
                d[*at..*at + b.len()].copy_from_slice(b);
            }
        }
        Kind::Array(a) => {
            let mut whole = crate::vm::modules::array::item_bytes(a);
            for (at, b) in writes {
                whole[*at..*at + b.len()].copy_from_slice(b);
            }
            a.data = crate::vm::modules::array::data_from_bytes(a.typecode, &whole);
        }
        _ => {}
    }
}

/// `len(view)`.
pub fn view_len(vm: &mut Vm, v: ObjId) -> PyResult<usize> {
    Ok(view(vm, v)?.len)
}

/// The item index `key` (an int, negative from the end) names.
fn item_index(vm: &mut Vm, v: ObjId, key: ObjId) -> PyResult<usize> {
    let len = view(vm, v)?.len;
    // (An instance may have `__index__`; `index_of` asks it.)
    if !matches!(
        vm.heap.kind(key),
        Kind::Int(_) | Kind::BigInt(_) | Kind::Bool(_) | Kind::IntSub(_) | Kind::Instance(_)
    ) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = vm.index_of(key, "memoryview")?;
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

/// `view[key]`: an item, or a view of a slice that shares the managed buffer.
pub fn view_getitem(vm: &mut Vm, v: ObjId, key: ObjId) -> PyResult<ObjId> {
    view(vm, v)?;
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let len = view(vm, v)?.len;
        let (start, stop, step) = vm.slice_indices(key, len)?;
        let n = super::slice_positions(start, stop, step).count();
        let m = view(vm, v)?;
        let sub = MemView {
            mbuf: m.mbuf,
            start: m.start + start as isize * m.stride,
            len: n,
            stride: m.stride * step as isize,
            itemsize: m.itemsize,
            format: m.format,
            readonly: m.readonly,
            released: false,
            hash: None,
        };
        return Ok(new_view(vm, sub));
    }
    let i = item_index(vm, v, key)?;
    let m = view(vm, v)?;
    let (mbuf, at, size, format) = (
        m.mbuf,
        m.start + i as isize * m.stride,
        m.itemsize,
        m.format,
    );
    // (The item alone: indexing or iterating a large view copies nothing else.)
    let at = at as usize;
    let b = exporter(vm, mbuf)
        .and_then(|obj| {
            with_exporter_bytes(vm, obj, |whole| {
                whole.get(at..at + size).unwrap_or(&[]).to_vec()
            })
        })
        .unwrap_or_default();
    Ok(unpack(vm, format, &b))
}

/// `view[key] = value`, into the exporter's own bytes.
pub fn view_setitem(vm: &mut Vm, v: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
    let m = view(vm, v)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let (mbuf, format, itemsize) = (m.mbuf, m.format, m.itemsize);
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let len = m.len;
        let (start, stop, step) = vm.slice_indices(key, len)?;
        let positions: Vec<usize> = super::slice_positions(start, stop, step).collect();
        let src_format = match vm.heap.kind(value) {
            Kind::MemoryView(s) => s.format,
            Kind::Array(a) => a.typecode as u8,
            _ => b'B',
        };
        let Some(data) = buffer_bytes(vm, value) else {
            if let Kind::MemoryView(_) = vm.heap.kind(value) {
                return Err(released_error(vm));
            }
            let tn = vm.type_name(value);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        if src_format != format || data.len() != positions.len() * itemsize {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let m = view(vm, v)?;
        let writes: Vec<(usize, Vec<u8>)> = positions
            .iter()
            .zip(data.chunks(itemsize))
            .map(|(p, c)| ((m.start + *p as isize * m.stride) as usize, c.to_vec()))
            .collect();
        write_exporter(vm, mbuf, &writes);
        return Ok(());
    }
    let i = item_index(vm, v, key)?;
    let b = pack(vm, format, value)?;
    let m = view(vm, v)?;
    let at = (m.start + i as isize * m.stride) as usize;
    write_exporter(vm, mbuf, &[(at, b)]);
    Ok(())
}

/// The items of a view as objects (what `tolist` and comparisons see).
fn items(vm: &mut Vm, v: ObjId) -> PyResult<Vec<ObjId>> {
    let m = view(vm, v)?;
    let (format, size) = (m.format, m.itemsize);
    let bytes = buffer_bytes(vm, v).unwrap_or_default();
    Ok(bytes.chunks(size).map(|c| unpack(vm, format, c)).collect())
}

/// `view == other`: equal when the other exports a buffer of the same shape whose items
/// are equal, as CPython's `memory_richcompare` unpacks them.
pub fn view_eq(vm: &mut Vm, v: ObjId, other: ObjId) -> PyResult<bool> {
    if v == other {
        return Ok(true);
    }
    let released = |vm: &Vm, x: ObjId| matches!(vm.heap.kind(x), Kind::MemoryView(m) if m.released);
    if released(vm, v) || released(vm, other) {
        return Ok(false);
    }
    let Some(theirs) = buffer_bytes(vm, other) else {
        return Ok(false);
    };
    let (their_format, their_size) = match vm.heap.kind(other) {
        Kind::MemoryView(m) => (m.format, m.itemsize),
        Kind::Array(a) => (
            a.typecode as u8,
            crate::heap::size::array_item_size(a.typecode),
        ),
        _ => (b'B', 1),
    };
    let m = view(vm, v)?;
    if m.len * their_size != theirs.len() {
        return Ok(false);
    }
    let mine = buffer_bytes(vm, v).unwrap_or_default();
    if m.format == their_format && m.format != b'f' && m.format != b'd' {
        return Ok(mine == theirs);
    }
    let a = items(vm, v)?;
    let b: Vec<ObjId> = theirs
        .chunks(their_size)
        .map(|c| unpack(vm, their_format, c))
        .collect();
    let mut r = Ok(true);
    for (x, y) in a.iter().zip(&b) {
        match vm.eq(*x, *y) {
            Ok(true) => {}
            other => {
                r = other;
                break;
            }
        }
    }
    vm.release_all(a);
    vm.release_all(b);
    r
}

/// `hash(view)`: a read-only view of bytes hashes as those bytes (and keeps its hash).
pub fn view_hash(vm: &mut Vm, v: ObjId) -> PyResult<i64> {
    let m = view(vm, v)?;
    if let Some(h) = m.hash {
        return Ok(h);
    }
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.format, b'B' | b'b' | b'c') {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = buffer_bytes(vm, v).unwrap_or_default();
    let h = crate::vm::ops::str_hash(&b);
    if let Kind::MemoryView(m) = vm.heap.kind_mut(v) {
        m.hash = Some(h);
    }
    Ok(h)
}

/// `repr(view)`.
pub fn view_repr(vm: &Vm, v: ObjId) -> String {
    let released = matches!(vm.heap.kind(v), Kind::MemoryView(m) if m.released);
    let addr = vm.addr(v);
    if released {
        format!("<released memory at {addr}>")
    } else {
        format!("<memory at {addr}>")
    }
}

/// The attributes of a view.
pub fn view_attr(vm: &mut Vm, v: ObjId, name: &str) -> PyResult<Option<ObjId>> {
    if !matches!(
        name,
        "obj"
            | "nbytes"
            | "readonly"
            | "itemsize"
            | "format"
            | "ndim"
            | "shape"
            | "strides"
            | "suboffsets"
            | "c_contiguous"
            | "f_contiguous"
            | "contiguous"
    ) {
        return Ok(None);
    }
    let m = view(vm, v)?;
    let contiguous = m.len <= 1 || m.stride == m.itemsize as isize;
    let (len, stride, itemsize, format, readonly, mbuf) =
        (m.len, m.stride, m.itemsize, m.format, m.readonly, m.mbuf);
    let r = match name {
        "obj" => match exporter(vm, mbuf) {
            Some(obj) => {
                vm.heap.incref(obj);
                obj
            }
            None => vm.none(),
        },
        "nbytes" => vm.new_int((len * itemsize) as i64),
        "readonly" => vm.new_bool(readonly),
        "itemsize" => vm.new_int(itemsize as i64),
        "format" => vm.new_str(&(format as char).to_string()),
        "ndim" => vm.new_int(1),
        "shape" => {
            let n = vm.new_int(len as i64);
            vm.new_tuple(vec![n])
        }
        "strides" => {
            let n = vm.new_int(stride as i64);
            vm.new_tuple(vec![n])
        }
        "suboffsets" => vm.new_tuple(vec![]),
        _ => vm.new_bool(contiguous),
    };
    Ok(Some(r))
}

fn tobytes(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "tobytes", kw, &["order"])?;
    check_args(vm, "tobytes", args, &[], 1, 2)?;
    view(vm, args[0])?;
    let b = buffer_bytes(vm, args[0]).unwrap_or_default();
    Ok(vm.new_bytes(b))
}

fn tolist(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "tolist", args, kw, 1, 1)?;
    let items = items(vm, args[0])?;
    Ok(vm.new_list(items))
}

fn hex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    view(vm, args[0])?;
    let b = buffer_bytes(vm, args[0]).unwrap_or_default();
    let bytes = vm.new_bytes(b);
    let mut call_args = vec![bytes];
    call_args.extend_from_slice(&args[1..]);
    let r = vm.while_holding(&[bytes], |vm| super::bytes::hex(vm, &call_args, kw));
    vm.heap.decref(bytes);
    r
}

fn release(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "release", args, kw, 1, 1)?;
    release_view(vm, args[0]);
    Ok(vm.none())
}

fn enter(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "__enter__", args, kw, 1, 1)?;
    view(vm, args[0])?;
    vm.heap.incref(args[0]);
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[ObjId], _kw: Kw) -> PyResult<ObjId> {
    release_view(vm, args[0]);
    Ok(vm.none())
}

fn toreadonly(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "toreadonly", args, kw, 1, 1)?;
    let m = view(vm, args[0])?;
    let copy = MemView {
        readonly: true,
        hash: None,
        released: false,
        ..m
    };
    Ok(new_view(vm, copy))
}

/// `view.cast(format)`: the same bytes seen as items of another format (C-contiguous
/// views only, one byte format on one side, as CPython requires).
fn cast(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "cast", kw, &["format", "shape"])?;
    if args.len() > 2 || kw.iter().any(|(k, _)| &*vm.heap.sym_name(*k) == "shape") {
        return Err(vm.not_implemented(
            "memoryview.cast() to a shape (more than one dimension) is not supported yet by refscope",
        ));
    }
    let Some(&fmt) = args.get(1).or(kw.first().map(|(_, v)| v)) else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(f) = vm.as_str(fmt).map(|s| s.to_string()) else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    let m = view(vm, args[0])?;
    let contiguous = m.len <= 1 || m.stride == m.itemsize as isize;
    let (from, nbytes) = (m.format, m.len * m.itemsize);
    let code = match f.as_bytes() {
        [c] => *c,
        [b'@', c] => *c,
        _ => 0,
    };
    let Some(size) = format_size(code) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !contiguous {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_format = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_format(from) && !byte_format(code) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let m = view(vm, args[0])?;
    let copy = MemView {
        len: nbytes / size,
        stride: size as isize,
        itemsize: size,
        format: code,
        hash: None,
        released: false,
        ..m
    };
    Ok(new_view(vm, copy))
}
