"""BaseExceptionGroup and ExceptionGroup (3.11): the checks the constructor makes and their
messages, BaseExceptionGroup turning into ExceptionGroup when every item is an Exception,
what message/exceptions/args hold, str/repr, the class hierarchy and the objects' sizes."""
import gc
import sys
import weakref


def attempt(make):
    try:
        r = make()
        print("ok", type(r).__name__, repr(r))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class MyBEG(BaseExceptionGroup):
    pass


class MyEG(ExceptionGroup):
    pass


class Mixed(BaseExceptionGroup, ValueError):
    pass


attempt(lambda: BaseExceptionGroup())
attempt(lambda: BaseExceptionGroup("m"))
attempt(lambda: ExceptionGroup("m"))
attempt(lambda: BaseExceptionGroup("m", [ValueError()], 3))
attempt(lambda: BaseExceptionGroup(1, [ValueError()]))
attempt(lambda: ExceptionGroup(b"m", [ValueError()]))
attempt(lambda: ExceptionGroup(None, [ValueError()]))
attempt(lambda: ExceptionGroup("m", ValueError()))
attempt(lambda: ExceptionGroup("m", None))
attempt(lambda: ExceptionGroup("m", {ValueError()}))
attempt(lambda: ExceptionGroup("m", iter([ValueError()])))
attempt(lambda: ExceptionGroup("m", "ab"))
attempt(lambda: ExceptionGroup("m", range(3)))
attempt(lambda: ExceptionGroup("m", []))
attempt(lambda: ExceptionGroup("m", ()))
attempt(lambda: ExceptionGroup("m", [ValueError(), 1]))
attempt(lambda: ExceptionGroup("m", [ValueError]))
attempt(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("m", [ValueError(), SystemExit(2)]))
attempt(lambda: ExceptionGroup("m", [BaseExceptionGroup("i", [SystemExit()])]))
attempt(lambda: MyEG("m", [KeyboardInterrupt()]))
attempt(lambda: Mixed("m", [KeyboardInterrupt()]))
attempt(lambda: Mixed("m", [ValueError(1)]))
attempt(lambda: MyBEG("m", [KeyboardInterrupt()]))
attempt(lambda: MyBEG("m", [ValueError()]))
attempt(lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: BaseExceptionGroup("m", [ValueError(), TypeError()]))
attempt(lambda: BaseExceptionGroup("m", [ValueError(), GeneratorExit()]))
attempt(lambda: BaseExceptionGroup("m", [ExceptionGroup("i", [ValueError()])]))
attempt(lambda: BaseExceptionGroup(message="m", exceptions=[ValueError()]))
attempt(lambda: BaseExceptionGroup("m", exceptions=[ValueError()]))
attempt(lambda: ExceptionGroup("m", [ValueError()], x=1))
attempt(lambda: BaseExceptionGroup("m", [SystemExit()], x=1))


class Named(str):
    pass


g = ExceptionGroup(Named("sub"), [ValueError()])
print(type(g.message).__name__, g.message, type(g.args[0]).__name__)

items = [ValueError(1), TypeError(2)]
eg = ExceptionGroup("msg", items)
print(eg.message, eg.args, eg.args[1] is items, type(eg.args[1]).__name__)
print(eg.exceptions, type(eg.exceptions).__name__, eg.exceptions[0] is items[0])
items.append(KeyError(3))
print(eg.args, eg.exceptions)
print(repr(eg), "|", str(eg))
tup = (ValueError(1),)
eg2 = ExceptionGroup("t", tup)
print(eg2.args[1] is tup, eg2.exceptions is tup, repr(eg2))
for name in ("message", "exceptions"):
    for act in (lambda: setattr(eg, name, "x"), lambda: delattr(eg, name)):
        try:
            act()
        except AttributeError as e:
            print(name, "AttributeError:", e)
eg.args = ("a", "b", "c")
print(eg.args, eg.message, len(eg.exceptions), repr(eg), "|", str(eg))
print(str(ExceptionGroup("", [ValueError(), TypeError()])) + "|")
print(str(ExceptionGroup("two", [ValueError(), ExceptionGroup("x", [KeyError(1), KeyError(2)])])))
print(eg.__traceback__, eg.__cause__, eg.__context__, eg.__suppress_context__, hasattr(eg, "__notes__"))
print(ExceptionGroup("m", [ValueError()]) == ExceptionGroup("m", [ValueError()]))
print(eg2.__reduce__())
print(eg2.__dict__, eg2.with_traceback(None) is eg2)

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(sorted(vars(BaseExceptionGroup)))
print(sorted(vars(ExceptionGroup)), ExceptionGroup.__module__, ExceptionGroup.__doc__)
print(BaseExceptionGroup.__doc__)
beg = BaseExceptionGroup("b", [SystemExit()])
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), isinstance(beg, Exception),
      isinstance(beg, ExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
print(ExceptionGroup[int], type(ExceptionGroup[int]).__name__, BaseExceptionGroup[ValueError])
print(ExceptionGroup[int].__origin__, ExceptionGroup[ValueError, KeyError].__args__)
# ExceptionGroup is built at start-up like a class statement: a heap type with __weakref__.
ExceptionGroup.extra = 1
print(ExceptionGroup.extra, eg2.extra)
del ExceptionGroup.extra
try:
    BaseExceptionGroup.extra = 1
except TypeError as e:
    print(e)
for o in (eg2, beg, MyBEG("m", [SystemExit()])):
    try:
        print(type(o).__name__, weakref.ref(o)() is o)
    except TypeError as e:
        print(e)
for o in (eg2, ExceptionGroup("m", [ValueError(), TypeError()]), beg, MyEG("m", [ValueError()]), ValueError()):
    print(type(o).__name__, sys.getsizeof(o), gc.is_tracked(o), sys.getsizeof(o.args))
