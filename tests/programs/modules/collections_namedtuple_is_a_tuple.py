# namedtuple classes are subclasses of tuple, as in CPython: the heap shows the tuple
# itself (its items are its references), isinstance holds, sizes are a tuple's.
import sys, gc, json
from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, [2])
print(p, isinstance(p, tuple), type(p).__mro__, sys.getsizeof(p), sys.getsizeof((1, 2)))
print(sys.getrefcount(p[1]), gc.get_referents(p), p.x, p[1], p[-1], p[:1], type(p[:1]).__name__)
print(p == (1, [2]), (1, [2]) == p, hash(Point(1, 2)) == hash((1, 2)), Point(1, 2) < Point(1, 3))
print(p + (3,), len(p), list(p), p.count(1), p.index([2]), 1 in p, json.dumps(Point(1, 2)))
x, y = p
print(x, y, p._asdict(), p._replace(x=9), Point._make(iter([5, 6])), Point._fields)
try:
    p._replace(z=1)
except ValueError as e:
    print('ValueError', e)
try:
    Point._make([1])
except TypeError as e:
    print('TypeError', e)
try:
    p.z = 1
except AttributeError as e:
    print('AttributeError', e)
class Point3(namedtuple('Point3', 'x y z', defaults=[0])):
    __slots__ = ()
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
    def __str__(self):
        return f'<{self.x}, {self.y}, {self.z}>'
q = Point3(1, -2)
print(q, repr(q), q.norm1, sys.getsizeof(q), Point3._field_defaults, q._replace(z=5))
match q:
    case Point3(x=1, y=yy):
        print('matched', yy)
print(sorted([Point(2, 1), Point(1, 5)]), max(Point(2, 1), Point(1, 5)), {Point(1, 2): 'a'}[(1, 2)])
