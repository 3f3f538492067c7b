//! The `array` module: typed arrays of numbers whose size is CPython's (a 64-byte header
//! plus the items, with `array_resize`'s over-allocation when they grow).

use crate::heap::kinds::{ArrayData, ArrayObj, NativeFn, TypeTag};
use crate::heap::size::array_len;
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::builtins::{check_args, to_i64};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

const TYPECODES: &str = "bBhHiIlLqQfd";

pub fn create_module(vm: &mut Vm) -> ObjId {
    let m = crate::vm::builtins::new_native_module(vm, "array", &[]);
    let t = vm.type_obj(TypeTag::Array);
    vm.heap.incref(t);
    let s = vm.heap.intern_sym("array");
    vm.ns_set(m, s, t);
    let tc = vm.new_str("bBuhHiIlLqQfd");
    let s = vm.heap.intern_sym("typecodes");
    vm.ns_set(m, s, tc);
    m
}

pub fn install(vm: &mut Vm) {
    const METHODS: &[(&str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("tolist", tolist),
        ("pop", pop),
        ("insert", insert),
        ("reverse", reverse),
        ("count", count),
        ("index", index),
        ("remove", remove),
        ("tobytes", tobytes),
        ("frombytes", frombytes),
        ("fromlist", fromlist),
        ("buffer_info", buffer_info),
    ];
    crate::vm::builtins::add_methods(vm, TypeTag::Array, METHODS);
}

fn data_of(vm: &Vm, a: ObjId) -> Option<&ArrayObj> {
    match vm.heap.kind(a) {
        Kind::Array(x) => Some(x),
        _ => None,
    }
}

/// Converts a Python value to the array's item type with CPython's range errors.
fn convert(vm: &mut Vm, typecode: char, v: ObjId) -> PyResult<Item> {
    if matches!(typecode, 'f' | 'd') {
        return match vm.num_of(v) {
            Some(_) => {
                let f = vm.float_value(v)?;
                Ok(Item::F(if typecode == 'f' { f as f32 as f64 } else { f }))
            }
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("must be real number, not {tn}")))
            }
        };
    }
    if matches!(vm.heap.kind(v), Kind::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let Some(i) = vm.int_of(v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let big = i.to_bigint();
    use num_traits::ToPrimitive;
    let (lo, hi, name): (i128, i128, &str) = match typecode {
        'b' => (-128, 127, "signed char"),
        'B' => (0, 255, "unsigned byte integer"),
        'h' => (-32768, 32767, "signed short integer"),
        'H' => (0, 65535, "unsigned short integer"),
        'i' => (i32::MIN as i128, i32::MAX as i128, "signed integer"),
        'I' => (0, u32::MAX as i128, "unsigned int"),
        'l' | 'q' => (i64::MIN as i128, i64::MAX as i128, "long"),
        _ => (0, u64::MAX as i128, "unsigned long"),
    };
    let Some(x) = big.to_i128().filter(|x| *x >= lo && *x <= hi) else {
        let neg = big.sign() == num_bigint::Sign::Minus;
        let msg = match (typecode, neg) {
            ('I', true) => "can't convert negative value to unsigned int".to_string(),
            ('L' | 'Q', true) => "can't convert negative int to unsigned".to_string(),
            ('l', _) => "Python int too large to convert to C long".to_string(),
            ('q', _) => "int too big to convert".to_string(),
            ('L' | 'Q', false) => "int too big to convert".to_string(),
            (_, true) => format!("{name} is less than minimum"),
            (_, false) => format!("{name} is greater than maximum"),
        };
        return Err(vm.overflow_error(msg));
    };
    Ok(if matches!(typecode, 'L' | 'Q') {
        Item::U(x as u64)
    } else {
        Item::I(x as i64)
    })
}

enum Item {
    I(i64),
    U(u64),
    F(f64),
}

fn push_item(a: &mut ArrayObj, item: Item) {
    match (&mut a.data, item) {
        (ArrayData::Int(v), Item::I(x)) => v.push(x),
        (ArrayData::UInt(v), Item::U(x)) => v.push(x),
        (ArrayData::Float(v), Item::F(x)) => v.push(x),
        _ => {}
    }
}

/// CPython's `array_resize` over-allocation.
fn grow(a: &mut ArrayObj, old: usize) {
    let n = array_len(&a.data);
    if a.cap >= n && old < n + 16 {
        return;
    }
    a.cap = (n >> 4) + if old < 8 { 3 } else { 7 } + n;
}

fn empty_data(typecode: char) -> ArrayData {
    match typecode {
        'f' | 'd' => ArrayData::Float(vec![]),
        'L' | 'Q' => ArrayData::UInt(vec![]),
        _ => ArrayData::Int(vec![]),
    }
}

/// `array(typecode[, initializer])`.
pub fn array_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "array", args, kw, 1, 2)?;
    let tc = match vm.as_str(args[0]) {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('?'),
        _ => return Err(vm.type_error("array() argument 1 must be a unicode character, not str")),
    };
    if tc == 'u' {
        return Err(vm.not_implemented("array typecode 'u' (wchar_t) is not supported by refscope"));
    }
    if !TYPECODES.contains(tc) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let mut a = ArrayObj {
        typecode: tc,
        data: empty_data(tc),
        cap: 0,
    };
    if let Some(&init) = args.get(1)
        && matches!(vm.heap.kind(init), Kind::Bytes(_) | Kind::ByteArray(_))
    {
        // Machine bytes, as `frombytes` reads them (with its over-allocation).
        let id = vm.heap.alloc(Kind::Array(Box::new(a)));
        return match frombytes(vm, &[id, init], &[]) {
            Ok(none) => {
                vm.heap.decref(none);
                vm.check_heap_limit()?;
                Ok(id)
            }
            Err(e) => {
                vm.heap.decref(id);
                Err(e)
            }
        };
    }
    if let Some(init) = args.get(1) {
        if vm.as_str(*init).is_some() {
            return Err(vm.type_error(format!(
                "cannot use a str to initialize an array with typecode '{tc}'"
            )));
        }
        let exact = matches!(vm.heap.kind(*init), Kind::List(_) | Kind::Tuple(_));
        let items = vm.collect(*init)?;
        for (i, v) in items.iter().enumerate() {
            match convert(vm, tc, *v) {
                Ok(x) => {
                    push_item(&mut a, x);
                    if !exact {
                        grow(&mut a, i);
                    }
                }
                Err(e) => {
                    vm.release_all(items);
                    return Err(e);
                }
            }
        }
        if exact {
            a.cap = items.len();
        }
        vm.release_all(items);
    }
    let id = vm.heap.alloc(Kind::Array(Box::new(a)));
    vm.check_heap_limit()?;
    Ok(id)
}

