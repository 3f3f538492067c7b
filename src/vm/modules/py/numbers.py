"""Abstract base classes for numbers (refscope's numbers module), as CPython 3.11's
(PEP 3141): the tower Number > Complex > Real > Rational > Integral.

Each level names the abstract methods a concrete number must define (a class deriving
from Real cannot be instantiated until it has __float__, __trunc__, __lt__, ...) and
gives mixin methods built on them (Real.__complex__ from __float__, Rational.__float__
from numerator / denominator, Integral.__index__ from __int__). The built-in numbers
are registered as virtual subclasses: complex is a Complex, float a Real, int (and so
bool) an Integral, and fractions.Fraction a Rational, so isinstance(3, Integral) and
isinstance(2.5, Real) are True as in python3.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """All numbers inherit from this class. To check whether x is a number of any
    kind, use isinstance(x, Number)."""
    __slots__ = ()

    # A concrete number defines its own hash.
    __hash__ = None


class Complex(Number):
    """The operations of the built-in complex: complex(), .real, .imag, +, -, *, /,
    **, abs(), .conjugate(), == and !=."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """Return a built-in complex. Called for complex(self)."""

    def __bool__(self):
        """True if self != 0. Called for bool(self)."""
        return self != 0

    @property
    @abstractmethod
    def real(self):
        """The real component of this number (a Real)."""
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        """The imaginary component of this number (a Real)."""
        raise NotImplementedError

    @abstractmethod
    def __add__(self, other):
        """self + other"""
        raise NotImplementedError

    @abstractmethod
    def __radd__(self, other):
        """other + self"""
        raise NotImplementedError

    @abstractmethod
    def __neg__(self):
        """-self"""
        raise NotImplementedError

    @abstractmethod
    def __pos__(self):
        """+self"""
        raise NotImplementedError

    def __sub__(self, other):
        """self - other"""
        return self + -other

    def __rsub__(self, other):
        """other - self"""
        return -self + other

    @abstractmethod
    def __mul__(self, other):
        """self * other"""
        raise NotImplementedError

    @abstractmethod
    def __rmul__(self, other):
        """other * self"""
        raise NotImplementedError

    @abstractmethod
    def __truediv__(self, other):
        """self / other: promotes to float when necessary."""
        raise NotImplementedError

    @abstractmethod
    def __rtruediv__(self, other):
        """other / self"""
        raise NotImplementedError

    @abstractmethod
    def __pow__(self, exponent):
        """self ** exponent; promotes to float or complex when necessary."""
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
        """base ** self"""
        raise NotImplementedError

    @abstractmethod
    def __abs__(self):
        """The Real distance from 0. Called for abs(self)."""
        raise NotImplementedError

    @abstractmethod
    def conjugate(self):
        """(x+y*i).conjugate() returns (x-y*i)."""
        raise NotImplementedError

    @abstractmethod
    def __eq__(self, other):
        """self == other"""
        raise NotImplementedError


Complex.register(complex)


class Real(Complex):
    """Adds to Complex what works on real numbers: float(), trunc(), floor(), ceil(),
    round(), divmod(), //, %, <, <=, > and >=; the complex parts come for free."""
    __slots__ = ()

    @abstractmethod
    def __float__(self):
        """Any Real can be converted to a float. Called for float(self)."""
        raise NotImplementedError

    @abstractmethod
    def __trunc__(self):
        """trunc(self): self truncated towards 0, an Integral."""
        raise NotImplementedError

    @abstractmethod
    def __floor__(self):
        """The greatest Integral <= self."""
        raise NotImplementedError

    @abstractmethod
    def __ceil__(self):
        """The least Integral >= self."""
        raise NotImplementedError

    @abstractmethod
    def __round__(self, ndigits=None):
        """self rounded to ndigits decimal places (half to even): an Integral when
        ndigits is omitted or None, else a Real."""
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other): (self // other, self % other)."""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """divmod(other, self): (other // self, other % self)."""
        return (other // self, other % self)

    @abstractmethod
    def __floordiv__(self, other):
        """self // other: the floor() of self / other."""
        raise NotImplementedError

    @abstractmethod
    def __rfloordiv__(self, other):
        """other // self: the floor() of other / self."""
        raise NotImplementedError

    @abstractmethod
    def __mod__(self, other):
        """self % other"""
        raise NotImplementedError

    @abstractmethod
    def __rmod__(self, other):
        """other % self"""
        raise NotImplementedError

    @abstractmethod
    def __lt__(self, other):
        """self < other: a total order, except perhaps for NaN."""
        raise NotImplementedError

    @abstractmethod
    def __le__(self, other):
        """self <= other"""
        raise NotImplementedError

    def __complex__(self):
        """complex(self) == complex(float(self), 0)"""
        return complex(float(self))

    @property
    def real(self):
        """A real number is its own real part."""
        return +self

    @property
    def imag(self):
        """A real number has no imaginary part."""
        return 0

    def conjugate(self):
        """The conjugate of a real number is itself."""
        return +self


Real.register(float)


class Rational(Real):
    """A Real that is a ratio of integers: .numerator and .denominator, in lowest
    terms."""
    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        """float(self) == numerator / denominator, dividing the ints (so that the
        ratio of two huge ints does not overflow)."""
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Adds to Rational what works on integers: int(), pow() with a modulus, and the
    bit operations <<, >>, &, ^, | and ~."""
    __slots__ = ()

    @abstractmethod
    def __int__(self):
        """int(self)"""
        raise NotImplementedError

    def __index__(self):
        """Called whenever an index is needed, as in slicing."""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """self ** exponent % modulus. Accept modulus to support pow() with three
        arguments; otherwise the two-argument form of Complex."""
        raise NotImplementedError

    @abstractmethod
    def __lshift__(self, other):
        """self << other"""
        raise NotImplementedError

    @abstractmethod
    def __rlshift__(self, other):
        """other << self"""
        raise NotImplementedError

    @abstractmethod
    def __rshift__(self, other):
        """self >> other"""
        raise NotImplementedError

    @abstractmethod
    def __rrshift__(self, other):
        """other >> self"""
        raise NotImplementedError

    @abstractmethod
    def __and__(self, other):
        """self & other"""
        raise NotImplementedError

    @abstractmethod
    def __rand__(self, other):
        """other & self"""
        raise NotImplementedError

    @abstractmethod
    def __xor__(self, other):
        """self ^ other"""
        raise NotImplementedError

    @abstractmethod
    def __rxor__(self, other):
        """other ^ self"""
        raise NotImplementedError

    @abstractmethod
    def __or__(self, other):
        """self | other"""
        raise NotImplementedError

    @abstractmethod
    def __ror__(self, other):
        """other | self"""
        raise NotImplementedError

    @abstractmethod
    def __invert__(self):
        """~self"""
        raise NotImplementedError

    def __float__(self):
        """float(self) == float(int(self))"""
        return float(int(self))

    @property
    def numerator(self):
        """An integer is its own numerator."""
        return +self

    @property
    def denominator(self):
        """An integer's denominator is 1."""
        return 1


Integral.register(int)


def _register_fraction():
    # CPython's Fraction derives from Rational; refscope's fractions module does not
    # import numbers, so Fraction is registered here instead (a virtual subclass).
    from fractions import Fraction
    Rational.register(Fraction)


_register_fraction()
