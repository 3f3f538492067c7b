# A class refers to itself through its __mro__, and its __dict__ and __weakref__
# descriptors refer back to it: a class that is no longer used is garbage that only the
# collector frees, and gc.collect() counts its parts.
import gc
import sys

gc.disable()


class A:
    pass


# The caller's argument, the name A, A.__mro__, and the two descriptors.
print(sys.getrefcount(A))
print(A.__mro__ is A.__mro__, A.__mro__[0] is A, A.__bases__)
print(list(A.__dict__))
print(A.__dict__['__dict__'], A.__dict__['__weakref__'])
print(type(A.__dict__['__dict__']).__name__, A.__dict__['__dict__'].__objclass__)
print([type(o).__name__ for o in gc.get_referents(A)])
print(gc.is_tracked(A.__mro__), gc.is_tracked(A.__dict__['__dict__']))
print(sys.getsizeof(gc.get_referents(A)[0]))

del A
# The class, its namespace, __mro__, __bases__ and the two descriptors.
print("plain class:", gc.collect())


class B:
    x = [1]

    def f(self):
        return self.x


del B
print("with a method and a list:", gc.collect())


def make_pair():
    class Node:
        pass

    a = Node()
    b = Node()
    a.other = b
    b.other = a


make_pair()
print("a class made by a call, and its two instances:", gc.collect())


class S:
    __slots__ = ("y", "x")


print(list(S.__dict__), S.x, sys.getrefcount(S))
# A class whose instances have no __weakref__ has no such attribute either.
for c in (S, int):
    try:
        c.__weakref__
    except AttributeError as e:
        print("AttributeError:", e)
s = S()
try:
    s.x
except AttributeError as e:
    print("AttributeError:", e)
s.x = 1
print(s.x)
del s, S
print("slotted class:", gc.collect())


class Base:
    pass


class Derived(Base):
    pass


# Derived's __base__, __bases__ and __mro__ add three.
print(sys.getrefcount(Base), list(Derived.__dict__), Derived.__base__)
del Derived
print("a subclass of a class that lives:", gc.collect())
del Base
print("its base, whose __bases__ the last collection untracked:", gc.collect())


class Stack(list):
    pass


class Pair(tuple):
    pass


class Error(Exception):
    pass


for c in (Stack, Pair, Error):
    print(c.__name__, "__dict__" in c.__dict__, "__weakref__" in c.__dict__, sys.getrefcount(c))
del Stack, Pair, Error, c
print("three subclasses of built-in types:", gc.collect())

for slots in (("__dict__",), ("__weakref__",)):
    try:

        class Extra(Exception):
            __slots__ = slots

        print(slots, "accepted", list(Extra.__dict__))
    except TypeError as e:
        print(slots, "TypeError:", e)
try:

    class Wide(tuple):
        __slots__ = ("a",)

except TypeError as e:
    print("TypeError:", e)
del Extra
gc.collect()


class P:
    __slots__ = ("a",)


class Q(P):
    __slots__ = ("b",)


class R(Q):
    __slots__ = ("c",)


r = R()
r.a, r.b, r.c = 1, 2, 3
print(r.a + r.b + r.c, sys.getsizeof(r))

# Classes made at run time are collected the same way.
T = type("T", (), {"x": 1})
print(list(T.__dict__), sys.getrefcount(T))
del T
print("type('T', (), {...}):", gc.collect())

import functools


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) <= Version(2), Version(3) > Version(2), Version.__gt__.__name__)
del Version
# total_ordering's comparisons are its module's functions, shared by every class.
print("a total_ordering class:", gc.collect())
