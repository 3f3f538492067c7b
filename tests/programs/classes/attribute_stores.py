# Stores to instance attributes: plain attributes, __slots__, properties, __setattr__,
# an instance whose __dict__ was asked for, and the moment a replaced value is freed.
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b


p = Plain(Noisy("first"), 2)
print("replacing a")
p.a = Noisy("second")
print("replaced a")
p.a = p.a
print(p.a.name, p.b, sys.getrefcount(p.a))
p.b = [p]
print(gc.is_tracked(p), len(gc.get_referents(p)))
p.b = None
del p
print(gc.collect())


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


s = Slotted(Noisy("slot one"))
print("storing y")
s.y = 5
print("replacing x")
s.x = Noisy("slot two")
print(s.y, s.x.name)
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError:", e)
del s


class WithProperty:
    def __init__(self):
        self.v = 1

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        print("  setter", value)
        self._v = value


w = WithProperty()
w.v = 4
print(w.v, sorted(vars(w)))


class ReadOnly:
    @property
    def r(self):
        return 1


ro = ReadOnly()
try:
    ro.r = 2
except AttributeError as e:
    print("AttributeError:", e)


class Logged:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        print("  __setattr__", name, value)
        object.__setattr__(self, name, value)


lg = Logged()
lg.b = 2
print(lg.a, lg.b)

# Asking for __dict__ makes a dict object; later stores go to it.
d = Plain(1, 2)
dd = d.__dict__
d.c = 3
d.a = 10
print(dd, d.a, d.c)
dd["e"] = 5
print(d.e, sys.getrefcount(dd))

# Replacing a method on the class after instances stored attributes.
def new_init(self, a, b):
    self.a = a * 100
    self.b = b


Plain.__init__ = new_init
q = Plain(3, 4)
print(q.a, q.b)
Plain.a = property(lambda self: "from property", lambda self, v: print("  set", v))
q2 = Plain.__new__(Plain)
q2.a = 5
print(q2.a)
