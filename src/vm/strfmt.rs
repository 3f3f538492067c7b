//! The vm's side of string formatting: `fmt % args` and `str.format` evaluate their
//! fields on real objects (`str()`, `repr()`, attribute and item lookups) around the pure
//! parsers and formatters in [`super::text`].

use num_bigint::BigInt;

use super::text::percent::{Arg, PercentSource, percent_format as text_percent};
use super::text::{
    ExcKind, FieldKey, FieldPart, Piece, TextError, TextResult, parse_format_string,
};
use super::{Exc, PyResult, Vm};
use crate::heap::{Kind, ObjId, Sym};

/// `ascii()` of a repr: every non-ASCII character escaped as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// Turns a text error into the Python exception.
pub fn text_exc(vm: &mut Vm, e: TextError) -> Exc {
    let class = match e.kind {
        ExcKind::MemoryError => return vm.memory_error(),
        ExcKind::TypeError => vm.exc_types.type_error,
        ExcKind::KeyError => vm.exc_types.key_error,
        ExcKind::IndexError => vm.exc_types.index_error,
        ExcKind::OverflowError => vm.exc_types.overflow_error,
        ExcKind::UnicodeDecodeError => vm.exc_types.unicode_decode_error,
        ExcKind::UnicodeEncodeError => vm.exc_types.unicode_encode_error,
        ExcKind::LookupError => vm.exc_types.lookup_error,
        ExcKind::ValueError => vm.exc_types.value_error,
    };
    if e.kind == ExcKind::KeyError {
        // The message is repr(key); the exception's argument is the key itself.
        let key = e
            .message
            .strip_prefix('\'')
            .and_then(|m| m.strip_suffix('\''))
            .unwrap_or(&e.message);
        let k = vm.new_str(key);
        let ex = vm.key_error(k);
        vm.heap.decref(k);
        return ex;
    }
    vm.new_exception(class, &e.message)
}

/// The right operand of `%`, seen through the vm.
struct Source<'a> {
    vm: &'a mut Vm,
    args: ObjId,
    /// A Python exception raised while formatting (a failing `__str__`), kept to re-raise.
    pending: Option<Exc>,
    /// A bytes format: `%(key)s` looks up the key as bytes.
    bytes_keys: bool,
}

impl Source<'_> {
    fn arg(&mut self, v: ObjId) -> Arg {
        let vm = &mut *self.vm;
        match vm.heap.kind(v) {
            Kind::Bool(b) => Arg::Bool(*b),
            Kind::Int(i) => Arg::Int(BigInt::from(*i)),
            Kind::BigInt(b) => Arg::Int((**b).clone()),
            // A subclass's instance formats through its class (`%s` calls its `__str__`:
            // an IntEnum member, a `class Money(int)` with its own `__str__`), and `%d`
            // by its value.
            Kind::IntSub(i) => {
                let value = i.value.to_bigint();
                Arg::Object {
                    id: v.0 as u64,
                    type_name: vm.type_name(v).to_string(),
                    float: num_traits::ToPrimitive::to_f64(&value),
                    int: Some(value.clone()),
                    index: Some(value),
                }
            }
            Kind::Float(f) => Arg::Float(*f),
            // (`%s` through its class, `%f` and `%d` by its value.)
            Kind::FloatSub(f) => {
                let x = f.value;
                Arg::Object {
                    id: v.0 as u64,
                    type_name: vm.type_name(v).to_string(),
                    float: Some(x),
                    int: crate::vm::num::Int::from_f64(x).ok().map(|i| i.to_bigint()),
                    index: None,
                }
            }
            Kind::Str(s) if s.ext.is_none() => Arg::Str(s.s.to_string()),
            Kind::Bytes(b) if !vm.is_subclass_instance(v) => Arg::Bytes {
                data: b.to_vec(),
                type_name: "bytes",
            },
            Kind::ByteArray(b) if !vm.is_subclass_instance(v) => Arg::Bytes {
                data: b.to_vec(),
                type_name: "bytearray",
            },
            _ => Arg::Object {
                id: v.0 as u64,
                type_name: vm.type_name(v).to_string(),
                int: None,
                index: None,
                float: None,
            },
        }
    }

    fn stash(&mut self, e: Exc) -> TextError {
        if let Some(old) = self.pending.replace(e) {
            self.vm.heap.decref(old.0);
        }
        TextError::new(ExcKind::ValueError, "")
    }
}

