# date, time, datetime and timezone: constructors, reprs, immutability, arithmetic,
# comparisons, time zones and ISO 8601 round trips.
import datetime
import time
from datetime import date, datetime as dt, time as clock, timedelta, timezone, tzinfo


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


d = date(2024, 1, 2)
print(d, repr(d), d.year, d.month, d.day)
d2 = d.replace(year=2025)
print(repr(d2), d is d2, d == d.replace(), d is d.replace())
print(d.weekday(), d.isoweekday(), d.toordinal(), date.fromordinal(738887))
print(d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()), date(2021, 1, 3).isocalendar())
print(date.fromisocalendar(2020, 53, 5), date.fromisoformat('2024-02-29'), date.fromisoformat('2024W097'))
print(d.ctime(), d.isoformat(), str(d), date.min, date.max, date.resolution)
print(d + timedelta(days=30), d - timedelta(weeks=1), d - date(2023, 1, 2), timedelta(1) + d)
print(d < d2, d == date(2024, 1, 2), d != d2, sorted([d2, d, date(1999, 12, 31)]))
print(hash(d) == hash(date(2024, 1, 2)), len({d, date(2024, 1, 2), d2}))
print(datetime.MINYEAR, datetime.MAXYEAR, datetime.UTC is timezone.utc)

attempt('month 13', lambda: date(2024, 13, 1))
attempt('day 30 feb', lambda: date(2023, 2, 29))
attempt('year 0', lambda: date(0, 1, 1))
attempt('float year', lambda: date(2024.0, 1, 1))
attempt('missing day', lambda: date(2024, 1))
attempt('date + 1', lambda: d + 1)
attempt('overflow', lambda: date.max + timedelta(1))
attempt('bad iso', lambda: date.fromisoformat('2024-1-2'))
attempt('bad week', lambda: date.fromisocalendar(2024, 53, 1))


def poke():
    d.year = 2000


attempt('set year', poke)

t = clock(3, 4, 5)
print(t, repr(t), repr(clock(3)), repr(clock(0, 0, 0, 7)), clock(12, 30).isoformat('minutes'))
print(repr(clock.fromisoformat('T10:11:12.5+01:00')), clock.min, clock.max)
print(t < clock(4), t == clock(3, 4, 5), t.replace(hour=9), format(t, '%H.%M'))
attempt('hour 24', lambda: clock(24))
attempt('naive < aware', lambda: clock(1) < clock(1, tzinfo=timezone.utc))
print(clock(1) == clock(1, tzinfo=timezone.utc))

x = dt(2024, 1, 2, 3, 4, 5)
print(x, repr(x), repr(dt(2024, 1, 2)), repr(dt(2024, 1, 2, 3, 4, 5, 6)))
print(x.date(), x.time(), repr(x.timetz()), x.isoformat(), x.isoformat(' ', 'milliseconds'))
print(x + timedelta(hours=22), x - timedelta(seconds=6), x - dt(2023, 12, 25), dt.combine(d, t))
print(x > dt(2024, 1, 1), x == dt(2024, 1, 2, 3, 4, 5), x.replace(minute=59, second=0))
print(x.timestamp(), dt.utcfromtimestamp(0), dt.fromtimestamp(86400.5, timezone.utc))
print(x == d, x != d, isinstance(x, date))
attempt('dt < date', lambda: x < d)
attempt('date < dt', lambda: d < x)
attempt('dt - date', lambda: x - d)

utc = timezone.utc
est = timezone(timedelta(hours=-5), 'EST')
ist = timezone(timedelta(hours=5, minutes=30))
a = dt(2024, 3, 10, 12, 0, tzinfo=utc)
print(a, repr(a), repr(utc), repr(est), repr(ist), str(ist), str(utc))
print(a.astimezone(est), a.astimezone(ist), a.astimezone(est) == a, a.utcoffset(), a.tzname(), a.dst())
print(a.astimezone(ist).tzname(), repr(a.astimezone(ist).utcoffset()), a.timestamp())
print(dt.fromisoformat('2024-03-10T12:00:00+05:30'), repr(dt.fromisoformat('2024-03-10 12:00Z')))
print(dt.fromisoformat('20240310T120000.123'), dt.fromisoformat('2024-W10-7T12'))
print(timezone(timedelta(0)) is utc, timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'X'))
print(timezone.min, timezone.max, repr(timezone(timedelta(minutes=-90))))
print(a - dt(2024, 3, 10, 12, 0, tzinfo=est), hash(a) == hash(a.astimezone(est)))
print(repr(dt(2024, 1, 1, fold=1)), repr(dt(2024, 1, 1, tzinfo=utc, fold=1)))
attempt('naive - aware', lambda: x - a)
attempt('naive < aware', lambda: x < a)
print(x == a)
attempt('offset 24h', lambda: timezone(timedelta(hours=24)))
attempt('offset not td', lambda: timezone(5))
attempt('bad tzinfo', lambda: dt(2024, 1, 1, tzinfo='UTC'))


class Fixed(tzinfo):
    def utcoffset(self, when):
        return timedelta(hours=2)

    def dst(self, when):
        return timedelta(0)

    def tzname(self, when):
        return 'TWO'


b = dt(2024, 6, 1, 8, 30, tzinfo=Fixed())
print(b.isoformat(), b.tzname(), b.astimezone(utc), b.strftime('%H:%M %z %Z'))
attempt('abstract', lambda: dt(2024, 1, 1, tzinfo=tzinfo()).utcoffset())

now = dt.now()
print(type(now).__name__, abs(now.timestamp() - time.time()) < 5, type(date.today()).__name__)
print(dt.now(utc).tzinfo is utc, abs(dt.now(utc).timestamp() - time.time()) < 5)
