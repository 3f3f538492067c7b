# float.fromhex (the inverse of float.hex, rounded half to even), the rounding dunders
# of int and float, math.floor/ceil/trunc through a class's own dunders, and math.cbrt
# (the C library's, as CPython calls it).
import math

for s in ["0x1.8p1", "-0x1p-2", "0X1.FFFFFFFFFFFFFP+1023", "0x.8", "1", "  0xa.bp3  ",
          "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x3p-1076", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "0x1.000000000000081p0", "0x0p0", "-0x0p+99", "inf",
          "-Infinity", "0x1p-2000", "0x123456789abcdefp-40"]:
    print(repr(s), "->", repr(float.fromhex(s)))
print(math.isnan(float.fromhex("nan")))
for bad in ["", "0x", "0x1p", "0x1p+", "0xg", "1e5", "0x1.2.3", "--1"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
for big in ["0x1p1024", "0x1.fffffffffffff8p1023"]:
    try:
        float.fromhex(big)
    except OverflowError as e:
        print(repr(big), "OverflowError:", e)
try:
    float.fromhex(5)
except TypeError as e:
    print("TypeError:", e)
for x in [0.1, -2.5, 1e-310, 5e-324, 1.7976931348623157e308, 3.0]:
    assert float.fromhex(x.hex()) == x
    print(x.hex())

print((17).__round__(-1), (15).__round__(), (7).__floor__(), (7).__ceil__(), (-7).__trunc__())
print(True.__floor__(), type(True.__ceil__()).__name__)
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (2.7).__floor__(),
      (-2.2).__ceil__(), (-2.7).__trunc__(), type((2.5).__round__()).__name__)
for f in (float("inf").__floor__, float("nan").__trunc__):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class Price:
    def __init__(self, cents):
        self.cents = cents

    def __floor__(self):
        return self.cents // 100

    def __ceil__(self):
        return -(-self.cents // 100)

    def __trunc__(self):
        return int(self.cents / 100)

    def __round__(self, ndigits=None):
        return ("round", ndigits)


class Reading:
    def __float__(self):
        return 2.5


p = Price(1999)
print(math.floor(p), math.ceil(p), math.trunc(p), round(p), round(p, 1))
print(math.floor(Reading()), math.ceil(Reading()))
for f in (math.trunc, round):
    try:
        f(Reading())
    except TypeError as e:
        print("TypeError:", e)
try:
    math.floor("3")
except TypeError as e:
    print("TypeError:", e)

print(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.cbrt(0.001), math.cbrt(-0.0),
      math.cbrt(float("inf")))
print(float.fromhex("0x" + "f" * 100000 + "p-400000"))
try:
    float.fromhex("0x1_0p0")
except ValueError as e:
    print("ValueError:", e)
