import gc

class C:
    pass

def f():
    pass

for value in [1, 1.5, "s", b"b", None, True, range(3), (), {}, {"a": 1}, [], set(), C(), f, C]:
    print(type(value).__name__, gc.is_tracked(value))
d = {"a": 1}
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))
t = (1, 2)
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
