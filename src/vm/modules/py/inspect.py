"""Looking inside live objects (refscope's inspect module): what a function accepts,
where a function or class is written, and what kind of object something is.

- signature() gives a Signature of Parameter objects (name, kind, default, annotation),
  printed as CPython prints it: (a, b=2, /, *c, d, **e) -> int. Signature.bind() and
  bind_partial() match call arguments to parameters, with CPython's TypeError messages.
  Functions, lambdas, bound methods (self dropped), classes (from __new__ / __init__),
  callable instances, functools.partial objects and the common builtins are understood.
- getsource, getsourcelines, getdoc, cleandoc, getcomments, getfile, getmodule read the
  program's own source through linecache. A block ends where CPython's tokenizer-based
  search ends it: at the first line indented no deeper than the `def` or `class` line,
  with decorators included and trailing comments kept when indented like the body.
- The is...() predicates, getmembers, getmro, getattr_static, getfullargspec,
  currentframe, stack, getframeinfo and getgeneratorstate.

refscope types some built-in callables and descriptors more loosely than CPython (an
unbound `list.append` is a builtin_function_or_method, property has no visible __set__),
so a few predicates recognise those objects by what they are rather than by their type's
slots; the answers are CPython's.
"""

import collections as _collections
import enum as _enum
import linecache as _linecache
import sys as _sys
import types as _types

try:
    import builtins as _builtins
except ImportError:
    # refscope has no importable builtins module; len's __self__ is that module.
    _builtins = len.__self__

__all__ = [
    'Signature', 'Parameter', 'BoundArguments', 'signature', 'getfullargspec',
    'FullArgSpec', 'formatannotation', 'unwrap',
    'getsource', 'getsourcelines', 'getsourcefile', 'findsource', 'getblock', 'getdoc',
    'cleandoc', 'getcomments', 'getfile', 'getmodule', 'indentsize',
    'ismodule', 'isclass', 'ismethod', 'isfunction', 'isgeneratorfunction',
    'iscoroutinefunction', 'isasyncgenfunction', 'isgenerator', 'iscoroutine',
    'isasyncgen', 'isawaitable', 'istraceback', 'isframe', 'iscode', 'isbuiltin',
    'isroutine', 'isabstract', 'ismethoddescriptor', 'isdatadescriptor',
    'isgetsetdescriptor', 'ismemberdescriptor', 'ismethodwrapper',
    'getmembers', 'getmro', 'getattr_static',
    'currentframe', 'stack', 'trace', 'getframeinfo', 'getouterframes',
    'getinnerframes', 'FrameInfo', 'Traceback',
    'getgeneratorstate', 'GEN_CREATED', 'GEN_RUNNING', 'GEN_SUSPENDED', 'GEN_CLOSED',
    'CO_OPTIMIZED', 'CO_NEWLOCALS', 'CO_VARARGS', 'CO_VARKEYWORDS', 'CO_NESTED',
    'CO_GENERATOR', 'CO_NOFREE', 'CO_COROUTINE', 'CO_ITERABLE_COROUTINE',
    'CO_ASYNC_GENERATOR',
]

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512


# ---------------------------------------------------------------------------
# Predicates
# ---------------------------------------------------------------------------

def ismodule(object):
    """True for a module."""
    return isinstance(object, _types.ModuleType)


def isclass(object):
    """True for a class (an instance of type)."""
    return isinstance(object, type)


def ismethod(object):
    """True for a bound method (a function tied to an instance or class)."""
    return isinstance(object, _types.MethodType)


def isfunction(object):
    """True for a function written in Python, lambdas included."""
    return isinstance(object, _types.FunctionType)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(object):
    """True for a function whose body contains `yield`."""
    return _has_code_flag(object, CO_GENERATOR)


def iscoroutinefunction(object):
    """True for an `async def` function."""
    return _has_code_flag(object, CO_COROUTINE)


def isasyncgenfunction(object):
    """True for an `async def` function containing `yield`."""
    return _has_code_flag(object, CO_ASYNC_GENERATOR)


def isgenerator(object):
    """True for a generator (what calling a generator function returns)."""
    return isinstance(object, _types.GeneratorType)


def iscoroutine(object):
    """True for a coroutine object (what calling an `async def` function returns)."""
    return type(object).__name__ == 'coroutine'


def isasyncgen(object):
    """True for an asynchronous generator (what calling an `async def` function that
    yields returns)."""
    return type(object).__name__ == 'async_generator'


def isawaitable(object):
    """True for something `await` accepts."""
    if iscoroutine(object):
        return True
    if isgenerator(object):
        return False
    return hasattr(type(object), '__await__')


def istraceback(object):
    """True for a traceback object."""
    return isinstance(object, _types.TracebackType)


def isframe(object):
    """True for a frame object."""
    return isinstance(object, _types.FrameType)


def iscode(object):
    """True for a code object."""
    return isinstance(object, _types.CodeType)


