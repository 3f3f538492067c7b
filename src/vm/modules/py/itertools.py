"""Iterator building blocks (refscope's itertools module).

Each of CPython's iterator types is a class here with the same name, so type(x).__name__
and the values it gives are CPython's; an iterator is an instance whose attributes
hold what CPython's C struct holds (the source iterator, the saved items), and the
steps show its __next__ running. repr(count(...)) and repr(repeat(...)) are CPython's;
the other types show the default '<itertools.chain object at 0x...>'.
"""

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
    "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
    "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest",
]

_none = object()


def _nonneg_int(value, message):
    if value is None:
        return None
    if isinstance(value, int):
        n = value
    else:
        index = getattr(type(value), '__index__', None)
        if index is None:
            raise ValueError(message)
        n = index(value)
    if n < 0:
        raise ValueError(message)
    return n


class _Iterator:
    """What the iterators share: iter() of one is itself."""

    def __iter__(self):
        return self


class count(_Iterator):
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, '__add__'):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Iterator):
    """cycle(iterable) --> the items of iterable, then the same again, forever."""

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first_pass = True

    def __next__(self):
        if self._it is not None:
            for item in self._it:
                if self._first_pass:
                    self._saved.append(item)
                return item
            self._it = None
        if not self._saved:
            raise StopIteration
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


class repeat(_Iterator):
    """repeat(object [,times]) -> object, times times, or forever."""

    def __init__(self, object, times=_none):
        self._object = object
        if times is _none:
            self._times = None
        else:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            self._times = max(0, times)

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


class accumulate(_Iterator):
    """accumulate(iterable, func=None, *, initial=None) --> running totals (or the
    running results of func)."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _none
        self._initial = initial

    def __next__(self):
        if self._initial is not None:
            self._total, self._initial = self._initial, None
            return self._total
        item = next(self._it)
        if self._total is _none:
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


class chain(_Iterator):
    """chain(*iterables) --> the items of the first iterable, then of the next..."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        """chain.from_iterable(iterable) --> chain of the iterables iterable gives."""
        self = cls()
        self._sources = iter(iterable)
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._sources is None:
                    raise StopIteration
                for source in self._sources:
                    self._active = iter(source)
                    break
                else:
                    self._sources = None
                    raise StopIteration
            for item in self._active:
                return item
            self._active = None


class compress(_Iterator):
    """compress(data, selectors) --> the items of data whose selector is true."""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            item = next(self._data)
            if next(self._selectors):
                return item


class dropwhile(_Iterator):
    """dropwhile(predicate, iterable) --> the items of iterable from the first one
    for which predicate is false."""

    def __init__(self, predicate, iterable, /):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        for item in self._it:
            if self._dropping and self._predicate(item):
                continue
            self._dropping = False
            return item
        raise StopIteration


class takewhile(_Iterator):
    """takewhile(predicate, iterable) --> the items of iterable while predicate is
    true for them."""

    def __init__(self, predicate, iterable, /):
        self._predicate = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __next__(self):
        if not self._stopped:
            for item in self._it:
                if self._predicate(item):
                    return item
                break
            self._stopped = True
        raise StopIteration


class filterfalse(_Iterator):
    """filterfalse(function or None, iterable) --> the items for which function(item)
    is false (the false items when function is None)."""

    def __init__(self, function, iterable, /):
        self._function = function
        self._it = iter(iterable)

    def __next__(self):
        for item in self._it:
            ok = item if self._function is None else self._function(item)
            if not ok:
                return item
        raise StopIteration


class starmap(_Iterator):
    """starmap(function, iterable) --> function(*args) for each args of iterable."""

    def __init__(self, function, iterable, /):
        self._function = function
        self._it = iter(iterable)

    def __next__(self):
        return self._function(*next(self._it))


class islice(_Iterator):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]) --> the items
    of iterable at those positions, as a slice would pick them."""

    def __init__(self, iterable, /, *args):
        if not 1 <= len(args) <= 3:
            if not args:
                raise TypeError("islice expected at least 2 arguments, got 1")
            raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) == 2:
            (start, stop), step = args, None
        else:
            start, stop, step = args
        message = ("Stop argument for islice() must be None or an integer: "
                   "0 <= x <= sys.maxsize.")
        stop = _nonneg_int(stop, message)
        message = ("Indices for islice() must be None or an integer: "
                   "0 <= x <= sys.maxsize.")
        start = _nonneg_int(start, message) or 0
        step = _nonneg_int(step, "Step for islice() must be a positive integer or None.")
        if step is None:
            step = 1
        elif step == 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._index = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if self._stop is not None and self._next >= self._stop:
            # Consume up to the stop position, as CPython does, then stop for good.
            while self._index < self._stop:
                self._index += 1
                try:
                    next(it)
                except StopIteration:
                    break
            self._it = None
            raise StopIteration
        while self._index < self._next:
            self._index += 1
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._index += 1
        self._next += self._step
        if self._stop is not None and self._next > self._stop:
            self._next = self._stop
        return item


class pairwise(_Iterator):
    """pairwise(iterable) --> (s0, s1), (s1, s2), (s2, s3), ..."""

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._old = _none

    def __next__(self):
        if self._it is None:
            raise StopIteration
        try:
            if self._old is _none:
                self._old = next(self._it)
            new = next(self._it)
        except StopIteration:
            self._it = None
            self._old = None
            raise
        pair = (self._old, new)
        self._old = new
        return pair


