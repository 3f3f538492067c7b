"""split() and subgroup() walk a group tree: a matcher is an exception type, a tuple of
them, or a Python function called on every node (the group itself first, depth first).
A node that matches as a whole is kept as the same object; any other group is rebuilt
through derive(), even when nothing in it matched; leaves are never copied."""
v1, t1, k1, v2 = ValueError(1), TypeError(2), KeyError(3), ValueError(4)
inner = ExceptionGroup("inner", [k1, v2])
eg = ExceptionGroup("outer", [v1, t1, inner])

print(eg.split(ValueError))
print(eg.split((ValueError, KeyError)))
print(eg.split(lambda e: isinstance(e, TypeError)))
print(repr(eg.subgroup(ValueError)))
print(repr(eg.subgroup((KeyError, TypeError))))
print(eg.split(()))

m, r = eg.split(ValueError)
print(m.exceptions[0] is v1, m.exceptions[1].exceptions[0] is v2, m.exceptions[1] is inner)
print(r.exceptions[0] is t1, r.exceptions[1].exceptions[0] is k1)
print(type(m.exceptions).__name__, type(m.args[1]).__name__, m.message, r.message)

# Whole matches return the very same object.
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print(eg.subgroup(Exception) is eg, eg.subgroup(ExceptionGroup) is eg, eg.subgroup(BaseExceptionGroup) is eg)
print(eg.split(lambda e: True)[0] is eg, eg.split(lambda e: 1)[0] is eg)
print(eg.split(ExceptionGroup))
sub = eg.split((TypeError, ExceptionGroup))
print(sub, sub[0] is eg)

# No match: None, and a rebuilt (equal-looking, not identical) rest.
m, r = eg.split(OSError)
print(m, r, r is eg, r.exceptions is eg.exceptions)
print(r.exceptions[0] is v1, r.exceptions[2] is inner, r.exceptions[2].exceptions[0] is k1)
print(eg.subgroup(OSError), eg.subgroup(lambda e: False), eg.split(lambda e: 0)[1] is eg)
sg = eg.subgroup(lambda e: e is not eg)
print(sg is eg, sg.exceptions[2] is inner, sg == eg)

# The order the predicate sees the nodes in.
seen = []
print(eg.subgroup(lambda e: seen.append(repr(e)) or False))
for s in seen:
    print("  saw", s)
seen = []
print(eg.split(lambda e: seen.append(type(e).__name__) or isinstance(e, KeyError)))
print(seen)
seen = []
print(repr(eg.subgroup(lambda e: seen.append(type(e).__name__) or e is inner)))
print(seen)
# Truthiness of the predicate's result decides.
print(eg.split(lambda e: [] if isinstance(e, ValueError) else "yes"))

# BaseExceptionGroup parts: each part is derived from the original group's class.
beg = BaseExceptionGroup("mixed", [ValueError(5), KeyboardInterrupt(), SystemExit(3)])
print(type(beg).__name__)
m, r = beg.split(Exception)
print(repr(m), type(m).__name__, repr(r), type(r).__name__)
m, r = beg.split(KeyboardInterrupt)
print(repr(m), repr(r))
print(repr(beg.subgroup(BaseException)), beg.subgroup(BaseException) is beg)
deep = ExceptionGroup("a", [ExceptionGroup("b", [ExceptionGroup("c", [ValueError("deep")])]), TypeError("t")])
print(deep.split(ValueError))
print(repr(deep.subgroup(TypeError)))
print(repr(deep.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "b")))

# Bad matchers: only exception classes, tuples of them, and Python functions.


class Call:
    def __call__(self, e):
        return True

    def meth(self, e):
        return True

    @staticmethod
    def st(e):
        return isinstance(e, TypeError)


for bad in (1, "x", None, [ValueError], (ValueError, 1), int, (int,), ValueError(), Call(), Call().meth,
            len, print, Call.st, lambda: True, lambda a, b: True):
    for method in (eg.split, eg.subgroup):
        try:
            print(repr(method(bad)))
        except TypeError as e:
            print(method.__name__, "TypeError:", e)
for args in ((), (ValueError, KeyError)):
    try:
        eg.split(*args)
    except TypeError as e:
        print(e)
    try:
        eg.subgroup(*args)
    except TypeError as e:
        print(e)
try:
    eg.split(matcher_value=ValueError)
except TypeError as e:
    print(e)


def boom(e):
    if isinstance(e, KeyError):
        raise RuntimeError("in predicate")
    return False


try:
    eg.split(boom)
except RuntimeError as e:
    print("RuntimeError:", e)
