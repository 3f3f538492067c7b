"""Prints, as JSON, the 'line' events CPython 3.11's sys.settrace reports for a program:
a list of line numbers of the program's own file, in order, or null when the program
needs memory_profiler or objgraph and this python3 does not have them. Used by
tests/record.rs to check that refscope's line steps are CPython's.

    python3 scripts/settrace-lines.py PROGRAM.py
"""
import io
import json
import os
import sys
import types


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        source = f.read()
    code = compile(source, path, "exec")
    lines = []

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != path:
            return None
        if event == "line":
            lines.append(frame.f_lineno)
        return tracer

    real_stdout, real_stderr = sys.stdout, sys.stderr
    sys.stdout = io.StringIO()
    sys.stderr = io.StringIO()
    sys.argv = [path]
    os.chdir(os.path.dirname(os.path.abspath(path)) or ".")
    # The program runs as the real __main__ module (as runpy runs one): what looks its
    # module up in sys.modules (inspect.getsource of a class, pickle) finds the program,
    # not this script.
    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    globs = module.__dict__
    sys.settrace(tracer)
    missing_tool = False
    try:
        exec(code, globs)
    except ModuleNotFoundError as e:
        # The third-party tools refscope provides (memory_profiler, objgraph) may be
        # missing here: then there is nothing to compare (null).
        missing_tool = e.name in ("memory_profiler", "objgraph")
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        sys.stdout, sys.stderr = real_stdout, real_stderr
    print("null" if missing_tool else json.dumps(lines))
    # The program's objects still alive are finalized at exit, and their __del__ may
    # print: leave before that, so the JSON is all there is on stdout.
    sys.stdout.flush()
    os._exit(0)


main()
