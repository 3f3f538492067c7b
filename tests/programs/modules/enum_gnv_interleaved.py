# auto() gets its value the moment the class body assigns it, so a Python
# _generate_next_value_ runs (and prints) between the body's own prints, and
# later lines of the body see plain values.
from enum import Enum, auto


class Compass(Enum):
    def _generate_next_value_(name, start, count, last_values):
        print('  gnv(%r, %r, %r, %r)' % (name, start, count, last_values))
        return name.lower()

    print('body: before NORTH')
    NORTH = auto()
    print('body: NORTH is now', repr(NORTH))
    SOUTH = auto()
    WEST = 'w'
    print('body: before EAST')
    EAST = auto()
    BOTH = (auto(), auto())         # auto() inside a tuple, resolved one by one
    print('body: BOTH is', BOTH)

print(list(Compass))
print(Compass('north'), Compass.EAST.value)


class Level(Enum):
    LOW = auto()
    HIGH = LOW + 10                 # LOW is already 1 here
    print('body: LOW =', LOW, 'HIGH =', HIGH)
    NEXT = auto()                   # one more than the last value


print(list(Level))


class Base(Enum):                   # no members: can be subclassed
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        print('  Base gnv for', name, count)
        return count * 100


class Sub(Base):
    print('body of Sub')
    A = auto()
    B = auto()


print(list(Sub))

try:
    class Late(Enum):
        A = auto()
        print('body: A =', A)

        def _generate_next_value_(name, start, count, last_values):
            return 42
except TypeError as e:
    print('TypeError:', e)


class Explicit(Enum):
    X = auto(7)                     # auto with a value: no call
    Y = auto()
    print('body:', X, Y)


print(list(Explicit))
