//! The methods of bytes and bytearray.

use super::{check_args, to_i64};
use crate::heap::kinds::{NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::text::bytes as tb;
use crate::vm::text::bytes::{from_latin1, latin1};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

same_if_unchanged! {
    replace_same => replace,
    strip_same => strip,
    translate_same => translate,
}

pub fn install(vm: &mut Vm) {
    const METHODS: &[(&str, NativeFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("split", split),
        ("rsplit", rsplit),
        ("replace", replace_same),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("count", count),
        ("strip", strip_same),
        ("join", join),
        ("decode", decode),
        ("hex", hex),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isascii", isascii),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("title", title),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("splitlines", splitlines),
        ("translate", translate_same),
    ];
    super::add_methods(vm, TypeTag::Bytes, METHODS);
    super::add_methods(vm, TypeTag::ByteArray, METHODS);
    super::add_methods(vm, TypeTag::ByteArray, BYTEARRAY_METHODS);
    for tag in [TypeTag::Bytes, TypeTag::ByteArray] {
        super::add_wrapped_builtin(vm, tag, "fromhex", fromhex, None, Kind::ClassMethod);
        super::add_wrapped_builtin(vm, tag, "maketrans", maketrans, None, Kind::StaticMethod);
    }
}

/// The bytes of a bytes-like object.
pub fn bytes_of(vm: &Vm, v: ObjId) -> Option<Vec<u8>> {
    super::memview::buffer_bytes(vm, v)
}

fn this(vm: &Vm, args: &[ObjId]) -> Vec<u8> {
    args.first()
        .and_then(|a| bytes_of(vm, *a))
        .unwrap_or_default()
}

fn arg(vm: &mut Vm, v: ObjId) -> PyResult<Vec<u8>> {
    match bytes_of(vm, v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// A result of the same type as `self` (bytes or bytearray).
fn same_kind(vm: &mut Vm, like: ObjId, b: Vec<u8>) -> ObjId {
    if matches!(vm.heap.kind(like), Kind::ByteArray(_)) {
        vm.heap.alloc(Kind::ByteArray(Box::new(b)))
    } else {
        vm.new_bytes(b)
    }
}

fn text_err(vm: &mut Vm, e: crate::vm::text::TextError) -> crate::vm::Exc {
    crate::vm::strfmt::text_exc(vm, e)
}

fn upper(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "upper", args, kw, 1, 1)?;
    let b = this(vm, args).to_ascii_uppercase();
    Ok(same_kind(vm, args[0], b))
}

fn lower(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "lower", args, kw, 1, 1)?;
    let b = this(vm, args).to_ascii_lowercase();
    Ok(same_kind(vm, args[0], b))
}

fn split(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    split_either(vm, args, kw, "split", tb::split)
}

fn rsplit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    split_either(vm, args, kw, "rsplit", tb::rsplit)
}

/// `tb::split` or `tb::rsplit`.
type Splitter = fn(&[u8], Option<&[u8]>, i64) -> crate::vm::text::TextResult<Vec<Vec<u8>>>;

/// `split(sep=None, maxsplit=-1)` and `rsplit`, by position or keyword.
fn split_either(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, how: Splitter) -> PyResult<ObjId> {
    // (Argument Clinic's message for an unknown keyword.)
    for (k, _) in kw {
        let n = vm.heap.sym_name(*k);
        if !matches!(&*n, "sep" | "maxsplit") {
            return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for {name}()")));
        }
    }
    check_args(vm, name, args, &[], 1, 3)?;
    let b = this(vm, args);
    let sep = match args.get(1).copied().or(super::kwarg(vm, kw, "sep")) {
        Some(s) if s != vm.none => Some(arg(vm, s)?),
        _ => None,
    };
    let max = match args.get(2).copied().or(super::kwarg(vm, kw, "maxsplit")) {
        Some(m) => to_i64(vm, m, "")?,
        None => -1,
    };
    let parts = how(&b, sep.as_deref(), max).map_err(|e| text_err(vm, e))?;
    let items: Vec<_> = parts
        .into_iter()
        .map(|p| same_kind(vm, args[0], p))
        .collect();
    Ok(vm.new_split_list(items))
}

fn replace(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "replace", args, kw, 3, 4)?;
    let b = this(vm, args);
    let old = arg(vm, args[1])?;
    let new = arg(vm, args[2])?;
    let count = match args.get(3) {
        Some(c) => to_i64(vm, *c, "")?,
        None => -1,
    };
    let r = crate::vm::text::strings::replace(&latin1(&b), &latin1(&old), &latin1(&new), count);
    Ok(same_kind(vm, args[0], from_latin1(&r)))
}

