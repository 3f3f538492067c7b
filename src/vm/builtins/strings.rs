//! str and bytes: constructors, indexing, the methods of str, `%` formatting, f-string
//! pieces (`format()`), and the int/float constructors that parse text.

use super::{check_args, check_kwargs, kwarg, to_i64};
use crate::heap::kinds::{NativeFn, TypeTag};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::strfmt;
use crate::vm::text::{self, strings as ts};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

/// The str value of `args[0]` (the method's self).
fn this(vm: &Vm, args: &[ObjId]) -> String {
    args.first()
        .and_then(|a| vm.as_str(*a))
        .unwrap_or("")
        .to_string()
}

fn str_arg(vm: &mut Vm, v: ObjId, what: &str) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

fn opt_str(vm: &mut Vm, args: &[ObjId], i: usize, what: &str) -> PyResult<Option<String>> {
    match args.get(i) {
        Some(v) if *v != vm.none => str_arg(vm, *v, what).map(Some),
        _ => Ok(None),
    }
}

fn text_err(vm: &mut Vm, e: text::TextError) -> crate::vm::Exc {
    strfmt::text_exc(vm, e)
}

pub fn install(vm: &mut Vm) {
    const METHODS: &[(&str, NativeFn)] = &[
        ("join", join_same),
        ("split", split_same),
        ("rsplit", rsplit_same),
        ("splitlines", splitlines_same),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("replace", replace_same),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("center", center_same),
        ("ljust", ljust_same),
        ("rjust", rjust_same),
        ("zfill", zfill_same),
        ("partition", partition_same),
        ("rpartition", rpartition_same),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("removeprefix", removeprefix_same),
        ("removesuffix", removesuffix_same),
        ("expandtabs", expandtabs_same),
        ("encode", encode),
        ("format", str_format_same),
        ("format_map", str_format_map),
        ("translate", translate),
    ];
    super::add_methods(vm, TypeTag::Str, METHODS);
    // str.maketrans is a static method.
    super::add_wrapped_builtin(
        vm,
        TypeTag::Str,
        "maketrans",
        maketrans,
        None,
        Kind::StaticMethod,
    );
}

same_if_unchanged! {
    replace_same => replace,
    center_same => center,
    ljust_same => ljust,
    rjust_same => rjust,
    zfill_same => zfill,
    expandtabs_same => expandtabs,
    removeprefix_same => removeprefix,
    removesuffix_same => removesuffix,
}

/// `str.format`: a string that changes nothing is itself, and a format that is one
/// plain field (`'{}'`, `'{0}'`) of an exact str gives that str (CPython's writer keeps a
/// lone string it was given).
fn str_format_same(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let r = str_format(vm, args, kw)?;
    let lone_field = vm
        .as_str(args[0])
        .is_some_and(|f| matches!(f, "{}" | "{0}" | "{!s}" | "{0!s}"));
    if lone_field && args.len() == 2 && kw.is_empty() {
        return Ok(vm.itself_if_equal(args[1], r));
    }
    Ok(vm.itself_if_equal(args[0], r))
}

/// Wraps the str methods whose list or tuple holds the string itself when nothing was
/// split off: `'abc'.split()`, `'abc'.partition('x')`, `'abc'.splitlines()`.
macro_rules! itself_among_parts {
    ($($name:ident => $inner:ident,)*) => {$(
        fn $name(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
            let r = $inner(vm, args, kw)?;
            vm.itself_among(args[0], r);
            Ok(r)
        }
    )*};
}

itself_among_parts! {
    split_same => split,
    rsplit_same => rsplit,
    splitlines_same => splitlines,
    partition_same => partition,
    rpartition_same => rpartition,
}

/// `sep.join([s])` is `s` itself (an exact str), as in CPython.
fn join_same(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let r = join(vm, args, kw)?;
    let only = match args.get(1).map(|a| vm.heap.kind(*a)) {
        Some(Kind::List(l)) if l.items.len() == 1 => Some(l.items[0]),
        Some(Kind::Tuple(t)) if t.len() == 1 => t.first().copied(),
        _ => None,
    };
    Ok(match only {
        Some(item) => vm.itself_if_equal(item, r),
        None => r,
    })
}

