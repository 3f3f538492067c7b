import sys, gc
print(type(iter('é')).__name__, type(iter('e')).__name__, list(iter('éa')))
d = {1: 'a', 2: 'b', 3: 'c'}
del d[2]
d[4] = 'd'
for r in [reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())]:
    print(type(r).__name__, sys.getsizeof(r), gc.is_tracked(r), r.__length_hint__(), list(r), r.__length_hint__())
r = reversed(d.items())
print(gc.get_referents(r))
first = next(r)
print(first, sys.getrefcount(first))
del first
print(next(r))
r = reversed(d)
next(r)
d[9] = 'z'
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)
for _ in range(2):
    try:
        print(list(r))
    except RuntimeError as e:
        print('again:', e)
print(list(reversed({})), sorted(reversed({'x': 1, 'y': 2})))
class D(dict):
    pass
print(list(reversed(D(a=1, b=2))), type(reversed(D(a=1))).__name__)
it = iter([1,2,3])
print(it.__length_hint__())
d = {1: 2}
it = iter(d); next(it); d[5] = 6
for _ in range(2):
    try:
        print(list(it))
    except RuntimeError as e:
        print(e)
s = {1}
it = iter(s); next(it) if False else None; s.add(7)
for _ in range(2):
    try:
        print(list(it))
    except RuntimeError as e:
        print(e)
class Seq:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
it = iter(Seq())
print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())
print(hasattr(dict, '__reversed__'), hasattr(list, '__reversed__'))
class L(list):
    pass
class L2(list):
    def __reversed__(self): return iter("custom")
class T(tuple): pass
class D2(dict):
    def __reversed__(self): return iter([0])
print(list(reversed(L([1, 2]))), list(reversed(L2([1]))), list(reversed(D2(a=1))))
from collections import OrderedDict
print(list(reversed(OrderedDict(a=1, b=2))), type(reversed(L())).__name__)
