# contextlib: contextmanager (the generator held for the whole block), suppress, closing,
# nullcontext, ExitStack, and a context manager used as a decorator.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack
import sys
@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('a') as t:
    print('inside', t)
try:
    with tag('b'):
        raise KeyError('boom')
except KeyError as e:
    print('caught', repr(e))
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print('swallowed')
with swallow():
    1 / 0
print('after')
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def none():
    if False:
        yield
try:
    with none():
        pass
except RuntimeError as e:
    print(e)
with suppress(KeyError, IndexError):
    [][1]
print('suppressed')
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print('not suppressed')
class Res:
    def close(self):
        print('closed')
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with ExitStack() as stack:
    for n in 'xyz':
        stack.enter_context(tag(n))
    stack.callback(print, 'callback')
    print('body')
@tag('deco')
def f():
    print('in f')
f()
f()
class Lock:
    def __enter__(self):
        print('acquire'); return self
    def __exit__(self, *a):
        print('release', a[0].__name__ if a[0] else None)
try:
    with ExitStack() as s:
        s.enter_context(Lock())
        raise ValueError('x')
except ValueError as e:
    print('got', e)
cm = tag('c')
print(sys.getrefcount(cm.gen), type(cm).__name__)
with cm:
    print(cm.gen.gi_running)
print(cm.gen.gi_running)
