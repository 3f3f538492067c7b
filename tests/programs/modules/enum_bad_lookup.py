# Looking up a value that no member has raises ValueError.
# (This program stops with that error, like a real bug would.)
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


def describe(value):
    color = Color(value)            # ValueError if no member has `value`
    return '%d is %s' % (value, color.name)


print(Color(3))
print(Color['GREEN'])
print([c.value for c in Color])
for value in (1, 2, 3):
    print(describe(value))
print('now looking up 7...')
print(describe(7))
print('not reached')
