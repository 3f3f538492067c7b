# copy.copy shares the items, copy.deepcopy copies them all the way down: what a lecture
# on references draws next, with the refcounts that show the sharing.
import copy
import gc
import sys

inner = [1, 2]
outer = [inner, [3, 4]]
shallow = copy.copy(outer)
deep = copy.deepcopy(outer)
print(shallow == outer, shallow is outer, shallow[0] is inner)
print(deep == outer, deep[0] is inner, deep[1] is outer[1])
inner.append(99)
print(shallow[0], deep[0])
print(sys.getrefcount(inner))  # outer, shallow, the name, the argument

# Atoms and immutable containers of atoms come back as they are.
t = (1, "a", None)
n = 42
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.copy(n) is n)
t2 = ([1], 2)
print(copy.copy(t2) is t2, copy.deepcopy(t2) is t2, copy.deepcopy(t2)[0] is t2[0])
fs = frozenset({1, 2})
print(copy.copy(fs) is fs, copy.deepcopy(fs) is fs)

# Shared objects stay shared in a deep copy, and cycles stay cycles.
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
loop = [1]
loop.append(loop)
dl = copy.deepcopy(loop)
print(dl[1] is dl, dl is loop, dl)
d = {"k": [1], "self": None}
d["self"] = d
dd = copy.deepcopy(d)
print(dd["self"] is dd, dd["k"] is d["k"], sorted(dd))


# Instances: rebuilt without calling __init__, their attributes shared or copied.
class Node:
    def __init__(self, value, children=()):
        print("__init__", value)
        self.value = value
        self.children = list(children)

    def __repr__(self):
        return f"Node({self.value!r}, {self.children!r})"


leaf = Node("leaf")
root = Node("root", [leaf])
c1 = copy.copy(root)
c2 = copy.deepcopy(root)
print(c1, c1.children is root.children, c2.children is root.children)
print(c2.children[0] is leaf, type(c2).__name__, sorted(vars(c2)))


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.x is p.x, r.x is p.x, r.x, r.y)


class Custom:
    def __init__(self):
        self.data = [1, 2, 3]

    def __copy__(self):
        print("__copy__")
        new = Custom.__new__(Custom)
        new.data = self.data[:]
        return new

    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return "deep"


c = Custom()
print(copy.copy(c).data, copy.deepcopy(c), copy.deepcopy([c, c]))

# The memo keeps every original alive while the copy is made.
memo = {}
src = [[1], [2]]
copy.deepcopy(src, memo)
print(len(memo), sum(1 for k in memo if memo[k] is not None))
print(memo[id(memo)][-1] is src)

# A deep copy of a cycle is a new cycle: garbage to the collector once dropped.
gc.collect()
del dl
print(gc.collect())
print(copy.copy({1: [2]}), copy.copy({3}), copy.deepcopy({"a": (1, [2])}))
