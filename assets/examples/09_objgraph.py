# objgraph: who refers to this object? Back-reference graphs find leaks.
#
# What to watch:
# - show_most_common_types() lists the ten most numerous types on the heap.
# - show_backrefs draws who keeps `obj` (red, at the bottom) alive: the
#   `registry` list and the module's globals dict (edge `obj`); above them the
#   dict is held by module __main__ (green, a root) and by the functions'
#   __globals__. Delete the name `obj` and the registry still holds it: a leak.
#   The same picture is the app's backrefs view; the PNG is written next to
#   this file (CPython's objgraph needs Graphviz for the PNG).
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
