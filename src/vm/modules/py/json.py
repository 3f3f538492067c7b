"""JSON (refscope's json module): dumps and loads, with CPython's output format (the
separators, indent, sort_keys, ensure_ascii and default options) and CPython's error
messages. dump and load take a file-like object (sys.stdout, io.StringIO): refscope's
programs cannot open files.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError']


class JSONDecodeError(ValueError):
    """What loads raises on text that is not JSON: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__(f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
            '\b': '\\b', '\f': '\\f'}


def _quote(s, ensure_ascii):
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x20 or (ensure_ascii and n > 0x7e):
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def _float(f, allow_nan):
    if f != f:
        text = 'NaN'
    elif f == float('inf'):
        text = 'Infinity'
    elif f == -float('inf'):
        text = '-Infinity'
    else:
        # (float's own repr: a subclass's __repr__ does not change the JSON.)
        return float.__repr__(f)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None, default=None,
          sort_keys=False, **kw):
    """The JSON text of obj: dicts, lists, tuples, str, int, float, True, False and
    None (default(o) is asked for anything else)."""
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    if separators is None:
        item_sep, key_sep = (', ', ': ') if indent is None else (',', ': ')
    else:
        item_sep, key_sep = separators
    markers = {} if check_circular else None
    parts = []

    def key_text(k):
        if isinstance(k, str):
            return k
        if isinstance(k, float):
            return _float(k, allow_nan)
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return int.__repr__(k)   # (an IntEnum member's value, not its repr)
        if skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not '
                        f'{type(k).__name__}')

    def enter(o):
        if markers is not None:
            if id(o) in markers:
                raise ValueError('Circular reference detected')
            markers[id(o)] = o

    def leave(o):
        if markers is not None:
            del markers[id(o)]

    def open_block(o, opener, level):
        """Opens a list or dict's text; returns what goes between its items."""
        enter(o)
        parts.append(opener)
        if indent is None:
            return item_sep
        newline = '\n' + indent * (level + 1)
        parts.append(newline)
        return item_sep + newline

    def close_block(o, closer, level):
        if indent is not None:
            parts.append('\n' + indent * level)
        parts.append(closer)
        leave(o)

    def encode(o, level):
        if isinstance(o, str):
            parts.append(_quote(o, ensure_ascii))
        elif o is None:
            parts.append('null')
        elif o is True:
            parts.append('true')
        elif o is False:
            parts.append('false')
        elif isinstance(o, int):
            parts.append(int.__repr__(o))
        elif isinstance(o, float):
            parts.append(_float(o, allow_nan))
        elif isinstance(o, (list, tuple)):
            if not o:
                parts.append('[]')
                return
            sep = open_block(o, '[', level)
            for i, item in enumerate(o):
                if i:
                    parts.append(sep)
                encode(item, level + 1)
            close_block(o, ']', level)
        elif isinstance(o, dict):
            if not o:
                parts.append('{}')
                return
            sep = open_block(o, '{', level)
            inner = level + 1
            items = sorted(o.items()) if sort_keys else o.items()
            first = True
            for k, v in items:
                text = key_text(k)
                if text is None:
                    continue
                if not first:
                    parts.append(sep)
                first = False
                parts.append(_quote(text, ensure_ascii))
                parts.append(key_sep)
                encode(v, inner)
            close_block(o, '}', level)
        else:
            if default is None:
                raise TypeError(f'Object of type {type(o).__name__} '
                                'is not JSON serializable')
            enter(o)
            encode(default(o), level)
            leave(o)

    try:
        encode(obj, 0)
    finally:
        # encode refers to itself through its cell: emptying the cell leaves no cycle
        # for the collector (CPython's encoder is C code and makes none).
        del encode
    return ''.join(parts)


_WS = ' \t\n\r'
_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
             'r': '\r', 't': '\t'}
_NUMBER_START = '-0123456789'


def dump(obj, fp, **kw):
    """Writes the JSON text of obj (as dumps, with the same options) to fp.write."""
    fp.write(dumps(obj, **kw))