impl PercentSource for Source<'_> {
    fn tuple_len(&self) -> Option<usize> {
        match self.vm.heap.kind(self.args) {
            Kind::Tuple(t) => Some(t.len()),
            _ => None,
        }
    }

    fn is_mapping(&self) -> bool {
        matches!(self.vm.heap.kind(self.args), Kind::Dict(_))
            || matches!(self.vm.heap.kind(self.args), Kind::Instance(_))
    }

    fn get(&mut self, i: usize) -> Arg {
        let v = match self.vm.heap.kind(self.args) {
            Kind::Tuple(t) => t.get(i).copied().unwrap_or(self.vm.none),
            _ => self.args,
        };
        self.arg(v)
    }

    fn mapping_get(&mut self, key: &str) -> TextResult<Arg> {
        let k = if self.bytes_keys {
            self.vm.new_bytes(crate::vm::text::bytes::from_latin1(key))
        } else {
            self.vm.new_str(key)
        };
        let r = self.vm.getitem(self.args, k);
        self.vm.heap.decref(k);
        match r {
            Ok(v) => {
                let a = self.arg(v);
                // The object stays alive: the mapping holds it.
                self.vm.heap.decref(v);
                Ok(a)
            }
            Err(e) => Err(self.stash(e)),
        }
    }

    fn text(&mut self, id: u64, repr: bool) -> TextResult<String> {
        let v = ObjId(id as u32);
        let r = if repr {
            self.vm.repr_of(v)
        } else {
            self.vm.str_of(v)
        };
        r.map_err(|e| self.stash(e))
    }

    fn bytes(&mut self, id: u64) -> TextResult<Option<Vec<u8>>> {
        let v = ObjId(id as u32);
        let vm = &mut *self.vm;
        if let Some(b) = vm.bytes_like(v) {
            return Ok(Some(b));
        }
        let r = match vm.try_dunder(v, "__bytes__", &[]) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(None),
            Err(e) => return Err(self.stash(e)),
        };
        let data = match vm.heap.kind(r) {
            Kind::Bytes(b) => Some(b.to_vec()),
            _ => None,
        };
        let tn = vm.type_name(r);
        vm.heap.decref(r);
        match data {
            Some(d) => Ok(Some(d)),
            None => Err(TextError::type_error(format!(
                "__bytes__ returned non-bytes (type {tn})"
            ))),
        }
    }
}

/// `fmt % args` (args borrowed).
pub fn percent_format(vm: &mut Vm, fmt: &str, args: ObjId) -> PyResult<String> {
    run_percent(vm, args, false, |src| text_percent(fmt, src))
}

/// `fmt % args` for a bytes or bytearray format (args borrowed).
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: ObjId) -> PyResult<Vec<u8>> {
    run_percent(vm, args, true, |src| {
        crate::vm::text::percent::percent_format_bytes(fmt, src)
    })
}

