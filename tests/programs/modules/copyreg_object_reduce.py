# object.__reduce_ex__ and __reduce__: the recipes copy and pickle rebuild an object from,
# through copyreg, as CPython gives them; dir() lists both.
import copyreg
class A: pass
a = A(); a.x = 1
print(a.__reduce_ex__(2)[0] is copyreg.__newobj__, a.__reduce_ex__(2)[1:], a.__reduce__()[1:], a.__reduce_ex__(0)[1:])
print(a.__reduce__()[0] is copyreg._reconstructor)
class S:
    __slots__ = ('p',)
s = S(); s.p = 3
print(s.__reduce_ex__(4)[1:])
try:
    s.__reduce_ex__(1)
except TypeError as e:
    print(e)
class L(list): pass
l = L([1]); r = l.__reduce_ex__(2); print(r[1:3], list(r[3]), r[4])
print(A().__reduce_ex__(2)[1:])
print((1).__reduce_ex__(2)[1:], [1].__reduce_ex__(2)[1:3])
class D(dict): pass
r = D(a=1).__reduce_ex__(2); print(r[1:4], list(r[4]))
class R:
    def __reduce__(self):
        return (R, ())
print(R().__reduce_ex__(2))
print('__reduce__' in dir(A()), '__reduce_ex__' in dir(1), sorted(set(dir(object())) ^ set(dir(A()))))
import copy
b = copy.deepcopy(a); print(b.x, b is a, copy.copy(l), type(copy.copy(l)).__name__)
