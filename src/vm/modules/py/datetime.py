"""Dates and times (refscope's datetime module): date, time, datetime, timedelta, tzinfo
and timezone as CPython 3.11 has them, with the same reprs, str forms, arithmetic,
comparisons, range checks and error messages, isoformat/fromisoformat (3.11's extended
formats), strftime/strptime for the usual directives (English names, the C locale) and
isocalendar/fromisocalendar.

refscope's `time` module has time.time() but no local-time conversion, so the local zone
is taken to be UTC: now(), today(), fromtimestamp() and the timestamp() of a naive
datetime all work in UTC (as python3 does on a machine whose TZ is UTC).
"""

import math as _math
import time as _time
from operator import index as _index

__all__ = ['date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo',
           'MINYEAR', 'MAXYEAR', 'UTC']

MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 10 ** 6
_US_PER_DAY = 86400 * _US_PER_SECOND
_MAX_DAYS = 999999999
_MAX_ORDINAL = 3652059

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0]
for _n in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_DAYS_BEFORE_MONTH[-1] + _n)
del _n

_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
                'August', 'September', 'October', 'November', 'December']
_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
              'Sunday']


# ---------------------------------------------------------------- calendar arithmetic

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month - 1] + (month > 2 and _is_leap(year))


def _ymd_to_ordinal(year, month, day):
    """Day number of a date, 1 for 0001-01-01."""
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ordinal_to_ymd(n):
    """(year, month, day) of a day number (inverse of _ymd_to_ordinal)."""
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while month < 12 and n >= _days_before_month(year, month + 1):
        month += 1
    return year, month, n - _days_before_month(year, month) + 1


