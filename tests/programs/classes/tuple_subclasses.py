# Subclasses of tuple: the tuple itself with a class (and a __dict__ unless __slots__), made by tuple.__new__ from one iterable; slicing, tuple() and + give plain tuples, as in CPython.
import sys, gc
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, [2])
print(p, repr(p), p.first, p.swap(), len(p), p[1], p[:], type(p[:]).__name__, p[:] is p, tuple(p) is p, type(tuple(p)).__name__)
print(isinstance(p, tuple), p == (1, [2]), hash(Pair(1, 2)) == hash((1, 2)), p + (3,), type(p + (3,)).__name__, p * 2, type(p * 1).__name__)
print(sys.getsizeof(p), sys.getsizeof((1, 2)), sys.getsizeof(Pair(1, 2)))
a, b = p; print(a, b, list(p), sorted(Pair(3, 1)))
class T(tuple):
    pass
t = T([1, 2, 3]); t.name = 'tee'
print(t, t.name, t.__dict__, sys.getsizeof(t), sys.getsizeof(T()), T() == (), T() is T(), type(T()).__name__)
class S(tuple):
    __slots__ = ()
print(sys.getsizeof(S((1, 2))), S('ab'))
try:
    S((1,)).x = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    T(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    T(5)
except TypeError as e:
    print('TypeError', e)
print(tuple.__new__(T, [4, 5]), type(tuple.__new__(T, [4, 5])).__name__, tuple.__new__(tuple, 'ab'))
print(list.__new__(list), type(list.__new__(list)).__name__)
c = T([[]]); c[0].append(c); c.me = c
print(gc.get_referents(T((7,))), sys.getrefcount(t))
del c
print(gc.collect())
class Vec(tuple):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))
    def __repr__(self):
        return 'Vec' + tuple.__repr__(self)
print(Vec((1, 2)) + Vec((10, 20)), Vec((1,)) + (5,), (5,) + Vec((1,)))
print({Pair(1, 2): 'x'}[(1, 2)], Pair(1, 2) in {(1, 2)}, (1, 2) == Pair(1, 2), Pair(1, 2) < (1, 3))
class Empty: __slots__ = ()
class One: __slots__ = ('a',)
print(sys.getsizeof(Empty()), sys.getsizeof(One()))
