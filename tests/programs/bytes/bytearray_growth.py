# A bytearray is the mutable bytes: it grows in place, over-allocating a little as a
# list does (sys.getsizeof is 56 bytes plus what it has allocated), and shrinks to fit
# when it falls below half of that.
import sys

b = bytearray()
sizes = [sys.getsizeof(b)]
for i in range(40):
    b.append(i)
    sizes.append(sys.getsizeof(b))
print(sizes)
for x in (bytearray(b"ab"), bytearray(5), bytearray([1, 2, 3]), bytearray(range(20)), bytearray(b"abc") * 2, bytearray(b"ab") + b"c", bytearray(b"")):
    print(len(x), sys.getsizeof(x), end=" | ")
print()
b = bytearray(b"abcdefgh")
b.clear()
print(b, sys.getsizeof(b))
b = bytearray(b"abcdefgh")
b.extend(b"xyz")
print(sys.getsizeof(b))
b.extend([1, 2, 3])
print(sys.getsizeof(b))
b += b"q"
print(sys.getsizeof(b))
b.insert(0, 65)
print(b, sys.getsizeof(b))
print(b.pop(), b.pop(0), sys.getsizeof(b), sys.getsizeof(b.copy()))
b.remove(ord("x"))
b.reverse()
print(b)
del b[0]
del b[2:6]
print(b, sys.getsizeof(b))
b[0:1] = b"ZZZ"
b[::2] = bytes(len(b[::2]))
print(b, sys.getsizeof(b))
b *= 3
print(len(b), sys.getsizeof(b))
c = bytearray(b"hello")
c[0] = 72
print(c, c + bytearray(b"!"), b"<" + c, type(b"<" + c).__name__, c * 2)


def set_int():
    c[0:1] = 5


def set_extended():
    c[0:4:2] = b"abc"


for bad in (lambda: c.append(256), lambda: c.pop(10), lambda: bytearray().pop(), lambda: c.remove(0), lambda: c.extend("no"), set_int, set_extended):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
