# Short lists (up to four items live inside the list object in refscope) and lists that
# grow past that and shrink back, checked item by item and by sys.getsizeof.
import gc
import sys

rows = []
for n in range(7):
    row = list(range(n))
    rows.append(row)
    print(n, row, sys.getsizeof(row), sys.getsizeof([*row]), sys.getsizeof(row[:]))

grow = []
for i in range(6):
    grow.append(i)
    print(len(grow), sys.getsizeof(grow))
while grow:
    grow.pop()
    print(len(grow), sys.getsizeof(grow))

# Slice assignment that grows the list past its capacity, then shrinks it.
b = [1, 2]
b[10:20] = [3, 4, 5, 6, 7]
print(b, sys.getsizeof(b))
b[-3:] = ()
print(b, sys.getsizeof(b))
b[1:3] = ['x', 'y', 'z', 'w']
print(b, sys.getsizeof(b))
b[:] = b
print(b, sys.getsizeof(b))
b[::2] = 'abc'
print(b)
del b[1:4]
print(b, sys.getsizeof(b))
b.insert(0, 'first')
b.insert(99, 'last')
b.remove('c')
print(b, b.index('last'), b.count('a'), sys.getsizeof(b))

# Sorting, reversing, clearing, and a list turned into call arguments.
l = [3, 1, 2]
l.sort()
l.reverse()
print(l, tuple(l), l * 2, [l] * 2, l + l, max(*l), sorted(l, key=lambda v: -v))
l.clear()
print(l, sys.getsizeof(l))

# Short lists in cycles: the collector clears them and frees them all.
gc.disable()
for i in range(50):
    a = [i]
    b = [a, i, -i]
    a.append(b)
    c = [c_ := [], c_]
    c_.append(c)
del a, b, c, c_
print(gc.collect())

# Refcounts of items held by short lists.
x = object()
pair = [x, x]
print(sys.getrefcount(x))
pair[0] = None
print(sys.getrefcount(x))
del pair
print(sys.getrefcount(x))