def _is_unbound_builtin(object):
    """A builtin method taken from its class (list.append): CPython calls this a
    method_descriptor. refscope gives it the builtins module as __self__ and, unlike
    the functions of modules (len, math.sqrt), no __module__."""
    if not isinstance(object, _types.BuiltinFunctionType):
        return False
    if getattr(object, '__self__', None) is not _builtins:
        return False
    try:
        module = object.__module__
    except AttributeError:
        return True
    return module is None


def isbuiltin(object):
    """True for a built-in function or a built-in method bound to an object."""
    return (isinstance(object, _types.BuiltinFunctionType)
            and not _is_unbound_builtin(object))


def _type_has(tp, name):
    for base in getattr(tp, '__mro__', (tp,)):
        if name in base.__dict__:
            return True
    return False


_METHOD_DESCRIPTOR_NAMES = ('method_descriptor', 'wrapper_descriptor',
                            'classmethod_descriptor')
_DATA_DESCRIPTOR_NAMES = ('getset_descriptor', 'member_descriptor')


def ismethoddescriptor(object):
    """True for an object with __get__ but no __set__ that is not a class, method or
    function: staticmethod, classmethod, unbound builtin methods."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    if isinstance(object, (staticmethod, classmethod)) or _is_unbound_builtin(object):
        return True
    tp = type(object)
    if tp.__name__ in _METHOD_DESCRIPTOR_NAMES:
        return True
    if isinstance(object, (property, _types.BuiltinFunctionType)):
        return False
    return _type_has(tp, '__get__') and not _type_has(tp, '__set__')


def isdatadescriptor(object):
    """True for an object whose type defines __set__ or __delete__ (property, slots)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    if isinstance(object, property) or type(object).__name__ in _DATA_DESCRIPTOR_NAMES:
        return True
    tp = type(object)
    return _type_has(tp, '__set__') or _type_has(tp, '__delete__')


def ismemberdescriptor(object):
    """True for a __slots__ entry seen on its class."""
    return type(object).__name__ == 'member_descriptor'


def isgetsetdescriptor(object):
    """True for a getset descriptor of a built-in type."""
    return type(object).__name__ == 'getset_descriptor'


def ismethodwrapper(object):
    """True for a method-wrapper (a slot method bound to an object)."""
    return type(object).__name__ == 'method-wrapper'


