"""Decimal fixed and floating point arithmetic (refscope's decimal module), after CPython
3.11's C decimal: the General Decimal Arithmetic rules for rounding to a context's
precision, CPython's str/repr/format, and its signals raised as
`decimal.InvalidOperation: [<class 'decimal.DivisionUndefined'>]`.

A Decimal is (sign, coefficient as an int, exponent), or a special: Infinity, NaN, sNaN.
Each operation collects the conditions it meets in a list; the context then sets the
flags and raises the first trapped signal, as the C module does.
"""

import numbers as _numbers
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
    'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
    'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN',
    'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The order the C module lists signals in (flags, traps, the exception raised).
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
# The conditions that are InvalidOperation, in the order the C module lists them.
# The order a Context's repr lists them in (libmpdec's flag bits).
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow]
_CONDITIONS = [InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext]

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')

_FINITE, _INF, _QNAN, _SNAN = 0, 1, 2, 3


def _ndigits(n):
    """The number of decimal digits of the int n >= 0 (1 for 0)."""
    if n < 10 ** 18:
        return len(str(n))
    d = (n.bit_length() - 1) * 30103 // 100000
    p = 10 ** d
    while p <= n:
        p *= 10
        d += 1
    return d


_CHUNK = 10 ** 2000


def _digits(n):
    """str(n) for an int n >= 0 of any size (str() refuses more than 4300 digits)."""
    if n < _CHUNK:
        return str(n)
    k = _ndigits(n) // 2
    hi, lo = divmod(n, 10 ** k)
    low = _digits(lo)
    return _digits(hi) + '0' * (k - len(low)) + low


def _to_int(s):
    """int(s) for a string of digits of any length."""
    if len(s) <= 2000:
        return int(s)
    k = len(s) // 2
    return _to_int(s[:-k]) * 10 ** k + _to_int(s[-k:])


def _new(sign, coeff, exp, special=_FINITE):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._special = special
    return d


def _nan(st, cond=InvalidOperation):
    st.append(cond)
    return _new(0, 0, 0, _QNAN)


def _inf(sign):
    return _new(sign, 0, 0, _INF)


# ---- rounding --------------------------------------------------------------------------

def _round_up(q, r, half, sign, rounding):
    """Whether dropping remainder r (half = half a unit) from quotient q rounds up."""
    if not r:
        return False
    if rounding == ROUND_HALF_EVEN:
        return r > half or (r == half and q & 1 == 1)
    if rounding == ROUND_HALF_UP:
        return r >= half
    if rounding == ROUND_HALF_DOWN:
        return r > half
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    return q % 10 in (0, 5)   # ROUND_05UP


