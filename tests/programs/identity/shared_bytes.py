# b"" and the one-byte bytes objects are shared, as CPython 3.11 shares them: b"" is
# bytes(), and b"ab"[:1] is b"a".
import sys
b = b""
for i in range(3):
    b += b"x"
print(b, b"" , bytes(1), b"x" * 3, sys.getsizeof(b""), sys.getsizeof(b"a"))
print(b"" is bytes(), b"A" is bytes([65]), b"ab"[0:1] == b"a", bytes([1,2]) is bytes([1,2]))
