import gc

print(gc.get_threshold())
gc.collect()
a = []
a.append(a)
del a
print(gc.collect(0))
b = []
b.append(b)
c = [b]
c.append(c)
gc.collect(0)
del b, c
print(gc.collect(0))
print(gc.collect(1))
