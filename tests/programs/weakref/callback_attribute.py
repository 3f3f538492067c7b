# A weak reference shows its callback as __callback__. When its object dies by its
# refcount, the weak reference gives the callback up once it has run (CPython's
# PyObject_ClearWeakRefs), so nothing it held stays alive through it.
import sys
import weakref


class K:
    pass


def goodbye(ref):
    print("callback ran")


k = K()
plain = weakref.ref(k)
watched = weakref.ref(k, goodbye)
print(plain.__callback__ is None, watched.__callback__ is goodbye, sys.getrefcount(goodbye))
del k
print(watched.__callback__, sys.getrefcount(goodbye))
