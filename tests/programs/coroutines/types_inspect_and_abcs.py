# The types, inspect predicates and collections.abc classes of coroutines and
# asynchronous generators, and types.coroutine, which makes a generator awaitable.
import types, inspect, collections.abc as cabc
async def c(): pass
async def a(): yield 1
co = c(); ag = a()
print(types.CoroutineType, types.AsyncGeneratorType)
print(isinstance(co, types.CoroutineType), isinstance(ag, types.AsyncGeneratorType))
print(inspect.iscoroutinefunction(c), inspect.iscoroutine(co), inspect.isawaitable(co), inspect.isasyncgenfunction(a), inspect.isasyncgen(ag))
print(isinstance(co, cabc.Coroutine), isinstance(co, cabc.Awaitable), isinstance(ag, cabc.AsyncGenerator), isinstance(ag, cabc.AsyncIterator))
@types.coroutine
def old():
    yield 5
async def uses_old():
    return await old()
x = uses_old()
print(x.send(None))
co.close()
