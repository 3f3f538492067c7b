# Looking up a name that is not a member: EnumType.__getattr__ says which.
from enum import Enum, Flag, auto


class Color(Enum):
    RED = 1
    GREEN = 2


for name in ('RED', 'PURPLE', '__wrapped__'):
    try:
        print(name, '->', getattr(Color, name))
    except AttributeError as e:
        print(name, '-> AttributeError:', e)
print(hasattr(Color, 'GREEN'), hasattr(Color, 'PURPLE'), getattr(Color, 'BLUE', 'no'))
print(Color.RED.name, Color.GREEN.value)
try:
    Color.RED.PURPLE
except AttributeError as e:
    print('member: AttributeError:', e)


class Perm(Flag):
    R = auto()
    W = auto()


try:
    Perm.X
except AttributeError as e:
    print('AttributeError:', e)


class Shape(Enum):
    name = 'the name'               # a member called `name` (a property of members)
    value = 'the value'


print(repr(Shape.name), Shape.name.name, Shape.value.value)
print('last: a missing member, not caught')
print(Color.PURPLE)
