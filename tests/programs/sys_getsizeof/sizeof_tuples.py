import sys

print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof(tuple(range(10))), sys.getsizeof(tuple([[1, 2, 3]])))
