# sys.getsizeof of iterators, super objects and exceptions, as CPython 3.11 lays them
# out: an OSError carries errno, strerror and filenames, a SyntaxError its location, a
# Python subclass a __weakref__ pointer.
import sys
class A: pass
for name, o in [("map", map(str, [])), ("filter", filter(None, [])), ("dict keyiter", iter({})),
                ("dict itemiter", iter({}.items())), ("dict valueiter", iter({}.values())), ("set iter", iter(set())),
                ("super", super(A, A())), ("StopIteration", StopIteration()), ("OSError", OSError()),
                ("SyntaxError", SyntaxError()), ("ValueError", ValueError()), ("KeyError", KeyError()),
                ("ImportError", ImportError()), ("SystemExit", SystemExit()), ("UnicodeError", UnicodeError()),
                ("list iter", iter([])), ("tuple iter", iter(())), ("range iter", iter(range(3))),
                ("str iter", iter("ab")), ("enumerate", enumerate([])), ("zip", zip()), ("reversed", reversed([])),
                ("zip2", zip([], [])), ("bytes iter", iter(b"")), ("dict keys", {}.keys()), ("gen-less map2", map(len, [], [])),
                ("property", property()), ("staticmethod", staticmethod(len)), ("classmethod", classmethod(len)),
                ("cell", (lambda: A).__closure__), ("bound builtin", [].append),
                ("NameError", NameError()), ("AttributeError", AttributeError()), ("StopAsync", StopAsyncIteration())]:
    print(name, sys.getsizeof(o))
class E(Exception): pass
class O(OSError): pass
class T(Exception):
    __slots__ = ()
e = E("x"); e.note = 1
for o in (e, O(), T(), FileNotFoundError(), IndentationError(), ModuleNotFoundError(), UnboundLocalError(), KeyboardInterrupt()):
    print(type(o).__name__, sys.getsizeof(o))
try:
    {}["k"]
except KeyError as k:
    print("caught", sys.getsizeof(k))
