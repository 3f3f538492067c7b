"""A parameter captured by a closure lives in its cell only (3.11's MAKE_CELL turns
the parameter's slot into the cell), so it has one reference fewer than a plain
parameter; and locals() returns the dict the frame keeps (its f_locals), which holds a
reference to each variable until the next locals() or the frame's end."""
import sys
import weakref


def plain(o):
    return sys.getrefcount(o)


def captured(o):
    def inner():
        return o
    return sys.getrefcount(o)


print(plain(object()), captured(object()))


def with_locals(o):
    def inner():
        return o
    names = sorted(locals())
    return names, sys.getrefcount(o)


print(with_locals(object()))


class Thing:
    pass


def kept_by_locals():
    t = Thing()
    r = weakref.ref(t)
    snapshot = locals()
    del t
    alive = r() is not None
    locals()
    return alive, r() is not None, 't' in snapshot, snapshot is locals()


print(kept_by_locals())


def closure_locals():
    a = 1
    b = [2]

    def inner(c):
        return sorted(locals().items()), a + b[0] + c
    return inner


print(closure_locals()(3))


class A:
    def m(self, x):
        def g():
            return x, self
        return sorted(locals()), super().__repr__().startswith('<__main__.A')


print(A().m(1))
