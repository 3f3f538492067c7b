# Symmetric difference as CPython computes it (and orders it): each item of the other set
# leaves the set if there, else joins it; items compare with __eq__, weak references by
# their referents.
a = {1, 2, 3, 17, 33}
b = {3, 4, 49, 65}
print(a ^ b, b ^ a, frozenset(a) ^ b, a.symmetric_difference([4, 4, 5]))
a ^= b
print(a)
c = {"x", "y"}
c ^= {"y", "z"}
print(sorted(c))
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"E{self.v}"
print({E(1), E(2)} ^ {E(2), E(3)})
s = {1, 2, 3}
s.symmetric_difference_update([3, 4])
print(s)
s.symmetric_difference_update(s)
print(s)
try:
    s.symmetric_difference_update()
except TypeError as e:
    print(e)
import weakref
class K: pass
b = K()
r1 = weakref.ref(b)
r2 = weakref.ref(b, print)
print(hash(r1) == hash(r2), r1 == r2, r2 in {r1}, {r1} ^ {r2}, len({r1} | {r2}), {r1} - {r2})
