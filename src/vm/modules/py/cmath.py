"""Mathematical functions for complex numbers (refscope's cmath module): phase, polar,
rect, exp, log, log10, sqrt, the trigonometric and hyperbolic functions and their
inverses, isfinite, isinf, isnan, isclose, and the constants pi, e, tau, inf, infj,
nan, nanj.

This is a Python transcription of the algorithms of CPython 3.11's Modules/cmathmodule.c,
built on the real-valued functions of the native math module (which call the platform's
libm, as the C code does), so results agree with CPython's to the last bit. Infinities,
nans and signed zeros follow the same C99 Annex G tables, and ValueError('math domain
error') / OverflowError('math range error') are raised in the same places.

The C code reports errors through errno; here each internal function returns a triple
(real, imag, err) where err is 0, _EDOM or _ERANGE, and the public wrappers turn a
nonzero err into the exception.
"""

import math
from math import (asinh as _asinh_f, atan2 as _atan2,
                  copysign as _copysign, cos as _cos_f, fabs as _fabs,
                  isfinite as _isfinite_f, isinf as _isinf_f, isnan as _isnan_f,
                  ldexp as _ldexp, log as _log_f, log1p as _log1p_f, sin as _sin_f,
                  sqrt as _sqrt_f, tan as _tan_f, tanh as _tanh_f)

__all__ = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'e', 'exp',
           'inf', 'infj', 'isclose', 'isfinite', 'isinf', 'isnan', 'log', 'log10', 'nan',
           'nanj', 'phase', 'pi', 'polar', 'rect', 'sin', 'sinh', 'sqrt', 'tan', 'tanh',
           'tau']

pi = math.pi
e = math.e
tau = math.tau
inf = math.inf
infj = complex(0.0, math.inf)
nan = math.nan
nanj = complex(0.0, math.nan)

# errno values of the C code.
_EDOM = 1
_ERANGE = 2

