# A generator that has not finished is closed when the collector finds it in garbage
# (its tp_finalize): closing clears its frame, which lets go of the locals that made the
# cycle, so the cycle is freed by reference counting and gc.collect() does not count it.
import gc

gc.disable()


def echo():
    me = yield
    yield me


g = echo()
next(g)
g.send(g)
del g
print("a generator holding itself:", gc.collect())


def keep(x):
    yield x


box = []
k = keep(box)
box.append(k)
del box, k
print("an unstarted generator in a cycle:", gc.collect())


class Tree:
    def __init__(self, name):
        self.name = name
        self.it = self.walk()

    def walk(self):
        try:
            yield self
        finally:
            print("walk of", self.name, "closed")


t = Tree("t")
next(t.it)
del t
print("an instance and its own iterator:", gc.collect())


def local_cycle():
    loop = []
    loop.append(loop)
    yield 1


c = local_cycle()
next(c)
del c
print("a cycle the generator's frame held:", gc.collect())
pair = [echo()]
pair.append(pair)
next(pair[0])
del pair
print("a list holding a suspended generator:", gc.collect())
