# asyncio.wait returns (done, pending) sets; as_completed yields in finishing order.
import asyncio


async def job(n, delay, fail=False):
    await asyncio.sleep(delay)
    print(f"job {n} finished")
    if fail:
        raise RuntimeError(f"job {n} failed")
    return n


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [asyncio.create_task(job(i, d), name=f"j{i}")
             for i, d in enumerate((0.3, 0, 0.2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print("after timeout:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(tasks)
    print("all:", names(done), len(pending), sorted(t.result() for t in done))

    tasks = [asyncio.create_task(job(10, 0.1), name="slow"),
             asyncio.create_task(job(11, 0, fail=True), name="failing")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), [str(t.exception()) for t in done])
    await asyncio.wait(pending)

    coros = [job(20, 0.2), job(21, 0), job(22, 0.1)]
    for next_done in asyncio.as_completed(coros):
        print("as_completed gives", await next_done)
    coro = job(30, 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()


asyncio.run(main())
