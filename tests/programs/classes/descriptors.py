# Descriptors written in Python: __get__, __set__, __delete__ and __set_name__, and the
# class statement's other hook, __init_subclass__. A data descriptor (with __set__ or
# __delete__) comes before the instance's own attributes; one with __get__ alone after.
import sys


class Positive:
    """A data descriptor that checks what is stored, as teaching examples write them."""

    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, not {value}")
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.private)


class Item:
    price = Positive()
    count = Positive()

    def __init__(self, price, count):
        self.price = price
        self.count = count

    def total(self):
        return self.price * self.count


it = Item(3, 4)
print(it.price, it.count, it.total())
print(sorted(vars(it)))
try:
    it.count = -1
except ValueError as e:
    print("ValueError:", e)
try:
    Item(0, 1)
except ValueError as e:
    print("ValueError:", e)
print(type(Item.price).__name__, Item.price.name)
# The data descriptor wins over the instance's __dict__.
it.__dict__["price"] = 1000
print(it.price)
del it.count
print(hasattr(it, "_count"), sorted(vars(it)))


class Lazy:
    """A non-data descriptor: computes once, then the instance's attribute shadows it."""

    def __init__(self, f):
        self.f = f

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return "Lazy(" + self.name + ")"
        print("computing", self.name)
        value = self.f(obj)
        obj.__dict__[self.name] = value
        return value


class Circle:
    def __init__(self, r):
        self.r = r

    @Lazy
    def area(self):
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, Circle.area)
c.area = 1
print(c.area)
del c.area
print(c.area)


class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["seen"] = value * 2


class DeleteOnly:
    def __delete__(self, obj):
        print("DeleteOnly.__delete__")


class Odd:
    s = SetOnly()
    d = DeleteOnly()


o = Odd()
print(type(o.s).__name__)
o.s = 21
print(o.seen, type(o.s).__name__)
o.__dict__["s"] = "mine"
print(o.s)
try:
    o.d = 1
except AttributeError as e:
    print("AttributeError:", e)
del o.d


class Slotted:
    __slots__ = ("_price", "_count")
    price = Positive()
    count = Positive()

    def __init__(self):
        self.price = 5
        self.count = 2


s = Slotted()
print(s.price * s.count)


# The descriptor object is one, shared by every instance through the class.
d = Item.__dict__["price"]
before = sys.getrefcount(d)
items = [Item(i + 1, 1) for i in range(5)]
print(sys.getrefcount(d) - before)


# Properties learn their names too (CPython 3.11 names them in its errors).
class Account:
    def __init__(self):
        self._balance = 0

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, v):
        self._balance = v

    frozen = property(lambda self: 42)


a = Account()
a.balance = 10
print(a.balance, a.frozen)
for attempt in ("a.frozen = 1", "del a.frozen", "del a.balance"):
    try:
        if attempt == "a.frozen = 1":
            a.frozen = 1
        elif attempt == "del a.frozen":
            del a.frozen
        else:
            del a.balance
    except AttributeError as e:
        print("AttributeError:", e)

Account.later = property(lambda self: 1)
try:
    a.later = 2
except AttributeError as e:
    print("AttributeError:", e)
p = property()
p.__set_name__(Account, "named")
Account.named = p
try:
    a.named
except AttributeError as e:
    print("AttributeError:", e)


# An error in __set_name__ comes out wrapped, as CPython 3.11 does it.
class Broken:
    def __set_name__(self, owner, name):
        raise KeyError(name)


try:
    class Host:
        b = Broken()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


# __init_subclass__: a base hears of each class derived from it.
class Plugin:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)


class Csv(Plugin):
    pass


class Json(Plugin):
    pass


class PrettyJson(Json):
    pass


print(Plugin.registry)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)


class Strict:
    def __init_subclass__(cls):
        if not hasattr(cls, "name"):
            raise TypeError(f"{cls.__name__} needs a name")


class Good(Strict):
    name = "good"


try:
    class Bad(Strict):
        pass
except TypeError as e:
    print("TypeError:", e)
print(object.__init_subclass__())
try:
    object.__init_subclass__(1)
except TypeError as e:
    print("TypeError:", e)


# A property or descriptor that returns a callable, called at once (obj.attr()), and a
# deleter run by del: the object stays alive on the stack while they run.
class Box:
    def __init__(self):
        self._items = [3, 1, 2]

    @property
    def sorter(self):
        return lambda: sorted(self._items)

    @sorter.deleter
    def sorter(self):
        print("clearing", self._items)
        self._items = []


print(Box().sorter())
del Box().sorter