def _iso_week1_monday(year):
    first = _ymd_to_ordinal(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


# ---------------------------------------------------------------- shared helpers

_OWN_TYPES = []


def _type_name(obj):
    """The type name CPython's messages use: 'datetime.date' for the module's own types."""
    cls = type(obj)
    if cls in _OWN_TYPES:
        return 'datetime.' + cls.__name__
    return cls.__name__


def _repr_prefix(obj):
    cls = type(obj)
    if cls in _OWN_TYPES:
        return 'datetime.' + cls.__name__
    return cls.__name__


def _is_builtin(obj):
    """A builtin or one of this module's own types: CPython's message is final."""
    return type(obj).__module__ == 'builtins' or type(obj) in _OWN_TYPES


def _unsupported(op, left, right):
    raise TypeError(f"unsupported operand type(s) for {op}: "
                    f"'{_type_name(left)}' and '{_type_name(right)}'")


def _no_order(op, left, right):
    if _is_builtin(right):
        raise TypeError(f"'{op}' not supported between instances of "
                        f"'{_type_name(left)}' and '{_type_name(right)}'")
    return NotImplemented


def _frozen_setattr(self, name, value):
    """These objects are immutable: their fields are read-only properties."""
    cls = type(self)
    if isinstance(getattr(cls, name, None), property):
        if isinstance(self, timedelta):
            raise AttributeError('readonly attribute')
        owner = cls
        for klass in cls.__mro__:
            if name in klass.__dict__:
                owner = klass
                break
        owner_name = owner.__name__
        if owner in _OWN_TYPES:
            owner_name = 'datetime.' + owner_name
        raise AttributeError(f"attribute '{name}' of '{owner_name}' objects "
                             f"is not writable")
    if cls in _OWN_TYPES:
        raise AttributeError(f"'{_type_name(self)}' object has no attribute '{name}'")
    object.__setattr__(self, name, value)


def _missing_attribute(self, name):
    raise AttributeError(f"'{_type_name(self)}' object has no attribute '{name}'")


def _c_round(x):
    """C's round(): halves go away from zero."""
    ax = abs(x)
    r = _math.floor(ax)
    if ax - r >= 0.5:
        r += 1
    return _math.copysign(r, x)


def _divide_nearest(a, b):
    """a / b rounded to the nearest int, halves to even."""
    if b < 0:
        a, b = -a, -b
    q, r = divmod(a, b)
    r2 = 2 * r
    if r2 > b or (r2 == b and q % 2 == 1):
        q += 1
    return q


def _check_int_field(value):
    if isinstance(value, int):
        return int(value)
    return _index(value)


def _check_date_fields(year, month, day):
    year = _check_int_field(year)
    month = _check_int_field(month)
    day = _check_int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _check_int_field(hour)
    minute = _check_int_field(minute)
    second = _check_int_field(second)
    microsecond = _check_int_field(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, int(fold)


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, "
                        f"not type '{_type_name(tz)}'")


def _missing(name, pos):
    raise TypeError(f"function missing required argument '{name}' (pos {pos})")


def _check_offset(method, offset):
    """Validate what a tzinfo's utcoffset() or dst() returned."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{method}() must return None or timedelta, "
                        f"not '{_type_name(offset)}'")
    if not -_ONE_DAY < offset < _ONE_DAY:
        raise ValueError(f"offset must be a timedelta strictly between "
                         f"-timedelta(hours=24) and timedelta(hours=24), "
                         f"not {offset!r}.")
    return offset


def _call_tzname(tz, dt):
    if tz is None:
        return None
    name = tz.tzname(dt)
    if name is not None and not isinstance(name, str):
        raise TypeError(f"tzinfo.tzname() must return None or a string, "
                        f"not '{_type_name(name)}'")
    return name


def _format_offset(offset, sep=':'):
    """'+05:30' (and ':SS', '.ffffff' when needed) for a timedelta; '' for None."""
    if offset is None:
        return ''
    total = offset._total_us()
    sign = '+'
    if total < 0:
        sign = '-'
        total = -total
    hours, total = divmod(total, 3600 * _US_PER_SECOND)
    minutes, total = divmod(total, 60 * _US_PER_SECOND)
    seconds, micro = divmod(total, _US_PER_SECOND)
    text = f'{sign}{hours:02d}{sep}{minutes:02d}'
    if seconds or micro:
        text += f'{sep}{seconds:02d}'
        if micro:
            text += f'.{micro:06d}'
    return text


_TIMESPECS = ('auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds')


def _format_time(hour, minute, second, micro, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if micro else 'seconds'
    if timespec == 'hours':
        return f'{hour:02d}'
    if timespec == 'minutes':
        return f'{hour:02d}:{minute:02d}'
    if timespec == 'seconds':
        return f'{hour:02d}:{minute:02d}:{second:02d}'
    if timespec == 'milliseconds':
        return f'{hour:02d}:{minute:02d}:{second:02d}.{micro // 1000:03d}'
    if timespec == 'microseconds':
        return f'{hour:02d}:{minute:02d}:{second:02d}.{micro:06d}'
    raise ValueError('Unknown timespec value')


def _check_timespec(timespec):
    if not isinstance(timespec, str):
        raise TypeError(f"isoformat() argument 'timespec' must be str, "
                        f"not {_type_name(timespec)}")
    if timespec not in _TIMESPECS:
        raise ValueError('Unknown timespec value')


# ---------------------------------------------------------------- strftime

def _strftime(fmt, fields, tz_owner):
    """Expand strftime directives; fields = (y, m, d, H, M, S, us); tz_owner is the
    object whose utcoffset()/tzname() give %z/%Z (None for a date)."""
    y, mo, d, hh, mi, ss, us = fields
    ordinal = _ymd_to_ordinal(y, mo, d)
    weekday = (ordinal + 6) % 7            # Monday is 0
    yday = ordinal - _ymd_to_ordinal(y, 1, 1)  # 0-based
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%':
            out.append(c)
            continue
        if i >= n:
            out.append('%')
            break
        c = fmt[i]
        i += 1
        out.append(_directive(c, y, mo, d, hh, mi, ss, us, weekday, yday, tz_owner))
    return ''.join(out)


def _iso_calendar(y, mo, d):
    ordinal = _ymd_to_ordinal(y, mo, d)
    week1 = _iso_week1_monday(y)
    year = y
    if ordinal < week1:
        year -= 1
        week1 = _iso_week1_monday(year)
    elif y < MAXYEAR + 1 and ordinal >= _iso_week1_monday(y + 1):
        year += 1
        week1 = _iso_week1_monday(year)
    week, day = divmod(ordinal - week1, 7)
    return year, week + 1, day + 1


def _directive(c, y, mo, d, hh, mi, ss, us, weekday, yday, tz_owner):
    if c == 'Y':
        return str(y)
    if c == 'm':
        return f'{mo:02d}'
    if c == 'd':
        return f'{d:02d}'
    if c == 'e':
        return f'{d:2d}'
    if c == 'H':
        return f'{hh:02d}'
    if c == 'M':
        return f'{mi:02d}'
    if c == 'S':
        return f'{ss:02d}'
    if c == 'f':
        return f'{us:06d}'
    if c == 'y':
        return f'{y % 100:02d}'
    if c == 'C':
        return str(y // 100)
    if c == 'b' or c == 'h':
        return _MONTH_NAMES[mo - 1][:3]
    if c == 'B':
        return _MONTH_NAMES[mo - 1]
    if c == 'a':
        return _DAY_NAMES[weekday][:3]
    if c == 'A':
        return _DAY_NAMES[weekday]
    if c == 'j':
        return f'{yday + 1:03d}'
    if c == 'p':
        return 'AM' if hh < 12 else 'PM'
    if c == 'I':
        return f'{(hh + 11) % 12 + 1:02d}'
    if c == 'w':
        return str((weekday + 1) % 7)
    if c == 'u':
        return str(weekday + 1)
    if c == 'U':
        return f'{(yday + 7 - (weekday + 1) % 7) // 7:02d}'
    if c == 'W':
        return f'{(yday + 7 - weekday) // 7:02d}'
    if c == 'G':
        return str(_iso_calendar(y, mo, d)[0])
    if c == 'V':
        return f'{_iso_calendar(y, mo, d)[1]:02d}'
    if c == 'c':
        return (f'{_DAY_NAMES[weekday][:3]} {_MONTH_NAMES[mo - 1][:3]} {d:2d} '
                f'{hh:02d}:{mi:02d}:{ss:02d} {y}')
    if c == 'x' or c == 'D':
        return f'{mo:02d}/{d:02d}/{y % 100:02d}'
    if c == 'X' or c == 'T':
        return f'{hh:02d}:{mi:02d}:{ss:02d}'
    if c == 'R':
        return f'{hh:02d}:{mi:02d}'
    if c == 'F':
        return f'{y}-{mo:02d}-{d:02d}'
    if c == 'n':
        return '\n'
    if c == 't':
        return '\t'
    if c == '%':
        return '%'
    if c == 'z':
        if tz_owner is None:
            return ''
        return _format_offset(tz_owner.utcoffset(), '')
    if c == 'Z':
        if tz_owner is None:
            return ''
        name = tz_owner.tzname()
        return '' if name is None else name
    return '%' + c


def _ctime(y, mo, d, hh, mi, ss):
    weekday = (_ymd_to_ordinal(y, mo, d) + 6) % 7
    return (f'{_DAY_NAMES[weekday][:3]} {_MONTH_NAMES[mo - 1][:3]} {d:2d} '
            f'{hh:02d}:{mi:02d}:{ss:02d} {y:04d}')


def _check_format_arg(fmt, what):
    if not isinstance(fmt, str):
        raise TypeError(f'{what} argument 1 must be str, not {_type_name(fmt)}')


# ---------------------------------------------------------------- timedelta

_ACCUM_ORDER = (('microseconds', 1), ('milliseconds', 1000),
                ('seconds', _US_PER_SECOND), ('minutes', 60 * _US_PER_SECOND),
                ('hours', 3600 * _US_PER_SECOND), ('days', _US_PER_DAY),
                ('weeks', 7 * _US_PER_DAY))


def _struct_time(y, m, d, hh, mm, ss, isdst):
    """The time.struct_time of a date and a time of day (timetuple())."""
    weekday = (_ymd_to_ordinal(y, m, d) + 6) % 7
    yday = _ymd_to_ordinal(y, m, d) - _ymd_to_ordinal(y, 1, 1) + 1
    return _time.struct_time((y, m, d, hh, mm, ss, weekday, yday, isdst))


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    __slots__ = ('_days', '_seconds', '_microseconds')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        given = {'days': days, 'seconds': seconds, 'microseconds': microseconds,
                 'milliseconds': milliseconds, 'minutes': minutes, 'hours': hours,
                 'weeks': weeks}
        total = 0
        leftover = 0.0
        for name, factor in _ACCUM_ORDER:
            value = given[name]
            if isinstance(value, int):
                total += int(value) * factor
            elif isinstance(value, float):
                frac, whole = _math.modf(value)
                total += int(whole) * factor
                if frac:
                    frac, whole = _math.modf(frac * float(factor))
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError(f'unsupported type for timedelta {name} component: '
                                f'{_type_name(value)}')
        if leftover:
            whole = _c_round(leftover)
            if abs(whole - leftover) == 0.5:
                odd = total & 1
                whole = 2.0 * _c_round((leftover + odd) * 0.5) - odd
            total += int(whole)
        return cls._from_us(total)

    @classmethod
    def _from_us(cls, total):
        days, rest = divmod(total, _US_PER_DAY)
        seconds, micro = divmod(rest, _US_PER_SECOND)
        if abs(days) > _MAX_DAYS:
            if abs(days) >= 2 ** 31:
                raise OverflowError('Python int too large to convert to C int')
            raise OverflowError(f'days={days}; must have magnitude <= {_MAX_DAYS}')
        self = object.__new__(cls if cls is not None else timedelta)
        object.__setattr__(self, '_days', days)
        object.__setattr__(self, '_seconds', seconds)
        object.__setattr__(self, '_microseconds', micro)
        return self

    def _total_us(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    __setattr__ = _frozen_setattr
    __getattr__ = _missing_attribute

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._total_us() / _US_PER_SECOND

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f'days={self._days}')
        if self._seconds:
            parts.append(f'seconds={self._seconds}')
        if self._microseconds:
            parts.append(f'microseconds={self._microseconds}')
        return f"{_repr_prefix(self)}({', '.join(parts) or '0'})"

    def __str__(self):
        minutes, secs = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f'{hours}:{minutes:02d}:{secs:02d}'
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            text = f'{self._days} day{plural}, {text}'
        if self._microseconds:
            text += f'.{self._microseconds:06d}'
        return text

    # arithmetic
    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._total_us() + other._total_us())
        if isinstance(other, date):
            return NotImplemented       # date.__radd__ does timedelta + date
        if _is_builtin(other):
            _unsupported('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._total_us() + other._total_us())
        if _is_builtin(other):
            _unsupported('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._total_us() - other._total_us())
        if _is_builtin(other):
            _unsupported('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(other._total_us() - self._total_us())
        if _is_builtin(other):
            _unsupported('-', other, self)
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._total_us())

    def __pos__(self):
        return timedelta._from_us(self._total_us())

    def __abs__(self):
        return timedelta._from_us(abs(self._total_us()))

    def _times(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._total_us() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._from_us(_divide_nearest(self._total_us() * num, den))
        return None

    def __mul__(self, other):
        result = self._times(other)
        if result is not None:
            return result
        if isinstance(other, (str, list, tuple, bytes, bytearray)):
            raise TypeError(f"can't multiply sequence by non-int of type "
                            f"'{_type_name(self)}'")
        if not _is_builtin(other):
            return NotImplemented
        _unsupported('*', self, other)

    def __rmul__(self, other):
        result = self._times(other)
        if result is not None:
            return result
        if isinstance(other, (str, list, tuple, bytes, bytearray)):
            raise TypeError(f"can't multiply sequence by non-int of type "
                            f"'{_type_name(self)}'")
        if not _is_builtin(other):
            return NotImplemented
        _unsupported('*', other, self)

    def __truediv__(self, other):
        us = self._total_us()
        if isinstance(other, timedelta):
            den = other._total_us()
            if den == 0:
                raise ZeroDivisionError('division by zero')
            return us / den
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(_divide_nearest(us, int(other)))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            if num == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(_divide_nearest(us * den, num))
        if _is_builtin(other):
            _unsupported('/', self, other)
        return NotImplemented

    def __rtruediv__(self, other):
        if _is_builtin(other):
            _unsupported('/', other, self)
        return NotImplemented

    def __floordiv__(self, other):
        us = self._total_us()
        if isinstance(other, timedelta):
            den = other._total_us()
            if den == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return us // den
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(us // other)
        if _is_builtin(other):
            _unsupported('//', self, other)
        return NotImplemented

    def __rfloordiv__(self, other):
        if _is_builtin(other):
            _unsupported('//', other, self)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            den = other._total_us()
            if den == 0:
                raise ZeroDivisionError('integer modulo by zero')
            return timedelta._from_us(self._total_us() % den)
        if _is_builtin(other):
            _unsupported('%', self, other)
        return NotImplemented

    def __rmod__(self, other):
        if _is_builtin(other):
            _unsupported('%', other, self)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            den = other._total_us()
            if den == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._total_us(), den)
            return q, timedelta._from_us(r)
        if _is_builtin(other):
            _unsupported('divmod()', self, other)
        return NotImplemented

    def __rdivmod__(self, other):
        if _is_builtin(other):
            _unsupported('divmod()', other, self)
        return NotImplemented

    # comparisons
    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return _no_order('<', self, other)

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return _no_order('<=', self, other)

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return _no_order('>', self, other)

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return _no_order('>=', self, other)

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._key())


_OWN_TYPES.append(timedelta)
timedelta.min = timedelta(-_MAX_DAYS)
timedelta.max = timedelta(days=_MAX_DAYS, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)
_ONE_DAY = timedelta(1)
_ZERO = timedelta(0)


# ---------------------------------------------------------------- ISO 8601 parsing

def _digits(s, pos, count):
    """The int of s[pos:pos+count] if those are all ASCII digits, else None."""
    if pos + count > len(s):
        return None
    value = 0
    for k in range(pos, pos + count):
        c = s[k]
        if not '0' <= c <= '9':
            return None
        value = value * 10 + ord(c) - 48
    return value


def _iso_to_ymd(year, week, day):
    """(year, month, day) of an ISO calendar date, with fromisocalendar's messages."""
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'Year is out of range: {year}')
    if not 0 < week < 53:
        ok = False
        if week == 53:
            first = (_ymd_to_ordinal(year, 1, 1) + 6) % 7
            ok = first == 3 or (first == 2 and _is_leap(year))
        if not ok:
            raise ValueError(f'Invalid week: {week}')
    if not 0 < day < 8:
        raise ValueError(f'Invalid day: {day} (range is [1, 7])')
    return _ordinal_to_ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)


