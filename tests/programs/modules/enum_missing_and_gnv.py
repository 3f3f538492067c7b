# Hooks: _missing_ for values that are not found, _generate_next_value_ for auto().
from enum import Enum, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError:', e)

class Answer(Enum):
    YES = 'yes'
    NO = 'no'

    @classmethod
    def _missing_(cls, value):
        # accept 'Yes', 'YES', ...
        for member in cls:
            if member.value == str(value).lower():
                return member
        return None

print(Answer('YES'), Answer('No'))
try:
    Answer('maybe')
except ValueError as e:
    print('ValueError:', e)

class Bad(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 'not a member'

try:
    Bad(2)
except TypeError as e:
    print('TypeError:', e, '| context:', repr(e.__context__))

class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        print('  next value for', name, start, count, last_values)
        return name.lower()

    NORTH = auto()
    SOUTH = auto()
    WEST = 'w'
    EAST = auto()

print([m.value for m in Ordinal])
