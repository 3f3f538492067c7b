import math, sys
from fractions import Fraction as F
class Loud:
    def __init__(self, v): self.v = v
    def __float__(self):
        print('float', sys.getrefcount(self))
        return float(self.v)
    def __rmul__(self, other):
        print('rmul', sys.getrefcount(self))
        return other * self.v
print(math.fsum([F(1, 3), 2, Loud(3)]))
print(math.prod([2, Loud(5)]))
print(math.dist([Loud(1), 2], [4, Loud(6)]))
