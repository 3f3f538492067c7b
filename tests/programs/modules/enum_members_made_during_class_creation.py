# The members exist by the time __init_subclass__ runs, and an error while
# making a member is the error you see (not a RuntimeError around it).
import sys
from enum import Enum


class Registered(Enum):
    def __init_subclass__(cls, **kwds):
        print('__init_subclass__:', cls.__name__, list(cls), kwds)
        print('  RED in __dict__:', cls.__dict__.get('RED'))


class Color(Registered, tag='colors'):
    RED = 1
    GREEN = 2


print(list(Color), Color.RED is Color.__dict__['RED'])
print(sys.getrefcount(Color.RED), sys.getrefcount(Color.GREEN))


class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


try:
    class Moon(Enum):
        LUNA = (7.3e22,)            # one value: __init__ wants two

        def __init__(self, mass, radius):
            self.mass = mass
except TypeError as e:
    print('TypeError:', e, '| cause:', repr(e.__cause__))


class Checked(Enum):
    def __new__(cls, value):
        if value < 0:
            raise ValueError('negative: %r' % (value,))
        member = object.__new__(cls)
        member._value_ = value
        return member

    OK = 1
    BAD = -1


print('not reached')
