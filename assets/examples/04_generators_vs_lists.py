# Generators versus lists: a list holds every item at once; a generator makes
# one item at a time.
#
# What to watch:
# - The list comprehension allocates a list whose size grows as items are
#   appended (look at the size column: 8 448 728 bytes for a million ints).
# - The generator expression is a small object (about 200 bytes) whatever the
#   range: the ints appear one by one as sum() pulls them, and each is freed
#   as soon as sum has added it.
import sys

numbers = [x for x in range(1000000)]
print("list:", sys.getsizeof(numbers), "bytes")

numbers = (x for x in range(1000000))   # rebinding frees the big list here
print("generator:", sys.getsizeof(numbers), "bytes")
print("sum:", sum(numbers))


def countdown(n):
    # A generator function: its frame is suspended at each `yield` and
    # resumed by next(). Step through and watch the frame come and go.
    while n > 0:
        yield n
        n -= 1


gen = countdown(3)
print(next(gen), next(gen), next(gen), next(gen, "done"))
