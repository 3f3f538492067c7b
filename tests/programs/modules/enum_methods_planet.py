# Members are objects of their class: they can have methods and attributes.
from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass          # in kilograms
        self.radius = radius      # in meters

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)


for p in Planet:
    print(f"{p.name:8} {p.value} g={p.surface_gravity:.2f}")
print(Planet.EARTH.mass, Planet((5.976e+24, 6.37814e6)))
print(sorted(Planet.EARTH.__dict__))


class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    def __str__(self):
        return 'my custom str! {0}'.format(self.value)

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY


print(Mood.favorite_mood(), Mood.HAPPY.describe(), repr(Mood.FUNKY))


class Coordinate(Enum):
    """A __new__ of our own: the value is only part of the tuple."""
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj

    PX = (0, 'P.X')
    PY = (1, 'P.Y')


print(Coordinate(1), Coordinate.PX.label, Coordinate.PY.value)
