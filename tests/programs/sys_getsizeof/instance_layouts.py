# sys.getsizeof of an instance is its class's layout: 16 bytes of header and 16 of gc
# header, 8 per __slots__ slot, 8 for __weakref__, 16 for the managed __dict__ pointers
# in front of the object; a subclass adds to its base's.
import sys


class Plain:
    pass


class NoSlots:
    __slots__ = ()


class DictOnly:
    __slots__ = ("__dict__",)


class WeakOnly:
    __slots__ = ("__weakref__",)


class A:
    __slots__ = ("a",)


class AW:
    __slots__ = ("a", "__weakref__")


class AD:
    __slots__ = ("a", "__dict__")


class ADW:
    __slots__ = ("a", "__dict__", "__weakref__")


class FromA(A):
    pass


class SlotOnPlain(Plain):
    __slots__ = ("b",)


class FromAD(AD):
    pass


class TwoMore(A):
    __slots__ = ("b", "c")


for C in (Plain, NoSlots, DictOnly, WeakOnly, A, AW, AD, ADW, FromA, SlotOnPlain, FromAD, TwoMore):
    print(C.__name__, sys.getsizeof(C()))

# A class statement makes a heap type; the built-in types are static ones.
print([sys.getsizeof(t) for t in (Plain, A, int, object, list, dict, ValueError, type)])
