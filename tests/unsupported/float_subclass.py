# refscope makes instances of subclasses of int, str, list, tuple, dict, set and frozenset,
# not yet of float and the other built-in types: it must stop with a clear message.
class Celsius(float):
    pass

t = Celsius(21.5)
print(t)