class zip_longest(_Iterator):
    """zip_longest(*iterables, fillvalue=None) --> tuples of the iterables' items,
    the shorter ones filled with fillvalue, until the longest ends."""

    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fillvalue = fillvalue

    def __next__(self):
        if not self._active:
            raise StopIteration
        values = []
        for i, it in enumerate(self._its):
            if it is None:
                values.append(self._fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                self._its[i] = None
                values.append(self._fillvalue)
        return tuple(values)


class _grouper(_Iterator):
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        parent = self._parent
        if parent._grouper != id(self):
            raise StopIteration
        if parent._value is _none:
            parent._step()
        if not parent._keys_equal(self._key):
            raise StopIteration
        value = parent._value
        parent._value = _none
        return value


class groupby(_Iterator):
    """groupby(iterable, key=None) --> (key, group) for each run of consecutive
    items with the same key (the item itself when key is None)."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._key = _none
        self._value = _none
        self._tgtkey = _none
        self._grouper = None

    def _step(self):
        value = next(self._it)
        self._key = value if self._keyfunc is None else self._keyfunc(value)
        self._value = value

    def _keys_equal(self, key):
        return key == self._key

    def __next__(self):
        self._grouper = None
        # Skip what is left of the current group.
        while True:
            if self._value is _none:
                self._step()
            if self._tgtkey is _none or not self._tgtkey == self._key:
                break
            self._value = _none
        self._tgtkey = self._key
        grouper = _grouper(self, self._tgtkey)
        # Only the identity of the current group, as CPython's borrowed `currgrouper`:
        # the group refers to the groupby, not back (no cycle for the collector).
        self._grouper = id(grouper)
        return (self._key, grouper)


_LINKCELLS = 57


class _tee_data:
    """A block of up to 57 items read from the iterable, and the next block: the items
    stay alive while a tee iterator is still inside their block, as in CPython."""
    __slots__ = ('it', 'values', 'running', 'nextlink')

    def __init__(self, it):
        self.it = it
        self.values = []
        self.running = False
        self.nextlink = None

    def getitem(self, i):
        values = self.values
        if i < len(values):
            return values[i]
        if self.running:
            raise RuntimeError("cannot re-enter the tee iterator")
        self.running = True
        try:
            value = next(self.it)
        finally:
            self.running = False
        values.append(value)
        return value

    def jumplink(self):
        if self.nextlink is None:
            self.nextlink = _tee_data(self.it)
        return self.nextlink


class _tee(_Iterator):
    """One of tee()'s iterators: a block of the items read so far and its place in it."""

    def __init__(self, data, index=0):
        self._data = data
        self._index = index

    def __next__(self):
        if self._index >= _LINKCELLS:
            self._data = self._data.jumplink()
            self._index = 0
        value = self._data.getitem(self._index)
        self._index += 1
        return value

    def __copy__(self):
        return _tee(self._data, self._index)


def tee(iterable, n=2, /):
    """tee(iterable, n=2) --> a tuple of n independent iterators over iterable."""
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    copyable = it if hasattr(it, '__copy__') else _tee(_tee_data(it))
    copy = copyable.__copy__
    return tuple([copyable] + [copy() for _ in range(n - 1)])


class product(_Iterator):
    """product(*iterables, repeat=1) --> the cartesian product, as tuples, the last
    iterable's item changing fastest."""

    def __init__(self, *iterables, repeat=1):
        pools = [tuple(pool) for pool in iterables] * repeat
        self._pools = pools
        self._indices = None
        self._done = any(not pool for pool in pools)

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        if self._indices is None:
            self._indices = [0] * len(pools)
            return tuple(pool[0] for pool in pools)
        indices = self._indices
        for i in reversed(range(len(pools))):
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
        else:
            self._done = True
            raise StopIteration
        return tuple(pool[i] for pool, i in zip(pools, indices))


class permutations(_Iterator):
    """permutations(iterable, r=None) --> the r-length orderings of its items."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._started = False
        self._done = r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        if not self._started:
            self._started = True
            return tuple(pool[i] for i in indices[:r])
        n = len(pool)
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._done = True
        raise StopIteration


class _Selections(_Iterator):
    """What combinations and combinations_with_replacement share: the pool, the indices
    of the current selection, and a step to the next selection (_advance, False at the
    end)."""

    def __init__(self, iterable, r, indices):
        pool = tuple(iterable)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = indices(len(pool), r)
        self._started = False
        self._done = self._indices is None

    def __next__(self):
        if self._done:
            raise StopIteration
        if self._started and not self._advance(self._indices, len(self._pool), self._r):
            self._done = True
            raise StopIteration
        self._started = True
        return tuple(self._pool[i] for i in self._indices)


class combinations(_Selections):
    """combinations(iterable, r) --> the r-length subsequences of its items, in
    order."""

    def __init__(self, iterable, r):
        super().__init__(iterable, r, lambda n, r: list(range(r)) if r <= n else None)

    @staticmethod
    def _advance(indices, n, r):
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return False
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return True


class combinations_with_replacement(_Selections):
    """combinations_with_replacement(iterable, r) --> the r-length subsequences of
    its items, an item allowed more than once."""

    def __init__(self, iterable, r):
        super().__init__(iterable, r, lambda n, r: [0] * r if n or not r else None)

    @staticmethod
    def _advance(indices, n, r):
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return False
        indices[i:] = [indices[i] + 1] * (r - i)
        return True
