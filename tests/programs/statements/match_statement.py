# The match statement (PEP 634): what each kind of pattern matches, what it binds, and
# the references the bindings hold afterwards.
import sys
from collections import Counter, deque, namedtuple
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


class Shape:
    __match_args__ = ("kind", "size")

    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

    def __repr__(self):
        return f"Shape({self.kind!r}, {self.size!r})"


class Color:
    RED = 1
    GREEN = 2


Pair = namedtuple("Pair", "left right")


def describe(subject):
    match subject:
        case None:
            return "nothing"
        case True:
            return "yes"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case Color.RED:
            return "red"
        case "hello" | b"hello":
            return "a greeting"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as number:
            return f"number {number!r}"
        case str(text):
            return f"text {text!r}"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [first, *_, last] if first == last:
            return f"same ends {first!r}"
        case [first, *middle, last]:
            return f"from {first!r} to {last!r} through {middle!r}"
        case {"name": str(name), "age": int(age), **rest}:
            return f"person {name} aged {age}, also {rest}"
        case {"type": "circle", "r": r}:
            return f"circle of radius {r}"
        case {}:
            return f"a mapping of {len(subject)}"
        case Point(x=0, y=0):
            return "the origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point():
            return "some point"
        case Shape("square", size) | Shape(size, "square"):
            return f"a square of {size}"
        case Shape(kind=k):
            return f"a {k}"
        case Pair(l, r):
            return f"a pair {l}/{r}"
        case _:
            return f"something else: {type(subject).__name__}"


for s in [None, True, False, 0, 0.0, -1, 1, 2, "hello", b"hello", 7, 1000, 2.5, "hi",
          [], (), [1], (2,), [1, 2, 1], [1, 2, 3, 4], (5, 6),
          {"name": "Ann", "age": 33, "city": "Oslo"}, {"type": "circle", "r": 2},
          {"type": "square"}, {}, Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2),
          Shape("square", 4), Shape(9, "square"), Shape("circle", 1), Pair(1, 2),
          Counter("aab"), deque([1, 2]), deque([1]), range(3), {1, 2}, 3j]:
    print(repr(s)[:40], "->", describe(s))

# Names bound by a pattern stay bound after the statement: a reference each.
data = [10 ** 6, [1, 2]]
match data:
    case [big, [a, b] as inner]:
        print(big, a, b, inner is data[1])
print(sys.getrefcount(inner) - 1, "references to the inner list")
del big, a, b, inner

# A guard that fails still leaves the names bound (CPython binds before the guard).
match (1, 2):
    case (p, q) if p > q:
        print("never")
    case _:
        print("guard failed, but p =", p, "and q =", q)

# A pattern that fails part-way binds nothing.
match [1, "two"]:
    case [int(u), int(v)]:
        print("both ints")
    case [one, two]:
        print("bound only by the second case:", one, two)
try:
    print(u)
except NameError as e:
    print("NameError:", e)

# Alternatives that bind the same names in different places.
for s in [(1, "x"), ("y", 2)]:
    match s:
        case (int(n), str(t)) | (str(t), int(n)):
            print("n =", n, "t =", t)

# Nested patterns and a subject that is an expression.
events = [("click", (3, 4)), ("key", "q"), ("move", {"dx": 1, "dy": -1}), ("quit",)]
for e in events:
    match e:
        case ("click", (x, y)):
            print(f"click at {x},{y}")
        case ("key", "q" | "Q"):
            print("quit key")
        case ("move", {"dx": dx, "dy": dy}):
            print(f"move by {dx},{dy}")
        case (command,):
            print("command", command)

# Errors a class pattern raises at run time, with CPython's messages.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


for subject, thunk in [(NoArgs(), "NoArgs(a)"), (BadArgs(), "BadArgs(a)"),
                       (Point(1, 2), "Point(a, b, c)"), (Point(1, 2), "Point(x, x=1)"),
                       (1, "len(a)")]:
    try:
        match subject:
            case NoArgs(a) if thunk == "NoArgs(a)":
                pass
            case BadArgs(a) if thunk == "BadArgs(a)":
                pass
            case Point(a, b, c) if thunk == "Point(a, b, c)":
                pass
            case Point(x, x=1) if thunk == "Point(x, x=1)":
                pass
            case len(a):
                pass
    except TypeError as e:
        print("TypeError:", e)

# No case matches: nothing runs, nothing is bound.
match 42:
    case "x":
        print("no")
print("done")
