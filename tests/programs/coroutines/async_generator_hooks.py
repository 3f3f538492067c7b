# sys.set_asyncgen_hooks: an asynchronous generator calls `firstiter` when first
# iterated, and is handed to `finalizer` instead of being closed when it is freed while
# suspended. asyncio's loop sets both, and closes such generators in a task of its own.
import asyncio
import gc
import sys


async def numbers():
    try:
        for i in range(3):
            yield i
    finally:
        print("numbers: finally")


def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


print(sys.get_asyncgen_hooks())
seen = []
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(("first", g.__name__)),
                       finalizer=lambda g: seen.append(("finalize", g.__name__)))
g = numbers()
print(drive(g.__anext__()))
del g                     # handed to the finalizer, not closed: no "finally" here
gc.collect()
print(seen)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
for bad in ({"firstiter": 1}, {"finalizer": "x"}):
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print("TypeError:", e)


async def main():
    async for x in numbers():
        print("got", x)
        break             # the generator stays suspended; the loop closes it later
    print("after the loop")
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
print(sys.get_asyncgen_hooks())
