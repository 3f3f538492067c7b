"""Names for the types of the interpreter's objects (refscope's types module), with
SimpleNamespace, and the objects that subscripting a built-in class (list[int]) and `|`
between classes (int | None) make: GenericAlias and UnionType, as annotations use
them."""

import sys as _sys

__all__ = ['AsyncGeneratorType', 'BuiltinFunctionType', 'BuiltinMethodType', 'CellType',
           'CodeType', 'CoroutineType', 'coroutine',
           'FrameType', 'FunctionType', 'GeneratorType', 'GenericAlias', 'LambdaType',
           'MappingProxyType', 'MethodDescriptorType', 'MethodType', 'ModuleType',
           'NoneType', 'SimpleNamespace', 'TracebackType', 'UnionType']


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


async def _c():
    pass


async def _ag():
    yield 1


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
_co = _c()
CoroutineType = type(_co)
_co.close()
AsyncGeneratorType = type(_ag())
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
MethodDescriptorType = type(str.join)
ModuleType = type(_sys)
NoneType = type(None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())

try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)
    FrameType = type(exc.__traceback__.tb_frame)
del _f, _g, _c, _ag, _co, _C, _cell_factory


# The ids of the namespaces whose repr is being written.
_repr_running = set()


class SimpleNamespace:
    """SimpleNamespace(**kwargs): an object whose attributes are the keyword arguments
    given, printed as namespace(a=1, b=2)."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        # One inside itself shows as namespace(...), as CPython's.
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return f'{name}(...)'
        _repr_running.add(id(self))
        try:
            items = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
            return f'{name}({items})'
        finally:
            _repr_running.discard(id(self))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def _type_repr(obj):
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    return repr(obj)


def _as_tuple(args):
    return args if isinstance(args, tuple) else (args,)


class GenericAlias:
    """list[int]: the class list with the arguments [int], for annotations."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = _as_tuple(args)
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            inner = '()'
        else:
            inner = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{_type_repr(self.__origin__)}[{inner}]'

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        # class IntList(list[int]) derives from list (PEP 560).
        return (self.__origin__,)

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)


class UnionType:
    """int | None: the union of its arguments, for annotations and isinstance."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)


def union(a, b):
    """a | b between classes, None and aliases: a UnionType of them, flattened, each
    once (NoneType for None)."""
    args = []
    for x in (a, b):
        if isinstance(x, UnionType):
            items = x.__args__
        elif x is None:
            items = (type(None),)
        elif isinstance(x, (type, GenericAlias)):
            items = (x,)
        else:
            return NotImplemented
        for item in items:
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class _GeneratorWrapper:
    """What a generator function decorated with `coroutine` returns: its generator,
    which `await` accepts (CPython marks the function's code instead, so that the
    generator itself is awaitable)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    def __getattr__(self, name):
        # gi_code, gi_frame, gi_running, gi_yieldfrom and their cr_ names: the
        # generator's.
        fields = {'cr_code': 'gi_code', 'cr_frame': 'gi_frame',
                  'cr_running': 'gi_running', 'cr_await': 'gi_yieldfrom'}
        if name in fields or name in fields.values():
            return getattr(self.__wrapped, fields.get(name, name))
        raise AttributeError(name)

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self.__wrapped

    __await__ = __iter__


def coroutine(func):
    """Convert a regular generator function into a coroutine function, whose calls
    `await` accepts."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if isinstance(coro, GeneratorType):
            return _GeneratorWrapper(coro)
        return coro

    return wrapped
