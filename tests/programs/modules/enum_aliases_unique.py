# Two names with the same value: the second name is an alias.
from enum import Enum, unique


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE)               # the alias gives the first member
print(Shape.ALIAS_FOR_SQUARE is Shape.SQUARE)
print(Shape(2), Shape['ALIAS_FOR_SQUARE'])
print(len(Shape), list(Shape))              # aliases are not listed
print(list(Shape.__members__))              # but __members__ has them
aliases = [name for name, m in Shape.__members__.items() if m.name != name]
print('aliases:', aliases)
print(Shape._member_names_)

try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
except ValueError as e:
    print('ValueError:', e)


@unique
class Fine(Enum):
    A = 'a'
    B = 'b'


print(list(Fine), Fine('b'))
