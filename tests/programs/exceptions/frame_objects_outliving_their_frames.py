"""A frame object that outlives its frame keeps the frame's variables: a generator's
(its f_back is None, as CPython cuts a generator frame from its caller), a deep
traceback's frames, and the callee frames sys._getframe() handed out (their f_back is
the caller's frame object, made when they finished)."""
import gc
import sys


def gen():
    x = [1, 2]
    yield sys._getframe()
    yield 2


g = gen()
fr = next(g)
del g
gc.collect()
print(fr.f_locals, fr.f_back, fr.f_lineno, fr.f_code.co_name)
fr.clear()
print(fr.f_locals)


def deep(n):
    if n == 0:
        raise ValueError('bottom')
    deep(n - 1)


try:
    deep(500)
except ValueError as e:
    err = e
tb = err.__traceback__
n = 0
while tb is not None:
    n += 1
    tb = tb.tb_next
print(n, err.__traceback__.tb_frame.f_back)
del err
print(gc.collect())


def keep():
    return sys._getframe()


frames = [keep() for _ in range(3)]
print([f.f_back.f_code.co_name for f in frames], frames[0].f_back is frames[1].f_back)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('x') from e
except RuntimeError as e2:
    print(e2.__cause__.__traceback__.tb_lineno, e2.__traceback__.tb_lineno)
e3 = ValueError('never raised')
print(e3.__traceback__)
