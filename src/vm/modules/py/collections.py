"""Container types (refscope's collections module): deque, namedtuple, defaultdict,
Counter, OrderedDict and ChainMap.

defaultdict, Counter and OrderedDict are subclasses of dict and a namedtuple class is a
subclass of tuple, as in CPython. A deque keeps its items in a list (CPython's is a chain
of 64-item blocks).
"""

import sys as _sys
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']

_missing = object()
_tuple_new = tuple.__new__


def _recursive_repr(fillvalue):
    """A __repr__ that shows `fillvalue` for an object inside itself, as Py_ReprEnter
    makes CPython's containers do (reprlib.recursive_repr)."""
    running = set()

    def decorate(repr_):
        def wrapper(self):
            if id(self) in running:
                return fillvalue
            running.add(id(self))
            try:
                return repr_(self)
            finally:
                running.discard(id(self))
        wrapper.__name__ = repr_.__name__
        wrapper.__qualname__ = repr_.__qualname__
        wrapper.__doc__ = repr_.__doc__
        return wrapper
    return decorate


class _deque_iterator:
    """An iterator over a deque, which stops with a RuntimeError once the deque was
    changed (appended to, popped, rotated, cleared...)."""

    __module__ = '_collections'

    def __init__(self, d):
        self._deque = d
        self._state = d._state
        self._index = 0

    def __iter__(self):
        return self

    def _next_index(self):
        d = self._deque
        if d._state != self._state:
            raise RuntimeError('deque mutated during iteration')
        i = self._index
        if i >= len(d._items):
            raise StopIteration
        self._index = i + 1
        return i

    def __next__(self):
        return self._deque._items[self._next_index()]

    def __length_hint__(self):
        return max(len(self._deque._items) - self._index, 0)


class _deque_reverse_iterator(_deque_iterator):
    __module__ = '_collections'

    def __next__(self):
        return self._deque._items[-1 - self._next_index()]


_DEQUE_BLOCKLEN = 64
_DEQUE_CENTER = (_DEQUE_BLOCKLEN - 1) // 2
_DEQUE_NO_ITEMS = object()


