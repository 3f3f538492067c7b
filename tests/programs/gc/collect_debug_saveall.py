import gc

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = [1]
b = [2]
a.append(b)
b.append(a)
del a, b
print(gc.collect())
print(len(gc.garbage), sorted(len(x) for x in gc.garbage))
print(sorted(x[0] for x in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
