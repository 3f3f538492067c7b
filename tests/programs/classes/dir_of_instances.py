# dir() lists an instance's attributes (also once its __dict__ exists), its class's and
# bases' names and object's methods; a class's own __dir__ decides for its instances.
class P:
    """A point."""
    kind = "point"

    def __init__(self):
        self.x = 1

    def area(self):
        return 0


p = P()
print(sorted(set(dir(p)) - set(dir(object))), "__class__" in dir(p), "__init__" in dir(p))
vars(p)
p.y = 2
print(sorted(set(dir(p)) - set(dir(object))))
print(dir(P) == dir(p), "__class__" in dir(1))
print([n for n in ("__class__", "__eq__", "__lt__", "__format__", "__dir__", "__doc__",
                   "__getattribute__", "__getstate__", "__sizeof__", "__subclasshook__")
       if n not in dir(object)])


class Q(P):
    __slots__ = ("s",)


print(sorted(set(dir(Q())) - set(dir(object))))


class R:
    def __dir__(self):
        return ["b", "a"]


print(dir(R()))
d = p.__dir__()
print(len(d) == len(set(d)), sorted(d) == dir(p))
