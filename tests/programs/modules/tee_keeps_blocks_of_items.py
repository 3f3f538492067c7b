"""itertools.tee keeps the items it read in blocks of 57, as CPython does: an item stays
alive while some tee iterator is still inside its block (they were freed as soon as every
iterator had passed them)."""
import itertools, gc, sys
class R:
    n = 0
    def __init__(self): R.n += 1
    def __del__(self): R.n -= 1
a, b = itertools.tee(R() for _ in range(10))
next(a); next(b)
print(R.n)
a, b = itertools.tee(R() for _ in range(100))
for _ in range(60):
    next(a); next(b)
print(R.n)
x = [next(a) for _ in range(10)]
print(R.n)
del x
print(R.n)
c, d, e = itertools.tee(iter(range(5)), 3)
print(list(c), list(d), next(e), list(itertools.tee(e)[1]))
print(itertools.tee([1], 0))
t1, t2 = itertools.tee('abc')
t3, = itertools.tee(t1, 1)
print(next(t3), next(t1), list(t2))
