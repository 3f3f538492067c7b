//! Compiler tests: scoping, CPython's error messages, constants, instruction sequences and
//! line tables. Expected messages, positions and line sequences were taken from CPython
//! 3.11 (`compile()` and `dis`) while developing.

use std::rc::Rc;

use refscope::compiler::{
    CodeObject, CompileError, CompileErrorKind, Const, Instr, Mode, compile_module, disassemble,
};

fn compile(src: &str, mode: Mode) -> Result<Vec<Rc<CodeObject>>, CompileError> {
    let module = ruff_python_parser::parse_module(src)
        .expect("test sources parse")
        .into_syntax();
    compile_module(&module, src, "t.py", mode)
}

fn module(src: &str) -> Rc<CodeObject> {
    match compile(src, Mode::File) {
        Ok(mut code) => code.remove(0),
        Err(e) => panic!("{src:?} failed to compile: {e}"),
    }
}

fn error(src: &str) -> CompileError {
    match compile(src, Mode::File) {
        Ok(_) => panic!("{src:?} compiled"),
        Err(e) => e,
    }
}

/// The code object named `name` among the nested constants (depth first).
fn find(code: &Rc<CodeObject>, name: &str) -> Rc<CodeObject> {
    fn go(code: &Rc<CodeObject>, name: &str) -> Option<Rc<CodeObject>> {
        if &*code.name == name {
            return Some(code.clone());
        }
        code.consts.iter().find_map(|c| match c {
            Const::Code(inner) => go(inner, name),
            _ => None,
        })
    }
    go(code, name).unwrap_or_else(|| panic!("no code object {name}"))
}

const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