fn affix(vm: &mut Vm, args: &[ObjId], kw: Kw, ends: bool) -> PyResult<ObjId> {
    check_args(
        vm,
        if ends { "endswith" } else { "startswith" },
        args,
        kw,
        2,
        4,
    )?;
    let b = this(vm, args);
    let cands: Vec<Vec<u8>> = match vm.heap.kind(args[1]) {
        Kind::Tuple(t) => {
            let t = t.to_vec();
            let mut v = vec![];
            for x in t {
                v.push(arg(vm, x)?);
            }
            v
        }
        _ => vec![arg(vm, args[1])?],
    };
    let (start, end) = super::strings::range_args(vm, args, 2)?;
    let refs: Vec<&[u8]> = cands.iter().map(|c| c.as_slice()).collect();
    let r = if ends {
        tb::endswith(&b, &refs, start, end)
    } else {
        tb::startswith(&b, &refs, start, end)
    };
    Ok(vm.new_bool(r))
}

fn startswith(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    affix(vm, args, kw, false)
}

fn endswith(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    affix(vm, args, kw, true)
}

/// The arguments of find, rfind, index, rindex and count: (self's bytes, the bytes or
/// the byte value looked for, start, end).
type Search = (Vec<u8>, Vec<u8>, Option<i64>, Option<i64>);

fn search_args(vm: &mut Vm, name: &str, args: &[ObjId], kw: Kw) -> PyResult<Search> {
    check_args(vm, name, args, kw, 2, 4)?;
    let b = this(vm, args);
    let sub = match vm.small_int_of(args[1]) {
        Some(i) if (0..256).contains(&i) => vec![i as u8],
        Some(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
        None => arg(vm, args[1])?,
    };
    let (start, end) = super::strings::range_args(vm, args, 2)?;
    Ok((b, sub, start, end))
}

fn find(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (b, sub, start, end) = search_args(vm, "find", args, kw)?;
    Ok(vm.new_int(tb::find(&b, &sub, start, end)))
}

fn rfind(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (b, sub, start, end) = search_args(vm, "rfind", args, kw)?;
    Ok(vm.new_int(tb::rfind(&b, &sub, start, end)))
}

fn index(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (b, sub, start, end) = search_args(vm, "index", args, kw)?;
    let i = tb::index(&b, &sub, start, end).map_err(|e| text_err(vm, e))?;
    Ok(vm.new_int(i))
}

fn rindex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (b, sub, start, end) = search_args(vm, "rindex", args, kw)?;
    match tb::rfind(&b, &sub, start, end) {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(vm.new_int(i)),
    }
}

fn count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (b, sub, start, end) = search_args(vm, "count", args, kw)?;
    Ok(vm.new_int(tb::count(&b, &sub, start, end) as i64))
}

/// strip, lstrip and rstrip: the bytes given (ASCII whitespace by default) off the
/// left end, the right end, or both.
fn strip_ends(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 2)?;
    let b = this(vm, args);
    let chars: Vec<u8> = match args.get(1) {
        Some(c) if *c != vm.none => arg(vm, *c)?,
        _ => b" \t\n\r\x0b\x0c".to_vec(),
    };
    let start = match name {
        "rstrip" => 0,
        _ => b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len()),
    };
    let end = match name {
        "lstrip" => b.len(),
        _ => b
            .iter()
            .rposition(|c| !chars.contains(c))
            .map(|i| i + 1)
            .unwrap_or(start),
    };
    Ok(same_kind(vm, args[0], b[start..end.max(start)].to_vec()))
}

fn strip(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    strip_ends(vm, args, kw, "strip")
}

fn lstrip(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    strip_ends(vm, args, kw, "lstrip")
}

fn rstrip(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    strip_ends(vm, args, kw, "rstrip")
}

/// The ASCII predicates (bytes have no other letters or digits): false when empty.
fn predicate(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    test: fn(&[u8]) -> bool,
) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    let b = this(vm, args);
    Ok(vm.new_bool(test(&b)))
}

fn every(b: &[u8], f: fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}

fn isdigit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "isdigit", |b| every(b, u8::is_ascii_digit))
}

fn isalpha(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "isalpha", |b| {
        every(b, u8::is_ascii_alphabetic)
    })
}

