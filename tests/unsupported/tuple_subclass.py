# refscope makes instances of subclasses of list, dict, set and frozenset, not yet of
# tuple, str, int and the other built-in types: it must stop with a clear message.
class Pair(tuple):
    pass

p = Pair((1, 2))
print(p)
