r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3])
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)))
print(11 in r, 12 in r, r.index(14), r.count(8))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5))
print(sum(range(101)), max(range(-3, 3)), list(reversed(range(4))))
big = range(10 ** 18)
print(len(big), big[-1])
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