def isroutine(object):
    """True for any kind of function or method."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isabstract(object):
    """True for a class that still has abstract methods (it cannot be instantiated)."""
    if not isinstance(object, type):
        return False
    return bool(getattr(object, '__abstractmethods__', ()))


# ---------------------------------------------------------------------------
# Members
# ---------------------------------------------------------------------------

def getmro(cls):
    """The class and its bases, in method resolution order."""
    return cls.__mro__


def getmembers(object, predicate=None):
    """All (name, value) pairs of the object's attributes, sorted by name, keeping
    those for which predicate(value) is true."""
    if isclass(object):
        mro = (object,) + getmro(object)
    else:
        mro = ()
    results = []
    seen = set()
    for key in dir(object):
        try:
            value = getattr(object, key)
            found = key not in seen
        except AttributeError:
            found = False
        if not found:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    found = True
                    break
        if not found:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
        seen.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


_sentinel = object()


def _instance_dict(obj):
    try:
        d = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        return {}
    return d if isinstance(d, dict) else {}


def _lookup_in_mro(klass, attr):
    for entry in getattr(klass, '__mro__', ()):
        d = entry.__dict__
        if attr in d:
            return d[attr]
    return _sentinel


def getattr_static(obj, attr, default=_sentinel):
    """Looks attr up like getattr, but without running properties, __getattr__ or
    other descriptors: the raw object stored in a __dict__ is returned."""
    if isclass(obj):
        klass_result = _lookup_in_mro(obj, attr)
        if klass_result is not _sentinel:
            return klass_result
        meta_result = _lookup_in_mro(type(obj), attr)
        if meta_result is not _sentinel:
            return meta_result
    else:
        klass = type(obj)
        klass_result = _lookup_in_mro(klass, attr)
        if klass_result is not _sentinel and isdatadescriptor(klass_result):
            return klass_result
        inst = _instance_dict(obj)
        if attr in inst:
            return inst[attr]
        if klass_result is not _sentinel:
            return klass_result
    if default is not _sentinel:
        return default
    raise AttributeError(attr)


# ---------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------

class _void:
    """A marker for 'no value given' (used by replace())."""


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _ParameterKind(_enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KIND_DESCRIPTIONS = {
    _POSITIONAL_ONLY: 'positional-only',
    _POSITIONAL_OR_KEYWORD: 'positional or keyword',
    _VAR_POSITIONAL: 'variadic positional',
    _KEYWORD_ONLY: 'keyword-only',
    _VAR_KEYWORD: 'variadic keyword',
}


def formatannotation(annotation, base_module=None):
    """An annotation as a signature shows it: builtin classes by bare name, other
    classes as module.qualname, typing objects without 'typing.', the rest by repr."""
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, _types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation. The last two
    are Parameter.empty when absent."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f'{self._kind.description} parameters cannot have default values')
        if not isinstance(name, str):
            raise TypeError(f'name must be a str, not a {type(name).__name__}')
        if not name.isidentifier() or name in _KEYWORDS:
            raise ValueError(f'{name!r} is not a valid parameter name')
        self._name = name
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        """A copy with the given fields changed."""
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = text + ': ' + formatannotation(self._annotation)
        if self._default is not _empty:
            sep = ' = ' if self._annotation is not _empty else '='
            text = text + sep + repr(self._default)
        if self._kind == _VAR_POSITIONAL:
            text = '*' + text
        elif self._kind == _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default
                and self._annotation == other._annotation)


_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from',
    'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
    'raise', 'return', 'try', 'while', 'with', 'yield'])


class BoundArguments:
    """The result of Signature.bind(): `arguments` maps parameter names to the values
    given; `args` and `kwargs` rebuild a call."""

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        result = []
        for param in self._signature.parameters.values():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if param.name not in self.arguments:
                break
            value = self.arguments[param.name]
            if param.kind == _VAR_POSITIONAL:
                result.extend(value)
            else:
                result.append(value)
        return tuple(result)

    @property
    def kwargs(self):
        result = {}
        started = False
        for param in self._signature.parameters.values():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif param.name not in self.arguments:
                    started = True
                    continue
            if not started or param.name not in self.arguments:
                continue
            value = self.arguments[param.name]
            if param.kind == _VAR_KEYWORD:
                result.update(value)
            else:
                result[param.name] = value
        return result

    def apply_defaults(self):
        """Fills in the defaults of missing parameters (() for *args, {} for **kw)."""
        filled = []
        for name, param in self._signature.parameters.items():
            if name in self.arguments:
                filled.append((name, self.arguments[name]))
            elif param.default is not _empty:
                filled.append((name, param.default))
            elif param.kind == _VAR_POSITIONAL:
                filled.append((name, ()))
            elif param.kind == _VAR_KEYWORD:
                filled.append((name, {}))
        self.arguments = dict(filled)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        shown = ', '.join(f'{name}={value!r}' for name, value in self.arguments.items())
        return f'<{type(self).__name__} ({shown})>'


class Signature:
    """The parameters a callable accepts (an ordered mapping name -> Parameter) and its
    return annotation. str() gives the text CPython shows: (a, /, b=2, *, c) -> int."""

    empty = _empty
    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        params = _collections.OrderedDict()
        if parameters is not None:
            if __validate_parameters__:
                _check_parameter_order(parameters)
            for param in parameters:
                if param.name in params:
                    raise ValueError(f'duplicate parameter name: {param.name!r}')
                params[param.name] = param
        self._parameters = _types.MappingProxyType(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return _signature_of(obj, follow_wrapped, True)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        kwonly = frozenset(p for p in self._parameters.values() if p.kind == _KEYWORD_ONLY)
        others = tuple(p for p in self._parameters.values() if p.kind != _KEYWORD_ONLY)
        return hash((others, kwonly, self._return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        if self._return_annotation != other._return_annotation:
            return False
        mine = list(self._parameters.values())
        theirs = list(other._parameters.values())
        if len(mine) != len(theirs):
            return False
        kw_mine = {p.name: p for p in mine if p.kind == _KEYWORD_ONLY}
        kw_theirs = {p.name: p for p in theirs if p.kind == _KEYWORD_ONLY}
        rest_mine = [p for p in mine if p.kind != _KEYWORD_ONLY]
        rest_theirs = [p for p in theirs if p.kind != _KEYWORD_ONLY]
        return kw_mine == kw_theirs and rest_mine == rest_theirs

    def bind(self, /, *args, **kwargs):
        """Matches the arguments to the parameters; TypeError when a call would fail."""
        return self._bind(args, kwargs, False)

    def bind_partial(self, /, *args, **kwargs):
        """Like bind, but required parameters may be left out."""
        return self._bind(args, kwargs, True)

    def _bind(self, args, kwargs, partial):
        arguments = {}
        params = list(self._parameters.values())
        i = 0
        # Positional arguments fill the parameters in order.
        for pos, value in enumerate(args):
            if i >= len(params):
                raise TypeError('too many positional arguments')
            param = params[i]
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError('too many positional arguments')
            if param.kind == _VAR_POSITIONAL:
                arguments[param.name] = tuple(args[pos:])
                i += 1
                break
            if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                raise TypeError(f'multiple values for argument {param.name!r}')
            arguments[param.name] = value
            i += 1
        else:
            # The positional arguments ran out: the next parameter must be
            # optional, given by keyword, or *args.
            if i < len(params):
                param = params[i]
                if param.kind == _VAR_POSITIONAL:
                    i += 1
                elif param.name in kwargs:
                    if param.kind == _POSITIONAL_ONLY:
                        raise TypeError(f'{param.name!r} parameter is positional only, '
                                        'but was passed as a keyword')
                elif (param.kind != _VAR_KEYWORD and param.default is _empty
                      and not partial):
                    raise TypeError(f'missing a required argument: {param.name!r}')
        # The remaining parameters take keyword arguments.
        kwargs = dict(kwargs)
        var_keyword = None
        for param in params[i:]:
            if param.kind == _VAR_KEYWORD:
                var_keyword = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            if param.name in kwargs:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError(f'{param.name!r} parameter is positional only, '
                                    'but was passed as a keyword')
                arguments[param.name] = kwargs.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError(f'missing a required argument: {param.name!r}')
        if kwargs:
            if var_keyword is None:
                raise TypeError(f'got an unexpected keyword argument {next(iter(kwargs))!r}')
            arguments[var_keyword.name] = kwargs
        return self._bound_arguments_cls(self, arguments)

    def __str__(self):
        parts = []
        in_positional_only = False
        star_needed = True
        for param in self._parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                in_positional_only = True
            elif in_positional_only:
                parts.append('/')
                in_positional_only = False
            if kind == _VAR_POSITIONAL:
                star_needed = False
            elif kind == _KEYWORD_ONLY and star_needed:
                parts.append('*')
                star_needed = False
            parts.append(str(param))
        if in_positional_only:
            parts.append('/')
        text = '(' + ', '.join(parts) + ')'
        if self._return_annotation is not _empty:
            text += ' -> ' + formatannotation(self._return_annotation)
        return text

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'


def _check_parameter_order(parameters):
    top_kind = _POSITIONAL_ONLY
    seen_default = False
    for param in parameters:
        kind = param.kind
        if kind < top_kind:
            raise ValueError(f'wrong parameter order: {top_kind.description} parameter '
                             f'before {kind.description} parameter')
        if kind > top_kind:
            top_kind = kind
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            if param.default is _empty:
                if seen_default:
                    raise ValueError('non-default argument follows default argument')
            else:
                seen_default = True


def unwrap(func, *, stop=None):
    """Follows the __wrapped__ chain that functools.wraps leaves."""
    seen = {id(func)}
    original = func
    while hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError(f'wrapper loop when unwrapping {original!r}')
        seen.add(id(func))
    return func


def _signature_from_function(func):
    code = func.__code__
    names = code.co_varnames
    n_positional = code.co_argcount
    n_posonly = code.co_posonlyargcount
    n_kwonly = code.co_kwonlyargcount
    annotations = func.__annotations__ or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    first_default = n_positional - len(defaults)
    params = []
    for i in range(n_positional):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < n_posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    next_name = n_positional + n_kwonly
    if code.co_flags & CO_VARARGS:
        name = names[next_name]
        params.append(Parameter(name, _VAR_POSITIONAL,
                                annotation=annotations.get(name, _empty)))
        next_name += 1
    for name in names[n_positional:n_positional + n_kwonly]:
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[next_name]
        params.append(Parameter(name, _VAR_KEYWORD,
                                annotation=annotations.get(name, _empty)))
    return Signature(params, return_annotation=annotations.get('return', _empty),
                     __validate_parameters__=False)


def _drop_first(sig):
    """The signature of a bound method: its first parameter is already given."""
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind == _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _signature_of_partial(sig, partial, extra_args=()):
    args = tuple(extra_args) + tuple(partial.args or ())
    keywords = partial.keywords or {}
    try:
        bound = sig.bind_partial(*args, **keywords)
    except TypeError:
        raise ValueError(f'partial object {partial!r} has incorrect arguments') from None
    given = bound.arguments
    params = []
    to_kwonly = False
    for name, param in sig.parameters.items():
        if name in given:
            value = given[name]
            if param.kind == _POSITIONAL_ONLY:
                continue
            if param.kind == _POSITIONAL_OR_KEYWORD:
                if name not in keywords:
                    continue
                # Given by keyword: it and every later parameter become keyword-only.
                to_kwonly = True
                param = param.replace(default=value)
            if param.kind == _KEYWORD_ONLY:
                param = param.replace(default=value)
        if to_kwonly:
            if param.kind == _POSITIONAL_OR_KEYWORD:
                param = param.replace(kind=_KEYWORD_ONLY)
            elif param.kind == _VAR_POSITIONAL:
                continue
        params.append(param)
    return sig.replace(parameters=params)


# Text signatures of the builtins that have one in CPython 3.11 (refscope's builtins
# carry no __text_signature__).
_BUILTIN_SIGNATURES = {
    'abs': '(x, /)', 'all': '(iterable, /)', 'any': '(iterable, /)',
    'ascii': '(obj, /)', 'bin': '(number, /)', 'callable': '(obj, /)',
    'chr': '(i, /)', 'delattr': '(obj, name, /)', 'divmod': '(x, y, /)',
    'eval': '(source, globals=None, locals=None, /)',
    'exec': '(source, globals=None, locals=None, /, *, closure=None)',
    'format': "(value, format_spec='', /)", 'globals': '()',
    'hasattr': '(obj, name, /)', 'hash': '(obj, /)', 'hex': '(number, /)',
    'id': '(obj, /)', 'input': "(prompt='', /)", 'isinstance': '(obj, class_or_tuple, /)',
    'issubclass': '(cls, class_or_tuple, /)', 'len': '(obj, /)', 'locals': '()',
    'oct': '(number, /)', 'ord': '(c, /)', 'pow': '(base, exp, mod=None)',
    'open': "(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, "
            "closefd=True, opener=None)",
    'print': "(*args, sep=' ', end='\\n', file=None, flush=False)",
    'repr': '(obj, /)', 'round': '(number, ndigits=None)',
    'setattr': '(obj, name, value, /)', 'sorted': '(iterable, /, *, key=None, reverse=False)',
    'sum': '(iterable, /, start=0)',
    'compile': '(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, '
               '*, _feature_version=-1)',
    '__import__': '(name, globals=None, locals=None, fromlist=(), level=0)',
}

_BUILTIN_TYPE_SIGNATURES = {
    'complex': '(real=0, imag=0)', 'enumerate': '(iterable, start=0)',
    'float': '(x=0, /)', 'list': '(iterable=(), /)', 'memoryview': '(object)',
    'object': '()', 'property': '(fget=None, fset=None, fdel=None, doc=None)',
    'reversed': '(sequence, /)', 'tuple': '(iterable=(), /)',
}

_LITERALS = {'None': None, 'True': True, 'False': False, '()': ()}


def _literal(text):
    if text in _LITERALS:
        return _LITERALS[text]
    if text[:1] in ('"', "'"):
        return text[1:-1].replace('\\n', '\n')
    return int(text)


def _parse_text_signature(text):
    """A Signature from a text signature such as '(iterable, /, *, key=None)'."""
    params = []
    kind = _POSITIONAL_OR_KEYWORD
    items = [item.strip() for item in text[1:-1].split(',') if item.strip()]
    slash = items.index('/') if '/' in items else -1
    for index, item in enumerate(items):
        if item == '/':
            continue
        if item == '*':
            kind = _KEYWORD_ONLY
            continue
        if item.startswith('**'):
            params.append(Parameter(item[2:], _VAR_KEYWORD))
            continue
        if item.startswith('*'):
            params.append(Parameter(item[1:], _VAR_POSITIONAL))
            kind = _KEYWORD_ONLY
            continue
        name, eq, default = item.partition('=')
        this_kind = _POSITIONAL_ONLY if index < slash else kind
        params.append(Parameter(name, this_kind,
                                default=_literal(default) if eq else _empty))
    return Signature(params)


def _builtin_type_signature(cls):
    """The text signature of the first builtin class in cls's MRO that has one."""
    for base in cls.__mro__:
        if base.__module__ == 'builtins' and getattr(_builtins, base.__name__, None) is base:
            text = _BUILTIN_TYPE_SIGNATURES.get(base.__name__)
            if text is not None:
                return _parse_text_signature(text)
            if base is not object:
                raise ValueError(f'no signature found for builtin type {cls!r}')
    return None


