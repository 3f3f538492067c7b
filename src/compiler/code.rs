//! The compiled form of a Python program: [`CodeObject`]s holding [`Instr`]uctions.
//!
//! This file is the contract between the compiler (which writes code objects) and the vm
//! (which runs them). A code object is plain data: it never touches the heap. The vm puts
//! its constants on the heap when the code is loaded (merging equal constants per file, as
//! CPython does).
//!
//! # The value stack and calls
//!
//! Stack pictures below list the stack bottom → top; `→` separates what an instruction
//! pops from what it pushes. `NULL` is an empty slot (see [`Instr::PushNull`]).
//!
//! Calls use CPython 3.11's convention: below the `n` arguments there are two slots `A, B`.
//! If `A` is `NULL` the callable is `B` and the arguments are the `n` values; otherwise the
//! callable is `A` and the arguments are `B` followed by the `n` values (a method call
//! prepared by [`Instr::LoadMethod`]). A plain call is therefore compiled as
//! `PushNull; <callable>; <args...>; Call(n)`.
//!
//! # Exceptions: the block stack
//!
//! Each frame has a block stack (as CPython up to 3.10). [`Instr::SetupFinally`] pushes a
//! handler block that remembers the stack depth; [`Instr::PopBlock`] removes it. When an
//! exception is raised, the vm pops blocks of the current frame until it finds a handler
//! block: it truncates the value stack to the remembered depth, pushes the exception object,
//! pushes an *except-handler* block (which records the exception being handled, so
//! `sys.exc_info()`, bare `raise` and implicit `__context__` work), and jumps to the handler.
//! [`Instr::PopExcept`] pops that except-handler block and restores the previously handled
//! exception. If an exception escapes while an except-handler block is on top, the vm pops
//! it (restoring the handled exception) before looking further, so the compiler never needs a
//! cleanup handler just for that. If the frame has no handler block left, the frame is
//! discarded and the exception propagates to the caller.

use std::rc::Rc;

