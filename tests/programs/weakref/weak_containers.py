# WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize.
import gc
import weakref


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Item({self.name!r})"


cache = weakref.WeakValueDictionary()
x, y = Item("x"), Item("y")
cache["x"] = x
cache["y"] = y
print(len(cache), sorted(cache.keys()), cache["x"], "y" in cache)
del x
print(len(cache), sorted(cache.keys()), cache.get("x", "gone"), "x" in cache)
try:
    cache["x"]
except KeyError as e:
    print("KeyError", e)

meta = weakref.WeakKeyDictionary()
k1, k2 = Item("k1"), Item("k2")
meta[k1] = 1
meta[k2] = 2
print(len(meta), meta[k1], k2 in meta, sorted(v for v in meta.values()))
del k2
print(len(meta), [k.name for k in meta.keys()])

s = weakref.WeakSet([k1, y])
print(len(s), k1 in s)
del y
print(len(s), sorted(i.name for i in s))


def goodbye(name, punct="!"):
    print("goodbye", name + punct)
    return 42


obj = Item("f")
f = weakref.finalize(obj, goodbye, "f", punct="?")
print(f.alive, f.peek()[1] is goodbye)
del obj
print(f.alive, f())
obj2 = Item("g")
g = weakref.finalize(obj2, goodbye, "g")
print(g(), g.alive, g())
obj3 = Item("h")
h = weakref.finalize(obj3, goodbye, "h")
print(h.detach()[0] is obj3, h.alive)
del obj3
gc.collect()
print("end")
