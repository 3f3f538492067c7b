# PEP 442: objects with __del__ in a cycle are finalized once and then freed.
import gc

class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name)

gc.collect()
x = Resource("x")
y = Resource("y")
x.peer = y
y.peer = x
del x, y
print("collecting")
found = gc.collect()
print("found", found)
print("garbage", gc.garbage)
