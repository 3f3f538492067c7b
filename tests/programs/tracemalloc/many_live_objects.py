# Tracing stays as fast with many live objects: 50,000 ints kept in a list, and the
# peak seen while a list grows.
import tracemalloc

tracemalloc.start()
numbers = [i * 1000 for i in range(50_000)]
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")[0]
print(top.traceback[0].lineno, top.count >= 49_999, top.size > 50_000 * 28)
current, peak = tracemalloc.get_traced_memory()
print(current >= 50_000 * 32, peak >= current)
del numbers
after, peak2 = tracemalloc.get_traced_memory()
print(after < current // 100, peak2 == peak)
tracemalloc.stop()
