# Built-in types have a __repr__ of their own, callable through the type, as CPython's
# tp_repr: float.__repr__(x) is x's repr, not object's.
print(float.__repr__(1.5), complex.__repr__(1j), bool.__repr__(True))
print(bytes.__repr__(b"x\n"), bytearray.__repr__(bytearray(b"a")))
print(range.__repr__(range(3)), slice.__repr__(slice(1, 2)), type(None).__repr__(None))
print(type(...).__repr__(...), type(NotImplemented).__repr__(NotImplemented))
print(type({}.keys()).__repr__({1: 2}.keys()), type({}.items()).__repr__({1: 2}.items()))

# int.__repr__ writes a bool's value as an int; bool's own says True.
print(int.__repr__(True), int.__repr__(False), int.__repr__(-7), repr(True))

# Each type's __repr__ is its own, not object's, and differs from int's for bool.
for t in [float, complex, bytes, bytearray, range, slice, bool, int, str, list]:
    print(t.__name__, t.__repr__ is object.__repr__, "__repr__" in t.__dict__)
print(bool.__repr__ is int.__repr__)


# A subclass's __repr__ can build on its base's.
class Count(int):
    def __repr__(self):
        return "Count(" + int.__repr__(self) + ")"


print(repr(Count(3)), [Count(4)])
try:
    float.__repr__(1)
except TypeError as e:
    print(type(e).__name__, e)