/// Item `i` as a new Python object.
pub fn array_item(vm: &mut Vm, arr: ObjId, i: usize) -> Option<ObjId> {
    let item = match &data_of(vm, arr)?.data {
        ArrayData::Int(v) => Item::I(*v.get(i)?),
        ArrayData::UInt(v) => Item::U(*v.get(i)?),
        ArrayData::Float(v) => Item::F(*v.get(i)?),
    };
    Some(match item {
        Item::I(x) => vm.new_int(x),
        Item::U(x) => vm.new_bigint(x.into()),
        Item::F(x) => vm.new_float(x),
    })
}

pub fn array_getitem(vm: &mut Vm, arr: ObjId, key: ObjId) -> PyResult<ObjId> {
    let n = data_of(vm, arr).map(|a| array_len(&a.data)).unwrap_or(0);
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let (start, stop, step) = vm.slice_indices(key, n)?;
        let Some(src) = data_of(vm, arr).cloned() else {
            return Err(vm.type_error("expected an array"));
        };
        let pos: Vec<usize> = crate::vm::builtins::slice_positions(start, stop, step).collect();
        let data = match &src.data {
            ArrayData::Int(v) => ArrayData::Int(pos.iter().map(|i| v[*i]).collect()),
            ArrayData::UInt(v) => ArrayData::UInt(pos.iter().map(|i| v[*i]).collect()),
            ArrayData::Float(v) => ArrayData::Float(pos.iter().map(|i| v[*i]).collect()),
        };
        let out = ArrayObj {
            typecode: src.typecode,
            cap: pos.len(),
            data,
        };
        return Ok(vm.heap.alloc(Kind::Array(Box::new(out))));
    }
    let i = vm.index_of(key, "array")?;
    let idx = if i < 0 { i + n as i64 } else { i };
    match (idx >= 0)
        .then(|| array_item(vm, arr, idx as usize))
        .flatten()
    {
        Some(v) => Ok(v),
        None => Err(vm.index_error("array index out of range")),
    }
}

