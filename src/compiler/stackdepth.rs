//! `co_stacksize`: the deepest the value stack of a frame running the code gets, as
//! CPython 3.11 counts it (its `stackdepth`), which `sys.getsizeof` of a generator
//! includes (the frame's value stack lives in the generator).
//!
//! refscope's instructions push and pop what CPython 3.11's do, except in exception
//! handling: refscope keeps the previously handled exception, and the `lasti` of a
//! cleanup handler, in its block stack, where CPython pushes them on the value stack.
//! The walk adds them back: a handler entered from a `try` counts the previous exception
//! until its `PopExcept` (a `with` handler counts `lasti` too), and each `try` or `with`
//! counts the cleanup handler CPython wraps its handler in (which copies the exception
//! over the previous one and `lasti`: four above the `try`'s depth, five above a
//! `with`'s manager).

use super::code::Instr;

/// What an instruction does to the stack: its effect when it falls through to the next
/// instruction, its effect when it jumps (None: it never jumps), the deepest it goes
/// in between, relative to the depth before it, and whether it can fall through.
struct Effect {
    next: i32,
    jump: Option<i32>,
    peak: i32,
    falls_through: bool,
}

fn effect(instr: &Instr) -> Effect {
    use Instr::*;
    let n = |x: u32| x as i32;
    let (next, jump) = match *instr {
        Nop | SetupAnnotations | Swap(_) | KwNames(_) | LoadAttr(_) | UnaryNegative
        | UnaryPositive | UnaryNot | UnaryInvert | ListToTuple | GetIter | GetYieldFromIter
        | GetAwaitable(_) | AsyncGenWrap | YieldValue | PopBlock | PopExcept | CheckExcMatch
        | CheckEgMatch | DeleteFast(_) | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_) => {
            (0, None)
        }
        PopTop | StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) | DeleteAttr(_)
        | BinarySubscr | BinaryOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) | ListAppend(_)
        | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_)
        | WithExitNormal | ImportStar | YieldFrom | PrepReraiseStar => (-1, None),
        Copy(_) | PushNull | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
        | LoadClassDeref(_) | LoadName(_) | LoadGlobal(_) | LoadMethod(_) | GetLen
        | MatchMapping | MatchSequence | MatchKeys | LoadBuildClass | WithExceptStart
        | LoadAssertionError | ImportName(_) | ImportFrom(_) => (1, None),
        StoreAttr(_) | DeleteSubscr | MatchClass(_) => (-2, None),
        StoreSubscr => (-3, None),
        MapAdd(_) => (-2, None),
        BuildSlice(k) => (1 - n(k), None),
        BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => (1 - n(k), None),
        BuildMap(k) => (1 - 2 * n(k), None),
        FormatValue(fl) => (if fl & 4 != 0 { -1 } else { 0 }, None),
        UnpackSequence(k) => (n(k) - 1, None),
        UnpackEx(arg) => (n(arg & 0xff) + n(arg >> 8), None),
        Call(k) => (-n(k) - 1, None),
        CallFunctionEx(fl) => (-2 - (fl & 1) as i32, None),
        MakeFunction(fl) => (-((fl & 0xf).count_ones() as i32), None),
        Jump(_) => (0, Some(0)),
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => {
            (-1, Some(-1))
        }
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => (-1, Some(0)),
        ForIter(_) => (1, Some(-1)),
        // The handler starts with the exception on the stack.
        SetupFinally(_) => (0, Some(1)),
        // `mgr → exit, entered`; the handler starts with `exit, exc`.
        SetupWith(_) => (1, Some(1)),
        // `exit, entered` stay; the handler starts with `exit, exc`.
        SetupAsyncWith(_) => (0, Some(0)),
        BeforeAsyncWith | GetANext => (1, None),
        GetAIter => (0, None),
        EndAsyncFor => (-2, None),
        AsyncWithExit => (0, None),
        ReturnValue | Reraise => (-1, None),
        Raise(k) => (-n(k), None),
    };
    let falls_through = !matches!(instr, Jump(_) | ReturnValue | Reraise | Raise(_));
    // `import m` pushes the level and the from-list before IMPORT_NAME pops them.
    let peak = match instr {
        ImportName(_) => 2,
        _ => next.max(jump.unwrap_or(0)).max(0),
    };
    Effect {
        next,
        jump,
        peak,
        falls_through,
    }
}

fn target(instr: &Instr) -> Option<u32> {
    use Instr::*;
    match *instr {
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t)
        | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | ForIter(t) | SetupFinally(t)
        | SetupWith(t) | SetupAsyncWith(t) => Some(t),
        _ => None,
    }
}

/// The `co_stacksize` of `code`.
pub fn stacksize(code: &[Instr]) -> u32 {
    // (instruction, depth as refscope keeps it, what CPython also has on the stack)
    let mut seen = vec![false; code.len()];
    let mut work: Vec<(usize, i32, i32)> = vec![(0, 0, 0)];
    let mut max = 0i32;
    while let Some((mut i, mut depth, mut extra)) = work.pop() {
        while i < code.len() && !seen[i] {
            seen[i] = true;
            let instr = &code[i];
            let e = effect(instr);
            max = max.max(depth + extra + e.peak);
            match instr {
                Instr::SetupFinally(t) => {
                    // CPython's cleanup around the handler: the previous exception, then
                    // `lasti` and the exception, then a copy of it.
                    max = max.max(depth + 4);
                    work.push((*t as usize, depth + 1, extra + 1));
                }
                Instr::SetupWith(t) => {
                    // The manager is on the stack; `exit` takes its place. CPython's
                    // handler has `exit, lasti, previous, exc`, and its cleanup copies.
                    max = max.max(depth + 5);
                    work.push((*t as usize, depth + 1, extra + 2));
                }
                Instr::SetupAsyncWith(t) => {
                    // `exit, entered` on the stack; the handler has `exit, exc` and
                    // CPython's cleanup copies, as for `with`.
                    max = max.max(depth + 4);
                    work.push((*t as usize, depth, extra + 2));
                }
                Instr::PopExcept => extra = (extra - 1).max(0),
                _ => {
                    if let (Some(t), Some(j)) = (target(instr), e.jump) {
                        work.push((t as usize, depth + j, extra));
                    }
                }
            }
            if !e.falls_through {
                break;
            }
            depth += e.next;
            i += 1;
        }
    }
    max.max(0) as u32
}
