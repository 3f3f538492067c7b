"""asyncio.TaskGroup gathers its failed tasks' exceptions into an ExceptionGroup (message
'unhandled errors in a TaskGroup'); the first failure cancels the tasks still running, so
two tasks fail together only in the same loop step, or when one fails while being
cancelled. except* takes the parts by type; leaves are in the order the tasks failed."""
import asyncio


async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def fail_now(exc):
    raise exc


async def fail_when_cancelled(exc):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise exc


async def finish_after(delay, log, name):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} finished")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def star():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_now(ValueError("bad value")))
            tg.create_task(fail_now(TypeError("bad type")))
            tg.create_task(finish_after(0.5, log, "slow"))
    except* ValueError as e:
        print("ValueError part:", repr(e), [str(x) for x in e.exceptions])
    except* TypeError as e:
        print("TypeError part:", repr(e), [str(x) for x in e.exceptions])
    print(log)


async def plain():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_when_cancelled(KeyError("k")))
            tg.create_task(fail_after(0.10, ZeroDivisionError("z")))
            tg.create_task(finish_after(0.05, log, "quick"))
    except BaseExceptionGroup as eg:
        print(type(eg).__name__, "|", eg, "|", eg.message)
        print(sorted((repr(x) for x in eg.exceptions), key=str))
        print([type(x).__name__ for x in eg.exceptions])
    print(log)


async def body_fails():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(finish_after(0.5, log, "child"))
            await asyncio.sleep(0.05)
            raise RuntimeError("in the body")
    except* RuntimeError as e:
        print("body error:", repr(e))
    print(log)


async def one_failure():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.05, OSError("only one")))
    except ExceptionGroup as eg:
        print(repr(eg), len(eg.exceptions), eg.exceptions[0].__traceback__ is not None)


async def nested_groups():
    async def inner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.05, ValueError("inner 1")))
            tg.create_task(fail_after(0.05, ValueError("inner 2")))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner())
            tg.create_task(fail_when_cancelled(TypeError("outer")))
    except* ValueError as e:
        print("values:", repr(e))
    except* TypeError as e:
        print("types:", repr(e))


async def main():
    await star()
    await plain()
    await body_fails()
    await one_failure()
    await nested_groups()


asyncio.run(main())