fn names(v: &[Rc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}

// ---- scoping ----

#[test]
fn closures_make_cells_and_free_variables() {
    let m = module(
        "def outer(a, b):\n    c = 1\n    def inner():\n        nonlocal c\n        c = a\n        return g\n    return inner\n",
    );
    let outer = find(&m, "outer");
    assert_eq!(names(&outer.varnames), ["a", "b", "inner"]);
    assert_eq!(names(&outer.cellvars), ["a", "c"]);
    assert_eq!(outer.cell2arg, [Some(0), None]);
    let inner = find(&m, "inner");
    assert_eq!(names(&inner.freevars), ["a", "c"]);
    assert_eq!(&*inner.qualname, "outer.<locals>.inner");
    // `c = a` is LoadDeref a, StoreDeref c; `g` is a global.
    assert!(inner.code.starts_with(&[
        Instr::LoadDeref(0),
        Instr::StoreDeref(1),
        Instr::LoadGlobal(0)
    ]));
}

#[test]
fn class_bodies_use_names_and_class_deref() {
    let m = module(
        "def f():\n    x = 1\n    y = 2\n    class C:\n        a = y\n        x = 3\n        def m(self):\n            return x\n    return C\n",
    );
    let c = find(&m, "C");
    // `y` is free in the class body: LoadClassDeref. `x` is bound in the class (LoadName /
    // StoreName) and also passed through to `m`.
    assert_eq!(names(&c.freevars), ["x", "y"]);
    assert!(c.code.contains(&Instr::LoadClassDeref(1)));
    assert_eq!(&*find(&m, "m").qualname, "f.<locals>.C.m");
    assert_eq!(names(&find(&m, "m").freevars), ["x"]);
}

#[test]
fn super_gives_methods_a_class_cell() {
    let m = module("class C(B):\n    def m(self):\n        return super().m()\n");
    let c = find(&m, "C");
    assert_eq!(names(&c.cellvars), ["__class__"]);
    assert_eq!(names(&find(&m, "m").freevars), ["__class__"]);
    let dis = disassemble(&c);
    assert!(dis.contains("LoadClosure(0)       __class__\n"), "{dis}");
    assert!(dis.contains("StoreName(4)         __classcell__"), "{dis}");
}

#[test]
fn comprehensions_are_function_scopes_with_dot_zero() {
    let m = module("def f(xs, k):\n    return [x * k for x in xs if x]\n");
    let comp = find(&m, "<listcomp>");
    assert_eq!(comp.argcount, 1);
    assert_eq!(names(&comp.varnames), [".0", "x"]);
    assert_eq!(names(&comp.freevars), ["k"]);
    assert_eq!(&*comp.qualname, "f.<locals>.<listcomp>");
    // The outermost iterable is evaluated in `f`: MakeFunction, xs, GetIter, Call(0).
    let f = find(&m, "f");
    let dis = disassemble(&f);
    assert!(
        dis.contains("MakeFunction(8)\n") && dis.contains("LoadFast(0)          xs\n"),
        "{dis}"
    );
    assert!(
        f.code
            .windows(2)
            .any(|w| w == [Instr::GetIter, Instr::Call(0)])
    );
}

#[test]
fn walrus_in_a_comprehension_binds_in_the_enclosing_function() {
    let m = module("def f(xs):\n    [last := x for x in xs]\n    return last\n");
    assert_eq!(names(&find(&m, "f").cellvars), ["last"]);
    assert_eq!(names(&find(&m, "<listcomp>").freevars), ["last"]);
    // At module level it is a global of the module.
    let m = module("[y := x for x in xs]\n");
    assert!(
        find(&m, "<listcomp>")
            .code
            .iter()
            .any(|i| matches!(i, Instr::StoreGlobal(_)))
    );
}

#[test]
fn global_declarations_make_globals() {
    let m = module("def f():\n    global g\n    g = 1\n    h = 2\n");
    let f = find(&m, "f");
    assert_eq!(f.code[1], Instr::StoreGlobal(0));
    assert_eq!(f.code[3], Instr::StoreFast(0));
}

// ---- errors ----

#[test]
fn syntax_errors_match_cpython() {
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "nonlocal x",
            "nonlocal declaration not allowed at module level",
            1,
            1,
        ),
        (
            "def f():\n  x=1\n  global x",
            "name 'x' is assigned to before global declaration",
            3,
            3,
        ),
        (
            "def f():\n  print(x)\n  global x",
            "name 'x' is used prior to global declaration",
            3,
            3,
        ),
        (
            "def f():\n  def g():\n    nonlocal x",
            "no binding for nonlocal 'x' found",
            3,
            5,
        ),
        ("return 1", "'return' outside function", 1, 1),
        (
            "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break",
            EXCEPT_STAR_EXIT,
            5,
            9,
        ),
        (
            "while True:\n    try:\n        pass\n    except* ValueError as e:\n        if e:\n            continue",
            EXCEPT_STAR_EXIT,
            6,
            13,
        ),
        (
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return",
            EXCEPT_STAR_EXIT,
            5,
            9,
        ),
        (
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1",
            EXCEPT_STAR_EXIT,
            5,
            16,
        ),
        (
            "def f(x):\n    try:\n        pass\n    except* ValueError:\n        return x + 1",
            EXCEPT_STAR_EXIT,
            5,
            9,
        ),
        (
            "try:\n    pass\nexcept* ValueError:\n    break",
            EXCEPT_STAR_EXIT,
            4,
            5,
        ),
        (
            "def f():\n    try:\n        pass\n    except* ValueError:\n        for x in []:\n            return",
            EXCEPT_STAR_EXIT,
            6,
            13,
        ),
        ("break", "'break' outside loop", 1, 1),
        ("continue", "'continue' not properly in loop", 1, 1),
        ("yield 1", "'yield' outside function", 1, 1),
        ("class C:\n  yield 1", "'yield' outside function", 2, 3),
        ("x = 1\nawait x", "'await' outside function", 2, 1),
        ("class C:\n    await x", "'await' outside function", 2, 5),
        (
            "def f():\n    return await g()",
            "'await' outside async function",
            2,
            12,
        ),
        (
            "f = lambda: await x",
            "'await' outside async function",
            1,
            13,
        ),
        (
            "async def f():\n    yield from x",
            "'yield from' inside async function",
            2,
            5,
        ),
        (
            "async def f():\n    yield 1\n    return 2",
            "'return' with value in async generator",
            3,
            5,
        ),
        (
            "x = [y async for y in z]",
            "asynchronous comprehension outside of an asynchronous function",
            1,
            5,
        ),
        (
            "def f():\n    return [await x for x in y]",
            "asynchronous comprehension outside of an asynchronous function",
            2,
            12,
        ),
        (
            "def f():\n    async with a:\n        pass",
            "'async with' outside async function",
            2,
            5,
        ),
        (
            "def f():\n    async for a in b:\n        pass",
            "'async for' outside async function",
            2,
            5,
        ),
        (
            "def f(x):\n  global x",
            "name 'x' is parameter and global",
            2,
            3,
        ),
        (
            "def f(x):\n  nonlocal x",
            "name 'x' is parameter and nonlocal",
            2,
            3,
        ),
        (
            "def f():\n  global x\n  nonlocal x",
            "name 'x' is nonlocal and global",
            2,
            3,
        ),
        (
            "def f():\n  from m import *",
            "import * only allowed at module level",
            2,
            17,
        ),
        (
            "[x for x in (y:=a)]",
            "assignment expression cannot be used in a comprehension iterable expression",
            1,
            14,
        ),
        (
            "class C:\n  [(y:=1) for x in a]",
            "assignment expression within a comprehension cannot be used in a class body",
            2,
            5,
        ),
        (
            "[(x:=1) for x in a]",
            "assignment expression cannot rebind comprehension iteration variable 'x'",
            1,
            3,
        ),
        (
            "[(yield x) for x in a]",
            "'yield' inside list comprehension",
            1,
            3,
        ),
        ("__debug__ = 1", "cannot assign to __debug__", 1, 1),
        (
            "def f(): x = 1; nonlocal x",
            "name 'x' is assigned to before nonlocal declaration",
            1,
            17,
        ),
        (
            "for x in a:\n  def g(): break",
            "'break' outside loop",
            2,
            12,
        ),
        ("def f(__debug__): pass", "cannot assign to __debug__", 1, 1),
        (
            "def f(a, a): pass",
            "duplicate argument 'a' in function definition",
            1,
            10,
        ),
        (
            "x: int = 1\nglobal x",
            "annotated name 'x' can't be global",
            2,
            1,
        ),
        ("f(a=1, a=2)", "keyword argument repeated: a", 1, 8),
        (
            "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass",
            "default 'except:' must be last",
            3,
            1,
        ),
        (
            "a, *b, *c = d",
            "multiple starred expressions in assignment",
            1,
            1,
        ),
        ("del __debug__", "cannot delete __debug__", 1, 5),
    ];
    for &(src, msg, line, col) in cases {
        let e = error(src);
        assert_eq!(e.kind, CompileErrorKind::SyntaxError, "{src:?}");
        assert_eq!((e.msg.as_str(), e.line, e.col), (msg, line, col), "{src:?}");
    }
}