fn isalnum(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "isalnum", |b| {
        every(b, u8::is_ascii_alphanumeric)
    })
}

fn isspace(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "isspace", |b| {
        every(b, |c| b" \t\n\r\x0b\x0c".contains(c))
    })
}

fn islower(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}

fn isupper(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}

fn isascii(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "isascii", |b| b.is_ascii())
}

/// Titlecase: each word (a run of letters) starts upper-case and goes on lower-case,
/// and there is at least one.
fn istitle(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    predicate(vm, args, kw, "istitle", |b| {
        let (mut cased, mut previous_cased) = (false, false);
        for c in b {
            if c.is_ascii_uppercase() {
                if previous_cased {
                    return false;
                }
                (cased, previous_cased) = (true, true);
            } else if c.is_ascii_lowercase() {
                if !previous_cased {
                    return false;
                }
                (cased, previous_cased) = (true, true);
            } else {
                previous_cased = false;
            }
        }
        cased
    })
}

/// capitalize, swapcase and title, on ASCII letters only.
fn recase(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    let mut b = this(vm, args);
    let mut previous_letter = false;
    for (i, c) in b.iter_mut().enumerate() {
        let letter = c.is_ascii_alphabetic();
        *c = match name {
            "capitalize" if i == 0 => c.to_ascii_uppercase(),
            "capitalize" => c.to_ascii_lowercase(),
            "swapcase" if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
            "swapcase" => c.to_ascii_uppercase(),
            _ if previous_letter => c.to_ascii_lowercase(),
            _ => c.to_ascii_uppercase(),
        };
        previous_letter = letter;
    }
    Ok(same_kind(vm, args[0], b))
}

fn capitalize(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    recase(vm, args, kw, "capitalize")
}

fn swapcase(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    recase(vm, args, kw, "swapcase")
}

fn title(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    recase(vm, args, kw, "title")
}

/// center, ljust and rjust: `width` and an optional fill byte (a bytes of length 1).
fn justify(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 3)?;
    let b = this(vm, args);
    let width = to_i64(vm, args[1], "")?;
    vm.check_alloc(width.max(0) as u128)?;
    let fill = match args.get(2) {
        None => b' ',
        Some(f) => match bytes_of(vm, *f) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let tn = vm.type_name(*f);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
    };
    let (s, fill) = (latin1(&b), fill as char);
    let out = match name {
        "center" => crate::vm::text::strings::center(&s, width, fill),
        "ljust" => crate::vm::text::strings::ljust(&s, width, fill),
        _ => crate::vm::text::strings::rjust(&s, width, fill),
    };
    Ok(same_kind(vm, args[0], from_latin1(&out)))
}

fn center(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    justify(vm, args, kw, "center")
}

fn ljust(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    justify(vm, args, kw, "ljust")
}

fn rjust(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    justify(vm, args, kw, "rjust")
}

fn zfill(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "zfill", args, kw, 2, 2)?;
    let b = this(vm, args);
    let width = to_i64(vm, args[1], "")?;
    vm.check_alloc(width.max(0) as u128)?;
    let out = crate::vm::text::strings::zfill(&latin1(&b), width);
    Ok(same_kind(vm, args[0], from_latin1(&out)))
}

fn expandtabs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "expandtabs", kw, &["tabsize"])?;
    let b = this(vm, args);
    let size = match args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(vm, kw, "tabsize"))
    {
        Some(t) => to_i64(vm, t, "")?,
        None => 8,
    };
    if i32::try_from(size).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    // (At most `size` spaces a tab.)
    let tabs = b.iter().filter(|c| **c == b'\t').count() as u128;
    vm.check_alloc(b.len() as u128 + tabs * size.max(0) as u128)?;
    let out = crate::vm::text::strings::expandtabs(&latin1(&b), size);
    Ok(same_kind(vm, args[0], from_latin1(&out)))
}

fn partition(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    split_once(vm, args, kw, "partition")
}

fn rpartition(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    split_once(vm, args, kw, "rpartition")
}

/// partition and rpartition: a 3-tuple of the same type as `self`.
fn split_once(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 2)?;
    let (b, sep) = (this(vm, args), arg(vm, args[1])?);
    let (s, sep) = (latin1(&b), latin1(&sep));
    let parts = if name == "partition" {
        crate::vm::text::strings::partition(&s, &sep)
    } else {
        crate::vm::text::strings::rpartition(&s, &sep)
    }
    .map_err(|e| text_err(vm, e))?;
    let items = [parts.0, parts.1, parts.2]
        .iter()
        .map(|p| same_kind(vm, args[0], from_latin1(p)))
        .collect();
    Ok(vm.new_tuple(items))
}

