# numbers: the numeric tower Number > Complex > Real > Rational > Integral. The
# built-in numbers (and Fraction) are registered with it, so isinstance tells what kind
# of number a value is; a class deriving from one of the ABCs gets its mixin methods
# and must define its abstract ones before it can be instantiated.
import numbers
from fractions import Fraction

kinds = [numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral]
for x in [7, True, 2.5, float('nan'), 1 + 2j, Fraction(1, 3), '3', None, [1]]:
    print(f'{x!r:>16}', [k.__name__ for k in kinds if isinstance(x, k)])
print(issubclass(bool, numbers.Number), issubclass(int, numbers.Real),
      issubclass(float, numbers.Rational), issubclass(complex, numbers.Real),
      issubclass(Fraction, numbers.Integral), issubclass(Fraction, numbers.Real))
print(numbers.__all__, numbers.Integral.__mro__)
print(numbers.Number.__hash__, sorted(numbers.Complex.__abstractmethods__))
print(sorted(numbers.Rational.__abstractmethods__ - numbers.Real.__abstractmethods__),
      sorted(numbers.Real.__abstractmethods__ - numbers.Rational.__abstractmethods__))

def describe(x):
    if isinstance(x, numbers.Integral):
        return 'integral'
    if isinstance(x, numbers.Rational):
        return 'rational'
    if isinstance(x, numbers.Real):
        return 'real'
    if isinstance(x, numbers.Complex):
        return 'complex'
    return 'not a number'
print([describe(v) for v in [0, False, Fraction(3, 4), -0.0, 3j, 'x']])

class Incomplete(numbers.Real):
    def __float__(self):
        return 1.0
for cls in [numbers.Number, numbers.Complex, numbers.Integral, Incomplete]:
    try:
        cls()
        print(cls.__name__, 'made')
    except TypeError as e:
        print('TypeError:', e)

class Meters(numbers.Real):
    """A real number with a unit, to show the mixins Real gives."""
    def __init__(self, v): self.v = v
    def __repr__(self): return f'Meters({self.v})'
    def __float__(self): return float(self.v)
    def __trunc__(self): return int(self.v)
    def __floor__(self): return self.v // 1
    def __ceil__(self): return -(-self.v // 1)
    def __round__(self, ndigits=None): return round(self.v, ndigits)
    def __floordiv__(self, o): return Meters(self.v // float(o))
    def __rfloordiv__(self, o): return Meters(float(o) // self.v)
    def __mod__(self, o): return Meters(self.v % float(o))
    def __rmod__(self, o): return Meters(float(o) % self.v)
    def __lt__(self, o): return self.v < float(o)
    def __le__(self, o): return self.v <= float(o)
    def __eq__(self, o): return self.v == float(o)
    __hash__ = None
    def __add__(self, o): return Meters(self.v + float(o))
    def __radd__(self, o): return Meters(float(o) + self.v)
    def __neg__(self): return Meters(-self.v)
    def __pos__(self): return Meters(self.v)
    def __mul__(self, o): return Meters(self.v * float(o))
    def __rmul__(self, o): return Meters(float(o) * self.v)
    def __truediv__(self, o): return Meters(self.v / float(o))
    def __rtruediv__(self, o): return Meters(float(o) / self.v)
    def __pow__(self, o): return Meters(self.v ** float(o))
    def __rpow__(self, o): return Meters(float(o) ** self.v)
    def __abs__(self): return Meters(abs(self.v))

m = Meters(7.5)
print(m, m.real, m.imag, m.conjugate(), complex(m), m.__complex__())
print(m - 2, 10 - m, divmod(m, 2), divmod(20, m), bool(m), bool(Meters(0)))
print(float(m), int(m.__trunc__()), round(m), m < 8, isinstance(m, numbers.Complex),
      isinstance(m, numbers.Rational), Meters.__abstractmethods__)
