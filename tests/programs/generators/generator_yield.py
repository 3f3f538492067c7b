def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("done")

g = countdown(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
for value in g:
    print("loop", value)
print(list(countdown(2)))
print(next(countdown(0), "empty"))
try:
    next(g)
except StopIteration:
    print("StopIteration")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])
