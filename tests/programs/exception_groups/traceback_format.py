"""How the traceback module draws exception groups (3.11): a box per sub-exception, nested
groups indented, notes under their exception line, at most 15 sub-exceptions per group and
10 levels of nesting. These groups were never raised, so there are no traceback lines."""
import traceback


def show(exc):
    print("".join(traceback.format_exception(exc)), end="")
    print("=" * 20)


eg = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("nested", [TypeError(2), KeyError("k")])])
eg.add_note("a note on the group")
eg.exceptions[0].add_note("a note on a leaf")
show(eg)
print(traceback.format_exception_only(eg))
print(traceback.format_exception_only(ExceptionGroup("", [ValueError()])))
show(BaseExceptionGroup("base", [KeyboardInterrupt(), SystemExit(2)]))
show(ExceptionGroup("many", [ValueError(i) for i in range(17)]))
show(ExceptionGroup("fifteen", [OSError(i) for i in range(15)]))

deep = ValueError("bottom")
for level in range(12):
    deep = ExceptionGroup(f"level {level}", [deep])
show(deep)

chained = ExceptionGroup("chained", [ValueError("v")])
chained.__cause__ = ExceptionGroup("the cause", [KeyError("c")])
show(chained)
ctx = ExceptionGroup("with context", [TypeError("t")])
ctx.__context__ = RuntimeError("earlier")
show(ctx)
leaf_cause = ValueError("leaf")
leaf_cause.__cause__ = ExceptionGroup("inner cause", [OSError("o")])
show(ExceptionGroup("outer", [leaf_cause]))
print(list(traceback.TracebackException.from_exception(eg).format_exception_only()))
te = traceback.TracebackException.from_exception(eg)
print(len(te.exceptions), [type(t).__name__ for t in te.exceptions], te.exceptions[1].exc_type.__name__)
