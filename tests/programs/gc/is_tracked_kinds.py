# gc.is_tracked for the objects CPython 3.11 tracks and those it does not: a range
# iterator and a bare object() are not gc objects; a slice and a built-in function are.
import gc
for name, o in [("range iterator", iter(range(3))), ("object()", object()), ("slice", slice(1, 2)),
                ("builtin", sum), ("list iterator", iter([])), ("enumerate", enumerate([])),
                ("map", map(str, [])), ("zip", zip()), ("bound builtin", [].append), ("property", property()),
                ("str iterator", iter("ab")), ("tuple iterator", iter((1,))), ("dict keys", {}.keys()),
                ("reversed", reversed([])), ("filter", filter(None, [])), ("cell-less func", lambda: 0),
                ("staticmethod", staticmethod(len)), ("classmethod", classmethod(len)), ("super", None)]:
    print(name, gc.is_tracked(o))
