# A coroutine is what calling an `async def` function makes: nothing runs until
# something drives it with send(), as an event loop does.
import gc
import sys


async def add_one(x):
    print("add_one starts with", x)
    return x + 1


c = add_one(41)
print(type(c).__name__, c.__name__, c.__qualname__)
fields = ("cr_await", "cr_code", "cr_frame", "cr_origin", "cr_running", "cr_suspended")
print([n for n in fields if n in dir(c)], "gi_frame" in dir(c), "__await__" in dir(c))
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_frame is not None, c.cr_origin)
print(c.cr_code.co_name, add_one.__code__.co_flags & 0x80, gc.is_tracked(c))
print(sys.getrefcount(c))

# Not an iterator: it is awaited, or sent to.
for attempt in (lambda: next(c), lambda: iter(c), lambda: list(c)):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)

# Driving it by hand: the return value comes back in StopIteration.
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(c.cr_frame)

try:
    add_one(1).send(5)
except TypeError as e:
    print("TypeError:", e)


async def raises():
    raise StopIteration


try:
    raises().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

w = add_one(1).__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper returned", e.value)
