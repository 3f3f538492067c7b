# throw() and close() on a generator suspended in `yield from` reach the subiterator
# first, as CPython's _gen_throw does.
import sys
log = []


def inner():
    try:
        while True:
            try:
                x = yield 'ready'
                log.append(('inner got', x))
            except KeyError as e:
                log.append(('inner handled', repr(e)))
    finally:
        log.append('inner finally')


def middle():
    r = yield from inner()
    log.append(('middle result', r))


def outer():
    try:
        yield from middle()
    except ValueError as e:
        log.append(('outer caught', repr(e)))
        yield 'after'


g = outer()
print(next(g), g.send(1), g.throw(KeyError('k')), log)
log.clear()
print(g.throw(ValueError('v')), log)
log.clear()
g.close()
print(log)

# close() runs the inner finally blocks, innermost first.
log.clear()
g = outer()
next(g)
g.close()
print(log, g.gi_frame)


def returner():
    try:
        yield 1
    except RuntimeError:
        return 'handled and returned'


def delegate():
    r = yield from returner()
    yield ('delegate got', r)


d = delegate()
next(d)
print(d.throw(RuntimeError))


# A subiterator without throw(): the exception is raised at the yield from.
def over_list():
    try:
        yield from [1, 2, 3]
    except TypeError as e:
        yield ('caught at yield from', str(e))


o = over_list()
print(next(o), o.throw(TypeError('t')))


# An iterator class with its own throw and close.
class Echo:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def throw(self, exc):
        return 'Echo.throw saw ' + type(exc).__name__

    def close(self):
        print('Echo.close')


def over_echo():
    yield from Echo()


e = over_echo()
print(next(e), e.throw(IndexError('i')), next(e))
e.close()


# An exception the subgenerator does not handle comes out of the whole chain.
def plain():
    yield 1


def wrap():
    yield from plain()


w = wrap()
next(w)
try:
    w.throw(OSError('boom'))
except OSError as err:
    tb = err.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print('propagated', err, names)
print(next(w, 'exhausted'))


# A generator ignoring GeneratorExit inside yield from.
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            pass


def holds():
    yield from stubborn()


h = holds()
next(h)
try:
    h.close()
except RuntimeError as err:
    print('RuntimeError', err)


# Refcounts: the subgenerator is released once it finishes.
def sub2():
    try:
        yield 1
    except KeyError:
        return 'r'


s = sub2()
def holder():
    return (yield from s)


hh = holder()
next(hh)
print(sys.getrefcount(s))
try:
    hh.throw(KeyError)
except StopIteration as stop:
    print('StopIteration', stop.value)
print(sys.getrefcount(s))
