# Condition variables: consumers wait() until a producer notifies them.
import asyncio


async def consumer(name, cond, items):
    async with cond:
        print(f"{name} waits")
        await cond.wait_for(lambda: items)
        print(f"{name} takes {items.pop(0)}")


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, items)) for i in range(3)]
    await asyncio.sleep(0)
    for value in ("apple", "pear"):
        async with cond:
            items.append(value)
            print("notify one for", value)
            cond.notify()
        await asyncio.sleep(0)
    async with cond:
        items.append("plum")
        print("notify all")
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("left:", items)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # Cancelling the outer awaiting task does not cancel a shielded inner task.
    async def precious():
        await asyncio.sleep(0.1)
        print("precious work finished")
        return "saved"

    inner = asyncio.create_task(precious())

    async def guard():
        return await asyncio.shield(inner)

    g = asyncio.create_task(guard())
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("guard cancelled, inner cancelled?", inner.cancelled())
    print(await inner)


asyncio.run(main())
