"""Raising inside except* clauses: what the clauses raise is gathered with what none of them
took. A bare `raise` puts its leaves back in the original group's shape (a rebuilt copy);
a new exception gets the clause's part as __context__ and, with anything else to raise,
all of it goes into a new ExceptionGroup('', [...]) with the re-raised shape last."""
import traceback


def lines(e):
    return [f.lineno for f in traceback.extract_tb(e.__traceback__)]


def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(f"{indent}{type(e).__name__}({e.message!r}) context={e.__context__!r} cause={e.__cause__!r}")
        for x in e.exceptions:
            show(x, indent + "  ")
    else:
        print(f"{indent}{e!r} context={e.__context__!r} cause={e.__cause__!r}")


def attempt(title, body):
    print("---", title)
    try:
        body()
        print("nothing raised")
    except BaseException as r:
        show(r)
        return r


def new_in_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        seen.append(e)
        raise RuntimeError("new")


seen = []
r = attempt("new exception + unhandled rest", new_in_clause)
print(r.exceptions[0].__context__ is seen[0], lines(r), lines(r.exceptions[0]), lines(r.exceptions[1]))
print(type(r.exceptions).__name__, r.__suppress_context__, r.exceptions[1].__suppress_context__)


def two_clauses():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("from V")
    except* TypeError:
        raise OSError("from T") from None


r = attempt("two clauses raise", two_clauses)
print(r.exceptions[1].__suppress_context__)


def only_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("only")


attempt("one new exception and nothing left: not grouped", only_new)


def naked_then_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise RuntimeError("replacement")


attempt("naked caught, new raised", naked_then_new)
ORIG = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("sub", [TypeError(2), ValueError(3)]), KeyError(4)])


def bare_in_both():
    try:
        raise ORIG
    except* ValueError:
        raise
    except* TypeError:
        raise


r = attempt("bare raise in both clauses", bare_in_both)
print(r is ORIG, r.exceptions[1] is ORIG.exceptions[1], r.exceptions[0] is ORIG.exceptions[0])


def bare_and_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("sub", [TypeError(2), ValueError(3)]), KeyError(4)])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("new")


attempt("bare raise + new exception", bare_and_new)


def raise_bound():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e


attempt("raise e: a new raise of the part, not a re-raise", raise_bound)


def naked_reraise():
    try:
        raise ValueError("n")
    except* ValueError:
        raise


r = attempt("bare raise of a naked exception re-raises the wrapper", naked_reraise)
print(repr(r), lines(r), lines(r.exceptions[0]))


def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise RuntimeError("x") from e


r = attempt("raise ... from the part", raise_from)
print(r.exceptions[0].__cause__ is r.exceptions[0].__context__)

