# Weak containers iterate lazily, as CPython's do: an entry whose referent dies during the
# loop is not visited, and is removed once the loop ends (the container does not change
# size under it); the loop itself holds only the current item.
import sys
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"K({self.n})"


keep = [K(i) for i in range(3)]
ws = weakref.WeakSet(keep)
visits = 0
for item in ws:
    visits += 1
    print("refcount of the item in the loop:", sys.getrefcount(item))
    keep.clear()
    del item
print("visits:", visits, "left:", len(ws))

values = {i: K(i) for i in range(6)}
wvd = weakref.WeakValueDictionary(values)
seen = []
for key in wvd:
    seen.append(key)
    if key == 1:
        del values[2], values[3]
print(sorted(seen), len(wvd), sorted(wvd.keys()))

keys = [K(i) for i in range(4)]
wkd = weakref.WeakKeyDictionary((k, k.n * 10) for k in keys)
for k, v in wkd.items():
    if v == 0:
        del keys[1:3]
    del k
print(len(wkd), sorted(v for v in wkd.values()))

# The rest of their interface.
a, b, c = K(1), K(2), K(3)
s1, s2 = weakref.WeakSet([a, b]), weakref.WeakSet([b, c])
print(sorted(x.n for x in s1 | s2), sorted(x.n for x in s1 & s2), sorted(x.n for x in s1 - s2))
print(sorted(x.n for x in s1 ^ s2), s1 <= weakref.WeakSet([a, b, c]), s1.isdisjoint(s2))
print(s1.pop().n in (1, 2), len(s1), len(s1.copy()))
d = weakref.WeakValueDictionary(x=a, y=b)
print(sorted(d.copy().items(), key=lambda kv: kv[0]), len(d.valuerefs()), type(d | {"z": c}).__name__)
print(d.popitem()[0] in "xy", len(d), [r() for r in d.itervaluerefs()] in ([a], [b]))
kd = weakref.WeakKeyDictionary({a: 1, b: 2})
print(len(kd.keyrefs()), sorted(kd.copy().values()), kd.popitem()[1] in (1, 2), len(kd))
try:
    weakref.WeakSet().pop()
except KeyError as e:
    print("KeyError:", e)
print(repr(weakref.WeakSet())[:5], repr(weakref.WeakValueDictionary())[:20])
