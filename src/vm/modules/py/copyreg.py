"""Helpers for pickling and copying (refscope's copyreg module): the constructors that
object.__reduce_ex__'s recipes name (__newobj__, __newobj_ex__, _reconstructor), the
protocol 0 and 1 recipe (_reduce_ex), and the dispatch table that pickle() fills.

refscope's object.__reduce_ex__ and object.__reduce__ are written here too
(_object_reduce_ex), as CPython's typeobject.c computes them.
"""

__all__ = ['pickle', 'constructor', 'add_extension', 'remove_extension',
           'clear_extension_cache']

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Registers pickle_function as the reducer of ob_type's objects."""
    if not callable(pickle_function):
        raise TypeError('reduction functions must be callable')
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError('constructors must be callable')


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _builtin_base(cls):
    """The first class of cls's MRO that is not a Python class (object at the end)."""
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return base
    return object


def _reduce_ex(self, proto):
    """The recipe of protocols 0 and 1: _reconstructor with the built-in base's value,
    and the instance's __dict__ as its state."""
    assert proto < 2
    cls = self.__class__
    base = _builtin_base(cls)
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f'cannot pickle {cls.__name__!r} object')
        state = base(self)
    args = (cls, base, state)
    if type(self).__getstate__ is object.__getstate__ and getattr(self, '__slots__', None):
        raise TypeError('a class that defines __slots__ without defining '
                        '__getstate__ cannot be pickled')
    state = _state(self)
    if state:
        return _reconstructor, args, state
    return _reconstructor, args


def _slotnames(cls):
    """The names of cls's slots (its MRO's, private names mangled, without __dict__
    and __weakref__), cached on the class as __slotnames__ as CPython caches them."""
    names = cls.__dict__.get('__slotnames__')
    if names is not None:
        return names
    names = []
    if hasattr(cls, '__slots__'):
        for c in cls.__mro__:
            if '__slots__' not in c.__dict__:
                continue
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ('__dict__', '__weakref__'):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    name = f'_{stripped}{name}' if stripped else name
                names.append(name)
    try:
        cls.__slotnames__ = names
    except (TypeError, AttributeError):
        pass
    return names


def _state(obj):
    """obj.__getstate__(), which in CPython also caches the class's __slotnames__."""
    if type(obj).__getstate__ is object.__getstate__:
        _slotnames(type(obj))
    return obj.__getstate__()


def _object_reduce_ex(obj, proto):
    """object.__reduce_ex__(protocol): a class's own __reduce__ if it has one, else the
    recipe of the protocol (object.__reduce__ is protocol 0's)."""
    if type(obj).__reduce__ is not object.__reduce__:
        return obj.__reduce__()
    return _common_reduce(obj, proto)


def _common_reduce(obj, proto):
    if proto < 2:
        return _reduce_ex(obj, proto)
    cls = type(obj)
    kwargs = None
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        has_args = True
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        has_args = getnewargs is not None
        args = getnewargs() if has_args else ()
        if not isinstance(args, tuple):
            raise TypeError(f'__getnewargs__ should return a tuple, not '
                            f"'{type(args).__name__}'")
    state = _state(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return __newobj_ex__, (cls, args, kwargs), state, listitems, dictitems
    return __newobj__, (cls,) + tuple(args), state, listitems, dictitems


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError(f'key {key} is already registered with code '
                         f'{_extension_registry[key]}')
    if code in _inverted_registry:
        raise ValueError(f'code {code} is already in use for key {_inverted_registry[code]}')
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError(f'key {key} is not registered with code {code}')
    del _extension_registry[key]
    del _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
