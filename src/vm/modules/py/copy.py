"""Shallow and deep copies (refscope's copy module), made the way CPython's Lib/copy.py
makes them, so the objects a copy creates and shares are the ones CPython's would.

Built-in containers copy themselves; immutable atoms are returned as they are; an
instance of a class defined in Python is rebuilt with cls.__new__(cls) and its state
(__getstate__(): its __dict__ and __slots__ values; given to __setstate__ when the class
has one), then a list's or dict's items, unless its class defines __copy__ /
__deepcopy__, or __reduce_ex__ / __reduce__, whose recipe is followed as CPython's
copy follows it.
"""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented), property)


def copy(x):
    """A shallow copy of x: a new container holding the same objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset or issubclass(cls, type):
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
    if cls in _atomic or issubclass(cls, type):
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


def _reductor(cls):
    """The class's own __reduce_ex__ or __reduce__ (object's default is what
    _reconstruct does), as a function of the instance."""
    for c in cls.__mro__:
        if c is object:
            return None
        if '__reduce_ex__' in c.__dict__:
            f = c.__dict__['__reduce_ex__']
            return lambda x: f(x, 4)
        if '__reduce__' in c.__dict__:
            return c.__dict__['__reduce__']
    return None


def _set_state(y, state, memo):
    """Gives a new object its state, as pickle and copy do: __setstate__(state), or
    the dict part into its __dict__ and the slots part onto its slots."""
    if memo is not None:
        state = deepcopy(state, memo)
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _from_reduce(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        _set_state(y, state, memo)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _reconstruct(x, memo):
    cls = type(x)
    deep = memo is not None
    reductor = _reductor(cls)
    if reductor is not None:
        rv = reductor(x)
        if isinstance(rv, str):
            return x
        return _from_reduce(x, memo, *rv)
    # What object.__reduce_ex__(4) gives for an instance of a subclass of a built-in
    # container: a set's class is called on a list of its items (set.__reduce__), the
    # __new__ of a tuple, int, float or str gets its __getnewargs__() (its value), a
    # list or dict is made empty and its items follow.
    if isinstance(x, (set, frozenset)):
        args = (list(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls(*args)
    elif isinstance(x, (tuple, int, float, str)):
        getnewargs = getattr(cls, '__getnewargs__', None)
        args = getnewargs(x) if getnewargs is not None else (tuple(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = x.__getstate__()
    if state is not None:
        _set_state(y, state, memo)
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
