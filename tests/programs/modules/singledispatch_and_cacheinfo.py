"""functools.singledispatch and singledispatchmethod: the implementation registered for
the first argument's class (by register(cls), an annotation, or a union), found along
its MRO; lru_cache's cache_info() is the CacheInfo namedtuple."""
from functools import singledispatch, singledispatchmethod


@singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(list)
def _(x):
    return f"list of {len(x)}"


@describe.register
def _(x: float | complex):
    return f"number {x}"


class Base:
    pass


class Derived(Base):
    pass


@describe.register(Base)
def _(x):
    return "a Base"


print(describe(1), describe([1, 2]), describe("s"), describe(2.5), describe(1j))
print(describe(True), describe(Derived()), describe.dispatch(bool).__name__)
print(sorted(c.__name__ for c in describe.registry), describe.__name__)
try:
    describe()
except TypeError as e:
    print(e)


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"? {arg}"

    @fmt.register
    def _(self, arg: int):
        return f"int {arg}"

    @fmt.register(str)
    def _(self, arg):
        return f"str {arg!r}"


f = Formatter()
print(f.fmt(3), f.fmt("x"), f.fmt(None))

from functools import lru_cache
@lru_cache(maxsize=2)
def f(x): return x
f(1); f(1); f(2)
i = f.cache_info()
print(i, type(i).__name__, i.hits, i == (1, 2, 2, 2), tuple(i), isinstance(i, tuple))
h, m, *_ = i
print(h, m, i._asdict())
