# A literal called or subscripted where a comma is likely missing gets CPython's
# compile-time SyntaxWarning, then the error when it runs.
def f():
    return [(1, 2) (3, 4)]


points = [(0, 0), (1, 1)]
try:
    print([(1, 2) (3, 4)])
except TypeError as e:
    print(e)
for attempt in (lambda: "abc"[1.0], lambda: [1, 2][1.0], lambda: (1, 2)["0"],
                lambda: None[0], lambda: 5[0], lambda: {1, 2}[0], lambda: f"x{1}"["a"],
                lambda: [x for x in "ab"][None], lambda: "abc"(1), lambda: b"ab"[1:2],
                lambda: (1, 2)[True], lambda: [1][(1, 2)], lambda: {"a": 1}["a"]):
    try:
        print(attempt())
    except TypeError as e:
        print(e)
x = [1, 2]
x[0] = 5
print(x, "abc"[1], "abc"[-1:])
