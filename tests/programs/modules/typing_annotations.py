# Type hints: typing's names (List[int], Optional, Union, Callable, TypeVar, Generic) and the
# built-in generic aliases (list[int], int | None) print as python3 prints them.
from typing import List, Dict, Optional, Union, Any, Tuple, Callable, TypeVar, Iterable, Sequence, Set, Generic, cast, get_args, get_origin, ClassVar, Literal
import typing
print(repr(list[int]), repr(dict[str, list[int]]), repr(tuple[int, ...]), repr(type[int]), repr(tuple[()]), repr(dict[str, None]))
class C: pass
print(repr(list[C]), list[int] == list[int], list[int](), type(list[int]).__name__)
print(repr(int | str | None), (int | str) == (str | int), repr(int | list[int]), repr(None | int), type(int | None).__name__)
try:
    int[str]
except TypeError as e:
    print(e)
print(repr(List[int]), repr(Optional[int]), repr(Union[int, str]), repr(Dict[str, int]), repr(Callable[[int], str]), repr(Any), repr(Tuple[int, ...]))
T = TypeVar('T')
print(repr(T), repr(List[T]), repr(Optional[List[int]]), repr(Union[int, None]), repr(List), repr(Iterable[int]))
print(cast(int, '3'), typing.TYPE_CHECKING, repr(ClassVar[int]), repr(Union[int, int]), repr(Optional[Union[int, str]]))
print(get_origin(List[int]), get_args(Dict[str, int]), repr(Callable[..., int]), get_args(Callable[[int], str]))
print(repr(Sequence[str]), repr(typing.Mapping[str, int]), repr(typing.Generator[int, None, None]), repr(Set[int]), repr(typing.Type[C]))
print(repr(Literal['a', 1]), repr(Union[int, None, str]), repr(Dict[str, Any]), repr(Tuple[()]))
try:
    List[int]()
except TypeError as e:
    print(e)
def total(xs: List[int], scale: Optional[float] = None) -> int:
    return sum(xs) * (scale or 1)
print(total([1, 2, 3]), total.__annotations__)
def f(x: int | None = None, ys: list[str] | None = None) -> dict[str, int]:
    return {}
print(f.__annotations__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int](); s.push(3); print(s.items, Stack.__mro__[-2].__name__)
Vector = List[float]
def scale(v: Vector) -> Vector:
    return [2 * x for x in v]
print(scale([1.0]), repr(Vector))
T2 = TypeVar("T")
print(repr(Optional[int] | str), repr(List[int] | None), repr(T2 | int), repr(int | List[str]))