def load(fp, **kw):
    """The Python value of the JSON text fp.read() gives (as loads)."""
    return loads(fp.read(), **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of a JSON text: dict, list, str, int, float, True, False or
    None."""
    if isinstance(s, (bytes, bytearray)):
        s = s.decode('utf-8')
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {type(s).__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    n = len(s)

    def skip(i):
        while i < n and s[i] in _WS:
            i += 1
        return i

    def string(i):
        # s[i - 1] is the opening quote.
        start = i - 1
        chunks = []
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != '\\' and s[j] >= ' ':
                j += 1
            chunks.append(s[i:j])
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', s, start)
            c = s[j]
            if c == '"':
                return ''.join(chunks), j + 1
            if c != '\\':
                raise JSONDecodeError('Invalid control character at', s, j)
            if j + 1 >= n:
                raise JSONDecodeError('Unterminated string starting at', s, start)
            e = s[j + 1]
            if e != 'u':
                if e not in _UNESCAPE:
                    raise JSONDecodeError('Invalid \\escape', s, j)
                chunks.append(_UNESCAPE[e])
                i = j + 2
                continue
            code = _hex4(j + 2)
            i = j + 6
            if 0xd800 <= code <= 0xdbff and s[i:i + 2] == '\\u':
                low = _hex4(i + 2)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    i += 6
            chunks.append(chr(code))

    def _hex4(i):
        digits = s[i:i + 4]
        if len(digits) == 4 and all(c in '0123456789abcdefABCDEF' for c in digits):
            return int(digits, 16)
        raise JSONDecodeError('Invalid \\uXXXX escape', s, i - 1)

    def number(i):
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j < n and s[j] == '0':
            j += 1
        elif j < n and '1' <= s[j] <= '9':
            while j < n and s[j].isdigit():
                j += 1
        else:
            return None
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1].isdigit():
            is_float = True
            j += 2
            while j < n and s[j].isdigit():
                j += 1
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k].isdigit():
                is_float = True
                while k < n and s[k].isdigit():
                    k += 1
                j = k
        text = s[i:j]
        if is_float:
            return (parse_float or float)(text), j
        return (parse_int or int)(text), j

    def value(i):
        if i >= n:
            raise JSONDecodeError('Expecting value', s, i)
        c = s[i]
        if c == '"':
            return string(i + 1)
        if c == '{':
            return obj(i + 1)
        if c == '[':
            return array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        for word, v in (('NaN', float('nan')), ('Infinity', float('inf')),
                        ('-Infinity', float('-inf'))):
            if s.startswith(word, i):
                return (parse_constant(word) if parse_constant else v), i + len(word)
        if c in _NUMBER_START:
            r = number(i)
            if r is not None:
                return r
        raise JSONDecodeError('Expecting value', s, i)

    def array(i):
        items = []
        i = skip(i)
        if i < n and s[i] == ']':
            return items, i + 1
        while True:
            v, i = value(i)
            items.append(v)
            i = skip(i)
            if i < n and s[i] == ']':
                return items, i + 1
            if i >= n or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = skip(i + 1)

    def obj(i):
        pairs = []
        i = skip(i)
        if i < n and s[i] == '}':
            return finish(pairs), i + 1
        while True:
            if i >= n or s[i] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double '
                                      'quotes', s, i)
            key, i = string(i + 1)
            i = skip(i)
            if i >= n or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            v, i = value(skip(i + 1))
            pairs.append((key, v))
            i = skip(i)
            if i < n and s[i] == '}':
                return finish(pairs), i + 1
            if i >= n or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = skip(i + 1)

    def finish(pairs):
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs)
        d = dict(pairs)
        if object_hook is not None:
            return object_hook(d)
        return d

    try:
        result, end = value(skip(0))
    finally:
        # value, array and obj call each other through their cells: emptying the
        # cells leaves no cycle for the collector.
        del value, array, obj
    end = skip(end)
    if end != n:
        raise JSONDecodeError('Extra data', s, end)
    return result
