class Point:
    __slots__ = ['x', 'y']
    def __init__(self, x, y):
        self.x = x
        self.y = y


import sys

p = Point(3, 4)
print(p.x, p.y)
print(sys.getsizeof(p))