class deque:
    """deque([iterable[, maxlen]]): a double-ended queue; with maxlen, adding at one
    end drops items at the other."""

    # A sequence to `match` (CPython registers deque with collections.abc.Sequence).
    __refscope_abc__ = 'sequence'

    __slots__ = ('_items', '_maxlen', '_state', '_left', '__weakref__')

    def __init__(self, iterable=_DEQUE_NO_ITEMS, maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._items = []
        self._maxlen = maxlen
        # Counts the changes an iterator must not outlive (CPython's `state`).
        self._state = 0
        # Where the first item sits in CPython's first block of 64 (its `leftindex`):
        # with the number of items, it says how many blocks CPython's deque has, and so
        # its sys.getsizeof.
        self._left = _DEQUE_CENTER + 1
        if iterable is not _DEQUE_NO_ITEMS:
            self.extend(iterable)

    def __sizeof__(self):
        blocks = (self._left + len(self._items) + _DEQUE_BLOCKLEN - 1) // _DEQUE_BLOCKLEN
        return 216 + 528 * blocks

    def _rotate_left_index(self, n):
        # `leftindex` after CPython's _deque_rotate(n), which turns n into the shortest
        # rotation (C's remainder) and moves the items block by block.
        length = len(self._items)
        if length <= 1:
            return
        half = length >> 1
        if n > half or n < -half:
            n = abs(n) % length * (1 if n >= 0 else -1)
            if n > half:
                n -= length
            elif n < -half:
                n += length
        self._left = (self._left - n) % _DEQUE_BLOCKLEN

    def _popped_left(self):
        self._left += 1
        if self._left == _DEQUE_BLOCKLEN:
            self._left = 0 if self._items else _DEQUE_CENTER + 1

    def _popped_right(self):
        if not self._items and self._left == 0:
            self._left = _DEQUE_CENTER + 1

    @property
    def maxlen(self):
        """The most items the deque keeps, or None."""
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                del self._items[0]
                self._popped_left()

    def _trim_right(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                self._items.pop()
                self._popped_right()

    def append(self, x):
        self._state += 1
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._state += 1
        self._left = (self._left - 1) % _DEQUE_BLOCKLEN
        self._items.insert(0, x)
        self._trim_right()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        self._state += 1
        x = self._items.pop()
        self._popped_right()
        return x

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        self._state += 1
        x = self._items.pop(0)
        self._popped_left()
        return x

    def _extend(self, iterable, add, empty_left):
        if iterable is self:
            iterable = list(iterable)
        it = iter(iterable)
        if self._maxlen == 0:
            for _ in it:
                pass
            return
        # CPython's space saving: an empty deque fills from one end of its block.
        if not self._items:
            self._left = empty_left
        for x in it:
            add(x)

    def extend(self, iterable):
        self._extend(iterable, self.append, 1)

    def extendleft(self, iterable):
        self._extend(iterable, self.appendleft, _DEQUE_BLOCKLEN - 1)

    def rotate(self, n=1):
        if not isinstance(n, int):
            if not hasattr(type(n), "__index__"):
                raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
            n = n.__index__()
        self._state += 1
        self._rotate_left_index(n)
        items = self._items
        if items:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def clear(self):
        self._state += 1
        self._items.clear()
        self._left = _DEQUE_CENTER + 1

    def copy(self):
        if type(self) is deque and len(self._items) == 1:
            new = deque(maxlen=self._maxlen)
            new.append(self._items[0])
            return new
        return deque(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError(f'{x!r} is not in deque') from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        n = len(self._items)
        if i >= n:
            return self.append(x)
        if i <= -n or i == 0:
            return self.appendleft(x)
        self._state += 1
        self._rotate_left_index(-i)
        if i > 0:
            self._left = (self._left - 1) % _DEQUE_BLOCKLEN
        self._items.insert(i, x)
        self._rotate_left_index(i)

    def _del_item(self, i):
        # CPython's deque_del_item: rotate(-i), popleft, rotate(i) (i >= 0).
        self._rotate_left_index(-i)
        del self._items[i]
        self._popped_left()
        self._rotate_left_index(i)

    def remove(self, value):
        self._state += 1
        try:
            i = self._items.index(value)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None
        self._del_item(i)

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return _deque_iterator(self)

    def __reversed__(self):
        return _deque_reverse_iterator(self)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        self._state += 1
        n = len(self._items)
        if isinstance(i, int) and -n <= i < n:
            return self._del_item(i % n)
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items < other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") '
                            'to deque')
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._items * n, self._maxlen)

    __hash__ = None

    @_recursive_repr('[...]')
    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'


class _Mapping:
    """What ChainMap builds on: a mapping whose items are in the dict `_data`."""

    # A mapping to `match`, as CPython's ChainMap is.
    __refscope_abc__ = 'mapping'

    def __init__(self):
        self._data = {}

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, key, default=_missing):
        if default is _missing:
            return self._data.pop(key)
        return self._data.pop(key, default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, other=(), /, **kwds):
        self._data.update(other, **kwds)

    def clear(self):
        self._data.clear()

    def __eq__(self, other):
        if isinstance(other, _Mapping):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    __hash__ = None

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]): a dict that makes a missing key's
    value by calling default_factory (and keeps it)."""

    # As CPython's C type: the factory in a slot, no __dict__.
    __slots__ = ('default_factory',)

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwds)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        return f'{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})'

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class OrderedDict(dict):
    """OrderedDict([items]): a dict that can move a key to either end, pop from either
    end, and compares the order of its keys with another OrderedDict's."""

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(self.items())
            dict.clear(self)
            dict.__setitem__(self, key, value)
            dict.update(self, rest)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(a == b for a, b in zip(self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __reversed__(self):
        return reversed(list(self))

    @_recursive_repr('...')
    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({list(self.items())!r})'

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class Counter(dict):
    """Counter([iterable-or-mapping]): counts of hashable items; a missing item
    counts 0."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """The sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common items and their counts, most common first (of equal
        counts, the first seen first)."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Each item as many times as its count (counts below one: not at all)."""
        from itertools import chain, repeat, starmap
        return chain.from_iterable(starmap(repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Adds counts: of the items of an iterable, or the counts of a mapping."""
        if iterable is not None:
            if isinstance(iterable, (dict, _Mapping)):
                if self:
                    get = self.get
                    for item, count in iterable.items():
                        self[item] = count + get(item, 0)
                else:
                    # An empty counter takes the mapping's counts as they are.
                    dict.update(self, iterable)
            else:
                get = self.get
                for item in iterable:
                    self[item] = get(item, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtracts counts (they may go to zero or below)."""
        if iterable is not None:
            get = self.get
            if isinstance(iterable, (dict, _Mapping)):
                for item, count in iterable.items():
                    self[item] = get(item, 0) - count
            else:
                for item in iterable:
                    self[item] = get(item, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, item):
        if item in self:
            super().__delitem__(item)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # Most common first, as most_common() orders them.
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f'{self.__class__.__name__}({shown!r})'

    # Comparisons count a missing item as 0.
    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # Binary operators keep the positive counts only.
    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for item, count in self.items():
            total = count + other[item]
            if total > 0:
                result[item] = total
        for item, count in other.items():
            if item not in self and count > 0:
                result[item] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for item, count in self.items():
            left = count - other[item]
            if left > 0:
                result[item] = left
        for item, count in other.items():
            if item not in self and count < 0:
                result[item] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for item, count in self.items():
            theirs = other[item]
            most = theirs if count < theirs else count
            if most > 0:
                result[item] = most
        for item, count in other.items():
            if item not in self and count > 0:
                result[item] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for item, count in self.items():
            theirs = other[item]
            least = count if count < theirs else theirs
            if least > 0:
                result[item] = least
        return result

    def __pos__(self):
        result = Counter()
        for item, count in self.items():
            if count > 0:
                result[item] = count
        return result

    def __neg__(self):
        result = Counter()
        for item, count in self.items():
            if count < 0:
                result[item] = 0 - count
        return result

    def _keep_positive(self):
        for item in [item for item, count in self.items() if not count > 0]:
            del self[item]
        return self

    def __iadd__(self, other):
        for item, count in other.items():
            self[item] += count
        return self._keep_positive()

    def __isub__(self, other):
        for item, count in other.items():
            self[item] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for item, theirs in other.items():
            if theirs > self[item]:
                self[item] = theirs
        return self._keep_positive()

    def __iand__(self, other):
        for item, count in self.items():
            theirs = other[item]
            if theirs < count:
                self[item] = theirs
        return self._keep_positive()


class ChainMap(_Mapping):
    """ChainMap(*maps): looks a key up in each map in turn; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _data(self):
        merged = {}
        for m in reversed(self.maps):
            merged.update(m)
        return merged

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return f'ChainMap({", ".join(map(repr, self.maps))})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class whose instances are tuples with named fields: Point = namedtuple('Point',
    'x y'); Point(1, 2).x == 1."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith('_')
                    or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults)))))
    qualname_new = f'{typename}.__new__'

    def __new__(_cls, *args, **kwargs):
        if len(args) > len(fields):
            given = len(args) + 1
            n = len(fields) + 1
            takes = (f'{n} positional argument{"s" if n != 1 else ""}'
                     if not field_defaults else
                     f'from {n - len(field_defaults)} to {n} positional arguments')
            raise TypeError(f'{qualname_new}() takes {takes} but {given} '
                            f'{"was" if given == 1 else "were"} given')
        values = dict(zip(fields, args))
        for key, value in kwargs.items():
            if key in values:
                raise TypeError(f"{qualname_new}() got multiple values for argument '{key}'")
            if key not in fields:
                raise TypeError(f"{qualname_new}() got an unexpected keyword argument "
                                f"'{key}'")
            values[key] = value
        missing = [f for f in fields if f not in values and f not in field_defaults]
        if missing:
            quoted = [f"'{m}'" for m in missing]
            if len(quoted) == 1:
                listed = quoted[0]
            elif len(quoted) == 2:
                listed = f'{quoted[0]} and {quoted[1]}'
            else:
                listed = ', '.join(quoted[:-1]) + f', and {quoted[-1]}'
            raise TypeError(f'{qualname_new}() missing {len(missing)} required positional '
                            f'argument{"s" if len(missing) != 1 else ""}: {listed}')
        return _tuple_new(_cls, [values[f] if f in values else field_defaults[f]
                                 for f in fields])

    def __setattr__(self, name, value):
        if name in fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"'{typename}' object has no attribute '{name}'")

    def __repr__(self):
        inner = ', '.join(f'{f}={v!r}' for f, v in zip(fields, self))
        return f'{self.__class__.__name__}({inner})'

    def _asdict(self):
        """A dict of the fields and their values."""
        return dict(zip(self._fields, self))

    def _replace(self, /, **kwds):
        """A new instance with some fields changed."""
        result = self._make(map(kwds.pop, fields, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    @classmethod
    def _make(cls, iterable):
        """An instance from an iterable of the values."""
        result = _tuple_new(cls, iterable)
        if len(result) != len(fields):
            raise TypeError(f'Expected {len(fields)} arguments, got {len(result)}')
        return result

    namespace = {
        '__doc__': f'{typename}({", ".join(fields)})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__match_args__': fields,
        '__new__': __new__,
        '__setattr__': __setattr__,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '_replace': _replace,
        '_make': _make,
        '__getnewargs__': lambda self: tuple(self),
    }
    for index, name in enumerate(fields):
        namespace[name] = property(_field_getter(index))
    result = type(typename, (tuple,), namespace)
    for name in ('__new__', '__repr__', '_asdict', '_replace', '__setattr__'):
        method = namespace[name]
        method.__qualname__ = f'{typename}.{name}'
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    result.__module__ = module
    return result


def _field_getter(index):
    def get(self):
        return self[index]
    return get