def _parse_iso_date(s, length):
    """(y, m, d) from s[:length] (s is a byte-per-char string), or None."""
    s = s[:length] + '\0'
    year = _digits(s, 0, 4)
    if year is None:
        return None
    pos = 4
    sep = s[pos] == '-'
    if sep:
        pos += 1
    if s[pos] == 'W':
        pos += 1
        week = _digits(s, pos, 2)
        if week is None:
            return None
        pos += 2
        day = 1
        if pos < length:
            if sep:
                if s[pos] != '-':
                    return None
                pos += 1
            day = _digits(s, pos, 1)
            if day is None:
                return None
        try:
            return _iso_to_ymd(year, week, day)
        except ValueError:
            return None
    month = _digits(s, pos, 2)
    if month is None:
        return None
    pos += 2
    if sep:
        if s[pos] != '-':
            return None
        pos += 1
    day = _digits(s, pos, 2)
    if day is None:
        return None
    return year, month, day


def _parse_hms(s, start, end):
    """(status, [h, m, s, us]) for s[start:end] as C's parse_hh_mm_ss_ff: status 0 when
    the whole part was used, 1 when text remains, negative on a syntax error."""
    vals = [0, 0, 0, 0]
    p = start
    sep = True
    i = 0
    while i < 3:
        v = _digits(s, p, 2)
        if v is None:
            return -3, vals
        vals[i] = v
        p += 2
        c = s[p] if p < len(s) else '\0'
        p += 1
        if i == 0:
            sep = c == ':'
        if p >= end:
            return (1 if c != '\0' else 0), vals
        if sep and c == ':':
            i += 1
            continue
        if c == '.' or c == ',':
            break
        if not sep:
            p -= 1
        else:
            return -4, vals
        i += 1
    remains = end - p
    count = 6 if remains >= 6 else remains
    v = _digits(s, p, count) if count > 0 else 0
    if v is None:
        return -3, vals
    if count < 6:
        v *= 10 ** (6 - count)
    vals[3] = v
    p += count
    while p < len(s) and '0' <= s[p] <= '9':
        p += 1
    return (1 if p < len(s) and s[p] != '\0' else 0), vals


