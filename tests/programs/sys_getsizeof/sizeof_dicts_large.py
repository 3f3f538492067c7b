import sys

d = {}
previous = sys.getsizeof(d)
for i in range(100):
    d[i] = None
    size = sys.getsizeof(d)
    if size != previous:
        print(len(d), size)
        previous = size
