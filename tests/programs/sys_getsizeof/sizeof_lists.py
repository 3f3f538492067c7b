# A list's size is 56 bytes plus 8 per slot of capacity; how it was built decides the capacity.
import sys

print(sys.getsizeof([]))
print(sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5]))
a, b, c = 1, 2, 3
print(sys.getsizeof([a, b, c]))
grown = []
sizes = []
for i in range(100):
    grown.append(i)
    sizes.append(sys.getsizeof(grown))
changes = [(n + 1, s) for n, s in enumerate(sizes) if n == 0 or sizes[n - 1] != s]
print(changes)
print(sys.getsizeof([x for x in range(10)]))
print(sys.getsizeof([1] * 10), sys.getsizeof(list(range(10))))
grown.clear()
print(sys.getsizeof(grown))
