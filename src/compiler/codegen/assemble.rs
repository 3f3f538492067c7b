//! Finishing a unit (CPython's assembler): labels become instruction indices, every jump
//! to the implicit `return None` gets its own copy carrying the jump's line, unreachable
//! code is dropped, and the [`CodeObject`] is built.

use super::{Context, Unit, control};
use crate::compiler::code::{CodeObject, Instr, flags};

impl Unit<'_> {
    /// Resolves labels, gives each jump to the implicit return its own copy (so the return
    /// carries the line of the jump, as CPython's `duplicate_exits_without_lineno`), and
    /// builds the code object.
    pub(super) fn finish(mut self, ctx: &Context) -> CodeObject {
        let labels = std::mem::take(&mut self.labels);
        for instr in &mut self.code {
            if let Some(t) = control::jump_target_mut(instr) {
                *t = labels.get(*t as usize).copied().unwrap_or(0);
            }
        }
        if let Some(ret) = self.implicit_return {
            let none = self.code[ret];
            for i in 0..ret {
                let line = match self.exit_lines.iter().find(|(j, _)| *j == i) {
                    Some(&(_, l)) => l,
                    None => self.lines[i],
                };
                let new_target = self.code.len() as u32;
                let ret_line = self.lines[ret];
                match control::jump_target_mut(&mut self.code[i]) {
                    Some(t) if *t as usize == ret && line != ret_line => *t = new_target,
                    _ => continue,
                }
                self.code.push(none);
                self.code.push(Instr::ReturnValue);
                self.lines.push(line);
                self.lines.push(line);
            }
        }
        self.remove_unreachable();
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| {
                let nparams = self.nparams();
                self.varnames[..nparams.min(self.varnames.len())]
                    .iter()
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        let stacksize = crate::compiler::stackdepth::stacksize(&self.code);
        // (The same literal value anywhere in the code is one constant.)
        let mut seen = std::collections::HashSet::new();
        self.arena.retain(|c| seen.insert(super::consts::key(c)));
        CodeObject {
            stacksize,
            name: self.name,
            qualname: self.qualname,
            filename: ctx.filename.clone(),
            first_line: self.first_line,
            flags: self.flags,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            cell2arg,
            names: self.names,
            consts: self.consts,
            code: self.code,
            lines: self.lines,
            line_breaks: self.line_breaks.iter().map(|&i| i as u32).collect(),
            doc: self.doc,
            arena: self.arena,
        }
    }

    /// Drops instructions no path reaches (code after a `return`, `raise` or jump), as
    /// CPython's optimizer does, and retargets the jumps.
    fn remove_unreachable(&mut self) {
        let n = self.code.len();
        let mut reachable = vec![false; n];
        let mut work = vec![0usize];
        while let Some(i) = work.pop() {
            if i >= n || reachable[i] {
                continue;
            }
            reachable[i] = true;
            let mut instr = self.code[i];
            if let Some(t) = control::jump_target_mut(&mut instr) {
                work.push(*t as usize);
            }
            let exits = matches!(
                instr,
                Instr::Jump(_) | Instr::ReturnValue | Instr::Reraise | Instr::Raise(_)
            );
            if !exits {
                work.push(i + 1);
            }
        }
        let mut new_index = Vec::with_capacity(n + 1);
        let mut next = 0u32;
        for &r in &reachable {
            new_index.push(next);
            next += u32::from(r);
        }
        new_index.push(next);
        let mut code = Vec::with_capacity(next as usize);
        let mut lines = Vec::with_capacity(next as usize);
        for (i, mut instr) in self.code.iter().copied().enumerate() {
            if !reachable[i] {
                continue;
            }
            if let Some(t) = control::jump_target_mut(&mut instr) {
                *t = new_index.get(*t as usize).copied().unwrap_or(next);
            }
            code.push(instr);
            lines.push(self.lines[i]);
        }
        self.code = code;
        self.lines = lines;
        self.line_breaks = self
            .line_breaks
            .iter()
            .filter(|&&i| reachable.get(i) == Some(&true))
            .map(|&i| new_index[i] as usize)
            .collect();
        self.line_breaks.sort_unstable();
    }

    fn nparams(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        n += usize::from(self.flags & flags::VARARGS != 0);
        n += usize::from(self.flags & flags::VARKEYWORDS != 0);
        n
    }
}
