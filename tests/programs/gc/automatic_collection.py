# The collector also runs on its own: when the gen-0 count of container
# allocations passes the threshold (700), the next container allocation collects.
import gc

finalized = []

class Cyclic:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        finalized.append(self.n)

collections = []
def on_gc(phase, info):
    if phase == "stop":
        collections.append(info["generation"])

gc.collect()
gc.callbacks.append(on_gc)
gc.disable()
for i in range(5):
    Cyclic(i)
keep = [[] for _ in range(1000)]
# Only ints are made from here until `trigger = []`; printing would allocate
# containers inside the io machinery, so the counts are printed afterwards.
c0 = len(collections); f0 = len(finalized)
gc.enable()
c1 = len(collections); f1 = len(finalized)
trigger = []
c2 = len(collections); f2 = len(finalized)
print("collections / finalized while disabled:", c0, f0)
print("enabled, nothing allocated yet:", c1, f1)
print("after allocating one list:", c2, f2, collections, sorted(finalized))

finalized.clear()
collections.clear()
for i in range(3000):
    Cyclic(i)
print("collected automatically during the loop:", len(collections) > 0)
print("some finalized before the loop ended:", len(finalized) > 0)
gc.callbacks.remove(on_gc)
gc.collect()
print("all finalized in the end:", sorted(finalized) == list(range(3000)))