fn removeprefix(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "removeprefix", args, kw, 2, 2)?;
    let (b, prefix) = (this(vm, args), arg(vm, args[1])?);
    let out = b.strip_prefix(prefix.as_slice()).unwrap_or(&b).to_vec();
    Ok(same_kind(vm, args[0], out))
}

fn removesuffix(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "removesuffix", args, kw, 2, 2)?;
    let (b, suffix) = (this(vm, args), arg(vm, args[1])?);
    let out = b.strip_suffix(suffix.as_slice()).unwrap_or(&b).to_vec();
    Ok(same_kind(vm, args[0], out))
}

/// `splitlines(keepends=False)`: lines end at `\n`, `\r` or `\r\n` only.
fn splitlines(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "splitlines", kw, &["keepends"])?;
    let b = this(vm, args);
    let keepends = match args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(vm, kw, "keepends"))
    {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let mut lines = vec![];
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let eol = match (b[i], b.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\r' | b'\n', _) => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keepends { i + eol } else { i };
        lines.push(b[start..end].to_vec());
        i += eol;
        start = i;
    }
    if start < b.len() {
        lines.push(b[start..].to_vec());
    }
    let items = lines
        .into_iter()
        .map(|l| same_kind(vm, args[0], l))
        .collect();
    Ok(vm.new_list_from(items))
}

fn join(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "join", args, kw, 2, 2)?;
    let sep = this(vm, args);
    let items = vm.collect(args[1])?;
    let mut parts = vec![];
    let mut err = None;
    for (i, it) in items.iter().enumerate() {
        match bytes_of(vm, *it) {
            Some(b) => parts.push(b),
            None => {
                let tn = vm.type_name(*it);
                err = Some(tb::join_item_error(i, &tn));
                break;
            }
        }
    }
    vm.release_all(items);
    if let Some(e) = err {
        return Err(text_err(vm, e));
    }
    let refs: Vec<&[u8]> = parts.iter().map(|p| p.as_slice()).collect();
    let out = tb::join(&sep, &refs);
    Ok(same_kind(vm, args[0], out))
}

/// A str argument of `decode`, by position `i` or keyword `name`.
fn decode_param(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    i: usize,
    name: &str,
    default: &str,
) -> PyResult<String> {
    match args.get(i).copied().or_else(|| super::kwarg(vm, kw, name)) {
        Some(e) => match vm.as_str(e) {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!("decode() argument '{name}' must be str"))),
        },
        None => Ok(default.into()),
    }
}

fn decode(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "decode", kw, &["encoding", "errors"])?;
    let b = this(vm, args);
    let enc = decode_param(vm, args, kw, 1, "encoding", "utf-8")?;
    let errors = decode_param(vm, args, kw, 2, "errors", "strict")?;
    let s = tb::decode_with(&b, &enc, &errors).map_err(|e| text_err(vm, e))?;
    Ok(vm.new_string(s))
}

/// `b.hex(sep=None, bytes_per_sep=1)`: `sep` (a str or bytes of one ASCII character)
/// between groups of `bytes_per_sep` bytes, counted from the right (from the left when
/// negative).
pub(crate) fn hex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "hex", kw, &["sep", "bytes_per_sep"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "hex() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let b = this(vm, args);
    let sep = match args.get(1).copied().or_else(|| super::kwarg(vm, kw, "sep")) {
        None => None,
        Some(s) => match (vm.as_str(s), bytes_of(vm, s)) {
            (Some(s), _) => Some(s.to_string()),
            (None, Some(b)) => Some(latin1(&b)),
            (None, None) => {
                let tn = vm.type_name(s);
                return Err(vm.type_error(format!("sep must be str or bytes, not {tn}")));
            }
        },
    };
    let per = match args
        .get(2)
        .copied()
        .or_else(|| super::kwarg(vm, kw, "bytes_per_sep"))
    {
        Some(n) => to_i64(vm, n, "")?,
        None => 1,
    };
    let s = tb::hex(&b, sep.as_deref(), per).map_err(|e| text_err(vm, e))?;
    Ok(vm.new_string(s))
}

