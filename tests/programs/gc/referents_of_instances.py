# gc.get_referents of an instance lists what subtype_traverse visits, in its order: the
# slots, the attribute values (or the __dict__ once it exists), then the class.
import gc


class Plain:
    def __init__(self):
        self.items = [1]
        self.pair = (2, [3])


class Slotted:
    __slots__ = ("x", "y")


class Stack(list):
    pass


def kinds(obj):
    return [type(o).__name__ for o in gc.get_referents(obj)]


p = Plain()
print(kinds(p))
p.__dict__
print(kinds(p))
s = Slotted()
s.x = [1]
s.y = {}
print(kinds(s))
st = Stack([1, [2]])
st.top = []
print(kinds(st))
print(gc.get_referents(p)[-1] is Plain, gc.get_referents(s)[-1] is Slotted)
