"""Abstract base classes (refscope's abc module): a class that derives from ABC cannot
be instantiated while it has methods marked @abstractmethod that no class below it
overrides, with CPython's message.

refscope has no metaclasses yet: ABC checks its subclasses in __init_subclass__ and
refuses instances in __new__, where CPython's ABCMeta does this; type(Shape) is type,
not ABCMeta, and register() records nothing for isinstance.
"""

__all__ = ['ABC', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token']


def abstractmethod(funcobj):
    """Marks a method abstract: a class that has it (and does not override it) cannot
    be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


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
    """The names of cls's abstract methods: its own, and its bases' that it does not
    override (CPython's _abc_init)."""
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


class ABC:
    """A helper class: derive from it to make an abstract base class."""

    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        _compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            s = 's' if len(names) > 1 else ''
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {', '.join(names)}")
        if (args or kwargs) and cls.__init__ is object.__init__:
            # What object.__new__ says when neither method takes the arguments.
            raise TypeError(f'{cls.__name__}() takes no arguments')
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Would make subclass a virtual subclass; refscope records nothing."""
        return subclass


ABC.__abstractmethods__ = frozenset()


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


def get_cache_token():
    return 0
