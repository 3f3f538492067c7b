# queue: Queue is first in, first out (a deque in .queue), LifoQueue a stack (a list),
# PriorityQueue hands out the smallest item first (a heap in a list); SimpleQueue is a
# bare FIFO. A BFS and a DFS over a small graph, and a scheduler by priority.
import queue
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue

graph = {'A': ['B', 'C'], 'B': ['D', 'E'], 'C': ['F'], 'D': [], 'E': ['F'], 'F': []}

def bfs(start):
    seen, order = {start}, []
    q = Queue()
    q.put(start)
    while not q.empty():
        node = q.get()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.put(nxt)
        print(' ', node, '->', q.queue, q.qsize())
    return order

def dfs(start):
    seen, order = set(), []
    s = LifoQueue()
    s.put(start)
    while s.qsize():
        node = s.get_nowait()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        for nxt in graph[node]:
            s.put_nowait(nxt)
        print(' ', node, '->', s.queue)
    return order

print('bfs', bfs('A'))
print('dfs', dfs('A'))

pq = PriorityQueue()
for task in [(3, 'write report'), (1, 'fix bug'), (2, 'review'), (1, 'answer mail'), (5, 'lunch')]:
    pq.put(task)
print(pq.queue)
while not pq.empty():
    print(pq.get())
for n in [5, 1, 4, 1, 5, 9, 2, 6]:
    pq.put_nowait(n)
print(pq.queue, [pq.get() for _ in range(pq.qsize())])

sq = SimpleQueue()
for word in 'to be or not'.split():
    sq.put(word)
print(sq.qsize(), sq.empty(), [sq.get() for _ in range(3)], sq.get_nowait(), sq.empty())

# Reprs, subscripting the class, the exception classes.
for obj in [Queue(), LifoQueue(), PriorityQueue(), SimpleQueue()]:
    r = repr(obj)
    print(r[:r.index(' at 0x')], type(obj).__name__, type(obj).__module__)
print(Queue[int], PriorityQueue[tuple], SimpleQueue[str])
print(queue.Empty, queue.Full, issubclass(queue.Empty, Exception), queue.__all__)
print(isinstance(PriorityQueue(), Queue), LifoQueue.__mro__)