/// Runs a `%` formatting over `args` as a [`Source`]: a Python exception a conversion
/// raised comes first, then the formatter's own error.
fn run_percent<T>(
    vm: &mut Vm,
    args: ObjId,
    bytes_keys: bool,
    f: impl FnOnce(&mut Source<'_>) -> TextResult<T>,
) -> PyResult<T> {
    let mut src = Source {
        vm,
        args,
        pending: None,
        bytes_keys,
    };
    let r = f(&mut src);
    let pending = src.pending.take();
    match (r, pending) {
        (_, Some(e)) => Err(e),
        (Ok(s), None) => Ok(s),
        (Err(e), None) => Err(text_exc(vm, e)),
    }
}

/// `template.format(*args, **kw)` (all borrowed).
pub fn str_format(
    vm: &mut Vm,
    template: &str,
    args: &[ObjId],
    kw: &[(Sym, ObjId)],
) -> PyResult<String> {
    let pieces = parse_format_string(template).map_err(|e| text_exc(vm, e))?;
    render(vm, &pieces, args, kw)
}

/// `template.format_map(mapping)`: each field name, in order, is `mapping[name]` (the
/// values are held while the rest are looked up and the template renders).
pub fn str_format_map(vm: &mut Vm, template: &str, mapping: ObjId) -> PyResult<String> {
    let pieces = parse_format_string(template).map_err(|e| text_exc(vm, e))?;
    fn names<'p>(pieces: &'p [Piece], out: &mut Vec<Option<&'p str>>) {
        for p in pieces {
            if let Piece::Field(f) = p {
                out.push(match &f.name.first {
                    FieldKey::Name(n) => Some(n.as_str()),
                    FieldKey::Index(_) => None,
                });
                names(&f.spec, out);
            }
        }
    }
    let mut wanted = vec![];
    names(&pieces, &mut wanted);
    let mark = vm.held.len();
    let mut kw: Vec<(Sym, ObjId)> = vec![];
    let mut result = Ok(());
    for name in wanted {
        let Some(name) = name else {
            result = Err(vm.value_error("Format string contains positional fields"));
            break;
        };
        let sym = vm.heap.intern_sym(name);
        if kw.iter().any(|(k, _)| *k == sym) {
            continue;
        }
        let key = vm.new_str(name);
        let v = vm.while_holding(&[key], |vm| vm.getitem(mapping, key));
        vm.heap.decref(key);
        match v {
            Ok(v) => {
                vm.held.push(v);
                kw.push((sym, v));
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    let out = match result {
        Ok(()) => render(vm, &pieces, &[], &kw),
        Err(e) => Err(e),
    };
    let values = vm.held.split_off(mark);
    vm.release_all(values);
    out
}

fn render(vm: &mut Vm, pieces: &[Piece], args: &[ObjId], kw: &[(Sym, ObjId)]) -> PyResult<String> {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Literal(s) => out.push_str(s),
            Piece::Field(f) => {
                if let Some(e) = &f.error {
                    return Err(text_exc(vm, e.clone()));
                }
                let base = match &f.name.first {
                    FieldKey::Index(i) => match args.get(*i) {
                        Some(v) => {
                            vm.heap.incref(*v);
                            *v
                        }
                        None => {
                            return Err(vm.index_error(format!(
                                "Replacement index {i} out of range for positional args tuple"
                            )));
                        }
                    },
                    FieldKey::Name(n) => {
                        let sym = vm.heap.intern_sym(n);
                        match kw.iter().find(|(k, _)| *k == sym) {
                            Some((_, v)) => {
                                vm.heap.incref(*v);
                                *v
                            }
                            None => {
                                let k = vm.new_str(n);
                                let e = vm.key_error(k);
                                vm.heap.decref(k);
                                return Err(e);
                            }
                        }
                    }
                };
                let mut cur = base;
                for part in &f.name.parts {
                    let next = match part {
                        FieldPart::Attr(a) => {
                            let s = vm.heap.intern_sym(a);
                            vm.getattr(cur, s)
                        }
                        FieldPart::Index(i) => {
                            let k = vm.new_int(*i as i64);
                            let r = vm.getitem(cur, k);
                            vm.heap.decref(k);
                            r
                        }
                        FieldPart::Key(key) => {
                            let k = vm.new_str(key);
                            let r = vm.getitem(cur, k);
                            vm.heap.decref(k);
                            r
                        }
                    };
                    vm.heap.decref(cur);
                    cur = next?;
                }
                if let Some(e) = &f.name.error {
                    vm.heap.decref(cur);
                    return Err(text_exc(vm, e.clone()));
                }
                let spec = match render(vm, &f.spec, args, kw) {
                    Ok(s) => s,
                    Err(e) => {
                        vm.heap.decref(cur);
                        return Err(e);
                    }
                };
                if let Some(e) = &f.spec_error {
                    vm.heap.decref(cur);
                    return Err(text_exc(vm, e.clone()));
                }
                let conv = match f.conversion {
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    _ => 0,
                };
                let spec_obj = vm.new_string(spec);
                let r =
                    vm.while_holding(&[cur, spec_obj], |vm| vm.format_value(cur, conv, spec_obj));
                vm.heap.decref(spec_obj);
                vm.heap.decref(cur);
                let s = r?;
                out.push_str(vm.as_str(s).unwrap_or(""));
                vm.heap.decref(s);
            }
        }
    }
    Ok(out)
}
