# A set iterates in the order of its hash table's slots, so two equal sets can print
# differently. CPython 3.11 copies a set slot for slot into a table of the same size
# (copy(), set(s), s | t), and folds a set display of constants into a frozenset
# constant, built once from the items and once more from that set's own order.
a = set()
for x in (2, 3, 10):
    a.add(x)
print(a, a.copy(), a | {18}, set(a), frozenset(a), a | set())
print(a & {2, 3, 10, 11}, {2, 3, 10} ^ {3, 99}, a - {3})
print({1, 9, 17, 25}, {25, 17, 9, 1}, set([1, 9, 17, 25]), {1, 9})
b = {5, 13, 21}
c = b.copy()
c.add(29)
print(c, b.union([37]), b.difference({13}), b - {13})
d = set(range(20))
print(set(d) == d, list(set(d))[:5])
s = {8, 16, 24, 32}
s.discard(16)
print(s.copy(), set(s), s | {40})
print([x for x in {33, 1, 65, 97}], 65 in {1, 33, 65}, 2 not in {1, 33, 65})
for x in {7, 15, 23}:
    print(x, end=" ")
print()
big = {i * 8 for i in range(10)}
print(big.copy() == big, list(big.copy()) == list(big), list(big | set())[:4])
