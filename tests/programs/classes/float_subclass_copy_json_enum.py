import copy, json, pickle, array, math, sys, gc, weakref
from enum import Enum
class Meters(float):
    def __add__(self, other):
        return Meters(super().__add__(other))
    def __repr__(self):
        return f'{float(self)} m'
a = Meters(1.5) + 2
print(a, type(a).__name__, Meters(1) + Meters(2), 2 + Meters(1), type(2 + Meters(1)).__name__)
class Plain(float):
    pass
p = Plain(2.5)
p.note = 'x'
c = copy.copy(p)
d = copy.deepcopy(p)
print(c, type(c).__name__, c.note, d.note, c is p)
print(json.dumps([Plain(1.5), Meters(2)]), pickle.loads(pickle.dumps(p)).note)
print(array.array('d', [Plain(1.5), Meters(3)]), math.isfinite(Plain(1)), math.fsum([Plain(0.1)] * 10))
class Planet(float, Enum):
    MERCURY = 0.38
    EARTH = 1.0
print(Planet.EARTH, Planet.MERCURY.value, Planet(1.0), Planet.EARTH * 2, isinstance(Planet.EARTH, float))
print(sorted(Planet, key=float), Planet.EARTH > Planet.MERCURY)
r = weakref.ref(p)
print(r() is p)
class Temp(float):
    unit = 'C'
    def __new__(cls, value, unit='C'):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj
    def __init__(self, value, unit='C'):
        self.checked = True
t = Temp(20, 'F')
print(t, t.unit, t.checked, Temp.unit, sys.getrefcount(t))
try:
    class Bad(float):
        __slots__ = ('x',)
except TypeError as e:
    print(e)
x = Plain(3.0)
x.me = x
del x
print(gc.collect())
print(Plain.__mro__, Plain.__base__, issubclass(Plain, float), float.__dict__['__new__'] is not None)
print(Plain(2.5).__float__(), type(Plain(2.5).__float__()).__name__, Plain(2.5).__int__(), Plain(-0.0), Plain(float('inf')))
print(max(Plain(1), Plain(3)), sum([Plain(1), Plain(2)]), type(sum([Plain(1), Plain(2)])).__name__, -Plain(1), type(-Plain(1)).__name__)
