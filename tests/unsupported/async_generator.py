# refscope does not run asynchronous generators (`yield` inside `async def`) yet: it
# must stop with a clear message.
async def ticks():
    yield 1


print("never printed")
