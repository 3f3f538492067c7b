# graphlib: the prepare / get_ready / done protocol a scheduler of parallel tasks uses,
# and the ValueErrors for misuse, with CPython's messages.
from graphlib import TopologicalSorter, CycleError

tasks = {'link': ['compile a', 'compile b'], 'compile a': ['fetch'], 'compile b': ['fetch'],
         'test': ['link'], 'docs': ['fetch']}
ts = TopologicalSorter(tasks)
ts.prepare()
step = 0
while ts.is_active():
    ready = ts.get_ready()
    step += 1
    print(step, 'ready:', ready)
    # finish the tasks one at a time, in reverse order
    for task in reversed(ready):
        ts.done(task)
print('active after all done:', ts.is_active(), bool(ts))


def attempt(label, action):
    try:
        result = action()
    except ValueError as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', result)


fresh = TopologicalSorter()
fresh.add('b', 'a')
attempt('get_ready before prepare', fresh.get_ready)
attempt('is_active before prepare', fresh.is_active)
attempt('bool before prepare', lambda: bool(fresh))
attempt('done before prepare', lambda: fresh.done('a'))
attempt('prepare', fresh.prepare)
attempt('prepare again', fresh.prepare)
attempt('add after prepare', lambda: fresh.add('c'))
attempt('done unknown node', lambda: fresh.done('zzz'))
attempt('done not ready', lambda: fresh.done('b'))
attempt('done not passed out', lambda: fresh.done('a'))
attempt('get_ready', fresh.get_ready)
attempt('get_ready again', fresh.get_ready)
attempt('done a', lambda: fresh.done('a'))
attempt('done a twice', lambda: fresh.done('a'))
attempt('done 42', lambda: fresh.done(42))
attempt('get_ready', fresh.get_ready)
attempt('done b and a', lambda: fresh.done('b', 'a'))
attempt('is_active', fresh.is_active)

# after a CycleError the nodes outside the cycle can still be processed
ts = TopologicalSorter({'x': ['y'], 'y': ['x'], 'z': ['start'], 'x2': ['x']})
try:
    ts.prepare()
except CycleError as e:
    print('cycle:', e.args[1])
while ts.is_active():
    ready = ts.get_ready()
    print('processing', ready)
    ts.done(*ready)
print('stuck, active:', ts.is_active(), ts.get_ready())

# unhashable nodes fail in add
for args in [(['a'],), ('a', ['b'])]:
    try:
        TopologicalSorter().add(*args)
    except TypeError as e:
        print('TypeError', e)
