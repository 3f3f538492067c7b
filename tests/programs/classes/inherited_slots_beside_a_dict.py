# A slot inherited from a __slots__ base stays a slot in a subclass that has a __dict__
# (and in a class whose __slots__ include '__dict__'): it is not in the __dict__. A bare
# object() has no __dict__ at all.
import sys


class B:
    __slots__ = ("a",)


class C(B):
    pass


c = C()
c.a = 1
c.b = 2
print(c.__dict__, c.a, sys.getsizeof(c), C.a)


class W:
    __slots__ = ("a", "__dict__")


w = W()
w.a = 1
w.z = 3
print(w.__dict__, w.a)
w.__dict__.clear()
print(w.a, sys.getsizeof(w))
del c.a
try:
    c.a
except AttributeError as e:
    print(e)


class D(C):
    __slots__ = ("d",)


d = D()
d.a, d.d, d.extra = 1, 2, 3
print(d.__dict__, d.a, d.d, sys.getsizeof(d))
try:
    object().x = 1
except AttributeError as e:
    print(e)
o = object()
try:
    o.__dict__
except AttributeError as e:
    print(e)
