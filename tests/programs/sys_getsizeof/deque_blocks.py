"""sys.getsizeof of a deque is CPython's: its header and its blocks of 64 items, counted
from where its first item sits in the first block (filling from the left when it starts
empty, re-centred when it empties, moved by rotations, inserts and deletions)."""
import sys
from collections import deque
s = sys.getsizeof
print(s(deque()), [s(deque(range(n))) for n in (0, 1, 32, 33, 63, 64, 100, 127, 128, 200)])
d = deque()
sizes = []
for i in range(140):
    d.appendleft(i)
    sizes.append(s(d))
print(sorted(set(sizes)), s(d))
for i in range(139):
    d.pop()
print(s(d)); d.pop(); print(s(d))
d = deque(range(100))
for i in range(50):
    d.popleft()
print(s(d))
for n in (30, -7, 1000, -333, 49, 50, 51):
    d.rotate(n)
    print(n, s(d), end='; ')
print()
d.insert(10, 'x'); d.insert(-5, 'y'); d.insert(0, 'z'); d.insert(999, 'w')
print(s(d), list(d)[:3])
d.remove(60); del d[5]; del d[-3]
print(s(d))
d.clear(); print(s(d))
q = deque(maxlen=3)
for i in range(200):
    q.append(i)
print(s(q), q, s(deque(range(1000), maxlen=3)))
q = deque(maxlen=5)
q.extendleft(range(300)); print(s(q), q)
print(s(deque([7]).copy()), s(deque([1, 2]).copy()), s(deque().copy()))
e = deque(); e.extendleft(range(70)); print(s(e))
r = deque(range(10)); r.extend(r); print(s(r), len(r))
w = deque(range(130))
while w:
    w.popleft()
print(s(w))
w.append(1); w.popleft(); print(s(w))
