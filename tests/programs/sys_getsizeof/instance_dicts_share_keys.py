# An instance's __dict__ in CPython 3.11 shares its class's keys: each instance has room
# for the names its class's instances have used plus the free places left, and every
# new instance takes one free place (down to one). So the same dict shrinks as the
# class makes instances, and a name that finds no room gives the instance a dict of its
# own, sized like any other.
import gc
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(1, 2) for _ in range(5)]
print("5 points:", [sys.getsizeof(p.__dict__) for p in points])
p = Point(1, 2)
p.z = 3
print("a sixth, with z:", sys.getsizeof(p.__dict__))
q = Point(3, 4)
print("a seventh:", sys.getsizeof(q.__dict__), "the first now:", sys.getsizeof(points[0].__dict__))
d = vars(Point(5, 6))
d["w"] = 1
print("w added through the dict:", sys.getsizeof(d))

many = [Point(i, i) for i in range(1000)]
print("after 1000 more:", sys.getsizeof(many[0].__dict__))
many[1].z = 1
print("z is a known name:", sys.getsizeof(many[1].__dict__))
many[2].v = 1
print("v finds no room:", sys.getsizeof(many[2].__dict__), sys.getsizeof(many[0].__dict__))
many[3].__dict__["u"] = 5
print("nor does u:", sys.getsizeof(many[3].__dict__))


class Empty:
    pass


e = Empty()
print("empty:", sys.getsizeof(e.__dict__))
e.a = 1
print("one name:", sys.getsizeof(e.__dict__))
kept = e.__dict__
del Empty, e
gc.collect()
print("its class gone, the dict owns the keys:", sys.getsizeof(kept))


class B:
    pass


b = B()
b.x = 1
d = b.__dict__
d2 = d.copy()
print("a copy shares them:", sys.getsizeof(d2), type(d2).__name__)
print("dict() of it does not:", sys.getsizeof(dict(d)), sys.getsizeof({**d}))
del d["x"]
print("after del:", sys.getsizeof(d))
d.clear()
print("after clear:", sys.getsizeof(d))
d3 = vars(B())
d3[1] = 2
print("a non-str key:", sys.getsizeof(d3))
print("object.__new__ takes a place too:", sys.getsizeof(vars(object.__new__(B))))
b4 = B()
b4.p = 1
b4.q = 2
pair = b4.__dict__
print(pair.popitem(), sys.getsizeof(pair))


class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print("40 names:", sys.getsizeof(m.__dict__), len(m.__dict__))
for n in range(1, 5):
    class K:
        pass
    ks = [K() for _ in range(40)]
    k = K()
    for i in range(n):
        setattr(k, "a%d" % i, i)
    print(n, "names when the keys are full:", sys.getsizeof(k.__dict__))

# Subclasses of built-in types: no values inline, so reading __dict__ first gives a
# plain dict, while setting an attribute first makes one that shares the keys; tuple
# subclasses and exceptions never share.
for base in (list, dict, set, frozenset, tuple, Exception, ValueError):
    X = type("X", (base,), {})
    x, x2, x3 = X(), X(), X()
    x.a = 1
    x3.a = 1
    x3.b = 2
    print(base.__name__, sys.getsizeof(x.__dict__), sys.getsizeof(x2.__dict__), sys.getsizeof(x3.__dict__))


class Sub(Point):
    pass


print("a subclass has keys of its own:", sys.getsizeof(Sub(1, 2).__dict__))


class S1:
    __slots__ = ("__dict__",)


class S2:
    __slots__ = ("a", "__dict__")


class S3(S2):
    pass


for C in (S1, S2, S3):
    x = C()
    x.q = 1
    print(C.__name__, sys.getsizeof(x.__dict__), sys.getsizeof(C().__dict__))
print(gc.is_tracked(Point(1, 2).__dict__))