def _parse_iso_time(s, start, end):
    """(h, m, s, us, tz) from s[start:end], or None when malformed; s is padded with
    '\0' past end (C reads the terminating NUL)."""
    tzpos = start
    while True:
        c = s[tzpos] if tzpos < end else '\0'
        if c in 'Z+-' and c != '\0':
            break
        tzpos += 1
        if tzpos >= end:
            break
    status, vals = _parse_hms(s, start, tzpos)
    if status < 0:
        return None
    if tzpos >= end:
        if status == 1:
            return None
        return vals + [None]
    if s[tzpos] == 'Z':
        if tzpos + 1 < end:
            return None
        return vals + [timezone.utc]
    sign = -1 if s[tzpos] == '-' else 1
    status, tzvals = _parse_hms(s, tzpos + 1, end)
    if status != 0:
        return None
    seconds = sign * (tzvals[0] * 3600 + tzvals[1] * 60 + tzvals[2])
    micro = sign * tzvals[3]
    if seconds == 0:
        # C checks only the whole seconds: '+00:00:00.5' gives timezone.utc too.
        return vals + [timezone.utc]
    return vals + [timezone(timedelta(seconds=seconds, microseconds=micro))]


def _iso_separator(s):
    """Where the date part of a datetime string ends (C's guess), or -1."""
    n = len(s)
    if n == 7:
        return 7
    if s[4] == '-':
        if s[5] == 'W':
            if n < 8:
                return -1
            if n > 8 and s[8] == '-':
                if n == 9:
                    return -1
                if n > 10 and '0' <= s[10] <= '9':
                    return 8
                return 10
            return 8
        return 10
    if s[4] == 'W':
        idx = 7
        while idx < n and '0' <= s[idx] <= '9':
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


def _iso_bytes(text):
    """text as one char per UTF-8 byte (C parses the UTF-8 bytes)."""
    if not isinstance(text, str):
        raise TypeError('fromisoformat: argument must be str')
    try:
        return text.encode('utf-8').decode('latin-1')
    except UnicodeError:
        raise ValueError(f'Invalid isoformat string: {text!r}') from None


# ---------------------------------------------------------------- strptime

_NAME_ALTS = {
    'a': sorted([n[:3].lower() for n in _DAY_NAMES], key=len, reverse=True),
    'A': sorted([n.lower() for n in _DAY_NAMES], key=len, reverse=True),
    'b': sorted([n[:3].lower() for n in _MONTH_NAMES], key=len, reverse=True),
    'B': sorted([n.lower() for n in _MONTH_NAMES], key=len, reverse=True),
    'p': ['am', 'pm'],
    'Z': ['utc', 'gmt'],
}

_D = 'D'  # stands for regex \d (any Unicode decimal digit)
_NZ = '123456789'
_DIGIT_ALTS = {
    'd': [['3', '01'], ['12', _D], ['0', _NZ], [_NZ], [' ', _NZ]],
    'H': [['2', '0123'], ['01', _D], [_D]],
    'I': [['1', '012'], ['0', _NZ], [_NZ]],
    'G': [[_D, _D, _D, _D]],
    'Y': [[_D, _D, _D, _D]],
    'y': [[_D, _D]],
    'j': [['3', '6', '0123456'], ['3', '012345', _D], ['12', _D, _D],
          ['0', _NZ, _D], ['0', '0', _NZ], [_NZ, _D], ['0', _NZ], [_NZ]],
    'm': [['1', '012'], ['0', _NZ], [_NZ]],
    'M': [['012345', _D], [_D]],
    'S': [['6', '01'], ['012345', _D], [_D]],
    'U': [['5', '0123'], ['01234', _D], [_D]],
    'W': [['5', '0123'], ['01234', _D], [_D]],
    'w': [['0123456']],
    'u': [['1234567']],
    'V': [['5', '0123'], ['0', _NZ], ['1234', _D], [_D]],
    'f': [['0123456789'] * k for k in range(6, 0, -1)],
}

_LOCALE_FORMATS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_REGEX_SPECIALS = '\\.^$*+?(){}[]|'


def _compile_strptime(fmt):
    """The format as a list of tokens: ('lit', c), ('ws',), ('dir', c)."""
    tokens = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError(f"stray % in format '{fmt}'")
            d = fmt[i + 1]
            i += 2
            if d.isspace() or d in _REGEX_SPECIALS:
                raise ValueError(f"'%' is a bad directive in format '{fmt}'")
            if d in _LOCALE_FORMATS:
                tokens.extend(_compile_strptime(_LOCALE_FORMATS[d]))
            elif d == '%':
                tokens.append(('lit', '%'))
            elif d in _DIGIT_ALTS or d in _NAME_ALTS or d == 'z':
                tokens.append(('dir', d))
            else:
                raise ValueError(f"'{d}' is a bad directive in format '{fmt}'")
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            tokens.append(('ws',))
        else:
            tokens.append(('lit', c))
            i += 1
    return tokens


def _class_match(cls, c):
    if cls == _D:
        return c.isdecimal()
    return c in cls


def _digit_ends(alts, s, pos):
    for alt in alts:
        end = pos + len(alt)
        if end > len(s):
            continue
        ok = True
        for k, cls in enumerate(alt):
            if not _class_match(cls, s[pos + k]):
                ok = False
                break
        if ok:
            yield end


def _name_ends(names, s, pos):
    for name in names:
        end = pos + len(name)
        if s[pos:end].lower() == name:
            yield end


