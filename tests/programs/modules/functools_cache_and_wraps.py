# functools: a cache keeps its arguments and results alive (the leak a lecture shows
# with lru_cache), wraps makes a decorator's wrapper look like the function, partial and
# reduce, cmp_to_key and total_ordering.
import functools
import gc
import sys


class Big:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Big({self.n})"


@functools.lru_cache(maxsize=2)
def load(n):
    print("loading", n)
    return Big(n)


a = load(1)
print(sys.getrefcount(a))  # a, the cache, the argument
load(1)
load(2)
load(3)  # evicts 1, the least recently used
print(sys.getrefcount(a))
print(load.cache_info())
load(2)
print(load.cache_info(), load.cache_info() == (1, 3, 2, 2))
hits, misses, maxsize, size = load.cache_info()
print(hits, misses, maxsize, size)
load.cache_clear()
print(load.cache_info(), load.__name__, load.__wrapped__.__name__)


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@functools.cache
def square(x, *, scale=1):
    print("computing", x, scale)
    return [x * x * scale]


r = square(3)
print(square(3) is r, square(3, scale=2), square(3, scale=2))
print(square.cache_info(), square.cache_parameters())
print(sys.getrefcount(r))
del r
square.cache_clear()
gc.collect()


def trace(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args, kwargs)
        return f(*args, **kwargs)
    return wrapper


@trace
def add(x, y=10):
    """Adds."""
    return x + y


print(add(1), add(2, y=3))
print(add.__name__, add.__qualname__, add.__doc__, add.__wrapped__.__name__)
print(sorted(add.__dict__), repr(add).split(" at ")[0])

double = functools.partial(add.__wrapped__, y=0)
print(double(5), double.args, double.keywords, double.func is add.__wrapped__)
p2 = functools.partial(functools.partial(pow, 2), 5)
print(p2(), p2.args, repr(functools.partial(max, 1, key=abs)).startswith("functools.partial(<built-in"))
print(functools.reduce(lambda x, y: x * y, range(1, 6)), functools.reduce(max, [], 7))
try:
    functools.reduce(max, [])
except TypeError as e:
    print("TypeError:", e)
words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words, key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts


v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 <= v2, v1 > v2, v1 >= v2, v2 >= v2, v1 == Version(1, 2))
