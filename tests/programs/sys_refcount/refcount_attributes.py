import sys

class Node:
    pass

payload = [0] * 3
n = Node()
print(sys.getrefcount(payload))
n.value = payload
print(sys.getrefcount(payload))
m = Node()
m.value = payload
print(sys.getrefcount(payload))
m.value = None
print(sys.getrefcount(payload))
del n
print(sys.getrefcount(payload))
print(sys.getrefcount(m))
items = [m, m, m]
print(sys.getrefcount(m))
items.pop()
print(sys.getrefcount(m))
items.clear()
print(sys.getrefcount(m))
