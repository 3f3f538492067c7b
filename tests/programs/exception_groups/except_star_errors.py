"""The run-time errors of except*: a clause naming ExceptionGroup (or a subclass of
BaseExceptionGroup) or something that is not an exception class raises TypeError when the
clause is reached with an exception to match, even if an earlier clause took everything;
the exception being handled at that moment becomes the TypeError's __context__."""


def attempt(body):
    try:
        body()
        print("nothing raised")
    except BaseException as e:
        print(" ", type(e).__name__ + ":", e, "| context:", repr(e.__context__))


class MyEG(ExceptionGroup):
    pass


def catch_eg():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        print("never")


def catch_beg_naked():
    try:
        raise ValueError(1)
    except* BaseExceptionGroup:
        print("never")


def catch_in_tuple():
    try:
        raise ValueError(1)
    except* (ValueError, ExceptionGroup):
        print("never")


def catch_subclass():
    try:
        raise ValueError(1)
    except* MyEG:
        print("never")


def catch_int():
    try:
        raise ValueError(1)
    except* int:
        print("never")


def catch_str():
    try:
        raise ValueError(1)
    except* "ValueError":
        print("never")


def catch_tuple_with_int():
    try:
        raise ValueError(1)
    except* (ValueError, int):
        print("never")


def catch_none():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* None:
        print("never")


def later_clause_after_all_taken():
    try:
        raise ValueError(1)
    except* ValueError:
        print("  first clause took everything")
    except* int:
        print("never")


def later_eg_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  ValueError clause ran")
        raise KeyError("lost")
    except* ExceptionGroup:
        print("never")


def no_exception_no_check():
    try:
        pass
    except* int:
        print("never")
    print("  the clause's type is never looked at")


def empty_tuple():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ():
        print("never")


def undefined():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* undefined_name:
        print("never")


def plain_except_int():
    try:
        raise ValueError(1)
    except int:
        print("never")


for body in (catch_eg, catch_beg_naked, catch_in_tuple, catch_subclass, catch_int, catch_str,
             catch_tuple_with_int, catch_none, later_clause_after_all_taken, later_eg_clause,
             no_exception_no_check, empty_tuple, undefined, plain_except_int):
    print(body.__name__)
    attempt(body)

# Left uncaught, the group made of a clause's new exception and the unhandled rest: the
# traceback printout ends with the closing line of the last box.
try:
    raise ExceptionGroup("final", [ValueError(1), TypeError(2)])
except* ValueError:
    raise RuntimeError("raised in the clause")
