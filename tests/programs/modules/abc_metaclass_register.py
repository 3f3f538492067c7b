from abc import ABC, ABCMeta, abstractmethod
import sys, gc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Full(Sq):
    def perimeter(self): return 4 * self.s
for C in (Shape, Sq):
    try:
        C(1) if C is Sq else C()
    except TypeError as e:
        print(e)
f = Full(2)
print(f.area(), f.perimeter(), type(Shape), type(ABC), isinstance(f, Shape), sorted(Shape.__abstractmethods__), Full.__abstractmethods__)
print(sorted(k for k in Shape.__dict__), type(Shape.__dict__['_abc_impl']))
class Base(metaclass=ABCMeta):
    @abstractmethod
    def go(self): ...
class Duck: 
    def go(self): return 'quack'
Base.register(Duck)
print(isinstance(Duck(), Base), issubclass(Duck, Base), issubclass(int, Base), Base.register(int) is int, isinstance(3, Base))
class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return hasattr(C, '__len__')
        return NotImplemented
print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2))
try:
    Base()
except TypeError as e:
    print(e)
print(sys.getrefcount(Duck), ABC.__slots__)
class P(ABC):
    @property
    @abstractmethod
    def name(self): ...
try:
    P()
except TypeError as e:
    print(e)
