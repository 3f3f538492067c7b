# Asynchronous comprehensions: `async for` and `await` inside list, set and dict
# comprehensions of an async def, and asynchronous generator expressions.
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def main():
    print([x async for x in numbers(4)])
    print({x % 2 async for x in numbers(5)})
    print({x: x * x async for x in numbers(3) if x != 1})
    print([await double(x) for x in range(3)])
    print([await double(x) async for x in numbers(3)])
    print([(x, y) async for x in numbers(2) for y in "ab"])
    print([y async for x in numbers(2) async for y in numbers(x + 1)])
    gen = (x * 10 async for x in numbers(3))
    print(type(gen).__name__)
    print([v async for v in gen])
    total = 0
    async for v in (await double(x) for x in range(4)):
        total += v
    print("total", total)


asyncio.run(main())
for src in ("[x async for x in y]", "def f():\n    return [await x for x in y]"):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
