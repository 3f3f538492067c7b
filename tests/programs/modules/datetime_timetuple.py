from datetime import date, datetime, timezone, timedelta, tzinfo
import time
print(date(2024, 3, 1).timetuple())
print(datetime(2024, 12, 31, 23, 59, 58, 5).timetuple())
t = datetime(2023, 7, 4, 12, 30, tzinfo=timezone(timedelta(hours=2))).timetuple()
print(t, t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff)
print(datetime(2023, 7, 4, 1, 30, tzinfo=timezone(timedelta(hours=2))).utctimetuple())
print(datetime(2023, 7, 4, 1, 30).utctimetuple())
class DST(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=1)
    def dst(self, dt): return timedelta(hours=1)
print(datetime(2020, 6, 1, tzinfo=DST()).timetuple().tm_isdst)
print(time.strftime('%Y-%m-%d %j %a', date(2000, 2, 29).timetuple()))
print(time.mktime(datetime(2020, 1, 1).timetuple()) if False else tuple(date(1, 1, 1).timetuple()))