_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_DBL_MANT_DIG = 53
_M_LN2 = 0.6931471805599453
_M_LN10 = 2.302585092994046
# Thresholds beyond which the usual formulas would overflow needlessly.
_LARGE_DOUBLE = _DBL_MAX / 4.
_SQRT_LARGE_DOUBLE = _sqrt_f(_LARGE_DOUBLE)
_LOG_LARGE_DOUBLE = _log_f(_LARGE_DOUBLE)
_SQRT_DBL_MIN = _sqrt_f(_DBL_MIN)
# Multiplying by 2**_SCALE_UP turns a subnormal into a normal number (for sqrt).
_SCALE_UP = 2 * (_DBL_MANT_DIG // 2) + 1
_SCALE_DOWN = -(_SCALE_UP + 1) // 2


# -- C libm behaviour where Python's math module would raise -------------------------

def _hypot(x, y):
    # C's hypot() (what CPython's cmath calls). abs() of a complex is _Py_c_abs, which
    # is exactly hypot() but raises on overflow where hypot() returns inf; math.hypot
    # is a different, more accurate algorithm in CPython, so it is not used.
    try:
        return abs(complex(x, y))
    except OverflowError:
        return inf


def _exp(x):
    try:
        return math.exp(x)
    except OverflowError:
        return inf


def _cosh(x):
    try:
        return math.cosh(x)
    except OverflowError:
        return inf


def _sinh(x):
    try:
        return math.sinh(x)
    except OverflowError:
        return _copysign(inf, x)


def _fdiv(a, b):
    # IEEE division: C gives inf or nan where Python raises ZeroDivisionError.
    if b == 0.0:
        if a == 0.0 or a != a:
            return nan
        return _copysign(inf, a) * _copysign(1.0, b)
    return a / b


# -- the special-value tables ------------------------------------------------------

# Classes of a double, in the order of the table rows and columns.
_ST_NINF, _ST_NEG, _ST_NZERO, _ST_PZERO, _ST_POS, _ST_PINF, _ST_NAN = range(7)


def _special_type(d):
    if _isfinite_f(d):
        if d != 0:
            return _ST_POS if _copysign(1., d) == 1. else _ST_NEG
        return _ST_PZERO if _copysign(1., d) == 1. else _ST_NZERO
    if _isnan_f(d):
        return _ST_NAN
    return _ST_PINF if d > 0 else _ST_NINF


_P = math.pi
_P14 = 0.25 * math.pi
_P12 = 0.5 * math.pi
_P34 = 0.75 * math.pi
_INF = inf
_N = nan
_U = None   # never looked up: both parts finite, handled by the formulas

# Rows: class of the real part; columns: class of the imaginary part
# (-inf, negative, -0., +0., positive, +inf, nan).
_ACOS = (
    ((_P34, _INF), (_P, _INF), (_P, _INF), (_P, -_INF), (_P, -_INF), (_P34, -_INF), (_N, _INF)),
    ((_P12, _INF), _U, _U, _U, _U, (_P12, -_INF), (_N, _N)),
    ((_P12, _INF), _U, (_P12, 0.), (_P12, -0.), _U, (_P12, -_INF), (_P12, _N)),
    ((_P12, _INF), _U, (_P12, 0.), (_P12, -0.), _U, (_P12, -_INF), (_P12, _N)),
    ((_P12, _INF), _U, _U, _U, _U, (_P12, -_INF), (_N, _N)),
    ((_P14, _INF), (0., _INF), (0., _INF), (0., -_INF), (0., -_INF), (_P14, -_INF), (_N, _INF)),
    ((_N, _INF), (_N, _N), (_N, _N), (_N, _N), (_N, _N), (_N, -_INF), (_N, _N)),
)

_ACOSH = (
    ((_INF, -_P34), (_INF, -_P), (_INF, -_P), (_INF, _P), (_INF, _P), (_INF, _P34), (_INF, _N)),
    ((_INF, -_P12), _U, _U, _U, _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, (0., -_P12), (0., _P12), _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, (0., -_P12), (0., _P12), _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, _U, _U, _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P14), (_INF, -0.), (_INF, -0.), (_INF, 0.), (_INF, 0.), (_INF, _P14), (_INF, _N)),
    ((_INF, _N), (_N, _N), (_N, _N), (_N, _N), (_N, _N), (_INF, _N), (_N, _N)),
)

_ASINH = (
    ((-_INF, -_P14), (-_INF, -0.), (-_INF, -0.), (-_INF, 0.), (-_INF, 0.), (-_INF, _P14), (-_INF, _N)),
    ((-_INF, -_P12), _U, _U, _U, _U, (-_INF, _P12), (_N, _N)),
    ((-_INF, -_P12), _U, (-0., -0.), (-0., 0.), _U, (-_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, (0., -0.), (0., 0.), _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, _U, _U, _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P14), (_INF, -0.), (_INF, -0.), (_INF, 0.), (_INF, 0.), (_INF, _P14), (_INF, _N)),
    ((_INF, _N), (_N, _N), (_N, -0.), (_N, 0.), (_N, _N), (_INF, _N), (_N, _N)),
)

_ATANH = (
    ((-0., -_P12), (-0., -_P12), (-0., -_P12), (-0., _P12), (-0., _P12), (-0., _P12), (-0., _N)),
    ((-0., -_P12), _U, _U, _U, _U, (-0., _P12), (_N, _N)),
    ((-0., -_P12), _U, (-0., -0.), (-0., 0.), _U, (-0., _P12), (-0., _N)),
    ((0., -_P12), _U, (0., -0.), (0., 0.), _U, (0., _P12), (0., _N)),
    ((0., -_P12), _U, _U, _U, _U, (0., _P12), (_N, _N)),
    ((0., -_P12), (0., -_P12), (0., -_P12), (0., _P12), (0., _P12), (0., _P12), (0., _N)),
    ((0., -_P12), (_N, _N), (_N, _N), (_N, _N), (_N, _N), (0., _P12), (_N, _N)),
)

