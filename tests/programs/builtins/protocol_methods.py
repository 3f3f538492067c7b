# The iterator and container protocols' special methods as attributes: it.__next__(),
# g.__next__() with a generator's return value, [].__len__(), __contains__, __getitem__.
it = iter([1, 2])
print(it.__next__(), next(it), iter(it) is it, it.__iter__() is it)
try:
    it.__next__()
except StopIteration as e:
    print('StopIteration', e.value)
def g():
    yield 1
    return 5
x = g()
print(x.__next__(), x.__iter__() is x)
try:
    x.__next__()
except StopIteration as e:
    print('stop', e.value)
nums = [3, 1, 2]
print(nums.__len__(), nums.__contains__(2), nums.__getitem__(0), list(nums.__iter__()), 'abc'.__len__(), {'a': 1}.__getitem__('a'), range(5).__len__())
print((1, 2).__contains__(3), {1, 2}.__len__(), 'xyz'.__getitem__(slice(1, None)), len({}.keys()), {'k': 1}.keys().__contains__('k'))
e = enumerate('ab'); print(e.__next__(), list(zip('ab', 'cd')).__len__(), map(str, [1]).__next__())
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print([c for c in Countdown(3)], hasattr([], '__len__'), hasattr(5, '__len__'), hasattr(iter(()), '__next__'))
