//! The instructions of the `match` statement, as CPython 3.11's `ceval.c` runs them
//! (`MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS`, `MATCH_CLASS`, `GET_LEN`). What they
//! fetch while Python code can still run (a property, `__eq__`, a mapping's `get`) is
//! parked in `held`, where the ledger sees it.

use super::{PyResult, Vm};
use crate::heap::kinds::TypeTag;
use crate::heap::{Kind, ObjId};

/// What a class of the library's Python modules registers as, in CPython's terms
/// (`collections.abc.Mapping` or `Sequence`): its `__refscope_abc__` attribute.
fn registered_as(vm: &mut Vm, v: ObjId) -> Option<String> {
    let sym = vm.heap.intern_sym("__refscope_abc__");
    let ty = vm.type_of(v);
    let found = vm.class_lookup(ty, sym)?;
    vm.as_str(found).map(str::to_string)
}

impl Vm {
    /// `GET_LEN`: `v → v, len(v)`.
    pub(crate) fn get_len_instr(&mut self) -> PyResult<()> {
        let v = self.peek(1);
        let n = super::builtins::funcs::len_of(self, v)?;
        let n = self.new_int(n as i64);
        self.push(n);
        Ok(())
    }

    /// `MATCH_MAPPING`: `v → v, bool`.
    pub(crate) fn match_mapping_instr(&mut self) {
        let v = self.peek(1);
        let yes = matches!(self.heap.kind(v), Kind::Dict(_))
            || registered_as(self, v).as_deref() == Some("mapping");
        let b = self.new_bool(yes);
        self.push(b);
    }

    /// `MATCH_SEQUENCE`: `v → v, bool`. str, bytes and bytearray are not sequences here.
    pub(crate) fn match_sequence_instr(&mut self) {
        let v = self.peek(1);
        let yes = matches!(
            self.heap.kind(v),
            Kind::List(_) | Kind::Tuple(_) | Kind::Range(_) | Kind::Array(_)
        ) || registered_as(self, v).as_deref() == Some("sequence");
        let b = self.new_bool(yes);
        self.push(b);
    }

    /// `MATCH_KEYS`: `subject, keys → subject, keys, values or None`.
    pub(crate) fn match_keys_instr(&mut self) -> PyResult<()> {
        let (subject, keys) = (self.peek(2), self.peek(1));
        let keys: Vec<ObjId> = match self.heap.kind(keys) {
            Kind::Tuple(t) => t.to_vec(),
            _ => return Err(self.runtime_error("mapping pattern keys are not a tuple")),
        };
        let is_dict = matches!(self.heap.kind(subject), Kind::Dict(_));
        // `held[mark..]`: for a mapping other than a dict, its `get` and the dummy default
        // first, then the values found.
        let mark = self.held.len();
        let r = self.match_keys(subject, &keys, is_dict);
        let mut parked: Vec<ObjId> = self.held.drain(mark..).collect();
        let helpers = if is_dict { 0 } else { parked.len().min(2) };
        for h in parked.drain(..helpers) {
            self.heap.decref(h);
        }
        let result = self.tuple_or_none(r, parked)?;
        self.push(result);
        Ok(())
    }

    /// The tuple of what a match fetched (owned references) when it matched, else None;
    /// what was fetched is released unless it went into the tuple.
    fn tuple_or_none(&mut self, matched: PyResult<bool>, items: Vec<ObjId>) -> PyResult<ObjId> {
        if let Ok(true) = matched {
            return Ok(self.new_tuple(items));
        }
        for v in items {
            self.heap.decref(v);
        }
        matched?;
        Ok(self.none())
    }

