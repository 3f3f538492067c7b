# Two things a class can take over: its instances' formatting (__format__, which an
# f-string without a spec calls with '') and the __dict__ that holds their attributes
# (assigning one replaces the attributes; it must be a dict).
import sys


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        return "$" + format(self.cents / 100, spec or ".2f")


class Euros(Money):
    pass


m = Money(1234)
print(format(m), f"{m}", f"{m:.1f}", f"{Euros(5)}", "{}".format(m), f"{m!s:>3}"[:3])


class P:
    def __init__(self):
        self.a = 1


p = P()
try:
    p.__dict__ = 5
except TypeError as e:
    print(e)
print(p.__dict__)


class D(dict):
    pass


p.__dict__ = D(z=1)
print(type(p.__dict__).__name__, p.z, hasattr(p, "a"))
p2 = P()
p2.__dict__ = {"a": 1}
print(sys.getrefcount(p2.__dict__))
p2.b = 2
print(p2.__dict__, vars(p2) is p2.__dict__)
del p2.__dict__
print(p2.__dict__, hasattr(p2, "b"))
