"""An exception kept in a variable of a frame it went through: exception -> traceback ->
frame -> the variable -> the exception, a cycle that only the collector reclaims (and
everything the frames held stays alive until it runs). Python 3 deletes the `as` name
at the end of an except block for this reason; `saved = e` brings the cycle back."""
import gc, sys, weakref


class Big:
    pass


def fail():
    big = Big()
    tracker.append(weakref.ref(big))
    raise KeyError('k')


def keep_it():
    try:
        fail()
    except KeyError as e:
        saved = e
    return 1


def drop_it():
    try:
        fail()
    except KeyError as e:
        pass
    return 2


tracker = []
gc.collect()
drop_it()
print('as-name deleted, big alive:', tracker[-1]() is not None)
keep_it()
print('saved = e, big alive:', tracker[-1]() is not None)
print('collected:', gc.collect())
print('after gc, big alive:', tracker[-1]() is not None)


def returns_exc():
    try:
        fail()
    except KeyError as e:
        return e


err = returns_exc()
tb = err.__traceback__
print(type(tb).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno)
print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
print(sorted(tb.tb_next.tb_frame.f_locals))
print(tb.tb_next.tb_frame.f_back is tb.tb_frame, tb.tb_frame.f_back.f_code.co_name)
print('big alive through the traceback:', tracker[-1]() is not None)
print(sys.getrefcount(tb), gc.is_tracked(tb), gc.is_tracked(tb.tb_frame))
del tb
err.__traceback__ = None
print('traceback dropped, big alive:', tracker[-1]() is not None)
try:
    err.__traceback__ = 5
except TypeError as e:
    print(e)
print(err.with_traceback(None) is err, err.__traceback__)
del err
print(gc.collect())

try:
    raise ValueError('v')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, tb is v.__traceback__, tb.tb_frame is sys._getframe())
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
del t, v, tb
print(gc.collect())
