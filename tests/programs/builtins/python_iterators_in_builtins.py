# Built-ins and unpacking driven by an iterator written in Python: whatever they hold while
# its __next__ runs (the iterator, the items so far) is held where the heap can see it.
class C:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return [self.i]
def key(x): return -x[0]
print(sorted(C(3), key=key), min(C(3), key=key), max(C(3)), list(enumerate(C(2))))
print(dict(zip('ab', C(2))), list(map(lambda a, b: (a, b), C(2), C(3))), list(filter(lambda v: v[0] % 2, C(4))))
print(set(map(tuple, C(2))), tuple(C(2)), ','.join(str(x) for x in C(3)), sum(x[0] for x in C(4)))
print(any(x[0] > 1 for x in C(3)), all(C(2)), list(reversed(list(C(2)))), [*C(2), *C(1)])
a, b, *c = C(4); print(a, b, c)
d = {}; d.update(zip('xy', C(2))); print(d)
l = []; l.extend(C(2)); l += C(1); print(l)
print(list(zip(C(2), C(3), strict=False)), list(iter(C(2).__next__, [2])))
print(sorted(frozenset(map(str, C(2)))), bytes(map(len, C(2))), str.join('-', map(str, C(3))))
print(sorted(zip(C(2), 'ba'), key=lambda t: t[1]))
