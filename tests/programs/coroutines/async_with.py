# `async with` awaits __aenter__ and __aexit__; break, continue, return and exceptions
# leave the block through __aexit__, whose true result suppresses the exception.
class CM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("enter", self.name); return self
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None); return self.name == "quiet"
async def main():
    async with CM("a") as x, CM("b"):
        print("body", x.name)
    async with CM("quiet"):
        raise ValueError("hidden")
    for i in range(3):
        async with CM(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
    try:
        async with CM("loud"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", e)
    async def inner():
        async with CM("ret"):
            return 5
    print("inner", await inner())
    try:
        async with 5:
            pass
    except TypeError as e:
        print(e)
c = main()
try:
    c.send(None)
except StopIteration:
    print("done")
