# tracemalloc with several frames per traceback: get_object_traceback, Traceback.format,
# statistics by traceback and cumulative, filters with patterns, limits and errors.
import tracemalloc


def clean(x):
    # CPython names the file by its absolute path, refscope as given: print neither.
    return str(x).replace(__file__, "F")


print(tracemalloc.get_traceback_limit())
tracemalloc.start(4)
print(tracemalloc.get_traceback_limit(), tracemalloc.is_tracing())


def leaf(n):
    return list(range(n))


def middle(n):
    return leaf(n)


def top(n):
    return middle(n)


data = top(50)
tb = tracemalloc.get_object_traceback(data)
print(len(tb), tb.total_nframe)
print(clean(tb))
print([clean(f) for f in tb])
print(tb[0].lineno, tb[-1].lineno, tb[0] < tb[-1])
for line in tb.format():
    print(clean(line))
print(clean(tb.format(limit=2)))
print(clean(tb.format(limit=-1)))
print(clean(tb.format(limit=1, most_recent_first=True)))

shallow = leaf(60)
print([f.lineno for f in tracemalloc.get_object_traceback(shallow)])

def lines(snap):
    # The most recent line of each trace (CPython may count two blocks for a list where
    # refscope counts one object, so no counts).
    return sorted(set(t.traceback[-1].lineno for t in snap.traces))


snapshot = tracemalloc.take_snapshot()
print(snapshot.traceback_limit)
mine = snapshot.filter_traces([tracemalloc.Filter(True, "*tracebacks.py", lineno=tb[-1].lineno)])
stats = mine.statistics('traceback')
for s in stats:
    print([f.lineno for f in s.traceback])
    print(clean(s.traceback.format(limit=1)))
cum = mine.statistics('lineno', cumulative=True)
print(sorted(clean(s.traceback) for s in cum))
print(lines(mine.filter_traces([tracemalloc.Filter(False, "*.py")])))
print(lines(mine.filter_traces([tracemalloc.Filter(True, "*", lineno=tb[0].lineno, all_frames=True)])))
print(lines(mine.filter_traces([tracemalloc.Filter(True, "*", lineno=tb[0].lineno)])))
print(lines(mine.filter_traces([tracemalloc.Filter(True, "*[a-s]acebacks.py")])))
print(lines(mine.filter_traces([tracemalloc.Filter(True, "*[!a-s]acebacks.py")])))
print(lines(mine.filter_traces([])))
try:
    mine.statistics('traceback', cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    mine.statistics('line')
except ValueError as e:
    print("ValueError:", e)
try:
    mine.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)

f = tracemalloc.Filter(True, "x.pyc")
print(f.filename_pattern, f.inclusive, f.lineno, f.all_frames, f.domain)
d = tracemalloc.DomainFilter(False, 0)
print(d.domain, d.inclusive, lines(mine.filter_traces([d])))
print(clean(str(mine.traces[0]).split(": ")[0]), repr(mine.traces)[:12])

try:
    tracemalloc.start(0)
except ValueError as e:
    print("ValueError:", e)
try:
    tracemalloc.start(70000)
except ValueError as e:
    print("ValueError:", e)
tracemalloc.start(1)
print(tracemalloc.get_traceback_limit())
one = top(70)
print(len(tracemalloc.get_object_traceback(one)))
print(tracemalloc.get_object_traceback((1, 2)))
tracemalloc.stop()
print(tracemalloc.get_object_traceback(one))
print(tracemalloc.get_traceback_limit())