_COSH = (
    ((_INF, _N), _U, (_INF, 0.), (_INF, -0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_N, 0.), _U, (1., 0.), (1., -0.), _U, (_N, 0.), (_N, 0.)),
    ((_N, 0.), _U, (1., -0.), (1., 0.), _U, (_N, 0.), (_N, 0.)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_INF, _N), _U, (_INF, -0.), (_INF, 0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), (_N, _N), (_N, 0.), (_N, 0.), (_N, _N), (_N, _N), (_N, _N)),
)

_EXP = (
    ((0., 0.), _U, (0., -0.), (0., 0.), _U, (0., 0.), (0., 0.)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_N, _N), _U, (1., -0.), (1., 0.), _U, (_N, _N), (_N, _N)),
    ((_N, _N), _U, (1., -0.), (1., 0.), _U, (_N, _N), (_N, _N)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_INF, _N), _U, (_INF, -0.), (_INF, 0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), (_N, _N), (_N, -0.), (_N, 0.), (_N, _N), (_N, _N), (_N, _N)),
)

_LOG = (
    ((_INF, -_P34), (_INF, -_P), (_INF, -_P), (_INF, _P), (_INF, _P), (_INF, _P34), (_INF, _N)),
    ((_INF, -_P12), _U, _U, _U, _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, (-_INF, -_P), (-_INF, _P), _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, (-_INF, -0.), (-_INF, 0.), _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P12), _U, _U, _U, _U, (_INF, _P12), (_N, _N)),
    ((_INF, -_P14), (_INF, -0.), (_INF, -0.), (_INF, 0.), (_INF, 0.), (_INF, _P14), (_INF, _N)),
    ((_INF, _N), (_N, _N), (_N, _N), (_N, _N), (_N, _N), (_INF, _N), (_N, _N)),
)