pub fn array_setitem(vm: &mut Vm, arr: ObjId, key: ObjId, value: ObjId) -> PyResult<()> {
    let (n, tc) = match data_of(vm, arr) {
        Some(a) => (array_len(&a.data), a.typecode),
        None => return Err(vm.type_error("expected an array")),
    };
    let i = vm.index_of(key, "array")?;
    let idx = if i < 0 { i + n as i64 } else { i };
    if idx < 0 || idx as usize >= n {
        return Err(vm.index_error("array assignment index out of range"));
    }
    let item = convert(vm, tc, value)?;
    if let Kind::Array(a) = vm.heap.kind_mut(arr) {
        let i = idx as usize;
        match (&mut a.data, item) {
            (ArrayData::Int(v), Item::I(x)) => v[i] = x,
            (ArrayData::UInt(v), Item::U(x)) => v[i] = x,
            (ArrayData::Float(v), Item::F(x)) => v[i] = x,
            _ => {}
        }
    }
    Ok(())
}

pub fn array_repr(vm: &mut Vm, arr: ObjId) -> PyResult<String> {
    let Some(a) = data_of(vm, arr).cloned() else {
        return Ok(String::new());
    };
    if array_len(&a.data) == 0 {
        return Ok(format!("array('{}')", a.typecode));
    }
    let items: Vec<String> = match &a.data {
        ArrayData::Int(v) => v.iter().map(|x| x.to_string()).collect(),
        ArrayData::UInt(v) => v.iter().map(|x| x.to_string()).collect(),
        ArrayData::Float(v) => v.iter().map(|x| crate::vm::text::float_repr(*x)).collect(),
    };
    Ok(format!("array('{}', [{}])", a.typecode, items.join(", ")))
}

fn append(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "append", args, kw, 2, 2)?;
    let tc = data_of(vm, args[0]).map(|a| a.typecode).unwrap_or('i');
    let item = convert(vm, tc, args[1])?;
    push_items(vm, args[0], vec![item])
}

/// An array a memoryview looks at cannot change size.
fn check_resizable(vm: &mut Vm, arr: ObjId) -> PyResult<()> {
    if vm.is_exported(arr) {
        return Err(vm.array_exported_error());
    }
    Ok(())
}

/// Adds items to an array with one resize (`array_resize` over-allocates); returns None.
fn push_items(vm: &mut Vm, arr: ObjId, items: Vec<Item>) -> PyResult<ObjId> {
    if !items.is_empty() {
        check_resizable(vm, arr)?;
    }
    if let Kind::Array(a) = vm.heap.kind_mut(arr) {
        let old = array_len(&a.data);
        for x in items {
            push_item(a, x);
        }
        grow(a, old);
    }
    vm.heap.resize(arr);
    vm.check_heap_limit()?;
    Ok(vm.none())
}

fn extend(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "extend", args, kw, 2, 2)?;
    let items = vm.collect(args[1])?;
    for v in &items {
        if let Err(e) = append(vm, &[args[0], *v], &[]) {
            vm.release_all(items);
            return Err(e);
        }
        let n = vm.none;
        vm.heap.decref(n);
    }
    vm.release_all(items);
    Ok(vm.none())
}

fn tolist(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "tolist", args, kw, 1, 1)?;
    let n = data_of(vm, args[0])
        .map(|a| array_len(&a.data))
        .unwrap_or(0);
    let items: Vec<ObjId> = (0..n).filter_map(|i| array_item(vm, args[0], i)).collect();
    Ok(vm.new_list(items))
}

fn pop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "pop", args, kw, 1, 2)?;
    let n = data_of(vm, args[0])
        .map(|a| array_len(&a.data))
        .unwrap_or(0);
    let idx = crate::vm::builtins::pop_position(vm, args, n, "array")?;
    check_resizable(vm, args[0])?;
    let v = array_item(vm, args[0], idx);
    if let Kind::Array(a) = vm.heap.kind_mut(args[0]) {
        let i = idx;
        remove_item(&mut a.data, i);
    }
    Ok(v.unwrap_or(vm.none))
}

fn insert(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "insert", args, kw, 3, 3)?;
    let (n, tc) = match data_of(vm, args[0]) {
        Some(a) => (array_len(&a.data) as i64, a.typecode),
        None => (0, 'i'),
    };
    let i = to_i64(vm, args[1], "")?;
    let idx = (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize;
    let item = convert(vm, tc, args[2])?;
    check_resizable(vm, args[0])?;
    if let Kind::Array(a) = vm.heap.kind_mut(args[0]) {
        let old = array_len(&a.data);
        match (&mut a.data, item) {
            (ArrayData::Int(v), Item::I(x)) => v.insert(idx, x),
            (ArrayData::UInt(v), Item::U(x)) => v.insert(idx, x),
            (ArrayData::Float(v), Item::F(x)) => v.insert(idx, x),
            _ => {}
        }
        grow(a, old);
    }
    vm.heap.resize(args[0]);
    Ok(vm.none())
}