def _namedtuple_signature(cls):
    """refscope's namedtuple __new__ takes *args, **kwargs; CPython's names the fields."""
    params = []
    defaults = getattr(cls, '_field_defaults', {})
    for name in cls._fields:
        params.append(Parameter(name, _POSITIONAL_OR_KEYWORD,
                                default=defaults.get(name, _empty)))
    return Signature(params)


class _FactoryMarker:
    """Shown as the default of a dataclass field that has a default_factory."""

    def __repr__(self):
        return '<factory>'


_FACTORY = _FactoryMarker()


def _dataclass_init_signature(cls, init):
    """refscope's dataclasses give every dataclass the same generic __init__(self,
    *args, **kwargs); CPython's generated __init__ names the fields. Returns the
    signature CPython's would have (self included), or None for another __init__."""
    if init.__code__.co_filename != '<frozen dataclasses>':
        return None
    if '__dataclass_fields__' not in cls.__dict__:
        return None
    import dataclasses
    params = [Parameter('self', _POSITIONAL_OR_KEYWORD)]
    kw_params = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = _FACTORY
        else:
            default = _empty
        kind = _KEYWORD_ONLY if f.kw_only else _POSITIONAL_OR_KEYWORD
        param = Parameter(f.name, kind, default=default, annotation=f.type)
        (kw_params if f.kw_only else params).append(param)
    return Signature(params + kw_params, return_annotation=None)


