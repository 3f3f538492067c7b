import time
t0 = time.perf_counter()
r = time.sleep(0.05)
elapsed = time.perf_counter() - t0
print(r, elapsed >= 0.05, elapsed < 5, time.sleep(0), time.sleep(False))
for a in [-1, 'x', float('nan'), 1e300]:
    try:
        time.sleep(a)
    except Exception as e:
        print(type(e).__name__, e)
ns = time.time_ns()
print(type(ns).__name__, abs(ns / 1e9 - time.time()) < 5, type(time.perf_counter_ns()).__name__, time.monotonic_ns() >= 0)


