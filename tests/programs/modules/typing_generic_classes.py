# User generic classes: Stack[int] is the class with its type arguments (repr, equality,
# __orig_class__ on what it makes, a base for IntStack), and __parameters__ lists the
# type variables; Generic[...] takes distinct type variables only.
from typing import Generic, TypeVar, Protocol, runtime_checkable

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')


class Stack(Generic[T]):
    def __init__(self):
        self.items = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


class Pair(Generic[K, V]):
    def __init__(self, k, v):
        self.k, self.v = k, v


class IntStack(Stack[int]):
    pass


print(Stack[int], Pair[str, int], Stack[T])
s = Stack[int]()
s.push(1)
print(s.pop(), s.__orig_class__, type(s).__name__)
print(Stack.__parameters__, Pair.__parameters__, IntStack.__parameters__)
print(IntStack.__mro__)
print(Stack[int] == Stack[int], Stack[int] == Stack[str])
p = Pair("a", 1)
print(p.k, p.v, hasattr(p, "__orig_class__"))
for bad in ("Generic()", "Generic[int]", "Generic[T, T]"):
    try:
        eval(bad)
    except TypeError as e:
        print(e)


@runtime_checkable
class Box(Protocol[T]):
    def get(self) -> T: ...


class IntBox:
    def get(self):
        return 1


print(isinstance(IntBox(), Box), Box.__parameters__)
