"""weakref.ref is the type of weak references (weakref.ReferenceType), so isinstance
and type() tests work; isinstance also sees a proxy's referent's class, as it asks
__class__."""
import weakref


class C:
    pass


c = C()
r = weakref.ref(c)
print(isinstance(r, weakref.ref), type(r) is weakref.ref, weakref.ref is weakref.ReferenceType)
print(weakref.ref, r() is c)
p = weakref.proxy(c)
print(isinstance(p, C), type(p).__name__, p.__class__ is C, isinstance(p, weakref.ProxyType))
try:
    weakref.ref()
except TypeError as e:
    print(e)
del c
print(isinstance(p, C), r())
