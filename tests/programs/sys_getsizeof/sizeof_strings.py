# A str's size depends on its widest character: 1, 2 or 4 bytes per character.
import sys

print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("abc"), sys.getsizeof("x" * 100))
print(sys.getsizeof("é"), sys.getsizeof("café"), sys.getsizeof("é" * 10))
print(sys.getsizeof("€"), sys.getsizeof("€uro"), sys.getsizeof("€" * 10))
print(sys.getsizeof("😀"), sys.getsizeof("a😀"), sys.getsizeof("😀" * 10))
ascii_part = "abc" * 10
print(sys.getsizeof(ascii_part), sys.getsizeof(ascii_part + "é"), sys.getsizeof(ascii_part + "€"))
built = "-".join(str(n) for n in range(10))
print(built, sys.getsizeof(built))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)), sys.getsizeof(chr(0x1F600)))
