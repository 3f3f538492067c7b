# Edge cases of coroutines and asynchronous generators: errors in __aexit__, awaits in
# finally, athrow and aclose, a coroutine awaiting itself, stop signals escaping.
import asyncio, gc, sys

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

async def reentrant():
    await me

async def main():
    # break out of async for, then close the generator explicitly
    g = agen()
    async for x in g:
        print("got", x)
        break
    await g.aclose()
    # an exception inside __aexit__
    class Bad:
        async def __aenter__(self): return self
        async def __aexit__(self, *a): raise KeyError("in aexit")
    try:
        async with Bad():
            pass
    except KeyError as e:
        print("KeyError", e)
    # await inside finally
    async def fin():
        try:
            return 1
        finally:
            await asyncio.sleep(0)
            print("finally awaited")
    print(await fin())
    # athrow into a suspended agen that catches and yields
    async def catcher():
        while True:
            try:
                yield "ready"
            except ValueError:
                yield "caught"
    c = catcher()
    print(await c.__anext__(), await c.athrow(ValueError), await c.__anext__())
    await c.aclose()
    # aclose on an agen that yields in finally
    async def stubborn():
        try:
            yield 1
        finally:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # coroutine awaiting itself
    global me
    me = reentrant()
    try:
        await me
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
    # StopAsyncIteration raised inside an async generator
    async def bad_gen():
        raise StopAsyncIteration
        yield
    try:
        async for _ in bad_gen():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    # StopIteration inside a coroutine
    async def stop():
        raise StopIteration
    try:
        await stop()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # gather of coroutines where one is cancelled
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__)
    print(sys.getrefcount(agen) >= 2)

asyncio.run(main())
print("end")