def _user_defined(cls, name):
    """The function named `name` found on cls, when Python code wrote it."""
    for base in cls.__mro__:
        if name in base.__dict__:
            value = base.__dict__[name]
            if isinstance(value, staticmethod):
                value = value.__func__
            if isinstance(value, (_types.FunctionType, classmethod)):
                return value
            return None
    return None


def _signature_of(obj, follow_wrapped, skip_bound_arg):
    if not callable(obj):
        raise TypeError(f'{obj!r} is not a callable object')

    if isinstance(obj, _types.MethodType):
        sig = _signature_of(obj.__func__, follow_wrapped, skip_bound_arg)
        return _drop_first(sig) if skip_bound_arg else sig

    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if isinstance(obj, _types.MethodType):
            return _signature_of(obj, follow_wrapped, skip_bound_arg)

    sig = getattr(obj, '__signature__', None) if not isclass(obj) else None
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError(f'unexpected object {sig!r} in __signature__ attribute')
        return sig

    if isfunction(obj):
        owner = _owner_class(obj) if obj.__name__ == '__init__' else None
        if owner is not None:
            sig = _dataclass_init_signature(owner, obj)
            if sig is not None:
                return sig
        return _signature_from_function(obj)

    if type(obj).__name__ == 'partial' and hasattr(obj, 'func'):
        wrapped = _signature_of(obj.func, follow_wrapped, skip_bound_arg)
        return _signature_of_partial(wrapped, obj)

    if isinstance(obj, _types.BuiltinFunctionType):
        text = None
        if getattr(_builtins, obj.__name__, None) is obj:
            text = _BUILTIN_SIGNATURES.get(obj.__name__)
        if text is None:
            raise ValueError(f'no signature found for builtin {obj!r}')
        return _parse_text_signature(text)

    if isclass(obj):
        call = _user_defined(type(obj), '__call__')
        if call is not None:
            sig = _signature_of(call, follow_wrapped, skip_bound_arg)
            return _drop_first(sig) if skip_bound_arg else sig
        new = _user_defined(obj, '__new__')
        init = _user_defined(obj, '__init__')
        for base in obj.__mro__:
            if new is not None and '__new__' in base.__dict__:
                if '_fields' in base.__dict__ and issubclass(base, tuple):
                    return _namedtuple_signature(base)
                sig = _signature_of(new, follow_wrapped, skip_bound_arg)
                return _drop_first(sig) if skip_bound_arg else sig
            if init is not None and '__init__' in base.__dict__:
                sig = _dataclass_init_signature(base, init)
                if sig is None:
                    sig = _signature_of(init, follow_wrapped, skip_bound_arg)
                return _drop_first(sig) if skip_bound_arg else sig
        if obj is type:
            raise ValueError(f'no signature found for builtin {obj!r}')
        sig = _builtin_type_signature(obj)
        if sig is not None:
            return sig
        raise ValueError(f'no signature found for {obj!r}')

    call = _user_defined(type(obj), '__call__')
    if call is not None:
        sig = _signature_of(call, follow_wrapped, skip_bound_arg)
        return _drop_first(sig) if skip_bound_arg else sig

    raise ValueError(f'callable {obj!r} is not supported by signature')


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable: its parameters and return annotation."""
    return _signature_of(obj, follow_wrapped, True)


FullArgSpec = _collections.namedtuple(
    'FullArgSpec', 'args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations')


def getfullargspec(func):
    """The parameters of a function as a FullArgSpec named tuple; a bound method keeps
    its first parameter (self)."""
    try:
        sig = _signature_of(func, False, False)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex
    args = []
    varargs = None
    varkw = None
    kwonlyargs = []
    defaults = ()
    kwdefaults = {}
    annotations = {}
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwdefaults[name] = param.default
        else:
            varkw = name
        if param.annotation is not _empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs,
                       kwdefaults or None, annotations)


# ---------------------------------------------------------------------------
# Source code
# ---------------------------------------------------------------------------

def getfile(object):
    """The name of the file an object was defined in."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError(f'{object!r} is a built-in module')
    if isclass(object):
        module = _sys.modules.get(object.__module__)
        if module is not None and getattr(module, '__file__', None):
            return module.__file__
        raise TypeError(f'{object!r} is a built-in class')
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    f'code object was expected, got {type(object).__name__}')


