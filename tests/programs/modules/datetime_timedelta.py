# timedelta: normalisation, float rounding, arithmetic, str/repr, comparisons and errors.
from datetime import timedelta


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


d = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(d)
print(repr(d))
print(d.days, d.seconds, d.microseconds, d.total_seconds())
print(timedelta(seconds=-1), repr(timedelta(seconds=-1)))
print(timedelta(0), repr(timedelta()), timedelta(days=-2), timedelta(weeks=3, milliseconds=1))
print(timedelta(hours=1.5), timedelta(days=0.1), timedelta(microseconds=0.5), timedelta(microseconds=1.5))
print(timedelta(seconds=0.0000025), timedelta(minutes=-0.75), repr(timedelta(days=1e-6)))
print(timedelta.min, timedelta.max, timedelta.resolution)
print(repr(timedelta.min), repr(timedelta.max))

a = timedelta(hours=36)
b = timedelta(minutes=45)
print(a + b, a - b, b - a, -a, +b, abs(-a))
print(a * 3, 3 * a, a * 0.5, a * -1.25, a / 7, a / 2.5, a // 7)
print(a / b, a // b, a % b, divmod(a, b), divmod(-a, b))
print(timedelta(microseconds=3) / 2, timedelta(microseconds=5) / 2, timedelta(microseconds=1) * 0.5)
print(a > b, a < b, a == timedelta(days=1.5), a != b, a >= a, b <= a)
print(a == 36, a != 'x', bool(timedelta()), bool(b))
print(hash(a) == hash(timedelta(seconds=129600)), len({a, timedelta(days=1, hours=12), b}))
print(sorted([a, b, -b, timedelta(0)]))
print(max(a, b), min([a, b, timedelta(-1)]))
print(sum([a, b, b], timedelta()))

attempt('days overflow', lambda: timedelta(days=1000000000))
attempt('max + 1', lambda: timedelta.max + timedelta(1))
attempt('neg min', lambda: -timedelta.min)
attempt('str component', lambda: timedelta(days='1'))
attempt('td + int', lambda: a + 1)
attempt('int + td', lambda: 1 + a)
attempt('td < int', lambda: a < 1)
attempt('td / 0', lambda: a / 0)
attempt('td / td0', lambda: a / timedelta(0))
attempt('td // td0', lambda: a // timedelta(0))
attempt('td * str', lambda: a * 'x')
attempt('td * td', lambda: a * b)


def poke():
    a.days = 3


attempt('set days', poke)
print(type(a).__name__, isinstance(a, timedelta))


class Span(timedelta):
    def hours(self):
        return self.total_seconds() / 3600


s = Span(hours=5)
print(repr(s), s.hours(), type(s + s).__name__, s == timedelta(hours=5))
