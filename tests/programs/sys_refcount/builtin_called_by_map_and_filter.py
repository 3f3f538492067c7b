import sys
from functools import reduce
k = object()
print('map', list(map(sys.getrefcount, [k])))
print('map tuple', list(map(sys.getrefcount, (k,))))
print('map two', list(map(lambda a, b: sys.getrefcount(a), [k], [k])))
print('sorted key', [sys.getrefcount(x) for x in sorted([k], key=sys.getrefcount)])
print('min key', min([k, k], key=sys.getrefcount) is k)
seen = []
def probe(o):
    seen.append(sys.getrefcount(o))
    return 0
print('sorted probe', sorted([k], key=probe)[0] is k, seen)
seen.clear()
print('max probe', max([k], key=probe) is k, seen)
print('filter', list(filter(sys.getrefcount, [k]))[0] is k)
print('reduce', reduce(lambda a, b: sys.getrefcount(b), [0, k]))
print('bound', list(map([].count, [k])))
d = {}
print('setdefault map', list(map(d.setdefault, [k])), sys.getrefcount(k))
print('getattr map', list(map(getattr, [k], ['__class__'])))
print('id-like', list(map(sys.getsizeof, [k])))
class C:
    pass
c = C()
print('type', list(map(type, [c]))[0] is C, sys.getrefcount(c))
print('isinstance map', list(map(isinstance, [c], [C])))
print('refcount of list arg', list(map(sys.getrefcount, [[1, 2]])))
