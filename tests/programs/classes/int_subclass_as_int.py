# An int subclass's instance (an IntEnum member, a Money class) where Python
# wants an int: repeating a sequence, slice bounds, %-formatting, int()/float()/
# abs() through the class's own methods, and int's data attributes.
from enum import Enum, IntEnum


class Level(IntEnum):
    LOW = 1
    HIGH = 3


class Index(int):
    pass


class Money(int):
    def __str__(self):
        return f"${self / 100:.2f}"


class Color(str, Enum):
    RED = "r"


class Odd(int):
    def __int__(self):
        return 5

    def __float__(self):
        return 1.5

    def __abs__(self):
        return "abs"


print("-" * Level.HIGH, Level.HIGH * "+", [0] * Index(2), (1,) * Index(2))
print("abcdef"[Index(1):Index(4)], [1, 2, 3, 4][Index(1):], range(10)[Index(2):Index(5)])
print((1, 2, 3)[:Level.HIGH], "abcdef"[::Level.HIGH])
print("Total: %s" % Money(150), "%d" % Money(150), "%r" % Money(5), "%5.1f" % Money(3))
print("%s" % Color.RED, "%s|%s" % (Color.RED, Level.HIGH), "%s" % Level.HIGH, "%d" % Level.HIGH)
print(int(Odd(7)), float(Odd(7)), abs(Odd(7)), int(Money(4)), float(Level.HIGH), abs(Index(-3)))
print(Index(6).real, Index(6).imag, Index(6).numerator, Index(6).denominator, Level.HIGH.real)
print(True.__index__(), Index(4).__index__(), type(Index(4).__index__()).__name__)
# A class method on the subclass makes an instance of it, as int.from_bytes calls cls.
bits = Index.from_bytes(b"\x07", "big")
print(type(bits).__name__, bits, type(int.from_bytes(b"\x01", "little")).__name__, Level.from_bytes(b"\x03", "big"))
# The built-in's __new__ called on the built-in itself makes the value from the arguments.
print(int.__new__(int, "5"), repr(str.__new__(str, "q")), int.__new__(int, "ff", 16), tuple.__new__(tuple, [1]), list.__new__(list, [1]))
