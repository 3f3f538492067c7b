"""Time access and conversions (refscope's time module): the clocks and sleep are native
(_time); struct_time, gmtime, localtime, mktime, asctime, ctime, strftime and strptime
are written here, in the C locale.

refscope's local time zone is UTC (a program cannot read the machine's zone settings):
localtime() is gmtime() named 'UTC', mktime() is its inverse, timezone and altzone are 0.
"""

from _time import (time, time_ns, sleep, perf_counter, perf_counter_ns, monotonic,
                   monotonic_ns)

__all__ = ['time', 'time_ns', 'sleep', 'perf_counter', 'perf_counter_ns', 'monotonic',
           'monotonic_ns', 'process_time', 'process_time_ns', 'struct_time', 'gmtime',
           'localtime', 'mktime', 'asctime', 'ctime', 'strftime', 'strptime',
           'timezone', 'altzone', 'daylight', 'tzname']

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_FULL_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
              'Sunday')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
           'Dec')
_FULL_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July',
                'August', 'September', 'October', 'November', 'December')


def process_time():
    """The time the program has run (here: the clock since it started)."""
    return perf_counter()


def process_time_ns():
    return perf_counter_ns()


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime() and strptime(): a tuple of 9
    items (year, month, day, hour, minute, second, weekday, day of the year, DST flag)
    with their names as attributes, and tm_zone and tm_gmtoff besides."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if not 9 <= len(seq) <= 11:
            raise TypeError('time.struct_time() takes an at least 9-sequence '
                            f'({len(seq)}-sequence given)' if len(seq) < 9 else
                            'time.struct_time() takes an at most 11-sequence '
                            f'({len(seq)}-sequence given)')
        self = tuple.__new__(cls, seq[:9])
        extra = list(seq[9:]) + [None] * (11 - len(seq))
        self._extra = (extra[0], extra[1])
        return self

    def __repr__(self):
        items = ', '.join(f'{n}={v!r}' for n, v in zip(_FIELDS, self))
        return f'time.struct_time({items})'

    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self.tm_zone,
                                            'tm_gmtoff': self.tm_gmtoff}))

    tm_year = property(lambda self: self[0], doc='year, for example, 1993')
    tm_mon = property(lambda self: self[1], doc='month of year, range [1, 12]')
    tm_mday = property(lambda self: self[2], doc='day of month, range [1, 31]')
    tm_hour = property(lambda self: self[3], doc='hours, range [0, 23]')
    tm_min = property(lambda self: self[4], doc='minutes, range [0, 59]')
    tm_sec = property(lambda self: self[5], doc='seconds, range [0, 61])')
    tm_wday = property(lambda self: self[6], doc='day of week, range [0, 6], Monday is 0')
    tm_yday = property(lambda self: self[7], doc='day of year, range [1, 366]')
    tm_isdst = property(lambda self: self[8], doc='1 if summer time is in effect, 0 if not, '
                        'and -1 if unknown')
    tm_zone = property(lambda self: self._extra[0], doc='abbreviation of timezone name')
    tm_gmtoff = property(lambda self: self._extra[1], doc='offset from UTC in seconds')


struct_time.__module__ = 'time'


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _yday(y, m, d):
    return _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d


