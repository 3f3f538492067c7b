import sys

print(sys.getsizeof(set()), sys.getsizeof(frozenset()))
s = set()
previous = None
for i in range(100):
    s.add(i)
    size = sys.getsizeof(s)
    if size != previous:
        print(len(s), size)
        previous = size
