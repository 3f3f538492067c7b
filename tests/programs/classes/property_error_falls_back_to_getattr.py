"""An AttributeError raised by a property (or anything on the normal lookup) makes the
lookup fall back to __getattr__, as CPython's slot_tp_getattr_hook does; other errors
go through."""


class A:
    @property
    def p(self):
        raise AttributeError("inner")

    @property
    def q(self):
        raise KeyError("q")

    def __getattr__(self, name):
        return f"fallback for {name}"


a = A()
print(a.p, a.missing)
try:
    a.q
except KeyError as e:
    print("KeyError", e)


class B:
    @property
    def p(self):
        raise AttributeError("no fallback here")


try:
    B().p
except AttributeError as e:
    print("AttributeError:", e)