_SINH = (
    ((_INF, _N), _U, (-_INF, -0.), (-_INF, 0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((0., _N), _U, (-0., -0.), (-0., 0.), _U, (0., _N), (0., _N)),
    ((0., _N), _U, (0., -0.), (0., 0.), _U, (0., _N), (0., _N)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_INF, _N), _U, (_INF, -0.), (_INF, 0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), (_N, _N), (_N, -0.), (_N, 0.), (_N, _N), (_N, _N), (_N, _N)),
)

_SQRT = (
    ((_INF, -_INF), (0., -_INF), (0., -_INF), (0., _INF), (0., _INF), (_INF, _INF), (_N, _INF)),
    ((_INF, -_INF), _U, _U, _U, _U, (_INF, _INF), (_N, _N)),
    ((_INF, -_INF), _U, (0., -0.), (0., 0.), _U, (_INF, _INF), (_N, _N)),
    ((_INF, -_INF), _U, (0., -0.), (0., 0.), _U, (_INF, _INF), (_N, _N)),
    ((_INF, -_INF), _U, _U, _U, _U, (_INF, _INF), (_N, _N)),
    ((_INF, -_INF), (_INF, -0.), (_INF, -0.), (_INF, 0.), (_INF, 0.), (_INF, _INF), (_INF, _N)),
    ((_INF, -_INF), (_N, _N), (_N, _N), (_N, _N), (_N, _N), (_INF, _INF), (_N, _N)),
)

_TANH = (
    ((-1., 0.), _U, (-1., -0.), (-1., 0.), _U, (-1., 0.), (-1., 0.)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_N, _N), _U, (-0., -0.), (-0., 0.), _U, (_N, _N), (_N, _N)),
    ((_N, _N), _U, (0., -0.), (0., 0.), _U, (_N, _N), (_N, _N)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((1., 0.), _U, (1., -0.), (1., 0.), _U, (1., 0.), (1., 0.)),
    ((_N, _N), (_N, _N), (_N, -0.), (_N, 0.), (_N, _N), (_N, _N), (_N, _N)),
)

_RECT = (
    ((_INF, _N), _U, (-_INF, 0.), (-_INF, -0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((0., 0.), _U, (-0., 0.), (-0., -0.), _U, (0., 0.), (0., 0.)),
    ((0., 0.), _U, (0., -0.), (0., 0.), _U, (0., 0.), (0., 0.)),
    ((_N, _N), _U, _U, _U, _U, (_N, _N), (_N, _N)),
    ((_INF, _N), _U, (_INF, -0.), (_INF, 0.), _U, (_INF, _N), (_INF, _N)),
    ((_N, _N), (_N, _N), (_N, 0.), (_N, 0.), (_N, _N), (_N, _N), (_N, _N)),
)


def _special(table, x, y):
    re, im = table[_special_type(x)][_special_type(y)]
    return re, im, 0


# -- the algorithms: each takes (real, imag) and returns (real, imag, err) ----------

def _c_sqrt(x, y):
    # With x, y >= 0 the real part is s = sqrt((x + hypot(x, y))/2) and the imaginary
    # part (y/2)/s; the scalings avoid overflow for large and lost precision for
    # subnormal arguments.
    if not (_isfinite_f(x) and _isfinite_f(y)):
        return _special(_SQRT, x, y)
    if x == 0. and y == 0.:
        return 0., y, 0
    ax = _fabs(x)
    ay = _fabs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = _ldexp(ax, _SCALE_UP)
        s = _ldexp(_sqrt_f(ax + _hypot(ax, _ldexp(ay, _SCALE_UP))), _SCALE_DOWN)
    else:
        ax /= 8.
        s = 2. * _sqrt_f(ax + _hypot(ax, ay / 8.))
    d = ay / (2. * s)
    if x >= 0.:
        return s, _copysign(d, y), 0
    return d, _copysign(s, y), 0


def _c_acos(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        return _special(_ACOS, x, y)
    if _fabs(x) > _LARGE_DOUBLE or _fabs(y) > _LARGE_DOUBLE:
        re = _atan2(_fabs(y), x)
        im = -_copysign(_log_f(_hypot(x / 2., y / 2.)) + _M_LN2 * 2., y)
    else:
        s1r, s1i, _ = _c_sqrt(1. - x, -y)
        s2r, s2i, _ = _c_sqrt(1. + x, y)
        re = 2. * _atan2(s1r, s2r)
        im = _asinh_f(s2r * s1i - s2i * s1r)
    return re, im, 0


def _c_acosh(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        return _special(_ACOSH, x, y)
    if _fabs(x) > _LARGE_DOUBLE or _fabs(y) > _LARGE_DOUBLE:
        re = _log_f(_hypot(x / 2., y / 2.)) + _M_LN2 * 2.
        im = _atan2(y, x)
    else:
        s1r, s1i, _ = _c_sqrt(x - 1., y)
        s2r, s2i, _ = _c_sqrt(x + 1., y)
        re = _asinh_f(s1r * s2r + s1i * s2i)
        im = 2. * _atan2(s1i, s2r)
    return re, im, 0


def _c_asinh(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        return _special(_ASINH, x, y)
    if _fabs(x) > _LARGE_DOUBLE or _fabs(y) > _LARGE_DOUBLE:
        if y >= 0.:
            re = _copysign(_log_f(_hypot(x / 2., y / 2.)) + _M_LN2 * 2., x)
        else:
            re = -_copysign(_log_f(_hypot(x / 2., y / 2.)) + _M_LN2 * 2., -x)
        im = _atan2(y, _fabs(x))
    else:
        s1r, s1i, _ = _c_sqrt(1. + y, -x)
        s2r, s2i, _ = _c_sqrt(1. - y, x)
        re = _asinh_f(s1r * s2i - s2r * s1i)
        im = _atan2(y, s1r * s2r - s1i * s2i)
    return re, im, 0


def _c_asin(x, y):
    # asin(z) = -i asinh(iz)
    re, im, err = _c_asinh(-y, x)
    return im, -re, err


def _c_atanh(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        return _special(_ATANH, x, y)
    if x < 0.:
        # atanh(z) = -atanh(-z) reduces to a nonnegative real part
        re, im, err = _c_atanh(-x, -y)
        return -re, -im, err
    ay = _fabs(y)
    if x > _SQRT_LARGE_DOUBLE or ay > _SQRT_LARGE_DOUBLE:
        # for large abs(z), atanh(z) ~ 1/z +/- i*pi/2
        h = _hypot(x / 2., y / 2.)
        return x / 4. / h / h, _copysign(math.pi / 2., y), 0
    if x == 1. and ay < _SQRT_DBL_MIN:
        if ay == 0.:
            # C99: atanh(1 +/- 0i) is inf +/- 0i, with the divide-by-zero signal
            return inf, y, _EDOM
        re = -_log_f(_sqrt_f(ay) / _sqrt_f(_hypot(ay, 2.)))
        im = _copysign(_atan2(2., -ay) / 2, y)
        return re, im, 0
    re = _log1p_f(4. * x / ((1 - x) * (1 - x) + ay * ay)) / 4.
    im = -_atan2(-2. * y, (1 - x) * (1 + x) - ay * ay) / 2.
    return re, im, 0


def _c_atan(x, y):
    # atan(z) = -i atanh(iz)
    re, im, err = _c_atanh(-y, x)
    return im, -re, err


def _c_cosh(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        if _isinf_f(x) and _isfinite_f(y) and y != 0.:
            if x > 0:
                re = _copysign(inf, _cos_f(y))
                im = _copysign(inf, _sin_f(y))
            else:
                re = _copysign(inf, _cos_f(y))
                im = -_copysign(inf, _sin_f(y))
        else:
            re, im = _COSH[_special_type(x)][_special_type(y)]
        err = _EDOM if _isinf_f(y) and not _isnan_f(x) else 0
        return re, im, err
    if _fabs(x) > _LOG_LARGE_DOUBLE:
        # cosh(x) alone may overflow where cosh(z) does not
        x_minus_one = x - _copysign(1., x)
        re = _cos_f(y) * _cosh(x_minus_one) * math.e
        im = _sin_f(y) * _sinh(x_minus_one) * math.e
    else:
        re = _cos_f(y) * _cosh(x)
        im = _sin_f(y) * _sinh(x)
    return re, im, _ERANGE if _isinf_f(re) or _isinf_f(im) else 0


def _c_cos(x, y):
    # cos(z) = cosh(iz)
    return _c_cosh(-y, x)


def _c_sinh(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        if _isinf_f(x) and _isfinite_f(y) and y != 0.:
            if x > 0:
                re = _copysign(inf, _cos_f(y))
                im = _copysign(inf, _sin_f(y))
            else:
                re = -_copysign(inf, _cos_f(y))
                im = _copysign(inf, _sin_f(y))
        else:
            re, im = _SINH[_special_type(x)][_special_type(y)]
        err = _EDOM if _isinf_f(y) and not _isnan_f(x) else 0
        return re, im, err
    if _fabs(x) > _LOG_LARGE_DOUBLE:
        x_minus_one = x - _copysign(1., x)
        re = _cos_f(y) * _sinh(x_minus_one) * math.e
        im = _sin_f(y) * _cosh(x_minus_one) * math.e
    else:
        re = _cos_f(y) * _sinh(x)
        im = _sin_f(y) * _cosh(x)
    return re, im, _ERANGE if _isinf_f(re) or _isinf_f(im) else 0


def _c_sin(x, y):
    # sin(z) = -i sinh(iz)
    re, im, err = _c_sinh(-y, x)
    return im, -re, err


def _c_tanh(x, y):
    # tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
    # with 1-tanh(x)^2 computed as 1/cosh(x)^2, or as 4 exp(-2x) for large x.
    if not (_isfinite_f(x) and _isfinite_f(y)):
        if _isinf_f(x) and _isfinite_f(y) and y != 0.:
            re = 1.0 if x > 0 else -1.0
            im = _copysign(0., 2. * _sin_f(y) * _cos_f(y))
        else:
            re, im = _TANH[_special_type(x)][_special_type(y)]
        err = _EDOM if _isinf_f(y) and _isfinite_f(x) else 0
        return re, im, err
    if _fabs(x) > _LOG_LARGE_DOUBLE:
        re = _copysign(1., x)
        im = 4. * _sin_f(y) * _cos_f(y) * _exp(-2. * _fabs(x))
    else:
        tx = _tanh_f(x)
        ty = _tan_f(y)
        cx = 1. / _cosh(x)
        txty = tx * ty
        denom = 1. + txty * txty
        re = tx * (1. + ty * ty) / denom
        im = ((ty / denom) * cx) * cx
    return re, im, 0


def _c_tan(x, y):
    # tan(z) = -i tanh(iz)
    re, im, err = _c_tanh(-y, x)
    return im, -re, err


def _c_exp(x, y):
    if not (_isfinite_f(x) and _isfinite_f(y)):
        if _isinf_f(x) and _isfinite_f(y) and y != 0.:
            if x > 0:
                re = _copysign(inf, _cos_f(y))
                im = _copysign(inf, _sin_f(y))
            else:
                re = _copysign(0., _cos_f(y))
                im = _copysign(0., _sin_f(y))
        else:
            re, im = _EXP[_special_type(x)][_special_type(y)]
        err = _EDOM if _isinf_f(y) and (_isfinite_f(x) or (_isinf_f(x) and x > 0)) else 0
        return re, im, err
    if x > _LOG_LARGE_DOUBLE:
        l = _exp(x - 1.)
        re = l * _cos_f(y) * math.e
        im = l * _sin_f(y) * math.e
    else:
        l = _exp(x)
        re = l * _cos_f(y)
        im = l * _sin_f(y)
    return re, im, _ERANGE if _isinf_f(re) or _isinf_f(im) else 0


def _c_log(x, y):
    # The real part is log(abs(z)), rescaled when abs(z) is subnormal or would
    # overflow, and computed with log1p when abs(z) is near 1.
    if not (_isfinite_f(x) and _isfinite_f(y)):
        return _special(_LOG, x, y)
    ax = _fabs(x)
    ay = _fabs(y)
    if ax > _LARGE_DOUBLE or ay > _LARGE_DOUBLE:
        re = _log_f(_hypot(ax / 2., ay / 2.)) + _M_LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0. or ay > 0.:
            re = (_log_f(_hypot(_ldexp(ax, _DBL_MANT_DIG), _ldexp(ay, _DBL_MANT_DIG)))
                  - _DBL_MANT_DIG * _M_LN2)
        else:
            # log(+/-0 +/- 0i)
            return -inf, _atan2(y, x), _EDOM
    else:
        h = _hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am = ax if ax > ay else ay
            an = ay if ax > ay else ax
            re = _log1p_f((am - 1) * (am + 1) + an * an) / 2.
        else:
            re = _log_f(h)
    return re, _atan2(y, x), 0


def _c_log10(x, y):
    re, im, err = _c_log(x, y)
    return re / _M_LN10, im / _M_LN10, err


def _c_quot(ar, ai, br, bi):
    # CPython 3.11's complex division (_Py_c_quot), whose errno matters for log(z, base).
    abs_br = -br if br < 0 else br
    abs_bi = -bi if bi < 0 else bi
    if abs_br >= abs_bi:
        if abs_br == 0.0:
            return 0.0, 0.0, _EDOM
        ratio = bi / br
        denom = br + bi * ratio
        return _fdiv(ar + ai * ratio, denom), _fdiv(ai - ar * ratio, denom), 0
    if abs_bi >= abs_br:
        ratio = br / bi
        denom = br * ratio + bi
        return _fdiv(ar * ratio + ai, denom), _fdiv(ai * ratio - ar, denom), 0
    # at least one of br, bi is a nan
    return nan, nan, 0


# -- argument conversion -----------------------------------------------------------

def _to_float(obj):
    """A C double from a number, as PyFloat_AsDouble converts it."""
    if isinstance(obj, float):
        return obj
    if isinstance(obj, int):
        return float(obj)
    cls = type(obj)
    if hasattr(cls, '__float__'):
        result = obj.__float__()
        if not isinstance(result, float):
            raise TypeError(f'{cls.__name__}.__float__ returned non-float '
                            f'(type {type(result).__name__})')
        return result
    if hasattr(cls, '__index__'):
        return float(obj.__index__())
    raise TypeError(f'must be real number, not {cls.__name__}')


def _to_complex(obj):
    """(real, imag) of a number, as PyComplex_AsCComplex converts it."""
    if isinstance(obj, complex):
        return obj.real, obj.imag
    cls = type(obj)
    if hasattr(cls, '__complex__'):
        result = obj.__complex__()
        if not isinstance(result, complex):
            raise TypeError(f'__complex__ returned non-complex '
                            f'(type {type(result).__name__})')
        return result.real, result.imag
    return _to_float(obj), 0.0


def _one_arg(name, args, kwargs):
    # the calling convention of CPython's one-argument (METH_O) functions
    if kwargs:
        raise TypeError(f'cmath.{name}() takes no keyword arguments')
    if len(args) != 1:
        raise TypeError(f'cmath.{name}() takes exactly one argument ({len(args)} given)')
    return _to_complex(args[0])


def _result(re, im, err):
    if err == _EDOM:
        raise ValueError('math domain error')
    if err == _ERANGE:
        raise OverflowError('math range error')
    return complex(re, im)


def _make(name, algorithm, doc):
    def function(*args, **kwargs):
        x, y = _one_arg(name, args, kwargs)
        return _result(*algorithm(x, y))
    function.__name__ = name
    function.__qualname__ = name
    function.__doc__ = doc
    return function


acos = _make('acos', _c_acos, 'Return the arc cosine of z.')
acosh = _make('acosh', _c_acosh, 'Return the inverse hyperbolic cosine of z.')
asin = _make('asin', _c_asin, 'Return the arc sine of z.')
asinh = _make('asinh', _c_asinh, 'Return the inverse hyperbolic sine of z.')
atan = _make('atan', _c_atan, 'Return the arc tangent of z.')
atanh = _make('atanh', _c_atanh, 'Return the inverse hyperbolic tangent of z.')
cos = _make('cos', _c_cos, 'Return the cosine of z.')
cosh = _make('cosh', _c_cosh, 'Return the hyperbolic cosine of z.')
exp = _make('exp', _c_exp, 'Return the exponential value e**z.')
log10 = _make('log10', _c_log10, 'Return the base-10 logarithm of z.')
sin = _make('sin', _c_sin, 'Return the sine of z.')
sinh = _make('sinh', _c_sinh, 'Return the hyperbolic sine of z.')
sqrt = _make('sqrt', _c_sqrt, 'Return the square root of z.')
tan = _make('tan', _c_tan, 'Return the tangent of z.')
tanh = _make('tanh', _c_tanh, 'Return the hyperbolic tangent of z.')


def log(*args, **kwargs):
    """log(z[, base]) -> the logarithm of z to the given base.

    If the base is not specified, returns the natural logarithm (base e) of z."""
    if kwargs:
        raise TypeError('cmath.log() takes no keyword arguments')
    if not args:
        raise TypeError('log expected at least 1 argument, got 0')
    if len(args) > 2:
        raise TypeError(f'log expected at most 2 arguments, got {len(args)}')
    x, y = _to_complex(args[0])
    re, im, err = _c_log(x, y)
    if len(args) == 2:
        bx, by = _to_complex(args[1])
        # as in C, the base's log overwrites errno, and the division may set it again
        bre, bim, err = _c_log(bx, by)
        re, im, qerr = _c_quot(re, im, bre, bim)
        err = qerr or err
    return _result(re, im, err)


def phase(*args, **kwargs):
    """Return argument, also known as the phase angle, of a complex."""
    x, y = _one_arg('phase', args, kwargs)
    phi = _atan2(y, x)
    if phi == 0. and y != 0. and _isfinite_f(x):
        # glibc's atan2 sets errno to ERANGE when the result underflows to zero, and
        # CPython reports that errno
        raise OverflowError('math range error')
    return phi


def polar(*args, **kwargs):
    """Convert a complex from rectangular coordinates to polar coordinates.

    r is the distance from 0 and phi the phase angle."""
    x, y = _one_arg('polar', args, kwargs)
    phi = _atan2(y, x)
    r = _hypot(x, y)
    if _isinf_f(r) and _isfinite_f(x) and _isfinite_f(y):
        raise OverflowError('math range error')
    return r, phi


def rect(*args, **kwargs):
    """Convert from polar coordinates to rectangular coordinates."""
    if kwargs:
        raise TypeError('cmath.rect() takes no keyword arguments')
    if len(args) != 2:
        raise TypeError(f'rect expected 2 arguments, got {len(args)}')
    r = _to_float(args[0])
    phi = _to_float(args[1])
    err = 0
    if not (_isfinite_f(r) and _isfinite_f(phi)):
        # rect(r, phi) behaves like exp(log(r) + i*phi), negated for a negative r
        if _isinf_f(r) and _isfinite_f(phi) and phi != 0.:
            if r > 0:
                re = _copysign(inf, _cos_f(phi))
                im = _copysign(inf, _sin_f(phi))
            else:
                re = -_copysign(inf, _cos_f(phi))
                im = -_copysign(inf, _sin_f(phi))
        else:
            re, im = _RECT[_special_type(r)][_special_type(phi)]
        if r != 0. and not _isnan_f(r) and _isinf_f(phi):
            err = _EDOM
    elif phi == 0.0:
        # keeps the sign of a zero phi in the imaginary part
        re = r
        im = r * phi
    else:
        re = r * _cos_f(phi)
        im = r * _sin_f(phi)
    return _result(re, im, err)


def isfinite(*args, **kwargs):
    """Return True if both the real and imaginary parts of z are finite, else False."""
    x, y = _one_arg('isfinite', args, kwargs)
    return _isfinite_f(x) and _isfinite_f(y)


def isnan(*args, **kwargs):
    """Checks if the real or imaginary part of z not a number (NaN)."""
    x, y = _one_arg('isnan', args, kwargs)
    return _isnan_f(x) or _isnan_f(y)


def isinf(*args, **kwargs):
    """Checks if the real or imaginary part of z is infinite."""
    x, y = _one_arg('isinf', args, kwargs)
    return _isinf_f(x) or _isinf_f(y)


_ISCLOSE_PARAMS = ('a', 'b', 'rel_tol', 'abs_tol')


def isclose(*args, **kwargs):
    """isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)

    Determine whether two complex numbers are close in value.

    Return True if a is close in value to b, and False otherwise.

    For the values to be considered close, the difference between them must be
    smaller than at least one of the tolerances.

    -inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is
    not close to anything, even itself. inf and -inf are only close to themselves."""
    # argument parsing with the messages of CPython's argument clinic
    if len(args) > 2:
        raise TypeError(f'isclose() takes exactly 2 positional arguments ({len(args)} given)')
    for key in kwargs:
        if key not in _ISCLOSE_PARAMS:
            raise TypeError(f"'{key}' is an invalid keyword argument for isclose()")
    values = list(args)
    for pos in range(len(args), 2):
        name = _ISCLOSE_PARAMS[pos]
        if name not in kwargs:
            raise TypeError(f"isclose() missing required argument '{name}' (pos {pos + 1})")
        values.append(kwargs[name])
    for pos in range(len(args)):
        name = _ISCLOSE_PARAMS[pos]
        if name in kwargs:
            raise TypeError(f"argument for isclose() given by name ('{name}') "
                            f"and position ({pos + 1})")
    ar, ai = _to_complex(values[0])
    br, bi = _to_complex(values[1])
    rel_tol = _to_float(kwargs['rel_tol']) if 'rel_tol' in kwargs else 1e-09
    abs_tol = _to_float(kwargs['abs_tol']) if 'abs_tol' in kwargs else 0.0

    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if ar == br and ai == bi:
        # exact equality, which also covers two infinities of the same sign
        return True
    if _isinf_f(ar) or _isinf_f(ai) or _isinf_f(br) or _isinf_f(bi):
        # an infinity and a finite number, or infinities of opposite sign
        return False
    diff = _hypot(ar - br, ai - bi)
    return (diff <= rel_tol * _hypot(br, bi) or diff <= rel_tol * _hypot(ar, ai)
            or diff <= abs_tol)
