# At exit CPython collects first only when the collector is enabled; after gc.disable()
# the objects left alive keep the order they were made in, and the last collection
# (which runs all the same) finalizes them in that order: k1, k2, then solo. With the
# collector enabled the order is solo, k2, k1 (see finalizers_at_exit.py).
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


keep = [Node("k1"), Node("k2")]
keep.append(keep)
solo = Node("solo")
pair = [Node("p1")]
pair.append(pair)
gc.disable()
print("end of the program")
