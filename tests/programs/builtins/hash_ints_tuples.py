# hash() of ints and tuples of ints is deterministic (str hashes are randomized).
print(hash(0), hash(1), hash(-1), hash(-2), hash(42))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 100)))
print(hash(True), hash(False), hash(1.0), hash(1.5), hash(-0.5))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))))
print(hash(None) == hash(None))
print(hash(3) == hash(3.0), hash((1, 2)) == hash((1, 2)))
print(hash(float("inf")), hash(float("-inf")))
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
