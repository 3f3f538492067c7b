from types import MappingProxyType
d = {'a': 1, 'b': 2}
p = MappingProxyType(d)
print(p, len(p), p['a'], 'b' in p, list(p), list(p.keys()), list(p.items()), p.get('z', 0), bool(p))
d['c'] = 3
print(p, p.copy(), type(p).__name__, list(reversed(p)))
try:
    p['x'] = 1
except TypeError as e:
    print(e)
try:
    MappingProxyType([1])
except TypeError as e:
    print(e)
import sys, gc
print(sys.getrefcount(d), gc.get_referents(p) == [d], sys.getsizeof(p))
