# enumerate, zip and a dict's items keep their last result tuple and refill it when
# nothing else holds it (a for loop unpacks and drops it), as CPython does: the items
# it holds show in sys.getrefcount, and gc.get_referents of the iterator lists it.
import gc
import sys
x = object()
for i, y in enumerate([x]):
    print("enumerate", sys.getrefcount(x))
for a, b in zip([x], [x]):
    print("zip", sys.getrefcount(x))
for k, v in {x: 1}.items():
    print("items", sys.getrefcount(x))
print("after", sys.getrefcount(x))
e = enumerate([x])
t = next(e)
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))

x = object()
a, b, c = object(), object(), object()
z = zip([a, b], [c])
print(next(z) == (a, c))
print(list(z))
print(sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c))
del z
print(sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c))
e = enumerate("ab")
print(gc.get_referents(e)[1:], len(gc.get_referents(e)))
d = {1: 2}
it = iter(d.items())
print(len(gc.get_referents(it)), gc.is_tracked((None, None)))
for k, v in d.items():
    pass
pairs = list(enumerate("abc"))
print(pairs, pairs[0] is pairs[1])
print(list(zip("ab", "cd", strict=True)))
try:
    list(zip("ab", "c", strict=True))
except ValueError as ex:
    print(ex)
print(gc.collect())