def _tz_ends(s, pos):
    """Ends of [+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|Z in regex order."""
    n = len(s)

    def dec(k):
        return k < n and s[k].isdecimal()

    def sixty(k):
        return k + 1 < n and s[k] in '012345' and s[k + 1].isdecimal()

    if pos < n and s[pos] in '+-' and dec(pos + 1) and dec(pos + 2):
        p = pos + 3
        colon_options = [p + 1, p] if p < n and s[p] == ':' else [p]
        for q in colon_options:
            if not sixty(q):
                continue
            q += 2
            seconds_options = [q + 1, q] if q < n and s[q] == ':' else [q]
            for r in seconds_options:
                if sixty(r):
                    r += 2
                    if r < n and s[r] == '.':
                        k = r + 1
                        while k < n and k < r + 7 and s[k].isdecimal():
                            k += 1
                        for e in range(k, r + 1, -1):
                            yield e
                    yield r
            yield q
    if pos < n and s[pos] == 'Z':
        yield pos + 1


def _match_tokens(tokens, k, s, pos, found):
    """Backtracking match of tokens[k:] at s[pos:], regex alternative order. Returns
    the end position (found filled with the directive texts) or -1."""
    if k == len(tokens):
        return pos
    token = tokens[k]
    kind = token[0]
    if kind == 'lit':
        if pos < len(s) and s[pos].lower() == token[1].lower():
            return _match_tokens(tokens, k + 1, s, pos + 1, found)
        return -1
    if kind == 'ws':
        end = pos
        while end < len(s) and s[end].isspace():
            end += 1
        for e in range(end, pos, -1):
            r = _match_tokens(tokens, k + 1, s, e, found)
            if r >= 0:
                return r
        return -1
    d = token[1]
    if d == 'z':
        ends = _tz_ends(s, pos)
    elif d in _NAME_ALTS:
        ends = _name_ends(_NAME_ALTS[d], s, pos)
    else:
        ends = _digit_ends(_DIGIT_ALTS[d], s, pos)
    for e in ends:
        found.append((d, s[pos:e]))
        r = _match_tokens(tokens, k + 1, s, e, found)
        if r >= 0:
            return r
        found.pop()
    return -1


def _julian_from_week(year, week, weekday, monday_first):
    first = date(year, 1, 1).weekday()
    if not monday_first:
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    if week == 0:
        return 1 + weekday - first
    return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday


def _strptime(cls, text, fmt):
    if not isinstance(text, str):
        raise TypeError(f'strptime() argument 1 must be str, not {_type_name(text)}')
    if not isinstance(fmt, str):
        raise TypeError(f'strptime() argument 2 must be str, not {_type_name(fmt)}')
    tokens = _compile_strptime(fmt)
    found = []
    end = _match_tokens(tokens, 0, text, 0, found)
    if end < 0:
        raise ValueError(f'time data {text!r} does not match format {fmt!r}')
    if end != len(text):
        raise ValueError(f'unconverted data remains: {text[end:]}')
    values = {}
    for key, value in found:
        values[key] = value
    year = iso_year = iso_week = week = week_start = weekday = julian = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    for key, value in values.items():
        low = value.lower()
        if key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(value)
        elif key == 'G':
            iso_year = int(value)
        elif key == 'm':
            month = int(value)
        elif key == 'B':
            month = [n.lower() for n in _MONTH_NAMES].index(low) + 1
        elif key == 'b':
            month = [n[:3].lower() for n in _MONTH_NAMES].index(low) + 1
        elif key == 'd':
            day = int(value)
        elif key == 'H':
            hour = int(value)
        elif key == 'I':
            hour = int(value)
            ampm = values.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm' and hour != 12:
                hour += 12
        elif key == 'M':
            minute = int(value)
        elif key == 'S':
            second = int(value)
        elif key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif key == 'A':
            weekday = [n.lower() for n in _DAY_NAMES].index(low)
        elif key == 'a':
            weekday = [n[:3].lower() for n in _DAY_NAMES].index(low)
        elif key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(value) - 1
        elif key == 'j':
            julian = int(value)
        elif key in ('U', 'W'):
            week = int(value)
            week_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(value)
        elif key == 'z':
            z = value
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError(f'Inconsistent use of : in {value}')
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = hours * 3600 + minutes * 60 + seconds
                rest = z[8:]
                gmtoff_fraction = int(rest + '0' * (6 - len(rest)))
                if z.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive ('%A', '%a', "
                             "'%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with "
                             "ISO year directive '%G'. Use '%Y' instead.")
    elif week is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive ('%A', '%a', "
                             "'%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")
    leap_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week is not None:
            julian = _julian_from_week(year, week, weekday, week_start == 0)
        elif iso_year is not None and iso_week is not None:
            correction = date(iso_year, 1, 4).isoweekday() + 3
            ordinal = iso_week * 7 + weekday + 1 - correction
            if ordinal < 1:
                ordinal += date(iso_year, 1, 1).toordinal()
                iso_year -= 1
                ordinal -= date(iso_year, 1, 1).toordinal()
            year, julian = iso_year, ordinal
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        date(year, month, day)
    else:
        result = date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())
        year, month, day = result._year, result._month, result._day
    if leap_fix:
        year = 1900
    args = [year, month, day, hour, minute, second, fraction]
    if gmtoff is not None:
        delta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        name = values.get('Z')
        args.append(timezone(delta, name) if name else timezone(delta))
    return cls(*args)


# ---------------------------------------------------------------- date

