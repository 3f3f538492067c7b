# queue: maxsize makes a queue full (put_nowait raises Full); get_nowait on an empty
# queue raises Empty; a timeout gives up with Empty/Full; task_done counts the items
# that were processed, join returns once all are, too many task_done calls raise.
import queue

q = queue.Queue(maxsize=2)
print(q.maxsize, q.full(), q.empty())
q.put('a')
q.put('b', block=False)
print(q.full(), q.qsize(), q.queue)
for attempt in [lambda: q.put_nowait('c'), lambda: q.put('c', timeout=0.01),
                lambda: q.put('c', False), lambda: q.put('c', True, 0)]:
    try:
        attempt()
    except queue.Full as e:
        print('Full', repr(e), type(e).__module__)
try:
    q.put('c', timeout=-1)
except ValueError as e:
    print('ValueError:', e)
print(q.get(), q.get(timeout=5), q.empty())
for attempt in [q.get_nowait, lambda: q.get(False), lambda: q.get(timeout=0.01),
                lambda: q.get(block=True, timeout=0)]:
    try:
        attempt()
    except queue.Empty as e:
        print('Empty', repr(e), type(e).__module__, type(e).__name__)
try:
    q.get(timeout=-0.5)
except ValueError as e:
    print('ValueError:', e)
print(q.get(False, -1) if q.qsize() else 'nothing to get')

# Unbounded: maxsize 0 or negative is never full.
for size in [0, -3]:
    u = queue.LifoQueue(size)
    for i in range(100):
        u.put(i)
    print(size, u.full(), u.qsize(), u.get(), u.queue[:3])

# task_done and join.
jobs = queue.Queue()
for n in range(3):
    jobs.put(n * n)
print('unfinished', jobs.unfinished_tasks)
done = []
while True:
    try:
        item = jobs.get_nowait()
    except queue.Empty:
        break
    done.append(item)
    jobs.task_done()
    print('did', item, 'unfinished', jobs.unfinished_tasks)
jobs.join()
print('joined', done)
try:
    jobs.task_done()
except ValueError as e:
    print('ValueError:', e)
print('unfinished', jobs.unfinished_tasks)

# The lock stands in for threading's: `with q.mutex` guards a direct change of .queue.
pq = queue.PriorityQueue()
for item in [(2, 'b'), (1, 'a'), (3, 'c')]:
    pq.put(item)
with pq.mutex:
    print(pq.mutex.locked(), pq.queue[0])
    pq.queue.clear()
print(pq.mutex.locked(), pq.qsize(), pq.empty())

# A subclass that changes how items are kept, as CPython's _init/_put/_get allow.
class Deduplicating(queue.Queue):
    def _init(self, maxsize):
        self.queue = []
    def _put(self, item):
        if item not in self.queue:
            self.queue.append(item)
    def _get(self):
        return self.queue.pop(0)
d = Deduplicating()
for c in 'mississippi':
    d.put(c)
print(d.qsize(), d.unfinished_tasks, ''.join(d.get() for _ in range(d.qsize())))

sq = queue.SimpleQueue()
sq.put(1, block=False, timeout=None)
print(sq.get(block=False, timeout=-1))
try:
    sq.get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)
try:
    queue.SimpleQueue(10)
except TypeError as e:
    print('TypeError:', e)
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print('SimpleQueue empty')
q.get_nowait()
