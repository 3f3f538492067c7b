import sys, gc
class A:
    def __init__(self):
        self.x = 1
    def hi(self): return "A"
class B:
    def hi(self): return "B"
a = A()
print(sys.getrefcount(A), sys.getrefcount(B), sys.getsizeof(a))
a.__class__ = B
print(a.hi(), type(a).__name__, isinstance(a, B), a.x, sys.getrefcount(A), sys.getrefcount(B))
print(gc.get_referents(a))
a.y = 2
print(vars(a))
class S:
    __slots__ = ('p',)
class S2:
    __slots__ = ('p',)
class S3:
    __slots__ = ('q',)
s = S(); s.p = 5
s.__class__ = S2
print(type(s).__name__, s.p)
class E(Exception): pass
class E2(Exception): pass
e = E("m"); e.__class__ = E2; print(repr(e))
class L(list): pass
class L2(list): pass
l = L([1]); l.__class__ = L2; print(type(l).__name__, l)
for obj, cls in [(a, int), (a, 5), (s, S3), (s, B), (a, S), (1, B), ([], L), (l, A), (e, B)]:
    try:
        obj.__class__ = cls
        print("ok", type(obj).__name__)
    except TypeError as ex:
        print("TypeError", ex)
try:
    del a.__class__
except TypeError as ex:
    print("TypeError", ex)
class Z:
    pass
class Sub(B):
    pass
a.__class__ = Sub
print(type(a).__name__, a.hi(), Sub.__mro__[1].__name__)
b = B()
b.__class__ = A
print(b.hi())
print(gc.get_referents(b), gc.get_referents(l), gc.get_referents(s))
print(sys.getrefcount(A), sys.getrefcount(B), sys.getrefcount(Sub))
class Meta(type): pass
try:
    A.__class__ = Meta
except TypeError as ex:
    print("TypeError", ex)
class P:
    @property
    def __class__(self): return int
    @__class__.setter
    def __class__(self, v): print("setter", v.__name__)
p = P()
p.__class__ = B
print(p.__class__, type(p).__name__, isinstance(p, int))
del a, b
print(gc.collect())