/// `bytes.maketrans(from, to)`: the 256-byte table that maps each byte of `from` to the
/// byte of `to` at the same place, and every other byte to itself.
fn maketrans(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "maketrans", args, kw, 2, 2)?;
    let (from, to) = (arg(vm, args[0])?, arg(vm, args[1])?);
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(vm.new_bytes(table))
}

/// `translate(table, /, delete=b'')`: each byte through the table (None keeps it), the
/// bytes of `delete` left out.
fn translate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    super::check_kwargs(vm, "translate", kw, &["delete"])?;
    if args.len() < 2 {
        return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    if args.len() + kw.len() > 3 {
        let n = args.len() + kw.len() - 1;
        return Err(vm.type_error(format!("translate() takes at most 2 arguments ({n} given)")));
    }
    let table = match args[1] {
        t if t == vm.none => None,
        t => {
            let table = arg(vm, t)?;
            if table.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(table)
        }
    };
    let delete = match args.get(2).copied().or(super::kwarg(vm, kw, "delete")) {
        Some(d) => arg(vm, d)?,
        None => vec![],
    };
    let out: Vec<u8> = this(vm, args)
        .into_iter()
        .filter(|b| !delete.contains(b))
        .map(|b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(same_kind(vm, args[0], out))
}

fn fromhex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "fromhex", args, kw, 2, 2)?;
    let Some(s) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("fromhex() argument must be str"));
    };
    let mut out = vec![];
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    // (`bytearray.fromhex` makes a bytearray.)
    if args[0] == vm.type_obj(TypeTag::ByteArray) {
        return Ok(vm.heap.alloc(Kind::ByteArray(Box::new(out))));
    }
    Ok(vm.new_bytes(out))
}

/// `str(b, encoding)`.
pub fn decode_obj(vm: &mut Vm, b: ObjId, encoding: Option<ObjId>) -> PyResult<ObjId> {
    let data = arg(vm, b)?;
    let enc = match encoding.and_then(|e| vm.as_str(e).map(|s| s.to_string())) {
        Some(e) => e,
        None => "utf-8".into(),
    };
    let s = tb::decode(&data, &enc).map_err(|e| text_err(vm, e))?;
    Ok(vm.new_string(s))
}

// ---- bytearray: the mutable one ----

/// The bytes a bytearray has allocated (`ob_alloc`) once it holds `size` bytes instead
/// of `old`, by CPython 3.11's `PyByteArray_Resize`: a shrink below half reallocates to
/// fit, a growth of up to an eighth over-allocates as lists do, a larger one fits.
/// `sys.getsizeof` is 56 plus that.
fn resized_alloc(alloc: usize, old: usize, size: usize) -> usize {
    if size == old {
        alloc
    } else if size < alloc {
        if size < alloc / 2 { size + 1 } else { alloc }
    } else if size * 8 <= alloc * 9 {
        size + (size >> 3) + if size < 9 { 3 } else { 6 }
    } else {
        size + 1
    }
}

const BYTEARRAY_HEADER: usize = 56;

/// The allocation of a bytearray filled a byte at a time from empty (`bytearray(it)`
/// of an iterator), which resizes only when the next byte would not leave room.
pub(super) fn alloc_after_appends(n: usize) -> usize {
    let mut alloc = 0;
    for size in 0..n {
        if size + 1 >= alloc {
            alloc = resized_alloc(alloc, size, size + 1);
        }
    }
    alloc
}

impl Vm {
    /// Changes a bytearray's bytes through `f`, which resizes it at most once, as the
    /// CPython method does; its modelled allocation follows. A memoryview's bytearray
    /// cannot change size: then a change of size is undone, and is a BufferError.
    pub(crate) fn bytearray_edit<T>(
        &mut self,
        ba: ObjId,
        f: impl FnOnce(&mut Vec<u8>) -> T,
    ) -> PyResult<T> {
        if self.is_exported(ba)
            && let Kind::ByteArray(b) = self.heap.kind(ba)
        {
            let mut copy = (**b).clone();
            let r = f(&mut copy);
            if copy.len() != b.len() {
                return Err(self.bytearray_exported_error());
            }
            if let Kind::ByteArray(b) = self.heap.kind_mut(ba) {
                **b = copy;
            }
            return Ok(r);
        }
        let alloc = (self.heap.get(ba).size as usize).saturating_sub(BYTEARRAY_HEADER);
        let (old, new, r) = match self.heap.kind_mut(ba) {
            Kind::ByteArray(b) => {
                let old = b.len();
                let r = f(b);
                (old, b.len(), r)
            }
            _ => return Ok(f(&mut vec![])),
        };
        self.heap
            .set_size(ba, BYTEARRAY_HEADER + resized_alloc(alloc, old, new));
        Ok(r)
    }