def _drop(coeff, k, sign, rounding):
    """coeff with its k last digits dropped, rounded: (new coeff, inexact)."""
    if k <= 0:
        return coeff * 10 ** (-k), False
    nd = _ndigits(coeff)
    if k > nd + 1:
        k = nd + 1
    p = 10 ** k
    q, r = divmod(coeff, p)
    if _round_up(q, r, p // 2, sign, rounding):
        q += 1
    return q, r != 0


def _rescale(d, exp, rounding):
    """d (finite) at exponent exp, rounded with no flags."""
    if not d._int:
        return _new(d._sign, 0, exp)
    c, _ = _drop(d._int, exp - d._exp, d._sign, rounding)
    return _new(d._sign, c, exp)


def _overflow(sign, ctx, st):
    st.append(Overflow)
    st.append(Inexact)
    st.append(Rounded)
    r = ctx.rounding
    if (r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1)):
        return _inf(sign)
    return _new(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _fix(sign, coeff, exp, ctx, st):
    """The finite number (sign, coeff, exp) fitted to ctx: rounded, checked for overflow
    and underflow, clamped."""
    prec = ctx.prec
    etiny = ctx.Emin - prec + 1
    etop = ctx.Emax - prec + 1
    if not coeff:
        emax = etop if ctx.clamp else ctx.Emax
        e = min(max(exp, etiny), emax)
        if e != exp:
            st.append(Clamped)
        return _new(sign, 0, e)
    nd = _ndigits(coeff)
    exp_min = nd + exp - prec
    if exp_min > etop:
        return _overflow(sign, ctx, st)
    subnormal = exp_min < etiny
    if subnormal:
        exp_min = etiny
    if exp < exp_min:
        c, inexact = _drop(coeff, exp_min - exp, sign, ctx.rounding)
        if _ndigits(c) > prec:
            c //= 10
            exp_min += 1
        if exp_min > etop:
            ans = _overflow(sign, ctx, st)
        else:
            ans = _new(sign, c, exp_min)
        if inexact and subnormal:
            st.append(Underflow)
        if subnormal:
            st.append(Subnormal)
        if inexact:
            st.append(Inexact)
        st.append(Rounded)
        if ans._special == _FINITE and not ans._int:
            st.append(Clamped)
        return ans
    if subnormal:
        st.append(Subnormal)
    if ctx.clamp == 1 and exp > etop:
        st.append(Clamped)
        return _new(sign, coeff * 10 ** (exp - etop), etop)
    return _new(sign, coeff, exp)


def _fixd(d, ctx, st):
    if d._special:
        if d._special >= _QNAN:
            return _fix_nan(d, ctx)
        return d
    return _fix(d._sign, d._int, d._exp, ctx, st)


def _fix_nan(d, ctx):
    """A quiet NaN, its payload cut to fit the context."""
    payload = d._int
    maxlen = ctx.prec - ctx.clamp
    if payload and _ndigits(payload) > maxlen:
        payload = payload % 10 ** maxlen if maxlen > 0 else 0
    return _new(d._sign, payload, 0, _QNAN)


def _check_nans(a, b, ctx, st):
    """The NaN result of an operation on a and b (b may be None), or None."""
    if a._special == _SNAN:
        st.append(InvalidOperation)
        return _fix_nan(a, ctx)
    if b is not None and b._special == _SNAN:
        st.append(InvalidOperation)
        return _fix_nan(b, ctx)
    if a._special == _QNAN:
        return _fix_nan(a, ctx)
    if b is not None and b._special == _QNAN:
        return _fix_nan(b, ctx)
    return None


# ---- conversion --------------------------------------------------------------------------

def _parse(s):
    """(sign, coeff, exp, special) of a numeric string, or None."""
    # As the C module reads it: underscores dropped anywhere, any Unicode digit read as
    # its value, whitespace stripped from the ends.
    s = s.replace('_', '')
    if not s.isascii():
        chars = []
        for ch in s:
            if ch.isspace():
                chars.append(' ')
            elif ch.isdecimal():
                chars.append(str(int(ch)))
            elif ord(ch) < 128:
                chars.append(ch)
            else:
                return None
        s = ''.join(chars)
    s = s.strip()
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, _INF
    for prefix, kind in (('snan', _SNAN), ('nan', _QNAN)):
        if low.startswith(prefix):
            rest = low[len(prefix):]
            if rest == '':
                return sign, 0, 0, kind
            if not _all_digits(rest):
                return None
            return sign, _to_int(rest), 0, kind
    mant = low
    exp = 0
    if 'e' in low:
        mant, _, e = low.partition('e')
        es = e
        if es and es[0] in '+-':
            es = es[1:]
        if not _all_digits(es):
            return None
        exp = _to_int(es) * (-1 if e[0] == '-' else 1)
    intpart, dot, frac = mant.partition('.')
    if not intpart and not frac:
        return None
    if (intpart and not _all_digits(intpart)) or (frac and not _all_digits(frac)):
        return None
    digits = intpart + frac
    return sign, _to_int(digits), exp - len(frac), _FINITE


def _all_digits(s):
    if not s:
        return False
    for ch in s:
        if ch not in '0123456789':
            if not ch.isdigit():
                return False
    return True


def _from_float(f):
    if f != f:
        return _new(0, 0, 0, _QNAN)
    if f in (float('inf'), float('-inf')):
        return _inf(1 if f < 0 else 0)
    sign = 1 if (f < 0 or (f == 0 and str(f)[0] == '-')) else 0
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    return _new(sign, n * 5 ** k, -k)


def _convert(other, allow_float=False):
    """other as a Decimal for an operation, or NotImplemented."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _new(1 if other < 0 else 0, abs(other), 0)
    return NotImplemented


def _convert_strict(other, ctx):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _new(1 if other < 0 else 0, abs(other), 0)
    raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)


def _type_error(op, a, b):
    def name(x):
        return 'decimal.Decimal' if isinstance(x, Decimal) else type(x).__name__
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, name(a), name(b)))


# ---- the arithmetic, on Decimals, collecting conditions in st ----------------------------

def _add(a, b, ctx, st, neg_b=False):
    bsign = b._sign ^ (1 if neg_b else 0)
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special == _INF:
            if b._special == _INF and a._sign != bsign:
                return _nan(st)
            return _inf(a._sign)
        return _inf(bsign)
    exp = min(a._exp, b._exp)
    neg_zero = (ctx.rounding == ROUND_FLOOR and a._sign != bsign)
    if not a._int and not b._int:
        sign = min(a._sign, bsign)
        if neg_zero:
            sign = 1
        return _fix(sign, 0, exp, ctx, st)
    if not a._int:
        exp = max(exp, b._exp - ctx.prec - 1)
        return _fix(bsign, b._int * 10 ** (b._exp - exp), exp, ctx, st)
    if not b._int:
        exp = max(exp, a._exp - ctx.prec - 1)
        return _fix(a._sign, a._int * 10 ** (a._exp - exp), exp, ctx, st)
    ai, ae, bi, be = a._int, a._exp, b._int, b._exp
    # Shrink an operand far below the other's precision to a sticky digit.
    if ae < be:
        hi, he, lo, le, swap = bi, be, ai, ae, True
    else:
        hi, he, lo, le, swap = ai, ae, bi, be, False
    e = he + min(-1, _ndigits(hi) - ctx.prec - 2)
    if _ndigits(lo) + le - 1 < e:
        lo, le = 1, e
    hi = hi * 10 ** (he - le)
    if swap:
        ai, bi = lo, hi
    else:
        ai, bi = hi, lo
    exp = le
    va = -ai if a._sign else ai
    vb = -bi if bsign else bi
    v = va + vb
    if v == 0:
        return _fix(1 if neg_zero else 0, 0, exp, ctx, st)
    return _fix(1 if v < 0 else 0, abs(v), exp, ctx, st)


def _mul(a, b, ctx, st):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special == _INF:
            if b._special == _FINITE and not b._int:
                return _nan(st)
            return _inf(sign)
        if not a._int:
            return _nan(st)
        return _inf(sign)
    return _fix(sign, a._int * b._int, a._exp + b._exp, ctx, st)


def _div(a, b, ctx, st):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
        if a._special == _INF:
            if b._special == _INF:
                return _nan(st)
            return _inf(sign)
        st.append(Clamped)
        return _new(sign, 0, ctx.Emin - ctx.prec + 1)
    if not b._int:
        if not a._int:
            return _nan(st, DivisionUndefined)
        st.append(DivisionByZero)
        return _inf(sign)
    if not a._int:
        return _fix(sign, 0, a._exp - b._exp, ctx, st)
    shift = _ndigits(b._int) - _ndigits(a._int) + ctx.prec + 1
    exp = a._exp - b._exp - shift
    if shift >= 0:
        coeff, rem = divmod(a._int * 10 ** shift, b._int)
    else:
        coeff, rem = divmod(a._int, b._int * 10 ** (-shift))
    if rem:
        if coeff % 5 == 0:
            coeff += 1
    else:
        ideal = a._exp - b._exp
        while exp < ideal and coeff % 10 == 0:
            coeff //= 10
            exp += 1
    return _fix(sign, coeff, exp, ctx, st)


def _divide(a, b, ctx, st):
    """(a // b, a % b) for finite a, nonzero finite or infinite b; the remainder unfixed."""
    sign = a._sign ^ b._sign
    if b._special == _INF:
        ideal = a._exp
    else:
        ideal = min(a._exp, b._exp)
    if not a._int or b._special == _INF or a.adjusted() - b.adjusted() <= -2:
        return _new(sign, 0, 0), _rescale(a, ideal, ctx.rounding)
    if a.adjusted() - b.adjusted() <= ctx.prec:
        ai, bi = a._int, b._int
        if a._exp >= b._exp:
            ai *= 10 ** (a._exp - b._exp)
        else:
            bi *= 10 ** (b._exp - a._exp)
        q, r = divmod(ai, bi)
        if q < 10 ** ctx.prec:
            return _new(sign, q, 0), _new(a._sign, r, ideal)
    ans = _nan(st, DivisionImpossible)
    return ans, ans


def _divmod(a, b, ctx, st, want):
    """want: 0 floordiv, 1 mod, 2 divmod."""
    sign = a._sign ^ b._sign
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return (r, r) if want == 2 else r
        if a._special == _INF:
            if b._special == _INF:
                ans = _nan(st)
                return (ans, ans) if want == 2 else ans
            if want == 0:
                return _inf(sign)
            if want == 1:
                return _nan(st)
            return _inf(sign), _nan(st)
    if b._special == _FINITE and not b._int:
        if not a._int:
            ans = _nan(st, DivisionUndefined)
            return (ans, ans) if want == 2 else ans
        if want == 0:
            st.append(DivisionByZero)
            return _inf(sign)
        if want == 1:
            return _nan(st)
        st.append(DivisionByZero)
        q = _inf(sign)
        return q, _nan(st)
    q, r = _divide(a, b, ctx, st)
    if not q._special and want != 1 and b._special != _INF:
        q = _fix(q._sign, q._int, q._exp, ctx, st)
    if want == 0:
        return q
    r = _fixd(r, ctx, st)
    if want == 1:
        return r
    return q, r


def _cmp(a, b):
    """-1, 0, 1 comparing non-NaN a and b."""
    if a._special == _INF or b._special == _INF:
        va = 0 if a._special != _INF else (-1 if a._sign else 1)
        vb = 0 if b._special != _INF else (-1 if b._sign else 1)
        if va != vb or va != 0:
            if va == vb:
                return 0
            if va == 0:
                return -vb
            if vb == 0:
                return va
            return -1 if va < vb else 1
    if not a._int and not b._int:
        return 0
    if not a._int:
        return 1 if b._sign else -1
    if not b._int:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    ea = a._exp + _ndigits(a._int)
    eb = b._exp + _ndigits(b._int)
    if ea != eb:
        c = 1 if ea > eb else -1
    else:
        e = min(a._exp, b._exp)
        x = a._int * 10 ** (a._exp - e)
        y = b._int * 10 ** (b._exp - e)
        c = 0 if x == y else (1 if x > y else -1)
    return -c if a._sign else c


def _pow_int(base, n, yadj, ctx, st):
    """base ** n for an int n, as the C module computes it."""
    sign = base._sign if n & 1 else 0
    if base._special == _INF:
        if n > 0:
            return _inf(sign)
        if n < 0:
            return _new(sign, 0, 0)
        return _new(0, 1, 0)
    if not base._int:
        if n == 0:
            return _nan(st)
        if n < 0:
            return _inf(sign)
        return _new(sign, 0, 0)
    if n == 0:
        return _new(0, 1, 0)
    if base._exp <= 0 and base._int == 10 ** (-base._exp):
        # |base| is exactly 1: 1.000 ** 3 is 1.000000000, set as it is.
        if n < 0:
            return _new(sign, 1, 0)
        shift = n * (-base._exp)
        if shift > ctx.prec - 1:
            shift = ctx.prec - 1
            st.append(Rounded)
        return _new(sign, 10 ** shift, -shift)
    bound = _pow_bound(base, n < 0, yadj, ctx)
    if bound > 0:
        return _overflow(sign, ctx, st)
    if bound < 0:
        return _fix(sign, 1, ctx.Emin - ctx.prec, ctx, st)
    work = Context(prec=ctx.prec + len(str(abs(n))) + 2, rounding=ROUND_HALF_EVEN,
                   Emin=ctx.Emin, Emax=ctx.Emax, clamp=0)
    ws = []
    tbase = _new(0, base._int, base._exp)
    if n < 0:
        work.prec += 1
        tbase = _div(_new(0, 1, 0), tbase, work, ws)
        st.extend(ws)
        ws = []
    m = abs(n)
    result = tbase
    bit = 1 << (m.bit_length() - 1)
    bit >>= 1
    while bit:
        result = _mul(result, result, work, ws)
        if m & bit:
            result = _mul(result, tbase, work, ws)
        if result._special or (not result._int and Clamped in ws):
            break
        bit >>= 1
    st.extend(ws)
    if result._special == _INF:
        return _overflow(sign, ctx, st)
    return _fix(sign, result._int, result._exp, ctx, st)


def _exp_digits(n):
    return len(str(abs(n)))


def _pow_bound(base, yneg, yadj, ctx):
    """1 when base ** n certainly overflows, -1 when it certainly underflows, else 0,
    by libmpdec's bounds (log10 of a lower bound of |n * ln(base)|)."""
    t = base.adjusted()
    if t > 0:
        lb_zeta = _exp_digits(t) - 1
    elif t < -1:
        lb_zeta = _exp_digits(t + 1) - 1
    else:
        x = _new(0, base._int, base._exp)
        e = min(x._exp, 0)
        diff = x._int * 10 ** (x._exp - e) - 10 ** (-e)
        if diff == 0:
            return 0
        u = _ndigits(abs(diff)) + e - 1
        lb_zeta = u - 2 if t == 0 else u - 1
    if (t < 0) != yneg:
        if _exp_digits(ctx.Emin - ctx.prec + 1) < lb_zeta + yadj:
            return -1
    else:
        if _exp_digits(ctx.Emax) < lb_zeta + yadj:
            return 1
    return 0


def _sqrt(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if a._sign == 0:
            return a
        return _nan(st)
    if not a._int:
        return _fix(a._sign, 0, a._exp // 2, ctx, st)
    if a._sign:
        return _nan(st)
    prec = ctx.prec + 1
    e = a._exp >> 1
    nd = _ndigits(a._int)
    if a._exp & 1:
        c = a._int * 10
        l = (nd >> 1) + 1
    else:
        c = a._int
        l = (nd + 1) >> 1
    shift = prec - l
    if shift >= 0:
        c *= 100 ** shift
        exact = True
    else:
        c, rem = divmod(c, 100 ** (-shift))
        exact = not rem
    e -= shift
    n = _isqrt(c)
    exact = exact and n * n == c
    if exact:
        if shift >= 0:
            n //= 10 ** shift
        else:
            n *= 10 ** (-shift)
        e += shift
    else:
        if n % 5 == 0:
            n += 1
    work = ctx.copy()
    work.rounding = ROUND_HALF_EVEN
    return _fix(0, n, e, work, st)


def _isqrt(c):
    if c == 0:
        return 0
    n = 1 << ((c.bit_length() + 1) // 2)
    while True:
        q = c // n
        if n <= q:
            return n
        n = (n + q) >> 1


# ---- Decimal -------------------------------------------------------------------------------

class Decimal(object):
    """Decimal floating point: Decimal('3.14'), Decimal(314), Decimal((0, (3, 1, 4), -2))."""

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = (
                value._sign, value._int, value._exp, value._special)
            return self
        if isinstance(value, str):
            p = _parse(value)
            if p is None:
                ctx = getcontext() if context is None else context
                ctx._apply([ConversionSyntax])
                self._sign, self._int, self._exp, self._special = 0, 0, 0, _QNAN
                return self
            self._sign, self._int, self._exp, self._special = p
            return self
        if isinstance(value, bool) or isinstance(value, int):
            value = int(value)
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            self._special = _FINITE
            return self
        if isinstance(value, float):
            ctx = getcontext() if context is None else context
            ctx._apply([FloatOperation])
            d = _from_float(value)
            self._sign, self._int, self._exp, self._special = (
                d._sign, d._int, d._exp, d._special)
            return self
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError("argument must be a sequence of length 3")
            sign, digits, exp = value
            if sign not in (0, 1) or isinstance(sign, bool) is None:
                raise ValueError("sign must be an integer with the value 0 or 1")
            self._sign = sign
            if exp == 'F':
                self._int, self._exp, self._special = 0, 0, _INF
                return self
            coeff = 0
            for dgt in digits:
                if not isinstance(dgt, int) or not 0 <= dgt <= 9:
                    raise ValueError("coefficient must be a tuple of digits")
                coeff = coeff * 10 + dgt
            if exp in ('n', 'N'):
                self._int, self._exp = coeff, 0
                self._special = _QNAN if exp == 'n' else _SNAN
                return self
            if not isinstance(exp, int):
                raise ValueError("exponent must be an integer")
            self._int, self._exp, self._special = coeff, exp, _FINITE
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = Decimal(f)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError("argument must be int or float")
        return d if cls is Decimal else cls(d)

    # -- predicates and parts
    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        if self._special == _INF:
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(c) for c in _digits(self._int)) if self._int else (0,)
        if self._special >= _QNAN:
            if not self._int:
                digits = ()
            return DecimalTuple(self._sign, digits, 'n' if self._special == _QNAN else 'N')
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._special:
            if self._special >= _QNAN:
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if not self._int:
            return 0, 1
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** (-self._exp)
            g = _gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def is_nan(self):
        return self._special >= _QNAN

    def is_qnan(self):
        return self._special == _QNAN

    def is_snan(self):
        return self._special == _SNAN

    def is_infinite(self):
        return self._special == _INF

    def is_finite(self):
        return self._special == _FINITE

    def is_zero(self):
        return self._special == _FINITE and not self._int

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special or not self._int:
            return False
        return ctx.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special or not self._int:
            return False
        return self.adjusted() < ctx.Emin

    def radix(self):
        return Decimal(10)

    def number_class(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special == _SNAN:
            return 'sNaN'
        if self._special == _QNAN:
            return 'NaN'
        s = '-' if self._sign else '+'
        if self._special == _INF:
            return s + 'Infinity'
        if not self._int:
            return s + 'Zero'
        if self.is_subnormal(ctx):
            return s + 'Subnormal'
        return s + 'Normal'

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def copy_abs(self):
        return _new(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _new(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert_strict(other, context)
        return _new(other._sign, self._int, self._exp, self._special)

    def same_quantum(self, other, context=None):
        other = _convert_strict(other, context)
        if self._special or other._special:
            return (self._special >= _QNAN and other._special >= _QNAN) or (
                self._special == _INF and other._special == _INF)
        return self._exp == other._exp

    # -- strings
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special == _INF:
            return sign + 'Infinity'
        if self._special:
            payload = _digits(self._int) if self._int else ''
            return sign + ('NaN' if self._special == _QNAN else 'sNaN') + payload
        digits = _digits(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif not self._int:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            ctx = getcontext() if context is None else context
            exp = ('E' if ctx.capitals else 'e') + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __format__(self, spec):
        return _format(self, spec, getcontext())

    # -- conversions
    def __bool__(self):
        return self._special != _FINITE or self._int != 0

    def __int__(self):
        if self._special:
            if self._special >= _QNAN:
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** (-self._exp)
        return -v if self._sign else v

    __trunc__ = __int__

    def __float__(self):
        if self._special >= _QNAN:
            if self._special == _SNAN:
                raise ValueError("cannot convert signaling NaN to float")
            return float('-nan') if self._sign else float('nan')
        if self._special == _INF:
            return float('-inf') if self._sign else float('inf')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def _to_int(self, rounding):
        if self._special:
            if self._special >= _QNAN:
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        return int(_rescale(self, 0, rounding)) if self._exp < 0 else int(self)

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            if self._special:
                if self._special >= _QNAN:
                    raise ValueError("cannot convert NaN to integer")
                raise OverflowError("cannot convert Infinity to integer")
            return self._to_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_new(0, 1, -n))

    def __hash__(self):
        if self._special:
            if self._special == _SNAN:
                raise TypeError("Cannot hash a signaling NaN value.")
            if self._special == _QNAN:
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            eh = pow(10, self._exp, _HASH_MODULUS)
        else:
            eh = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._int * eh % _HASH_MODULUS
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- comparisons
    def _compare_other(self, other, op):
        """other as a Decimal for comparison, or NotImplemented."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _new(1 if other < 0 else 0, abs(other), 0)
        if isinstance(other, float):
            ctx = getcontext()
            if op in ('eq', 'ne'):
                ctx._apply([FloatOperation], equality=True)
            else:
                ctx._apply([FloatOperation])
            return _from_float(other)
        if isinstance(other, complex) and op in ('eq', 'ne') and other.imag == 0:
            return self._compare_other(other.real, op)
        if isinstance(other, _numbers.Rational):
            return other
        return NotImplemented

    def _eq(self, other):
        o = self._compare_other(other, 'eq')
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            if self._special:
                return False
            n, d = self.as_integer_ratio()
            return n * o.denominator == o.numerator * d
        if self._special == _SNAN or o._special == _SNAN:
            getcontext()._apply([InvalidOperation])
            return False
        if self._special >= _QNAN or o._special >= _QNAN:
            return False
        return _cmp(self, o) == 0

    def __eq__(self, other):
        return self._eq(other)

    def __ne__(self, other):
        r = self._eq(other)
        return r if r is NotImplemented else not r

    def _order(self, other, op):
        o = self._compare_other(other, op)
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            if self._special == _INF:
                return -1 if self._sign else 1
            if self._special:
                getcontext()._apply([InvalidOperation])
                return None
            n, d = self.as_integer_ratio()
            a, b = n * o.denominator, o.numerator * d
            return 0 if a == b else (1 if a > b else -1)
        if self._special >= _QNAN or o._special >= _QNAN:
            getcontext()._apply([InvalidOperation])
            return None
        return _cmp(self, o)

    def __lt__(self, other):
        c = self._order(other, 'lt')
        return c if c is NotImplemented else (c is not None and c < 0)

    def __le__(self, other):
        c = self._order(other, 'le')
        return c if c is NotImplemented else (c is not None and c <= 0)

    def __gt__(self, other):
        c = self._order(other, 'gt')
        return c if c is NotImplemented else (c is not None and c > 0)

    def __ge__(self, other):
        c = self._order(other, 'ge')
        return c if c is NotImplemented else (c is not None and c >= 0)

    # -- arithmetic
    def __add__(self, other, context=None):
        return _binop(self, other, context, _add, '+')

    def __radd__(self, other, context=None):
        return _binop(self, other, context, _add, '+', True)

    def __sub__(self, other, context=None):
        return _binop(self, other, context, _sub, '-')

    def __rsub__(self, other, context=None):
        return _binop(self, other, context, _sub, '-', True)

    def __mul__(self, other, context=None):
        return _binop(self, other, context, _mul, '*')

    def __rmul__(self, other, context=None):
        return _binop(self, other, context, _mul, '*', True)

    def __truediv__(self, other, context=None):
        return _binop(self, other, context, _div, '/')

    def __rtruediv__(self, other, context=None):
        return _binop(self, other, context, _div, '/', True)

    def __floordiv__(self, other, context=None):
        return _binop(self, other, context, _floordiv, '//')

    def __rfloordiv__(self, other, context=None):
        return _binop(self, other, context, _floordiv, '//', True)

    def __mod__(self, other, context=None):
        return _binop(self, other, context, _mod, '%')

    def __rmod__(self, other, context=None):
        return _binop(self, other, context, _mod, '%', True)

    def __divmod__(self, other, context=None):
        return _binop(self, other, context, _divmod2, 'divmod()')

    def __rdivmod__(self, other, context=None):
        return _binop(self, other, context, _divmod2, 'divmod()', True)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            raise NotImplementedError("three-argument pow() is not supported for Decimal here")
        return _binop(self, other, context, _pow, '** or pow()')

    def __rpow__(self, other, context=None):
        return _binop(self, other, context, _pow, '** or pow()', True)

    def __neg__(self, context=None):
        return _unop(self, context, _minus)

    def __pos__(self, context=None):
        return _unop(self, context, _plus)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return _unop(self, context, _abs)

    # -- methods with a context
    def quantize(self, exp, rounding=None, context=None):
        ctx = getcontext() if context is None else context
        exp = _convert_strict(exp, ctx)
        st = []
        r = _quantize(self, exp, rounding or ctx.rounding, ctx, st)
        ctx._apply(st)
        return r

    def _integral(self, rounding, context, exact):
        ctx = getcontext() if context is None else context
        st = []
        if self._special:
            r = _check_nans(self, None, ctx, st)
            if r is None:
                r = self
        elif self._exp >= 0:
            r = self
        else:
            r = _rescale(self, 0, rounding or ctx.rounding)
            if exact and self._int:
                if _cmp(r, self) != 0:
                    st.append(Inexact)
                st.append(Rounded)
        ctx._apply(st)
        return r

    def to_integral_value(self, rounding=None, context=None):
        return self._integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self._integral(rounding, context, True)

    def sqrt(self, context=None):
        return _unop(self, context, _sqrt)

    def normalize(self, context=None):
        return _unop(self, context, _normalize)

    reduce = normalize

    def compare(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        st = []
        r = _check_nans(self, other, ctx, st)
        if r is None:
            r = Decimal(_cmp(self, other))
        ctx._apply(st)
        return r

    def compare_signal(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        if self._special >= _QNAN or other._special >= _QNAN:
            ctx._apply([InvalidOperation])
            return _new(0, 0, 0, _QNAN)
        return self.compare(other, ctx)

    def _minmax(self, other, context, want_max, mag=False):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        st = []
        if self._special >= _QNAN or other._special >= _QNAN:
            if self._special == _SNAN or other._special == _SNAN:
                r = _check_nans(self, other, ctx, st)
            elif self._special >= _QNAN and other._special >= _QNAN:
                r = _fix_nan(self, ctx)
            else:
                r = _fixd(other if self._special >= _QNAN else self, ctx, st)
            ctx._apply(st)
            return r
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = _cmp(a, b)
        if c == 0:
            c = _cmp(self, other)
        if c == 0:
            c = self.compare_total(other)._to_sign()
        if want_max:
            r = self if c > 0 else other
        else:
            r = self if c < 0 else other
        r = _fixd(r, ctx, st)
        ctx._apply(st)
        return r

    def _to_sign(self):
        return 0 if not self._int else (-1 if self._sign else 1)

    def max(self, other, context=None):
        return self._minmax(other, context, True)

    def min(self, other, context=None):
        return self._minmax(other, context, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, False, True)

    def compare_total(self, other, context=None):
        other = _convert_strict(other, context)
        def key(d):
            if d._special == _QNAN:
                k = (3, d._int, 0)
            elif d._special == _SNAN:
                k = (2, d._int, 0)
            elif d._special == _INF:
                k = (1, 0, 0)
            else:
                k = None
            return k
        ka, kb = key(self), key(other)
        if self._sign != other._sign:
            return Decimal(-1) if self._sign else Decimal(1)
        if ka is not None or kb is not None:
            ka = ka or (0, 0, 0)
            kb = kb or (0, 0, 0)
            c = (ka > kb) - (ka < kb)
        else:
            c = _cmp(self, other)
            if c != 0:
                return Decimal(c)
            c = (self._exp > other._exp) - (self._exp < other._exp)
        if self._sign:
            c = -c
        return Decimal(c)

    def compare_total_mag(self, other, context=None):
        other = _convert_strict(other, context)
        return self.copy_abs().compare_total(other.copy_abs())

    def scaleb(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        st = []
        r = _check_nans(self, other, ctx, st)
        if r is None:
            lim = 2 * (ctx.Emax + ctx.prec)
            if other._special or other._exp != 0 or not -lim <= int(other) <= lim:
                r = _nan(st)
            elif self._special == _INF:
                r = self
            else:
                r = _fix(self._sign, self._int, self._exp + int(other), ctx, st)
        ctx._apply(st)
        return r

    def remainder_near(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        st = []
        r = _check_nans(self, other, ctx, st)
        if r is None:
            if self._special == _INF:
                r = _nan(st)
            elif other._special == _INF:
                r = _fixd(self, ctx, st)
            elif not other._int:
                r = _nan(st, DivisionUndefined if not self._int else InvalidOperation)
            else:
                q, rem = _divide(self, other, ctx, st)
                if q._special:
                    r = q
                else:
                    # a - b*n with n the nearest integer (ties to even)
                    e = min(self._exp, other._exp)
                    x = (-1 if self._sign else 1) * self._int * 10 ** (self._exp - e)
                    y = (-1 if other._sign else 1) * other._int * 10 ** (other._exp - e)
                    n, m = divmod(x, y)
                    if 2 * m > abs(y) if y > 0 else 2 * m < -abs(y):
                        n += 1
                        m -= y
                    elif 2 * m == y and n & 1:
                        n += 1
                        m -= y
                    if abs(n) >= 10 ** ctx.prec:
                        r = _nan(st, DivisionImpossible)
                    else:
                        sign = 1 if m < 0 or (m == 0 and self._sign) else 0
                        r = _fix(sign, abs(m), e, ctx, st)
        ctx._apply(st)
        return r

    def fma(self, other, third, context=None):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        third = _convert_strict(third, ctx)
        st = []
        if self._special or other._special:
            p = _mul(self, other, ctx, st)
        else:
            p = _new(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)
        r = _add(p, third, ctx, st)
        ctx._apply(st)
        return r

    def logb(self, context=None):
        ctx = getcontext() if context is None else context
        st = []
        r = _check_nans(self, None, ctx, st)
        if r is None:
            if self._special == _INF:
                r = _inf(0)
            elif not self._int:
                st.append(DivisionByZero)
                r = _inf(1)
            else:
                r = _fixd(Decimal(self.adjusted()), ctx, st)
        ctx._apply(st)
        return r

    def next_plus(self, context=None):
        return self._next(context, 1)

    def next_minus(self, context=None):
        return self._next(context, -1)

    def _next(self, context, direction):
        ctx = getcontext() if context is None else context
        st = []
        r = _check_nans(self, None, ctx, st)
        if r is None:
            if self._special == _INF:
                if (direction > 0) == bool(self._sign):
                    r = _new(self._sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
                else:
                    r = self
            else:
                work = ctx.copy()
                work.rounding = ROUND_CEILING if direction > 0 else ROUND_FLOOR
                ws = []
                r = _fix(self._sign, self._int, self._exp, work, ws)
                if Inexact not in ws:
                    ws = []
                    etiny = ctx.Emin - ctx.prec + 1
                    tiny = _new(0 if direction > 0 else 1, 1, etiny - 1)
                    r = _add(self, tiny, work, ws)
        ctx._apply(st)
        return r

    def next_toward(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert_strict(other, ctx)
        st = []
        r = _check_nans(self, other, ctx, st)
        if r is not None:
            ctx._apply(st)
            return r
        c = _cmp(self, other)
        if c == 0:
            return self.copy_sign(other)
        r = self._next(ctx, 1 if c < 0 else -1)
        if r._special == _INF:
            st += [Overflow, Inexact, Rounded]
        elif r._int and r.adjusted() < ctx.Emin or not r._int:
            st += [Underflow, Subnormal, Inexact, Rounded]
            if not r._int:
                st.append(Clamped)
        ctx._apply(st)
        return r

    def exp(self, context=None):
        return _transcendental(self, context, 'exp')

    def ln(self, context=None):
        return _transcendental(self, context, 'ln')

    def log10(self, context=None):
        return _transcendental(self, context, 'log10')


_HASH_MODULUS = 2 ** 61 - 1
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def _sub(a, b, ctx, st):
    return _add(a, b, ctx, st, True)


def _floordiv(a, b, ctx, st):
    return _divmod(a, b, ctx, st, 0)


def _mod(a, b, ctx, st):
    return _divmod(a, b, ctx, st, 1)


def _divmod2(a, b, ctx, st):
    return _divmod(a, b, ctx, st, 2)


def _pow(a, b, ctx, st):
    if a._special or b._special:
        r = _check_nans(a, b, ctx, st)
        if r is not None:
            return r
    if b._special == _INF:
        if a._special == _FINITE and not a._int:
            return _inf(0) if b._sign else _new(0, 0, 0)
        if a._sign:
            return _nan(st)
        c = _cmp(a, _new(0, 1, 0))
        if c == 0:
            st.append(Inexact)
            st.append(Rounded)
            return _fix(0, 10 ** (ctx.prec - 1), 1 - ctx.prec, ctx, st)
        if (c > 0) != bool(b._sign):
            return _inf(0)
        return _new(0, 0, 0)
    if b._exp >= 0 or (b._int % 10 ** (-b._exp) == 0):
        n = int(b)
        return _pow_int(a, n, b.adjusted(), ctx, st)
    if a._sign and (a._special or a._int):
        return _nan(st)
    if a._special == _INF:
        return _new(0, 0, 0) if b._sign else _inf(0)
    if not a._int:
        return _inf(0) if b._sign else _new(0, 0, 0)
    return _pow_real(a, b, ctx, st)


def _minus(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        return a.copy_negate()
    if not a._int and ctx.rounding != ROUND_FLOOR:
        return _fix(0, 0, a._exp, ctx, st)
    return _fix(1 - a._sign, a._int, a._exp, ctx, st)


def _plus(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        return a
    if not a._int and ctx.rounding != ROUND_FLOOR:
        return _fix(0, 0, a._exp, ctx, st)
    return _fix(a._sign, a._int, a._exp, ctx, st)


def _abs(a, ctx, st):
    if a._sign:
        return _minus(a, ctx, st)
    return _plus(a, ctx, st)


def _normalize(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        return a
    d = _fix(a._sign, a._int, a._exp, ctx, st)
    if d._special or not d._int:
        return _new(d._sign, 0, 0) if not d._special else d
    c, e = d._int, d._exp
    emax = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
    while c % 10 == 0 and e < emax:
        c //= 10
        e += 1
    return _new(d._sign, c, e)


def _quantize(a, exp, rounding, ctx, st):
    if a._special or exp._special:
        r = _check_nans(a, exp, ctx, st)
        if r is not None:
            return r
        if a._special == _INF and exp._special == _INF:
            return a
        return _nan(st)
    if not (ctx.Emin - ctx.prec + 1 <= exp._exp <= ctx.Emax):
        return _nan(st)
    if not a._int:
        return _fix(a._sign, 0, exp._exp, ctx, st)
    adj = a.adjusted()
    if adj > ctx.Emax or adj - exp._exp + 1 > ctx.prec:
        return _nan(st)
    ans = _rescale(a, exp._exp, rounding)
    if ans.adjusted() > ctx.Emax or _ndigits(ans._int) > ctx.prec:
        return _nan(st)
    if ans._int and ans.adjusted() < ctx.Emin:
        st.append(Subnormal)
    if ans._exp > a._exp:
        if _cmp(ans, a) != 0:
            st.append(Inexact)
        st.append(Rounded)
    return _fix(ans._sign, ans._int, ans._exp, ctx, st)


def _binop(self, other, context, fn, opname, reflected=False):
    o = _convert(other)
    if o is NotImplemented:
        if isinstance(other, float) or not hasattr(type(other), '__radd__'):
            if reflected:
                raise _type_error(opname, other, self)
            raise _type_error(opname, self, other)
        return NotImplemented
    ctx = getcontext() if context is None else context
    st = []
    r = fn(o, self, ctx, st) if reflected else fn(self, o, ctx, st)
    ctx._apply(st)
    return r


def _unop(self, context, fn):
    ctx = getcontext() if context is None else context
    st = []
    r = fn(self, ctx, st)
    ctx._apply(st)
    return r


def _transcendental(a, context, name):
    ctx = getcontext() if context is None else context
    st = []
    r = _TRANSCENDENTAL[name](a, ctx, st)
    ctx._apply(st)
    return r


# ---- exp, ln, log10 and powers, correctly rounded (ROUND_HALF_EVEN) ----------------------
#
# Each is computed in fixed point with integers, to more and more digits until the
# interval the approximation is known to lie in rounds to one result (Ziv's method).

_CONST_CACHE = {}


def _atanh_fixed(a, b, M):
    """atanh(a/b) * M, for |a/b| <= 1/3 and b > 0, within a few units."""
    if a < 0:
        return -_atanh_fixed(-a, b, M)
    total = 0
    term = M * a // b
    a2, b2 = a * a, b * b
    k = 1
    while term:
        total += term // k
        term = term * a2 // b2
        k += 2
    return total


def _ln2_ln10(M):
    c = _CONST_CACHE.get(M)
    if c is None:
        ln2 = 2 * _atanh_fixed(1, 3, M)
        ln10 = 3 * ln2 + 2 * _atanh_fixed(1, 9, M)
        c = (ln2, ln10)
        _CONST_CACHE[M] = c
    return c


def _ln_fixed(d, W):
    """ln(d) * 10**W for a finite positive Decimal d, within a few units."""
    M = 10 ** W
    ln2, ln10 = _ln2_ln10(M)
    c = d._int
    nd = _ndigits(c)
    if nd > W + 20:
        c //= 10 ** (nd - W - 20)
        nd = W + 20
    adj = d.adjusted()
    num, den = c, 10 ** (nd - 1)     # in [1, 10)
    j = 0
    while 4 * num >= 6 * den:        # num/den >= 1.5
        den *= 2
        j += 1
    r = j * ln2 + 2 * _atanh_fixed(num - den, num + den, M)
    return r + adj * ln10


def _exp_fixed(X, W):
    """exp(X / 10**W) as (V, E): V * 10**E, within a few units of V."""
    M = 10 ** W
    ln2, ln10 = _ln2_ln10(M)
    k = X // ln10
    R = X - k * ln10               # in [0, ln10)
    # exp(R) = exp(R / 2**8) ** 256 would lose digits; the series converges well enough.
    s = M
    term = M
    n = 1
    while term:
        term = term * R // (M * n)
        s += term
        n += 1
    return s, k - W


def _ziv(compute, ctx, st, half_even=True):
    """The correctly rounded result (ROUND_HALF_EVEN, or the context's rounding) of
    compute(P) -> (V, E), an approximation V * 10**E within 3 units of the value, with
    more digits as P grows."""
    work = ctx.copy()
    if half_even:
        work.rounding = ROUND_HALF_EVEN
    P = ctx.prec + 10
    for _ in range(12):
        V, E = compute(P)
        sign = 1 if V < 0 else 0
        a = abs(V)
        lo = _fix(sign, max(a - 3, 0), E, work, [])
        hi = _fix(sign, a + 3, E, work, [])
        if (lo._special, lo._int, lo._exp, lo._sign) == (hi._special, hi._int, hi._exp, hi._sign):
            break
        P *= 2
    # The value is not a representable number: make the rounding see a sticky digit.
    return _fix(sign, a * 10 + 1, E - 1, work, st)


def _exp(a, ctx, st):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        return _new(0, 0, 0) if a._sign else a
    if not a._int:
        return _new(0, 1, 0)
    # Beyond these bounds the result certainly overflows or underflows.
    big = 3 * (max(ctx.Emax, -ctx.Emin) + ctx.prec + 2)
    if a.adjusted() > _ndigits(big) + 1:
        if a._sign:
            return _fix(0, 1, ctx.Emin - ctx.prec - 1, _half_even(ctx), st)
        return _overflow(0, _half_even(ctx), st)

    def compute(P):
        W = P + 10 + max(a.adjusted(), 0)
        e = a._exp + W
        if a.adjusted() < -W - 2:
            X = 0
        else:
            X = a._int * 10 ** e if e >= 0 else a._int // 10 ** (-e)
        if a._sign:
            X = -X - 1
        return _exp_fixed(X, W)
    return _ziv(compute, ctx, st)


def _half_even(ctx):
    work = ctx.copy()
    work.rounding = ROUND_HALF_EVEN
    return work


def _ln(a, ctx, st, log10=False):
    if a._special:
        r = _check_nans(a, None, ctx, st)
        if r is not None:
            return r
        if a._sign:
            return _nan(st)
        return a
    if not a._int:
        return _inf(1)
    if a._sign:
        return _nan(st)
    # Exact cases: ln(1) = 0, log10(10**k) = k.
    c = a._int
    z = 0
    while c % 10 == 0:
        c //= 10
        z += 1
    if c == 1:
        k = a._exp + z
        if k == 0:
            return _new(0, 0, 0)
        if log10:
            return _fix(1 if k < 0 else 0, abs(k), 0, ctx, st)

    def compute(P):
        W = P + 10
        L = _ln_fixed(a, W)
        if log10:
            L = L * 10 ** W // _ln2_ln10(10 ** W)[1]
        return L, -W
    return _ziv(compute, ctx, st)


def _log10(a, ctx, st):
    return _ln(a, ctx, st, True)


def _pow_real(a, b, ctx, st):
    """a ** b for a finite a > 0 and a finite non-integral b, as libmpdec computes it:
    exp(b * ln(a)), each step correctly rounded to a working precision, then rounded
    again to the context (so it is almost always, not always, correctly rounded)."""
    bound = _pow_bound(a, b._sign == 1, b.adjusted(), ctx)
    if bound > 0:
        return _overflow(0, ctx, st)
    if bound < 0:
        return _fix(0, 1, ctx.Emin - ctx.prec, ctx, st)
    wp = max(_ndigits(a._int), ctx.prec) + 4 + 19
    work = Context(prec=wp, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX,
                   clamp=0)
    ws = []
    r = _ln(a, work, ws)
    r = _mul(r, b, work, ws)
    r = _exp(r, work, ws)
    for c in ws:
        if c in _CONDITIONS or c is DivisionByZero:
            st.append(c)
    st.append(Inexact)
    st.append(Rounded)
    if r._special == _INF:
        return _overflow(0, ctx, st)
    if r._int and _cmp(r, _new(0, 1, 0)) == 0:
        return _fix(0, 10 ** (ctx.prec - 1), 1 - ctx.prec, ctx, st)
    return _fix(r._sign, r._int, r._exp, ctx, st)


class _PowBound(Exception):
    pass


_TRANSCENDENTAL = {'exp': _exp, 'ln': _ln, 'log10': _log10}


# ---- formatting ------------------------------------------------------------------------

def _parse_spec(spec):
    """The parts of a format spec, as the C module reads them:
    [[fill]align][sign][z][0][width][,][.precision][type]."""
    i = 0
    n = len(spec)
    fill = align = None
    if n >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_0 = False
    if i < n and spec[i] == 'z':
        no_neg_0 = True
        i += 1
    zeropad = False
    if i < n and spec[i] == '0':
        zeropad = True
        i += 1
    j = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[j:i]) if i > j else 0
    thousands = ''
    if i < n and spec[i] == ',':
        thousands = spec[i]
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == j:
            raise ValueError("invalid format string")
        precision = int(spec[j:i])
    typ = None
    if i < n:
        typ = spec[i]
        i += 1
    if i != n or (typ is not None and typ not in 'eEfFgGn%'):
        raise ValueError("invalid format string")
    if zeropad:
        if fill is not None or align is not None:
            raise ValueError("invalid format string")
        fill = '0'
        align = '='
    if typ in ('g', 'G', 'n') and precision == 0:
        precision = 1
    return {'fill': fill or ' ', 'align': align or '>', 'sign': sign, 'no_neg_0': no_neg_0,
            'zeropad': zeropad, 'width': width, 'thousands': thousands,
            'precision': precision, 'type': typ}


def _format_sign(neg, spec):
    if neg:
        return '-'
    if spec['sign'] in ' +':
        return spec['sign']
    return ''


def _format_align(sign, body, spec):
    width = spec['width']
    fill = spec['fill']
    padding = width - len(sign) - len(body)
    if padding <= 0:
        return sign + body
    align = spec['align']
    if align == '<':
        return sign + body + fill * padding
    if align == '>':
        return fill * padding + sign + body
    if align == '=':
        return sign + fill * padding + body
    half = padding // 2
    return fill * half + sign + body + fill * (padding - half)


def _insert_sep(digits, sep, min_width):
    """digits grouped by threes with sep, zero-padded to min_width."""
    groups = []
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (l - len(digits[-l:])) + digits[-l:] if digits else '0' * l)
        digits = digits[:-l] if len(digits) > l else ''
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    groups.reverse()
    return sep.join(groups)


def _format(d, specifier, ctx):
    spec = _parse_spec(specifier)
    if d._special:
        if spec['zeropad']:
            spec['fill'] = ' '
            spec['align'] = '>'
        sign = _format_sign(d._sign, spec)
        body = str(d.copy_abs())
        if spec['type'] == '%':
            body += '%'
        return _format_align(sign, body, spec)
    typ = spec['type']
    if typ is None:
        typ = 'G' if ctx.capitals else 'g'
    if typ == 'n':
        typ = 'g'
    if typ == '%':
        d = _new(d._sign, d._int, d._exp + 2)
    rounding = ctx.rounding
    precision = spec['precision']
    if precision is not None:
        if typ in 'eE':
            d = _round_digits(d, precision + 1, rounding)
        elif typ in 'fF%':
            d = _rescale(d, -precision, rounding)
        elif typ in 'gG' and _ndigits(d._int) > precision:
            d = _round_digits(d, precision, rounding)
    if not d._int and d._exp > 0 and typ in 'fF%':
        d = _rescale(d, 0, rounding)
    sign_neg = d._sign
    if not d._int and spec['no_neg_0']:
        sign_neg = 0
    digits = _digits(d._int)
    leftdigits = d._exp + len(digits)
    if typ in 'eE':
        if not d._int and precision is not None:
            dotplace = 1 - precision
        else:
            dotplace = 1
    elif typ in 'fF%':
        dotplace = leftdigits
    else:
        if d._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
    if dotplace < 0:
        intpart = '0'
        fracpart = '0' * (-dotplace) + digits
    elif dotplace > len(digits):
        intpart = digits + '0' * (dotplace - len(digits))
        fracpart = ''
    else:
        intpart = digits[:dotplace] or '0'
        fracpart = digits[dotplace:]
    exp = leftdigits - dotplace
    sign = _format_sign(sign_neg, spec)
    if fracpart:
        fracpart = '.' + fracpart
    if exp != 0 or typ in 'eE':
        echar = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[typ]
        fracpart += '%s%+d' % (echar, exp)
    if typ == '%':
        fracpart += '%'
    if spec['zeropad']:
        min_width = spec['width'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    if spec['thousands']:
        intpart = _insert_sep(intpart, spec['thousands'], min_width)
    elif min_width > len(intpart):
        intpart = '0' * (min_width - len(intpart)) + intpart
    return _format_align(sign, intpart + fracpart, spec)


def _round_digits(d, places, rounding):
    """d (finite) rounded to places significant digits, no flags."""
    if not d._int:
        return d
    nd = _ndigits(d._int)
    c, _ = _drop(d._int, nd - places, d._sign, rounding)
    e = d._exp + nd - places
    if _ndigits(c) > places:
        c //= 10
        e += 1
    return _new(d._sign, c, e)


# ---- contexts ------------------------------------------------------------------------------

class _SignalDict(dict):
    """A context's flags or traps: signal -> bool, printed as the C module prints it."""

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % (k, v) for k, v in self.items()) + '}'

    def copy(self):
        d = _SignalDict()
        for k, v in self.items():
            d[k] = v
        return d


def _signal_dict(value):
    d = _SignalDict()
    for s in _SIGNALS:
        d[s] = False
    if value is None:
        return d
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in d:
                raise KeyError("invalid signal dict")
            d[k] = bool(v)
        if len(value) != len(_SIGNALS):
            raise KeyError("invalid signal dict")
        return d
    for s in value:
        if s not in d:
            raise TypeError("invalid error flag value")
        d[s] = True
    return d


class Context(object):
    """The precision, rounding, exponent limits, flags and traps operations follow."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        dc = _default_template
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        object.__setattr__(self, 'flags', _signal_dict(flags))
        if traps is None:
            t = dc.traps.copy() if dc else _signal_dict(
                [InvalidOperation, DivisionByZero, Overflow])
            object.__setattr__(self, 'traps', t)
        else:
            object.__setattr__(self, 'traps', _signal_dict(traps))

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n"
                                "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                                "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                                "   ROUND_05UP]")
        elif name == 'Emin':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not MIN_EMIN <= value <= 0:
                raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        elif name == 'Emax':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 0 <= value <= MAX_EMAX:
                raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        elif name == 'capitals':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if value not in (0, 1):
                raise ValueError("valid values for capitals are 0 or 1")
        elif name == 'clamp':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if value not in (0, 1):
                raise ValueError("valid values for clamp are 0 or 1")
        elif name in ('flags', 'traps'):
            value = _signal_dict(value)
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def _apply(self, conds, equality=False):
        """Sets the flags of conds (signals and InvalidOperation's conditions), and raises
        the first trapped signal with the list of trapped conditions, as the C module
        does."""
        if not conds:
            return
        raised = set()
        for c in conds:
            s = InvalidOperation if c in _CONDITIONS else c
            self.flags[s] = True
            raised.add(c)
        if equality:
            return
        trapped = []
        for c in _CONDITIONS:
            if c in raised and self.traps[InvalidOperation]:
                trapped.append(c)
        first = InvalidOperation if trapped else None
        for s in _SIGNALS[1:]:
            if s in raised and self.traps[s]:
                trapped.append(s)
                if first is None:
                    first = s
        if trapped:
            raise first(trapped)

    def __repr__(self):
        flags = [s.__name__ for s in _REPR_ORDER if self.flags[s]]
        traps = [s.__name__ for s in _REPR_ORDER if self.traps[s]]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, ', '.join(flags),
                                             ', '.join(traps)))

    def copy(self):
        c = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)
        object.__setattr__(c, 'flags', self.flags.copy())
        object.__setattr__(c, 'traps', self.traps.copy())
        return c

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                          self.clamp, [s for s in _SIGNALS if self.flags[s]],
                          [s for s in _SIGNALS if self.traps[s]]))

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def radix(self):
        return Decimal(10)

    def create_decimal(self, num='0'):
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            self._apply([ConversionSyntax])
            return _new(0, 0, 0, _QNAN)
        d = Decimal(num, context=self)
        if d._special >= _QNAN:
            if d._int and _ndigits(d._int) > self.prec - self.clamp:
                self._apply([ConversionSyntax])
                return _new(0, 0, 0, _QNAN)
            return d
        st = []
        r = _fixd(d, self, st)
        self._apply(st)
        return r

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        st = []
        r = _fixd(d, self, st)
        self._apply(st)
        return r

    def _run(self, fn, *args):
        args = [_convert_strict(a, self) for a in args]
        st = []
        r = fn(*args, self, st)
        self._apply(st)
        return r

    def add(self, a, b):
        return self._run(_add, a, b)

    def subtract(self, a, b):
        return self._run(_sub, a, b)

    def multiply(self, a, b):
        return self._run(_mul, a, b)

    def divide(self, a, b):
        return self._run(_div, a, b)

    def divide_int(self, a, b):
        return self._run(_floordiv, a, b)

    def remainder(self, a, b):
        return self._run(_mod, a, b)

    def divmod(self, a, b):
        return self._run(_divmod2, a, b)

    def power(self, a, b, modulo=None):
        if modulo is not None:
            raise NotImplementedError("three-argument power is not supported here")
        return self._run(_pow, a, b)

    def abs(self, a):
        return self._run(_abs, a)

    def minus(self, a):
        return self._run(_minus, a)

    def plus(self, a):
        return self._run(_plus, a)

    def sqrt(self, a):
        return self._run(_sqrt, a)

    def exp(self, a):
        return self._run(_exp, a)

    def ln(self, a):
        return self._run(_ln, a)

    def log10(self, a):
        return self._run(_log10, a)

    def normalize(self, a):
        return self._run(_normalize, a)

    def quantize(self, a, b):
        return _convert_strict(a, self).quantize(b, context=self)

    def to_integral_value(self, a):
        return _convert_strict(a, self).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _convert_strict(a, self).to_integral_exact(context=self)

    def compare(self, a, b):
        return _convert_strict(a, self).compare(b, context=self)

    def max(self, a, b):
        return _convert_strict(a, self).max(b, context=self)

    def min(self, a, b):
        return _convert_strict(a, self).min(b, context=self)

    def fma(self, a, b, c):
        return _convert_strict(a, self).fma(b, c, context=self)

    def to_sci_string(self, a):
        return _convert_strict(a, self).__str__(context=self)

    def to_eng_string(self, a):
        return _convert_strict(a, self).to_eng_string(context=self)

    def is_nan(self, a):
        return _convert_strict(a, self).is_nan()

    def is_zero(self, a):
        return _convert_strict(a, self).is_zero()

    def is_signed(self, a):
        return _convert_strict(a, self).is_signed()

    def is_finite(self, a):
        return _convert_strict(a, self).is_finite()

    def is_infinite(self, a):
        return _convert_strict(a, self).is_infinite()

    def copy_abs(self, a):
        return _convert_strict(a, self).copy_abs()

    def copy_negate(self, a):
        return _convert_strict(a, self).copy_negate()

    def copy_sign(self, a, b):
        return _convert_strict(a, self).copy_sign(b)


_default_template = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[InvalidOperation, DivisionByZero, Overflow])
_default_template = DefaultContext
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[InvalidOperation, DivisionByZero, Overflow, Underflow, Clamped])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = None


def getcontext():
    """The current context (a copy of DefaultContext at first)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    """Makes context the current one (a copy of it when it is one of the templates)."""
    global _current
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current = context


class ContextManager(object):
    """What localcontext() returns: a with block runs with its context current."""

    def __init__(self, ctx):
        self.new_context = ctx

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *args):
        setcontext(self.saved_context)
        return False


def localcontext(ctx=None, **kwargs):
    """A context manager making a copy of ctx (or of the current context) current inside
    a with block, with the attributes given as keywords set on it."""
    if ctx is None:
        ctx = getcontext()
    new = ctx.copy()
    for k, v in kwargs.items():
        if k not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        setattr(new, k, v)
    return ContextManager(new)


_numbers.Number.register(Decimal)
