import sys, gc
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("ann")
print(n, repr(n), type(n).__name__, n.shout(), len(n), n + "x", type(n + "x").__name__, n * 2, n[0], type(n[0]).__name__)
print(n == "ann", "ann" == n, n != "bob", hash(n) == hash("ann"), n in {"ann": 1}, {"ann": 1}[n], isinstance(n, str), n.startswith("a"))
print(str(n), type(str(n)).__name__, f"{n}", "%s" % n, "{}".format(n), n.upper(), type(n.upper()).__name__, n is Name("ann"))
n.tag = 5
print(n.tag, n.__dict__, sys.getsizeof(n), sys.getsizeof(Name("")), sys.getsizeof(Name("é")), gc.is_tracked(n))
class Slim(str):
    __slots__ = ()
print(sys.getsizeof(Slim("abc")), sys.getrefcount(n), sorted([Name("b"), Name("a")]), ",".join([Name("x"), "y"]))
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __repr__(self):
        return f"Upper({str.__repr__(self)})"
u = Upper("hi")
print(u, repr(u), [u], u.lower(), int(Name("42")) + 1, float(Name("1.5")), Name(12), Name(b"ab", "ascii"))
class Tagged(str):
    def __new__(cls, v, tag=None):
        return super().__new__(cls, v)
    def __init__(self, v, tag=None):
        self.tag = tag
t = Tagged("x", tag="T")
print(t, t.tag, Tagged("y").tag)
try:
    class Bad(str):
        def __init__(self, v, tag=None):
            self.tag = tag
    Bad("x", tag="T")
except TypeError as e:
    print(e)
class E(str):
    def __eq__(self, o):
        return str(self).lower() == str(o).lower()
    __hash__ = str.__hash__
print(E("A") == "a", E("A") in ["a"], {E("A"): 1}.get("A"))
try:
    sys.intern(Name("q"))
except TypeError as e:
    print(e)
d = {}
d[Name("k")] = 1
print(d, list(d)[0].__class__.__name__)
a = Name("cyc"); a.me = a; del a
print(gc.collect())
print(Name("a,b").split(","), Name(" a ").strip(), type(Name(" a ").strip()).__name__, "a" < Name("b"), Name("x").join("ab"))
print(str.__new__(Name, "z"), type(str.__new__(Name, "z")).__name__, f"{Name('p'):>4}|", format(Name("q"), "^5"))
