# Where exceptions get a __context__: raised (not propagated) in a frame, so not from a
# generator re-raising through next(), nor a throw(); close() does chain. After an except*
# clause that takes nothing, the next sees the original group. An OSError keeps its
# message with notes. An exception in __del__ prints as the unraisable hook does: the
# traceback and one line, no 'Did you mean' (the last line of stderr).
def gen():
    try: raise ExceptionGroup('g', [TypeError(1), KeyError(2)])
    except* TypeError as e: raise e
    yield
try:
    try: raise ValueError(0)
    except ValueError: next(gen())
except BaseException as esc: print(repr(esc.__context__))
def gen2():
    try: yield 1
    except ValueError as e: print(repr(e.__context__)); yield 2
it = gen2(); next(it)
try: raise KeyError('outer')
except KeyError: it.throw(ValueError('thrown'))
def gen3():
    try:
        yield 1
    finally:
        raise RuntimeError("in finally")
it = gen3(); next(it)
try:
    try: raise KeyError('o')
    except KeyError: it.close()
except RuntimeError as r:
    print(repr(r.__context__), repr(r.__context__.__context__))
def gen4():
    raise IndexError("from gen4")
    yield
try:
    try: raise KeyError('p')
    except KeyError: next(gen4())
except IndexError as x:
    print(repr(x.__context__))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        print("derive", self.message); return MyEG(self.message + "*", excs)
g = MyEG('g', [ValueError(1)])
try:
    try: raise g
    except* TypeError: pass
    except* Exception as e:
        print(repr(e), e is g, e.__suppress_context__); e.add_note('note'); raise
except ExceptionGroup as esc:
    print(repr(esc), getattr(esc, '__notes__', None))
e = OSError(10, 'os10'); e.add_note('n'); print(str(e))


class Finalized:
    def __del__(self):
        print(countr)


counter = 0
f = Finalized()
del f
print("after del")

# `raise x` gives x the handled exception as __context__ even when it had one (CPython
# replaces it), and cuts a cycle that would make.
try:
    try:
        try:
            raise KeyError(7)
        except KeyError as k:
            raise TypeError(8) from k
    except* TypeError as grp:
        raise grp.exceptions[0]
except TypeError as t:
    print(repr(t.__context__), repr(t.__cause__), t.__context__.__context__)
a = ValueError("a")
try:
    try:
        raise a
    except ValueError:
        raise KeyError("b")
except KeyError as b:
    try:
        raise a
    except ValueError as again:
        print(repr(again.__context__), repr(b.__context__))
