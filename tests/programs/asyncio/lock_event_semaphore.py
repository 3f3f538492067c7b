# Lock, Event and Semaphore used with async with; the order shows who waits.
import asyncio


async def locked_worker(name, lock):
    print(f"{name} wants the lock")
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(f"{name} releases the lock")


async def waiter(name, event):
    print(f"{name} waits for the event")
    await event.wait()
    print(f"{name} sees the event")


async def limited(name, sem):
    async with sem:
        print(f"{name} in (free places: {sem._value})")
        await asyncio.sleep(0.001)
        print(f"{name} out")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_worker(n, lock) for n in "ABC"))
    print("lock locked?", lock.locked())

    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print("setting the event")
    event.set()
    await asyncio.gather(*tasks)
    print("is_set:", event.is_set(), await event.wait())
    event.clear()
    print("after clear:", event.is_set())

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(f"s{i}", sem) for i in range(4)))
    bsem = asyncio.BoundedSemaphore(1)
    async with bsem:
        print("bounded locked?", bsem.locked())
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
