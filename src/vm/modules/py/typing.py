"""Type hints (refscope's typing module): the names annotations use (List[int],
Optional[str], Union, Callable, Any, TypeVar...), with CPython's reprs, so that an
annotated program runs and shows its annotations as python3 does.

Only what annotations need is here: the aliases can be subscripted, compared and
printed, Generic and Protocol can be base classes (isinstance() checks a
@runtime_checkable protocol), and NamedTuple and TypedDict make their classes; there is
no other checking.
"""

from types import GenericAlias as _BuiltinAlias, UnionType as _UnionType, _type_repr
from abc import ABCMeta as _ABCMeta
from collections import namedtuple as _namedtuple
import collections as _collections
import sys as _sys

__all__ = ['Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generator',
           'Generic', 'Iterable', 'Iterator', 'List', 'Literal', 'Mapping', 'NewType',
           'NoReturn', 'Optional', 'Protocol', 'Sequence', 'Set', 'Tuple', 'Type',
           'TypeVar', 'TYPE_CHECKING', 'Union', 'cast', 'get_args', 'get_origin',
           'overload', 'no_type_check', 'final', 'NamedTuple', 'TypedDict',
           'runtime_checkable', 'get_type_hints', 'Self', 'LiteralString', 'Never',
           'TypeAlias', 'DefaultDict', 'OrderedDict', 'Counter', 'ChainMap', 'Deque']

TYPE_CHECKING = False


def _repr(obj):
    if obj is type(None):
        return 'NoneType'
    if isinstance(obj, list):
        return '[' + ', '.join(_repr(x) for x in obj) + ']'
    if obj is ... or isinstance(obj, type):
        return _type_repr(obj)
    return repr(obj)


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


def _hint(x):
    return type(None) if x is None else x


class _Unionable:
    """X | Y between this module's objects is Union[X, Y]."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm(_Unionable):
    """Any, Union, Optional, ClassVar, Final, Literal, NoReturn: names whose meaning
    is their subscription (`_getitem`)."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')


class _GenericAlias(_Unionable):
    """List[int], Optional[str]...: what subscripting one of this module's names
    gives."""

    def __init__(self, origin, args, name, special=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._special = special

    def __repr__(self):
        if self._special == 'optional':
            return f'typing.Optional[{_repr(self.__args__[0])}]'
        if self._special == 'callable':
            *params, result = self.__args__
            if params == [...]:
                shown = '...'
            else:
                shown = _repr(list(params))
            return f'typing.Callable[{shown}, {_repr(result)}]'
        if not self.__args__:
            return f'typing.{self._name}[()]'
        return f'typing.{self._name}[' + ', '.join(_repr(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Union and other.__origin__ is Union:
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, type) and origin is not object:
            # List[int]() and the like: CPython refuses the aliases of built-in classes.
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {origin.__name__}() instead')
        raise TypeError(f'Cannot instantiate {self!r}')

    def __getitem__(self, params):
        raise TypeError(f'{self!r} is not a generic class')

    def __mro_entries__(self, bases):
        # class Registry(Dict[str, int]) derives from dict and Generic (PEP 560).
        return _mro_entries(self, bases)


class _SpecialGenericAlias(_Unionable):
    """List, Dict, Iterable...: a class's name in typing, to subscript with the types
    of its items."""

    def __init__(self, name, origin, nparams):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = tuple(_hint(p) for p in _as_tuple(params))
        if self._name == 'Tuple':
            if params == ((),):
                params = ()
            return _GenericAlias(tuple, params, 'Tuple')
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f'Too {"many" if len(params) > self._nparams else "few"} '
                            f'arguments for {self!r}; actual {len(params)}, '
                            f'expected {self._nparams}')
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self._name} cannot be instantiated; '
                        f'use {self.__origin__.__name__}() instead')

    def __mro_entries__(self, bases):
        # class Registry(Dict[str, int]) derives from dict and Generic (PEP 560).
        return _mro_entries(self, bases)


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            items = (..., _hint(result))
        else:
            if not isinstance(args, list):
                raise TypeError(f"Callable[args, result]: args must be a list. Got {args}")
            items = tuple(_hint(a) for a in args) + (_hint(result),)
        return _GenericAlias(self.__origin__, items, 'Callable', 'callable')


def _mro_entries(alias, bases):
    """The classes a subscripted or bare alias stands for among a class's bases: its
    class (refscope's abstract ones are object, which every class has), then Generic
    unless a later base brings it."""
    entries = []
    origin = alias.__origin__
    if isinstance(origin, type) and origin is not object and origin not in bases:
        entries.append(origin)
    later = bases[bases.index(alias) + 1:]
    if not any(isinstance(b, (_GenericAlias, _SpecialGenericAlias, _GenericClassAlias))
               or (isinstance(b, type) and issubclass(b, Generic)) for b in later):
        entries.append(Generic)
    return tuple(entries)


