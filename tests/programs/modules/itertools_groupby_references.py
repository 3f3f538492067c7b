# groupby keeps only the identity of its current group (CPython's borrowed
# currgrouper): no cycle, so a half-consumed groupby frees its items at once.
import gc
import sys
from itertools import groupby


class Item:
    pass


x = Item()
base = sys.getrefcount(x)
g = groupby([x, x, x])
key, group = next(g)
print("while alive:", sys.getrefcount(x) - base > 0)
del g, key, group
print("after del:", sys.getrefcount(x) - base)
print("collected:", gc.collect())

letters = "aaabbcaa"
print([(k, list(grp)) for k, grp in groupby(letters)])
it = groupby(letters)
k1, g1 = next(it)
k2, g2 = next(it)
print(k1, list(g1), k2, list(g2))
print([(k, len(list(grp))) for k, grp in groupby(range(10), key=lambda v: v // 3)])
