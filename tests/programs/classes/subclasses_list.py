"""type.__subclasses__(): the live classes made from it, oldest first (a class the collector
reclaimed is gone from the list)."""
class Plugin:
    pass
class A(Plugin): pass
class B(Plugin): pass
class C(A): pass
print([c.__name__ for c in Plugin.__subclasses__()], [c.__name__ for c in A.__subclasses__()], C.__subclasses__())
del B
import gc; gc.collect()
print([c.__name__ for c in Plugin.__subclasses__()])
print(bool.__subclasses__(), int.__subclasses__()[0].__name__)
