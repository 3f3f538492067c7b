# What a metaclass reaches through super(), what a bound method passes on from its
# function, abstract descriptors, and renaming a class.
from abc import ABC, abstractmethod


class Loud(type):
    def __repr__(cls):
        return "Loud:" + super().__repr__()


class C(metaclass=Loud):
    pass


print(repr(C), type.__repr__(int), "__repr__" in type.__dict__)


class Base(ABC):
    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    @staticmethod
    @abstractmethod
    def version():
        ...


class Partial(Base):
    @staticmethod
    def version():
        return 1


try:
    Partial()
except TypeError as e:
    print(e)
print(Base.create.__isabstractmethod__, Base.__dict__["name"].__isabstractmethod__,
      Base.__dict__["version"].__isabstractmethod__, Partial.__dict__["version"].__isabstractmethod__)


class T:
    def m(self):
        return 1
    m.tag = "tagged"


print(T().m.tag, T().m.__module__, T.m.__name__)
T.__name__ = "Renamed"
T.__qualname__ = "Q"
print(T, T.__name__, T.__qualname__)
try:
    T.__name__ = 5
except TypeError as e:
    print(e)


class Caller(type):
    __call__ = dict


class D(metaclass=Caller):
    pass


print(D(a=1), type(D(a=1)).__name__)
