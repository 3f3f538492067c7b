"""Pretty printing (refscope's pprint module): pprint, pformat and pp write an object's
repr, and when it is wider than `width` (80) they spread lists, tuples, dicts, sets,
strings, bytes, the collections containers and dataclasses over several lines, indented,
as CPython 3.11 does, character for character. Dict keys are sorted unless
sort_dicts=False (pp's default); `depth` cuts nesting off as [...], and an object met
inside itself is shown as <Recursion on list with id=...>.

saferepr, isreadable and isrecursive give a one-line repr that survives recursive data,
and say whether eval() could read it back and whether it is recursive.
"""

import collections as _collections
import dataclasses as _dataclasses
import sys as _sys
import types as _types
from io import StringIO as _StringIO

__all__ = ['pprint', 'pformat', 'isreadable', 'isrecursive', 'saferepr',
           'PrettyPrinter', 'pp']


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Writes object, pretty-printed, and a newline to stream (sys.stdout if None)."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                  compact=compact, sort_dicts=sort_dicts,
                  underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """The pretty-printed text of object (no newline at the end)."""
    return PrettyPrinter(indent=indent, width=width, depth=depth,
                         compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint, but keeping dicts in their own order unless sort_dicts=True."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """repr(object) on one line, with <Recursion on ...> where it contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Whether eval() could read saferepr(object) back."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """A sort key that orders anything: values that cannot be compared (1 and 'a')
    fall back to comparing their types' names, then their ids."""

    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_tuple(pair):
    """The sort key of a dict's (key, value) item."""
    return _safe_key(pair[0]), _safe_key(pair[1])


def _sorted_items(mapping):
    return sorted(mapping.items(), key=_safe_tuple)


def _recursion(object):
    return f'<Recursion on {type(object).__name__} with id={id(object)}>'


def _words(line):
    """`line` cut after each run of whitespace that follows a run of other characters:
    'ab  cd e' gives ['ab  ', 'cd ', 'e'] (what CPython gets from re's \\S*\\s*)."""
    parts = []
    start, n = 0, len(line)
    while start < n:
        end = start
        while end < n and not line[end].isspace():
            end += 1
        while end < n and line[end].isspace():
            end += 1
        parts.append(line[start:end])
        start = end
    return parts


def _fill(pieces, width, last_width):
    """The reprs of the longest runs of `pieces` (strs or bytes) whose repr fits in
    `width` (the run holding the last piece: `last_width`); a piece too wide on its own
    stays alone."""
    reprs = []
    current = pieces[0][:0]
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        candidate = current + piece
        limit = last_width if i == last else width
        if len(repr(candidate)) > limit:
            if current:
                reprs.append(repr(current))
            current = piece
        else:
            current = candidate
    if current:
        reprs.append(repr(current))
    return reprs


def _bytes_reprs(data, width, allowance):
    """The reprs of `data` cut into runs of 4-byte groups, each fitting in `width`."""
    groups = [data[i:i + 4] for i in range(0, len(data), 4)]
    # CPython takes the allowance off only for a last group shorter than 4 bytes.
    last_width = width - allowance if len(data) % 4 else width
    return _fill(groups, width, last_width)


def _has_generated_repr(object):
    """Whether object is a dataclass instance whose __repr__ is the one dataclass made."""
    if isinstance(object, type) or not _dataclasses.is_dataclass(object):
        return False
    if not object.__dataclass_params__.repr:
        return False
    r = type(object).__repr__
    if getattr(r, '__code__', None) is _GENERATED_REPR_CODE:
        return True
    wrapped = getattr(r, '__wrapped__', None)     # CPython's own dataclasses
    return wrapped is not None and '__create_fn__' in wrapped.__qualname__


class PrettyPrinter:
    """PrettyPrinter(indent=1, width=80, depth=None, stream=None, *, compact=False,
    sort_dicts=True, underscore_numbers=False): the settings pprint and pformat use."""

    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    # -- the public methods

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write('\n')

    def pformat(self, object):
        out = _StringIO()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object on one line; `context` holds the ids
        of the containers being written. Subclasses override this to change reprs."""
        return self._safe_repr(object, context, maxlevels, level)

    # -- several lines

    def _format(self, object, stream, indent, allowance, context, level):
        """Writes object at column `indent`, leaving `allowance` columns free after it
        (for the closing brackets and commas that follow)."""
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            printer = self._dispatch.get(type(object).__repr__)
            if printer is None and _has_generated_repr(object):
                printer = PrettyPrinter._pprint_dataclass
            if printer is not None:
                context[objid] = 1
                printer(self, object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def _write_pad(self, stream):
        """The spaces after an opening bracket when indent > 1."""
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * ' ')

    def _format_items(self, items, stream, indent, allowance, context, level):
        """Writes the items of a list, tuple, set or deque, one a line (with compact,
        as many a line as fit)."""
        write = stream.write
        indent += self._indent_per_level
        self._write_pad(stream)
        items = list(items)
        if not items:
            return
        newline = ',\n' + ' ' * indent
        max_width = self._width - indent + 1
        room = max_width
        delim = ''
        last_index = len(items) - 1
        for i, ent in enumerate(items):
            last = i == last_index
            if last:
                max_width -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                needed = len(rep) + 2
                if room < needed:
                    room = max_width
                    if delim:
                        delim = newline
                if room >= needed:
                    room -= needed
                    write(delim)
                    delim = ', '
                    write(rep)
                    continue
            write(delim)
            delim = newline
            self._format(ent, stream, indent, allowance if last else 1, context, level)

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        """Writes `key: value` pairs, one a line."""
        write = stream.write
        indent += self._indent_per_level
        newline = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            write(rep)
            write(': ')
            self._format(ent, stream, indent + len(rep) + 2,
                         allowance if last else 1, context, level)
            if not last:
                write(newline)

    def _format_namespace_items(self, items, stream, indent, allowance, context, level):
        """Writes `name=value` pairs, one a line (a value being written is `...`)."""
        write = stream.write
        newline = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            write(key)
            write('=')
            if id(ent) in context:
                write('...')
            else:
                self._format(ent, stream, indent + len(key) + 1,
                             allowance if last else 1, context, level)
            if not last:
                write(newline)

    # -- the printers of the types written over several lines

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        self._write_pad(stream)
        if len(object):
            items = _sorted_items(object) if self._sort_dicts else list(object.items())
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.write('}')

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        self._format(list(object.items()), stream, indent + len(name) + 1,
                     allowance + 1, context, level)
        stream.write(')')

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write(']')

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write('(')
        close = ',)' if len(object) == 1 else ')'
        self._format_items(object, stream, indent, allowance + len(close), context, level)
        stream.write(close)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        if cls is set:
            stream.write('{')
            close = '}'
        else:
            stream.write(cls.__name__ + '({')
            close = '})'
            indent += len(cls.__name__) + 1
        items = sorted(object, key=_safe_key)
        self._format_items(items, stream, indent, allowance + len(close), context, level)
        stream.write(close)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        """A long str becomes adjacent literals, cut after line ends and then after
        spaces; at the top level they are put in parentheses."""
        if not len(object):
            stream.write(repr(object))
            return
        if level == 1:
            indent += 1
            allowance += 1
        width = self._width - indent
        lines = object.splitlines(True)
        chunks = []
        for i, line in enumerate(lines):
            last_line = i == len(lines) - 1
            room = width - allowance if last_line else width
            rep = repr(line)
            if len(rep) <= room:
                chunks.append(rep)
            else:
                chunks.extend(_fill(_words(line), width,
                                    width - allowance if last_line else width))
        if len(chunks) == 1:
            stream.write(chunks[0])
            return
        if level == 1:
            stream.write('(')
        stream.write(('\n' + ' ' * indent).join(chunks))
        if level == 1:
            stream.write(')')

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            stream.write('(')
        reprs = _bytes_reprs(object, self._width - indent, allowance)
        stream.write(('\n' + ' ' * indent).join(reprs))
        if parens:
            stream.write(')')

    def _pprint_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write('bytearray(')
        self._pprint_bytes(bytes(object), stream, indent + 10, allowance + 1,
                           context, level + 1)
        stream.write(')')

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write('mappingproxy(')
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(')')

    def _pprint_simplenamespace(self, object, stream, indent, allowance, context, level):
        if type(object) is _types.SimpleNamespace:
            name = 'namespace'
        else:
            name = object.__class__.__name__
        stream.write(name + '(')
        self._format_namespace_items(list(object.__dict__.items()), stream,
                                     indent + len(name) + 1, allowance, context, level)
        stream.write(')')

    def _pprint_dataclass(self, object, stream, indent, allowance, context, level):
        name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name))
                 for f in _dataclasses.fields(object) if f.repr]
        stream.write(name + '(')
        self._format_namespace_items(items, stream, indent + len(name) + 1,
                                     allowance, context, level)
        stream.write(')')

    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        stream.write(f'{name}({factory},\n' + ' ' * indent)
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(')')

    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '({')
        self._write_pad(stream)
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1,
                                allowance + 2, context, level)
        stream.write('})')

    def _pprint_chain_map(self, object, stream, indent, allowance, context, level):
        maps = object.maps
        if not len(maps):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        indent += len(name) + 1
        for i, m in enumerate(maps):
            if i == len(maps) - 1:
                self._format(m, stream, indent, allowance + 1, context, level)
                stream.write(')')
            else:
                self._format(m, stream, indent, 1, context, level)
                stream.write(',\n' + ' ' * indent)

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '([')
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write('])')
        else:
            self._format_items(object, stream, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            stream.write('],\n' + ' ' * indent + f'maxlen={maxlen})')

    def _pprint_user_data(self, object, stream, indent, allowance, context, level):
        """UserDict, UserList and UserString: written as their .data."""
        self._format(object.data, stream, indent, allowance, context, level - 1)

    # -- one line

    def _safe_repr(self, object, context, maxlevels, level):
        """(repr, readable, recursive): dicts, lists and tuples are written here, item
        by item through self.format, to catch recursion and apply the depth limit."""
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        r = getattr(typ, '__repr__', None)
        if issubclass(typ, int) and r is int.__repr__:
            if self._underscore_numbers:
                return f'{object:_d}', True, False
            return repr(object), True, False
        if issubclass(typ, dict) and r is dict.__repr__:
            if not object:
                return '{}', True, False
            return self._safe_container(object, '{%s}', '{...}', context, maxlevels, level)
        if issubclass(typ, list) and r is list.__repr__:
            if not object:
                return '[]', True, False
            return self._safe_container(object, '[%s]', '[...]', context, maxlevels, level)
        if issubclass(typ, tuple) and r is tuple.__repr__:
            if not object:
                return '()', True, False
            template = '(%s,)' if len(object) == 1 else '(%s)'
            return self._safe_container(object, template, template % '...',
                                        context, maxlevels, level)
        rep = repr(object)
        return rep, (rep and not rep.startswith('<')), False

    def _safe_container(self, object, template, cut, context, maxlevels, level):
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return cut, False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable, recursive = True, False
        level += 1
        if isinstance(object, dict):
            items = _sorted_items(object) if self._sort_dicts else object.items()
            parts = []
            for k, v in items:
                krepr, kreadable, krecursive = self.format(k, context, maxlevels, level)
                vrepr, vreadable, vrecursive = self.format(v, context, maxlevels, level)
                parts.append(f'{krepr}: {vrepr}')
                readable = readable and kreadable and vreadable
                recursive = recursive or krecursive or vrecursive
        else:
            parts = []
            for o in object:
                orepr, oreadable, orecursive = self.format(o, context, maxlevels, level)
                parts.append(orepr)
                readable = readable and oreadable
                recursive = recursive or orecursive
        del context[objid]
        return template % ', '.join(parts), readable, recursive


_builtin_scalars = frozenset({str, bytes, bytearray, float, complex, bool, type(None)})

# The dataclass-made __repr__ functions share one code object in refscope.
@_dataclasses.dataclass
class _Probe:
    pass


_GENERATED_REPR_CODE = getattr(_Probe.__repr__, '__code__', None)
del _Probe


def _printer_table():
    P = PrettyPrinter
    return [
        (dict, P._pprint_dict),
        (_collections.OrderedDict, P._pprint_ordered_dict),
        (list, P._pprint_list),
        (tuple, P._pprint_tuple),
        (set, P._pprint_set),
        (frozenset, P._pprint_set),
        (str, P._pprint_str),
        (bytes, P._pprint_bytes),
        (bytearray, P._pprint_bytearray),
        (_types.MappingProxyType, P._pprint_mappingproxy),
        (_types.SimpleNamespace, P._pprint_simplenamespace),
        (_collections.defaultdict, P._pprint_default_dict),
        (_collections.Counter, P._pprint_counter),
        (_collections.ChainMap, P._pprint_chain_map),
        (_collections.deque, P._pprint_deque),
        (_collections.UserDict, P._pprint_user_data),
        (_collections.UserList, P._pprint_user_data),
        (_collections.UserString, P._pprint_user_data),
    ]


# As in CPython, a type is printed by the printer of the __repr__ it uses: a subclass
# with its own __repr__ is written as its repr.
_dispatch = {}
for _cls, _printer in _printer_table():
    _dispatch[_cls.__repr__] = _printer
del _cls, _printer
PrettyPrinter._dispatch = _dispatch
