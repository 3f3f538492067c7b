# graphlib: topological orders of small dependency graphs (build steps, course
# prerequisites), in CPython's order for the same insertion order.
from graphlib import TopologicalSorter, CycleError

# node -> the nodes it depends on
recipe = {'serve': ['bake', 'whip cream'], 'bake': ['mix', 'preheat'],
          'mix': ['weigh flour', 'crack eggs'], 'whip cream': [], 'preheat': []}
print(list(TopologicalSorter(recipe).static_order()))

courses = {
    'algorithms': ['data structures', 'discrete math'],
    'data structures': ['intro programming'],
    'compilers': ['algorithms', 'theory of computation'],
    'theory of computation': ['discrete math'],
    'discrete math': [],
}
print(list(TopologicalSorter(courses).static_order()))

# built with add(): repeated edges, nodes only mentioned as predecessors, any hashable
ts = TopologicalSorter()
ts.add(3, 1, 2)
ts.add(3, 2)
ts.add(4, 3, (0, 0))
ts.add(None)
ts.add(2, 1)
print(list(ts.static_order()))

# insertion order decides among nodes that are ready together
for graph in [{1: [0], 2: [0], 3: [0]}, {3: [0], 2: [0], 1: [0]}, {'b': [], 'a': []}]:
    print(graph, list(TopologicalSorter(graph).static_order()))

# the order in which static_order hands out nodes, batch by batch
ts = TopologicalSorter({'d': 'bc', 'c': 'a', 'b': 'a', 'e': 'd'})
ts.prepare()
batches = []
while ts:
    ready = ts.get_ready()
    batches.append(ready)
    ts.done(*ready)
print(batches, ts.is_active(), ts.get_ready())

# cycles: the error carries one cycle, first and last node equal
for graph in [{'a': ['b'], 'b': ['a']}, {1: [2], 2: [3], 3: [1], 0: [1]}, {'x': ['x']},
              {'a': ['b'], 'b': ['c'], 'c': ['d'], 'd': ['b']}]:
    try:
        print(list(TopologicalSorter(graph).static_order()))
    except CycleError as e:
        print(type(e).__name__, e, e.args[1], isinstance(e, ValueError))

# static_order is lazy: nothing is checked until the first node is asked for
order = TopologicalSorter({'a': ['a']}).static_order()
print(type(order).__name__)
try:
    next(order)
except CycleError as e:
    print('lazy', e.args[0], e.args[1])
print(TopologicalSorter[str], TopologicalSorter.__name__, CycleError.__mro__[1].__name__)