/// One instruction. Arguments are indices into the code object's tables or jump targets
/// (absolute instruction indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,
    /// Creates `__annotations__` (an empty dict) in the namespace unless it is there: the
    /// start of a module or class body that annotates names.
    SetupAnnotations,

    // ---- stack ----
    /// `v →`
    PopTop,
    /// Push a new reference to the `n`-th item from the top (`Copy(1)` duplicates TOS).
    Copy(u32),
    /// Swap TOS with the `n`-th item from the top (`Swap(2)` swaps the top two), n ≥ 2.
    Swap(u32),
    /// `→ NULL`
    PushNull,
    /// `→ consts[i]`
    LoadConst(u32),

    // ---- variables ----
    /// Fast locals: index into `varnames`. Loading an empty slot raises
    /// `UnboundLocalError: cannot access local variable 'x' where it is not associated with a value`.
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells and free variables: index into `cellvars ++ freevars`. `LoadDeref` of an empty
    /// cell raises `NameError: cannot access free variable 'x' where it is not associated
    /// with a value in enclosing scope` (free) or the `UnboundLocalError` above (cell).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure tuple).
    LoadClosure(u32),
    /// In a class body: look the name up in the class namespace first, then in the cell.
    LoadClassDeref(u32),
    /// Name lookups through the frame's namespace (module level and class bodies): local
    /// namespace → globals → builtins. Index into `names`.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// globals → builtins. Pushes only the value. Index into `names`.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),

    // ---- attributes ----
    /// `obj → obj.name`
    LoadAttr(u32),
    /// `value, obj →` (performs `obj.name = value`)
    StoreAttr(u32),
    /// `obj →`
    DeleteAttr(u32),
    /// `obj → meth, obj` when `name` resolves to a plain function on the type (an unbound
    /// method call), else `obj → NULL, obj.name`. See the call convention above.
    LoadMethod(u32),

    // ---- subscripts ----
    /// `container, key → container[key]`
    BinarySubscr,
    /// `value, container, key →`
    StoreSubscr,
    /// `container, key →`
    DeleteSubscr,
    /// `start, stop → slice` (n = 2) or `start, stop, step → slice` (n = 3)
    BuildSlice(u32),

    // ---- operators ----
    /// `a, b → a op b`; the argument is a [`BinOp`] as `u32` (in-place forms included).
    BinaryOp(u32),
    /// `v → -v`
    UnaryNegative,
    /// `v → +v`
    UnaryPositive,
    /// `v → not v`
    UnaryNot,
    /// `v → ~v`
    UnaryInvert,
    /// `a, b → a cmp b`; the argument is a [`CmpOp`] as `u32`.
    CompareOp(u32),
    /// `a, b → a is b` (argument 1: `is not`)
    IsOp(u32),
    /// `a, b → a in b` (argument 1: `not in`)
    ContainsOp(u32),

    // ---- building ----
    /// `v1 .. vn → (v1, .., vn)`
    BuildTuple(u32),
    /// `v1 .. vn → [v1, .., vn]`
    BuildList(u32),
    /// `v1 .. vn → {v1, .., vn}`
    BuildSet(u32),
    /// `k1, v1 .. kn, vn → {k1: v1, ..}`
    BuildMap(u32),
    /// `s1 .. sn → s1 + .. + sn` (all are str; used by f-strings)
    BuildString(u32),
    /// `v →` and appends v to the list at stack position `-i` (counted after popping v).
    ListAppend(u32),
    /// `v →`, set at `-i` gets v.
    SetAdd(u32),
    /// `k, v →`, dict at `-i` gets `k: v`.
    MapAdd(u32),
    /// `iterable →`, list at `-i` is extended.
    ListExtend(u32),
    /// `iterable →`, set at `-i` is updated.
    SetUpdate(u32),
    /// `mapping →`, dict at `-i` is updated (dict display `{**m}`).
    DictUpdate(u32),
    /// `mapping →`, dict at `-i` is updated; a repeated key raises
    /// `TypeError: f() got multiple values for keyword argument 'k'` (calls with `**m`).
    /// The callable for the message is at stack position `-(i + 2)`.
    DictMerge(u32),
    /// `list → tuple`
    ListToTuple,
    /// f-string piece: `value → str` or (flag 4 set) `value, spec → str`.
    /// Flags & 3: conversion 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FormatValue(u32),
    /// `seq → v_n .. v_1` (v_1 on top), raises ValueError on a length mismatch.
    UnpackSequence(u32),
    /// Star unpacking: argument `before | (after << 8)`;
    /// `seq → v_last .. [starred list] .. v_1` with v_1 on top.
    UnpackEx(u32),

    // ---- pattern matching (the `match` statement) ----
    /// `v → v, len(v)`
    GetLen,
    /// `v → v, bool`: whether v is a mapping (a dict, or a class that registers as one).
    MatchMapping,
    /// `v → v, bool`: whether v is a sequence other than str, bytes and bytearray.
    MatchSequence,
    /// `subject, keys → subject, keys, values`: the values of the keys (a tuple) as
    /// `subject.get` gives them, or None when one is missing.
    MatchKeys,
    /// `subject, class, names → attributes`: when the subject is an instance of the class,
    /// the tuple of its `n` positional attributes (named by `__match_args__`) and of the
    /// attributes `names`; else None.
    MatchClass(u32),

    // ---- control flow (targets are absolute instruction indices) ----
    Jump(u32),
    /// `v →`, jump if v is false.
    PopJumpIfFalse(u32),
    /// `v →`, jump if v is true.
    PopJumpIfTrue(u32),
    /// `v →`, jump if v is None (`except*`'s test of its match).
    PopJumpIfNone(u32),
    /// `v →`, jump if v is not None.
    PopJumpIfNotNone(u32),
    /// If TOS is false jump, keeping it; else pop it. (`and`)
    JumpIfFalseOrPop(u32),
    /// If TOS is true jump, keeping it; else pop it. (`or`)
    JumpIfTrueOrPop(u32),
    /// `iterable → iter(iterable)`
    GetIter,
    /// `it → it, next(it)`; when `it` is exhausted: `it →` and jump to the target.
    ForIter(u32),

    // ---- functions ----
    /// See the call convention in the module docs: `A, B, args.. → result`.
    Call(u32),
    /// Marks the next `Call`: `consts[i]` is a tuple of str naming the last arguments
    /// (keyword arguments, in order).
    KwNames(u32),
    /// `NULL, callable, args_tuple → result` or, with flag 1,
    /// `NULL, callable, args_tuple, kwargs_dict → result`.
    /// For a call whose only positional argument is `*x` (`f(*x)`, `f(*x, **k)`) the
    /// compiler pushes `x` itself, as CPython 3.11 does: when it is not a tuple the vm
    /// converts it to one (`tuple(x)`) before calling.
    CallFunctionEx(u32),
    /// `[defaults tuple (flag 1)], [kwdefaults dict (flag 2)], [closure tuple (flag 8)], code → function`
    MakeFunction(u32),
    /// `v →` and the frame returns v.
    ReturnValue,

    // ---- generators ----
    /// `v →` the frame suspends, yielding v. When resumed with `send(x)`, x is pushed.
    YieldValue,
    /// `iterable → iterator` for `yield from` (a generator stays itself).
    GetYieldFromIter,
    /// `subiter, value → subiter, value`: sends value into subiter (`next` when it is None).
    /// If subiter yields y, the frame suspends yielding y and, on resumption with x, the
    /// stack is `subiter, x` and this instruction runs again. If subiter returns r (raises
    /// StopIteration(r)), the stack becomes `r` and execution continues after it.
    YieldFrom,
    /// `obj → iterator` for `await obj`: a coroutine stays itself; another object's
    /// `__await__()` must give an iterator (CPython's GET_AWAITABLE). The await is then
    /// `LoadConst None; YieldFrom`. The argument says where the object came from: 0 for
    /// `await`, 1 for `__aenter__`, 2 for `__aexit__`, 3 for `__anext__` (the error
    /// messages differ).
    GetAwaitable(u32),
    /// Marks the `YieldValue` that follows as an asynchronous generator's own `yield`
    /// (CPython wraps the value): what its `asend()` awaitable gives, where any other
    /// value the frame yields comes from an `await` inside it.
    AsyncGenWrap,

    // ---- classes ----
    /// `→ __build_class__`. A class statement compiles as
    /// `PushNull; LoadBuildClass; <MakeFunction body>; LoadConst name; <bases>; Call(2+n)`.
    LoadBuildClass,

    // ---- exceptions ----
    /// Push a handler block for `handler` that remembers the current stack depth.
    SetupFinally(u32),
    /// `mgr → exit, enter_result`: looks up `type(mgr).__exit__` (bound to mgr), calls
    /// `mgr.__enter__()`, and pushes a handler block for `handler` whose depth is the stack
    /// depth after `exit` was pushed. At `handler` the stack is `exit, exc`.
    SetupWith(u32),
    /// `mgr → exit, aenter_result`: `async with`'s start, the bound `__aexit__` and what
    /// `__aenter__()` returned (awaited next).
    BeforeAsyncWith,
    /// `exit, entered → exit, entered`: the handler block of an `async with` body (at its
    /// handler the stack is `exit, exc`, as for `SetupWith`).
    SetupAsyncWith(u32),
    /// `exit → result`: calls `exit(None, None, None)`; the result is awaited next.
    AsyncWithExit,
    /// `obj → aiter`: `async for`'s `obj.__aiter__()`.
    GetAIter,
    /// `aiter → aiter, result`: `aiter.__anext__()` (awaited next).
    GetANext,
    /// `aiter, exc →`: the end of an `async for` loop when `exc` is a
    /// StopAsyncIteration (the handler's block is popped too); any other exception is
    /// raised again.
    EndAsyncFor,
    PopBlock,
    /// Pops the top except-handler block and restores the previously handled exception.
    /// It does not touch the value stack.
    PopExcept,
    /// `exc →` raises exc again (its traceback keeps growing as it unwinds).
    Reraise,
    /// `exc, type → exc, bool` (type may be a tuple of types). Raises TypeError
    /// `catching classes that do not inherit from BaseException is not allowed`.
    CheckExcMatch,
    /// `exc, type → rest, match` for an `except*` clause (CPython's CHECK_EG_MATCH): the
    /// part of `exc` that `type` matches (a lone exception wrapped in a group) becomes
    /// the handled exception; with no match, `exc, None`. Raises TypeError for a type
    /// that is not an exception class, or is an exception group's.
    CheckEgMatch,
    /// `orig, raised → exc` after the `except*` clauses (CPython's PREP_RERAISE_STAR):
    /// what the clauses raised or re-raised (the list, with what no clause matched
    /// last), as one exception to raise, or None.
    PrepReraiseStar,
    /// 0: `→` re-raise the handled exception (`RuntimeError: No active exception to reraise`);
    /// 1: `exc →` raise; 2: `exc, cause →` raise exc from cause.
    /// A class is instantiated with no arguments.
    Raise(u32),
    /// `exit → ` calls `exit(None, None, None)` and discards the result (normal `with` exit).
    WithExitNormal,
    /// `exit, exc → exit, exc, result` where result = `exit(type(exc), exc, exc.__traceback__)`.
    WithExceptStart,
    /// `→ AssertionError` (the class)
    LoadAssertionError,

    // ---- modules ----
    /// `→ module` imports the module named `names[i]` (no packages).
    ImportName(u32),
    /// `module → module, module.name` (`from m import name`), raising
    /// `ImportError: cannot import name 'x' from 'm' (unknown location)`.
    ImportFrom(u32),
    /// `module →` binds every public name of the module in the frame's namespace.
    ImportStar,
}

