# sys.getrefcount counts its own argument too, so a list held by one name shows 2.
import sys

a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
holder = [a]
print(sys.getrefcount(a))
del holder
print(sys.getrefcount(a))
d = {"key": a}
t = (a, a)
print(sys.getrefcount(a))
del d, t
print(sys.getrefcount(a))
