# A generator's and a coroutine's __name__ and __qualname__ can be set (to strs only); the
# repr shows the qualified name.
def gen():
    yield 1
it = gen()
print(it.__name__, it.__qualname__)
it.__name__ = 'renamed'
it.__qualname__ = 'Q.renamed'
print(it.__name__, it.__qualname__, repr(it).split(' at ')[0])
try:
    it.__name__ = 5
except TypeError as e:
    print(e)
try:
    it.__qualname__ = None
except TypeError as e:
    print(e)
async def co():
    pass
c = co()
c.__name__ = 'x'
print(c.__name__, repr(c).split(' at ')[0])
c.close()
