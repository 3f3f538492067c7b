//! Operators: arithmetic with fast paths for small ints and floats, rich comparisons,
//! truth, hashing, equality, and the dunder fallbacks (`__add__`/`__radd__`, `__eq__`...).

use super::num::{Int, NumError, Number};
use super::{Exc, PyResult, Vm};
use crate::compiler::code::{BinOp, CmpOp, Instr};
use crate::heap::{Kind, ObjId, Sym};

/// A numeric view of an object, for the arithmetic slow paths.
pub enum Num {
    Int(Int),
    Float(f64),
}

impl Vm {
    /// `abs(z)` of a complex number: the C library's hypot, as CPython's `_Py_c_abs`,
    /// and an OverflowError when finite parts give an infinite result.
    pub fn complex_abs(&mut self, re: f64, im: f64) -> PyResult<ObjId> {
        let h = re.hypot(im);
        if h.is_infinite() && re.is_finite() && im.is_finite() {
            return Err(self.overflow_error("absolute value too large"));
        }
        Ok(self.new_float(h))
    }

    /// The int value of an int or bool object.
    pub fn int_of(&self, id: ObjId) -> Option<Int> {
        match self.heap.kind(id) {
            Kind::Int(v) => Some(Int::Small(*v)),
            Kind::Bool(b) => Some(Int::Small(*b as i64)),
            Kind::BigInt(b) => Some(Int::Big((**b).clone())),
            Kind::IntSub(i) => Some(i.value.clone()),
            _ => None,
        }
    }

    /// The small (i64) value of an int or bool.
    #[inline]
    pub fn small_int_of(&self, id: ObjId) -> Option<i64> {
        match self.heap.kind(id) {
            Kind::Int(v) => Some(*v),
            Kind::Bool(b) => Some(*b as i64),
            Kind::IntSub(i) => match i.value {
                Int::Small(v) => Some(v),
                Int::Big(_) => None,
            },
            _ => None,
        }
    }

    pub fn num_of(&self, id: ObjId) -> Option<Num> {
        match self.heap.kind(id) {
            Kind::Float(f) => Some(Num::Float(*f)),
            Kind::FloatSub(f) => Some(Num::Float(f.value)),
            _ => self.int_of(id).map(Num::Int),
        }
    }

    pub fn float_of(&self, id: ObjId) -> Option<f64> {
        match self.heap.kind(id) {
            Kind::Float(f) => Some(*f),
            Kind::FloatSub(f) => Some(f.value),
            _ => None,
        }
    }

    /// Turns a numeric error into the Python exception.
    pub fn num_err(&mut self, e: NumError) -> Exc {
        match e {
            NumError::ZeroDivision(m) => self.zero_division(m),
            NumError::Overflow(m) => self.overflow_error(m),
            NumError::Value(m) => self.value_error(m),
            NumError::Type(m) => self.type_error(m),
        }
    }

    fn new_number(&mut self, n: Number) -> ObjId {
        match n {
            Number::Int(i) => self.new_int_from(i),
            Number::Float(f) => self.new_float(f),
            Number::Complex(re, im) => self.heap.alloc(Kind::Complex(Box::new((re, im)))),
        }
    }

    /// `a op b` (both borrowed), with in-place dunders tried first when `inplace`.
    pub fn binary_op(&mut self, a: ObjId, b: ObjId, op: BinOp, inplace: bool) -> PyResult<ObjId> {
        // Fast path: two small ints.
        if let (&Kind::Int(x), &Kind::Int(y)) = (self.heap.kind(a), self.heap.kind(b))
            && let Some(v) = small_int_op(x, y, op)
        {
            return Ok(self.new_int(v));
        }
        if let (Some(x), Some(y)) = (self.num_of(a), self.num_of(b))
            && !self.is_subclass_instance(a)
            && !self.is_subclass_instance(b)
        {
            return self.numeric_op(x, y, op, (a, b));
        }
        if (matches!(self.heap.kind(a), Kind::Complex(_))
            || matches!(self.heap.kind(b), Kind::Complex(_)))
            && let (Some(x), Some(y)) = (self.complex_of(a), self.complex_of(b))
        {
            return self.complex_op(x, y, op);
        }
        self.binary_op_slow(a, b, op, inplace)
    }

