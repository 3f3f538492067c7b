# An array made from bytes reads them as machine values, as frombytes does (and sizes
# itself as frombytes does); a str cannot make an array of numbers.
from array import array
import sys

a = array("b", b"abcdef")
print(a, sys.getsizeof(a))
print(array("h", bytearray(b"\x01\x00\x02\x00")), array("i", b"\x01\x00\x00\x00\x02\x00\x00\x00"))
print(array("d", array("d", [1.5, 2.5]).tobytes()))
try:
    array("i", b"abc")
except ValueError as e:
    print(e)
try:
    array("b", "abc")
except TypeError as e:
    print(e)
