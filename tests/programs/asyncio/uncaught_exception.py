# An exception that escapes the main coroutine propagates out of asyncio.run;
# tasks still pending are cancelled first (their finally blocks run).
import asyncio


async def background():
    try:
        print("background waiting")
        await asyncio.sleep(10)
    finally:
        print("background cleaned up")


async def fails(n):
    await asyncio.sleep(0)
    print("about to fail", n)
    raise ValueError("boom")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0)
    await fails(1)
    print("never printed")


asyncio.run(main())
