# A generator's frame object outlives the generator: dropped right after next()
# returned, the generator is closed (GeneratorExit at its yield) while the caller
# already holds the frame it yielded.
import sys


def gen():
    yield sys._getframe()


fr = next(gen())
x = 1
print(fr.f_code.co_name, fr.f_lineno, sys.getrefcount(fr))


def pair():
    a = yield sys._getframe()
    yield a


g = pair()
f2 = next(g)
print(g.send("sent"), f2.f_code.co_name)
del g
print(f2.f_code.co_name)
