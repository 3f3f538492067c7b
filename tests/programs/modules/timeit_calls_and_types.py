import timeit
import gc

calls = []

def f(n):
    calls.append(n)
    return sum(range(n))

t = timeit.timeit(lambda: f(10), number=100)
print(type(t).__name__, len(calls))

t = timeit.timeit('[x for x in range(100)]', number=1000)
print(type(t).__name__, t >= 0)

# A string statement sees the names given with globals=
counter = {'n': 0}
def bump():
    counter['n'] += 1
t = timeit.timeit('bump()', globals=globals(), number=37)
print(counter['n'])

# setup runs once, the statement number times
log = []
t = timeit.timeit('log.append("s")', setup='log.append("setup")', number=3,
                  globals={'log': log})
print(log)

# callable setup
log = []
timeit.timeit(lambda: log.append('stmt'), setup=lambda: log.append('setup'), number=2)
print(log)

# multi-line statements are reindented
ns = {'total': 0}
timeit.timeit('for i in range(3):\n    total += i', setup='total = 100', number=2, globals=ns)
print(ns['total'])

# repeat: a list of repeat floats, each run number times
calls.clear()
r = timeit.repeat(lambda: f(3), repeat=4, number=5)
print(type(r).__name__, len(r), [type(x).__name__ for x in r], len(calls))

# the Timer class
tm = timeit.Timer('x = 1')
print(type(tm.timeit(10)).__name__)
print(len(tm.repeat(3, 10)))
import time
print(timeit.default_timer is time.perf_counter)
print(type(timeit.default_timer()).__name__)
print(timeit.default_number, timeit.default_repeat, timeit.dummy_src_name)
print(sorted(timeit.__all__))

# number=0 makes no call
calls.clear()
timeit.timeit(lambda: f(1), number=0)
print(len(calls))

# a custom timer: a callable that counts
ticks = [0]
def fake_timer():
    ticks[0] += 1
    return ticks[0] * 0.5
print(timeit.timeit('pass', timer=fake_timer, number=10))
print(ticks[0])
print(timeit.Timer('pass', timer=fake_timer).repeat(3, 1))

# autorange with a fake timer: each timeit() advances the clock by number * 0.01
clock = [0.0]
class Clock:
    def __init__(self):
        self.t = 0.0
def fake(clock=clock):
    return clock[0]
trials = []
def stmt():
    clock[0] += 0.01
print(timeit.Timer(stmt, timer=fake).autorange(lambda n, t: trials.append(n)))
print(trials)

# comparison as a lesson prints it, without the times
a = timeit.timeit('"-".join(str(n) for n in range(20))', number=50)
b = timeit.timeit('"-".join([str(n) for n in range(20)])', number=50)
print(isinstance(a, float) and isinstance(b, float))
