"""dataclass(slots=True): a new class with a slot per field (the memory lesson of 3.10+),
weakref_slot, frozen with __getstate__/__setstate__, and the class it replaces left as
garbage for the collector (its __bases__ tuple is shared with the new class)."""
import sys, weakref, gc
from dataclasses import dataclass, fields, field, asdict, replace, FrozenInstanceError

@dataclass
class Plain:
    x: int
    y: int

@dataclass(slots=True)
class Slim:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p, s = Plain(1, 2), Slim(1, 2)
print(s, Slim.__slots__, hasattr(s, '__dict__'))
print(sys.getsizeof(p) + sys.getsizeof(p.__dict__), sys.getsizeof(s))
print(Slim.__qualname__, Slim.__name__, [f.name for f in fields(Slim)])
print(asdict(s), replace(s, y=5), s == Slim(1, 2))
try:
    s.z = 3
except AttributeError as e:
    print('AttributeError:', e)
try:
    weakref.ref(s)
except TypeError as e:
    print('TypeError:', e)

@dataclass(slots=True, weakref_slot=True)
class W:
    a: int
w = W(1)
r = weakref.ref(w)
print(r() is w, W.__slots__)

@dataclass(slots=True, frozen=True)
class F:
    a: int
    b: str = 'b'
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print('frozen:', e)
print(f.__getstate__(), hash(f) == hash(F(1)))
g = F(0); g.__setstate__([7, 'q']); print(g)

@dataclass(slots=True)
class Base:
    a: int
@dataclass(slots=True)
class Derived(Base):
    b: int
print(Derived.__slots__, Derived(1, 2), Derived.__mro__[1] is Base)

try:
    @dataclass(slots=True)
    class Already:
        __slots__ = ('x',)
        x: int
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass(weakref_slot=True)
    class NoSlots:
        x: int
except TypeError as e:
    print('TypeError:', e)
print(Slim.__init__.__qualname__, Slim.__repr__.__qualname__)
print(Slim.x, type(Slim.__dict__['x']).__name__)

gc.collect()
@dataclass(slots=True)
class Again:
    x: int
    y: int = 0
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(Again.__bases__ is (object,), type('C', Derived.__bases__, {}).__bases__ is Derived.__bases__)
