# Subclasses of built-in containers at their edges: descriptors applied to other types, __new__ checks, lay-out conflicts, copy and deepcopy, fromkeys, as python3 reports them.
import copy
class L(list): pass
class T(tuple): pass
class D(dict): pass
tests = [
    lambda: list.__init__(5),
    lambda: L.__init__(5),
    lambda: tuple.__new__(5),
    lambda: tuple.__new__(int),
    lambda: dict.__repr__(5),
    lambda: list.__new__(L, 1, 2),
    lambda: dict.__eq__({}, 5),
    lambda: type('X', (list, dict), {}),
    lambda: type('Y', (list, tuple), {}),
    lambda: copy.copy(L([1, [2]])),
    lambda: copy.deepcopy(L([1, [2]])),
    lambda: copy.copy(D(a=1)),
    lambda: copy.deepcopy(T((1, [2]))),
    lambda: L([1]).__class__,
    lambda: L.__mro__,
    lambda: vars(L()),
    lambda: D.fromkeys('ab'),
    lambda: type(D.fromkeys('ab')).__name__,
    lambda: L([3, 1, 2]).sort() ,
    lambda: sorted(D(b=1, a=2)),
    lambda: frozenset.__new__(frozenset, [1]),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
class Tagged(list):
    pass
t = Tagged([1, [2]]); t.tag = ['t']
c, dc = copy.copy(t), copy.deepcopy(t)
print(type(c).__name__, c, c.tag is t.tag, c[1] is t[1], type(dc).__name__, dc, dc.tag is t.tag, dc[1] is t[1], dc.tag)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
print(copy.deepcopy(Upper(a=[1])), copy.copy(Upper(b=2)), Upper.fromkeys('xy', 0))
from collections import namedtuple, defaultdict, Counter, OrderedDict
P = namedtuple('P', 'a b')
print(copy.deepcopy(P(1, [2])), copy.copy(P(1, 2)), copy.deepcopy(defaultdict(list, a=[1])), copy.deepcopy(Counter('aab')), copy.deepcopy(OrderedDict(z=1, a=2)))
class S(set):
    pass
s = S([1, 2]); s.note = 'n'
print(copy.copy(s), copy.deepcopy(s).note, type(copy.deepcopy(frozenset([1]))).__name__)
