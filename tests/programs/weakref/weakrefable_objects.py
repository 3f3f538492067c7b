# Which objects can be weakly referenced: instances whose class has __weakref__ (not one
# whose __slots__ leave it out), subclasses of list (which add it), sets, functions and
# classes, but not ints, strings, tuples, lists, dicts or tuple subclasses.
import weakref
class S:
    __slots__ = ('x',)
class W:
    __slots__ = ('x', '__weakref__')
class P: pass
class L(list): pass
class T(tuple): pass
for o in (S(), W(), P(), L(), T(), [], {}, 1, 'a', (1,), {1}, frozenset(), P):
    try:
        r = weakref.ref(o)
        print(type(o).__name__, 'ok')
    except TypeError as e:
        print(type(o).__name__, e)
