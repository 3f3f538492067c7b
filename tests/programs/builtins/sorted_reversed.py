data = [3, 1, 2]
print(sorted(data), data)
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted((5, -1, 0)))
print(sorted(data, reverse=True), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(list(reversed(data)), data[::-1], list(reversed("abc")), list(reversed(range(3))))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(sorted([-3, 1, -2], key=abs))
print(sorted([]), sorted("banana", key="ban".find))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
