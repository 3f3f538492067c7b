# Sorting with a __lt__ that answers at random, one that raises half way, and a big
# partly ordered list: the same comparisons as CPython, and the list left as CPython
# leaves it when a comparison fails.
# An inconsistent __lt__ (a pseudo-random answer) must not break the sort, and must be
# asked the same questions as CPython asks.
state = [12345]
def coin():
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 16) & 1

class C:
    def __init__(self, i):
        self.i = i
    def __lt__(self, other):
        acc[0] = (acc[0] * 1000003 + self.i * 7919 + other.i) % 1000000007
        acc[1] += 1
        return coin() == 1

acc = [0, 0]
for n in [2, 7, 40, 64, 130]:
    before = acc[1]
    items = [C(i) for i in range(n)]
    out = sorted(items)
    assert sorted(c.i for c in out) == list(range(n))
    print(n, acc[1] - before, [c.i for c in out[:8]])

class Boom:
    def __init__(self, i):
        self.i = i
    def __lt__(self, other):
        global calls
        calls += 1
        if calls == 25:
            raise ValueError("comparison failed")
        return self.i < other.i

calls = 0
xs = [Boom(i) for i in [5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3]
try:
    xs.sort()
except ValueError as e:
    print("ValueError", e, calls)
print(sorted(b.i for b in xs) == sorted([5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3))
print([b.i for b in xs])
# Big partly ordered data: long runs make the merges gallop.
big = list(range(0, 600, 2)) + list(range(1, 600, 2))
big[100:140] = reversed(big[100:140])
class K:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        global n_lt
        n_lt += 1
        return self.v < o.v
n_lt = 0
r = sorted(K(v) for v in big)
print(n_lt, [k.v for k in r[:5]], acc)
