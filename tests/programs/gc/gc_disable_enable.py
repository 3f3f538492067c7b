import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
a = []
a.append(a)
del a
print(gc.collect())
gc.enable()
print(gc.isenabled())
