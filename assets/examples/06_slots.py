# __slots__: instances without a per-instance __dict__.
#
# What to watch:
# - A PlainPoint instance is drawn with its attribute dict; a Point with slots
#   stores x and y in fixed slots inside the instance itself.
# - sys.getsizeof: 56 bytes for the plain instance (its dict is not counted),
#   48 for the slotted one; the real saving is the missing dict.
# - Setting an attribute that is not declared in __slots__ fails.
import sys


class Point:
    __slots__ = ['x', 'y']

    def __init__(self, x, y):
        self.x = x
        self.y = y


class PlainPoint:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
q = PlainPoint(1, 2)
print(sys.getsizeof(p), sys.getsizeof(q))
print(hasattr(p, "__dict__"), hasattr(q, "__dict__"))

try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

points = [Point(i, i) for i in range(5)]   # many small objects: where slots pay off
print(len(points))
