# A generator that yields inside an `except` block takes the exception it is handling
# with it (CPython's gi_exc_state): the caller does not see it as handled, and it comes
# back when the generator resumes.
import gc
import sys


def g():
    try:
        yield 1
    except KeyError:
        print("caught", sys.exc_info()[0].__name__, repr(sys.exception()))
        yield 2
        print("back", sys.exc_info()[:2])
    yield 3


gen = g()
next(gen)
print(gen.throw(KeyError("k")))
print("outside", sys.exc_info(), sys.exception())
try:
    raise ValueError("v")
except ValueError as e:
    print("context:", repr(e.__context__))
print(next(gen))
print("outside", sys.exc_info())


# Inside a caller's except block, a generator that handles nothing sees the caller's.
def reporter():
    while True:
        yield repr(sys.exception())


r = reporter()
print(next(r))
try:
    1 / 0
except ZeroDivisionError:
    print(next(r))
    try:
        raise TypeError("inner")
    except TypeError:
        print(next(r))
    print(next(r))
print(next(r))


# Two generators suspended in their handlers, resumed in turn.
def handler(name):
    try:
        raise RuntimeError(name)
    except RuntimeError:
        yield sys.exception().args[0]
        yield sys.exception().args[0]
        raise


a, b = handler("a"), handler("b")
print(next(a), next(b), sys.exception())
print(next(b), next(a))
for x in (a, b):
    try:
        next(x)
    except RuntimeError as e:
        print("re-raised", e, repr(e.__context__))
print(sys.exception())


# A raise in the caller while a generator holds an exception has no context from it.
def holder():
    try:
        raise KeyError("held")
    except KeyError:
        yield


h = holder()
next(h)
try:
    raise OSError("caller")
except OSError as e:
    print(repr(e), repr(e.__context__))


# The suspended generator keeps the exception alive, and a cycle through it is garbage.
class Boom(Exception):
    pass


def keeper():
    try:
        raise Boom()
    except Boom as e:
        e.gen = gen_self[0]
        yield


gen_self = [None]
k = keeper()
gen_self[0] = k
next(k)
del gen_self[0]
print(gc.is_tracked(k))
del k
print(gc.collect())


# Closing a generator suspended in its handler runs its finally with the handler state.
def closer():
    try:
        try:
            raise LookupError("l")
        except LookupError:
            yield
    finally:
        print("finally sees", repr(sys.exception()))


c = closer()
next(c)
c.close()
print(sys.exception())


# A generator suspended in try/finally inside a garbage cycle is closed by the collector
# (PEP 442), which runs its finally. Closing drops its frame, and with it the only
# reference to the list: both are freed then, so the collection counts none of them.
def with_finally(box):
    try:
        yield 1
    finally:
        print("finally, box of", len(box))


box = []
it = with_finally(box)
box.append(it)
next(it)
del it, box
print(gc.collect())

# When the list also holds itself, the cycle outlives the close and is counted.
box = []
box.append(box)
it = with_finally(box)
box.append(it)
next(it)
del it, box
print(gc.collect())
