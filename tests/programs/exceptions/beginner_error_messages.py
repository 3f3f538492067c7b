# The TypeErrors and ValueErrors beginners meet, worded as CPython 3.11 words them.
from collections import deque
from functools import reduce


def f(x):
    return x


class Box:
    def method(self, *args):
        return args


attempts = [
    lambda: "-" * 2.5,
    lambda: 2.5 * "-",
    lambda: [0] * 1.5,
    lambda: (1, 2) * "3",
    lambda: divmod("a", 1),
    lambda: divmod(1, [2]),
    lambda: f(*1),
    lambda: f(**1),
    lambda: Box().method(*5),
    lambda: print(*None),
    lambda: [].append(*None),
    lambda: len(*None),
    lambda: reduce(min, 5),
    lambda: bytearray(-1),
    lambda: bytes(-3),
    lambda: deque().rotate("a"),
]
for attempt in attempts:
    try:
        attempt()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
x = [1, 2, 3]
try:
    x[0:1] = 5
except TypeError as e:
    print(e)
x[0:1] = "ab"
print(x)
try:
    raise ValueError("bad") from "not an exception"
except TypeError as e:
    print(e)
index = 1.0
key = "0"
for attempt in (lambda: "abc"[index], lambda: [1, 2][index], lambda: (1, 2)[key]):
    try:
        attempt()
    except TypeError as e:
        print(e)
