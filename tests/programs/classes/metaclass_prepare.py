from collections import OrderedDict
import sys


class NoDuplicates(dict):
    """A class body namespace that refuses a name given twice."""
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"{key!r} defined twice")
        print("  set", key)
        super().__setitem__(key, value)


class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name)
        return NoDuplicates()

    def __new__(mcls, name, bases, ns, **kw):
        print("namespace type:", type(ns).__name__, list(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, dict(ns))


class Point(metaclass=Strict):
    x = 0
    y = 0

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(Point().norm(), Point.__dict__["x"])
try:
    class Broken(metaclass=Strict):
        a = 1
        a = 2
except TypeError as e:
    print("TypeError:", e)


class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)

    def __getitem__(self, k):
        print("  get", k)
        return super().__getitem__(k)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.order = [k for k in ns.order if not k.startswith("__")]
        return cls


class Form(metaclass=Meta):
    first = 1
    second = first + 1
    total: int = 3
    del first

    def show(self):
        return self.second


print(Form.order, Form().show(), Form.__annotations__, hasattr(Form, "first"))


class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return OrderedDict()


class O(metaclass=Ordered):
    b = 1
    a = 2


print(list(k for k in O.__dict__ if not k.startswith("__")), type(O.__dict__).__name__)


def outer():
    hidden = "closure"

    class Inner(metaclass=Meta):
        value = hidden
        def get(self):
            return __class__.__name__

    return Inner


I = outer()
print(I.value, I().get(), I.order)


class Bad(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return None


try:
    class X(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError:", e)
print(sys.getrefcount(Form), type.__dict__.get("__prepare__") is None)