    /// `x op y` of two numbers; `(a, b)` are the operands' objects, named by an error.
    pub(crate) fn numeric_op(
        &mut self,
        x: Num,
        y: Num,
        op: BinOp,
        (a, b): (ObjId, ObjId),
    ) -> PyResult<ObjId> {
        let r = match (x, y) {
            (Num::Int(x), Num::Int(y)) => super::numops::int_binop(&x, &y, op),
            (Num::Float(x), Num::Float(y)) => super::numops::float_binop(x, y, op),
            (Num::Int(x), Num::Float(y)) => match x.to_f64() {
                Ok(xf) => super::numops::float_binop(xf, y, op),
                Err(e) => Err(e),
            },
            (Num::Float(x), Num::Int(y)) => match y.to_f64() {
                Ok(yf) => super::numops::float_binop(x, yf, op),
                Err(e) => Err(e),
            },
        };
        match r {
            Ok(Some(n)) => Ok(self.new_number(n)),
            Ok(None) => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                Err(self.unsupported_operand_msg(op, &ta, &tb))
            }
            Err(e) => Err(self.num_err(e)),
        }
    }

    /// The value of an int, float or complex as a complex number.
    pub fn complex_of(&self, id: ObjId) -> Option<(f64, f64)> {
        match self.heap.kind(id) {
            Kind::Complex(c) => Some(**c),
            _ => match self.num_of(id)? {
                Num::Float(f) => Some((f, 0.0)),
                Num::Int(i) => i.to_f64().ok().map(|f| (f, 0.0)),
            },
        }
    }

    fn complex_op(&mut self, (a, b): (f64, f64), (c, d): (f64, f64), op: BinOp) -> PyResult<ObjId> {
        let r = match op {
            BinOp::Add => (a + c, b + d),
            BinOp::Sub => (a - c, b - d),
            BinOp::Mul => (a * c - b * d, a * d + b * c),
            BinOp::TrueDiv => {
                if c == 0.0 && d == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                let den = c * c + d * d;
                ((a * c + b * d) / den, (b * c - a * d) / den)
            }
            BinOp::Pow => {
                if c == 0.0 && d == 0.0 {
                    (1.0, 0.0)
                } else if a == 0.0 && b == 0.0 {
                    if d != 0.0 || c < 0.0 {
                        return Err(self.zero_division("0.0 to a negative or complex power"));
                    }
                    (0.0, 0.0)
                } else if d == 0.0 && c.fract() == 0.0 && c.abs() <= 100.0 {
                    // Integer powers by repeated multiplication, as CPython's c_powi.
                    let n = c.abs() as u32;
                    let (mut rr, mut ri) = (1.0f64, 0.0f64);
                    for _ in 0..n {
                        let t = rr * a - ri * b;
                        ri = rr * b + ri * a;
                        rr = t;
                    }
                    if c < 0.0 {
                        let den = rr * rr + ri * ri;
                        (rr / den, -ri / den)
                    } else {
                        (rr, ri)
                    }
                } else {
                    let vabs = a.hypot(b);
                    let len = vabs.powf(c);
                    let at = b.atan2(a);
                    let (len, phase) = if d != 0.0 {
                        (len / (at * d).exp(), at * c + d * vabs.ln())
                    } else {
                        (len, at * c)
                    };
                    (len * phase.cos(), len * phase.sin())
                }
            }
            _ => {
                let (na, nb) = ("complex", "complex");
                return Err(self.unsupported_operand_msg(op, na, nb));
            }
        };
        Ok(self.heap.alloc(Kind::Complex(Box::new(r))))
    }

    fn unsupported_operand_msg(&mut self, op: BinOp, ta: &str, tb: &str) -> Exc {
        let sym = if op == BinOp::Pow {
            "** or pow()"
        } else {
            op.symbol()
        };
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
        ))
    }

    fn binary_op_slow(&mut self, a: ObjId, b: ObjId, op: BinOp, inplace: bool) -> PyResult<ObjId> {
        if let Some(r) = self.via_proxies(a, b, |vm, a, b| vm.binary_op(a, b, op, inplace)) {
            return r;
        }
        // An instance of a subclass of a built-in type: its class's methods come before
        // the built-in's.
        let sub = self.is_subclass_instance(a) || self.is_subclass_instance(b);
        if !sub && let Some(v) = super::builtins::seq_binop(self, a, b, op, inplace)? {
            return Ok(v);
        }
        let stem = op.dunder_stem();
        if inplace && let Some(v) = self.try_dunder(a, &format!("__i{stem}__"), &[b])? {
            return Ok(v);
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // A subclass's reflected method goes first.
        let rfirst = ta != tb && self.is_subclass(tb, ta) && self.is_user_class(tb);
        if rfirst && let Some(v) = self.try_dunder(b, &format!("__r{stem}__"), &[a])? {
            return Ok(v);
        }
        if let Some(v) = self.try_dunder(a, &format!("__{stem}__"), &[b])? {
            return Ok(v);
        }
        if ta != tb
            && !rfirst
            && let Some(v) = self.try_dunder(b, &format!("__r{stem}__"), &[a])?
        {
            return Ok(v);
        }
        if sub && let Some(v) = super::builtins::seq_binop(self, a, b, op, inplace)? {
            return Ok(v);
        }
        // An int subclass's instance: int's own arithmetic, after the class's methods.
        if sub && let (Some(x), Some(y)) = (self.num_of(a), self.num_of(b)) {
            return self.numeric_op(x, y, op, (a, b));
        }
        // `int | None`: a union of classes, for annotations (types.UnionType).
        let class_or_none =
            |vm: &Vm, x: ObjId| x == vm.none || matches!(vm.heap.kind(x), Kind::Class(_));
        if op == BinOp::Or && class_or_none(self, a) && class_or_none(self, b) {
            return self.types_call("union", &[a, b]);
        }
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let sym = if op == BinOp::Pow {
            "** or pow()".to_string()
        } else {
            op.symbol().to_string()
        };
        let sym = if inplace { format!("{sym}=") } else { sym };
        if op == BinOp::Add && self.is_str(a) {
            return Err(self.type_error(format!("can only concatenate str (not \"{nb}\") to str")));
        }
        // A sequence times what is not an int: the repeat's own error.
        let seq = |vm: &Vm, x: ObjId| {
            matches!(
                vm.heap.kind(x),
                Kind::Str(_) | Kind::Bytes(_) | Kind::ByteArray(_) | Kind::List(_) | Kind::Tuple(_)
            )
        };
        if op == BinOp::Mul && (seq(self, a) || seq(self, b)) {
            let other = if seq(self, a) { &nb } else { &na };
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{other}'"
            )));
        }
        if op == BinOp::Add && matches!(self.heap.kind(a), Kind::List(_)) {
            return Err(
                self.type_error(format!("can only concatenate list (not \"{nb}\") to list"))
            );
        }
        if op == BinOp::Add && matches!(self.heap.kind(a), Kind::Tuple(_)) {
            return Err(self.type_error(format!(
                "can only concatenate tuple (not \"{nb}\") to tuple"
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{na}' and '{nb}'"
        )))
    }

    /// Calls `name` of the `types` module (GenericAlias, union), importing it first.
    pub(crate) fn types_call(&mut self, name: &str, args: &[ObjId]) -> PyResult<ObjId> {
        self.library_call("types", name, args)
    }

    /// Calls the function `name` of a library module written in Python (`types`,
    /// `copyreg`), importing the module first.
    pub(crate) fn library_call(
        &mut self,
        module: &str,
        name: &str,
        args: &[ObjId],
    ) -> PyResult<ObjId> {
        let module_sym = self.heap.intern_sym(module);
        let m = self.import_module(module_sym)?;
        let sym = self.heap.intern_sym(name);
        let f = self.ns_get(m, sym);
        // The module reference is held while the call runs Python code.
        let r = match f {
            Some(f) => self.while_holding(&[m], |vm| vm.call(f, args)),
            None => Err(self.runtime_error(format!("{module}.{name} is missing"))),
        };
        self.heap.decref(m);
        r
    }

    pub fn is_user_class(&self, class: ObjId) -> bool {
        self.class(class).is_some_and(|c| c.native.is_none())
    }

    /// Calls `type(obj).name(obj, *args)` if a Python-level method exists and does not
    /// return NotImplemented.
    pub fn try_dunder(
        &mut self,
        obj: ObjId,
        name: &str,
        args: &[ObjId],
    ) -> PyResult<Option<ObjId>> {
        let ty = self.type_of(obj);
        if !self.is_user_class(ty) {
            return Ok(None);
        }
        let sym = self.heap.intern_sym(name);
        let Some(f) = self.class_lookup(ty, sym) else {
            return Ok(None);
        };
        if !matches!(self.heap.kind(f), Kind::Function(_)) {
            return Ok(None);
        }
        let mut all = vec![obj];
        all.extend_from_slice(args);
        let v = self.call(f, &all)?;
        if v == self.not_implemented {
            self.heap.decref(v);
            return Ok(None);
        }
        Ok(Some(v))
    }

    /// Calls a special method looked up on the type (Python or native), if any.
    pub fn call_special(
        &mut self,
        obj: ObjId,
        name: Sym,
        args: &[ObjId],
    ) -> PyResult<Option<ObjId>> {
        let ty = self.type_of(obj);
        let Some(f) = self.class_lookup(ty, name) else {
            return Ok(None);
        };
        let mut all = vec![obj];
        all.extend_from_slice(args);
        self.call_found(f, &all).map(Some)
    }

    pub fn unary_op(&mut self, a: ObjId, instr: Instr) -> PyResult<ObjId> {
        if let Kind::Complex(c) = self.heap.kind(a) {
            let (re, im) = **c;
            let r = match instr {
                Instr::UnaryNegative => (-re, -im),
                Instr::UnaryPositive => (re, im),
                _ => return Err(self.type_error("bad operand type for unary ~: 'complex'")),
            };
            return Ok(self.heap.alloc(Kind::Complex(Box::new(r))));
        }
        let (name, sym) = match instr {
            Instr::UnaryNegative => ("__neg__", "-"),
            Instr::UnaryPositive => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        // (An int subclass's own method first.)
        if self.is_subclass_instance(a)
            && let Some(v) = self.try_dunder(a, name, &[])?
        {
            return Ok(v);
        }
        if let Some(n) = self.num_of(a) {
            let r = match (n, instr) {
                (Num::Int(i), Instr::UnaryNegative) => Number::Int(i.neg()),
                (Num::Int(i), Instr::UnaryPositive) => Number::Int(i),
                (Num::Int(i), _) => Number::Int(i.invert()),
                (Num::Float(f), Instr::UnaryNegative) => Number::Float(-f),
                (Num::Float(f), Instr::UnaryPositive) => Number::Float(f),
                (Num::Float(_), _) => {
                    return Err(self.type_error("bad operand type for unary ~: 'float'"));
                }
            };
            return Ok(self.new_number(r));
        }
        if let Some(v) = self.try_dunder(a, name, &[])? {
            return Ok(v);
        }
        let tn = self.type_name(a);
        Err(self.type_error(format!("bad operand type for unary {sym}: '{tn}'")))
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: ObjId) -> PyResult<bool> {
        // (One test of the header bit on this hot path, before the two lookups.)
        if self.is_subclass_instance(v)
            && (self.sub_special(v, self.names.bool_).is_some()
                || self.sub_special(v, self.names.len).is_some())
        {
            return self.special_truthy(v);
        }
        let r = match self.heap.kind(v) {
            Kind::Bool(b) => *b,
            Kind::None => false,
            Kind::Int(i) => *i != 0,
            Kind::BigInt(_) => true,
            Kind::IntSub(i) => !matches!(i.value, Int::Small(0)),
            Kind::Float(f) => *f != 0.0,
            Kind::FloatSub(f) => f.value != 0.0,
            Kind::Complex(c) => c.0 != 0.0 || c.1 != 0.0,
            Kind::Str(s) => !s.s.is_empty(),
            Kind::Bytes(b) | Kind::ByteArray(b) => !b.is_empty(),
            Kind::List(l) => !l.items.is_empty(),
            Kind::Tuple(t) => !t.is_empty(),
            Kind::Dict(t) | Kind::Set(t) | Kind::FrozenSet(t) => !t.is_empty(),
            Kind::Range(r) => super::builtins::range_len(r[0], r[1], r[2]) != 0,
            Kind::Array(a) => crate::heap::size::array_len(&a.data) != 0,
            Kind::MemoryView(m) => m.len != 0,
            Kind::DictView(dv) => {
                let d = dv.1;
                self.dict_len(d) != 0
            }
            Kind::TypeDict(m) => !m.is_empty(),
            Kind::MappingProxy(ns) => match self.heap.kind(*ns) {
                Kind::TypeDict(m) => !m.is_empty(),
                Kind::Dict(t) => !t.is_empty(),
                _ => false,
            },
            Kind::Instance(_) => return self.special_truthy(v),
            Kind::WeakRef(w) if w.proxy => {
                return self.via_proxy(v, |vm, t| vm.truthy(t)).unwrap_or(Ok(true));
            }
            _ => true,
        };
        Ok(r)
    }

    /// `bool(v)` by the class's `__bool__`, else its `__len__`, else true.
    fn special_truthy(&mut self, v: ObjId) -> PyResult<bool> {
        let b = self.names.bool_;
        if let Some(r) = self.call_special(v, b, &[])? {
            let out = match self.heap.kind(r) {
                Kind::Bool(b) => Ok(*b),
                _ => {
                    let tn = self.type_name(r);
                    Err(tn)
                }
            };
            self.heap.decref(r);
            return out.map_err(|tn| {
                self.type_error(format!("__bool__ should return bool, returned {tn}"))
            });
        }
        let l = self.names.len;
        if let Some(r) = self.call_special(v, l, &[])? {
            return Ok(super::builtins::funcs::len_result(self, r)? != 0);
        }
        Ok(true)
    }

    /// `a == b` as a Rust bool (identity first, as containers do).
    pub fn eq(&mut self, a: ObjId, b: ObjId) -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        // Two live weak references are equal when their referents are.
        if let (Kind::WeakRef(x), Kind::WeakRef(y)) = (self.heap.kind(a), self.heap.kind(b))
            && !x.proxy
            && !y.proxy
        {
            let (ta, tb) = (x.target, y.target);
            if ta.is_null() || tb.is_null() {
                return Ok(false);
            }
            return self.eq(ta, tb);
        }
        if let Some(r) = self.native_eq(a, b) {
            return Ok(r);
        }
        if let Some(r) = self.method_eq(a, b) {
            return Ok(r);
        }
        let v = self.compare(a, b, CmpOp::Eq)?;
        let r = self.truthy(v);
        self.heap.decref(v);
        r
    }

    /// Two bound methods are equal when they bind the same object (by identity) to the
    /// same function, as CPython 3.8+ compares them: `a.m == a.m`, though `a.m is a.m`
    /// is false. None unless both are bound methods.
    fn method_eq(&self, a: ObjId, b: ObjId) -> Option<bool> {
        match (self.heap.kind(a), self.heap.kind(b)) {
            (Kind::Method(x), Kind::Method(y)) => Some(x[1] == y[1] && x[0] == y[0]),
            (Kind::Builtin(x), Kind::Builtin(y)) if !x.self_.is_null() && !y.self_.is_null() => {
                Some(x.self_ == y.self_ && x.f as usize == y.f as usize && x.name == y.name)
            }
            _ => None,
        }
    }

    /// Equality that needs no Python code: numbers, strings, bytes, None, and containers
    /// of such (returns None when Python code may be involved).
    pub fn native_eq(&self, a: ObjId, b: ObjId) -> Option<bool> {
        self.native_eq_nested(a, b, 0)
    }

    /// [`Vm::native_eq`] at `depth` tuples down: past a few, None, so that deep nesting
    /// goes the way that counts its levels against the recursion limit.
    fn native_eq_nested(&self, a: ObjId, b: ObjId, depth: u32) -> Option<bool> {
        if a == b {
            return Some(true);
        }
        if self.is_subclass_instance(a) || self.is_subclass_instance(b) {
            return None;
        }
        let (ka, kb) = (self.heap.kind(a), self.heap.kind(b));
        match (ka, kb) {
            (Kind::Str(x), Kind::Str(y)) => Some(x.s == y.s),
            (Kind::Int(x), Kind::Int(y)) => Some(x == y),
            (Kind::Float(x), Kind::Float(y)) => Some(x == y),
            (Kind::Bytes(x), Kind::Bytes(y)) => Some(x == y),
            (Kind::Instance(_), _) | (_, Kind::Instance(_)) => None,
            (Kind::Tuple(x), Kind::Tuple(y)) => {
                if x.len() != y.len() {
                    return Some(false);
                }
                // (Near the recursion limit, the counting way raises where CPython
                // does.)
                if depth >= 16 || self.depth + depth as usize + 2 >= self.recursion_limit {
                    return None;
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    match self.native_eq_nested(*p, *q, depth + 1) {
                        Some(true) => {}
                        other => return other,
                    }
                }
                Some(true)
            }
            (Kind::Str(_), _) | (_, Kind::Str(_)) => Some(false),
            (Kind::Complex(_), _) | (_, Kind::Complex(_)) => {
                match (self.complex_of(a), self.complex_of(b)) {
                    (Some(x), Some(y)) => Some(x == y),
                    _ => Some(false),
                }
            }
            (Kind::None, _) | (_, Kind::None) => Some(false),
            _ => {
                if let (Some(x), Some(y)) = (self.num_of(a), self.num_of(b)) {
                    return Some(super::numops::num_eq(&x, &y));
                }
                None
            }
        }
    }

    /// A rich comparison returning an object (`==` falls back to identity).
    pub fn compare(&mut self, a: ObjId, b: ObjId, op: CmpOp) -> PyResult<ObjId> {
        if let (Kind::Int(x), Kind::Int(y)) = (self.heap.kind(a), self.heap.kind(b)) {
            let r = cmp_ord(x.cmp(y), op);
            return Ok(self.new_bool(r));
        }
        let sub = self.is_subclass_instance(a) || self.is_subclass_instance(b);
        if !sub && let (Some(x), Some(y)) = (self.num_of(a), self.num_of(b)) {
            let r = super::numops::num_compare(&x, &y, op);
            return Ok(self.new_bool(r));
        }
        if (matches!(self.heap.kind(a), Kind::Complex(_))
            || matches!(self.heap.kind(b), Kind::Complex(_)))
            && matches!(op, CmpOp::Eq | CmpOp::Ne)
            && let (Some(x), Some(y)) = (self.complex_of(a), self.complex_of(b))
        {
            return Ok(self.new_bool((x == y) == (op == CmpOp::Eq)));
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne)
            && let Some(same) = self.method_eq(a, b)
        {
            return Ok(self.new_bool(same == (op == CmpOp::Eq)));
        }
        if let Some(r) = self.via_proxies(a, b, |vm, a, b| vm.compare(a, b, op)) {
            return r;
        }
        // A memoryview equals another buffer with equal items (either side).
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let view = |vm: &Vm, x: ObjId| matches!(vm.heap.kind(x), Kind::MemoryView(_));
            let instance = |vm: &Vm, x: ObjId| matches!(vm.heap.kind(x), Kind::Instance(_));
            let pair = if view(self, a) && !instance(self, b) {
                Some((a, b))
            } else if view(self, b) && !instance(self, a) {
                Some((b, a))
            } else {
                None
            };
            if let Some((v, other)) = pair {
                let same = super::builtins::memview::view_eq(self, v, other)?;
                return Ok(self.new_bool(same == (op == CmpOp::Eq)));
            }
        }
        // Weak references compare as their referents do, or by identity once either
        // is dead (CPython's weakref_richcompare).
        if matches!(op, CmpOp::Eq | CmpOp::Ne)
            && let (Kind::WeakRef(x), Kind::WeakRef(y)) = (self.heap.kind(a), self.heap.kind(b))
            && !x.proxy
            && !y.proxy
        {
            let (ta, tb) = (x.target, y.target);
            if ta.is_null() || tb.is_null() {
                return Ok(self.new_bool((a == b) == (op == CmpOp::Eq)));
            }
            self.heap.incref(ta);
            self.heap.incref(tb);
            let r = self.while_holding(&[ta, tb], |vm| vm.compare(ta, tb, op));
            self.heap.decref(ta);
            self.heap.decref(tb);
            return r;
        }
        let sub = self.is_subclass_instance(a) || self.is_subclass_instance(b);
        let native = |vm: &mut Vm| {
            vm.native_recursion(" in comparison", |vm| {
                super::builtins::native_compare(vm, a, b, op)
            })
        };
        if !sub && let Some(r) = native(self)? {
            return Ok(self.new_bool(r));
        }
        let stem = op.dunder_stem();
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let rfirst = ta != tb && self.is_subclass(tb, ta) && self.is_user_class(tb);
        let swapped = op.swapped().dunder_stem();
        if rfirst && let Some(v) = self.try_dunder(b, &format!("__{swapped}__"), &[a])? {
            return Ok(v);
        }
        if let Some(v) = self.try_dunder(a, &format!("__{stem}__"), &[b])? {
            return Ok(v);
        }
        if !rfirst && let Some(v) = self.try_dunder(b, &format!("__{swapped}__"), &[a])? {
            return Ok(v);
        }
        // `object.__ne__` inverts `__eq__`; a subclass of a built-in type inherits the
        // built-in's own `__ne__` instead.
        if op == CmpOp::Ne
            && !self.is_subclass_instance(a)
            && let Some(v) = self.try_dunder(a, "__eq__", &[b])?
        {
            let t = self.truthy(v);
            self.heap.decref(v);
            return Ok(self.new_bool(!t?));
        }
        if sub && let Some(r) = native(self)? {
            return Ok(self.new_bool(r));
        }
        if sub && let (Some(x), Some(y)) = (self.num_of(a), self.num_of(b)) {
            let r = super::numops::num_compare(&x, &y, op);
            return Ok(self.new_bool(r));
        }
        match op {
            CmpOp::Eq => Ok(self.new_bool(a == b)),
            CmpOp::Ne => Ok(self.new_bool(a != b)),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{na}' and '{nb}'",
                    op.symbol()
                )))
            }
        }
    }

    /// `a < b` etc. as a Rust bool.
    pub fn compare_bool(&mut self, a: ObjId, b: ObjId, op: CmpOp) -> PyResult<bool> {
        let v = self.compare(a, b, op)?;
        let r = self.truthy(v);
        self.heap.decref(v);
        r
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: ObjId) -> PyResult<i64> {
        if let Some(f) = self.sub_special(v, self.names.hash) {
            if f == self.none {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("unhashable type: '{tn}'")));
            }
            return self.python_hash(f, v);
        }
        if let Kind::WeakRef(w) = self.heap.kind(v) {
            if w.proxy {
                // (A proxy has no hash: its object may be gone, or change.)
                let tag = if w.callable {
                    "CallableProxyType"
                } else {
                    "ProxyType"
                };
                return Err(self.type_error(format!("unhashable type: 'weakref.{tag}'")));
            }
            if let Some(h) = w.hash {
                return Ok(h);
            }
            let target = w.target;
            if target.is_null() {
                return Err(self.type_error("weak object has gone away"));
            }
            let h = self.hash(target)?;
            if let Kind::WeakRef(w) = self.heap.kind_mut(v) {
                w.hash = Some(h);
            }
            return Ok(h);
        }
        let h = match self.heap.kind(v) {
            Kind::Int(i) => Int::Small(*i).hash(),
            Kind::Bool(b) => *b as i64,
            Kind::BigInt(b) => Int::Big((**b).clone()).hash(),
            Kind::IntSub(i) => i.value.hash(),
            Kind::Float(f) => super::numops::float_hash(*f, self.heap.get(v).serial as i64),
            Kind::FloatSub(f) => super::numops::float_hash(f.value, self.heap.get(v).serial as i64),
            // complex_hash: the parts' hashes, the imaginary one times _PyHASH_IMAG, so
            // that `2+0j` finds the key `2`.
            Kind::Complex(c) => {
                let id = self.heap.get(v).serial as i64;
                let re = super::numops::float_hash(c.0, id) as u64;
                let im = super::numops::float_hash(c.1, id) as u64;
                match re.wrapping_add(im.wrapping_mul(1_000_003)) as i64 {
                    -1 => -2,
                    h => h,
                }
            }
            Kind::Str(s) => {
                if let Some(h) = s.hash.get() {
                    return Ok(h);
                }
                let h = str_hash(s.s.as_bytes());
                s.hash.set(Some(h));
                h
            }
            Kind::Bytes(b) => str_hash(b),
            Kind::MemoryView(_) => super::builtins::memview::view_hash(self, v)?,
            Kind::None => 0x7ff0_0001,
            Kind::Tuple(items) => {
                let items = items.to_vec();
                // (CPython's tuplehash recurses without a limit; here the Rust stack
                // grows on the heap instead of overflowing.)
                return crate::syntax::with_stack(|| self.tuple_hash(&items));
            }
            Kind::FrozenSet(t) => frozenset_hash(t.iter().map(|(_, e)| e.hash), t.len()),
            // (A dict's keys and items views are unhashable; its values view is not.)
            Kind::DictView(dv) if dv.0 != crate::vm::TypeTag::DictValues => {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("unhashable type: '{tn}'")));
            }
            Kind::List(_)
            | Kind::Dict(_)
            | Kind::TypeDict(_)
            | Kind::MappingProxy(_)
            | Kind::Set(_)
            | Kind::ByteArray(_) => {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("unhashable type: '{tn}'")));
            }
            Kind::Instance(_) => {
                let ty = self.type_of(v);
                let hash_sym = self.names.hash;
                let eq_sym = self.names.eq;
                match self.class_lookup(ty, hash_sym) {
                    Some(f) if f == self.none => {
                        let tn = self.type_name(v);
                        return Err(self.type_error(format!("unhashable type: '{tn}'")));
                    }
                    Some(f) if matches!(self.heap.kind(f), Kind::Function(_)) => {
                        return self.python_hash(f, v);
                    }
                    _ => {
                        // A class that defines __eq__ without __hash__ is unhashable.
                        let own_eq = self.class_dict(ty).is_some_and(|d| d.get(eq_sym).is_some());
                        let own_hash = self
                            .class_dict(ty)
                            .is_some_and(|d| d.get(hash_sym).is_some());
                        if own_eq && !own_hash {
                            let tn = self.type_name(v);
                            return Err(self.type_error(format!("unhashable type: '{tn}'")));
                        }
                        (self.heap.get(v).serial as i64) >> 4
                            | (self.heap.get(v).serial as i64) << 28
                    }
                }
            }
            // A bound method hashes what it binds (by identity) with its function, so
            // that equal methods hash alike.
            Kind::Method(m) => {
                let (f, s) = (m[0], m[1]);
                self.hash(f)? ^ (self.heap.get(s).serial as i64).rotate_left(4)
            }
            Kind::Builtin(b) if !b.self_.is_null() => {
                (self.heap.get(b.self_).serial as i64).rotate_left(4) ^ str_hash(b.name.as_bytes())
            }
            _ => self.heap.get(v).serial as i64,
        };
        Ok(if h == -1 { -2 } else { h })
    }

    /// Calls a class's Python `__hash__` on `v`.
    fn python_hash(&mut self, f: ObjId, v: ObjId) -> PyResult<i64> {
        let r = self.call(f, &[v])?;
        let h = self.int_of(r);
        self.heap.decref(r);
        // As slot_tp_hash: a value that fits a machine word is the hash itself (-1
        // becomes -2); a larger int is hashed.
        match h {
            Some(Int::Small(-1)) => Ok(-2),
            Some(Int::Small(i)) => Ok(i),
            Some(i) => Ok(i.hash()),
            None => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    /// CPython's tuple hash (xxHash-based, 3.8+).
    fn tuple_hash(&mut self, items: &[ObjId]) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        for it in items {
            let lane = self.hash(*it)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        let h = acc as i64;
        Ok(if h == -1 { 1546275796 } else { h })
    }

    /// `item in container`.
    #[inline]
    pub fn contains(&mut self, container: ObjId, item: ObjId) -> PyResult<bool> {
        if let Some(r) = self.call_sub_special(container, self.names.contains, &[item])? {
            let t = self.truthy(r);
            self.heap.decref(r);
            return t;
        }
        self.contains_base(container, item)
    }

    /// `item in container` as the built-in type answers it (`list.__contains__`).
    pub fn contains_base(&mut self, container: ObjId, item: ObjId) -> PyResult<bool> {
        match self.heap.kind(container) {
            Kind::Str(s) => {
                let Some(needle) = self.as_str(item) else {
                    let tn = self.type_name(item);
                    return Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {tn}"
                    )));
                };
                return Ok(s.s.contains(needle));
            }
            Kind::Bytes(b) | Kind::ByteArray(b) => {
                let hay = (**b).clone();
                let needle = match self.heap.kind(item) {
                    Kind::Int(i) if (0..256).contains(i) => vec![*i as u8],
                    Kind::Bytes(n) | Kind::ByteArray(n) => (**n).clone(),
                    _ => {
                        let tn = self.type_name(item);
                        return Err(
                            self.type_error(format!("a bytes-like object is required, not '{tn}'"))
                        );
                    }
                };
                return Ok(
                    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())
                );
            }
            Kind::Dict(_) => return Ok(self.dict_lookup(container, item)?.is_some()),
            Kind::TypeDict(_) | Kind::MappingProxy(_) => {
                let ns = self.namespace_of(container).unwrap_or(container);
                return Ok(self.namespace_get(ns, item)?.is_some());
            }
            Kind::Set(_) | Kind::FrozenSet(_) => return self.set_contains(container, item),
            Kind::Range(r) => {
                let r = **r;
                if let Some(i) = self.small_int_of(item) {
                    return Ok(super::builtins::range_contains(r, i));
                }
            }
            Kind::DictView(dv) if dv.0 == crate::heap::kinds::TypeTag::DictKeys => {
                let d = dv.1;
                return Ok(self.dict_lookup(d, item)?.is_some());
            }
            Kind::List(_) | Kind::Tuple(_) => {
                let n = self.seq_len_of(container);
                for i in 0..n {
                    let Some(x) = self.seq_item_of(container, i) else {
                        break;
                    };
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Kind::Instance(_) => {
                let c = self.names.contains;
                if let Some(r) = self.call_special(container, c, &[item])? {
                    let t = self.truthy(r);
                    self.heap.decref(r);
                    return t;
                }
            }
            Kind::WeakRef(w) if w.proxy => {
                if let Some(r) = self.via_proxy(container, |vm, t| vm.contains(t, item)) {
                    return r;
                }
            }
            _ => {}
        }
        let it = self.get_iter(container).map_err(|e| {
            self.heap.decref(e.0);
            let tn = self.type_name(container);
            self.type_error(format!("argument of type '{tn}' is not iterable"))
        })?;
        let mark = self.held.len();
        self.held.push(it);
        let mut found = Ok(false);
        loop {
            match self.iter_next(it) {
                Ok(Some(x)) => {
                    self.held.push(x);
                    let r = self.eq(x, item);
                    self.held.pop();
                    self.heap.decref(x);
                    match r {
                        Ok(true) => {
                            found = Ok(true);
                            break;
                        }
                        Ok(false) => {}
                        Err(e) => {
                            found = Err(e);
                            break;
                        }
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    found = Err(e);
                    break;
                }
            }
        }
        self.held.truncate(mark);
        self.heap.decref(it);
        found
    }
}

