# A class's own __delattr__ runs for `del obj.x` (object.__delattr__ does the deletion);
# __hash__ returning a word-sized int is the hash itself; __class_getitem__ makes C[x].
class Logged:
    def __delattr__(self, name):
        print('deleting', name)
        object.__delattr__(self, name)
o = Logged(); o.x = 1
del o.x
print(hasattr(o, 'x'))
try:
    del o.y
except AttributeError as e:
    print(e)
class A:
    pass
def h(self): return 42
A.__hash__ = h
print(hash(A()))
class Big:
    def __hash__(self): return 2**62 + 5
class Minus:
    def __hash__(self): return -1
class Huge:
    def __hash__(self): return 2**70
print(hash(Big()), hash(Minus()), hash(Huge()))
class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'
class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Box[int], Explicit['k'])
# One line that frees an object and makes another, which takes its place in the heap.
x = Logged(); del x; x = A()
print(type(x).__name__)
# In a function too: the new A takes the heap slot the old one had, at every step.
def local():
    y = Logged()
    for i in range(3):
        y = None; y = A()
    return type(y).__name__
print(local())
