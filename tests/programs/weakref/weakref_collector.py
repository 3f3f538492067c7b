# The collector clears weak references to garbage before any __del__ runs, then runs the
# callbacks of the references that are not garbage themselves.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("__del__", self.name, "sees its weakref dead:", watch() is None)


a = Node("a")
b = Node("b")
a.other, b.other = b, a
watch = weakref.ref(a, lambda r: print("callback: a is unreachable"))
del a, b
print("collected", gc.collect())
print(watch())

# A weakref that is itself garbage has no callback call.
c = Node("c")
c.self_ref = weakref.ref(c, lambda r: print("never printed"))
c.loop = c
watch = weakref.ref(Node("tmp"))
del c
print("collected", gc.collect())

# Callbacks run by refcount too, at once.
d = Node("d")
w = weakref.ref(d, lambda r: print("callback for d"))
print("deleting d")
del d
print("done")