def getsourcefile(object):
    """The source file of an object (None when it has no .py file)."""
    filename = getfile(object)
    if filename.endswith('.py') or _linecache.getlines(filename):
        return filename
    return None


def getmodule(object, _filename=None):
    """The module an object was defined in, or None."""
    if ismodule(object):
        return object
    name = getattr(object, '__module__', None)
    if name is not None:
        if name == 'builtins' and name not in _sys.modules:
            return _builtins
        return _sys.modules.get(name)
    try:
        filename = getfile(object)
    except TypeError:
        return None
    for module in list(_sys.modules.values()):
        if getattr(module, '__file__', None) == filename:
            return module
    return None


def indentsize(line):
    """How many columns of indentation a line has (tabs expanded to 8)."""
    expanded = line.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def _is_def_line(line):
    """Whether findsource stops here: a def, an async def, a decorator, or a line with
    the keyword lambda."""
    stripped = line.lstrip()
    if stripped.startswith('@'):
        return True
    for keyword in ('def', 'async'):
        if stripped.startswith(keyword) and stripped[len(keyword):len(keyword) + 1] in (' ', '\t'):
            if keyword == 'def' or stripped[5:].lstrip().startswith('def'):
                return True
    start = 0
    while True:
        at = line.find('lambda', start)
        if at < 0:
            return False
        before = line[at - 1] if at > 0 else ''
        after = line[at + 6:at + 7]
        if not (before.isalnum() or before == '_') and (after == ':' or after.isspace()):
            return True
        start = at + 1