#[test]
fn unsupported_constructs_name_themselves() {
    let cases = [
        (
            "class C(**kw): pass",
            "class keyword arguments (**kwargs) are not supported by refscope yet",
            1,
        ),
        (
            "\ntype X = int",
            "the type statement is not supported by refscope yet",
            2,
        ),
        (
            "from . import x",
            "relative imports are not supported by refscope yet",
            1,
        ),
    ];
    for (src, msg, line) in cases {
        let e = error(src);
        assert_eq!(e.kind, CompileErrorKind::Unsupported, "{src:?}");
        assert_eq!((e.msg.as_str(), e.line), (msg, line), "{src:?}");
    }
}

#[test]
fn deep_nesting_does_not_crash() {
    let src = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert!(compile(&src, Mode::File).is_ok());
    let src = format!("x = {}\n", vec!["a"; 3000].join(" + "));
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || compile(&src, Mode::File).map(|_| ()))
        .expect("thread starts");
    assert!(handle.join().expect("no panic").is_ok());
}

// ---- constants ----

#[test]
fn equal_constants_are_merged_per_code_object() {
    let m = module(
        "c = 1000\nd = 1000\ne = 1000.0\nf = True\ng = 1\nh = 0.0\ni = -0.0\nj = (1, 2)\nk = (1, 2)\n",
    );
    let consts: Vec<String> = m.consts.iter().map(|c| format!("{c:?}")).collect();
    assert_eq!(
        consts,
        [
            "Int(1000)",
            "Float(1000.0)",
            "Bool(true)",
            "Int(1)",
            "Float(0.0)",
            "Float(-0.0)",
            "Tuple([Int(1), Int(2)])",
            "None",
        ]
    );
}

#[test]
fn repl_mode_compiles_each_statement_separately() {
    let code = compile("c = 1000\nd = 1000\nc is d\n", Mode::Repl).expect("compiles");
    assert_eq!(code.len(), 3);
    for c in &code[..2] {
        assert_eq!(&*c.name, "<module>");
        assert!(matches!(c.consts[0], Const::Int(1000)));
    }
    // File mode shares one constant.
    let m = module("c = 1000\nd = 1000\n");
    assert_eq!(m.code[0], Instr::LoadConst(0));
    assert_eq!(m.code[2], Instr::LoadConst(0));
}

