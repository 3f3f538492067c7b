# A Protocol cannot be instantiated; a class deriving from it uses its own __init__.
from typing import Protocol, runtime_checkable


@runtime_checkable
class Shape(Protocol):
    def area(self) -> float: ...


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r ** 2


class Dot(Shape):
    def area(self):
        return 0


for make in (lambda: Shape(), lambda: Square(2), lambda: Circle(1), lambda: Dot(), lambda: Dot()):
    try:
        s = make()
        print(type(s).__name__, s.area(), isinstance(s, Shape))
    except TypeError as e:
        print("TypeError:", e)
print(isinstance(Square(3), Shape), isinstance(3, Shape))