def _class_header_rows(lines, qualname):
    """Rows of the `class` statements whose qualified name is qualname."""
    found = []
    stack = []     # (indent, name, is_function)
    for logical in _logical_lines(lines):
        first, last, indent, kind = logical
        if kind != 'code':
            continue
        while stack and stack[-1][0] >= indent:
            stack.pop()
        text = lines[first].strip()
        is_class = text.startswith('class') and text[5:6] in (' ', '\t')
        is_def = text.startswith('def') and text[3:4] in (' ', '\t')
        if text.startswith('async') and text[5:].lstrip().startswith('def'):
            is_def = True
            text = text[5:].lstrip()
        if not (is_class or is_def):
            continue
        name = text[5:] if is_class else text[3:]
        name = name.lstrip()
        end = 0
        while end < len(name) and (name[end].isalnum() or name[end] == '_'):
            end += 1
        name = name[:end]
        prefix = []
        for _, outer, outer_is_function in stack:
            prefix.append(outer)
            if outer_is_function:
                prefix.append('<locals>')
        if is_class and '.'.join(prefix + [name]) == qualname:
            found.append(first)
        stack.append((indent, name, is_def))
    return found


def findsource(object):
    """All the lines of the object's file and the index of its first line."""
    filename = getsourcefile(object)
    if not filename:
        raise OSError('source code not available')
    lines = _linecache.getlines(filename)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, 0
    if isclass(object):
        rows = _class_header_rows(lines, object.__qualname__)
        if not rows:
            raise OSError('could not find class definition')
        row = rows[0]
        indent = indentsize(lines[row])
        while row > 0 and lines[row - 1].lstrip().startswith('@') \
                and indentsize(lines[row - 1]) == indent:
            row -= 1
        return lines, row
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        if not hasattr(object, 'co_firstlineno'):
            raise OSError('could not find function definition')
        row = object.co_firstlineno - 1
        while row > 0:
            if row >= len(lines):
                raise OSError('lineno is out of bounds')
            if _is_def_line(lines[row]):
                break
            row -= 1
        return lines, row
    raise OSError('could not find code object')


def _logical_lines(lines):
    """Yields (first_row, last_row, indent, kind) for each logical line, with kind
    'code', 'comment' (a line holding only a comment) or 'blank'. A logical line runs
    on while brackets are open, a triple-quoted string is open or a line ends with a
    backslash."""
    n = len(lines)
    i = 0
    while i < n:
        stripped = lines[i].strip()
        if not stripped or stripped == '\\':
            yield (i, i, None, 'blank')
            i += 1
            continue
        indent = indentsize(lines[i])
        if stripped.startswith('#'):
            yield (i, i, indent, 'comment')
            i += 1
            continue
        first = i
        depth = 0
        quote = None
        while True:
            line = lines[i]
            length = len(line)
            j = 0
            backslash = False
            while j < length:
                c = line[j]
                if quote is not None:
                    if c == '\\':
                        j += 2
                        continue
                    if line.startswith(quote, j):
                        j += len(quote)
                        quote = None
                        continue
                    j += 1
                    continue
                if c == '#':
                    break
                if c == '"' or c == "'":
                    if line[j:j + 3] in ('"""', "'''"):
                        quote = line[j:j + 3]
                        j += 3
                    else:
                        quote = c
                        j += 1
                    continue
                if c in '([{':
                    depth += 1
                elif c in ')]}':
                    depth -= 1
                elif c == '\\' and line[j + 1:].strip() == '':
                    backslash = True
                j += 1
            if quote is not None and len(quote) == 1:
                quote = None
            i += 1
            if i >= n or (quote is None and depth <= 0 and not backslash):
                break
        yield (first, i - 1, indent, 'code')


def getblock(lines):
    """The lines of the def, class or lambda at the top of lines (decorators first)."""
    logical = list(_logical_lines(lines))
    k = 0
    while k < len(logical):
        first, last, indent, kind = logical[k]
        if kind == 'code' and not lines[first].lstrip().startswith('@'):
            break
        k += 1
    if k >= len(logical):
        return lines[:len(lines)]
    first, last_row, header_indent, _ = logical[k]
    header = lines[first].strip()
    starts_def = False
    for keyword in ('def', 'class', 'async'):
        if header.startswith(keyword) and header[len(keyword):len(keyword) + 1] in (' ', '\t'):
            starts_def = True
    if not starts_def and _is_def_line(lines[first]):
        return lines[:last_row + 1]
    end = last_row
    body_col = None
    for first, last, indent, kind in logical[k + 1:]:
        if kind == 'blank':
            continue
        if kind == 'comment':
            if body_col is not None and indent >= body_col:
                end = last
            continue
        if indent <= header_indent:
            break
        if body_col is None:
            body_col = indent
        end = last
    return lines[:end + 1]


def getsourcelines(object):
    """The object's source lines and the number of its first line."""
    object = unwrap(object)
    lines, row = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == '<module>'):
        return lines, 0
    return getblock(lines[row:]), row + 1


def getsource(object):
    """The source text of a module, class, method, function, frame or code object."""
    lines, _ = getsourcelines(object)
    return ''.join(lines)


