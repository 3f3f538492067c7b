# refscope does not run async functions yet: it must stop with a clear message.
async def fetch():
    return 1


print("never printed")
