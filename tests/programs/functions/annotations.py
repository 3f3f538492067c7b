# Annotations as CPython 3.11 evaluates them (no `from __future__ import annotations`):
# a function's are a tuple until `__annotations__` is first read, then a dict it keeps;
# module and class bodies get an `__annotations__` dict when they annotate a name.
import sys
def f(x: int, y: "str" = "a", *args: tuple, z: float = 1.0, **kw: dict) -> list:
    return [x, y]
def g(a, /, b: int, c: str):
    pass
print(f(1), f.__annotations__)
print(g.__annotations__)
def h(): pass
print(h.__annotations__, h.__annotations__ is h.__annotations__)
ann = f.__annotations__
print(sys.getrefcount(ann), ann is f.__annotations__)
f.__annotations__ = {'q': 1}
print(f.__annotations__)
f.__annotations__ = None
print(f.__annotations__)
try:
    f.__annotations__ = 3
except TypeError as e:
    print(e)
v: int = 3
w: float
print(v, __annotations__)
class P:
    """doc"""
    a: int
    b: str = "x"
    __c: list = []
    def m(self, q: 'P') -> 'P':
        loc: int = 5
        return self
print(P.__annotations__, P.b, P.__doc__)
print(hasattr(P, 'a'), P.m.__annotations__)
class Q:
    pass
print('__annotations__' in Q.__dict__)
class R:
    if True:
        x: int = 1
print(R.__annotations__)
import gc
class O: pass
o = O()
o.attr: int = 4
lst = [0, 1]
lst[0]: str = 'z'
print(o.attr, lst, __annotations__)
def outer():
    class T: pass
    def inner(p: T) -> T:
        return p
    return inner
print(outer().__annotations__['p'].__qualname__)

# A class's __annotations__ are its own: one that annotates nothing gets an empty dict.
class A2:
    x: int = 1
class B2(A2):
    pass
print(A2.__annotations__, B2.__annotations__, B2.__annotations__ is B2.__annotations__, "__annotations__" in B2.__dict__)
class C2:
    pass
d = C2.__annotations__
d['z'] = str
print(C2.__annotations__, sys.getrefcount(d))