impl Vm {
    /// `this` itself (a new reference) instead of `r` when `this` is an exact str or
    /// bytes equal to `r` (which is then released); `r` otherwise.
    pub(crate) fn itself_if_equal(&mut self, this: ObjId, r: ObjId) -> ObjId {
        if r == this || self.is_subclass_instance(this) {
            return r;
        }
        let same = match (self.heap.kind(this), self.heap.kind(r)) {
            (Kind::Str(a), Kind::Str(b)) => a.s == b.s,
            (Kind::Bytes(a), Kind::Bytes(b)) => a == b,
            _ => false,
        };
        if !same {
            return r;
        }
        self.heap.decref(r);
        self.heap.incref(this);
        this
    }

    /// In the list or tuple `parts`, an item equal to the exact str `this` becomes
    /// `this` itself.
    fn itself_among(&mut self, this: ObjId, parts: ObjId) {
        if self.is_subclass_instance(this) {
            return;
        }
        let Some(s) = self.as_str(this).map(|s| s.to_string()) else {
            return;
        };
        let items: Vec<ObjId> = match self.heap.kind(parts) {
            Kind::List(l) => l.items.to_vec(),
            Kind::Tuple(t) => t.to_vec(),
            _ => return,
        };
        for (i, item) in items.into_iter().enumerate() {
            if item == this || self.as_str(item) != Some(&s) {
                continue;
            }
            self.heap.incref(this);
            match self.heap.kind_mut(parts) {
                Kind::List(l) => l.items[i] = this,
                Kind::Tuple(t) => t[i] = this,
                _ => {}
            }
            self.heap.decref(item);
        }
    }
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` takes, code point to code point,
/// string or None.
fn maketrans(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "maketrans", args, kw, 1, 3)?;
    let d = vm.new_dict();
    let r = vm.while_holding(&[d], |vm| fill_maketrans(vm, d, args));
    match r {
        Ok(()) => Ok(d),
        Err(e) => {
            vm.heap.decref(d);
            Err(e)
        }
    }
}

fn fill_maketrans(vm: &mut Vm, d: ObjId, args: &[ObjId]) -> PyResult<()> {
    let set = |vm: &mut Vm, k: i64, v: ObjId| {
        let key = vm.new_int(k);
        let r = vm.dict_set(d, key, v);
        vm.heap.decref(key);
        r
    };
    if args.len() == 1 {
        if !matches!(vm.heap.kind(args[0]), Kind::Dict(_)) {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        let keys = vm.collect(args[0])?;
        let r = vm.while_holding(&keys, |vm| {
            for k in &keys {
                let v = vm.dict_lookup(args[0], *k)?.unwrap_or(vm.none);
                let code = match (
                    vm.as_str(*k).map(|s| s.chars().count()),
                    vm.small_int_of(*k),
                ) {
                    (Some(1), _) => vm
                        .as_str(*k)
                        .and_then(|s| s.chars().next())
                        .map(|c| c as i64),
                    (Some(_), _) => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        );
                    }
                    (None, Some(i)) => Some(i),
                    (None, None) => None,
                };
                let Some(code) = code else {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                };
                set(vm, code, v)?;
            }
            Ok(())
        });
        vm.release_all(keys);
        return r;
    }
    let Some(x) = vm.as_str(args[0]).map(str::to_string) else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let y = str_arg(vm, args[1], "maketrans() argument 2")?;
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        let v = vm.new_int(b as i64);
        let r = set(vm, a as i64, v);
        vm.heap.decref(v);
        r?;
    }
    if let Some(z) = args.get(2) {
        let z = str_arg(vm, *z, "maketrans() argument 3")?;
        for c in z.chars() {
            let none = vm.none;
            set(vm, c as i64, none)?;
        }
    }
    Ok(())
}

/// `s.translate(table)`: each character looked up in the table by its code point (a
/// LookupError keeps it); None deletes it, an int or a str replaces it.
fn translate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "translate", args, kw, 2, 2)?;
    let s = this(vm, args);
    let table = args[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = vm.new_int(c as i64);
        let r = vm.while_holding(&[key], |vm| vm.getitem(table, key));
        vm.heap.decref(key);
        let v = match r {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, vm.exc_types.lookup_error) => {
                vm.heap.decref(e.0);
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        let piece = if v == vm.none {
            Ok(None)
        } else if let Some(t) = vm.as_str(v) {
            Ok(Some(t.to_string()))
        } else if let Some(i) = vm.small_int_of(v) {
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => Ok(Some(ch.to_string())),
                None => Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            Err(vm.type_error("character mapping must return integer, None or str"))
        };
        vm.heap.decref(v);
        if let Some(p) = piece? {
            out.push_str(&p);
        }
    }
    Ok(vm.new_string(out))
}

fn join(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "join", args, kw, 2, 2)?;
    let sep = this(vm, args);
    let items = vm.collect(args[1])?;
    let mut out = String::new();
    let mut err = None;
    for (i, it) in items.iter().enumerate() {
        match vm.as_str(*it) {
            Some(s) => {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(s);
            }
            None => {
                let tn = vm.type_name(*it);
                err = Some(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
                break;
            }
        }
    }
    vm.release_all(items);
    if let Some(e) = err {
        return Err(e);
    }
    Ok(vm.new_string(out))
}

/// A new list of the strings, with the capacity `prealloc` then appends give it, as the
/// CPython function that made it (see [`Vm::new_list_appended`]).
fn str_list(vm: &mut Vm, parts: Vec<String>, prealloc: usize) -> ObjId {
    let items: Vec<_> = parts.into_iter().map(|p| vm.new_string(p)).collect();
    vm.new_list_appended(items, prealloc)
}

fn split_args(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
) -> PyResult<(String, Option<String>, i64)> {
    check_kwargs(vm, name, kw, &["sep", "maxsplit"])?;
    let s = this(vm, args);
    let sep_obj = args.get(1).copied().or_else(|| kwarg(vm, kw, "sep"));
    let sep = match sep_obj {
        Some(v) if v != vm.none => Some(str_arg(vm, v, "sep")?),
        _ => None,
    };
    if sep.as_deref() == Some("") {
        return Err(vm.value_error("empty separator"));
    }
    let max = match args.get(2).copied().or_else(|| kwarg(vm, kw, "maxsplit")) {
        Some(v) => to_i64(vm, v, "")?,
        None => -1,
    };
    Ok((s, sep, max))
}

fn split(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (s, sep, max) = split_args(vm, args, kw, "split")?;
    let parts = ts::split(&s, sep.as_deref(), max).map_err(|e| text_err(vm, e))?;
    Ok(str_list(vm, parts, 12))
}

fn rsplit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let (s, sep, max) = split_args(vm, args, kw, "rsplit")?;
    let parts = ts::rsplit(&s, sep.as_deref(), max).map_err(|e| text_err(vm, e))?;
    Ok(str_list(vm, parts, 12))
}

fn splitlines(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "splitlines", kw, &["keepends"])?;
    let keep = match args.get(1).copied().or_else(|| kwarg(vm, kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let s = this(vm, args);
    let parts = ts::splitlines(&s, keep);
    Ok(str_list(vm, parts, 0))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 2)?;
    let s = this(vm, args);
    let chars = opt_str(vm, args, 1, "strip arg")?;
    let r = match (left, right) {
        (true, true) => ts::strip(&s, chars.as_deref()),
        (true, false) => ts::lstrip(&s, chars.as_deref()),
        _ => ts::rstrip(&s, chars.as_deref()),
    };
    // (An exact str that loses nothing is itself; a subclass's instance gives a str.)
    if r.len() == s.len() && !vm.is_subclass_instance(args[0]) {
        vm.heap.incref(args[0]);
        return Ok(args[0]);
    }
    Ok(vm.new_string(r))
}

fn strip(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    strip_impl(vm, args, kw, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn map_str(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    f: fn(&str) -> String,
) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    let s = this(vm, args);
    let r = f(&s);
    Ok(vm.new_string(r))
}

fn upper(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    map_str(vm, args, kw, "upper", ts::upper)
}
fn lower(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    map_str(vm, args, kw, "lower", ts::lower)
}
fn casefold(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    map_str(vm, args, kw, "casefold", ts::casefold)
}
fn title(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    map_str(vm, args, kw, "title", ts::title)
}
fn capitalize(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    map_str(vm, args, kw, "capitalize", ts::capitalize)
}
fn swapcase(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    map_str(vm, args, kw, "swapcase", ts::swapcase)
}

fn replace(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "replace", args, kw, 3, 4)?;
    let s = this(vm, args);
    let old = str_arg(vm, args[1], "replace() argument 1")?;
    let new = str_arg(vm, args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(v) => to_i64(vm, *v, "")?,
        None => -1,
    };
    Ok(vm.new_string(ts::replace(&s, &old, &new, count)))
}

/// The optional `start, end` of a search method, from `args[from]` on (None for absent
/// or None); str's and bytes' methods share it.
pub(super) fn range_args(
    vm: &mut Vm,
    args: &[ObjId],
    from: usize,
) -> PyResult<(Option<i64>, Option<i64>)> {
    let get = |vm: &mut Vm, i: usize| match args.get(i) {
        Some(&v) => vm.slice_index(v),
        None => Ok(None),
    };
    Ok((get(vm, from)?, get(vm, from + 1)?))
}

fn affix(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, ends: bool) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 4)?;
    let s = this(vm, args);
    let (start, end) = range_args(vm, args, 2)?;
    let cands: Vec<String> = match vm.heap.kind(args[1]) {
        Kind::Str(x) => vec![x.s.to_string()],
        Kind::Tuple(t) => {
            let t = t.to_vec();
            let mut v = vec![];
            for x in t {
                v.push(str_arg(
                    vm,
                    x,
                    "tuple for startswith must only contain str, not",
                )?);
            }
            v
        }
        _ => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )));
        }
    };
    let refs: Vec<&str> = cands.iter().map(|c| c.as_str()).collect();
    let r = if ends {
        ts::endswith(&s, &refs, start, end)
    } else {
        ts::startswith(&s, &refs, start, end)
    };
    Ok(vm.new_bool(r))
}

fn startswith(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    affix(vm, args, kw, "startswith", false)
}
fn endswith(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    affix(vm, args, kw, "endswith", true)
}

fn find_impl(
    vm: &mut Vm,
    args: &[ObjId],
    kw: Kw,
    name: &str,
    rev: bool,
    raise: bool,
) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 4)?;
    let s = this(vm, args);
    let sub = str_arg(vm, args[1], "must be str, not").map_err(|e| {
        vm.heap.decref(e.0);
        let tn = vm.type_name(args[1]);
        vm.type_error(format!("must be str, not {tn}"))
    })?;
    let (start, end) = range_args(vm, args, 2)?;
    let r = if rev {
        ts::rfind(&s, &sub, start, end)
    } else {
        ts::find(&s, &sub, start, end)
    };
    if r < 0 && raise {
        return Err(vm.value_error("substring not found"));
    }
    Ok(vm.new_int(r))
}

fn find(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    find_impl(vm, args, kw, "find", false, false)
}
fn rfind(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    find_impl(vm, args, kw, "rfind", true, false)
}
fn index(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    find_impl(vm, args, kw, "index", false, true)
}
fn rindex(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    find_impl(vm, args, kw, "rindex", true, true)
}

fn count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "count", args, kw, 2, 4)?;
    let s = this(vm, args);
    let sub = str_arg(vm, args[1], "must be str, not")?;
    let (start, end) = range_args(vm, args, 2)?;
    Ok(vm.new_int(ts::count(&s, &sub, start, end) as i64))
}

fn pad(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, how: char) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 2, 3)?;
    let s = this(vm, args);
    let width = to_i64(vm, args[1], "")?;
    vm.check_alloc(width.max(0) as u128 * 4)?;
    let fill = match args.get(2) {
        Some(f) => {
            let f = str_arg(vm, *f, "fill character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
        None => ' ',
    };
    let r = match how {
        '^' => ts::center(&s, width, fill),
        '<' => ts::ljust(&s, width, fill),
        _ => ts::rjust(&s, width, fill),
    };
    Ok(vm.new_string(r))
}

fn center(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pad(vm, args, kw, "center", '^')
}
fn ljust(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pad(vm, args, kw, "ljust", '<')
}
fn rjust(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pad(vm, args, kw, "rjust", '>')
}

fn zfill(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "zfill", args, kw, 2, 2)?;
    let s = this(vm, args);
    let width = to_i64(vm, args[1], "")?;
    vm.check_alloc(width.max(0) as u128)?;
    Ok(vm.new_string(ts::zfill(&s, width)))
}

fn partition_impl(vm: &mut Vm, args: &[ObjId], kw: Kw, rev: bool) -> PyResult<ObjId> {
    check_args(vm, "partition", args, kw, 2, 2)?;
    let s = this(vm, args);
    let sep = str_arg(vm, args[1], "must be str, not")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.rfind(&sep) } else { s.find(&sep) };
    let (a, b, c) = match found {
        Some(i) => (
            s[..i].to_string(),
            sep.clone(),
            s[i + sep.len()..].to_string(),
        ),
        None if rev => (String::new(), String::new(), s.clone()),
        None => (s.clone(), String::new(), String::new()),
    };
    let items = vec![vm.new_string(a), vm.new_string(b), vm.new_string(c)];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    partition_impl(vm, args, kw, false)
}
fn rpartition(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    partition_impl(vm, args, kw, true)
}

fn pred(vm: &mut Vm, args: &[ObjId], kw: Kw, name: &str, f: fn(&str) -> bool) -> PyResult<ObjId> {
    check_args(vm, name, args, kw, 1, 1)?;
    let s = this(vm, args);
    Ok(vm.new_bool(f(&s)))
}

fn isdigit(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isdigit", ts::isdigit)
}
fn isdecimal(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isdecimal", ts::isdecimal)
}
fn isnumeric(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isnumeric", ts::isnumeric)
}
fn isalpha(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isalpha", ts::isalpha)
}
fn isalnum(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isalnum", ts::isalnum)
}
fn isspace(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isspace", ts::isspace)
}
fn isupper(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isupper", ts::isupper)
}
fn islower(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "islower", ts::islower)
}
fn istitle(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "istitle", ts::istitle)
}
fn isidentifier(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isidentifier", ts::isidentifier)
}
fn isascii(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isascii", ts::isascii)
}
fn isprintable(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    pred(vm, args, kw, "isprintable", ts::isprintable)
}

fn removeprefix(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "removeprefix", args, kw, 2, 2)?;
    let s = this(vm, args);
    let p = str_arg(vm, args[1], "removeprefix() argument")?;
    Ok(vm.new_string(s.strip_prefix(&*p).unwrap_or(&s).to_string()))
}

fn removesuffix(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "removesuffix", args, kw, 2, 2)?;
    let s = this(vm, args);
    let p = str_arg(vm, args[1], "removesuffix() argument")?;
    Ok(vm.new_string(s.strip_suffix(&*p).unwrap_or(&s).to_string()))
}

fn expandtabs(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "expandtabs", args, kw, 1, 2)?;
    let s = this(vm, args);
    let size = match args.get(1) {
        Some(v) => to_i64(vm, *v, "")?,
        None => 8,
    };
    if i32::try_from(size).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    // (At most `size` spaces a tab.)
    let tabs = s.matches('\t').count() as u128;
    vm.check_alloc(s.len() as u128 + tabs * size.max(0) as u128)?;
    Ok(vm.new_string(ts::expandtabs(&s, size)))
}

fn encode(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "encode", kw, &["encoding", "errors"])?;
    let s = this(vm, args);
    let enc = match args.get(1).copied().or_else(|| kwarg(vm, kw, "encoding")) {
        Some(e) => str_arg(vm, e, "encode() argument 'encoding'")?,
        None => "utf-8".into(),
    };
    let errors = match args.get(2).copied().or_else(|| kwarg(vm, kw, "errors")) {
        Some(e) => str_arg(vm, e, "encode() argument 'errors'")?,
        None => "strict".into(),
    };
    let bytes = ts::encode_with(&s, &enc, &errors).map_err(|e| text_err(vm, e))?;
    Ok(vm.new_bytes(bytes))
}

/// `s[i]` and `s[a:b:c]` by code points.
pub fn str_getitem(vm: &mut Vm, obj: ObjId, key: ObjId) -> PyResult<ObjId> {
    let (len, ascii) = match vm.heap.kind(obj) {
        Kind::Str(s) => (s.chars as usize, s.is_ascii()),
        _ => (0, true),
    };
    if matches!(vm.heap.kind(key), Kind::Slice(_)) {
        let (start, stop, step) = vm.slice_indices(key, len)?;
        // A whole exact str is itself (a subclass's instance gives a str).
        if step == 1 && start == 0 && stop as usize == len && !vm.is_subclass_instance(obj) {
            vm.heap.incref(obj);
            return Ok(obj);
        }
        let s = vm.as_str(obj).unwrap_or("");
        let out: String = if ascii && step == 1 {
            if start < stop {
                s[start as usize..stop as usize].to_string()
            } else {
                String::new()
            }
        } else {
            let chars: Vec<char> = s.chars().collect();
            super::slice_positions(start, stop, step)
                .map(|i| chars[i])
                .collect()
        };
        return Ok(vm.new_string(out));
    }
    let i = vm.index_of(key, "string")?;
    let idx = if i < 0 { i + len as i64 } else { i };
    if idx < 0 || idx as usize >= len {
        return Err(vm.index_error("string index out of range"));
    }
    let s = vm.as_str(obj).unwrap_or("");
    let c = if ascii {
        s.as_bytes()[idx as usize] as char
    } else {
        s.chars().nth(idx as usize).unwrap_or(' ')
    };
    Ok(vm.new_char(c))
}

/// `str(x)`, `str(b, encoding)`.
pub fn str_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    // (str's own wording, from its argument clinic.)
    for (k, _) in kw {
        let n = vm.heap.sym_name(*k);
        if !["object", "encoding", "errors"].contains(&&*n) {
            return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for str()")));
        }
    }
    let obj = args.first().copied().or_else(|| kwarg(vm, kw, "object"));
    match obj {
        None => Ok(vm.new_str("")),
        Some(o) => {
            if args.len() > 1 || kwarg(vm, kw, "encoding").is_some() {
                return super::bytes::decode_obj(vm, o, args.get(1).copied());
            }
            if vm.is_str(o) && !vm.is_subclass_instance(o) {
                vm.heap.incref(o);
                return Ok(o);
            }
            let s = vm.str_of(o)?;
            Ok(vm.new_string(s))
        }
    }
}

/// The bytes of an iterable of ints in range(0, 256), as `bytes(iterable)` takes them
/// (with its errors for an int out of range or a non-int).
pub fn bytes_from_iterable(vm: &mut Vm, v: ObjId) -> PyResult<Vec<u8>> {
    let items = vm.collect(v)?;
    let mut out = vec![];
    let mut err = None;
    for i in &items {
        match vm.small_int_of(*i) {
            Some(x) if (0..256).contains(&x) => out.push(x as u8),
            Some(_) => {
                err = Some(vm.value_error("bytes must be in range(0, 256)"));
                break;
            }
            None => {
                let tn = vm.type_name(*i);
                err = Some(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")),
                );
                break;
            }
        }
    }
    vm.release_all(items);
    match err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

pub fn bytes_new(vm: &mut Vm, tag: TypeTag, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, tag.name(), kw, &["source", "encoding", "errors"])?;
    let has_encoding = args.len() >= 2 || kwarg(vm, kw, "encoding").is_some();
    // `bytes(b)` of an exact bytes object is that object.
    if tag == TypeTag::Bytes
        && args.len() == 1
        && kw.is_empty()
        && matches!(vm.heap.kind(args[0]), Kind::Bytes(_))
        && !vm.is_subclass_instance(args[0])
    {
        vm.heap.incref(args[0]);
        return Ok(args[0]);
    }
    let data: Vec<u8> = match args.first() {
        None => vec![],
        Some(v) => match vm.heap.kind(*v) {
            Kind::Str(s) => {
                if !has_encoding {
                    return Err(vm.type_error("string argument without an encoding"));
                }
                s.s.as_bytes().to_vec()
            }
            Kind::Int(n) if *n < 0 => return Err(vm.value_error("negative count")),
            &Kind::Int(n) => {
                vm.check_alloc(n as u128)?;
                vec![0; n as usize]
            }
            Kind::Bytes(b) | Kind::ByteArray(b) => (**b).clone(),
            Kind::Array(_) | Kind::MemoryView(_) => super::memview::bytes_of_buffer(vm, *v)?,
            _ => bytes_from_iterable(vm, *v)?,
        },
    };
    // `bytearray(iterable)` other than a list or tuple grows a byte at a time, as
    // CPython's `bytearray.__init__` does.
    let grown = tag == TypeTag::ByteArray
        && args.first().is_some_and(|v| {
            !matches!(
                vm.heap.kind(*v),
                Kind::Str(_)
                    | Kind::Int(_)
                    | Kind::Bool(_)
                    | Kind::Bytes(_)
                    | Kind::ByteArray(_)
                    | Kind::List(_)
                    | Kind::Tuple(_)
            )
        });
    let n = data.len();
    Ok(if tag == TypeTag::Bytes {
        vm.new_bytes(data)
    } else {
        let ba = vm.new_bytearray(data);
        if grown {
            vm.heap
                .set_size(ba, 56 + super::bytes::alloc_after_appends(n));
        }
        ba
    })
}

/// `int(x)`, `int(s, base)`.
pub fn int_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if args.len() + kw.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    // (int's own wording for an unknown keyword.)
    if let Some((k, _)) = kw.iter().find(|(k, _)| &*vm.heap.sym_name(*k) != "base") {
        let k = vm.heap.sym_name(*k);
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for int()")));
    }
    let base = match args.get(1).copied().or_else(|| kwarg(vm, kw, "base")) {
        Some(b) => Some(to_i64(vm, b, "")?),
        None => None,
    };
    let Some(v) = args.first().copied() else {
        return Ok(vm.new_int(0));
    };
    if let Some(s) = vm.as_str(v).map(|s| s.to_string()) {
        let b = base.unwrap_or(10);
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match crate::vm::num::Int::parse(&s, b as u32) {
            Ok(i) => Ok(vm.new_int_from(i)),
            Err(e) => Err(vm.num_err(e)),
        };
    }
    if base.is_some() {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    // A subclass's own `__int__` comes first (PyNumber_Long asks the type's slot).
    if let Some(r) = vm.call_sub_special(v, vm.names.int, &[])? {
        return Ok(r);
    }
    match vm.heap.kind(v) {
        Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) | Kind::Bool(_) => {
            let i = vm.int_of(v).unwrap_or(crate::vm::num::Int::Small(0));
            Ok(vm.new_int_from(i))
        }
        Kind::Float(_) | Kind::FloatSub(_) => {
            let f = vm.float_of(v).unwrap_or(0.0);
            match crate::vm::num::Int::from_f64(f) {
                Ok(i) => Ok(vm.new_int_from(i)),
                Err(e) => Err(vm.num_err(e)),
            }
        }
        Kind::Bytes(b) => {
            let s = String::from_utf8_lossy(b).to_string();
            match crate::vm::num::Int::parse(&s, 10) {
                Ok(i) => Ok(vm.new_int_from(i)),
                Err(e) => Err(vm.num_err(e)),
            }
        }
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.try_dunder(v, name, &[])? {
                    return Ok(r);
                }
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
    }
}

/// `float(x)`.
pub fn float_new(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "float", args, kw, 0, 1)?;
    let Some(v) = args.first().copied() else {
        return Ok(vm.new_float(0.0));
    };
    if let Some(s) = vm.as_str(v).map(|s| s.to_string()) {
        return match crate::vm::num::parse_float(&s) {
            Ok(f) => Ok(vm.new_float(f)),
            Err(e) => Err(vm.num_err(e)),
        };
    }
    if let Some(r) = vm.call_sub_special(v, vm.names.float, &[])? {
        return Ok(r);
    }
    match vm.heap.kind(v) {
        Kind::Float(f) => {
            let f = *f;
            Ok(vm.new_float(f))
        }
        Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) | Kind::Bool(_) | Kind::FloatSub(_) => {
            let f = vm.float_value(v)?;
            Ok(vm.new_float(f))
        }
        _ => {
            if let Some(r) = vm.try_dunder(v, "__float__", &[])? {
                return Ok(r);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{tn}'"
            )))
        }
    }
}

/// `fmt % args` for str.
pub fn percent(vm: &mut Vm, fmt: ObjId, args: ObjId) -> PyResult<ObjId> {
    let f = vm.as_str(fmt).unwrap_or("").to_string();
    let r = strfmt::percent_format(vm, &f, args)?;
    // A format that is one `%s` of a str, which comes out unchanged, gives that str
    // itself: CPython's writer keeps the one string it was given (`'%s' % s is s`).
    let sole = match vm.heap.kind(args) {
        Kind::Tuple(t) if t.len() == 1 && t.ext.is_none() => Some(t[0]),
        Kind::Tuple(_) => None,
        _ => Some(args),
    };
    let r = vm.new_string(r);
    match sole {
        Some(arg)
            if f.starts_with('%')
                && f.ends_with('s')
                && f.matches('%').count() == 1
                && !f.contains('(')
                && vm.is_str(arg) =>
        {
            Ok(vm.itself_if_equal(arg, r))
        }
        _ => Ok(r),
    }
}

/// `'{} {}'.format(...)`.
fn str_format(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    let s = this(vm, args);
    let r = strfmt::str_format(vm, &s, &args[1..], kw)?;
    Ok(vm.new_string(r))
}

/// `'{x}'.format_map(mapping)`: the fields' names looked up in the mapping (with
/// `mapping[name]`, so a dict subclass's `__missing__` counts).
fn str_format_map(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "format_map", args, kw, 2, 2)?;
    let s = this(vm, args);
    let r = strfmt::str_format_map(vm, &s, args[1])?;
    Ok(vm.new_string(r))
}

impl Vm {
    /// `format(value, spec)` with an optional `!s`/`!r`/`!a` conversion first (f-strings).
    pub fn format_value(&mut self, v: ObjId, conversion: u32, spec: ObjId) -> PyResult<ObjId> {
        // A subclass of a built-in type that defines `__format__` (an enum with a str
        // mixin) formats itself.
        if conversion == 0
            && let Some(f) = self.sub_special(v, self.names.format)
        {
            let spec_obj = if spec.is_null() {
                self.new_str("")
            } else {
                self.heap.incref(spec);
                spec
            };
            let r = self.while_holding(&[spec_obj], |vm| vm.call_found(f, &[v, spec_obj]));
            self.heap.decref(spec_obj);
            return r;
        }
        // `!s` of a str is the str itself (PyObject_Str), as is its empty format.
        let no_spec = spec.is_null() || self.as_str(spec).is_some_and(str::is_empty);
        if conversion == 1
            && no_spec
            && matches!(self.heap.kind(v), Kind::Str(_))
            && !self.is_subclass_instance(v)
        {
            self.heap.incref(v);
            return Ok(v);
        }
        let converted = match conversion {
            1 => Some(self.str_of(v)?),
            2 => Some(self.repr_of(v)?),
            3 => Some(strfmt::ascii_escape(&self.repr_of(v)?)),
            _ => None,
        };
        let spec_s = if spec.is_null() {
            String::new()
        } else {
            self.as_str(spec).unwrap_or("").to_string()
        };
        if let Some(s) = converted {
            if spec_s.is_empty() {
                return Ok(self.new_string(s));
            }
            let r =
                text::format(text::Formattable::Str(&s), &spec_s).map_err(|e| text_err(self, e))?;
            return Ok(self.new_string(r));
        }
        if spec_s.is_empty() && self.is_str(v) && !self.is_subclass_instance(v) {
            self.heap.incref(v);
            return Ok(v);
        }
        // `format(x, '')` of a subclass's instance is `str(x)` (int.__format__,
        // str.__format__ say so).
        if spec_s.is_empty() && self.is_subclass_instance(v) {
            let s = self.str_of(v)?;
            return Ok(self.new_string(s));
        }
        let r = match self.heap.kind(v) {
            Kind::Str(s) => {
                let s = s.s.to_string();
                text::format(text::Formattable::Str(&s), &spec_s)
            }
            Kind::Bool(b) => {
                let b = *b;
                text::format(text::Formattable::Bool(b), &spec_s)
            }
            Kind::Int(_) | Kind::BigInt(_) | Kind::IntSub(_) => {
                let i = self
                    .int_of(v)
                    .unwrap_or(crate::vm::num::Int::Small(0))
                    .to_bigint();
                text::format(text::Formattable::Int(&i), &spec_s)
            }
            Kind::Float(_) | Kind::FloatSub(_) => {
                let f = self.float_of(v).unwrap_or(0.0);
                text::format(text::Formattable::Float(f), &spec_s)
            }
            _ => {
                // (An f-string without a spec gives `__format__` the empty string.)
                let r = if spec.is_null() {
                    let spec = self.new_str("");
                    let r =
                        self.while_holding(&[spec], |vm| vm.try_dunder(v, "__format__", &[spec]));
                    self.heap.decref(spec);
                    r
                } else {
                    self.try_dunder(v, "__format__", &[spec])
                };
                if let Some(r) = r? {
                    return Ok(r);
                }
                if !spec_s.is_empty() {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!(
                        "unsupported format string passed to {tn}.__format__"
                    )));
                }
                let s = self.str_of(v)?;
                return Ok(self.new_string(s));
            }
        };
        match r {
            Ok(s) => Ok(self.new_string(s)),
            Err(e) => Err(text_err(self, e)),
        }
    }
}
