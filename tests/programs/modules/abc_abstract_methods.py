# abc: a class deriving from ABC cannot be instantiated while an @abstractmethod (or an
# abstract property) is not overridden, with CPython's messages.
from abc import ABC, abstractmethod
import math
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area():.2f}'
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r
class Half(Shape):
    def area(self):
        return 1
for make in [lambda: Shape(), lambda: Half(), lambda: Circle(2)]:
    try:
        s = make()
        print(s.describe(), round(s.perimeter(), 3))
    except TypeError as e:
        print(e)
print(sorted(Shape.__abstractmethods__), Half.__abstractmethods__, Circle.__abstractmethods__, isinstance(Circle(1), Shape))
class Named(ABC):
    @property
    @abstractmethod
    def name(self):
        ...
class Dog(Named):
    @property
    def name(self):
        return 'dog'
try:
    Named()
except TypeError as e:
    print(e)
print(Dog().name, ABC.__abstractmethods__)
class Plain(ABC):
    pass
print(type(Plain()).__name__)
try:
    Plain(1)
except TypeError as e:
    print(e)

# A __new__ that raises lets go of the call's arguments.
import sys
class Strict:
    def __new__(cls, *args):
        raise ValueError('no')
big = [1, 2, 3]
before = sys.getrefcount(big)
for _ in range(3):
    try:
        Strict(big)
    except ValueError:
        pass
print(sys.getrefcount(big) - before)
