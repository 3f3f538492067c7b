# An exception that goes through a @contextmanager generator keeps the traceback it had
# (contextlib puts it back), so an uncaught one shows the block's line only.
import sys
from contextlib import contextmanager


@contextmanager
def opened(name):
    print("open", name)
    try:
        yield name
    finally:
        print("close", name)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


class Big:
    pass


def work():
    big = Big()
    with opened("log"):
        raise ValueError("inside the block")


with swallow():
    {}["missing"]
try:
    work()
except ValueError as e:
    print("caught", e)
with opened("data"):
    1 / 0
