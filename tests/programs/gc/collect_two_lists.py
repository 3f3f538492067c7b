import gc

gc.collect()
a = []
b = []
a.append(b)
b.append(a)
del a, b
print(gc.collect())
print(gc.collect())
