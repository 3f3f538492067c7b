# Tuples compare item by item: == on each pair until one differs, then that pair's
# own comparison decides; a shorter tuple that is a prefix is smaller.
import sys

calls = []


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        calls.append(('eq', self.v, other.v))
        return self.v == other.v

    def __lt__(self, other):
        calls.append(('lt', self.v, other.v))
        return self.v < other.v


a = (Loud(1), Loud(2), Loud(3))
b = (Loud(1), Loud(5), Loud(0))
print(a < b, calls)
calls.clear()
print(a == b, a != b, calls)
calls.clear()
print((1, 2) < (1, 2, 0), (1, 2) == (1, 2), (1, 'x') < (2,), (0.5, 1) > (0.5, 0))
try:
    (1, 'x') < (1, 2)
except TypeError as e:
    print(e)
nan = float('nan')
print((nan,) == (nan,), (nan, 1) < (nan, 2), [(3, 'c'), (1, 'b'), (1, 'a')] == sorted([(1, 'a'), (3, 'c'), (1, 'b')]))
pairs = [(i % 7, -i) for i in range(20)]
pairs.sort()
print(pairs[:5], sys.getrefcount(pairs[0]))


class Drop:
    def __eq__(self, other):
        global t1
        del t1
        return False

    def __lt__(self, other):
        return True


t1 = (Drop(), 1)
t2 = (Drop(), 2)
print(t1 < t2, 't1' in globals())
