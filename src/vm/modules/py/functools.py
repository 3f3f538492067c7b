"""Higher-order functions (refscope's functools module): reduce, partial, wraps and
update_wrapper, lru_cache and cache, cmp_to_key, total_ordering, singledispatch and
singledispatchmethod.

lru_cache keeps what CPython's keeps: the arguments' key (the single int or str
argument itself, otherwise a tuple of the arguments) and the result, until the entry is
evicted or cache_clear() is called, which is why a cache is a classic way to keep
objects alive. Its bookkeeping is a dict in use order, not CPython's linked list.
"""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()

from collections import namedtuple


def reduce(function, sequence, initial=_initial_missing):
    """reduce(function, iterable[, initial]) -> value"""
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Makes wrapper look like wrapped: its name, qualname, doc and module, its
    attributes, and __wrapped__ pointing at it."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """A decorator that applies update_wrapper with `wrapped`."""
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


class partial:
    """partial(func, *args, **keywords): a callable that calls func with these
    arguments first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __reduce__(self):
        # CPython's recipe: the class, (func,), then (func, args, keywords, __dict__)
        # as the state (refscope keeps func, args and keywords in __dict__ too).
        extra = {k: v for k, v in self.__dict__.items()
                 if k not in ('func', 'args', 'keywords')}
        return type(self), (self.func,), (self.func, self.args, self.keywords or None,
                                          extra or None)

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError("argument to __setstate__ must be a tuple")
        if len(state) != 4:
            raise TypeError(f"expected 4 items in state, got {len(state)}")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(kwds) if kwds else {}
        if namespace:
            self.__dict__.update(namespace)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """A decorator that remembers up to maxsize results, dropping the least recently
    used (maxsize=None: all of them)."""
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # @lru_cache without parentheses.
        user_function, maxsize = maxsize, 128
        return _lru_cache_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses
    missing = object()

    def wrapper(*args, **kwds):
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwds)
        key = _make_key(args, kwds, typed)
        result = cache.get(key, missing)
        if result is not missing:
            stats[0] += 1
            if maxsize is not None:
                # Most recently used goes last.
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if key in cache:
            # The call itself filled this entry (recursion): keep that one.
            return result
        if maxsize is not None and len(cache) >= maxsize:
            del cache[next(iter(cache))]
        cache[key] = result
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    def cache_parameters():
        return {"maxsize": maxsize, "typed": typed}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    """An unbounded cache: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then kept in the instance's __dict__ under
    its own name (where later reads find it first: this descriptor has no __set__).
    (CPython's also takes a lock while computing; refscope runs one thread.)"""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            ) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} property."
                ) from None
        return val


def cmp_to_key(mycmp):
    """Turns an old-style comparison function into a key for sorted()."""
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


# The comparisons total_ordering derives, as functions of this module shared by every
# class it decorates (as CPython's are: a decorated class that is dropped frees only its
# own objects). Each asks the root comparison of the object's type.
def _derive(root, combine):
    def derived(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        return combine(self, other, r)
    return derived


_lt_from = {
    "__lt__": {
        "__gt__": _derive("__lt__", lambda a, b, r: not r and a != b),
        "__le__": _derive("__lt__", lambda a, b, r: r or a == b),
        "__ge__": _derive("__lt__", lambda a, b, r: not r),
    },
    "__le__": {
        "__ge__": _derive("__le__", lambda a, b, r: not r or a == b),
        "__lt__": _derive("__le__", lambda a, b, r: r and a != b),
        "__gt__": _derive("__le__", lambda a, b, r: not r),
    },
    "__gt__": {
        "__lt__": _derive("__gt__", lambda a, b, r: not r and a != b),
        "__ge__": _derive("__gt__", lambda a, b, r: r or a == b),
        "__le__": _derive("__gt__", lambda a, b, r: not r),
    },
    "__ge__": {
        "__le__": _derive("__ge__", lambda a, b, r: not r or a == b),
        "__gt__": _derive("__ge__", lambda a, b, r: r and a != b),
        "__lt__": _derive("__ge__", lambda a, b, r: not r),
    },
}


def total_ordering(cls):
    """Fills in the comparisons a class leaves out from the one it defines (__lt__,
    __le__, __gt__ or __ge__) and __eq__."""
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
             if any(op in c.__dict__ for c in cls.__mro__[:-1])]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)  # as CPython picks it
    for name, fn in _lt_from[root].items():
        if name not in roots:
            fn.__name__ = name
            setattr(cls, name, fn)
    return cls


def _dispatch_mro(cls, registry):
    """The class among registry's keys that cls's MRO reaches first (ABCs registered
    for a class are not consulted: CPython's _compose_mro is not modelled)."""
    for c in cls.__mro__:
        if c in registry:
            return c
    return object if object in registry else None


def singledispatch(func):
    """Turns func into a function that calls, for each call, the implementation
    registered for the class of its first argument (func itself for object)."""
    registry = {}
    cache = {}

    def dispatch(cls):
        try:
            return cache[cls]
        except KeyError:
            pass
        match = _dispatch_mro(cls, registry)
        impl = registry[match] if match is not None else func
        cache[cls] = impl
        return impl

    def register(cls, func=None):
        if isinstance(cls, type) or _is_union(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. "
                                f"{cls!r} is not a class or union type.")
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = next(iter(ann.items()))
            if not (isinstance(cls, type) or _is_union(cls)):
                raise TypeError(f"Invalid annotation for {argname!r}. "
                                f"{cls!r} is not a class.")
        for c in (cls.__args__ if _is_union(cls) else (cls,)):
            registry[c] = func
        cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = cache.clear
    update_wrapper(wrapper, func)
    return wrapper


def _is_union(cls):
    return type(cls).__name__ == 'UnionType' and hasattr(cls, '__args__')


def _bind(method, obj, cls):
    """method.__get__(obj, cls): a function binds to obj (refscope's functions have no
    __get__ attribute of their own), a descriptor binds itself."""
    get = getattr(method, '__get__', None)
    if get is not None:
        return get(obj, cls)
    if obj is None:
        return method
    from types import MethodType
    return MethodType(method, obj)


class singledispatchmethod:
    """singledispatch for methods: the implementation is chosen by the class of the
    first argument after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return _bind(method, obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)