    /// Fetches each key's value into `held` (true), or finds one missing (false).
    fn match_keys(&mut self, subject: ObjId, keys: &[ObjId], is_dict: bool) -> PyResult<bool> {
        // Other mappings are asked through `get(key, dummy)`, as CPython asks them (a
        // `defaultdict` then makes no entry).
        let (mut get, mut dummy) = (ObjId::NULL, ObjId::NULL);
        if !is_dict {
            let sym = self.heap.intern_sym("get");
            get = self.getattr(subject, sym)?;
            self.held.push(get);
            let object = self.types[TypeTag::Object as usize];
            dummy = self.call(object, &[])?;
            self.held.push(dummy);
        }
        for (i, &key) in keys.iter().enumerate() {
            for &earlier in &keys[..i] {
                if self.eq(earlier, key)? {
                    let r = self.repr_of(key)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            let value = if is_dict {
                match self.dict_lookup(subject, key)? {
                    Some(v) => {
                        self.heap.incref(v);
                        v
                    }
                    None => return Ok(false),
                }
            } else {
                let v = self.call(get, &[key, dummy])?;
                if v == dummy {
                    self.heap.decref(v);
                    return Ok(false);
                }
                v
            };
            self.held.push(value);
        }
        Ok(true)
    }

    /// `MATCH_CLASS(nargs)`: `subject, class, names → attributes or None`.
    pub(crate) fn match_class_instr(&mut self, nargs: usize) -> PyResult<()> {
        let (subject, class, names) = (self.peek(3), self.peek(2), self.peek(1));
        if !matches!(self.heap.kind(class), Kind::Class(_)) {
            return Err(self.type_error("called match pattern must be a type"));
        }
        let result = if self.isinstance(subject, class) {
            let names: Vec<ObjId> = match self.heap.kind(names) {
                Kind::Tuple(t) => t.to_vec(),
                _ => vec![],
            };
            let mark = self.held.len();
            let r = self.match_class_attrs(subject, class, nargs, &names);
            let attrs: Vec<ObjId> = self.held.drain(mark..).collect();
            self.tuple_or_none(r, attrs)?
        } else {
            self.none()
        };
        self.drop_top(3);
        self.push(result);
        Ok(())
    }

    /// The subject's positional attributes (by `__match_args__`) and those named, into
    /// `held`; false when one is missing.
    fn match_class_attrs(
        &mut self,
        subject: ObjId,
        class: ObjId,
        nargs: usize,
        names: &[ObjId],
    ) -> PyResult<bool> {
        let cname = self.class_name(class);
        let mut seen: Vec<String> = vec![];
        if nargs > 0 {
            let sym = self.heap.intern_sym("__match_args__");
            let match_args = match self.getattr(class, sym) {
                Ok(m) => Some(m),
                Err(e) if self.exc_matches(&e, self.exc_types.attribute_error) => {
                    self.heap.decref(e.0);
                    None
                }
                Err(e) => return Err(e),
            };
            let mut tuple_at = None;
            let (items, match_self) = match match_args {
                Some(m) => {
                    let items = match self.heap.kind(m) {
                        Kind::Tuple(t) => Some(t.to_vec()),
                        _ => None,
                    };
                    let Some(items) = items else {
                        let got = self.type_name(m);
                        self.heap.decref(m);
                        return Err(self.type_error(format!(
                            "{cname}.__match_args__ must be a tuple (got {got})"
                        )));
                    };
                    // The tuple keeps its items alive while the attributes are fetched.
                    tuple_at = Some(self.held.len());
                    self.held.push(m);
                    (items, false)
                }
                // Without `__match_args__`, the built-in types whose one positional
                // sub-pattern is the subject itself (`case int(x)`).
                None => (vec![], self.matches_self(class)),
            };
            let r = self.positional_attrs(subject, &cname, nargs, &items, match_self, &mut seen);
            if let Some(at) = tuple_at {
                let m = self.held.remove(at);
                self.heap.decref(m);
            }
            if !r? {
                return Ok(false);
            }
        }
        for &name in names {
            let Some(n) = self.as_str(name).map(str::to_string) else {
                continue;
            };
            match self.class_attr_for_match(subject, &cname, &n, &mut seen)? {
                Some(v) => self.held.push(v),
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn positional_attrs(
        &mut self,
        subject: ObjId,
        cname: &str,
        nargs: usize,
        items: &[ObjId],
        match_self: bool,
        seen: &mut Vec<String>,
    ) -> PyResult<bool> {
        let allowed = if match_self { 1 } else { items.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(self.type_error(format!(
                "{cname}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
            )));
        }
        if match_self {
            self.heap.incref(subject);
            self.held.push(subject);
            return Ok(true);
        }
        for &name in &items[..nargs] {
            let Some(n) = self.as_str(name).map(str::to_string) else {
                let got = self.type_name(name);
                return Err(self.type_error(format!(
                    "__match_args__ elements must be strings (got {got})"
                )));
            };
            match self.class_attr_for_match(subject, cname, &n, seen)? {
                Some(v) => self.held.push(v),
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `getattr(subject, name)`, None when it has no such attribute; a name asked twice
    /// is an error.
    fn class_attr_for_match(
        &mut self,
        subject: ObjId,
        cname: &str,
        name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<ObjId>> {
        if seen.iter().any(|s| s == name) {
            return Err(self.type_error(format!(
                "{cname}() got multiple sub-patterns for attribute '{name}'"
            )));
        }
        seen.push(name.to_string());
        let sym = self.heap.intern_sym(name);
        match self.getattr(subject, sym) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, self.exc_types.attribute_error) => {
                self.heap.decref(e.0);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// The built-in types a class pattern matches the subject itself against.
    fn matches_self(&self, class: ObjId) -> bool {
        [
            TypeTag::Bool,
            TypeTag::ByteArray,
            TypeTag::Bytes,
            TypeTag::Dict,
            TypeTag::Float,
            TypeTag::FrozenSet,
            TypeTag::Int,
            TypeTag::List,
            TypeTag::Set,
            TypeTag::Str,
            TypeTag::Tuple,
        ]
        .iter()
        .any(|t| self.types[*t as usize] == class)
    }
}
