# An automatic collection happens inside the allocation that passed the threshold, before
# that object joins generation 0: the object stays young, and each collection of a loop
# making self-referencing objects finds the 699 made since the last one. (print is the
# callback: it shows each collection's info.)
import gc


class Cyc:
    def __init__(self):
        self.me = self


gc.collect()
gc.callbacks.append(print)
for i in range(3000):
    c = Cyc()
del c
gc.callbacks.remove(print)
