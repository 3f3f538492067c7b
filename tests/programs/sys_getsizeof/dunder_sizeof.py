# sys.getsizeof(obj) is obj.__sizeof__() plus the headers in front of the object: 16
# bytes of gc header for a gc type, 16 for an instance's managed dict pointers. A class
# may say what its objects cost by defining __sizeof__ (deep sizes, buffers).
import sys


class Buffer:
    def __init__(self, n):
        self.data = bytearray(n)

    def __sizeof__(self):
        return super().__sizeof__() + sys.getsizeof(self.data)


class Fixed:
    __slots__ = ("a",)

    def __sizeof__(self):
        return 7


class Tagged(list):
    def __sizeof__(self):
        return 5


class Negative:
    def __sizeof__(self):
        return -1


class NotANumber:
    def __sizeof__(self):
        return "big"


b = Buffer(100)
print(sys.getsizeof(b), object.__sizeof__(b), sys.getsizeof(b.data))
print(sys.getsizeof(Fixed()), sys.getsizeof(Tagged()))
for k in (Negative, NotANumber):
    try:
        print(sys.getsizeof(k()))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print(sys.getsizeof(Negative(), 42))
except ValueError as e:
    print(e)
print([].__sizeof__(), (1, 2).__sizeof__(), (3).__sizeof__(), "ab".__sizeof__(), {}.__sizeof__(), object().__sizeof__())


class P:
    pass


print(P().__sizeof__(), sys.getsizeof(P()), set().__sizeof__(), (lambda: 0).__sizeof__())
print([sys.getsizeof(x) - x.__sizeof__() for x in (0, "s", (), [], {}, P())])
