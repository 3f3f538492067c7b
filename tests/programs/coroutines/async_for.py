# `async for` awaits __anext__ for each item; StopAsyncIteration ends the loop.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Ticker:
    """An async iterator whose __anext__ is a plain awaitable."""
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        self.i += 1
        return Step(self.i)


class Step:
    def __init__(self, i):
        self.i = i

    def __await__(self):
        yield "tick"
        if self.i > 3:
            raise StopAsyncIteration
        return self.i * 10


async def main():
    async for x in Countdown(3):
        print("countdown", x)
    else:
        print("countdown done")
    async for x in Countdown(5):
        if x == 3:
            continue
        if x == 1:
            break
        print("partial", x)
    else:
        print("not printed")
    total = 0
    async for v in Ticker():
        total += v
    print("total", total)
    try:
        async for x in Countdown(2):
            raise ValueError(x)
    except ValueError as e:
        print("ValueError", e)
    for bad in (5, BadAiter(), BadAnext()):
        try:
            async for x in bad:
                pass
        except TypeError as e:
            print("TypeError:", e)


class BadAiter:
    def __aiter__(self):
        return 5


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


def drive(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration:
            return ticks


print("ticks", drive(main()))
