class Base: pass
class Child(Base): pass

c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, object), isinstance(c, int))
print(isinstance(3, (str, int)), isinstance(True, int), isinstance(None, type(None)))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(bool, (str, int)))
print(type(c) is Child, type(c) == Base, type(c).__name__, type(type(c)).__name__)
print(type(3), type("s"), type([]), type(len), type(Base))
Dynamic = type("Dynamic", (Base,), {"x": 5})
print(Dynamic.__name__, Dynamic().x, issubclass(Dynamic, Base))
print(isinstance(int, type), isinstance(type, object), issubclass(type, object))
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError:", e)