#[test]
fn folding_produces_single_constants() {
    let m = module("a = 999 + 1\nb = 2 * 10 ** 7\nc = -5\nd = (1, (2, 'x'))\ne = 2 ** 200\n");
    let dis = disassemble(&m);
    for want in ["1000\n", "20000000\n", "-5\n", "(1, (2, 'x'))\n"] {
        assert!(dis.contains(want), "{want} missing in\n{dis}");
    }
    // 2 ** 200 is too big to fold, as in CPython.
    assert!(m.code.contains(&Instr::BinaryOp(7)));
}

#[test]
fn docstrings_are_recorded_and_stored() {
    let m =
        module("\"module doc\"\ndef f():\n    \"f doc\"\n    return 1\nclass C:\n    \"c doc\"\n");
    assert_eq!(m.doc.as_deref(), Some("module doc"));
    assert_eq!(find(&m, "f").doc.as_deref(), Some("f doc"));
    assert!(matches!(&find(&m, "f").consts[0], Const::Str(s) if &**s == "f doc"));
    let dis = disassemble(&m);
    assert!(dis.contains("StoreName(0)         __doc__"), "{dis}");
    assert!(disassemble(&find(&m, "C")).contains("__doc__"));
}

// ---- instruction sequences ----

fn assert_dis(src: &str, name: &str, expected: &str) {
    let m = module(src);
    let code = find(&m, name);
    let got = disassemble(&code);
    let first = got.split("\n\n").next().unwrap_or("");
    assert_eq!(first.trim_end(), expected.trim_end(), "\n{first}");
}

#[test]
fn calls_use_the_null_convention() {
    assert_dis(
        "f(1, k=2)\no.m(x)\ng(*a, **kw)\n",
        "<module>",
        r"
Disassembly of <code <module> (<module>), line 1>:
   1      0 PushNull
          1 LoadName(0)          f
          2 LoadConst(0)         1
          3 LoadConst(1)         2
          4 KwNames(2)           ('k',)
          5 Call(2)
          6 PopTop
   2      7 LoadName(1)          o
          8 LoadMethod(2)        m
          9 LoadName(3)          x
         10 Call(1)
         11 PopTop
   3     12 PushNull
         13 LoadName(4)          g
         14 LoadName(5)          a
         15 BuildMap(0)
         16 LoadName(6)          kw
         17 DictMerge(1)
         18 CallFunctionEx(1)
         19 PopTop
         20 LoadConst(3)         None
         21 ReturnValue"
            .trim_start(),
    );
}

#[test]
fn try_except_as_deletes_the_name() {
    // Each jump to the implicit `return None` gets its own copy carrying the jump's line
    // (CPython 3.11 returns on line 3 after the try body and on line 5 after the handler);
    // the unreachable original is dropped.
    assert_dis(
        "def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n",
        "f",
        r"
Disassembly of <code f (f), line 1>:
   2      0 SetupFinally(7)      to 7
   3      1 PushNull
          2 LoadGlobal(0)        a
          3 Call(0)
          4 PopTop
          5 PopBlock
          6 Jump(28)             to 28
   4      7 LoadGlobal(1)        E
          8 CheckExcMatch
          9 PopJumpIfFalse(27)   to 27
         10 StoreFast(0)         e
         11 SetupFinally(23)     to 23
   5     12 PushNull
         13 LoadGlobal(2)        b
         14 LoadFast(0)          e
         15 Call(1)
         16 PopTop
         17 PopBlock
         18 PopExcept
         19 LoadConst(0)         None
         20 StoreFast(0)         e
         21 DeleteFast(0)        e
         22 Jump(30)             to 30
  --     23 LoadConst(0)         None
         24 StoreFast(0)         e
         25 DeleteFast(0)        e
         26 Reraise
   4     27 Reraise
   3     28 LoadConst(0)         None
         29 ReturnValue
   5     30 LoadConst(0)         None
         31 ReturnValue
"
        .trim_start(),
    );
}

