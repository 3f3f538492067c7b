# reversed() of a tuple, str or bytes is CPython's reversed object: the sequence and
# an index (it holds the sequence, not a reversed copy of its items).
import sys, gc
t = (1, 2, 3)
r = reversed(t)
print(type(r).__name__, sys.getsizeof(r), list(r), list(r))
print(list(reversed("héllo")), list(reversed(b"ab")), "".join(reversed("abc")))
r2 = reversed((4, 5))
print(next(r2), gc.get_referents(r2) == [(4, 5)], r2.__length_hint__() if hasattr(r2, "__length_hint__") else 1)
print(sys.getrefcount(t))
r3 = reversed(t)
print(sys.getrefcount(t))
del r3
print(sys.getrefcount(t), type(reversed([1])).__name__, type(reversed("a")).__name__)
