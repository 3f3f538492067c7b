import sys

print(sys.getsizeof(None))
print(sys.getsizeof(1.5), sys.getsizeof(0.0), sys.getsizeof(float("inf")))
print(sys.getsizeof(1 + 2j))
print(sys.getsizeof(object()))
print(sys.getsizeof(b""), sys.getsizeof(b"abc"), sys.getsizeof(bytes(100)))
print(sys.getsizeof(bytearray()))
print(sys.getsizeof(range(10)), sys.getsizeof(range(10 ** 10)))