def _union(form, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    args = []
    for p in _as_tuple(parameters):
        p = _hint(p)
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            items = p.__args__
        elif isinstance(p, _UnionType):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    args = tuple(args)
    special = 'optional' if len(args) == 2 and args[1] is type(None) else None
    return _GenericAlias(Union, args, 'Union', special)


def _optional(form, parameter):
    return Union[parameter, None]


def _one(form, parameter):
    return _GenericAlias(form, (_hint(parameter),), form._name)


def _literal(form, parameters):
    return _GenericAlias(form, _as_tuple(parameters), 'Literal')


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _one)
Final = _SpecialForm('Final', _one)
Literal = _SpecialForm('Literal', _literal)
# New in 3.11: the class being defined, a str literal's type, the empty type, and an
# alias's marker.
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Never = _SpecialForm('Never')
TypeAlias = _SpecialForm('TypeAlias')


class TypeVar(_Unionable):
    """T = TypeVar('T'): a name for a type that is not known yet."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


List = _SpecialGenericAlias('List', list, 1)
Dict = _SpecialGenericAlias('Dict', dict, 2)
Set = _SpecialGenericAlias('Set', set, 1)
FrozenSet = _SpecialGenericAlias('FrozenSet', frozenset, 1)
Tuple = _SpecialGenericAlias('Tuple', tuple, -1)
Type = _SpecialGenericAlias('Type', type, 1)
Iterable = _SpecialGenericAlias('Iterable', object, 1)
Iterator = _SpecialGenericAlias('Iterator', object, 1)
Sequence = _SpecialGenericAlias('Sequence', object, 1)
MutableSequence = _SpecialGenericAlias('MutableSequence', object, 1)
Mapping = _SpecialGenericAlias('Mapping', object, 2)
MutableMapping = _SpecialGenericAlias('MutableMapping', object, 2)
Collection = _SpecialGenericAlias('Collection', object, 1)
Container = _SpecialGenericAlias('Container', object, 1)
Hashable = _SpecialGenericAlias('Hashable', object, 0)
Sized = _SpecialGenericAlias('Sized', object, 0)
Generator = _SpecialGenericAlias('Generator', object, 3)
Callable = _CallableType('Callable', object, -1)
AbstractSet = _SpecialGenericAlias('AbstractSet', object, 1)
Reversible = _SpecialGenericAlias('Reversible', object, 1)


class _InstantiableAlias(_SpecialGenericAlias):
    """The aliases of collections' classes: calling one makes an instance."""

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


DefaultDict = _InstantiableAlias('DefaultDict', _collections.defaultdict, 2)
OrderedDict = _InstantiableAlias('OrderedDict', _collections.OrderedDict, 2)
Counter = _InstantiableAlias('Counter', _collections.Counter, 1)
ChainMap = _InstantiableAlias('ChainMap', _collections.ChainMap, 2)
Deque = _InstantiableAlias('Deque', _collections.deque, 1)


class _GenericClassAlias(_Unionable):
    """Generic[T], Stack[int]: a generic class with its type arguments. As a base it
    stands for the class; called, it makes an instance and records itself on it
    (`__orig_class__`)."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = tuple(dict.fromkeys(a for a in args if isinstance(a, TypeVar)))

    def __repr__(self):
        origin = self.__origin__
        if origin.__module__ == 'builtins':
            name = origin.__qualname__
        else:
            name = f'{origin.__module__}.{origin.__qualname__}'
        return f"{name}[{', '.join(_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericClassAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __mro_entries__(self, bases):
        # The class itself; Generic[T] stands for nothing when Protocol or a later
        # subscripted base brings Generic.
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            later = bases[bases.index(self) + 1:]
            if any(isinstance(b, (_GenericAlias, _SpecialGenericAlias, _GenericClassAlias))
                   for b in later):
                return ()
        return (self.__origin__,)


class Generic:
    """A base class for generic classes: class Stack(Generic[T]). Subscripting a generic
    class gives it with its type arguments (Stack[int]); its type variables are its
    `__parameters__`."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic:
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError('Parameters to Generic[...] must all be type variables '
                                'or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError('Parameters to Generic[...] must all be unique')
        return _GenericClassAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        found = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            for p in getattr(base, '__parameters__', ()):
                if p not in found:
                    found.append(p)
        cls.__parameters__ = tuple(found)


class _ProtocolMeta(_ABCMeta):
    """The metaclass of Protocol: isinstance() against a @runtime_checkable protocol
    checks that the object has the protocol's members (CPython 3.11's rules)."""

    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_protocol', False):
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError("Instance and class checks can only be used with"
                                " @runtime_checkable protocols")
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or
                    getattr(instance, attr) is not None)
                   for attr in _protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
    '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__qualname__', '__parameters__', '__orig_bases__',
    '__init_subclass__', '_is_protocol', '_is_runtime_protocol', '_abc_impl',
    '__protocol_attrs__', '__orig_class__', '__classcell__', '__match_args__',
})


