# A doubly linked list is full of reference cycles: every node points at its
# neighbour and back.
#
# What to watch:
# - Each Node has refcount 2 (prev's `next` and next's `prev`), plus the names.
# - `del head, tail` makes the whole chain unreachable, but no refcount drops
#   to 0: the nodes stay, drawn as "unreachable, kept alive by cycles".
# - gc.collect() finds them and each node's __del__ runs once (PEP 442);
#   it returns 3, one per node (their attribute dicts are inline values and
#   do not count).
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None

    def __del__(self):
        print("freeing node", self.value)


def build(values):
    head = tail = None
    for v in values:
        node = Node(v)
        if tail is None:
            head = node
        else:
            tail.next = node
            node.prev = tail
        tail = node
    return head, tail


gc.collect()
head, tail = build([1, 2, 3])
print("middle node:", head.next.value)
del head, tail
print("nothing freed yet")
print("collected:", gc.collect())
