# Two weak references are equal when their referents are (by the referents' __eq__),
# and by identity once either referent is dead.
import weakref


class A:
    pass


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    __hash__ = None


a, b = A(), A()
print(weakref.ref(a) == weakref.ref(a, lambda r: None), weakref.ref(a) != weakref.ref(b))
m, n = Money(5), Money(5)
rm, rn = weakref.ref(m), weakref.ref(n)
print(rm == rn, rm != rn, [rm] == [rn], rm in [rn])
del m
print(rm == rn, rm == rm, rm != rn)
