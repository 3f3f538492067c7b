from typing import NamedTuple, Protocol, runtime_checkable, TypedDict, Optional
import sys
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(p, p.norm(), p.x, p[1], Point(1), Point._fields, Point._field_defaults, Point.__annotations__, type(Point), Point.__bases__, isinstance(p, tuple))
print(p._replace(x=0), p._asdict(), sys.getsizeof(p), len(p), Point.__module__)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__, Emp.__module__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class File:
    def close(self):
        pass
class Rock:
    pass
print(isinstance(File(), Closable), isinstance(Rock(), Closable), issubclass(File, Closable), type(Closable).__name__)
class Sized2(Protocol):
    def size(self) -> int: ...
try:
    isinstance(File(), Sized2)
except TypeError as e:
    print(e)
class Impl(Closable):
    pass
print(isinstance(Impl(), Closable), Impl.__mro__[1].__name__)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="Blade Runner", year=1982)
print(m, type(m).__name__, Movie.__annotations__, Movie.__total__)
