# list.remove compares with ==, which runs a class's __eq__ (inside a tuple here);
# the item it is looking at stays held meanwhile.
class P:
    def __eq__(self, other): return isinstance(other, P)
    __hash__ = object.__hash__
a, b = P(), P()
lst = [("x", None), ("x", a)]
try: lst.remove(("x", b))
except ValueError: pass
print(len(lst))
print(("x", b) in [("x", None), ("x", a)], [("x", None), ("x", a)].count(("x", b)), [("x", None), ("x", a)].index(("x", b)))
