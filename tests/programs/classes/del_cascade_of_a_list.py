# Dropping a list of objects with __del__ runs each finalizer in turn, last item first
# (a list releases its items from the end); each __del__ sees the ones not yet released.
import sys

order = []


class Tracked:
    def __init__(self, n, log):
        self.n = n
        self.log = log

    def __del__(self):
        self.log.append(self.n)


class Chained:
    def __init__(self, n, nxt):
        self.n = n
        self.nxt = nxt

    def __del__(self):
        order.append(('chain', self.n))


items = [Tracked(i, order) for i in range(200)]
print(sys.getrefcount(order))
del items
print(len(order), order[:3], order[-3:], sys.getrefcount(order))
order.clear()
head = None
for i in range(50):
    head = Chained(i, head)
del head
print(order[:3], order[-2:])
order.clear()
pairs = {i: Tracked(i, order) for i in range(30)}
pairs.clear()
print(order[:5], len(order))
