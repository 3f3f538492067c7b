# Driving an event loop by hand: callbacks, timers and futures.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("running?", loop.is_running(), "closed?", loop.is_closed())


def say(*args):
    print("callback", *args)


async def compute(fut):
    print("compute starts; running?", asyncio.get_running_loop() is loop)
    loop.call_soon(say, "soon 1")
    loop.call_later(0.1, say, "later 0.1")
    loop.call_at(loop.time() + 0.05, say, "at +0.05")
    handle = loop.call_soon(say, "cancelled, never runs")
    handle.cancel()
    loop.call_soon(say, "soon 2")
    await asyncio.sleep(0.2)
    fut.set_result(42)
    print("result set")
    return "compute done"


fut = loop.create_future()
fut.add_done_callback(lambda f: print("done callback 1:", f.result()))
fut.add_done_callback(lambda f: print("done callback 2"))
print(loop.run_until_complete(compute(fut)))
print(loop.run_until_complete(fut))
removed = fut.remove_done_callback(say)
print("removed", removed)
loop.close()
print("closed?", loop.is_closed())
try:
    loop.call_soon(say, "x")
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    asyncio.run(1)
except ValueError as e:
    print("ValueError:", e)


async def inner():
    return 1


async def outer():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    return await inner()

print(asyncio.run(outer()))
