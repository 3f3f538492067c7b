it = iter([10, 20, 30])
print(next(it), next(it))
print(list(it), next(it, "exhausted"))
s = iter("ab")
print(next(s), next(s), next(s, None))
print(iter(it) is it)
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)))
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
