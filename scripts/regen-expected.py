#!/usr/bin/env python3
"""Regenerate the expected results of the differential test corpus with CPython.

Run from the repository root:

    python3 scripts/regen-expected.py            # rewrite every expected file
    python3 scripts/regen-expected.py --check    # report stale files, change nothing
    python3 scripts/regen-expected.py ints/ seed # only programs whose "area/name" contains a filter

For every `tests/programs/<area>/<name>.py` this writes, next to the program:

    <name>.out   the program's stdout, byte for byte
    <name>.code  its exit code and a newline
    <name>.err   the last non-blank line of stderr and a newline, or nothing

Each program runs with cwd = its folder and is named `name.py`, so tracebacks say
`File "name.py"`. A folder holding a file `MODE` that contains `repl` is run in REPL mode:
every top-level statement is compiled on its own (what `refscope run --repl-mode` does), so
constants are not merged across statements (`c = 1000` / `d = 1000` / `c is d` → False).

Programs in TOOL_FOLDERS need third-party modules (memory_profiler, objgraph). They get
expected files only when python3 runs them without a ModuleNotFoundError.

Every program runs twice with different PYTHONHASHSEED values; output that changes between
the two runs is reported as non-deterministic and gets no expected files. A program that
exits with 0 but writes to stderr (a SyntaxWarning, say) is reported too.

`--run-repl name.py` runs one program in REPL mode (used by tests/programs.rs).
"""

import ast
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
TOOL_FOLDERS = {"seed_tools"}
TIMEOUT = 120


def run_repl(path):
    """Execute each top-level statement of `path` as its own compiled module.

    Statements share one namespace, as in the interactive interpreter, but expression
    values are not echoed. An uncaught exception ends the run as it would a script."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, path)
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    for stmt in tree.body:
        module = ast.Module(body=[stmt], type_ignores=[])
        exec(compile(module, path, "exec"), namespace)


def folder_mode(folder):
    marker = os.path.join(folder, "MODE")
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            return f.read().strip()
    return "script"


def discover(filters):
    programs = []
    for area in sorted(os.listdir(PROGRAMS)):
        folder = os.path.join(PROGRAMS, area)
        if not os.path.isdir(folder):
            continue
        for entry in sorted(os.listdir(folder)):
            if not entry.endswith(".py"):
                continue
            name = entry[:-3]
            key = f"{area}/{name}"
            if filters and not any(f in key for f in filters):
                continue
            programs.append((area, name, folder, folder_mode(folder)))
    return programs


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] + "\n" if lines else ""


def run(folder, name, mode, hashseed):
    if mode == "repl":
        argv = [sys.executable, os.path.abspath(__file__), "--run-repl", f"{name}.py"]
    else:
        argv = [sys.executable, f"{name}.py"]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED=str(hashseed))
    env.pop("PYTHONSTARTUP", None)
    proc = subprocess.run(
        argv, cwd=folder, env=env, capture_output=True, timeout=TIMEOUT
    )
    stdout = proc.stdout.decode("utf-8")
    err = last_line(proc.stderr.decode("utf-8"))
    return {"out": stdout, "code": f"{proc.returncode}\n", "err": err}


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def main(argv):
    if len(argv) >= 2 and argv[0] == "--run-repl":
        sys.argv = argv[1:]
        run_repl(argv[1])
        return 0
    check = "--check" in argv
    filters = [a for a in argv if not a.startswith("--")]
    programs = discover(filters)
    if not programs:
        print("no programs match", filters)
        return 1
    written = unchanged = skipped = 0
    problems = []
    for area, name, folder, mode in programs:
        key = f"{area}/{name}"
        first = run(folder, name, mode, 1)
        if area in TOOL_FOLDERS and first["err"].startswith("ModuleNotFoundError"):
            skipped += 1
            for ext in ("out", "code", "err"):
                stale = os.path.join(folder, f"{name}.{ext}")
                if os.path.exists(stale):
                    if check:
                        problems.append(f"{key}: {ext} exists but python3 cannot run it")
                    else:
                        os.remove(stale)
            continue
        second = run(folder, name, mode, 2)
        if first != second:
            problems.append(f"{key}: output differs between two runs (non-deterministic)")
            continue
        if first["code"] == "0\n" and first["err"]:
            problems.append(f"{key}: exit code 0 but stderr says {first['err'].strip()!r}")
        for ext in ("out", "code", "err"):
            path = os.path.join(folder, f"{name}.{ext}")
            old = read(path)
            if old == first[ext]:
                unchanged += 1
            elif check:
                what = "missing" if old is None else "stale"
                problems.append(f"{key}.{ext}: {what}")
            else:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(first[ext])
                written += 1
    for problem in problems:
        print(problem)
    verb = "stale/missing" if check else "written"
    print(
        f"{len(programs)} programs, {written if not check else len(problems)} files {verb}, "
        f"{unchanged} files unchanged, {skipped} programs without expectations"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
