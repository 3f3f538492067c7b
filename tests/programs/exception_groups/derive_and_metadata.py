"""The parts split() and subgroup() build come from derive(), the only hook for subclasses,
and then get the original group's __traceback__, __cause__ and __context__ and a new list
holding its __notes__ (setting __cause__ also sets __suppress_context__). Nothing else,
not even the instance __dict__, is copied."""
try:
    raise ExceptionGroup("outer", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3), ValueError(4)])])
except ExceptionGroup as caught:
    eg = caught
inner = eg.exceptions[2]
print(type(eg.__traceback__).__name__, eg.__suppress_context__)
eg.__cause__ = RuntimeError("cause")
eg.__context__ = LookupError("ctx")
eg.add_note("n1")
inner.add_note("inner note")
inner.__cause__ = OSError("inner cause")
eg.extra = "attr"
m, r = eg.split(ValueError)
for part in (m, r):
    print(repr(part))
    print(" ", part.__traceback__ is eg.__traceback__, part.__cause__ is eg.__cause__,
          part.__context__ is eg.__context__, part.__suppress_context__)
    print(" ", part.__notes__, part.__notes__ is eg.__notes__, part.__dict__)
    last = part.exceptions[-1]
    print(" ", repr(last), last.__notes__, last.__cause__, last.__traceback__, last is inner)
m.__notes__.append("only m")
print(eg.__notes__, r.__notes__)
eg.__notes__ = ("tuple", "notes")
print(eg.subgroup(TypeError).__notes__)
eg.__notes__ = 5
print(hasattr(eg.subgroup(TypeError), "__notes__"))
del eg.__notes__
print(hasattr(eg.subgroup(TypeError), "__notes__"))
plain = ExceptionGroup("plain", [ValueError(), TypeError()])
m = plain.subgroup(ValueError)
print(m.__traceback__, m.__cause__, m.__context__, m.__suppress_context__, hasattr(m, "__notes__"))


class MyEG(ExceptionGroup):
    def derive(self, excs):
        print("  derive", self.message, excs)
        return MyEG(self.message.upper(), excs)


g = MyEG("top", [ValueError("a"), MyEG("sub", [TypeError("b"), ValueError("c")]),
                 ExceptionGroup("plain", [KeyError("d")])])
gm, gr = g.split(ValueError)
print(repr(gm), repr(gr), gr.exceptions[1] is g.exceptions[2])
print(repr(g.subgroup(TypeError)))
print(g.split(Exception)[0] is g, g.subgroup(OSError))


class Plain(ExceptionGroup):
    pass


p = Plain("p", [ValueError(), TypeError()])
# The default derive makes a plain (Base)ExceptionGroup, not the subclass.
print(p.split(ValueError))
print(repr(p.derive([KeyError()])), repr(p.derive([KeyboardInterrupt()])))
print(repr(BaseExceptionGroup("x", [SystemExit()]).derive([ValueError()])))
print(p.derive([ValueError()]).__traceback__, p.derive([ValueError()]).__suppress_context__)
for args in ((5,), (), ([],), ((),), ([1],)):
    try:
        p.derive(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class Bad(ExceptionGroup):
    def derive(self, excs):
        return 42


class NotGroup(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")


class Boom(ExceptionGroup):
    def derive(self, excs):
        raise RuntimeError("derive failed")


for cls in (Bad, NotGroup, Boom):
    b = cls("b", [ValueError(), TypeError()])
    for f in (lambda: b.split(ValueError), lambda: b.subgroup(ValueError), lambda: b.split(Exception),
              lambda: b.subgroup(OSError), lambda: b.split(OSError)):
        try:
            print(cls.__name__, f())
        except (TypeError, RuntimeError) as e:
            print(cls.__name__, type(e).__name__ + ":", e)


class Coded(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return Coded(self.message, excs, self.code)


c = Coded("c", [ValueError(), TypeError()], 7)
a, b = c.split(ValueError)
print(repr(a), a.code, repr(b), b.code, c.args)
