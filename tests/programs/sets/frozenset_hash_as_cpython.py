# A frozenset's hash is CPython's: each item's hash with its bits shuffled, xor-ed
# together, so the order items went in does not matter, then the size mixed in.
a = frozenset([1, 2, 3])
b = frozenset([3, 2, 1, 2])
print(hash(a) == hash(b), a == b)
print(hash(frozenset()))
print(hash(a))
print(hash(frozenset({(1, 2), 5, "ab"[1:]})) == hash(frozenset({5, (1, 2), "b"})))
print(hash(frozenset(range(100))))
print(hash(frozenset([frozenset([1]), frozenset([2])])))
print(hash(frozenset({-1, -2})))
print(hash(frozenset({1.5, 2**70})))

# As a dict key and a set member: equal frozensets find each other.
d = {a: "abc"}
print(d[frozenset({2, 3, 1})])
s = {frozenset("xy"), frozenset("yx")}
print(len(s))
