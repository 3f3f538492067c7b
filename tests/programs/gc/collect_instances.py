import gc

class Node:
    pass

gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print(gc.collect())
c = Node()
d = Node()
c.other = d
d.other = c
print(len(c.__dict__), len(d.__dict__))
del c, d
print(gc.collect())