def _protocol_attrs(cls):
    """The names a protocol asks for: what its protocol classes define."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


def _refuse_protocol_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    if cls.__init__ is not _refuse_protocol_init:
        return
    # A concrete class deriving from a protocol: the first __init__ of its MRO other
    # than this one takes this one's place, and runs.
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _refuse_protocol_init)
        if init is not _refuse_protocol_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """A base class for structural types (static duck typing). isinstance() works
    against one marked @runtime_checkable."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # A protocol is a class that lists Protocol among its bases.
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get('_is_protocol', False):
                return NotImplemented
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError("Instance and class checks can only be used with"
                                " @runtime_checkable protocols")
            for attr in _protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return NotImplemented
                        break
                    annotations = getattr(base, '__annotations__', {})
                    if isinstance(annotations, dict) and attr in annotations:
                        break
                else:
                    return NotImplemented
            return True

        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook

        # A protocol cannot be instantiated: its __init__ refuses (and a class deriving
        # from it finds its own on first use).
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _refuse_protocol_init


def runtime_checkable(cls):
    """Marks a protocol class as one isinstance() and issubclass() can check."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# NamedTuple: `class Point(NamedTuple): x: int; y: int = 0` makes a collections
# namedtuple from the annotations, as CPython's NamedTupleMeta does.
_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace', '_asdict',
                         '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    types = {n: t for n, t in types}
    nm_tpl = _namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = types
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: NamedTuple('Point', [('x', int), ('y', int)]), or
    as a base class with annotated fields."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, module=_sys._getframe(1).f_globals['__name__'])


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        return tp_dict

    __call__ = dict   # a TypedDict's instances are plain dicts

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with typed keys, for checkers: its instances are plain dicts."""
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields)}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def cast(typ, val):
    """Returns val unchanged (the type is for readers and checkers)."""
    return val


def _owner_globals(cls, default):
    """The globals of the module that defined a class: those of one of its functions
    (refscope's modules are not in sys.modules), else `default`."""
    for value in vars(cls).values():
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        found = getattr(value, '__globals__', None)
        if isinstance(found, dict):
            return found
    return default


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (along its MRO, bases first), function or module,
    with the ones written as strings (`from __future__ import annotations`, forward
    references) evaluated, and None as type(None)."""
    def resolve(value, g, l):
        if isinstance(value, str):
            value = eval(value, g, l)
        return type(None) if value is None else value

    caller = _sys._getframe(1).f_globals
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            annotations = base.__dict__.get('__annotations__', {})
            if not isinstance(annotations, dict):
                continue
            g = globalns if globalns is not None else _owner_globals(base, caller)
            l = dict(vars(base)) if localns is None else localns
            for name, value in annotations.items():
                hints[name] = resolve(value, g, l)
        return hints
    annotations = getattr(obj, '__annotations__', None)
    if annotations is None:
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    g = globalns if globalns is not None else getattr(obj, '__globals__', None)
    if g is None:
        g = getattr(obj, '__dict__', caller)
    return {name: resolve(value, g, localns) for name, value in annotations.items()}


def get_origin(tp):
    """The class or form an alias was made from: list for List[int]."""
    if isinstance(tp, (_GenericAlias, _BuiltinAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _UnionType):
        return _UnionType
    return None


def get_args(tp):
    """The arguments of an alias: (str, int) for Dict[str, int]."""
    if isinstance(tp, _GenericAlias) and tp._special == 'callable':
        *params, result = tp.__args__
        if params == [...]:
            return (..., result)
        return (list(params), result)
    if isinstance(tp, (_GenericAlias, _BuiltinAlias, _UnionType)):
        return tp.__args__
    return ()


def overload(func):
    """Marks one of several signatures of a function (for checkers); the last,
    undecorated definition is the one that runs."""
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @overload-ed.")
    return _overload_dummy


def no_type_check(arg):
    return arg


def final(f):
    return f


def NewType(name, tp):
    """A distinct name for a type: calling it returns its argument."""
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type
