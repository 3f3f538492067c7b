# warnings: default filters, the six actions, the once-per-location registry,
# stacklevel, and the errors for bad categories and filters.
import sys
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", filename.rsplit("/", 1)[-1], lineno, category.__name__, message)


warnings.showwarning = show
print([(a, m, c.__name__, mod, ln) for a, m, c, mod, ln in warnings.filters])
print(warnings.defaultaction, warnings.onceregistry)

# Default filters: DeprecationWarning only from __main__; the ignored categories.
warnings.warn("dep in main", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("resource", ResourceWarning)
exec("import warnings\nwarnings.warn('dep elsewhere', DeprecationWarning)",
     {"__name__": "othermod"})


def repeat():
    warnings.warn("same place")


# 'default': once per location.
for _ in range(3):
    repeat()
warnings.warn("same place")

# 'always'
warnings.simplefilter("always")
for _ in range(2):
    repeat()

# 'once': once per module and text (the registry is cleared when filters change).
warnings.simplefilter("once")
repeat()
repeat()
warnings.warn("same place")
exec("import warnings\nwarnings.warn('same place')", {"__name__": "othermod"})

# 'module': once per module.
warnings.simplefilter("module")
repeat()
warnings.warn("same place")
warnings.warn("same place", RuntimeWarning)

# 'ignore' for one category, 'error' for another.
warnings.resetwarnings()
print(warnings.filters)
warnings.simplefilter("ignore", RuntimeWarning)
warnings.simplefilter("error", UserWarning)
warnings.warn("hidden", RuntimeWarning)
try:
    warnings.warn("boom")
except UserWarning as e:
    print("raised", type(e).__name__, e.args)
try:
    warnings.warn(ValueError.__name__, category=SyntaxWarning)
except SyntaxWarning:
    print("not raised")
warnings.resetwarnings()

# filterwarnings: message regex (start, any case), module regex, lineno.
warnings.filterwarnings("ignore", message="spam")
warnings.filterwarnings("error", module="other")
warnings.warn("SPAM and eggs")
warnings.warn("eggs and spam")
try:
    exec("import warnings\nwarnings.warn('from other')", {"__name__": "othermod"})
except UserWarning as e:
    print("error from othermod:", e)
warnings.filterwarnings("ignore", lineno=76)
warnings.warn("line 76 is ignored")
warnings.warn("line 77 is shown")
print("filters now", len(warnings.filters))
warnings.simplefilter("ignore", append=True)
warnings.simplefilter("ignore", append=True)
print("append twice", len(warnings.filters), warnings.filters[-1][0])
warnings.resetwarnings()


# stacklevel picks the frame to blame.
def inner(level):
    warnings.warn("level %d" % level, stacklevel=level)


def outer(level):
    inner(level)


warnings.simplefilter("always")
for level in (0, 1, 2, 3, 50):
    outer(level)

# Warning instances, non-string messages, subclasses.
class MyWarning(UserWarning):
    pass


warnings.warn(MyWarning("mine", 2))
warnings.warn(MyWarning("instance wins"), RuntimeWarning)
warnings.warn(42)
warnings.warn("sub", MyWarning)

# warn_explicit
warnings.warn_explicit("explicit", RuntimeWarning, "somefile.py", 12)
registry = {}
warnings.simplefilter("default")
for _ in range(2):
    warnings.warn_explicit("with registry", UserWarning, "f.py", 5, registry=registry)
print(sorted(repr(k) for k in registry))

# Errors
for bad in (5, int, UserWarning("x"), "str"):
    try:
        warnings.warn("m", bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    warnings.warn("m", stacklevel="a")
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.warn_explicit("m", UserWarning, "f", 1, registry=[])
except TypeError as e:
    print("TypeError:", e)
for bad_filter in (("bogus", None, Warning, None, 0), ("ignore",), 7):
    warnings.filters.insert(0, bad_filter)
    try:
        warnings.warn("bad filter %r" % (bad_filter,))
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
    del warnings.filters[0]
for args in (("nope",), ("ignore", 5), ("ignore", "", int)):
    try:
        warnings.filterwarnings(*args)
    except AssertionError as e:
        print("AssertionError:", e)
warnings.simplefilter("error")
warnings.warn("uncaught", MyWarning)
