# A bounded Queue: the producer waits when it is full, consumers when it is empty.
import asyncio


async def producer(queue, n):
    for i in range(n):
        print(f"put {i} (size before {queue.qsize()})")
        await queue.put(i)
    print("producer done")


async def consumer(name, queue, log):
    while True:
        item = await queue.get()
        print(f"{name} got {item}")
        log.append((name, item))
        await asyncio.sleep(0)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    log = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, log)) for i in range(2)]
    await producer(queue, 6)
    await queue.join()
    print("all items processed:", len(log), queue.empty())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers cancelled:", [c.cancelled() for c in consumers])

    q = asyncio.Queue(1)
    q.put_nowait("x")
    print(q.full(), q.qsize(), q.maxsize)
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 3):
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in (5, 1, 3):
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])


asyncio.run(main())
