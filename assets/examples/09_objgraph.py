# objgraph: who refers to this object? Back-reference graphs find leaks.
#
# What to watch:
# - show_most_common_types() lists the ten most numerous types on the heap.
# - show_backrefs draws the chain of referrers from the module down to `obj`:
#   module __main__ (green) -> its dict -> the `registry` list -> obj (red).
#   The same picture is the app's backrefs view; the PNG is written next to
#   this file.
import objgraph


class Handler:
    pass


registry = []


def subscribe():
    obj = Handler()
    registry.append(obj)   # the "leak": the global registry keeps obj alive
    return obj


obj = subscribe()
objgraph.show_most_common_types()
objgraph.show_backrefs([obj], max_depth=3, filename='backrefs.png')
