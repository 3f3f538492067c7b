# A tuple is 40 bytes plus 8 per item; the items themselves are not counted.
import sys

print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof(tuple(range(10))), sys.getsizeof(tuple([[1, 2, 3]])))
big_items = ("x" * 1000, list(range(1000)))
print(sys.getsizeof(big_items))
n = 4
built = tuple(i * i for i in range(n))
print(built, sys.getsizeof(built))
pair = 1, 2
print(sys.getsizeof(pair), sys.getsizeof(pair + pair), sys.getsizeof(pair * 5))
a, b = [1], [2]
print(sys.getsizeof((a, b)), sys.getsizeof(tuple("abcdef")))
