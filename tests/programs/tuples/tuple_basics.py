t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[::-1])
single = (5,)
print(single, type(single).__name__, type((5)).__name__)
empty = ()
print(empty, len(empty))
print(t + (4,), (0,) * 3, 2 in (1, 2))
print(t.index("two"), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 9))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)))
nested = ([1], [2])
nested[0].append(10)
print(nested)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    nested[0] += [20]
except TypeError as e:
    print("TypeError:", e)
print(nested)
