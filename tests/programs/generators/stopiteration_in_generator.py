# PEP 479: a StopIteration escaping a generator body becomes a RuntimeError.
def bad():
    yield 1
    next(iter([]))
    yield 2

try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__)

it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
