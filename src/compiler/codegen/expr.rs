//! Expressions (CPython's `compiler_visit_expr`): each instruction carries the line of the
//! expression that produced it.

use ruff_python_ast::{self as ast, BoolOp, Expr, Operator, UnaryOp};
use ruff_text_size::Ranged;

use super::control::const_items;
use super::{Compiler, NameOp, Result};
use crate::compiler::code::{BinOp, CmpOp, Const, Instr, flags};
use crate::compiler::fold;

/// CPython's `STACK_USE_GUIDELINE`: longer displays are built item by item.
pub(super) const STACK_USE_GUIDELINE: usize = 30;

pub(super) fn binop(op: Operator) -> u32 {
    (match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::FloorDiv => BinOp::FloorDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitAnd => BinOp::And,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
    }) as u32
}

/// Builds an instruction from its argument.
type MakeInstr = fn(u32) -> Instr;

/// How a display is built: `[..]`, `{..}` or `(..)`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Display {
    List,
    Set,
    Tuple,
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<()> {
        let line = self.line_of(e.range());
        self.expr_on_line(e, line)
    }

    /// Compiles `e` with `line` as its own line.
    pub(super) fn expr_on_line(&mut self, e: &'a Expr, line: u32) -> Result<()> {
        let saved = self.unit.line;
        self.unit.line = line;
        let r = self.expr1(e);
        self.unit.line = saved;
        r
    }

    fn expr1(&mut self, e: &'a Expr) -> Result<()> {
        if matches!(
            e,
            Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Tuple(_) | Expr::Subscript(_)
        ) && let Some(c) = fold::fold(e)
        {
            self.literals_in_arena(e);
            self.in_arena(&c);
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let (last, rest) = b
                    .values
                    .split_last()
                    .ok_or_else(|| self.syntax_error(b.range, "empty boolean operation"))?;
                for v in rest {
                    self.expr(v)?;
                    match b.op {
                        BoolOp::And => self.emit_jump(Instr::JumpIfFalseOrPop, end),
                        BoolOp::Or => self.emit_jump(Instr::JumpIfTrueOrPop, end),
                    }
                }
                self.expr(last)?;
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                if b.op == Operator::Mod
                    && let (Some(Const::Str(fmt)), Expr::Tuple(t)) =
                        (fold::fold(&b.left), &*b.right)
                    && !t.elts.iter().any(|e| matches!(e, Expr::Starred(_)))
                    && fold::fold(&b.right).is_none()
                    && self.percent_format(&fmt, &t.elts)?
                {
                    return Ok(());
                }
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(match u.op {
                    UnaryOp::Invert => Instr::UnaryInvert,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::UAdd => Instr::UnaryPositive,
                    UnaryOp::USub => Instr::UnaryNegative,
                });
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let (next, end) = (self.new_label(), self.new_label());
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.emit_jump_noline(Instr::Jump, end);
                self.bind(next);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.display(&s.elts, Display::Set, 0)?,
            Expr::List(l) => self.display(&l.elts, Display::List, 0)?,
            Expr::Tuple(t) => self.display(&t.elts, Display::Tuple, 0)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehension(e)?
            }
            Expr::Await(a) => {
                self.check_await(a.range, "'await'")?;
                self.expr(&a.value)?;
                self.await_top(0);
            }
            Expr::Yield(y) => {
                self.check_yield(y.range)?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                if self.unit.flags & flags::ASYNC_GENERATOR != 0 {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.check_yield(y.range)?;
                if self.unit.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
                    return Err(self.syntax_error(y.range, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Const::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return Err(self.unsupported(t.range, "t-strings are")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => match fold::fold(e) {
                Some(c) => {
                    self.in_arena(&c);
                    self.load_const(c)
                }
                None => {
                    return Err(
                        self.unsupported(e.range(), "complex literals with a real part are")
                    );
                }
            },
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                let idx = self.attr_index(&at.attr.id);
                let line = self.attr_line(at);
                self.at_line(line, |c| c.emit(Instr::LoadAttr(idx)));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_key(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(s) => {
                return Err(self.syntax_error(s.range, "can't use starred expression here"));
            }
            Expr::Name(n) if n.id.as_str() == "__debug__" => self.load_const(Const::Bool(true)),
            Expr::Name(n) => self.name_op(&n.id, NameOp::Load),
            // A slice inside a tuple key (`x[a:b, c]`).
            Expr::Slice(_) => self.subscript_key(e)?,
            Expr::IpyEscapeCommand(i) => {
                return Err(self.unsupported(i.range, "IPython escape commands are"));
            }
        }
        Ok(())
    }

    /// `what` (`'await'`, `'async with'`, `'async for'`) must be inside an `async def`.
    pub(super) fn check_await(&self, range: ruff_text_size::TextRange, what: &str) -> Result<()> {
        use crate::compiler::symtable::ScopeKind;
        if self.unit.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
            return Ok(());
        }
        match self.unit.kind {
            ScopeKind::Comprehension => Err(self.syntax_error(
                range,
                "asynchronous comprehension outside of an asynchronous function",
            )),
            ScopeKind::Module | ScopeKind::Class if what == "'await'" => {
                Err(self.syntax_error(range, "'await' outside function"))
            }
            _ => Err(self.syntax_error(range, format!("{what} outside async function"))),
        }
    }

    /// Awaits the object on top of the stack, leaving its result there: CPython's
    /// `GET_AWAITABLE; LOAD_CONST None; SEND` loop, which is `yield from` over the
    /// awaitable's iterator.
    pub(super) fn await_top(&mut self, origin: u32) {
        self.emit(Instr::GetAwaitable(origin));
        self.load_const(Const::None);
        self.emit(Instr::YieldFrom);
    }

    fn check_yield(&self, range: ruff_text_size::TextRange) -> Result<()> {
        if self.unit.kind.is_function() {
            Ok(())
        } else {
            Err(self.syntax_error(range, "'yield' outside function"))
        }
    }

    pub(super) fn compare_op(&mut self, op: ast::CmpOp) {
        self.emit(match op {
            ast::CmpOp::Eq => Instr::CompareOp(CmpOp::Eq as u32),
            ast::CmpOp::NotEq => Instr::CompareOp(CmpOp::Ne as u32),
            ast::CmpOp::Lt => Instr::CompareOp(CmpOp::Lt as u32),
            ast::CmpOp::LtE => Instr::CompareOp(CmpOp::Le as u32),
            ast::CmpOp::Gt => Instr::CompareOp(CmpOp::Gt as u32),
            ast::CmpOp::GtE => Instr::CompareOp(CmpOp::Ge as u32),
            ast::CmpOp::Is => Instr::IsOp(0),
            ast::CmpOp::IsNot => Instr::IsOp(1),
            ast::CmpOp::In => Instr::ContainsOp(0),
            ast::CmpOp::NotIn => Instr::ContainsOp(1),
        });
    }

    /// The right operand of a comparison: `x in [1, 2]` tests a constant tuple instead,
    /// and `x in {1, 2}` a constant frozenset.
    fn comparator(&mut self, op: ast::CmpOp, e: &'a Expr) -> Result<()> {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            return self.folded_collection(e);
        }
        self.expr(e)
    }

    /// The literals inside an expression the AST optimizer folds (`-123456`, `(1000,
    /// 2000)`), which the parser's arena keeps.
    pub(super) fn literals_in_arena(&mut self, e: &Expr) {
        // What the optimizer folds is a constant of the arena too.
        if matches!(
            e,
            Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Tuple(_) | Expr::Subscript(_)
        ) && let Some(c) = fold::fold(e)
        {
            self.in_arena(&c);
        }
        match e {
            Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => {
                if let Some(c) = fold::fold(e) {
                    self.in_arena(&c);
                }
            }
            Expr::BinOp(b) => {
                self.literals_in_arena(&b.left);
                self.literals_in_arena(&b.right);
            }
            Expr::UnaryOp(u) => self.literals_in_arena(&u.operand),
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.literals_in_arena(x);
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.literals_in_arena(x);
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.literals_in_arena(x);
                }
            }
            Expr::Subscript(s) => {
                self.literals_in_arena(&s.value);
                self.literals_in_arena(&s.slice);
            }
            _ => {}
        }
    }

    /// A list display of constants as a constant tuple, a set display of constants as a
    /// constant frozenset (where CPython's AST optimizer folds them: the right of `in`,
    /// the iterable of a `for`); anything else as itself.
    pub(super) fn folded_collection(&mut self, e: &'a Expr) -> Result<()> {
        let folded = match e {
            Expr::List(l) => const_items(&l.elts).map(|items| Const::Tuple(items.into())),
            Expr::Set(s) => const_items(&s.elts).map(|items| Const::FrozenSet(items.into())),
            _ => None,
        };
        match folded {
            Some(c) => {
                self.literals_in_arena(e);
                let line = self.line_of(e.range());
                self.at_line(line, |cc| cc.load_const(c));
                Ok(())
            }
            None => self.expr(e),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> Result<()> {
        let n = c.ops.len();
        if n == 0 || n != c.comparators.len() {
            return Err(self.syntax_error(c.range, "malformed comparison"));
        }
        self.expr(&c.left)?;
        if n == 1 {
            self.comparator(c.ops[0], &c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.comparator(c.ops[i], &c.comparators[i])?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.compare_op(c.ops[i]);
            self.emit_jump(Instr::JumpIfFalseOrPop, cleanup);
        }
        self.comparator(c.ops[n - 1], &c.comparators[n - 1])?;
        self.compare_op(c.ops[n - 1]);
        let end = self.new_label();
        self.emit_jump_noline(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    /// A list, set or tuple display with `pushed` items already on the stack
    /// (CPython's `starunpack_helper`).
    pub(super) fn display(&mut self, elts: &'a [Expr], kind: Display, pushed: u32) -> Result<()> {
        let n = elts.len();
        // Three or more constants: an empty list or set extended by a constant tuple
        // or frozenset.
        if kind != Display::Tuple
            && n > 2
            && pushed == 0
            && let Some(items) = const_items(elts)
        {
            for e in elts {
                self.literals_in_arena(e);
            }
            let (build, folded, extend) = match kind {
                Display::Set => (
                    Instr::BuildSet(0),
                    Const::FrozenSet(items.into()),
                    Instr::SetUpdate(1),
                ),
                _ => (
                    Instr::BuildList(0),
                    Const::Tuple(items.into()),
                    Instr::ListExtend(1),
                ),
            };
            self.emit(build);
            self.load_const(folded);
            self.emit(extend);
            return Ok(());
        }
        let (build, add, extend): (MakeInstr, MakeInstr, MakeInstr) = match kind {
            Display::Set => (Instr::BuildSet, Instr::SetAdd, Instr::SetUpdate),
            Display::List | Display::Tuple => {
                (Instr::BuildList, Instr::ListAppend, Instr::ListExtend)
            }
        };
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        if !has_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let total = n as u32 + pushed;
            self.emit(match kind {
                Display::Tuple => Instr::BuildTuple(total),
                _ => build(total),
            });
            return Ok(());
        }
        let mut built = false;
        if big && !has_star {
            self.emit(build(pushed));
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build(i as u32 + pushed));
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend(1));
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add(1));
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// A dict display (CPython's `compiler_dict`): runs of `k: v` pairs become `BuildMap(n)`,
    /// or, past 16 pairs, `BuildMap(0)` and one `MapAdd` per pair; `**m` is `DictUpdate`.
    fn dict(&mut self, d: &'a ast::ExprDict) -> Result<()> {
        let items = &d.items;
        let mut elements = 0;
        let mut have_dict = false;
        for (i, item) in items.iter().enumerate() {
            if item.key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i])?;
                    if have_dict {
                        self.emit(Instr::DictUpdate(1));
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Instr::BuildMap(0));
                    have_dict = true;
                }
                self.expr(&item.value)?;
                self.emit(Instr::DictUpdate(1));
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&items[i - elements..=i])?;
                if have_dict {
                    self.emit(Instr::DictUpdate(1));
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[items.len() - elements..])?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap(0));
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> Result<()> {
        let big = items.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for item in items {
            if let Some(k) = &item.key {
                self.expr(k)?;
            }
            self.expr(&item.value)?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(items.len() as u32));
        }
        Ok(())
    }
}
