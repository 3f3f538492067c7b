import sys

print(sys.getsizeof({}))
d = {}
for i in range(12):
    d[i] = i
    print(len(d), sys.getsizeof(d))
s = {}
for i in range(12):
    s["k" + str(i)] = i
    print(len(s), sys.getsizeof(s))
d.clear()
print(sys.getsizeof(d))
