# Sets of small ints print in a stable order.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({7, 8}))
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.update([5, 6])
s.discard(100)
s.remove(6)
print(s, 5 in s)
print(set([3, 3, 2, 1, 2]), set(range(5)), {x % 3 for x in range(10)})
print(set(), type({}).__name__)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
