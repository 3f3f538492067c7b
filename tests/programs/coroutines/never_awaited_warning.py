# Calling an async function without awaiting it makes a coroutine that never runs;
# when it is freed, CPython warns (to stderr) that it was never awaited.
import gc


async def save(n):
    print("saving", n)


def forgetful():
    save(1)          # the coroutine is made and dropped at once: a RuntimeWarning
    print("forgetful returns")


forgetful()
c = save(2)
print("holding", type(c).__name__)
del c                # the warning comes here
print("done")
