# Subclasses of list, dict, set and frozenset: the built-in object with a class and a __dict__; the class's special methods take the place of the built-in's, as in CPython 3.11.
import sys, gc
class L(list): pass
class D(dict): pass
class S(set): pass
class T(tuple): pass
class Str(str): pass
print(sys.getsizeof([]), sys.getsizeof(L()), sys.getsizeof(L([1,2,3])), sys.getsizeof([1,2,3]))
print(sys.getsizeof({}), sys.getsizeof(D()), sys.getsizeof(D(a=1)), sys.getsizeof(dict(a=1)))
print(sys.getsizeof(set()), sys.getsizeof(S()))
l = L([1,2]); l.x = 5
print(sys.getsizeof(l), l.__dict__, sys.getsizeof(l))
print(gc.is_tracked(L()), gc.is_tracked(D()))
print(type(L([1])+[2]), type(L([1])[:1]), type(L([1])*2))
print(repr(L([1,2])), str(D(a=1)), L([1]) == [1])
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
    def __repr__(self): return f"Stack({list.__repr__(self)})"
s = Stack(); s.push(1); s.push(2); print(s, len(s), s.peek(), s.pop(), s)
class DD(dict):
    def __missing__(self, k): return k*2
d = DD(); print(d[3], d.get(3), 3 in d, d)
class Cnt(dict):
    def __setitem__(self, k, v):
        print("set", k, v); super().__setitem__(k, v)
c = Cnt(); c['a'] = 1; c.update(b=2); print(c)
print(isinstance(s, list), type(s).__mro__)
print(gc.collect())

class Rev(list):
    def __iter__(self):
        return iter(self[::-1])
    def __len__(self):
        return 99
    def __contains__(self, x):
        return x == 'magic'
    def __getitem__(self, i):
        if isinstance(i, int):
            return ('item', list.__getitem__(self, i))
        return list.__getitem__(self, i)

r = Rev([1, 2, 3])
print(list(r), sorted(r), [x for x in r], len(r), bool(r))
print('magic' in r, 1 in r, r[0], r[:2], list.__len__(r))
print(tuple(r), set(r) == {1, 2, 3}, sum(r), max(r), min(r))
a, b, c = r
print(a, b, c)
print(list.__repr__(r), repr(r), str(r))

class Empty(list):
    def __bool__(self):
        return False
e = Empty([1])
print(bool(e), len(e), not e)

class Eq(list):
    def __eq__(self, other):
        return True
    __hash__ = None
print(Eq([1]) == [2], [2] == Eq([1]), Eq() != [], Eq([1]) < [2])
try:
    hash(Eq())
except TypeError as ex:
    print('TypeError:', ex)

class H(list):
    def __hash__(self):
        return 42
print(hash(H()), {H(): 1}.__len__())

class Add(list):
    def __add__(self, other):
        return 'added'
    def __radd__(self, other):
        return 'radded'
    def __iadd__(self, other):
        self.extend(other * 2)
        return self
print(Add([1]) + [2], [2] + Add([1]))
x = Add([1]); x += [5]; print(x, type(x).__name__)
y = Rev([1]) + [2]
print(y, type(y).__name__, type(Rev([1]) * 2).__name__)

class Node(list):
    def __init__(self, name, *children):
        super().__init__(children)
        self.name = name
    def __repr__(self):
        return f"Node({self.name!r}, {len(self)})"
root = Node('root', Node('a'), Node('b'))
print(root, list(root), root.name, root.__dict__, vars(root))
root[0].append(root)
print(sys.getrefcount(root))
del root
print(gc.collect())

class Tracked(dict):
    def __del__(self):
        print('del', dict(self))
t = Tracked(a=1)
t['self'] = t
del t
print('before collect')
print(gc.collect())
class Plain(dict):
    def __del__(self):
        print('plain del', sorted(self))
p = Plain(x=1, y=2)
del p
print('after plain')

class Defaults(dict):
    def __init__(self, default, **kw):
        super().__init__(**kw)
        self.default = default
    def __missing__(self, key):
        self[key] = self.default()
        return self[key]
d = Defaults(list, a=[1])
d['b'].append(2)
d['b'].append(3)
print(d, d.default, len(d), d.get('zz'), 'zz' in d)
print(dict.__repr__(d), d.copy(), type(d.copy()).__name__)
print(isinstance(d, dict), issubclass(Defaults, dict), type(d) is dict)

class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
    def __delitem__(self, k):
        print('delitem', k)
        super().__delitem__(k.upper())
u = Upper()
u['a'] = 1
u.update(b=2)
u.setdefault('c', 3)
print(u, u['A'], u['a'], u.get('a'), dict(u))
del u['a']
print(u)

class Tags(set):
    def add(self, x):
        super().add(x.lower())
tags = Tags(['A', 'b'])
tags.add('C')
print(sorted(tags), type(tags | {'z'}).__name__, len(tags))
tags.label = 'T'
print(tags.label, sorted(tags.__dict__))

class Key(frozenset):
    pass
k = Key([1, 2])
print(sorted(k), hash(k) == hash(frozenset([1, 2])), {k: 'v'}[frozenset([1, 2])], repr(Key()))
print(sys.getsizeof(k), sys.getsizeof(Tags()), sys.getsizeof(Defaults(int)))

class Slotted(list):
    __slots__ = ('tag',)
s = Slotted([1, 2])
s.tag = 't'
print(s.tag, sys.getsizeof(s), sys.getsizeof(Slotted()))
try:
    s.other = 1
except AttributeError as ex:
    print('AttributeError:', ex)
try:
    s.__dict__
except AttributeError as ex:
    print('AttributeError:', ex)

class Wrong(list):
    pass
try:
    Wrong(1, 2)
except TypeError as ex:
    print('TypeError:', ex)
try:
    Wrong(5)
except TypeError as ex:
    print('TypeError:', ex)
try:
    Defaults()
except TypeError as ex:
    print('TypeError:', ex)
w = Wrong('ab')
w.extra = w
print(gc.is_tracked(w), w.extra is w, w)
del w
print(gc.collect())
print(gc.get_referents(Wrong([7])))
