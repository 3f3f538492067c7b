"""A naked exception that no except* clause matched leaves the try statement as itself,
not wrapped in a group, so the uncaught traceback ends with its own line."""


def f():
    try:
        raise KeyError("left")
    except* ValueError:
        print("never")
    except* TypeError:
        print("never")
    finally:
        print("finally in f")


def g():
    try:
        f()
    except* OSError:
        print("never")


print("start")
g()
