# warnings: catch_warnings with record=True, formatwarning, showwarning to a file,
# the stderr format, and filters restored after the block.
import contextlib
import sys
import warnings


def helper():
    warnings.warn("from helper", stacklevel=2)


print(warnings.catch_warnings(), warnings.catch_warnings(record=True))
before = list(warnings.filters)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", RuntimeWarning)
    helper()
    warnings.warn(DeprecationWarning("dep"))
print(len(log))
for w in log:
    print(w.message, type(w.message).__name__, w.category.__name__,
          w.filename.rsplit("/", 1)[-1], w.lineno, w.line, w.file, w.source)
    print(str(w).replace(w.filename, "FILE"))
print(warnings.filters == before)

# record=False returns None; action= adds a filter for the block.
with warnings.catch_warnings(action="error") as nothing:
    print(nothing, warnings.filters[0][0])
    try:
        warnings.warn("inside")
    except UserWarning as e:
        print("raised", e)
print(warnings.filters == before)

# Nested blocks, and the registry is cleared when the filters are put back.
def once_here():
    warnings.warn("only once?")


with warnings.catch_warnings(record=True) as outer_log:
    warnings.simplefilter("default")
    once_here()
    once_here()
    with warnings.catch_warnings(record=True) as inner_log:
        warnings.simplefilter("always")
        once_here()
        once_here()
    once_here()
print(len(outer_log), len(inner_log))

# Entering twice / exiting first.
cw = warnings.catch_warnings()
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    warnings.catch_warnings(record=True).__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)

# formatwarning and showwarning
print(repr(warnings.formatwarning("msg", UserWarning, "x.py", 3)))
print(repr(warnings.formatwarning("msg", UserWarning, "x.py", 3, line="   code()  ")))
print(repr(warnings.formatwarning("msg", FutureWarning, "warnings_catch_record.py", 1)))
warnings.showwarning("to stdout", RuntimeWarning, "f.py", 9, file=sys.stdout, line="x = 1")
print(warnings.WarningMessage("m", UserWarning, "f", 2))

# The default stderr output, caught on stdout.
def fmt_name(message, category, filename, lineno, line=None):
    return "%s:%d: %s: %s\n" % (filename.rsplit("/", 1)[-1], lineno, category.__name__, message)


with contextlib.redirect_stderr(sys.stdout):
    warnings.formatwarning = fmt_name
    warnings.warn("plain")
    helper()
    warnings.warn("object", ResourceWarning, source=object())
    warnings.simplefilter("always")
    warnings.warn("object", ResourceWarning, source=object())
    warnings.formatwarning = warnings._formatwarning_orig
    warnings.warn("original format", stacklevel=50)