#[test]
fn with_statements_call_exit_on_both_paths() {
    assert_dis(
        "with m() as v:\n    use(v)\n",
        "<module>",
        r"
Disassembly of <code <module> (<module>), line 1>:
   1      0 PushNull
          1 LoadName(0)          m
          2 Call(0)
          3 SetupWith(13)        to 13
          4 StoreName(1)         v
   2      5 PushNull
          6 LoadName(2)          use
          7 LoadName(1)          v
          8 Call(1)
          9 PopTop
         10 PopBlock
   1     11 WithExitNormal
         12 Jump(19)             to 19
         13 WithExceptStart
         14 PopJumpIfTrue(16)    to 16
         15 Reraise
         16 PopTop
         17 PopExcept
         18 PopTop
         19 LoadConst(0)         None
         20 ReturnValue
"
        .trim_start(),
    );
}

// ---- line tables ----

/// The lines of a code object in instruction order, repeats and artificial (0) entries
/// dropped: what `dis` shows as line starts.
fn line_starts(code: &CodeObject) -> Vec<u32> {
    let mut seq: Vec<u32> = Vec::new();
    for &l in &code.lines {
        if l != 0 && seq.last() != Some(&l) {
            seq.push(l);
        }
    }
    seq
}

const LINES_SRC: &str = "import os
from m import a, b as c
def f(a):
    for x in a:
        if x:
            continue
        print(x)
    while a:
        a -= 1
    if a:
        g()
