"""A generator keeps its code object (gi_code) after it ends; gi_yieldfrom is the
iterator a suspended yield from delegates to."""
import gc, sys
def inner():
    yield 1
    yield 2
def outer():
    yield 0
    r = yield from inner()
    yield r
g = outer()
print(g.gi_yieldfrom, g.gi_code.co_name, g.gi_running, g.gi_suspended)
next(g)
print(g.gi_yieldfrom, g.gi_suspended)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
next(g); next(g)
print(g.gi_yieldfrom)
print(list(g), g.gi_code.co_name, g.gi_frame, g.gi_yieldfrom)
print(list(map(type, gc.get_referents(g))).count(type(g.gi_code)))
code = outer.__code__
before = sys.getrefcount(code)
gens = [outer(), outer(), outer()]
print(sys.getrefcount(code) - before)
del gens
print(sys.getrefcount(code) - before)
def running():
    print('inside', me.gi_running, me.gi_yieldfrom)
    yield
me = running()
next(me)
