# refscope makes instances of subclasses of list, tuple, dict, set and frozenset, not yet
# of str, int and the other built-in types: it must stop with a clear message.
class Name(str):
    pass

n = Name('ann')
print(n)
