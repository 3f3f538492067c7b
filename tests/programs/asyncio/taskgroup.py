# TaskGroup (3.11): the async with block waits for every task created in it.
import asyncio


async def fetch(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    return f"{name} data"


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("users", 2))
        t2 = tg.create_task(fetch("posts", 3), name="posts-task")
        print("tasks created:", t1.get_name(), t2.get_name())
    print("block done:", t1.result(), "|", t2.result())

    # A task group inside a task that gets cancelled: its children are cancelled too
    # (in no particular order, so they are only counted).
    cancelled = []

    async def child(n):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            cancelled.append(n)
            raise

    async def parent():
        async with asyncio.TaskGroup() as tg:
            for n in range(3):
                tg.create_task(child(n))
            print("parent waiting")

    p = asyncio.create_task(parent())
    await asyncio.sleep(0.001)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled(), "children:", sorted(cancelled))


asyncio.run(main())
