"""copy and deepcopy follow a class's __getstate__/__setstate__ and its __reduce_ex__ or
__reduce__ recipe (callable, args, state, list items, dict items), as CPython's copy
module does; a reduce that returns a str keeps the object itself."""
import copy


class S:
    def __init__(self):
        self.cache = "big"

    def __getstate__(self):
        return {}

    def __setstate__(self, st):
        self.cache = "rebuilt"


class R:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (R, (self.v * 10,))


print(copy.deepcopy(S()).cache, copy.copy(R(2)).v, copy.deepcopy(R(3)).v)


class A:
    def __setstate__(self, st):
        print('setstate', st)


copy.copy(A())
a = A()
a.x = [1]
b = copy.deepcopy(a)


class B:
    __slots__ = ('p', 'q')

    def __setstate__(self, st):
        print('B setstate', st)


b = B()
copy.copy(b)
b.p = 3
copy.copy(b)


class Plain:
    __slots__ = ('p', '__dict__')


pl = Plain()
pl.p = [1]
pl.z = 2
c = copy.deepcopy(pl)
print(c.p, c.z, c.p is pl.p)


class RE:
    def __init__(self, items):
        self.items = items

    def __reduce_ex__(self, protocol):
        return (RE, (list(self.items),), {'extra': protocol})


r = copy.copy(RE([1, 2]))
print(r.items, r.extra)


class Named:
    def __reduce__(self):
        return 'named_singleton'


n = Named()
print(copy.copy(n) is n, copy.deepcopy(n) is n)


class L(list):
    def __reduce__(self):
        return (L, (), {'tag': 1}, iter(self))


l = L([1, [2]])
m = copy.deepcopy(l)
print(m, m.tag, m[1] is l[1], type(m).__name__)
