# A generator expression computes nothing until it is iterated.
log = []
def noisy(x):
    log.append(x)
    return x * 10
gen = (noisy(x) for x in range(5))
print(log)
print(next(gen), log)
print(next(gen), log)
print(list(gen), log)
print(list(gen))
print(sum(x * x for x in range(10)))
print(max((len(w), w) for w in ["aa", "b", "ccc"]))
print(type(gen).__name__)
print(any(x > 3 for x in [1, 5, 2]), all(x > 0 for x in []))
