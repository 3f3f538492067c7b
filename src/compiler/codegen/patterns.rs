//! The `match` statement (PEP 634), compiled as CPython 3.11's compiler compiles it
//! (`compiler_match` and the `compiler_pattern_*` functions): the same instructions in the
//! same order, so that a step shows the same stack and the same line events.
//!
//! A pattern works on the subject on top of the stack and consumes it. What it captures
//! stays on the stack, below what it still works on, until the whole pattern has matched:
//! only then are the names stored, so a failed pattern binds nothing. A failure jumps to
//! one of the `fail_pop` labels, each followed by the `POP_TOP`s that clear what is on the
//! stack at that point.

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::Ranged;

use super::{Compiler, Label, NameOp, Result};
use crate::compiler::code::{CmpOp, Const, Instr};
use crate::compiler::fold;

/// CPython's `pattern_context`.
#[derive(Default)]
struct PatternContext {
    /// The names captured so far, in the order their values sit on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern (a bare name or `_`) is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]`: where to jump to fail with `n` items to pop.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that the pattern must keep (above the captures).
    on_top: usize,
    /// The pattern compiled last: where CPython reports an error found after it.
    loc: Option<ruff_text_size::TextRange>,
}

/// `_`: a wildcard.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_`
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> Result<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Ok(());
        };
        let has_default = usize::from(is_wildcard(&last.pattern) && cases > 1);
        for (i, case) in m.cases[..cases - has_default].iter().enumerate() {
            self.unit.line = self.line_of(case.pattern.range());
            let not_last = i != cases - has_default - 1;
            // The subject stays for the next case.
            if not_last {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatternContext {
                // Irrefutable cases must be guarded, last, or both.
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                ..Default::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            // A match: store the captured names (their values are on the stack).
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, NameOp::Store);
            }
            if let Some(guard) = &case.guard {
                let fail = self.fail_pop(&mut pc, 0);
                self.jump_if(guard, fail, false)?;
            }
            if not_last {
                self.emit(Instr::PopTop);
            }
            self.stmts(&case.body)?;
            self.emit_jump_noline(Instr::Jump, end);
            // The clean-up of a failed pattern is on the pattern's line, not the body's.
            self.unit.line = self.line_of(case.pattern.range());
            self.emit_fail_pops(&mut pc);
        }
        if has_default == 1 {
            // A trailing `case _:` needs no copy of the subject, nor a test.
            self.unit.line = self.line_of(last.pattern.range());
            if cases == 1 {
                self.emit(Instr::PopTop);
            } else {
                // The line is reached (a line event), though nothing is tested.
                self.emit(Instr::Nop);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    /// The label to jump to when failing with `pops` items to pop.
    fn fail_pop(&mut self, pc: &mut PatternContext, pops: usize) -> Label {
        while pc.fail_pop.len() <= pops {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[pops]
    }

    /// A jump (`make`) to the failure that pops what the pattern has on the stack now.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, make: fn(u32) -> Instr) {
        let pops = pc.on_top + pc.stores.len();
        let l = self.fail_pop(pc, pops);
        self.emit_jump(make, l);
    }

    /// The failure labels, each followed by one `POP_TOP` more than the next.
    fn emit_fail_pops(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        if let Some((first, rest)) = labels.split_first() {
            for l in rest.iter().rev() {
                self.bind(*l);
                self.emit(Instr::PopTop);
            }
            self.bind(*first);
        }
    }

    /// Moves the top of the stack `count - 1` places down.
    fn rotate(&mut self, count: usize) {
        for n in (2..=count).rev() {
            self.emit(Instr::Swap(n as u32));
        }
    }

    /// Captures the value on top under `name` (or drops it for `_`): it goes below what the
    /// pattern keeps on top and the captures before it.
    fn store_capture(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let Some(name) = name else {
            self.emit(Instr::PopTop);
            return Ok(());
        };
        if &*name.id == "__debug__" {
            return Err(self.syntax_error(name.range, "cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| *s == *name.id) {
            return Err(self.syntax_error(
                name.range,
                format!("multiple assignments to name '{}' in pattern", name.id),
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.id.to_string());
        Ok(())
    }

    /// A pattern inside another, where an irrefutable one is always allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<()> {
        let saved = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<()> {
        pc.loc = Some(p.range());
        match p {
            Pattern::MatchValue(v) => {
                if !is_value_expr(&v.value) {
                    return Err(self.syntax_error(
                        v.range,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq as u32));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(Instr::IsOp(0));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => {
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.id
                                )
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.syntax_error(a.range, msg));
                    }
                    self.store_capture(a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    // A copy to store once the inner pattern matched.
                    pc.on_top += 1;
                    self.emit(Instr::Copy(1));
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(s, pc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, pc)?,
            Pattern::MatchOr(o) => self.or_pattern(o, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        seq: &'a ast::PatternMatchSequence,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let patterns = &seq.patterns[..];
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(
                        self.syntax_error(seq.range, "multiple starred names in sequence pattern")
                    );
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top through the type and length tests.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int(size as i64));
                self.emit(Instr::CompareOp(CmpOp::Eq as u32));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) => {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Instr::CompareOp(CmpOp::Ge as u32));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
        }
        // What follows consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            // `[]`, `[_]`, `[_, *_]`...
            self.emit(Instr::PopTop);
        } else if star_wildcard {
            self.sequence_subscripts(patterns, star.unwrap_or(size), pc)?;
        } else {
            self.sequence_unpack(patterns, star, pc)?;
        }
        Ok(())
    }

    /// Unpacks the subject and matches each item.
    fn sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        star: Option<usize>,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let size = patterns.len();
        match star {
            None => self.emit(Instr::UnpackSequence(size as u32)),
            Some(i) => self.emit(Instr::UnpackEx((i | ((size - i - 1) << 8)) as u32)),
        }
        pc.on_top += size;
        for p in patterns {
            // One item fewer to keep each time.
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[a, *_, b]`: the items needed, by index (from the end through `len`, as the subject
    /// may not take negative indexes), without copying the middle.
    fn sequence_subscripts(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> Result<()> {
        // The subject stays for taking items.
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Instr::Copy(1));
            if i < star {
                self.load_const(Const::Int(i as i64));
            } else {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int((size - i) as i64));
                self.emit(Instr::BinaryOp(crate::compiler::code::BinOp::Sub as u32));
            }
            self.emit(Instr::BinarySubscr);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instr::PopTop);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.syntax_error(
                m.range,
                "keys (%d) / patterns (%d) length mismatch in mapping pattern",
            ));
        }
        // The subject stays on top through the type and length tests.
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            // `{}`: done.
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.load_const(Const::Int(size as i64));
            self.emit(Instr::CompareOp(CmpOp::Ge as u32));
            self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        }
        // The keys, as a tuple: literals (checked for duplicates here) or attribute lookups.
        let mut seen: HashSet<String> = HashSet::new();
        let mut consts = vec![];
        for key in &m.keys {
            let folded = match key {
                Expr::Attribute(_) => None,
                k if is_literal(k) => fold::fold(k),
                k => {
                    return Err(self.syntax_error(
                        k.range(),
                        "mapping pattern keys may only match literals and attribute lookups",
                    ));
                }
            };
            if let Some(c) = &folded {
                let shown = const_repr(c);
                if !seen.insert(const_key(c)) {
                    return Err(self.syntax_error(
                        m.range,
                        format!("mapping pattern checks duplicate key ({shown})"),
                    ));
                }
            }
            consts.push(folded);
        }
        if let Some(all) = consts.iter().cloned().collect::<Option<Vec<Const>>>() {
            // A tuple of constants is one constant, as CPython's optimizer makes it.
            self.load_const(Const::Tuple(Rc::from(all)));
        } else {
            for key in &m.keys {
                self.expr(key)?;
            }
            self.emit(Instr::BuildTuple(size as u32));
        }
        self.emit(Instr::MatchKeys);
        // A tuple of keys and one of values (or None) on top of the subject.
        pc.on_top += 2;
        self.emit(Instr::Copy(1));
        self.load_const(Const::None);
        self.emit(Instr::IsOp(1));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject), then del rest[key] for each key.
                self.emit(Instr::BuildMap(0));
                self.emit(Instr::Swap(3));
                self.emit(Instr::DictUpdate(2));
                self.emit(Instr::UnpackSequence(size as u32));
                for k in (1..=size).rev() {
                    self.emit(Instr::Copy(1 + k as u32));
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::DeleteSubscr);
                }
                self.store_capture(Some(rest), pc)?;
            }
            None => {
                self.emit(Instr::PopTop);
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let args = &c.arguments;
        let (nargs, nattrs) = (args.patterns.len(), args.keywords.len());
        let mut names: Vec<&str> = vec![];
        for k in &args.keywords {
            let name = &*k.attr.id;
            if name == "__debug__" {
                return Err(self.syntax_error(k.attr.range, "cannot assign to __debug__"));
            }
            if names.contains(&name) {
                return Err(self.syntax_error(
                    k.pattern.range(),
                    format!("attribute name repeated in class pattern: {name}"),
                ));
            }
            names.push(name);
        }
        self.expr(&c.cls)?;
        let names = names
            .iter()
            .map(|n| Const::Str(Rc::from(*n)))
            .collect::<Vec<_>>();
        self.load_const(Const::Tuple(Rc::from(names)));
        self.emit(Instr::MatchClass(nargs as u32));
        self.emit(Instr::Copy(1));
        self.load_const(Const::None);
        self.emit(Instr::IsOp(1));
        // A tuple of the attributes (or None) on top.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        self.emit(Instr::UnpackSequence((nargs + nattrs) as u32));
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Instr::PopTop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> Result<()> {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let (old_on_top, old_allow) = (pc.on_top, pc.allow_irrefutable);
        // The names the first alternative binds: the others must bind the same, and their
        // values are put in the same order on the stack.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            pc.stores = vec![];
            // Only the last alternative may be irrefutable, if any may.
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = vec![];
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != pc.stores.len() => {
                    let at = pc.loc.unwrap_or(alt.range());
                    return Err(self.syntax_error(at, "alternative patterns bind different names"));
                }
                Some(ctl) => {
                    for icontrol in (0..ctl.len()).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            let at = pc.loc.unwrap_or(alt.range());
                            return Err(
                                self.syntax_error(at, "alternative patterns bind different names")
                            );
                        };
                        if icontrol != istores {
                            // Reorder the values on the stack as the names are in control.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                            let at = icontrol - istores;
                            for (k, n) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, n);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Instr::Jump, end);
            self.emit_fail_pops(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: pop the copy of the subject and fail.
        self.emit(Instr::PopTop);
        self.jump_to_fail_pop(pc, Instr::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        // Between where the new captures are and where they belong: the other new
        // captures, the copy of the subject, what the pattern keeps on top, and the
        // captures made before.
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.syntax_error(
                    o.range,
                    format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Instr::PopTop);
        Ok(())
    }
}

/// What a value pattern may be: a literal (signed or complex numbers included) or a
/// dotted name (CPython's `MATCH_VALUE_EXPR`).
fn is_value_expr(e: &Expr) -> bool {
    is_literal(e) || matches!(e, Expr::Attribute(_))
}

fn is_literal(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => matches!(*u.operand, Expr::NumberLiteral(_)),
        Expr::BinOp(b) => is_literal(&b.left) && is_literal(&b.right),
        _ => false,
    }
}

/// Equal constants get equal keys (`1`, `1.0` and `True` are one dict key).
fn const_key(c: &Const) -> String {
    match c {
        Const::Bool(b) => format!("n{}", u8::from(*b)),
        Const::Int(i) => format!("n{i}"),
        Const::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("n{}", *f as i64),
        other => format!("{other:?}"),
    }
}

/// A constant as `repr` shows it, for the duplicate-key message.
fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(i) => i.to_string(),
        Const::Float(f) => crate::vm::text::float::float_repr(*f),
        Const::Str(s) => crate::vm::text::repr::str_repr(s),
        other => format!("{other:?}"),
    }
}
