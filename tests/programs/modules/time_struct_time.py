# time's struct_time and its conversions, in UTC (this machine's zone, and refscope's).
import time
t = time.gmtime(0)
print(repr(t))
print(t.tm_zone, t.tm_gmtoff, time.localtime(0).tm_zone, time.timezone, time.altzone, time.daylight, time.tzname)
print(time.asctime(t), time.ctime(0), time.strftime('%Y-%m-%d %H:%M:%S %a %b %j %Z %z %%', t), time.mktime(time.localtime(86400*365)))
print(time.struct_time((2024,1,2,3,4,5,1,2,0)))
try:
    time.struct_time((1,2,3))
except TypeError as e:
    print(e)
print(time.strptime('2024-03-05 10:11', '%Y-%m-%d %H:%M'))
print(time.gmtime(1.7e9), time.gmtime(-1))
print(time.struct_time.__module__, type(time.gmtime()).__name__, len(t), t[0], t[-1], t[:3])
for s in [0, 951782400, 1e9, 1.7e9 + 0.5, -86400 * 400, 4102444800, 253402300799]:
    g = time.gmtime(s)
    print(tuple(g), time.mktime(time.localtime(s)) == int(s), time.strftime('%c|%x|%X|%U|%W|%w|%u|%y|%C|%I|%p|%D|%F|%T|%R|%e|%A|%B', g))
print(abs(time.time() - time.mktime(time.localtime())) < 2, time.localtime().tm_year >= 2024, isinstance(time.process_time(), float))
