# An exception's own fields are descriptors on BaseException (so dir() lists them), args
# takes any iterable, its attributes live in a __dict__ from the first one on, and it
# pickles and copies through __reduce__ and __setstate__, notes and groups included.
import copy
import pickle

e = ValueError(1)
print(sorted(set(dir(e))))
e.args = [1, 2]
print(e.args, e.__cause__, e.__suppress_context__)
print(type(BaseException.args).__name__, type(BaseException.__suppress_context__).__name__)
e.__cause__ = KeyError()
print(repr(e.__cause__), e.__suppress_context__)
e.x = 1
print(e.__dict__)


class E(Exception):
    pass


print(E(3).args, E(3).__dict__, E(3).__reduce__())
e.add_note("n")
print(e.__reduce__())
f = pickle.loads(pickle.dumps(e))
print(repr(f), f.__dict__, f.__notes__, f.__notes__ is e.__notes__)
g = copy.copy(e)
print(repr(g), g.__notes__ is e.__notes__)
eg = ExceptionGroup("m", [ValueError(1), E(2)])
h = pickle.loads(pickle.dumps(eg))
print(repr(h), h.exceptions, type(h).__name__)
try:
    ValueError.extra = 1
except TypeError as err:
    print(err)
