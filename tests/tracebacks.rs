//! Whole tracebacks of uncaught exceptions, line for line against python3 3.11 (the
//! program tests compare only the last line of stderr). refscope does not print 3.11's
//! `^^^^` position markers (the README says so), so those lines are left out of
//! CPython's output before comparing, and so is the directory CPython puts before the
//! script's name.

use std::path::Path;
use std::process::Command;

const CASES: &[(&str, &str)] = &[
    (
        "deep_recursion.py",
        "def f(n):\n    return f(n + 1)\n\n\nf(0)\n",
    ),
    (
        "mutual_recursion.py",
        "def g(n):\n    if n < 5:\n        return g(n + 1)\n    if n < 8:\n        return h(n)\n    \
         raise ValueError(n)\n\n\ndef h(n):\n    return g(n + 1)\n\n\ng(0)\n",
    ),
    (
        // The same line four times: three shown, then "1 more time".
        "four_repeats.py",
        "def r(n):\n    if n == 0:\n        raise KeyError('k')\n    r(n - 1)\n\n\nr(3)\n",
    ),
    (
        // More than 1000 entries: the oldest are left out, <module> among them.
        "past_the_limit.py",
        "import sys\nsys.setrecursionlimit(1500)\n\n\ndef k(n):\n    if n == 0:\n        \
         raise KeyError('x')\n    k(n - 1)\n\n\ndef start():\n    k(1200)\n\n\nstart()\n",
    ),
    (
        "chained.py",
        "def f(n):\n    return f(n + 1)\n\n\ntry:\n    f(0)\nexcept RecursionError as e:\n    \
         raise ValueError('gave up') from e\n",
    ),
    (
        // The exception goes through a @contextmanager generator and out: the traceback
        // is the block's only (contextlib puts it back as it was).
        "through_a_contextmanager.py",
        "from contextlib import contextmanager\n\n\n@contextmanager\ndef opened(name):\n    \
         try:\n        yield name\n    finally:\n        print('close', name)\n\n\n\
         def work():\n    with opened('log'):\n        raise ValueError('inside')\n\n\nwork()\n",
    ),
    (
        // Through library functions that are C code in CPython (reduce, an lru_cache
        // wrapper, a partial, heapq, a defaultdict's factory): no frames of theirs.
        "through_c_functions.py",
        "import heapq\nfrom collections import defaultdict\nfrom functools import lru_cache, \
         partial, reduce\n\n\n@lru_cache(maxsize=None)\ndef price(total, count):\n    \
         return total / count\n\n\ndef combine(acc, item):\n    return acc + price(*item)\n\n\n\
         try:\n    heapq.nlargest(1, [1, 2], key=partial(divmod, 1))\nexcept ZeroDivisionError:\n    \
         pass\ntry:\n    defaultdict(lambda: 1 / 0)['x']\nexcept ZeroDivisionError as e:\n    \
         print(e)\nprint(reduce(combine, [(10, 2), (3, 0)], 0.0))\n",
    ),
    (
        // A NameError and an AttributeError, each with CPython's "Did you mean".
        "did_you_mean.py",
        "class Account:\n    def __init__(self):\n        self.balance = 0\n\n\n\
         def show(account):\n    try:\n        print(acount.balance)\n    except NameError:\n        \
         print(account.balanse)\n\n\nshow(Account())\n",
    ),
    (
        // Exception groups: nested, with a chained sub-exception and notes, raised while
        // another exception was handled.
        "exception_group_nested.py",
        "def f():\n    raise ValueError('bad')\n\n\ndef g():\n    try:\n        f()\n    \
         except ValueError as e:\n        raise TypeError('worse') from e\n\n\nexcs = []\n\
         for fn in (f, g):\n    try:\n        fn()\n    except Exception as e:\n        \
         excs.append(e)\ninner = ExceptionGroup('inner', [KeyError('k'), excs[0]])\n\
         inner.add_note('a note\\nsecond line')\ntry:\n    raise ExceptionGroup('outer', \
         [inner, excs[1], ExceptionGroup('x', [ZeroDivisionError()])])\n\
         except ExceptionGroup as eg:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        \
         raise eg\n",
    ),
    (
        // What except* clauses raise, gathered with the rest: a group without a traceback
        // of its own; 17 exceptions (two left out) 12 levels deep (two left out).
        "exception_group_from_except_star.py",
        "def deep(n):\n    if n == 0:\n        return ValueError('leaf')\n    \
         return ExceptionGroup(f'level {n}', [deep(n - 1)])\n\n\n\
         wide = ExceptionGroup('wide', [KeyError(i) for i in range(17)])\ntry:\n    \
         raise ExceptionGroup('eg', [ValueError(1), TypeError(2), wide, deep(12)])\n\
         except* ValueError:\n    raise RuntimeError('from the clause')\n",
    ),
];

fn python3_311() -> bool {
    refscope::bench::python3()
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11"))
}

fn stderr_of(program: &str, args: &[&str], dir: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn without_markers(s: &str) -> String {
    s.lines()
        .filter(|l| {
            // (Inside an exception group's box, after its `|` margin.)
            let t = l.trim().trim_start_matches('|').trim();
            t.is_empty() || !t.chars().all(|c| c == '^' || c == '~')
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn uncaught_tracebacks_read_as_cpython_prints_them() {
    if !python3_311() {
        eprintln!("python3 3.11 not found: skipping the traceback comparison");
        return;
    }
    let dir = std::env::temp_dir().join(format!("refscope-tracebacks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = vec![];
    for (name, source) in CASES {
        std::fs::write(dir.join(name), source).unwrap();
        // CPython 3.11 names the script by its absolute path; refscope as it was given.
        let expected = without_markers(&stderr_of("python3", &[name], &dir))
            .replace(&format!("{}/", dir.display()), "");
        let got = stderr_of(env!("CARGO_BIN_EXE_refscope"), &["run", name], &dir);
        if got != expected {
            let first = expected
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(got.lines().count()));
            failures.push(format!(
                "{name}: first difference at line {}:\n  python3:  {:?}\n  refscope: {:?}",
                first + 1,
                expected.lines().nth(first),
                got.lines().nth(first)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
