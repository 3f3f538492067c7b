first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *middle, z = range(6)
print(a, middle, z)
head, *tail = [1]
print(head, tail)
(x, *ys), n = [10, 20, 30], 5
print(x, ys, n)
combined = [*range(3), *"hi", *[None]]
print(combined)
print({**{"a": 1}, "b": 2, **{"a": 3}})
print((*[1, 2], 3), {*[1, 2], 2, 3})
a = b = c = []
a.append(1)
print(a, b, c, a is c)
try:
    p, *q, r = [1]
except ValueError as e:
    print("ValueError:", e)
