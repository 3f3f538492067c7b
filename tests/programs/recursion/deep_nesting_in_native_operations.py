# repr, ==, isinstance of nested containers count each level against the recursion
# limit, as CPython's Py_EnterRecursiveCall does; hash of a nested tuple does not.
import sys


def nest(n, leaf, wrap):
    x = leaf()
    for i in range(n):
        x = wrap(x)
    return x


def try_repr(n):
    try:
        return len(repr(nest(n, list, lambda x: [x])))
    except RecursionError as e:
        return str(e)


def try_eq(n, leaf, wrap):
    try:
        return nest(n, leaf, wrap) == nest(n, leaf, wrap)
    except RecursionError as e:
        return str(e)


print(try_repr(900), try_repr(1100))
print(try_eq(900, list, lambda x: [x]), try_eq(1100, list, lambda x: [x]))
print(try_eq(900, tuple, lambda x: (x,)), try_eq(1100, tuple, lambda x: (x,)))
print(try_eq(900, dict, lambda x: {"k": x}), try_eq(1100, dict, lambda x: {'k': x}))


def deeper(k):
    if k:
        return deeper(k - 1)
    return try_repr(400), try_repr(600)


print(deeper(500))

d = nest(5000, dict, lambda x: {'k': x})
try:
    str(d)
except RecursionError as e:
    print("str:", e)
l = nest(5000, list, lambda x: [x])
for f in (lambda: f"{l}", lambda: "%s" % (l,), lambda: format(l)):
    try:
        f()
    except RecursionError as e:
        print("format:", e)
print(l == l, [l] == [l], l in [l])

t = nest(100000, tuple, lambda x: (x,))
print(hash(t) == hash(t), t == t)
c = nest(100000, lambda: int, lambda x: (x,))
for f in (isinstance, issubclass):
    try:
        f(1 if f is isinstance else bool, c)
    except RecursionError as e:
        print(f.__name__, e)

sys.setrecursionlimit(3000)
print(try_repr(2900), try_repr(3100))
