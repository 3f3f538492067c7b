# create_task schedules a coroutine; it first runs when the creator awaits something.
import asyncio


async def child(n):
    task = asyncio.current_task()
    print(f"child {n} runs in {task.get_name()}")
    await asyncio.sleep(0)
    print(f"child {n} finishing")
    return n * 10


async def main():
    print("main in", asyncio.current_task().get_name())
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2), name="second")
    print("created; done?", t1.done(), t2.done())
    print("names:", t1.get_name(), t2.get_name())
    print("pending tasks:", len(asyncio.all_tasks()))
    r1 = await t1
    print("t1 result", r1, "t2 done?", t2.done())
    r2 = await t2
    print("t2 result", r2, t2.result())
    # A task's callback runs through the loop after the task finishes.
    t3 = asyncio.create_task(child(3))
    t3.add_done_callback(lambda t: print("callback sees", t.result()))
    t3.set_name("renamed")
    print(await t3, t3.get_name())
    await asyncio.sleep(0)
    print("pending tasks:", len(asyncio.all_tasks()))
    print(asyncio.iscoroutinefunction(child), asyncio.iscoroutinefunction(print))
    coro = child(4)
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(t3))
    print(await coro)


asyncio.run(main())
# Each asyncio.run has its own loop; task numbers keep counting.
async def show():
    print("second run in", asyncio.current_task().get_name())
asyncio.run(show())
