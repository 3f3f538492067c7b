# gc.collect() counts, with the garbage, each weak reference to it whose callback ran
# and then had nothing left holding it (CPython's handle_weakrefs), and only those.
import gc, weakref
class R:
    pass
gc.collect()
h = []
y = R(); y.s = y
h.append(weakref.ref(y, lambda r: h.clear()))
del y
print(gc.collect())
# a weakref kept alive by the program is not counted
keep = []
z = R(); z.s = z
w = weakref.ref(z, lambda r: print("callback", r is w))
del z
print(gc.collect(), w() is None)
# weakref.finalize on an object in a cycle
a = R(); a.s = a
f = weakref.finalize(a, print, "finalized")
del a
print(gc.collect(), f.alive)
# WeakValueDictionary value in a cycle
d = weakref.WeakValueDictionary()
b = R(); b.s = b
d['b'] = b
del b
print(gc.collect(), len(d))
