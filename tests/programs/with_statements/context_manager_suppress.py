class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", exc_type.__name__, exc)
            self.caught = exc
            return True
        return False

with Suppress(KeyError, ZeroDivisionError) as s:
    print("start")
    1 / 0
    print("not reached")
print("after with", type(s.caught).__name__)

with Suppress(KeyError):
    {}["x"]
print("continues")

try:
    with Suppress(KeyError):
        int("no")
except ValueError as e:
    print("not suppressed:", e)

class Timer:
    def __enter__(self):
        print("start timer")
    def __exit__(self, *args):
        print("stop timer", args)

with Timer() as t:
    print("t is", t)