/// Binary operators, as the argument of [`Instr::BinaryOp`]. In-place forms are
/// `INPLACE + op` (`x += 1` is `BinaryOp(INPLACE + Add)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum BinOp {
    Add = 0,
    Sub = 1,
    Mul = 2,
    MatMul = 3,
    TrueDiv = 4,
    FloorDiv = 5,
    Mod = 6,
    Pow = 7,
    LShift = 8,
    RShift = 9,
    And = 10,
    Or = 11,
    Xor = 12,
}

impl BinOp {
    /// Added to a [`BinOp`] for its in-place form.
    pub const INPLACE: u32 = 16;

    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];

    /// Decodes an instruction argument into the operator and whether it is in-place.
    pub fn decode(arg: u32) -> Option<(BinOp, bool)> {
        let inplace = arg & Self::INPLACE != 0;
        Self::ALL
            .get((arg & !Self::INPLACE) as usize)
            .map(|op| (*op, inplace))
    }

    /// The operator as Python writes it (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// The dunder name (`add` for `__add__`, `__radd__`, `__iadd__`).
    pub fn dunder_stem(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::MatMul => "matmul",
            BinOp::TrueDiv => "truediv",
            BinOp::FloorDiv => "floordiv",
            BinOp::Mod => "mod",
            BinOp::Pow => "pow",
            BinOp::LShift => "lshift",
            BinOp::RShift => "rshift",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
        }
    }
}