def h(a):
    try:
        return g(a)
    finally:
        print(\"x\")
def k(a):
    try:
        g()
    except E:
        pass
    except (F, G) as e:
        print(e)
    else:
        z = 1
def m(a):
    if a:
        pass
    elif b:
        return 1
    else:
        g()
def n(a):
    with a as b, c:
        g()
        return b
class K:
    x = 1
    def m(self):
        return __class__
    @staticmethod
    def s(): pass
assert x, \"m\"
x = [i
     for i in y]
y = {k: v for k, v in z.items()}
o.attr.b = 3
o[1] += 2
def gen():
    yield 1
    yield from [2, 3]
    x = yield
lst = [1, 2, 3]
t = 1 if x else 2
b = x and y or z
if not (a and b):
    pass
";

#[test]
fn line_tables_follow_cpython() {
    let m = module(LINES_SRC);
    // From CPython 3.11's `dis` (RESUME and the generator prologue left out).
    let expected: &[(&str, &[u32])] = &[
        (
            "<module>",
            &[
                1, 2, 3, 12, 17, 26, 33, 37, 43, 44, 45, 44, 46, 47, 48, 49, 53, 54, 55, 56, 57, 56,
            ],
        ),
        ("f", &[4, 5, 6, 7, 8, 9, 8, 10, 11, 10]),
        ("h", &[13, 14, 16]),
        ("n", &[34, 35, 36, 34]),
        ("K", &[37, 38, 39, 41, 42, 41, 42]),
        ("<listcomp>", &[44, 45, 44]),
        ("<dictcomp>", &[46]),
        ("gen", &[50, 51, 52]),
    ];
    for (name, lines) in expected {
        assert_eq!(line_starts(&find(&m, name)), *lines, "{name}");
    }
    // `k` and `m` also match CPython up to their last line; after it come the copies of
    // the implicit return, one per jump, each on the line of its jump.
    assert_eq!(
        line_starts(&find(&m, "k"))[..8],
        [18, 19, 25, 20, 21, 22, 23, 22]
    );
    assert_eq!(line_starts(&find(&m, "m")), [27, 28, 29, 30, 32, 28]);
}

#[test]
fn unwinding_lines_follow_cpython() {
    let src = "def f(a):
    for x in a:
        try:
            if x:
                break
            g(x)
        finally:
            h()
    else:
        w()
    while True:
        with a:
            if b:
                continue
            return 5
def g3():
    try:
        pass
    except E as e:
        return e
    print(
        a,
        b)
    x = (a +
         b)
    return x
def g5(a, b):
    if a < b < 3:
        return 1
    return a if b else (
        b)
";
    let m = module(src);
    assert_eq!(
        line_starts(&find(&m, "f")),
        [2, 3, 4, 5, 8, 6, 8, 10, 11, 12, 13, 14, 12, 15, 12, 11]
    );
    assert_eq!(
        line_starts(&find(&m, "g3")),
        [17, 18, 19, 20, 19, 21, 22, 23, 21, 24, 25, 24, 26]
    );
    assert_eq!(line_starts(&find(&m, "g5")), [28, 29, 30, 31, 30]);
}

#[test]
fn function_first_line_is_its_first_decorator() {
    let m = module("@d1\n@d2(\n  3)\ndef f(a=1, *, b=2):\n    return a\n");
    assert_eq!(find(&m, "f").first_line, 1);
    // Decorators are applied bottom-up, each Call(0) on its decorator's line.
    let calls: Vec<u32> = m
        .code
        .iter()
        .zip(&m.lines)
        .filter(|(i, _)| **i == Instr::Call(0))
        .map(|(_, l)| *l)
        .collect();
    assert_eq!(calls, [2, 1]);
}

#[test]
fn walrus_to_a_declared_global_stays_global() {
    let m = module("def f():\n    global G\n    [G := x for x in y]\n");
    let comp = find(&m, "<listcomp>");
    assert!(comp.freevars.is_empty());
    assert!(comp.code.iter().any(|i| matches!(i, Instr::StoreGlobal(_))));
}

#[test]
fn slices_inside_tuple_keys_build_slices() {
    let m = module("x[1:2, ::3]\n");
    let slices = m
        .code
        .iter()
        .filter(|i| matches!(i, Instr::BuildSlice(_)))
        .count();
    assert_eq!(slices, 2);
    assert!(m.code.contains(&Instr::BuildTuple(2)));
}

#[test]
fn percent_format_with_a_literal_becomes_an_f_string() {
    // CPython 3.11's AST optimizer: no argument tuple is built.
    assert_dis(
        "a = '%s-%5r|%.2a%%' % (x, y, z)\nb = '%d' % (x,)\n",
        "<module>",
        r"
Disassembly of <code <module> (<module>), line 1>:
   1      0 LoadName(0)          x
          1 FormatValue(1)
          2 LoadConst(0)         '-'
          3 LoadName(1)          y
          4 LoadConst(1)         '>5'
          5 FormatValue(6)
          6 LoadConst(2)         '|'
          7 LoadName(2)          z
          8 LoadConst(3)         '.2'
          9 FormatValue(7)
         10 LoadConst(4)         '%'
         11 BuildString(6)
         12 StoreName(3)         a
   2     13 LoadConst(5)         '%d'
         14 LoadName(0)          x
         15 BuildTuple(1)
         16 BinaryOp(6)          %
         17 StoreName(4)         b
         18 LoadConst(6)         None
         19 ReturnValue
"
        .trim_start(),
    );
}

#[test]
fn a_lone_generator_argument_starts_at_the_parenthesis() {
    let m = module("s = ''.join(\n    c for c in w\n)\n");
    assert_eq!(find(&m, "<genexpr>").first_line, 1);
    assert_eq!(line_starts(&m), [1, 2, 1]);
}

// ---- stack discipline ----

/// Checks that every path reaches each instruction with the same stack depth, that the
/// depth never goes negative, and that `ReturnValue` always leaves exactly one value.
fn check_stack(code: &CodeObject) -> Result<(), String> {
    use refscope::compiler::Instr::*;
    let n = code.code.len();
    let mut depth: Vec<Option<i64>> = vec![None; n];
    let mut work = vec![(0usize, 0i64)];
    let err = |i: usize, m: &str| format!("{} at {i} ({:?}): {m}", code.qualname, code.code[i]);
    while let Some((i, d)) = work.pop() {
        if i >= n {
            return Err(format!("{}: fell off the end", code.qualname));
        }
        match depth[i] {
            Some(old) if old == d => continue,
            Some(old) => return Err(err(i, &format!("depth {old} vs {d}"))),
            None => depth[i] = Some(d),
        }
        let ins = code.code[i];
        let (effect, branch, exits): (i64, Option<(u32, i64)>, bool) = match ins {
            Nop | SetupAnnotations | Swap(_) | DeleteFast(_) | DeleteDeref(_) | DeleteName(_)
            | DeleteGlobal(_) | LoadAttr(_) | UnaryNegative | UnaryPositive | UnaryNot
            | UnaryInvert | ListToTuple | GetIter | KwNames(_) | YieldValue | GetYieldFromIter
            | GetAwaitable(_) | AsyncGenWrap | PopBlock | PopExcept | CheckExcMatch
            | CheckEgMatch => (0, None, false),
            PopTop | StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_)
            | DeleteAttr(_) | BinarySubscr | BinaryOp(_) | CompareOp(_) | IsOp(_)
            | ContainsOp(_) | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_)
            | DictUpdate(_) | DictMerge(_) | WithExitNormal | ImportStar | PrepReraiseStar => {
                (-1, None, false)
            }
            Copy(_) | PushNull | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
            | LoadClassDeref(_) | LoadName(_) | LoadGlobal(_) | LoadMethod(_) | LoadBuildClass
            | WithExceptStart | LoadAssertionError | ImportName(_) | ImportFrom(_) | GetLen
            | MatchMapping | MatchSequence | MatchKeys => (1, None, false),
            MatchClass(_) => (-2, None, false),
            StoreAttr(_) | DeleteSubscr | MapAdd(_) => (-2, None, false),
            StoreSubscr => (-3, None, false),
            BuildSlice(k) => (1 - k as i64, None, false),
            BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => {
                (1 - k as i64, None, false)
            }
            BuildMap(k) => (1 - 2 * k as i64, None, false),
            FormatValue(f) => (if f & 4 != 0 { -1 } else { 0 }, None, false),
            UnpackSequence(k) => (k as i64 - 1, None, false),
            UnpackEx(a) => (((a & 0xff) + (a >> 8)) as i64, None, false),
            Jump(t) => (0, Some((t, 0)), true),
            PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t) => {
                (-1, Some((t, -1)), false)
            }
            JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => (-1, Some((t, 0)), false),
            ForIter(t) => (1, Some((t, -1)), false),
            Call(k) => (-(k as i64) - 1, None, false),
            CallFunctionEx(f) => (-2 - (f & 1) as i64, None, false),
            MakeFunction(f) => (
                -(((f & 1) + (f >> 1 & 1) + (f >> 2 & 1) + (f >> 3 & 1)) as i64),
                None,
                false,
            ),
            ReturnValue => {
                if d != 1 {
                    return Err(err(i, &format!("returns with depth {d}")));
                }
                (-1, None, true)
            }
            YieldFrom => (-1, None, false),
            SetupFinally(t) => (0, Some((t, 1)), false),
            SetupWith(t) => (1, Some((t, 1)), false),
            SetupAsyncWith(t) => (0, Some((t, 0)), false),
            BeforeAsyncWith | GetANext => (1, None, false),
            GetAIter => (0, None, false),
            EndAsyncFor => (-2, None, false),
            AsyncWithExit => (0, None, false),
            Reraise => (-1, None, true),
            Raise(k) => (-(k as i64), None, true),
        };
        if d + effect.min(0) < 0 && !matches!(ins, Swap(_) | Copy(_)) && d + effect < 0 {
            return Err(err(i, &format!("negative depth from {d}")));
        }
        if let Some((t, e)) = branch {
            work.push((t as usize, d + e));
        }
        if !exits {
            work.push((i + 1, d + effect));
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            check_stack(inner)?;
        }
    }
    Ok(())
}

