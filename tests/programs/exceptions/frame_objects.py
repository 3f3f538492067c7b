"""Frame objects: sys._getframe, f_back, f_locals (a dict the frame keeps and brings up
to date), a saved frame keeping its variables alive after it returned, frame.clear(),
and a generator's gi_frame while it is suspended."""
import gc, sys, weakref


class Heavy:
    pass


def where():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno


def outer():
    x = 10
    return where()


print(outer())
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(50)
except ValueError as e:
    print('ValueError:', e)

frames = []


def capture():
    h = Heavy()
    frames.append(sys._getframe())
    return weakref.ref(h)


r = capture()
print('held by the saved frame:', r() is not None)
f = frames[0]
print(f.f_code.co_name, sorted(f.f_locals), f.f_back.f_code.co_name)
f.clear()
print('after clear, f_locals dict still holds it:', r() is not None)
frames.clear()
del f
print('frame gone:', r() is None)


def counter():
    n = 0
    while True:
        n += 1
        yield n


g = counter()
print(g.gi_frame is not None, g.gi_suspended, g.gi_running)
next(g)
next(g)
print(g.gi_suspended, g.gi_frame.f_locals, g.gi_frame.f_code.co_name)
g.close()
print(g.gi_frame, g.gi_suspended)


def running():
    me = sys._getframe()
    try:
        me.clear()
    except RuntimeError as e:
        print('RuntimeError:', e)
    return me.f_locals


print(sorted(running()))
print(type(sys._getframe()).__name__, sys.getsizeof(sys._getframe()) > 0)
print(gc.collect())
