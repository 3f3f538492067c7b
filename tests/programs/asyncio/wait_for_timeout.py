# wait_for cancels the awaited task when the timeout expires and raises TimeoutError.
import asyncio


async def job(name, delay):
    print(f"{name} started")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} was cancelled by the timeout")
        raise
    print(f"{name} finished")
    return name


async def main():
    print(await asyncio.wait_for(job("quick", 0.001), timeout=0.5))
    try:
        await asyncio.wait_for(job("slow", 1), timeout=0.01)
    except asyncio.TimeoutError:
        print("TimeoutError (builtin?", asyncio.TimeoutError is TimeoutError, ")")
    print(await asyncio.wait_for(job("no limit", 0), None))

    # The timeout() context manager (3.11) turns the cancellation into TimeoutError.
    try:
        async with asyncio.timeout(0.01):
            await job("in timeout block", 1)
    except TimeoutError:
        print("timeout block expired")
    async with asyncio.timeout(0.5) as cm:
        await job("fast in block", 0)
    print("expired?", cm.expired())

    # shield: the timeout cancels the wrapper, but the inner task keeps running.
    inner = asyncio.create_task(job("shielded", 0.2))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.05)
    except TimeoutError:
        print("shield timed out; inner cancelled?", inner.cancelled())
    print("inner result:", await inner)


asyncio.run(main())
