# sys.exit() still runs the atexit functions; exit code from SystemExit.
import atexit
import sys

calls = []


def first():
    print("first, calls so far:", calls)


def second(x, y=0):
    calls.append((x, y))
    print("second", x, y)


atexit.register(first)
atexit.register(second, 1, y=2)
atexit.register(second, 3)
atexit.unregister(second)
atexit.register(second, 4)
print("exiting")
sys.exit(3)
