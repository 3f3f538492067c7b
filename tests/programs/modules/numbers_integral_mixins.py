# numbers: Integral gives __index__ (so a user's integer works in slices and range),
# __float__, numerator and denominator; Rational gives __float__ from numerator /
# denominator. register() makes a class a virtual member of the tower.
import numbers

class Small(numbers.Integral):
    def __init__(self, n): self.n = n
    def __repr__(self): return f'Small({self.n})'
    def __int__(self): return self.n
    def __pow__(self, e, mod=None): return Small(pow(self.n, int(e), mod))
    def __lshift__(self, o): return Small(self.n << int(o))
    def __rlshift__(self, o): return Small(int(o) << self.n)
    def __rshift__(self, o): return Small(self.n >> int(o))
    def __rrshift__(self, o): return Small(int(o) >> self.n)
    def __and__(self, o): return Small(self.n & int(o))
    def __rand__(self, o): return Small(int(o) & self.n)
    def __xor__(self, o): return Small(self.n ^ int(o))
    def __rxor__(self, o): return Small(int(o) ^ self.n)
    def __or__(self, o): return Small(self.n | int(o))
    def __ror__(self, o): return Small(int(o) | self.n)
    def __invert__(self): return Small(~self.n)
    def __trunc__(self): return self.n
    def __floor__(self): return self.n
    def __ceil__(self): return self.n
    def __round__(self, ndigits=None): return self.n
    def __floordiv__(self, o): return Small(self.n // int(o))
    def __rfloordiv__(self, o): return Small(int(o) // self.n)
    def __mod__(self, o): return Small(self.n % int(o))
    def __rmod__(self, o): return Small(int(o) % self.n)
    def __lt__(self, o): return self.n < int(o)
    def __le__(self, o): return self.n <= int(o)
    def __eq__(self, o): return self.n == int(o)
    def __hash__(self): return hash(self.n)
    def __add__(self, o): return Small(self.n + int(o))
    def __radd__(self, o): return Small(int(o) + self.n)
    def __neg__(self): return Small(-self.n)
    def __pos__(self): return Small(self.n)
    def __mul__(self, o): return Small(self.n * int(o))
    def __rmul__(self, o): return Small(int(o) * self.n)
    def __truediv__(self, o): return self.n / int(o)
    def __rtruediv__(self, o): return int(o) / self.n
    def __rpow__(self, b): return int(b) ** self.n
    def __abs__(self): return Small(abs(self.n))

three = Small(3)
letters = 'abcdefgh'
print(letters[three], letters[:three], list(range(three)), three.__index__())
print(float(three), three.numerator, three.denominator, three.real, three.imag)
print(complex(three), divmod(three, 2), three - 1, 10 - three, bool(Small(0)))
print(three.__pow__(4, 5), three ** 2, 2 ** three, three << 2, hex(three), bin(Small(5)), {three: 'x'}[3])
print(Small.__abstractmethods__, isinstance(three, numbers.Rational), three.conjugate())

class Ratio(numbers.Rational):
    def __init__(self, p, q): self._p, self._q = p, q
    numerator = property(lambda self: self._p)
    denominator = property(lambda self: self._q)
try:
    Ratio(1, 2)
except TypeError as e:
    print(str(e).split(' with ')[0], len(Ratio.__abstractmethods__))
from types import SimpleNamespace as NS
print(numbers.Rational.__float__(NS(numerator=1, denominator=4)),
      numbers.Rational.__float__(NS(numerator=10**400, denominator=10**399)))

class Money:
    def __init__(self, cents): self.cents = cents
print(isinstance(Money(5), numbers.Number))
numbers.Real.register(Money)
print(isinstance(Money(5), numbers.Number), isinstance(Money(5), numbers.Real),
      isinstance(Money(5), numbers.Rational), issubclass(Money, numbers.Complex))
try:
    numbers.Integral.register(5)
except TypeError as e:
    print('TypeError:', e)
print(hash(1.5) == hash(1.5), numbers.Integral.register(bool) is bool)
class Plain(numbers.Number):
    pass
try:
    hash(Plain())
except TypeError as e:
    print('TypeError:', e)
print(Ratio(1, 2))
