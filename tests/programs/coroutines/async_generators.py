# Asynchronous generators: `yield` inside `async def`, iterated with `async for`.
import asyncio
import sys


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker cleanup")


async def squares(source):
    async for x in source:
        yield x * x


async def main():
    async for t in ticker(3, 0):
        print("tick", t)
    results = []
    async for s in squares(ticker(4, 0)):
        results.append(s)
    print("squares", results)

    gen = ticker(5, 0)
    print(type(gen).__name__, gen.ag_running, gen.ag_frame is not None, gen.ag_code.co_name)
    print(await gen.__anext__(), await gen.asend(None))
    await gen.aclose()
    print("after aclose", gen.ag_frame)
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after close")

    async def echo():
        received = None
        while True:
            try:
                received = yield received
            except ValueError as e:
                received = f"caught {e}"

    e = echo()
    print(await e.asend(None), await e.asend("hello"), await e.athrow(ValueError("bad")))
    await e.aclose()

    async def one():
        yield 1
    g = one()
    aw = g.__anext__()
    print(type(aw).__name__)
    print(await aw)
    try:
        await aw
    except RuntimeError as err:
        print("RuntimeError:", err)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    for bad in (lambda: iter(one()), lambda: next(one())):
        try:
            bad()
        except TypeError as err:
            print("TypeError:", err)


asyncio.run(main())