/// `x op y` for two small ints when the result is a small int too and needs none of the
/// general path's care (overflow, a negative divisor's rounding, a zero divisor): None
/// otherwise.
#[inline]
pub(crate) fn small_int_op(x: i64, y: i64, op: BinOp) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::FloorDiv if y > 0 => Some(x.div_euclid(y)),
        BinOp::Mod if y > 0 => Some(x.rem_euclid(y)),
        _ => None,
    }
}

pub(crate) fn cmp_ord(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

pub fn ordering_matches(o: std::cmp::Ordering, op: CmpOp) -> bool {
    cmp_ord(o, op)
}

/// A deterministic string hash (CPython randomizes str hashes; programs must not depend
/// on them, and refscope keeps runs reproducible). The empty string's is 0, as
/// `_Py_HashBytes` makes it whatever the seed.
pub fn str_hash(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for x in b {
        h ^= *x as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython's frozenset_hash: the items' hashes, each with its bits shuffled, xor-ed
/// together (so the order does not matter), then the size mixed in and the result
/// dispersed, so that `hash(frozenset({1, 2, 3}))` is python3's.
fn frozenset_hash(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut h = hashes.fold(0u64, |acc, e| acc ^ shuffle(e as u64));
    h ^= (len as u64 + 1).wrapping_mul(1_927_868_237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
    match h as i64 {
        -1 => 590_923_713,
        h => h,
    }
}
