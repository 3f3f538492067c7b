# weakref.ref: a reference that does not keep its object alive.
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name


n = Node("a")
before = sys.getrefcount(n)
r = weakref.ref(n)
print(sys.getrefcount(n) == before, r() is n, r().name)
print(weakref.ref(n) is r, weakref.getweakrefcount(n))
print(type(r).__name__, sys.getsizeof(r))
print(hash(r) == hash(n), r == weakref.ref(n))


def report(label):
    def callback(ref):
        print("callback", label, ref() is None)
    return callback


r1 = weakref.ref(n, report("first"))
r2 = weakref.ref(n, report("second"))
print(r1 is r2, weakref.getweakrefcount(n), len(weakref.getweakrefs(n)))
del n
print("after del:", r(), r1(), weakref.getweakrefcount(r1))
try:
    hash(weakref.ref(Node("x")))
except TypeError as e:
    print("TypeError:", e)

for obj in [1, "s", [1], (1,), {"k": 1}, None, 2.5, b"x"]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)
for obj in [Node("y"), print, len, {1}, frozenset(), Node, report]:
    try:
        weakref.ref(obj)
        print("ok", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)
try:
    r(1)
except TypeError as e:
    print("TypeError:", e)
