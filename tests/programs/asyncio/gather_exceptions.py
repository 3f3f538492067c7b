# How gather reports exceptions, with and without return_exceptions.
import asyncio


async def ok(n, delay):
    await asyncio.sleep(delay)
    print(f"ok {n} finished")
    return n


async def bad(msg, delay):
    await asyncio.sleep(delay)
    print(f"bad {msg} raising")
    raise ValueError(msg)


async def main():
    results = await asyncio.gather(ok(1, 0.1), bad("x", 0), ok(2, 0),
                                   return_exceptions=True)
    print([type(r).__name__ for r in results], results[1])

    try:
        await asyncio.gather(ok(3, 0.1), bad("first", 0), bad("second", 0.05))
    except ValueError as e:
        print("caught", e)
    # The other children keep running after gather raised.
    await asyncio.sleep(0.2)
    print("after the others finished")

    t = asyncio.create_task(ok(4, 0.1))
    g = asyncio.gather(t, ok(5, 0), t)
    print(await g)

    # A cancelled child appears as a CancelledError in the results.
    t6 = asyncio.create_task(ok(6, 1))
    t7 = asyncio.create_task(ok(7, 0))
    t6.cancel()
    res = await asyncio.gather(t6, t7, return_exceptions=True)
    print([type(r).__name__ for r in res])


asyncio.run(main())