fn reverse(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "reverse", args, kw, 1, 1)?;
    if let Kind::Array(a) = vm.heap.kind_mut(args[0]) {
        match &mut a.data {
            ArrayData::Int(v) => v.reverse(),
            ArrayData::UInt(v) => v.reverse(),
            ArrayData::Float(v) => v.reverse(),
        }
    }
    Ok(vm.none())
}

fn count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "count", args, kw, 2, 2)?;
    let n = data_of(vm, args[0])
        .map(|a| array_len(&a.data))
        .unwrap_or(0);
    let mut c = 0;
    for i in 0..n {
        if let Some(v) = array_item(vm, args[0], i) {
            let eq = vm.eq(v, args[1]);
            vm.heap.decref(v);
            if eq? {
                c += 1;
            }
        }
    }
    Ok(vm.new_int(c))
}

fn index(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "index", args, kw, 2, 2)?;
    let n = data_of(vm, args[0])
        .map(|a| array_len(&a.data))
        .unwrap_or(0);
    for i in 0..n {
        if let Some(v) = array_item(vm, args[0], i) {
            let eq = vm.eq(v, args[1]);
            vm.heap.decref(v);
            if eq? {
                return Ok(vm.new_int(i as i64));
            }
        }
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn remove(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "remove", args, kw, 2, 2)?;
    let n = data_of(vm, args[0])
        .map(|a| array_len(&a.data))
        .unwrap_or(0);
    for i in 0..n {
        if let Some(v) = array_item(vm, args[0], i) {
            let eq = vm.eq(v, args[1]);
            vm.heap.decref(v);
            if eq? {
                check_resizable(vm, args[0])?;
                if let Kind::Array(a) = vm.heap.kind_mut(args[0]) {
                    remove_item(&mut a.data, i);
                }
                return Ok(vm.none());
            }
        }
    }
    Err(vm.value_error("array.remove(x): x not in array"))
}

/// `a + b` and `a * n` for arrays.
pub fn array_binop(vm: &mut Vm, a: ObjId, b: ObjId, op: crate::compiler::BinOp) -> PyResult<ObjId> {
    let Some(x) = data_of(vm, a).cloned() else {
        return Err(vm.type_error("expected an array"));
    };
    let data = match op {
        crate::compiler::BinOp::Add => {
            let Some(y) = data_of(vm, b).cloned() else {
                return Err(vm.type_error("can only append array (not \"?\") to array"));
            };
            if x.typecode != y.typecode {
                return Err(vm.type_error("bad argument type for built-in operation"));
            }
            match (x.data, y.data) {
                (ArrayData::Int(mut p), ArrayData::Int(q)) => {
                    p.extend(q);
                    ArrayData::Int(p)
                }
                (ArrayData::UInt(mut p), ArrayData::UInt(q)) => {
                    p.extend(q);
                    ArrayData::UInt(p)
                }
                (ArrayData::Float(mut p), ArrayData::Float(q)) => {
                    p.extend(q);
                    ArrayData::Float(p)
                }
                (d, _) => d,
            }
        }
        _ => {
            let n = to_i64(vm, b, "")?.max(0) as usize;
            match x.data {
                ArrayData::Int(p) => ArrayData::Int(p.repeat(n)),
                ArrayData::UInt(p) => ArrayData::UInt(p.repeat(n)),
                ArrayData::Float(p) => ArrayData::Float(p.repeat(n)),
            }
        }
    };
    let cap = array_len(&data);
    Ok(vm.heap.alloc(Kind::Array(Box::new(ArrayObj {
        typecode: x.typecode,
        data,
        cap,
    }))))
}

/// Removes the item at `i`.
fn remove_item(data: &mut ArrayData, i: usize) {
    match data {
        ArrayData::Int(v) => {
            v.remove(i);
        }
        ArrayData::UInt(v) => {
            v.remove(i);
        }
        ArrayData::Float(v) => {
            v.remove(i);
        }
    }
}