/// Rich comparisons, as the argument of [`Instr::CompareOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub const ALL: [CmpOp; 6] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ];

    pub fn decode(arg: u32) -> Option<CmpOp> {
        Self::ALL.get(arg as usize).copied()
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// `lt` for `__lt__`.
    pub fn dunder_stem(self) -> &'static str {
        match self {
            CmpOp::Lt => "lt",
            CmpOp::Le => "le",
            CmpOp::Eq => "eq",
            CmpOp::Ne => "ne",
            CmpOp::Gt => "gt",
            CmpOp::Ge => "ge",
        }
    }

    /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// A compile-time constant. Equal constants of one file become one heap object.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Ellipsis,
    /// Integers are kept as decimal-free values: small ones inline, big ones as a `BigInt`.
    Int(i64),
    BigInt(num_bigint::BigInt),
    Float(f64),
    /// `1j`: the imaginary part of a complex literal (the real part is 0).
    Imag(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Const]>),
    /// A set display of constants as CPython 3.11 folds it (`{1, 2, 3}` with three or
    /// more items, `x in {1, 2}`, `for x in {1, 2}`): the items in source order.
    FrozenSet(Rc<[Const]>),
    Code(Rc<CodeObject>),
}

/// Code flags.
pub mod flags {
    /// Compiled inside a function (CPython's CO_NESTED), at any depth.
    pub const NESTED: u32 = 0x10;
    /// The function is a generator (contains `yield`).
    pub const GENERATOR: u32 = 0x20;
    /// The function is a coroutine function (`async def`): calling it makes a coroutine.
    pub const COROUTINE: u32 = 0x80;
    /// An `async def` that yields: calling it makes an asynchronous generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// Has a `*args` parameter (it comes after the keyword-only ones in `varnames`).
    pub const VARARGS: u32 = 0x04;
    /// Has a `**kwargs` parameter (last of the parameters in `varnames`).
    pub const VARKEYWORDS: u32 = 0x08;
    /// The body of a class statement: names go through the class namespace.
    pub const CLASS_BODY: u32 = 0x1000;
    /// Module-level code: names go through the module namespace.
    pub const MODULE: u32 = 0x2000;
    /// A comprehension or generator expression body (its one parameter is `.0`).
    pub const COMPREHENSION: u32 = 0x4000;
}