def _seconds(secs):
    if secs is None:
        return int(time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if secs in (float('inf'), float('-inf')):
            raise OverflowError('timestamp out of range for platform time_t')
        return int(secs // 1)
    if isinstance(secs, int):
        return int(secs)
    raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")


def _broken_down(secs, zone):
    s = _seconds(secs)
    days, rest = divmod(s, 86400)
    # Days since 0001-01-01 (ordinal 1) for 1970-01-01 is 719163.
    ordinal = days + 719163
    if not 1 <= ordinal <= 3652059:
        raise OverflowError('timestamp out of range for platform time_t')
    y = (ordinal - 1) * 400 // 146097 + 1
    while _days_before_year(y + 1) < ordinal:
        y += 1
    while _days_before_year(y) >= ordinal:
        y -= 1
    yday = ordinal - _days_before_year(y)
    m = 1
    while m < 12 and _yday(y, m + 1, 1) <= yday:
        m += 1
    d = yday - _yday(y, m, 1) + 1
    wday = (ordinal + 6) % 7
    return struct_time((y, m, d, rest // 3600, rest // 60 % 60, rest % 60, wday, yday, 0,
                        zone, 0))


def gmtime(seconds=None):
    """The time in seconds since the epoch (now, if None) as a struct_time in UTC."""
    return _broken_down(seconds, 'GMT')


def localtime(seconds=None):
    """As gmtime(): refscope's local time zone is UTC."""
    return _broken_down(seconds, 'UTC')


def _time_tuple(t, name):
    """t itself, a struct_time or a 9-tuple (the TypeErrors otherwise)."""
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9 and not isinstance(t, struct_time):
        raise TypeError(f'{name}(): illegal time tuple argument')
    return t


def mktime(t):
    """The inverse of localtime(): a struct_time or 9-tuple to seconds since the epoch."""
    y, mo, d, h, mi, s = _time_tuple(t, 'mktime')[:6]
    # Months outside 1..12 carry into the year, as C's mktime normalizes them.
    y += (mo - 1) // 12
    mo = (mo - 1) % 12 + 1
    days = _days_before_year(y) + _yday(y, mo, 1) - 1 + (d - 1) - 719162
    return float(days * 86400 + h * 3600 + mi * 60 + s)


def _checked(t, name):
    t = localtime() if t is None else _time_tuple(t, name)
    y, mo, d, h, mi, s, wd, yd, dst = t[:9]
    checks = ((1 <= mo <= 12 or mo == 0, 'month out of range'),
              (1 <= d <= 31 or d == 0, 'day of month out of range'),
              (0 <= h <= 23, 'hour out of range'),
              (0 <= mi <= 59, 'minute out of range'),
              (0 <= s <= 61, 'seconds out of range'),
              (-1 <= wd, 'day of week out of range'),
              (0 <= yd <= 366, 'day of year out of range'))
    for ok, message in checks:
        if not ok:
            raise ValueError(message)
    return (y, mo or 1, d or 1, h, mi, s, wd % 7, yd or 1, dst)


def asctime(t=None):
    """'Sun Jun 20 23:21:05 1993' for a struct_time (now, if None)."""
    y, mo, d, h, mi, s, wd = _checked(t, 'asctime')[:7]
    return f'{_DAYS[wd]} {_MONTHS[mo - 1]} {d:2} {h:02}:{mi:02}:{s:02} {y}'


def ctime(seconds=None):
    """asctime(localtime(seconds))."""
    return asctime(localtime(seconds))


def strftime(format, t=None):
    """The time (a struct_time, now if None) written by the format's % directives, in
    the C locale."""
    if not isinstance(format, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(format).__name__}')
    zone = getattr(t, 'tm_zone', None)
    if zone is None:
        zone = 'UTC'
    y, mo, d, h, mi, s, wd, yd, dst = _checked(t, 'strftime')
    sunday_week = (yd + 6 - (wd + 1) % 7) // 7
    monday_week = (yd + 6 - wd) // 7
    values = {
        'a': _DAYS[wd], 'A': _FULL_DAYS[wd], 'b': _MONTHS[mo - 1], 'h': _MONTHS[mo - 1],
        'B': _FULL_MONTHS[mo - 1], 'd': f'{d:02}', 'e': f'{d:2}', 'H': f'{h:02}',
        'I': f'{(h % 12) or 12:02}', 'j': f'{yd:03}', 'm': f'{mo:02}', 'M': f'{mi:02}',
        'p': 'AM' if h < 12 else 'PM', 'S': f'{s:02}', 'U': f'{sunday_week:02}',
        'W': f'{monday_week:02}', 'w': str((wd + 1) % 7), 'u': str(wd + 1),
        'y': f'{y % 100:02}', 'Y': str(y), 'C': f'{y // 100:02}', 'Z': zone, 'z': '+0000',
        'n': '\n', 't': '\t', '%': '%',
        'D': f'{mo:02}/{d:02}/{y % 100:02}', 'F': f'{y}-{mo:02}-{d:02}',
        'T': f'{h:02}:{mi:02}:{s:02}', 'R': f'{h:02}:{mi:02}',
        'r': f'{(h % 12) or 12:02}:{mi:02}:{s:02} {"AM" if h < 12 else "PM"}',
        'c': f'{_DAYS[wd]} {_MONTHS[mo - 1]} {d:2} {h:02}:{mi:02}:{s:02} {y}',
        'x': f'{mo:02}/{d:02}/{y % 100:02}', 'X': f'{h:02}:{mi:02}:{s:02}',
    }
    out = []
    i = 0
    while i < len(format):
        ch = format[i]
        if ch == '%' and i + 1 < len(format):
            code = format[i + 1]
            out.append(values.get(code, '%' + code))
            i += 2
        else:
            out.append(ch)
            i += 1
    return ''.join(out)


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    """The struct_time that `string` written in `format` stands for (as
    datetime.strptime reads it; tm_isdst is -1)."""
    from datetime import datetime as _datetime
    d = _datetime.strptime(string, format)
    return struct_time((d.year, d.month, d.day, d.hour, d.minute, d.second, d.weekday(),
                        _yday(d.year, d.month, d.day), -1, None, None))
