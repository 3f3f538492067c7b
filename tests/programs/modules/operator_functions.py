# operator: the operators as functions, itemgetter, attrgetter and methodcaller with their reprs.
import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul('ab', 2), operator.neg(4), operator.not_([]), operator.truth(3))
print(operator.eq(1, 1.0), operator.lt('a', 'b'), operator.is_(None, None), operator.contains([1, 2], 2))
print(operator.getitem({'a': 1}, 'a'), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
d = {}; operator.setitem(d, 'k', 5); print(d); operator.delitem(d, 'k'); print(d)
print(operator.concat([1], [2]), operator.floordiv(7, 2), operator.truediv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.inv(5), operator.lshift(1, 4), operator.rshift(16, 2))
l = [1]; print(operator.iadd(l, [2]), l)
print(operator.abs(-3), operator.index(7), operator.length_hint([1, 2, 3]), operator.length_hint(3, 5), operator.index(True))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(1, 0)(rows[0]), itemgetter(slice(1, None))('abc'))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def greet(self, greeting, punct='!'):
        return f'{greeting}, {self.name}{punct}'
ps = [P('x', 3), P('y', 1)]
print([p.name for p in sorted(ps, key=attrgetter('age'))], attrgetter('name', 'age')(ps[0]))
class Q: pass
q = Q(); q.inner = ps[0]
print(attrgetter('inner.name')(q))
print(methodcaller('greet', 'hi')(ps[0]), methodcaller('greet', 'yo', punct='?')(ps[1]))
print(itemgetter(1), itemgetter(1, 'a'), attrgetter('x', 'y.z'), methodcaller('f', 1, k=2))
try:
    operator.indexOf([1], 2)
except ValueError as e:
    print(e)
try:
    attrgetter(3)
except TypeError as e:
    print(e)
import functools
print(functools.reduce(operator.mul, range(1, 6)))