    /// The bytes of a bytes-like object (bytes, bytearray), if it is one.
    pub(crate) fn bytes_like(&self, v: ObjId) -> Option<Vec<u8>> {
        super::memview::buffer_bytes(self, v)
    }

    /// The bytes an `extend` or `+=` takes: a bytes-like object's, or the ints of an
    /// iterable (each in range(0, 256)).
    pub(crate) fn bytes_of_iterable(&mut self, v: ObjId) -> PyResult<Vec<u8>> {
        if let Some(b) = self.bytes_like(v) {
            return Ok(b);
        }
        let items = self.collect(v)?;
        let mut out = Vec::with_capacity(items.len());
        let mut r = Ok(());
        for it in &items {
            match byte_value(self, *it) {
                Ok(b) => out.push(b),
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.release_all(items);
        r.map(|()| out)
    }
}

/// An int in range(0, 256), as a byte.
fn byte_value(vm: &mut Vm, v: ObjId) -> PyResult<u8> {
    let n = to_i64(vm, v, "")?;
    if !(0..256).contains(&n) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(n as u8)
}

fn append(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "append", args, kw, 2, 2)?;
    let v = byte_value(vm, args[1])?;
    vm.bytearray_edit(args[0], |b| b.push(v))?;
    Ok(vm.none())
}

fn extend(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "extend", args, kw, 2, 2)?;
    let more = vm.bytes_of_iterable(args[1])?;
    vm.bytearray_edit(args[0], |b| b.extend_from_slice(&more))?;
    Ok(vm.none())
}

fn insert(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "insert", args, kw, 3, 3)?;
    let i = to_i64(vm, args[1], "")?;
    let v = byte_value(vm, args[2])?;
    vm.bytearray_edit(args[0], |b| {
        let n = b.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        b.insert(at as usize, v);
    })?;
    Ok(vm.none())
}

fn pop(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "pop", args, kw, 1, 2)?;
    let len = vm.bytes_like(args[0]).map_or(0, |b| b.len());
    let at = super::pop_position(vm, args, len, "bytearray")?;
    let v = vm.bytearray_edit(args[0], |b| b.remove(at))?;
    Ok(vm.new_int(v as i64))
}

fn remove(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "remove", args, kw, 2, 2)?;
    let v = byte_value(vm, args[1])?;
    let at = vm
        .bytes_like(args[0])
        .and_then(|b| b.iter().position(|x| *x == v));
    let Some(at) = at else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    vm.bytearray_edit(args[0], |b| b.remove(at))?;
    Ok(vm.none())
}

fn clear(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "clear", args, kw, 1, 1)?;
    vm.bytearray_edit(args[0], |b| b.clear())?;
    Ok(vm.none())
}

fn reverse(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "reverse", args, kw, 1, 1)?;
    vm.bytearray_edit(args[0], |b| b.reverse())?;
    Ok(vm.none())
}

fn copy(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "copy", args, kw, 1, 1)?;
    let data = vm.bytes_like(args[0]).unwrap_or_default();
    Ok(vm.new_bytearray(data))
}

pub(super) const BYTEARRAY_METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("clear", clear),
    ("reverse", reverse),
    ("copy", copy),
];

impl Vm {
    /// A new bytearray of `data`, allocated to fit (`PyByteArray_FromStringAndSize`).
    pub(crate) fn new_bytearray(&mut self, data: Vec<u8>) -> ObjId {
        self.heap.alloc(Kind::ByteArray(Box::new(data)))
    }
}

#[cfg(test)]
mod tests {
    use super::resized_alloc;

    #[test]
    fn bytearray_allocation_follows_cpython() {
        // sys.getsizeof(b) - 56 after each append to bytearray(), from python3.
        let mut alloc = 0;
        let mut seen = vec![];
        for n in 1..=20 {
            alloc = resized_alloc(alloc, n - 1, n);
            seen.push(alloc);
        }
        assert_eq!(
            seen,
            [
                2, 5, 5, 5, 8, 8, 8, 12, 12, 12, 12, 19, 19, 19, 19, 19, 19, 19, 27, 27
            ]
        );
        assert_eq!(resized_alloc(9, 8, 11), 12);
        assert_eq!(resized_alloc(22, 15, 0), 1);
    }
}
