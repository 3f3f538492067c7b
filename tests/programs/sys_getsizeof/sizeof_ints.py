import sys

for value in [0, 1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, 2 ** 100, -1, -(2 ** 30)]:
    print(value.bit_length(), sys.getsizeof(value))
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(10 ** 100))
