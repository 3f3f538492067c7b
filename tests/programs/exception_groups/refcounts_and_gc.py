"""Who holds references to a group and its leaves: the group keeps the list it was given
(in args) and a tuple copy of it (exceptions), so each leaf gains two references; split()
parts do the same. Groups are tracked containers; cycles through them are collected with
the counts python3 reports (strings are not tracked, so they are not counted)."""
import gc
import sys

gc.disable()
gc.collect()
a, b = ValueError("a"), TypeError("b")
items = [a, b]
print("before", sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(items))
eg = ExceptionGroup("m", items)
print("constructed", sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(items), sys.getrefcount(eg))
excs = eg.exceptions
print("exceptions tuple", sys.getrefcount(excs), excs is eg.exceptions, gc.is_tracked(excs), gc.is_tracked(eg))
del excs
print(len(gc.get_referents(eg)), sorted(type(o).__name__ for o in gc.get_referents(eg)))
print(ExceptionGroup in gc.get_referents(eg), items in gc.get_referents(eg), "m" in gc.get_referents(eg))
beg = BaseExceptionGroup("b", [SystemExit()])
print(len(gc.get_referents(beg)), sorted(type(o).__name__ for o in gc.get_referents(beg)))
eg.__cause__ = KeyError("c")
eg.__context__ = OSError("x")
eg.add_note("n")
try:
    raise eg
except ExceptionGroup:
    pass
print(len(gc.get_referents(eg)), sorted(type(o).__name__ for o in gc.get_referents(eg)))

m, r = eg.split(ValueError)
print("split", sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(eg), sys.getrefcount(m))
print(sorted(type(o).__name__ for o in gc.get_referents(m)))
print(sys.getrefcount(eg.__traceback__), sys.getrefcount(eg.__cause__), sys.getrefcount(eg.__notes__))
del m, r
print("parts dropped", sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(eg.__traceback__))
sg = eg.subgroup(Exception)
print("whole subgroup", sg is eg, sys.getrefcount(eg))
del sg, eg
print("group dropped", sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(items))

x, y = ValueError("x"), TypeError("y")
g = ExceptionGroup("g", [x, y])
print("g", sys.getrefcount(g), sys.getrefcount(x), sys.getrefcount(y))
try:
    raise g
except* ValueError as e:
    print("ValueError clause", sys.getrefcount(g), sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(e))
except* TypeError as e2:
    print("TypeError clause", sys.getrefcount(g), sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(e2))
print("after except*", sys.getrefcount(g), sys.getrefcount(x), sys.getrefcount(y))
n = ValueError("naked")
try:
    raise n
except* ValueError as e:
    print("naked in clause", sys.getrefcount(n), sys.getrefcount(e), len(gc.get_referents(e)))
    print(sorted(type(o).__name__ for o in gc.get_referents(e)))
print("naked after", sys.getrefcount(n))
print("nothing left over:", gc.collect())

c = ExceptionGroup("cycle", [ValueError("v")])
c.__context__ = c
c.exceptions[0].group = c
print(c.__context__ is c, sys.getrefcount(c))
del c
print("group as its own context, leaf attribute:", gc.collect())
d = ExceptionGroup("cycle2", [ValueError("v")])
d.exceptions[0].__context__ = d
del d
print("leaf context:", gc.collect())
lst = [KeyError("k")]
h = ExceptionGroup("cycle3", lst)
lst.append(h)
print(h.args[1] is lst, len(h.exceptions), repr(h)[:40])
del lst, h
print("through the args list:", gc.collect())
outer = ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1), TypeError(2)])])
outer.exceptions[0].exceptions[1].__cause__ = outer
del outer
print("nested:", gc.collect())


def keeps_part():
    try:
        raise ExceptionGroup("f", [ValueError(1)])
    except* ValueError as e:
        saved = e
    return 1


def drops_part():
    try:
        raise ExceptionGroup("f", [ValueError(1)])
    except* ValueError as e:
        pass
    return 2


drops_part()
print("except* part not kept:", gc.collect())
keeps_part()
print("except* part kept in a local:", gc.collect())
