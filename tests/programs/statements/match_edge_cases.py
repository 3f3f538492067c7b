# The match statement's corners: or-patterns that bind in different orders, loops,
# defaultdict (no entry made), generators, class bodies, attribute errors in class
# patterns, star captures, singletons against equal values, and the references bound.
import sys
from collections import defaultdict, OrderedDict, Counter, ChainMap
calls = []
def subject():
    calls.append(1)
    return [1, [2, 3], {"a": (4, 5)}]
match subject():
    case [1, [2, x], {"a": (y, z)}] | [x, [y, z], _]:
        print(x, y, z, len(calls))
def f(v):
    match v:
        case (a, b, c) | (c, a, b, _) | [b, [c, a]]:
            return a, b, c
    return None
print(f((1, 2, 3)), f((1, 2, 3, 4)), f([9, [8, 7]]), f("abc"))
for i in range(5):
    match i:
        case 0:
            continue
        case 3:
            break
        case n:
            print("n", n)
d = defaultdict(list)
match d:
    case {"missing": x}:
        print("found")
    case _:
        print("no entry made:", dict(d))
for m in [OrderedDict(a=1), Counter(a=1), ChainMap({"a": 1})]:
    match m:
        case {"a": 1, **rest}:
            print(type(m).__name__, rest)
def gen():
    for v in [1, "s", [1]]:
        match v:
            case int():
                yield "int"
            case str():
                yield "str"
            case _:
                yield "other"
print(list(gen()))
class K:
    match 5:
        case int(q):
            r = q * 2
print(K.r, K.q)
class P:
    __match_args__ = ("a",)
    @property
    def a(self):
        raise AttributeError("nope")
match P():
    case P(x):
        print("matched")
    case P():
        print("missing attribute means no match")
class Q:
    @property
    def a(self):
        raise ValueError("boom")
try:
    match Q():
        case Q(a=1):
            pass
except ValueError as e:
    print("ValueError", e)
match {"a": 1, "b": 2}:
    case {"b": b, "a": a}:
        print(a, b)
match (1, 2):
    case [*rest]:
        print(rest)
match (1, 2, 3):
    case (*head, last):
        print(head, last)
match [1, 2, 3, 4, 5]:
    case [first, second, *_, last]:
        print(first, second, last)
match 3:
    case 1 | 2 | 3 as n if n > 2:
        print("n", n)
match -5:
    case -5:
        print("neg")
match 1+2j:
    case 1+2j:
        print("complex")
match True:
    case 1:
        print("True == 1")
match 1:
    case True:
        print("bad")
    case _:
        print("1 is not True")
x = [1]
print(sys.getrefcount(x))
match x:
    case [1] as y:
        print(sys.getrefcount(x))
