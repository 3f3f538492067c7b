import gc

gc.collect()
lst = []
lst.append(lst)
del lst
print(gc.collect())
d = {}
d["me"] = d
del d
print(gc.collect())
l = []
t = (l,)
l.append(t)
del l, t
print(gc.collect())
