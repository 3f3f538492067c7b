import atexit, weakref

class A:
    pass

def bye(name, punct="!"):
    print("bye", name + punct)

def boom():
    raise ValueError("nope")

atexit.register(bye, "first")
atexit.register(boom)
atexit.register(bye, "second", punct="?")
a = A()
f = weakref.finalize(a, print, "finalized a at exit")
b = A()
g = weakref.finalize(b, print, "b: never")
g.atexit = False
c = A()
h = weakref.finalize(c, print, "c: detached")
h.detach()
print(f.atexit, g.atexit, f.alive)
atexit.unregister(boom)
atexit.register(boom)
print("end of program")
