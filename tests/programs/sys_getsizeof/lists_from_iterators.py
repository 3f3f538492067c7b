# list(x) and [*x] size the new list for what CPython knows before iterating: the length
# of a sized container or view, or what an iterator over one has left (its
# __length_hint__); from a generator or map they grow append by append.
import sys

d = dict.fromkeys(range(9))
s = set(range(9))
for n in (1, 5, 9, 20, 100):
    data = list(range(n))
    d = dict.fromkeys(data)
    sources = {
        "iter(list)": lambda: iter(data),
        "iter(tuple)": lambda: iter(tuple(data)),
        "reversed(list)": lambda: reversed(data),
        "reversed(range)": lambda: reversed(range(n)),
        "iter(range)": lambda: iter(range(n)),
        "d.keys()": lambda: d.keys(),
        "d.values()": lambda: d.values(),
        "d.items()": lambda: d.items(),
        "iter(d)": lambda: iter(d),
        "iter(d.values())": lambda: iter(d.values()),
        "set(data)": lambda: set(data),
        "iter(set)": lambda: iter(set(data)),
        "bytes": lambda: bytes(n),
        "bytearray": lambda: bytearray(n),
        "str": lambda: "x" * n,
        "iter(str)": lambda: iter("x" * n),
        "generator": lambda: (x for x in data),
        "map": lambda: map(abs, data),
        "reversed(tuple)": lambda: reversed(tuple(data)),
    }
    row = []
    for name, make in sources.items():
        row.append(sys.getsizeof(list(make())))
        row.append(sys.getsizeof([*make()]))
    print(n, row)
it = iter(list(range(20)))
next(it), next(it), next(it)
print(sys.getsizeof(list(it)))
it = iter(dict.fromkeys(range(20)))
next(it)
print(sys.getsizeof(list(it)))
lst = [1, 2, 3]
lst.extend(d.values())
print(sys.getsizeof(lst))
# An array knows its length (list() sizes for it); an array's iterator has no hint.
from array import array
a = array("b", range(9))
print(sys.getsizeof(list(a)), sys.getsizeof(list(iter(a))), sys.getsizeof([*a]))
