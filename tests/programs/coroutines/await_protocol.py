# `await x` runs x's `__await__` iterator to its end, passing every value it yields
# up to whoever drives the outermost coroutine: a tiny hand-made event loop.


class Ticket:
    """An awaitable: yields itself to the driver, which sends the answer back."""

    def __init__(self, name):
        self.name = name

    def __await__(self):
        answer = yield self
        return answer


async def fetch(name):
    print("fetch", name, "waits")
    value = await Ticket(name)
    print("fetch", name, "got", value)
    return value * 2


async def main():
    a = await fetch("a")
    b = await fetch("b")
    return a + b


def run(coro):
    value = None
    while True:
        try:
            ticket = coro.send(value)
        except StopIteration as done:
            return done.value
        print("driver answers", ticket.name)
        value = len(ticket.name) * 10


print("result", run(main()))


async def bad(obj):
    await obj


class Coro:
    def __await__(self):
        return main()


class NotIter:
    def __await__(self):
        return 5


for obj in (3, Coro(), NotIter()):
    try:
        bad(obj).send(None)
    except TypeError as e:
        print("TypeError:", e)

# Awaiting the same coroutine twice at once is an error.
inner = fetch("x")


async def first():
    await inner


async def second():
    await inner


f = first()
f.send(None)
print(type(f.cr_await).__name__, f.cr_await is inner)
try:
    second().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
f.close()
print(f.cr_frame, inner.cr_frame)
