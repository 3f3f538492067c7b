# A function's attributes live in its __dict__, a real dict made when the first one is
# set (or when __dict__ is asked for): a function that refers to itself through an
# attribute is a two-object cycle, function and dict, and gc.collect() counts both.
import functools
import gc
import sys


def counter():
    "Counts its calls."
    counter.calls += 1
    return counter.calls


print(counter.__dict__)
counter.calls = 0
counter()
counter()
print(counter.__dict__, counter.calls)

# __dict__ is the dict itself, not a copy: writing to it sets attributes.
d = counter.__dict__
d["label"] = "tally"
print(counter.label, vars(counter) is d, sys.getrefcount(d))
print(any(r is counter for r in gc.get_referrers(d)))

# __doc__ is the function's own field, not in its __dict__.
counter.__doc__ = "Counts."
print(counter.__doc__, sorted(counter.__dict__))

del counter.label
print(sorted(counter.__dict__))
try:
    del counter.label
except AttributeError as e:
    print("AttributeError:", e)

counter.__dict__ = {"calls": 10}
print(counter(), d)
try:
    counter.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)

names = dir(counter)
print("__dict__" in names, "calls" in names, "__defaults__" in names)


# functools.wraps copies the wrapped function's __dict__ into the wrapper's.
def traced(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)

    return wrapper


def area(w, h):
    return w * h


area.unit = "cm2"
wrapped = traced(area)
print(wrapped(3, 4), wrapped.unit, sorted(wrapped.__dict__))


# __defaults__ and __kwdefaults__ can be replaced; later calls use them.
def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"


greet.__defaults__ = ("Hi",)
greet.__kwdefaults__ = {"punct": "?"}
print(greet("Ada"), greet.__defaults__, greet.__kwdefaults__)
greet.__defaults__ = None
try:
    greet("Ada")
except TypeError as e:
    print("TypeError:", e)
for name, value in [("__defaults__", 3), ("__kwdefaults__", 3), ("__closure__", None)]:
    try:
        setattr(greet, name, value)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


# The self-reference: function -> __dict__ -> function.
def me():
    pass


me.me = me
del me
print(gc.collect())


def plain():
    pass


plain.__dict__
del plain
print(gc.collect())