def getcomments(object):
    """The comment lines just above an object's source (or at the top of a module's
    file), or None."""
    try:
        lines, row = findsource(object)
    except (OSError, TypeError):
        return None
    if ismodule(object):
        start = 0
        if lines and lines[0][:2] == '#!':
            start = 1
        while start < len(lines) and lines[start].strip() in ('', '#'):
            start += 1
        if start < len(lines) and lines[start][:1] == '#':
            comments = []
            end = start
            while end < len(lines) and lines[end][:1] == '#':
                comments.append(lines[end].expandtabs())
                end += 1
            return ''.join(comments)
        return None
    indent = indentsize(lines[row])
    end = row - 1
    comments = []
    while end >= 0 and lines[end].lstrip()[:1] == '#' and indentsize(lines[end]) == indent:
        comments.insert(0, lines[end].expandtabs().lstrip())
        end -= 1
    while comments and comments[0].strip() == '#':
        del comments[0]
    while comments and comments[-1].strip() == '#':
        del comments[-1]
    if not comments:
        return None
    return ''.join(comments)


def cleandoc(doc):
    """A docstring with its indentation removed: the first line is stripped, the
    common indentation of the others is cut, and blank lines at either end dropped."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            if margin is None or indent < margin:
                margin = indent
    lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def _owner_class(func):
    """The class a function was defined in, found through its __qualname__."""
    parts = func.__qualname__.split('.')
    if len(parts) < 2 or '<locals>' in parts:
        return None
    owner = _sys.modules.get(func.__module__)
    for part in parts[:-1]:
        owner = getattr(owner, part, None)
    return owner if isclass(owner) else None


def _inherited_doc(obj):
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object and base.__doc__ is not None:
                return base.__doc__
        return None
    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        cls = self if isclass(self) else type(self)
        if getattr(cls, name, None) is not obj.__func__ and not isclass(self):
            return None
    elif isfunction(obj):
        name = obj.__name__
        cls = _owner_class(obj)
        if cls is None or getattr(cls, name, None) is not obj:
            return None
    elif isinstance(obj, property):
        return None
    else:
        return None
    for base in cls.__mro__[1:]:
        if name in base.__dict__:
            doc = getattr(base.__dict__[name], '__doc__', None)
            if doc is not None:
                return doc
    return None


def getdoc(object):
    """The object's docstring, cleaned up with cleandoc; a method without one borrows
    its parent class's. None when there is none."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _inherited_doc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# ---------------------------------------------------------------------------
# Frames and generators
# ---------------------------------------------------------------------------

_Traceback = _collections.namedtuple(
    'Traceback', 'filename lineno function code_context index')
_FrameInfo = _collections.namedtuple(
    'FrameInfo', 'frame filename lineno function code_context index')


class Traceback(_Traceback):
    """Where a frame is: filename, lineno, function, code_context (the source lines
    around lineno) and index (lineno's place in code_context)."""


class FrameInfo(_FrameInfo):
    """A frame and where it is (see Traceback)."""


def _context(filename, lineno, context):
    if context <= 0:
        return None, None
    lines = _linecache.getlines(filename)
    if not lines:
        return None, None
    start = lineno - 1 - context // 2
    start = max(0, min(start, len(lines) - context))
    return lines[start:start + context], lineno - 1 - start


def getframeinfo(frame, context=1):
    """A Traceback named tuple for a frame or traceback object."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    elif isframe(frame):
        lineno = frame.f_lineno
    else:
        raise TypeError(f'{frame!r} is not a frame or traceback object')
    filename = frame.f_code.co_filename
    code_context, index = _context(filename, lineno, context)
    return Traceback(filename, lineno, frame.f_code.co_name, code_context, index)


def getouterframes(frame, context=1):
    """FrameInfo records for a frame and each frame that called it, innermost first."""
    records = []
    while frame is not None:
        info = getframeinfo(frame, context)
        records.append(FrameInfo(frame, *info))
        frame = frame.f_back
    return records


def getinnerframes(tb, context=1):
    """FrameInfo records from a traceback, from where it was caught to where it was
    raised."""
    records = []
    while tb is not None:
        info = getframeinfo(tb, context)
        records.append(FrameInfo(tb.tb_frame, *info))
        tb = tb.tb_next
    return records


def currentframe():
    """The frame of the code that calls currentframe()."""
    return _sys._getframe(1)


def stack(context=1):
    """FrameInfo records for the caller's frame and all frames above it."""
    return getouterframes(_sys._getframe(1), context)


def trace(context=1):
    """FrameInfo records between the current frame and where the exception being
    handled was raised."""
    return getinnerframes(_sys.exc_info()[2], context)


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def getgeneratorstate(generator):
    """GEN_CREATED (not started), GEN_RUNNING, GEN_SUSPENDED (paused at a yield) or
    GEN_CLOSED (finished or closed)."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    """The local variables of a paused generator ({} once it has finished)."""
    if not isgenerator(generator):
        raise TypeError(f'{generator!r} is not a Python generator')
    frame = generator.gi_frame
    if frame is None:
        return {}
    return frame.f_locals
