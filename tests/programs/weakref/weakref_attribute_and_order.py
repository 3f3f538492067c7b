# obj.__weakref__ is the head of the object's list of weak references: the plain ref
# (no callback), which weakref.ref(obj) gives back instead of making another; then the
# plain proxy; then the others, newest first. weakref.getweakrefs lists them so.
import weakref


class P:
    pass


p = P()
print(p.__weakref__)
cb = weakref.ref(p, lambda r: None)
print(p.__weakref__ is cb)
r = weakref.ref(p)
print(p.__weakref__ is r, weakref.ref(p) is r, weakref.getweakrefcount(p))
cb2 = weakref.ref(p, lambda r: None)
px = weakref.proxy(p)
print(weakref.getweakrefs(p) == [r, px, cb2, cb], weakref.proxy(p) is px)
del r
print(p.__weakref__ is px, weakref.getweakrefcount(p))
del px
print(p.__weakref__ is cb2, [w is cb2 for w in weakref.getweakrefs(p)])
