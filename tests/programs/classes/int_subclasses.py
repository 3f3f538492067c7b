import sys, gc
class Money(int):
    def __repr__(self):
        return f"Money({int(self)})"
    def cents(self):
        return self * 100
m = Money(5)
print(m, repr(m), str(m), type(m).__name__, m + 1, type(m + 1).__name__, m * 2, -m, abs(Money(-3)), m == 5, 5 == m, m < 6, m > Money(2), hash(m) == hash(5))
print(m.cents(), [10, 20, 30, 40, 50, 60][m], f"{m:>4}|{m:04d}", "%d items" % m, "{}".format(m), bool(Money(0)), int(m), float(m), m.bit_length(), divmod(m, 2), m ** 2, m // 2, m / 2)
print(isinstance(m, int), sys.getsizeof(m), sys.getsizeof(Money(0)), sys.getsizeof(Money(2**70)), gc.is_tracked(m), {5: "five"}[m], range(10)[m], list(range(m)))
m.note = "x"
print(m.note, m.__dict__, sys.getsizeof(m))
class Slim(int):
    __slots__ = ()
print(sys.getsizeof(Slim(7)), Slim(7) + Slim(1), Money("12"), Money("ff", 16), Money(3.9), Money())
class Clamped(int):
    def __new__(cls, v, lo=0, hi=10):
        return super().__new__(cls, max(lo, min(hi, v)))
    def __add__(self, other):
        return Clamped(int(self) + int(other))
c = Clamped(50)
print(c, c + 5, type(c + 5).__name__, 5 + c, type(5 + c).__name__, sorted([Money(3), Money(1), 2]), max(Money(1), Money(4)))
class Bits(int):
    def __invert__(self):
        return "inverted"
print(~Bits(3), ~Money(3), Money(2**70) + 1, Money(2**70) == 2**70)
a = Money(1); a.me = a; del a
print(gc.collect(), sys.getrefcount(Money(300)))
print(int.__new__(Money, 9), type(int.__new__(Money, 9)).__name__, Money(7).__index__(), True + Money(1))
import json
print(json.dumps({"m": Money(3)}), round(Money(7)), round(Money(17), -1), pow(Money(2), 3), sum([Money(1), Money(2)]))
