# A full collection untracks exact dicts and tuples that hold only atoms; instances of
# their subclasses (Counter, namedtuple, a dict subclass) stay tracked, so a leak hunt
# that counts gc.get_objects() by type still sees them.
import gc
from collections import Counter, namedtuple


class D(dict):
    pass


Point = namedtuple("Point", "x y")
c, d, p = Counter("abca"), D(a=1), Point(1, 2)
plain_dict, plain_tuple = {"a": 1}, tuple([1, 2])
gc.collect()
print(gc.is_tracked(c), gc.is_tracked(d), gc.is_tracked(p))
print(gc.is_tracked(plain_dict), gc.is_tracked(plain_tuple))
kinds = Counter(map(type, gc.get_objects()))
print(kinds[Counter], kinds[D], kinds[Point])

s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
