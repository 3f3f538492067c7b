# A generator is small whatever it will produce: sys.getsizeof counts the generator and
# its frame, whose locals and value stack live inside it (co_nlocals + co_stacksize
# slots), not the values to come.
import sys


def nothing():
    yield 1


def count(n):
    for i in range(n):
        yield i


def pairs(xs, ys, scale=2):
    for x in xs:
        for y in ys:
            yield (x * scale, y * scale)


def guarded(it):
    try:
        yield from it
    except ValueError as e:
        print("caught", e)
    finally:
        print("done")


def managed(lock):
    with lock:
        yield 1


def nested():
    total = 0
    while True:
        got = yield total
        total += got


print(sys.getsizeof(nothing()), sys.getsizeof(count(10)), sys.getsizeof(count(10**6)))
print(sys.getsizeof(pairs([1], [2])), sys.getsizeof(guarded([])), sys.getsizeof(managed(None)))
print(sys.getsizeof(nested()))
squares = (x * x for x in range(10**6))
plain = (x for x in range(10))
print(sys.getsizeof(squares), sys.getsizeof(plain), sys.getsizeof([x * x for x in range(1000)]))
print(sys.getsizeof((a + b for a, b in zip("ab", "cd"))), sys.getsizeof((len(s) for s in ["x"] if s)))
for f in (nothing, count, pairs, guarded, managed, nested):
    print(f.__name__, f.__code__.co_nlocals, f.__code__.co_stacksize)
g = count(3)
before = sys.getsizeof(g)
print(list(g), sys.getsizeof(g) == before)
