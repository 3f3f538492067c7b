# Changing a deque while a for loop walks it stops the loop with CPython's RuntimeError
# (appending to it used to loop forever); setting an item or reversing it does not.
from collections import deque

d = deque([1, 2, 3])
print(list(d), list(reversed(d)), type(iter(d)).__name__, type(reversed(d)).__name__)
for attempt in ("append", "popleft", "rotate", "clear"):
    d = deque([1, 2, 3])
    try:
        for x in d:
            getattr(d, attempt)(*([x] if attempt == "append" else []))
    except RuntimeError as e:
        print(attempt, "->", e, list(d))
d = deque([1, 2, 3])
for x in d:
    d[0] = 10
    d.reverse()
print(d)
it = iter(d)
next(it); next(it); next(it)
d.append(4)
try:
    next(it)
except RuntimeError as e:
    print("after the end:", e)