const TORTURE_SRC: &str = "def f(a, *args, k=1, **kw):
    for x in a:
        with x as (p, *q):
            try:
                if p < k < 3 and not q:
                    continue
                return g(*args, **kw)
            except (E, F) as e:
                break
            finally:
                del x
    else:
        while a:
            try:
                return [y async_ for y in a] if False else {k: v for k, v in kw.items()}
            finally:
                a -= 1
    x = yield from a
    y = yield
    o.attr[1:2] += f'{x!r:>{y}}' '%s' % (y,)
    lambda z=x: (z, a)
class C(B):
    def m(self):
        return super().m(__class__)
def annotated(a: int, /, b: 'B', *c: str, d: C = 1, **e: float) -> list:
    loc: int = 1
v: int = 1
w: float
C.x: int
xs[0:1]: str
class Annotated:
    if v:
        y: int
assert C, 'msg'
";

/// Every kind of pattern, nested, with captures, guards, alternatives and `**rest`.
const MATCH_SRC: &str = "
def f(s, P):
    match s:
        case None | True:
            pass
        case [1, *r, (a, b) as t] if a:
            pass
        case [x, *_, y]:
            pass
        case {'k': [v, *_], **rest}:
            pass
        case {k.a: 1}:
            pass
        case P(1, q, z=[w]) | P(q, w):
            pass
        case (n, str(m)) | (str(m), n):
            pass
        case {}:
            pass
        case _:
            pass
";

#[test]
fn stack_depths_are_consistent() {
    let torture = TORTURE_SRC.replace("async_ ", "");
    for src in [LINES_SRC, torture.as_str(), MATCH_SRC] {
        let m = module(src);
        if let Err(e) = check_stack(&m) {
            panic!("{e}\n{}", disassemble(&m));
        }
    }
}

