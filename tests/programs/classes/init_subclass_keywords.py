# Class keywords go to __init_subclass__ (PEP 487): a registry of subclasses by keyword,
# object's refusing keywords with CPython's message; metaclass=type is the default.
class A: pass
try:
    class B(A, x=1): pass
except TypeError as e:
    print(e)
class C:
    def __init_subclass__(cls, flag=False, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
        print('init', cls.__name__, flag, kw)
class D(C, flag=True): pass
try:
    class E(C, other=1): pass
except TypeError as e:
    print(e)
class F(metaclass=type): pass
class G(D): pass
print(D.flag, G.flag, F)
class Registry:
    kinds = {}
    def __init_subclass__(cls, /, kind, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.kinds[kind] = cls
class Png(Registry, kind='png'): pass
class Jpg(Registry, kind='jpg'): pass
print(sorted(Registry.kinds), Registry.kinds['png'].__name__)
try:
    class Bad(Registry): pass
except TypeError as e:
    print(e)
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(e)
