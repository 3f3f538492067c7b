# CPython 3.11 hands call arguments over to the callee's frame: an object built
# in the call itself has the parameter as its only reference.
import sys

class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)

def consume(obj):
    print("refcount in callee:", sys.getrefcount(obj))
    del obj
    print("after del obj")

consume(Tracked("temporary"))
kept = Tracked("named")
consume(kept)
print("call returned")
del kept
print("end")
