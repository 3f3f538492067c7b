"""Heap queue algorithms (refscope's heapq module): a list used as a binary min-heap,
heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2], so heap[0] is the smallest item.

The sifting is CPython's (an item taken from the top sinks to a leaf, then rises), so
the lists come out in the same order as with python3, item for item.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _lt(a, b):
    return a < b


def _gt(a, b):
    return b < a


def _rise(heap, top, pos, before=_lt):
    """Moves heap[pos] up towards heap[top] while it comes before its parent (is
    smaller, or larger in a max-heap)."""
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        if before(item, heap[parent]):
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sink(heap, pos, before=_lt):
    """Moves the child that comes first up until heap[pos]'s item reaches a leaf, then
    lets it rise to its place."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not before(heap[child], heap[right]):
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise(heap, start, pos, before)


def heappush(heap, item, /):
    """Adds item to the heap, keeping it a heap."""
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Removes and returns the smallest item, keeping the heap a heap."""
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sink(heap, 0)
        return smallest
    return last


def heapreplace(heap, item, /):
    """Pops the smallest item and pushes item, in one step (the heap must not be
    empty); the item returned may be larger than item."""
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item, /):
    """Pushes item, then pops the smallest item, in one step."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sink(heap, 0)
    return item


def heapify(x, /):
    """Makes the list x a heap, in place, in linear time."""
    for i in reversed(range(len(x) // 2)):
        _sink(x, i)


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _sink(x, i, _gt)


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _sink(heap, 0, _gt)
    return largest


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _sink(heap, 0, _gt)
        return largest
    return last


def merge(*iterables, key=None, reverse=False):
    """Merges sorted iterables into one sorted iterator; of equal items, those of an
    earlier iterable come first.

    As CPython's: a heap of [key, order, value, iterator] entries, one per iterable
    still running; key is called once for each item taken while two or more iterables
    run (the last one is copied through as it is).
    """
    if reverse:
        make_heap, replace, pop = _heapify_max, _heapreplace_max, _heappop_max
        direction = -1
    else:
        make_heap, replace, pop = heapify, heapreplace, heappop
        direction = 1
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            k = value if key is None else key(value)
            h.append([k, order * direction, value, it])
            break
    make_heap(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(h, entry)
            break
        else:
            pop(h)
    if h:
        entry = h[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    return sorted(iterable, key=key)[:max(n, 0)]


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    return sorted(iterable, key=key, reverse=True)[:max(n, 0)]
