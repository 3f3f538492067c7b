"""Container types (refscope's collections module): deque, namedtuple, defaultdict,
Counter and OrderedDict.

refscope cannot subclass built-in types yet, so defaultdict, Counter and OrderedDict
(dict subclasses in CPython) are classes that keep their items in a dict they hold, and
a namedtuple's instances keep their values in a tuple they hold. They print, compare
and behave as CPython's, but isinstance(d, dict) and isinstance(p, tuple) are False, and
the heap shows the wrapper with its dict or tuple inside. A deque keeps its items in a
list (CPython's is a chain of 64-item blocks).
"""

import sys as _sys
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

_missing = object()


class deque:
    """deque([iterable[, maxlen]]): a double-ended queue; with maxlen, adding at one
    end drops items at the other."""

    # A sequence to `match` (CPython registers deque with collections.abc.Sequence).
    __refscope_abc__ = 'sequence'

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        """The most items the deque keeps, or None."""
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                del self._items[0]

    def _trim_right(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                self._items.pop()

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, iterable):
        for x in (list(iterable) if iterable is self else iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in (list(iterable) if iterable is self else iterable):
            self.appendleft(x)

    def rotate(self, n=1):
        items = self._items
        if items:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def clear(self):
        self._items.clear()

    def copy(self):
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
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

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

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'


class _Mapping:
    """What the dict types share: their items are in the dict `_data`."""

    # A mapping to `match`, as CPython's dict subclasses are.
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


class defaultdict(_Mapping):
    """defaultdict(default_factory=None, /, [...]): a dict that makes a missing key's
    value by calling default_factory (and keeps it)."""

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__()
        self.default_factory = default_factory
        self._data.update(*args, **kwds)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    __copy__ = copy

    def __repr__(self):
        factory = 'None' if self.default_factory is None else repr(self.default_factory)
        return f'defaultdict({factory}, {self._data!r})'


class OrderedDict(_Mapping):
    """OrderedDict([items]): a dict that can move a key to either end and pop from
    either end."""

    def __init__(self, other=(), /, **kwds):
        super().__init__()
        self._data.update(other, **kwds)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = list(self._data.items())
            self._data.clear()
            self._data[key] = value
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        if last:
            return self._data.popitem()
        key = next(iter(self._data))
        return key, self._data.pop(key)

    def copy(self):
        return OrderedDict(self._data)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return super().__eq__(other)

    def __reversed__(self):
        return reversed(list(self._data))

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._data.items())!r})'


class Counter(_Mapping):
    """Counter([iterable-or-mapping]): counts of hashable items; a missing item
    counts 0."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """The sum of the counts."""
        return sum(self._data.values())

    def most_common(self, n=None):
        """The n most common items and their counts, most common first (of equal
        counts, the first seen first)."""
        if n is None:
            return sorted(self._data.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self._data.items(), key=_itemgetter(1))

    def elements(self):
        """Each item as many times as its count (counts below one: not at all)."""
        for item, count in self._data.items():
            for _ in range(count):
                yield item

    def update(self, iterable=None, /, **kwds):
        """Adds counts: of the items of an iterable, or the counts of a mapping."""
        if iterable is not None:
            if isinstance(iterable, (_Mapping, dict)):
                for item, count in iterable.items():
                    self._data[item] = count + self._data.get(item, 0)
            else:
                for item in iterable:
                    self._data[item] = self._data.get(item, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtracts counts (they may go to zero or below)."""
        if iterable is not None:
            if isinstance(iterable, (_Mapping, dict)):
                for item, count in iterable.items():
                    self._data[item] = self._data.get(item, 0) - count
            else:
                for item in iterable:
                    self._data[item] = self._data.get(item, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    __copy__ = copy

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        shown = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return f'Counter({{{shown}}})'

    def _keep(self, pairs):
        result = Counter()
        for item, count in pairs:
            if count > 0:
                result._data[item] = count
        return result

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._data) + [k for k in other._data if k not in self._data]
        return self._keep((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._data) + [k for k in other._data if k not in self._data]
        return self._keep((k, self[k] - other[k]) for k in keys)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._data) + [k for k in other._data if k not in self._data]
        return self._keep((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._keep((k, min(self[k], other[k])) for k in self._data)

    def __pos__(self):
        return self._keep(self._data.items())

    def __neg__(self):
        return self._keep((k, -v) for k, v in self._data.items())


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

    def __init__(self, *args, **kwargs):
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
        object.__setattr__(self, '_values',
                           tuple(values[f] if f in values else field_defaults[f]
                                 for f in fields))

    def __setattr__(self, name, value):
        if name in fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"'{typename}' object has no attribute '{name}'")

    def __repr__(self):
        inner = ', '.join(f'{f}={v!r}' for f, v in zip(fields, self._values))
        return f'{self.__class__.__name__}({inner})'

    def _asdict(self):
        """A dict of the fields and their values."""
        return dict(zip(self._fields, self._values))

    def _replace(self, /, **kwds):
        """A new instance with some fields changed."""
        values = dict(zip(fields, self._values))
        for key in kwds:
            if key not in fields:
                raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        values.update(kwds)
        return self.__class__(**values)

    @classmethod
    def _make(cls, iterable):
        """An instance from an iterable of the values."""
        values = tuple(iterable)
        if len(values) != len(fields):
            raise TypeError(f'Expected {len(fields)} arguments, got {len(values)}')
        return cls(*values)

    def _tuple(other):
        if isinstance(other, tuple):
            return other
        if hasattr(other, '_values') and hasattr(other, '_fields'):
            return other._values
        return None

    def _compare(name, op):
        def compare(self, other):
            t = _tuple(other)
            if t is None:
                return NotImplemented
            return op(self._values, t)
        compare.__name__ = name
        return compare

    namespace = {
        '__doc__': f'{typename}({", ".join(fields)})',
        '__slots__': ('_values',),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__match_args__': fields,
        # A sequence to `match`, as CPython's tuple subclass is.
        '__refscope_abc__': 'sequence',
        '__init__': __init__,
        '__setattr__': __setattr__,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '_replace': _replace,
        '_make': _make,
        '__iter__': lambda self: iter(self._values),
        '__len__': lambda self: len(self._values),
        '__getitem__': lambda self, i: self._values[i],
        '__contains__': lambda self, x: x in self._values,
        '__hash__': lambda self: hash(self._values),
        '__getnewargs__': lambda self: self._values,
        '__eq__': _compare('__eq__', lambda a, b: a == b),
        '__ne__': _compare('__ne__', lambda a, b: a != b),
        '__lt__': _compare('__lt__', lambda a, b: a < b),
        '__le__': _compare('__le__', lambda a, b: a <= b),
        '__gt__': _compare('__gt__', lambda a, b: a > b),
        '__ge__': _compare('__ge__', lambda a, b: a >= b),
        'count': lambda self, x: self._values.count(x),
        'index': lambda self, x, *args: self._values.index(x, *args),
        '__add__': lambda self, other: self._values + tuple(other),
    }
    for index, name in enumerate(fields):
        namespace[name] = property(_field_getter(index))
    result = type(typename, (), namespace)
    for name in ('__init__', '__repr__', '_asdict', '_replace', '__setattr__'):
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
        return self._values[index]
    return get
