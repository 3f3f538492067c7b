"""Shallow and deep copies (refscope's copy module), made the way CPython's Lib/copy.py
makes them, so the objects a copy creates and shares are the ones CPython's would.

Built-in containers copy themselves; immutable atoms are returned as they are; an
instance of a class defined in Python is rebuilt with cls.__new__(cls) and its state
(__dict__, then __slots__ values, then a list's or dict's items), unless its class
defines __copy__ / __deepcopy__.
"""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented), property)


def copy(x):
    """A shallow copy of x: a new container holding the same objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: its containers copied all the way down, each object once (the
    memo maps id() of an original to its copy, so shared objects and cycles stay
    shared)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # A tuple that holds itself through a list may be in the memo already.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        # CPython rebuilds both from their reduced form: a frozenset too is new.
        y = cls([deepcopy(a, memo) for a in x])
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    # If x is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keeps x alive as long as the memo: ids in it must not be reused."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ("__dict__", "__weakref__") and name not in names:
                names.append(name)
    return names


def _reconstruct(x, memo):
    cls = type(x)
    deep = memo is not None
    # What object.__reduce_ex__(4) gives for an instance of a subclass of a built-in
    # container: a set's class is called on a list of its items (set.__reduce__), a
    # tuple's __new__ gets its __getnewargs__(), a list or dict is made empty and its
    # items follow.
    if isinstance(x, (set, frozenset)):
        args = (list(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls(*args)
    elif isinstance(x, tuple):
        getnewargs = getattr(cls, '__getnewargs__', None)
        args = getnewargs(x) if getnewargs is not None else (tuple(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = x.__dict__ if hasattr(x, "__dict__") else None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if state:
        if deep:
            state = deepcopy(state, memo)
        y.__dict__.update(state)
    for name, value in slots.items():
        if deep:
            value = deepcopy(value, memo)
        setattr(y, name, value)
    if isinstance(x, list):
        for item in x:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
