# dataclasses: the methods @dataclass writes (init, repr, eq, order, frozen, hash), fields with
# default_factory, InitVar and __post_init__, keyword-only fields, and CPython's messages.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY
import sys
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2); q = Point(1, 2)
print(p, p == q, p is q, Point(3), Point(y=5, x=4), p != Point(2, 2), p == (1, 2))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__hash__, Point.__match_args__, Point.y)
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=3)]:
    try:
        bad()
    except TypeError as e:
        print(e)
try:
    @dataclass
    class Q:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class R:
        x: list = []
except ValueError as e:
    print(e)
@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
a = Inventory('ann'); b = Inventory('bob')
a.items.append('pen')
print(a, b, a.items is b.items, 'items' in Inventory.__dict__, Inventory.count)
print(sys.getrefcount(a.items))
@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = 'x'
f = Frozen(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, isinstance(e, AttributeError), e)
try:
    del f.b
except AttributeError as e:
    print(e)
print(hash(f) == hash((1, 'x')), {f: 1}[Frozen(1)])
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1) < Version(1, 1), Version(2) >= Version(1, 5))
try:
    Version(1) < 3
except TypeError as e:
    print(e)
@dataclass
class Base:
    a: int
    b: int = 1
@dataclass
class Child(Base):
    c: int = 2
print(Child(5), [f.name for f in fields(Child)])
@dataclass
class WithPost:
    w: float
    h: float
    area: float = field(init=False)
    scale: InitVar[float] = 1.0
    def __post_init__(self, scale):
        self.area = self.w * self.h * scale
print(WithPost(2, 3), WithPost(2, 3, 10).area)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 1
print(K(a=3))
try:
    K(1)
except TypeError as e:
    print(e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 0
print(Mixed(1, b=2))
try:
    Mixed(1)
except TypeError as e:
    print(e)
@dataclass
class Node:
    val: int
    next: 'Node' = None
n = Node(1); n.next = n; print(n)
@dataclass(eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), Plain.__hash__ is object.__hash__)
@dataclass
class Custom:
    v: int
    def __repr__(self):
        return 'custom'
print(Custom(1), Custom.__doc__, Point.__doc__)
@dataclass(unsafe_hash=True)
class UH:
    v: int
    w: list = field(default_factory=list, hash=False)
print(hash(UH(3)) == hash((3,)))

# The generated methods belong to the class's module, as CPython compiles them there.
print([(f.__module__, f.__qualname__) for f in (Point.__init__, Point.__repr__, Point.__eq__, UH.__hash__)])
