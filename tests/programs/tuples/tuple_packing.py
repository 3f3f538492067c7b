point = 3, 4
x, y = point
print(point, x, y)
x, y = y, x
print(x, y)
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi)
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (name, score) in enumerate([("x", 1), ("y", 2)]):
    print(i, name, score)
try:
    p, q = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = (1, 2)
except ValueError as e:
    print("ValueError:", e)
