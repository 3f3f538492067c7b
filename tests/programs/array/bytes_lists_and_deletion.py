# An array holds machine values: tobytes() shows them (little-endian, itemsize bytes
# each), frombytes() and fromlist() add many at once with one resize, and del removes
# items in place; sys.getsizeof follows the array's allocation.
import array
import sys

a = array.array("h", [1, -2, 300])
print(a.tobytes(), len(a.tobytes()), a.itemsize, a.buffer_info()[1])
b = array.array("h")
b.frombytes(a.tobytes())
print(b, sys.getsizeof(b))
b.fromlist([5, 6])
print(b, sys.getsizeof(b))
del b[0]
print(b, sys.getsizeof(b))
del b[1:3]
print(b, sys.getsizeof(b))
for tc in "bBhHiIlLqQfd":
    x = array.array(tc, [1, 2, 3])
    y = array.array(tc)
    y.frombytes(x.tobytes())
    print(tc, x.tobytes()[:9], y == x, sys.getsizeof(y), end=" | ")
print()
print(array.array("d", [1.5]).tobytes(), array.array("f", [0.1]).tobytes())
big = array.array("i", range(100))
del big[::3]
print(len(big), big[:5], sys.getsizeof(big))
try:
    b.frombytes(b"abc")
except ValueError as e:
    print(e)
try:
    b.fromlist([1, "x"])
except TypeError as e:
    print(e, b)
try:
    b.fromlist((1, 2))
except TypeError as e:
    print(e)
try:
    del b[10]
except IndexError as e:
    print(e)