class date:
    """A calendar date: date(year, month, day)."""

    __slots__ = ('_year', '_month', '_day')

    def __new__(cls, year=None, month=None, day=None):
        if year is None:
            _missing('year', 1)
        if month is None:
            _missing('month', 2)
        if day is None:
            _missing('day', 3)
        year, month, day = _check_date_fields(year, month, day)
        return cls._make(year, month, day)

    @classmethod
    def _make(cls, year, month, day):
        self = object.__new__(cls)
        object.__setattr__(self, '_year', year)
        object.__setattr__(self, '_month', month)
        object.__setattr__(self, '_day', day)
        return self

    @classmethod
    def _new_like(cls, year, month, day):
        """An instance of cls (a subclass gets its constructor called)."""
        if cls is date:
            return date._make(year, month, day)
        if cls is datetime:
            return datetime._make_dt(year, month, day, 0, 0, 0, 0, None, 0)
        return cls(year, month, day)

    __setattr__ = _frozen_setattr
    __getattr__ = _missing_attribute

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    # constructors
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        seconds, _ = _split_timestamp(t, False)
        y, m, d = _ordinal_to_ymd(_UNIX_EPOCH_ORDINAL + seconds // 86400)
        return cls._new_like(*_check_date_fields(y, m, d))

    @classmethod
    def fromordinal(cls, n):
        n = _check_int_field(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        if n > _MAX_ORDINAL:
            raise ValueError(f'year {_ordinal_to_ymd(n)[0]} is out of range')
        return cls._new_like(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, text):
        s = _iso_bytes(text)
        ymd = None
        if len(s) in (7, 8, 10):
            ymd = _parse_iso_date(s, len(s))
        if ymd is None:
            raise ValueError(f'Invalid isoformat string: {text!r}')
        return cls._new_like(*_check_date_fields(*ymd))

    @classmethod
    def fromisocalendar(cls, year, week, day):
        year = _check_int_field(year)
        week = _check_int_field(week)
        day = _check_int_field(day)
        return cls._new_like(*_check_date_fields(*_iso_to_ymd(year, week, day)))

    # queries
    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        return _IsoCalendarDate(*_iso_calendar(self._year, self._month, self._day))

    def timetuple(self):
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    # formatting
    def __repr__(self):
        return f'{_repr_prefix(self)}({self._year}, {self._month}, {self._day})'

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        return _ctime(self._year, self._month, self._day, *self._clock())

    def strftime(self, fmt):
        _check_format_arg(fmt, 'strftime()')
        return _strftime(fmt, (self._year, self._month, self._day, 0, 0, 0, 0), None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'format() argument 2 must be str, not {_type_name(fmt)}')
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    # arithmetic
    def _shift(self, days):
        n = self.toordinal() + days
        if not 1 <= n <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        return type(self)._new_like(*_ordinal_to_ymd(n))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shift(other._days)
        if _is_builtin(other):
            _unsupported('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._shift(other._days)
        if _is_builtin(other):
            _unsupported('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shift(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        if _is_builtin(other) or isinstance(other, date):
            _unsupported('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _is_builtin(other):
            _unsupported('-', other, self)
        return NotImplemented

    # comparisons
    def _clock(self):
        return 0, 0, 0

    def _date_key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if self._comparable(other):
            return self._date_key() == other._date_key()
        return NotImplemented

    def __ne__(self, other):
        if self._comparable(other):
            return self._date_key() != other._date_key()
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._date_key() < other._date_key()
        return _no_order('<', self, other)

    def __le__(self, other):
        if self._comparable(other):
            return self._date_key() <= other._date_key()
        return _no_order('<=', self, other)

    def __gt__(self, other):
        if self._comparable(other):
            return self._date_key() > other._date_key()
        return _no_order('>', self, other)

    def __ge__(self, other):
        if self._comparable(other):
            return self._date_key() >= other._date_key()
        return _no_order('>=', self, other)

    def __hash__(self):
        return hash(('date', self._year, self._month, self._day))

    def __reduce__(self):
        return (type(self), self._date_key())


_OWN_TYPES.append(date)
_UNIX_EPOCH_ORDINAL = _ymd_to_ordinal(1970, 1, 1)


def _split_timestamp(t, round_micro):
    """(whole seconds, microseconds) of a POSIX timestamp, as CPython rounds them."""
    if isinstance(t, int):
        seconds, micro = int(t), 0
    elif isinstance(t, float):
        if t != t:
            raise ValueError('Invalid value NaN (not a number)')
        if not round_micro:
            seconds, micro = _math.floor(t), 0
        else:
            frac, whole = _math.modf(t)
            micro = round(frac * 1e6)
            if micro >= 1000000:
                micro -= 1000000
                whole += 1.0
            elif micro < 0:
                micro += 1000000
                whole -= 1.0
            seconds = whole
        if not -2.0 ** 63 <= seconds < 2.0 ** 63:
            raise OverflowError('timestamp out of range for platform time_t')
        seconds = int(seconds)
        micro = int(micro)
    else:
        raise TypeError(f"'{_type_name(t)}' object cannot be interpreted as an integer")
    if not -2 ** 63 <= seconds < 2 ** 63:
        raise OverflowError('timestamp out of range for platform time_t')
    return seconds, micro


class _IsoCalendarDate(tuple):
    """The (year, week, weekday) named tuple date.isocalendar() returns."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return (f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, '
                f'weekday={self[2]})')

    def __reduce__(self):
        return (tuple, (tuple(self),))


_IsoCalendarDate.__name__ = 'IsoCalendarDate'
_IsoCalendarDate.__qualname__ = 'IsoCalendarDate'

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------- tzinfo, timezone

class tzinfo:
    """Abstract base class for time zone information."""

    __slots__ = ()

    __getattr__ = _missing_attribute

    def tzname(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc: non-None dst() result required')
        delta = offset - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError('fromutc: tz.dst() gave inconsistent results; '
                                 'cannot convert')
        return dt + dst


_OWN_TYPES.append(tzinfo)
_OMITTED = object()


class timezone(tzinfo):
    """A fixed offset from UTC: timezone(timedelta(hours=5)), timezone.utc."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=_OMITTED):
        if not isinstance(offset, timedelta):
            raise TypeError(f'timezone() argument 1 must be datetime.timedelta, '
                            f'not {_type_name(offset)}')
        if name is _OMITTED:
            name = None
            if not offset and _UTC is not None:
                return _UTC
        elif not isinstance(name, str):
            raise TypeError(f'timezone() argument 2 must be str, not {_type_name(name)}')
        if not -_ONE_DAY < offset < _ONE_DAY:
            raise ValueError(f'offset must be a timedelta strictly between '
                             f'-timedelta(hours=24) and timedelta(hours=24), '
                             f'not {offset!r}.')
        self = object.__new__(cls)
        object.__setattr__(self, '_offset', offset)
        object.__setattr__(self, '_name', name)
        return self

    __setattr__ = _frozen_setattr
    __getattr__ = _missing_attribute

    def _check_dt(self, dt, method):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(f'{method}(dt) argument must be a datetime instance or '
                            f'None, not {_type_name(dt)}')

    def utcoffset(self, dt):
        self._check_dt(dt, 'utcoffset')
        return self._offset

    def dst(self, dt):
        self._check_dt(dt, 'dst')
        return None

    def tzname(self, dt):
        self._check_dt(dt, 'tzname')
        if self._name is not None:
            return self._name
        if self is _UTC or not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset

    def __repr__(self):
        if self is _UTC:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'{_repr_prefix(self)}({self._offset!r})'
        return f'{_repr_prefix(self)}({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())


_OWN_TYPES.append(timezone)
_UTC = None
_UTC = timezone(timedelta(0), 'UTC')
object.__setattr__(_UTC, '_name', None)
timezone.utc = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC
# The zone astimezone() converts to when given none: local time, which is UTC here.
_LOCAL_TZ = timezone(timedelta(0), 'UTC')


# ---------------------------------------------------------------- time

class time:
    """A time of day: time(hour, minute, second, microsecond, tzinfo, *, fold)."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return cls._make_time(hour, minute, second, microsecond, tzinfo, fold)

    @classmethod
    def _make_time(cls, hour, minute, second, microsecond, tz, fold):
        self = object.__new__(cls)
        object.__setattr__(self, '_hour', hour)
        object.__setattr__(self, '_minute', minute)
        object.__setattr__(self, '_second', second)
        object.__setattr__(self, '_microsecond', microsecond)
        object.__setattr__(self, '_tzinfo', tz)
        object.__setattr__(self, '_fold', fold)
        return self

    __setattr__ = _frozen_setattr
    __getattr__ = _missing_attribute

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, text):
        s = _iso_bytes(text)
        parsed = None
        if s:
            start = 1 if s[0] == 'T' else 0
            parsed = _parse_iso_time(s + '\0\0', start, len(s))
        if parsed is None:
            raise ValueError(f'Invalid isoformat string: {text!r}')
        return cls(*parsed)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(None))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(None))

    def tzname(self):
        return _call_tzname(self._tzinfo, None)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def isoformat(self, timespec='auto'):
        _check_timespec(timespec)
        text = _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec)
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond:
            args = f'{self._hour}, {self._minute}, {self._second}, {self._microsecond}'
        elif self._second:
            args = f'{self._hour}, {self._minute}, {self._second}'
        else:
            args = f'{self._hour}, {self._minute}'
        if self._tzinfo is not None:
            args += f', tzinfo={self._tzinfo!r}'
        if self._fold:
            args += ', fold=1'
        return f'{_repr_prefix(self)}({args})'

    def strftime(self, fmt):
        _check_format_arg(fmt, 'strftime()')
        fields = (1900, 1, 1, self._hour, self._minute, self._second, self._microsecond)
        return _strftime(fmt, fields, self)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'format() argument 2 must be str, not {_type_name(fmt)}')
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    def _time_key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other, equality):
        """-1, 0 or 1; None when naive meets aware under ==."""
        if self._tzinfo is other._tzinfo:
            a, b = self._time_key(), other._time_key()
        else:
            off1 = self.utcoffset()
            off2 = other.utcoffset()
            if off1 == off2:
                a, b = self._time_key(), other._time_key()
            elif off1 is None or off2 is None:
                if equality:
                    return None
                raise TypeError("can't compare offset-naive and offset-aware times")
            else:
                a = (self._hour * 60 + self._minute - off1 // timedelta(minutes=1),
                     self._second, self._microsecond)
                b = (other._hour * 60 + other._minute - off2 // timedelta(minutes=1),
                     other._second, other._microsecond)
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) < 0
        return _no_order('<', self, other)

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) <= 0
        return _no_order('<=', self, other)

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) > 0
        return _no_order('>', self, other)

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) >= 0
        return _no_order('>=', self, other)

    def __hash__(self):
        offset = self.utcoffset()
        if offset is None:
            return hash(self._time_key())
        shifted = timedelta(hours=self._hour, minutes=self._minute) - offset
        return hash((shifted, self._second, self._microsecond))

    def __reduce__(self):
        return (type(self), self._time_key() + (self._tzinfo,))


_OWN_TYPES.append(time)
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- datetime

class datetime(date):
    """A date with a time of day: datetime(year, month, day, hour, minute, second,
    microsecond, tzinfo, *, fold)."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year=None, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if year is None:
            _missing('year', 1)
        if month is None:
            _missing('month', 2)
        if day is None:
            _missing('day', 3)
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return cls._make_dt(year, month, day, hour, minute, second, microsecond,
                            tzinfo, fold)

    @classmethod
    def _make_dt(cls, year, month, day, hour, minute, second, microsecond, tz, fold):
        self = object.__new__(cls)
        for name, value in (('_year', year), ('_month', month), ('_day', day),
                            ('_hour', hour), ('_minute', minute), ('_second', second),
                            ('_microsecond', microsecond), ('_tzinfo', tz),
                            ('_fold', fold)):
            object.__setattr__(self, name, value)
        return self

    @classmethod
    def _new_dt_like(cls, y, mo, d, hh, mi, ss, us, tz, fold=0):
        if cls is datetime:
            return datetime._make_dt(y, mo, d, hh, mi, ss, us, tz, fold)
        if fold:
            return cls(y, mo, d, hh, mi, ss, us, tz, fold=fold)
        return cls(y, mo, d, hh, mi, ss, us, tz)

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    # constructors
    @classmethod
    def _from_utc_us(cls, total_us, tz):
        """The naive (tz attached) datetime total_us microseconds after 0001-01-01."""
        days, rest = divmod(total_us, _US_PER_DAY)
        y, mo, d = _ordinal_to_ymd(days + 1)
        if not MINYEAR <= y <= MAXYEAR:
            raise ValueError(f'year {y} is out of range')
        secs, us = divmod(rest, _US_PER_SECOND)
        mi, ss = divmod(secs, 60)
        hh, mi = divmod(mi, 60)
        return cls._new_dt_like(y, mo, d, hh, mi, ss, us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        seconds, micro = _split_timestamp(t, True)
        epoch_us = (_UNIX_EPOCH_ORDINAL - 1) * _US_PER_DAY
        result = cls._from_utc_us(epoch_us + seconds * _US_PER_SECOND + micro, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        seconds, micro = _split_timestamp(t, True)
        epoch_us = (_UNIX_EPOCH_ORDINAL - 1) * _US_PER_DAY
        return cls._from_utc_us(epoch_us + seconds * _US_PER_SECOND + micro, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date_part, time_part, tzinfo=True):
        if not isinstance(date_part, date):
            raise TypeError(f'combine() argument 1 must be datetime.date, '
                            f'not {_type_name(date_part)}')
        if not isinstance(time_part, time):
            raise TypeError(f'combine() argument 2 must be datetime.time, '
                            f'not {_type_name(time_part)}')
        if tzinfo is True:
            tzinfo = time_part._tzinfo
        return cls(date_part._year, date_part._month, date_part._day, time_part._hour,
                   time_part._minute, time_part._second, time_part._microsecond,
                   tzinfo, fold=time_part._fold)

    @classmethod
    def fromisoformat(cls, text):
        s = _iso_bytes(text)
        parsed = None
        if len(s) >= 7:
            cut = _iso_separator(s)
            if cut >= 0:
                ymd = _parse_iso_date(s, cut)
                if ymd is not None:
                    if len(s) > cut:
                        rest = _parse_iso_time(s + '\0\0', cut + 1, len(s))
                        if rest is not None:
                            parsed = list(ymd) + rest
                    else:
                        parsed = list(ymd) + [0, 0, 0, 0, None]
        if parsed is None:
            raise ValueError(f'Invalid isoformat string: {text!r}')
        return cls(*parsed)

    @classmethod
    def strptime(cls, text, fmt):
        return _strptime(cls, text, fmt)

    # parts
    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(self))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(self))

    def tzname(self):
        return _call_tzname(self._tzinfo, self)

    def _clock(self):
        return self._hour, self._minute, self._second

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else 1 if dst else 0
        return _struct_time(self._year, self._month, self._day, self._hour, self._minute,
                            self._second, isdst)

    def utctimetuple(self):
        offset = self.utcoffset()
        utc = self - offset if offset else self
        return _struct_time(utc._year, utc._month, utc._day, utc._hour, utc._minute,
                            utc._second, 0)

    def _local_us(self):
        """Microseconds from 0001-01-01 00:00 to the wall-clock time (offset ignored)."""
        return ((self.toordinal() - 1) * 86400 + self._hour * 3600 + self._minute * 60
                + self._second) * _US_PER_SECOND + self._microsecond

    def timestamp(self):
        offset = self.utcoffset()
        epoch_us = (_UNIX_EPOCH_ORDINAL - 1) * _US_PER_DAY
        us = self._local_us() - epoch_us
        if offset is not None:
            us -= offset._total_us()
        return us / _US_PER_SECOND

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo,
                          fold=fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = _LOCAL_TZ
        elif not isinstance(tz, tzinfo):
            raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, "
                            f"not type '{_type_name(tz)}'")
        mytz = self._tzinfo
        offset = None
        if mytz is not None:
            offset = self.utcoffset()
        if offset is None:
            # A naive datetime is local time, and refscope's local zone is UTC.
            offset = _ZERO
        elif tz is mytz:
            return self
        utc_us = self._local_us() - offset._total_us()
        utc = datetime._from_utc_us(utc_us, tz)
        result = tz.fromutc(utc)
        if type(self) is not datetime and type(result) is datetime:
            result = type(self)._new_dt_like(
                result._year, result._month, result._day, result._hour,
                result._minute, result._second, result._microsecond, result._tzinfo,
                result._fold)
        return result

    # formatting
    def __repr__(self):
        args = f'{self._year}, {self._month}, {self._day}, {self._hour}, {self._minute}'
        if self._microsecond:
            args += f', {self._second}, {self._microsecond}'
        elif self._second:
            args += f', {self._second}'
        if self._fold:
            args += ', fold=1'
        if self._tzinfo is not None:
            args += f', tzinfo={self._tzinfo!r}'
        return f'{_repr_prefix(self)}({args})'

    def isoformat(self, sep='T', timespec='auto'):
        if not isinstance(sep, str) or len(sep) != 1:
            if isinstance(sep, str):
                raise TypeError(f'isoformat() argument 1 must be a unicode character, '
                                f'not str')
            raise TypeError(f'isoformat() argument 1 must be a unicode character, '
                            f'not {_type_name(sep)}')
        _check_timespec(timespec)
        text = (f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}'
                + _format_time(self._hour, self._minute, self._second,
                               self._microsecond, timespec))
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def ctime(self):
        return _ctime(self._year, self._month, self._day, *self._clock())

    def strftime(self, fmt):
        _check_format_arg(fmt, 'strftime()')
        # CPython formats a datetime through its timetuple(), which asks the tzinfo
        # for dst() first (a user's tzinfo sees that call).
        if self._tzinfo is not None:
            self.dst()
        fields = (self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond)
        return _strftime(fmt, fields, self)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'format() argument 2 must be str, not {_type_name(fmt)}')
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    # arithmetic
    def _plus_us(self, us):
        total = self._local_us() + us
        if not 0 <= total < _MAX_ORDINAL * _US_PER_DAY:
            raise OverflowError('date value out of range')
        return type(self)._from_utc_us(total, self._tzinfo)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._plus_us(other._total_us())
        if _is_builtin(other):
            _unsupported('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._plus_us(other._total_us())
        if _is_builtin(other):
            _unsupported('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._plus_us(-other._total_us())
        if isinstance(other, datetime):
            diff = self._local_us() - other._local_us()
            if self._tzinfo is not other._tzinfo:
                off1 = self.utcoffset()
                off2 = other.utcoffset()
                if (off1 is None) != (off2 is None):
                    raise TypeError("can't subtract offset-naive and offset-aware "
                                    "datetimes")
                if off1 is not None:
                    diff -= off1._total_us() - off2._total_us()
            return timedelta._from_us(diff)
        if _is_builtin(other) or isinstance(other, date):
            _unsupported('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _is_builtin(other) or isinstance(other, date):
            _unsupported('-', other, self)
        return NotImplemented

    # comparisons
    def _compare_dt(self, other, equality):
        """-1, 0 or 1; None when naive meets aware (or fold matters) under ==."""
        if self._tzinfo is other._tzinfo:
            a, b = self._local_us(), other._local_us()
            return (a > b) - (a < b)
        off1 = self.utcoffset()
        off2 = other.utcoffset()
        if equality:
            if off1 != self.replace(fold=not self._fold).utcoffset():
                return None
            if off2 != other.replace(fold=not other._fold).utcoffset():
                return None
        if off1 == off2:
            a, b = self._local_us(), other._local_us()
        elif off1 is None or off2 is None:
            if equality:
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        else:
            a = self._local_us() - off1._total_us()
            b = other._local_us() - off2._total_us()
        return (a > b) - (a < b)

    def _mixed(self, op, other):
        """self against a date that is not a datetime, or a foreign object."""
        if op == '==':
            return False if isinstance(other, date) else NotImplemented
        if op == '!=':
            return True if isinstance(other, date) else NotImplemented
        if isinstance(other, date):
            raise TypeError(f"can't compare {_type_name(self)} to {_type_name(other)}")
        return _no_order(op, self, other)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare_dt(other, True) == 0
        return self._mixed('==', other)

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._compare_dt(other, True) != 0
        return self._mixed('!=', other)

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._compare_dt(other, False) < 0
        return self._mixed('<', other)

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._compare_dt(other, False) <= 0
        return self._mixed('<=', other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._compare_dt(other, False) > 0
        return self._mixed('>', other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._compare_dt(other, False) >= 0
        return self._mixed('>=', other)

    def __hash__(self):
        source = self.replace(fold=0) if self._fold else self
        offset = source.utcoffset()
        if offset is None:
            return hash(('datetime', source._local_us()))
        return hash(timedelta._from_us(source._local_us() - offset._total_us()))

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour,
                             self._minute, self._second, self._microsecond,
                             self._tzinfo))


_OWN_TYPES.append(datetime)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
