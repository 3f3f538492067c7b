# Cancelling a task throws CancelledError into it at its current await.
import asyncio


async def sleeper(name):
    print(f"{name} going to sleep")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(f"{name} cancelled, args={e.args}")
        raise
    finally:
        print(f"{name} cleanup")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores the cancellation")
    return "stubborn result"


async def main():
    t = asyncio.create_task(sleeper("t1"))
    await asyncio.sleep(0)
    print("cancel returns", t.cancel())
    print("cancelled yet?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting t1 raised CancelledError")
    print("t1 cancelled?", t.cancelled(), "done?", t.done())
    print("cancel again:", t.cancel())

    # Cancelled before it ever ran: the body never starts.
    t2 = asyncio.create_task(sleeper("t2"))
    t2.cancel("too late")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("t2 never started, message:", e.args)

    t3 = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t3.cancel()
    print(await t3, t3.cancelled())
    print(issubclass(asyncio.CancelledError, Exception),
          issubclass(asyncio.CancelledError, BaseException))

    t4 = asyncio.create_task(sleeper("t4"))
    await asyncio.sleep(0)
    t4.cancel()
    await asyncio.sleep(0)
    try:
        t4.result()
    except asyncio.CancelledError:
        print("result() of a cancelled task raises CancelledError")
    f = asyncio.get_running_loop().create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)


asyncio.run(main())
