# Enum basics: members, values, lookups, iteration and how members print.
from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Weekday(Enum):
    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()


class Counting(Enum):
    ONE = auto()
    TEN = 10
    ELEVEN = auto()      # one more than the last value


print(Color.RED)                 # str()
print(repr(Color.RED))           # repr()
print(Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'])   # by value, by name
print(Color(Color.RED) is Color.RED)

print(len(Color), list(Color))
for day in Weekday:
    print(day.name, '=', day.value)
print([c.name for c in reversed(Color)])
print(list(Counting))

print(repr(Color), type(Color))
print(type(Color.RED), isinstance(Color.RED, Color))
print(Color.RED in Color, Weekday.MONDAY in Color)
print(bool(Color), bool(Color.RED))

print(f"{Color.RED}|{Color.GREEN!r}|{Color.BLUE:>12}|")
print("%s and %r" % (Color.RED, Color.RED))
print(format(Weekday.TUESDAY), str(Weekday.TUESDAY.value))

print(Color.__members__)
for name, member in Color.__members__.items():
    print(' ', name, member.value)

# Enum('Name', 'A B C') makes a class too (the functional API)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
Shape = Enum('Shape', [('SQUARE', 4), ('TRIANGLE', 3)])
print(Shape(3), repr(Shape))

try:
    Color.RED.value = 10
except AttributeError as e:
    print('AttributeError:', e)