/// A compiled function, class body, comprehension or module.
///
/// Frame slots are laid out as `varnames ++ cellvars ++ freevars`. Parameters come first in
/// `varnames`: positional (`argcount`, of which the first `posonlyargcount` are
/// positional-only), keyword-only (`kwonlyargcount`), then `*args`, then `**kwargs`.
/// A parameter that is also a cell is listed in both `varnames` and `cellvars`;
/// `cell2arg[i]` gives the parameter index whose value the cell `i` starts with.
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `<module>`, `f`, `<lambda>`, `<listcomp>`, `<genexpr>`, `<dictcomp>`, `<setcomp>`, the class name.
    pub name: Rc<str>,
    /// `f`, `C.method`, `f.<locals>.g`, as CPython's `__qualname__`.
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub cell2arg: Vec<Option<u32>>,
    /// Names used by the `*Name`, `*Global`, `*Attr`, `LoadMethod` and import instructions.
    pub names: Vec<Rc<str>>,
    pub consts: Vec<Const>,
    pub code: Vec<Instr>,
    /// `lines[i]` is the source line of `code[i]` (1-based). `0` marks an artificial
    /// instruction (CPython's `None` line: the cleanup of `except E as e`, a `PopBlock`
    /// where control flow joins): it never starts a 'line' event, and a traceback through it
    /// uses the nearest nonzero line before it.
    pub lines: Vec<u32>,
    /// Instructions without a line that still end the line before them for the tracer
    /// (sorted): after one, the next line starts a 'line' event even if it is the same
    /// line. CPython's line table has a gap there (`except*`'s epilogue before an exit
    /// that has the last clause's line).
    pub line_breaks: Vec<u32>,
    /// `co_stacksize`, as CPython 3.11 counts it.
    pub stacksize: u32,
    /// The values of the literals (and of what the AST optimizer folded: `60 * 60`,
    /// `(1, 2)`) this code loads. CPython's parser made an object for each, which its
    /// arena holds until the main program has run: that is one more reference to each
    /// constant `sys.getrefcount` sees while it runs.
    pub arena: Vec<Const>,
    /// The docstring, when the body starts with one.
    pub doc: Option<Rc<str>>,
}

impl CodeObject {
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// Number of frame slots: locals, then cells, then free variables.
    pub fn nslots(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// Number of parameters, counting `*args` and `**kwargs`.
    pub fn nparams(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.has_flag(flags::VARARGS) {
            n += 1;
        }
        if self.has_flag(flags::VARKEYWORDS) {
            n += 1;
        }
        n
    }

    /// The name of the cell or free variable at deref index `i`.
    pub fn deref_name(&self, i: u32) -> Option<&Rc<str>> {
        let i = i as usize;
        if i < self.cellvars.len() {
            self.cellvars.get(i)
        } else {
            self.freevars.get(i - self.cellvars.len())
        }
    }
}
