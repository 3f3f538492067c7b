"""except* (3.11): each clause takes the part of the group its type matches (as split()
would), runs at most once, and binds that part; a naked exception is wrapped in
ExceptionGroup('', (exc,)); what no clause took propagates when the try statement ends."""
import sys
import traceback


def lines(e):
    return [f.lineno for f in traceback.extract_tb(e.__traceback__)]


naked = ValueError("naked")
try:
    raise naked
except* ValueError as e:
    print(repr(e), type(e).__name__, e.exceptions[0] is naked, repr(e.message))
    print(e.__traceback__, lines(naked), e.__context__, e.__cause__, naked.__context__)
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e, sys.exc_info()[2] is None)
try:
    raise SystemExit(3)
except* SystemExit as e:
    print(repr(e), type(e).__name__)
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt()])
except* BaseException as e:
    print(repr(e))

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
try:
    try:
        raise eg
    except* ValueError as e:
        print("V", repr(e), e.__traceback__ is eg.__traceback__, lines(e))
        print("  exc_info", sys.exc_info()[1] is e, sys.exc_info()[0].__name__)
    except* TypeError as e:
        print("T", repr(e), sys.exc_info()[1] is e)
    print("not reached: KeyError(3) is left")
except ExceptionGroup as rest:
    print("rest", repr(rest), rest is eg, lines(rest), rest.exceptions[0] is eg.exceptions[2])
    print("  ", rest.__context__, rest.__cause__, rest.__suppress_context__)
print(sys.exc_info())

whole = ExceptionGroup("whole", [ValueError(1), TypeError(2)])
try:
    raise whole
except* Exception as e:
    print("whole", e is whole)
try:
    raise whole
except* (ValueError, TypeError) as e:
    print("by leaves", repr(e), e is whole)

# A clause runs once, however many leaves it matched, nested or not.
runs = 0
try:
    raise ExceptionGroup("many", [ValueError(1), ValueError(2), ExceptionGroup("sub", [ValueError(3)])])
except* ValueError as e:
    runs += 1
    print(repr(e))
print("ran", runs)
# Clauses are tried in order; a leaf goes to the first that matches it.
try:
    raise ExceptionGroup("m", [KeyError("k"), IndexError("i"), ValueError("v")])
except* LookupError as e:
    print("lookup", repr(e))
except* KeyError as e:
    print("never")
except* ValueError as e:
    print("value", repr(e))
except* OSError:
    print("never either")


def unmatched_naked():
    try:
        raise KeyError(1)
    except* ValueError:
        print("never")


try:
    unmatched_naked()
except KeyError as k:
    print("propagates unwrapped:", repr(k), lines(k), k.__context__)


def unmatched_part():
    try:
        raise ExceptionGroup("in f", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    else:
        print("else not run")
    finally:
        print("finally before the rest leaves")


try:
    unmatched_part()
except ExceptionGroup as r:
    print(repr(r), lines(r))

try:
    pass
except* ValueError:
    print("no")
else:
    print("else runs when nothing was raised")
finally:
    print("finally")

try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ValueError:
    print("no name:", repr(sys.exc_info()[1]))


class MyEG(ExceptionGroup):
    pass


try:
    try:
        raise MyEG("my", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print(type(e).__name__, repr(e))
except ExceptionGroup as r:
    print(type(r).__name__, repr(r))
try:
    raise MyEG("my", [ValueError(1), TypeError(2)])
except* Exception as e:
    print(type(e).__name__, repr(e))
try:
    print(e)
except NameError as n:
    print(n)
