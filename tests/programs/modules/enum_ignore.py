# _ignore_ lists names the class body may use freely: they never become
# members, nor attributes of the class.
from enum import Enum


class Weekday(Enum):
    _ignore_ = 'day_names namespace i'
    day_names = ['MONDAY', 'TUESDAY', 'WEDNESDAY']
    namespace = vars()              # the class body's own namespace
    for i in range(len(day_names)):
        namespace[day_names[i]] = i + 1


print(list(Weekday))
print('_ignore_' in Weekday.__dict__, 'day_names' in Weekday.__dict__,
      hasattr(Weekday, 'i'))
print(Weekday(2), Weekday.WEDNESDAY.value)


class Grid(Enum):
    _ignore_ = ['size', 'scale']    # a list works as well as a string
    size = 3
    scale = 10
    SMALL = size
    LARGE = size * scale


print(list(Grid))
try:
    Grid.size
except AttributeError as e:
    print('AttributeError:', e)

try:
    class Late(Enum):
        A = 1
        _ignore_ = 'A'              # too late: A is a member already
except ValueError as e:
    print('ValueError:', e)

try:
    class Comma(Enum):
        _ignore_ = 'tmp, other'
        tmp = 5
        other = 6
        VALUE = tmp + other
    print(list(Comma), Comma.__members__.keys())
except ValueError as e:
    print('ValueError:', e)
