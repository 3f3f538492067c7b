# strftime, strptime and __format__ with CPython's C-locale output and error messages.
from datetime import date, datetime, time, timedelta, timezone


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


x = datetime(2024, 7, 4, 15, 6, 7, 89)
print(x.strftime('%Y-%m-%d %H:%M:%S.%f'))
print(x.strftime('%y %b %B %a %A %j %p %I %%'))
print(x.strftime('%c | %x | %X'))
print(x.strftime('%U %W %G-W%V-%u %w'), date(2023, 1, 1).strftime('%U %W %V'))
print(repr(x.strftime('%z|%Z')), datetime(2024, 7, 4, tzinfo=timezone(timedelta(hours=-4))).strftime('%z %Z'))
print(datetime(2024, 1, 1, 0, 5, tzinfo=timezone.utc).strftime('%I %p %z %Z'))
print(date(5, 3, 9).strftime('%Y/%y %d'), time(23, 1).strftime('%H %I %p %Y'))
print(f'{x:%d.%m.%Y}', f'{x}', f'{date(2024, 1, 2):%A}', format(time(9, 5), '%H:%M'), f'{x:}')
print('{:%B %d, %Y}'.format(x), '{0:%H}h'.format(time(7)))

p = datetime.strptime('2024-07-04 15:06:07', '%Y-%m-%d %H:%M:%S')
print(repr(p))
print(repr(datetime.strptime('4 July 2024 3:06 PM', '%d %B %Y %I:%M %p')))
print(repr(datetime.strptime('Thu Jul  4 15:06:07 2024', '%c')))
print(repr(datetime.strptime('07/04/24', '%x')), repr(datetime.strptime('12:30', '%H:%M')))
print(repr(datetime.strptime('2024-07-04T10:00:00.5+0530', '%Y-%m-%dT%H:%M:%S.%f%z')))
print(repr(datetime.strptime('2024 186', '%Y %j')), repr(datetime.strptime('2024 26 4', '%Y %U %w')))
print(repr(datetime.strptime('2024-W27-4', '%G-W%V-%u')), repr(datetime.strptime('jUL', '%b')))
print(repr(datetime.strptime('  2024', ' %Y')), repr(datetime.strptime('20240704', '%Y%m%d')))
print(repr(datetime.strptime('Z', '%z')), repr(datetime.strptime('-01:30 UTC', '%z %Z')))

attempt('mismatch', lambda: datetime.strptime('2024/07/04', '%Y-%m-%d'))
attempt('leftover', lambda: datetime.strptime('2024-07-04 extra', '%Y-%m-%d'))
attempt('bad directive', lambda: datetime.strptime('2024', '%Q'))
attempt('stray', lambda: datetime.strptime('2024', '%Y%'))
attempt('day range', lambda: datetime.strptime('2023-02-29', '%Y-%m-%d'))
attempt('not str', lambda: datetime.strptime(2024, '%Y'))
attempt('iso week alone', lambda: datetime.strptime('2024 5', '%Y %V'))
attempt('strftime int', lambda: x.strftime(5))
attempt('format int', lambda: format(x, 5))

# An uncaught error ends the program with CPython's message.
datetime.strptime('July 4', '%Y')
