"""Rational numbers (refscope's fractions module): Fraction(3, 4), kept in lowest terms
with a positive denominator, with exact arithmetic against ints and Fractions (a float
operand gives a float), CPython's reprs, comparisons and hash.
"""

from math import gcd as _gcd

__all__ = ['Fraction']

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159


def _parse(text):
    """(numerator, denominator) of a str like ' -3/4 ', '1.25', '2e-3'."""
    s = text.strip().replace('_', '')
    if not s:
        raise ValueError(f'Invalid literal for Fraction: {text!r}')
    if '/' in s:
        num, _, den = s.partition('/')
        if not num.lstrip('+-').isdigit() or not den.isdigit():
            raise ValueError(f'Invalid literal for Fraction: {text!r}')
        return int(num), int(den)
    sign = 1
    if s[0] in '+-':
        sign = -1 if s[0] == '-' else 1
        s = s[1:]
    mantissa, exp = s, 0
    for marker in 'eE':
        if marker in s:
            mantissa, _, e = s.partition(marker)
            if not e.lstrip('+-').isdigit():
                raise ValueError(f'Invalid literal for Fraction: {text!r}')
            exp = int(e)
            break
    whole, _, frac = mantissa.partition('.')
    if not (whole + frac).isdigit() or (whole and not whole.isdigit()) or \
            (frac and not frac.isdigit()):
        raise ValueError(f'Invalid literal for Fraction: {text!r}')
    num = int(whole + frac) if whole + frac else 0
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    """Fraction(numerator=0, denominator=1), or Fraction of a Fraction, float or str
    ('3/4', '1.25')."""

    __slots__ = ('_numerator', '_denominator')

    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, bool):
                n, d = int(numerator), 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
            elif isinstance(numerator, str):
                n, d = _parse(numerator)
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n = a._numerator * b._denominator
                d = a._denominator * b._numerator
            else:
                n, d = int(numerator), int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if d == 0:
            raise ZeroDivisionError(f'Fraction({n}, 0)')
        if _normalize:
            g = _gcd(n, d)
            if d < 0:
                g = -g
            n //= g
            d //= g
        object.__setattr__(self, '_numerator', n)
        object.__setattr__(self, '_denominator', d)

    @classmethod
    def from_float(cls, f):
        """The exact value of the float f."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(f'{cls.__name__}.from_float() only takes floats, not '
                            f'{f!r} ({type(f).__name__})')
        return cls(*f.as_integer_ratio())

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with a denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1)
        return Fraction(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return f'Fraction({self._numerator}, {self._denominator})'

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return f'{self._numerator}/{self._denominator}'

    def __setattr__(self, name, value):
        raise AttributeError(f"'Fraction' object attribute '{name}' is read-only")

    # Arithmetic: with an int or a Fraction exactly, with a float as floats.

    def _operate(self, other, exact, inexact):
        if isinstance(other, (int, Fraction)):
            return exact(self, Fraction(other))
        if isinstance(other, float):
            return inexact(float(self), other)
        if isinstance(other, complex):
            return inexact(complex(float(self)), other)
        return NotImplemented

    def _roperate(self, other, exact, inexact):
        if isinstance(other, (int, Fraction)):
            return exact(Fraction(other), self)
        if isinstance(other, float):
            return inexact(other, float(self))
        if isinstance(other, complex):
            return inexact(other, complex(float(self)))
        return NotImplemented

    def __add__(self, other):
        return self._operate(other, _add, lambda a, b: a + b)

    def __radd__(self, other):
        return self._roperate(other, _add, lambda a, b: a + b)

    def __sub__(self, other):
        return self._operate(other, _sub, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._roperate(other, _sub, lambda a, b: a - b)

    def __mul__(self, other):
        return self._operate(other, _mul, lambda a, b: a * b)

    def __rmul__(self, other):
        return self._roperate(other, _mul, lambda a, b: a * b)

    def __truediv__(self, other):
        return self._operate(other, _div, lambda a, b: a / b)

    def __rtruediv__(self, other):
        return self._roperate(other, _div, lambda a, b: a / b)

    def __floordiv__(self, other):
        return self._operate(other, _floordiv, lambda a, b: a // b)

    def __rfloordiv__(self, other):
        return self._roperate(other, _floordiv, lambda a, b: a // b)

    def __mod__(self, other):
        return self._operate(other, _mod, lambda a, b: a % b)

    def __rmod__(self, other):
        return self._roperate(other, _mod, lambda a, b: a % b)

    def __divmod__(self, other):
        return self._operate(other, lambda a, b: (_floordiv(a, b), _mod(a, b)), divmod)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other) if isinstance(other, int) else other._numerator
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power,
                                _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError(f'Fraction({self._denominator ** -power}, 0)')
            if self._numerator > 0:
                return Fraction(self._denominator ** -power, self._numerator ** -power,
                                _normalize=False)
            return Fraction((-self._denominator) ** -power, (-self._numerator) ** -power,
                            _normalize=False)
        if isinstance(other, (float, complex, Fraction)):
            return float(self) ** (float(other) if isinstance(other, Fraction) else other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, int):
            return Fraction(other) ** self
        return other ** float(self)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        # As CPython: the numerator times the denominator's inverse modulo 2**61 - 1
        # (Fermat's), so that equal ints, floats and Fractions hash alike.
        if self._denominator % _HASH_MODULUS == 0:
            hash_ = _HASH_INF
        else:
            dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return (self._numerator == other._numerator
                    and self._denominator == other._denominator)
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return False
            return self == Fraction(other)
        if isinstance(other, complex):
            return other.imag == 0 and self == other.real
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return op(self._numerator * other._denominator,
                      self._denominator * other._numerator)
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return op(0.0, other)
            return self._compare(Fraction(other), op)
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _add(a, b):
    return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _sub(a, b):
    return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _mul(a, b):
    return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)


def _div(a, b):
    if b._numerator == 0:
        raise ZeroDivisionError(f'Fraction({a._numerator * b._denominator}, 0)')
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _floordiv(a, b):
    return (a._numerator * b._denominator) // (a._denominator * b._numerator)


def _mod(a, b):
    d = a._denominator * b._denominator
    return Fraction((a._numerator * b._denominator) % (b._numerator * a._denominator), d)
