# An int is 28 bytes with up to one 30-bit digit, plus 4 bytes per further digit.
import sys

for value in [0, 1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, 2 ** 100, -1, -(2 ** 30)]:
    print(value.bit_length(), sys.getsizeof(value))
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(10 ** 100))
n = 1
sizes = []
for _ in range(5):
    n *= 2 ** 30
    sizes.append(sys.getsizeof(n))
print(sizes)
print(sys.getsizeof(n // n), sys.getsizeof(-n))
