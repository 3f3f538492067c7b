"""Abstract base classes (refscope's abc module), with CPython 3.11's behaviour: ABCMeta
computes a class's __abstractmethods__ (a class that still has some cannot be
instantiated: the engine refuses it, as CPython's object.__new__ does), register() makes
virtual subclasses, and isinstance/issubclass ask __instancecheck__/__subclasscheck__,
__subclasshook__, the registry and the subclasses, keeping CPython's caches of weak
references in each class's _abc_impl.
"""

from weakref import ref as _ref

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """Marks a method abstract: a class that has it (and does not override it) cannot
    be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# (Deprecated since 3.3. CPython's are subclasses of classmethod, staticmethod and
# property; refscope cannot subclass those, so these make the abstract object itself.)
def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    if isinstance(value, property):
        return any(getattr(f, '__isabstractmethod__', False)
                   for f in (value.fget, value.fset, value.fdel))
    if isinstance(value, (classmethod, staticmethod)):
        return getattr(value.__func__, '__isabstractmethod__', False)
    return False


def _compute_abstracts(cls):
    """Sets cls.__abstractmethods__: the abstract methods it defines, and its bases'
    that it does not override (CPython's compute_abstract_methods)."""
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


class _abc_data:
    """What ABCMeta keeps for each class: the registry of virtual subclasses and the
    caches of isinstance/issubclass answers, as sets of weak references (made when
    first needed)."""
    __slots__ = ('_abc_registry', '_abc_cache', '_abc_negative_cache',
                 '_abc_negative_cache_version')

    def __init__(self):
        self._abc_registry = None
        self._abc_cache = None
        self._abc_negative_cache = None
        self._abc_negative_cache_version = _abc_invalidation_counter


_abc_data.__module__ = '_abc'

# Bumped by every register(): negative answers cached before it are stale.
_abc_invalidation_counter = 0


def _add(data, attr, cls):
    s = getattr(data, attr)
    if s is None:
        s = set()
        setattr(data, attr, s)
    s.add(_ref(cls))


def _has(data, attr, cls):
    s = getattr(data, attr)
    return s is not None and _ref(cls) in s


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _compute_abstracts(cls)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to allow usage
        as a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _add(cls._abc_impl, '_abc_registry', subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        data = cls._abc_impl
        if _has(data, '_abc_cache', subclass):
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (data._abc_negative_cache_version == _abc_invalidation_counter
                    and _has(data, '_abc_negative_cache', subclass)):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        data = cls._abc_impl
        if _has(data, '_abc_cache', subclass):
            return True
        if data._abc_negative_cache_version < _abc_invalidation_counter:
            data._abc_negative_cache = None
            data._abc_negative_cache_version = _abc_invalidation_counter
        elif _has(data, '_abc_negative_cache', subclass):
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok:
                _add(data, '_abc_cache', subclass)
            else:
                _add(data, '_abc_negative_cache', subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            _add(data, '_abc_cache', subclass)
            return True
        for rcls in [r() for r in data._abc_registry or ()]:
            if rcls is not None and issubclass(subclass, rcls):
                _add(data, '_abc_cache', subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                _add(data, '_abc_cache', subclass)
                return True
        _add(data, '_abc_negative_cache', subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl._abc_registry = None

    def _abc_caches_clear(cls):
        cls._abc_impl._abc_cache = None
        cls._abc_impl._abc_negative_cache = None


def update_abstractmethods(cls):
    """Recomputes an ABC's abstract methods after methods were added to it."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    _compute_abstracts(cls)
    return cls


def get_cache_token():
    """The current ABC cache token: it changes with every register()."""
    return _abc_invalidation_counter


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
