# Coroutines take turns at each await: sleep(0) hands control back to the loop.
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")
    return name.upper()


async def slow(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} wakes after {delay}")
    return delay


async def main():
    print("main starts")
    results = await asyncio.gather(worker("a", 3), worker("b", 1), worker("c", 2))
    print("gather:", results)
    # Results come back in argument order, not in the order they finished.
    results = await asyncio.gather(slow("x", 0.2), slow("y", 0.1), slow("z", 0))
    print("gather:", results)
    print("empty gather:", await asyncio.gather())
    value = await asyncio.sleep(0.001, result="sleep result")
    print(value)
    return "main result"


print(asyncio.run(main()))