// ---- co_stacksize ----

/// Every program of `tests/programs/` and every bundled example, sorted.
/// What python3 prints running `script` with the files as its arguments.
fn python3_over(script: &str, files: &[std::path::PathBuf]) -> String {
    let out = refscope::bench::python3()
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("python3 runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn program_files() -> Vec<std::path::PathBuf> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = vec![];
    for dir in std::fs::read_dir(root.join("tests/programs"))
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .chain([root.join("assets/examples")])
    {
        for f in std::fs::read_dir(&dir).expect("a program folder").flatten() {
            let p = f.path();
            if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Every generator's `co_stacksize` (which `sys.getsizeof` of its generators includes)
/// is CPython's, for every code object of the test programs and the bundled examples.
#[test]
fn generator_stack_sizes_are_cpythons() {
    let files = program_files();
    // python3 lists (file, name, first line, co_stacksize) of each generator's code.
    let script = r#"
import sys
def walk(path, co):
    if co.co_flags & 0x20:
        print(path, co.co_name, co.co_firstlineno, co.co_stacksize, sep="\t")
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(path, c)
for path in sys.argv[1:]:
    try:
        walk(path, compile(open(path, encoding="utf-8").read(), path, "exec"))
    except (SyntaxError, ValueError):
        pass
"#;
    let expected = python3_over(script, &files);
    let mut mismatches = vec![];
    let mut checked = 0;
    for path in &files {
        let key = path.to_string_lossy();
        let wanted: Vec<&str> = expected
            .lines()
            .filter(|l| l.split('\t').next() == Some(&*key))
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let src = std::fs::read_to_string(path).expect("the program");
        let Ok(code) = compile(&src, Mode::File) else {
            continue;
        };
        let mut got = vec![];
        fn walk(code: &Rc<CodeObject>, got: &mut Vec<(String, u32, u32)>) {
            if code.flags & 0x20 != 0 {
                got.push((code.name.to_string(), code.first_line, code.stacksize));
            }
            for c in &code.consts {
                if let Const::Code(inner) = c {
                    walk(inner, got);
                }
            }
        }
        walk(&code[0], &mut got);
        // (Two generators may share a name and a line: they come in the same order.)
        for w in wanted {
            let f: Vec<&str> = w.split('\t').collect();
            checked += 1;
            let at = got
                .iter()
                .position(|(n, l, _)| n == f[1] && l.to_string() == f[2]);
            let found = at.map(|i| got.remove(i).2.to_string());
            if found.as_deref() != Some(f[3]) {
                mismatches.push(format!("{w}: refscope {found:?}"));
            }
        }
    }
    assert!(checked > 50, "python3 listed {checked} generators");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

// ---- SyntaxWarnings ----

/// The compile-time SyntaxWarnings (an identity test against a literal, a literal called
/// or subscripted where a comma is likely missing) are CPython's, line and message, for
/// every test program and bundled example.
#[test]
fn syntax_warnings_are_cpythons() {
    let files = program_files();
    // python3 lists (file, line, message) of each warning its compiler gives.
    let script = r#"
import sys, warnings
for path in sys.argv[1:]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(open(path, encoding="utf-8").read(), path, "exec")
        except (SyntaxError, ValueError):
            continue
    for w in caught:
        if issubclass(w.category, SyntaxWarning):
            print(path, w.lineno, str(w.message), sep="\t")
"#;
    let expected = python3_over(script, &files);
    let mut mismatches = vec![];
    let mut warned = 0;
    for path in &files {
        let key = path.to_string_lossy();
        let wanted: Vec<String> = expected
            .lines()
            .filter(|l| l.split('\t').next() == Some(&*key))
            .map(|l| l.split_once('\t').map_or("", |x| x.1).to_string())
            .collect();
        let src = std::fs::read_to_string(path).expect("the program");
        let Ok(parsed) = refscope::syntax::parse_source(&src, "x.py") else {
            continue;
        };
        let got: Vec<String> = refscope::compiler::syntax_warnings(&parsed.module, &src)
            .iter()
            .map(|w| format!("{}\t{}", w.line, w.message))
            .collect();
        warned += got.len();
        if got != wanted {
            mismatches.push(format!(
                "{key}:\n  python3:  {wanted:?}\n  refscope: {got:?}"
            ));
        }
    }
    assert!(
        warned > 10,
        "the programs should give some warnings ({warned})"
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
