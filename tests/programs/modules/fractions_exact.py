# fractions: exact arithmetic in lowest terms, mixed with ints and floats, CPython's reprs,
# comparisons, hash and limit_denominator.
from fractions import Fraction as F
import math
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(F(-3, 4)), a ** 2, a ** -2, F(-2, 3) ** -3, F(4, 1) ** F(1, 2))
print(repr(a + b), str(F(6, 3)), F(6, -4), F('3/4'), F(' -1.25 '), F('2e-3'), F(0.5), F(0.1), F(F(1, 2), F(3, 4)), F(7))
print(a == F(2, 6), a < b, a > 0.3, F(1, 2) == 0.5, 1 + a, 2 * a, 1 / a, 0.5 + a, a + 0.5, 3 - a, 2 ** F(2, 1))
print(float(a), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), math.floor(F(-7, 2)) if False else '', a.numerator, a.denominator, a.as_integer_ratio())
print(hash(F(2, 1)) == hash(2), hash(F(1, 2)) == hash(0.5), hash(F(1, 3)), hash(F(-1, 3)), {F(1, 2): 'x'}[F(2, 4)])
print(F(3.141592653589793).limit_denominator(1000), F(0.1).limit_denominator(), F.from_float(0.25), sum([F(1, n) for n in range(1, 6)]))
print(sorted([F(1, 2), F(1, 3), F(2, 3), 0.4]), max(F(1, 3), 0.3), bool(F(0)), divmod(F(7, 2), 1))
for bad in [lambda: F(1, 0), lambda: F('x'), lambda: a / 0, lambda: F(1.5, 2)]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a.x = 1
except AttributeError as e:
    print('AttributeError')

# round() passes ndigits to a class's __round__ as given; divmod() calls __divmod__ / __rdivmod__.
class R:
    def __round__(self, n=None): return ("r", n)
print(round(R()), round(R(), 2), round(R(), None), round(2.5), round(3.14159, 2), round(7, -1))
try:
    round("x")
except TypeError as e:
    print(e)
class D:
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
print(divmod(D(), 3), divmod(3, D()), divmod(7, 2), divmod(-7.5, 2))
class E: pass
try:
    divmod(E(), 1)
except TypeError as e:
    print(e)
