import sys

print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("abc"), sys.getsizeof("x" * 100))
print(sys.getsizeof("é"), sys.getsizeof("café"), sys.getsizeof("é" * 10))
print(sys.getsizeof("€"), sys.getsizeof("€uro"), sys.getsizeof("€" * 10))
print(sys.getsizeof("😀"), sys.getsizeof("a😀"), sys.getsizeof("😀" * 10))
