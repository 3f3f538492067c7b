print("%s is %d years" % ("Bob", 30))
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%.3f %10.2f %e" % (3.14159, 2.5, 12345.678))
print("%x %X %o %#x" % (255, 255, 8, 255))
print("%r %s" % ("hi", "hi"))
print("%c%c" % (72, "i"))
print("100%% of %s" % "it")
print("%(name)s=%(value)d" % {"name": "x", "value": 7})
print("%s" % [1, 2])
print("%s" % (1,))
print("%+d %+d" % (5, -5))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