/// The array's items as their machine bytes (little-endian, `itemsize` each).
pub fn item_bytes(a: &ArrayObj) -> Vec<u8> {
    let size = crate::heap::size::array_item_size(a.typecode);
    let mut out = Vec::with_capacity(size * array_len(&a.data));
    match &a.data {
        ArrayData::Int(v) => v
            .iter()
            .for_each(|x| out.extend_from_slice(&x.to_le_bytes()[..size])),
        ArrayData::UInt(v) => v
            .iter()
            .for_each(|x| out.extend_from_slice(&x.to_le_bytes()[..size])),
        ArrayData::Float(v) => v.iter().for_each(|x| {
            if size == 4 {
                out.extend_from_slice(&(*x as f32).to_le_bytes());
            } else {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }),
    }
    out
}

fn tobytes(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "tobytes", args, kw, 1, 1)?;
    let b = data_of(vm, args[0]).map(item_bytes).unwrap_or_default();
    Ok(vm.new_bytes(b))
}

/// `a.frombytes(b)`: items from machine bytes, the array resized once.
fn frombytes(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "frombytes", args, kw, 2, 2)?;
    let Some(bytes) = vm.bytes_like(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    let tc = data_of(vm, args[0]).map_or('b', |a| a.typecode);
    let size = crate::heap::size::array_item_size(tc);
    if bytes.len() % size != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let items = decode_items(tc, &bytes);
    push_items(vm, args[0], items)
}

/// The items whose machine bytes `bytes` are (a whole number of them).
fn decode_items(tc: char, bytes: &[u8]) -> Vec<Item> {
    let size = crate::heap::size::array_item_size(tc);
    let signed = tc.is_ascii_lowercase();
    bytes
        .chunks(size)
        .map(|chunk| {
            let mut raw = [0u8; 8];
            raw[..size].copy_from_slice(chunk);
            let u = u64::from_le_bytes(raw);
            match tc {
                'f' => Item::F(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
                'd' => Item::F(f64::from_le_bytes(raw)),
                _ if signed => {
                    let shift = 64 - 8 * size as u32;
                    Item::I(((u << shift) as i64) >> shift)
                }
                'L' | 'Q' => Item::U(u),
                _ => Item::I(u as i64),
            }
        })
        .collect()
}

/// An array's items from their machine bytes (what a memoryview writes through).
pub fn data_from_bytes(tc: char, bytes: &[u8]) -> ArrayData {
    let mut a = ArrayObj {
        typecode: tc,
        data: empty_data(tc),
        cap: 0,
    };
    for item in decode_items(tc, bytes) {
        push_item(&mut a, item);
    }
    a.data
}

/// `a.fromlist(list)`: every item converted first, so that a bad one changes nothing.
fn fromlist(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "fromlist", args, kw, 2, 2)?;
    let items: Vec<ObjId> = match vm.heap.kind(args[1]) {
        Kind::List(l) => l.items.to_vec(),
        _ => return Err(vm.type_error("arg must be list")),
    };
    let tc = data_of(vm, args[0]).map_or('b', |a| a.typecode);
    let mut converted = Vec::with_capacity(items.len());
    for v in items {
        converted.push(convert(vm, tc, v)?);
    }
    push_items(vm, args[0], converted)
}

/// `a.buffer_info()`: (address, length); the address is the model's.
fn buffer_info(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "buffer_info", args, kw, 1, 1)?;
    let n = data_of(vm, args[0]).map_or(0, |a| array_len(&a.data));
    let addr = vm.heap.get(args[0]).serial as i64;
    let items = vec![vm.new_int(addr), vm.new_int(n as i64)];
    Ok(vm.new_tuple(items))
}

/// `del a[i]`, `del a[i:j:k]`: the items go, and the array is resized as CPython does.
pub fn array_delitem(vm: &mut Vm, arr: ObjId, key: ObjId) -> PyResult<()> {
    let n = data_of(vm, arr).map_or(0, |a| array_len(&a.data));
    let mut pos: Vec<usize> = if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let (start, stop, step) = vm.slice_indices(key, n)?;
        crate::vm::builtins::slice_positions(start, stop, step).collect()
    } else {
        let i = vm.index_of(key, "array")?;
        let idx = if i < 0 { i + n as i64 } else { i };
        if idx < 0 || idx as usize >= n {
            return Err(vm.index_error("array assignment index out of range"));
        }
        vec![idx as usize]
    };
    pos.sort_unstable();
    if !pos.is_empty() {
        check_resizable(vm, arr)?;
    }
    if let Kind::Array(a) = vm.heap.kind_mut(arr) {
        for i in pos.iter().rev() {
            remove_item(&mut a.data, *i);
        }
        grow(a, n);
    }
    vm.heap.resize(arr);
    Ok(())
}
