# tracemalloc: which lines allocated the memory that is still alive?
#
# What to watch:
# - Nothing is traced before tracemalloc.start().
# - The snapshot groups live allocations by the line that made them; the
#   list comprehension line comes first. Each statistic prints as
#   "file:line: size=..., count=..., average=...".
import tracemalloc

tracemalloc.start()
squares = [n * n for n in range(10000)]
words = [str(n) for n in range(1000)]
snapshot = tracemalloc.take_snapshot()
top_stats = snapshot.statistics('lineno')
print("[ Top 10 ]")
for stat in top_stats[:10]:
    print(stat)
tracemalloc.stop()
