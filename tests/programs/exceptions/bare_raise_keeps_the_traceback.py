import traceback


def f():
    raise ValueError('deep')


def g():
    try:
        f()
    except ValueError:
        raise


def h():
    try:
        g()
    except ValueError as e:
        print([(fr.name, fr.lineno) for fr in traceback.extract_tb(e.__traceback__)], e.__context__)
        return e


again = h()
print(type(again).__name__, len(traceback.extract_tb(again.__traceback__)))


try:
    raise
except RuntimeError as e:
    print(e, e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise KeyError('inner')
        except KeyError:
            pass
        raise
except ZeroDivisionError as z:
    print(repr(z), z.__context__, [fr.lineno for fr in traceback.extract_tb(z.__traceback__)])


def parse(s):
    try:
        return int(s)
    except ValueError:
        raise


parse('x')
