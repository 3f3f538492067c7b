"""Regular expressions (refscope's re module): CPython 3.11's re, for str and bytes.

compile, match, search, fullmatch, findall, finditer, sub, subn, split, escape and purge,
with Pattern and Match objects, the RegexFlag values (re.I, re.M, re.S, re.X, re.A, ...)
and re.error with CPython's messages and positions. The parser and the backtracking
matcher live in _re_engine; this module holds the API around them.

A bytes pattern matches bytes subjects through their latin-1 decoding, with ASCII
classes and case folding, as CPython's bytes patterns do.

Not supported (NotImplementedError): the LOCALE flag (on bytes; on str it is CPython's
ValueError), re.DEBUG, re.template / re.TEMPLATE, and \\N{...} escapes when there is no
unicodedata module. No FutureWarning or DeprecationWarning is issued.
"""

import _re_engine as _engine
from _re_engine import error
from types import GenericAlias as _GenericAlias
from types import MappingProxyType as _MappingProxyType

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'template', 'escape', 'error', 'Pattern', 'Match',
           'A', 'I', 'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE',
           'DOTALL', 'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag']

_MAXSIZE = 9223372036854775807

# RegexFlag members in CPython's definition order (the order its repr lists them in).
_FLAG_NAMES = [('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32),
               ('MULTILINE', 8), ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1),
               ('DEBUG', 128)]
_ALL_FLAGS = 511


class RegexFlag(int):
    """An int whose repr names the re flags it holds: re.IGNORECASE|re.MULTILINE."""

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        for name, bit in _FLAG_NAMES:
            if bit == v:
                return name
        if v == 0:
            return 'NOFLAG'
        parts = [name for name, bit in _FLAG_NAMES if v & bit]
        return '|'.join(parts) if parts and not v & ~_ALL_FLAGS else None

    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        parts = ['re.' + name for name, bit in _FLAG_NAMES if v & bit]
        rest = v & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return '|'.join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(_ALL_FLAGS & ~int(self))


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)
for _name, _bit in _FLAG_NAMES + [('NOFLAG', 0)]:
    setattr(RegexFlag, _name, RegexFlag(_bit))
del _name, _bit

# Pattern.__repr__ lists flags in this (C) order.
_PATTERN_FLAG_ORDER = [('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8),
                       ('DOTALL', 16), ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128),
                       ('ASCII', 256)]


def _subject(pattern, string):
    """(string, text): the subject and the str the matcher reads (for a bytes subject,
    its latin-1 decoding)."""
    if isinstance(string, str):
        if pattern._bytes:
            raise TypeError('cannot use a bytes pattern on a string-like object')
        return string, string
    if isinstance(string, (bytes, bytearray)):
        if not pattern._bytes:
            raise TypeError('cannot use a string pattern on a bytes-like object')
        string = bytes(string)
        return string, string.decode('latin-1')
    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _clamp(pos, endpos, n):
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


class Pattern:
    """A compiled regular expression: re.compile('a+b', re.IGNORECASE)."""

    def __init__(self, pattern, flags):
        code, nregs, state = _engine.compile_pattern(pattern, flags)
        self.pattern = pattern
        self._bytes = not isinstance(pattern, str)
        self._empty = b'' if self._bytes else ''
        self.flags = state.flags
        self.groups = state.groups - 1
        self._groupindex = dict(state.groupdict)
        self._code = code
        self._nregs = nregs
        self._indexgroup = {gid: name for name, gid in state.groupdict.items()}
        first = code[0]
        self._bol_only = first[0] == _engine.OP_AT and first[1] in ('bol', 'A')
        # What the first character of a match must be: a char, or a test.
        self._first_char = None
        self._first_test = None
        i = 0
        while code[i][0] == _engine.OP_SAVE:
            i += 1
        first = code[i]
        if first[0] == _engine.OP_CHAR or first[0] == _engine.OP_LIT:
            self._first_char = first[1]
        elif first[0] == _engine.OP_TEST:
            self._first_test = first[1]
        elif first[0] == _engine.OP_REP1 and first[2] > 0 and first[1] is not None:
            self._first_test = first[1]

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    @property
    def groupindex(self):
        return _MappingProxyType(dict(self._groupindex))

    def __repr__(self):
        flags = self.flags
        if flags & (4 | 32 | 256) == 32:
            flags &= ~32
        text = repr(self.pattern)[:200]
        if not flags:
            return 're.compile(%s)' % text
        parts = ['re.' + name for name, bit in _PATTERN_FLAG_ORDER if flags & bit]
        rest = flags & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return 're.compile(%s, %s)' % (text, '|'.join(parts))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- matching core --

    def _match_at(self, string, start, end, must_advance, match_all, caps=None):
        if caps is None:
            caps = [-1] * (2 * self.groups + 2)
        res = _engine.run(self._code, string, start, end, caps, self._nregs, -1,
                          must_advance, match_all)
        if res is None:
            return None
        caps[0] = start
        caps[1] = res[0]
        return caps, res[1]

    def _search(self, string, start, end, must_advance):
        """(caps, lastindex) of the leftmost match at or after start, or None."""
        if start > end:
            return None
        if self._bol_only:
            if start != 0:
                return None
            return self._match_at(string, 0, end, must_advance, False)
        first = self._first_char
        test = self._first_test
        caps = [-1] * (2 * self.groups + 2)
        pos = start
        while pos <= end:
            if first is not None:
                pos = string.find(first, pos, end)
                if pos < 0:
                    return None
            elif test is not None:
                while pos < end and not test(string[pos]):
                    pos += 1
                if pos >= end:
                    return None
            found = self._match_at(string, pos, end, must_advance and pos == start, False,
                                   caps)
            if found is not None:
                return found
            pos += 1
        return None

    def _make(self, string, found, pos, endpos):
        caps, lastindex = found
        return Match(self, string, caps, pos, endpos, lastindex)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        string, text = _subject(self, string)
        pos, endpos = _clamp(pos, endpos, len(text))
        found = self._match_at(text, pos, endpos, False, False)
        return None if found is None else self._make(string, found, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        string, text = _subject(self, string)
        pos, endpos = _clamp(pos, endpos, len(text))
        found = self._match_at(text, pos, endpos, False, True)
        return None if found is None else self._make(string, found, pos, endpos)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        string, text = _subject(self, string)
        pos, endpos = _clamp(pos, endpos, len(text))
        found = self._search(text, pos, endpos, False)
        return None if found is None else self._make(string, found, pos, endpos)

    def _iter(self, string, pos, endpos):
        """Every match left to right, as Python 3.7+ finds them: an empty match may
        directly follow a non-empty one, but not another match at the same place."""
        must_advance = False
        while pos <= endpos:
            found = self._search(string, pos, endpos, must_advance)
            if found is None:
                return
            caps = found[0]
            yield found
            must_advance = caps[1] == caps[0]
            pos = caps[1]

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        string, text = _subject(self, string)
        pos, endpos = _clamp(pos, endpos, len(text))
        for found in self._iter(text, pos, endpos):
            yield self._make(string, found, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        string, text = _subject(self, string)
        pos, endpos = _clamp(pos, endpos, len(text))
        out = []
        ngroups = self.groups
        for caps, _ in self._iter(text, pos, endpos):
            if ngroups == 0:
                out.append(string[caps[0]:caps[1]])
                continue
            items = []
            for g in range(1, ngroups + 1):
                a, b = caps[2 * g], caps[2 * g + 1]
                items.append(string[a:b] if a >= 0 and b >= 0 else self._empty)
            out.append(items[0] if ngroups == 1 else tuple(items))
        return out

    def split(self, string, maxsplit=0):
        string, text = _subject(self, string)
        out = []
        last = 0
        n = 0
        for caps, _ in self._iter(text, 0, len(text)):
            if maxsplit > 0 and n >= maxsplit:
                break
            out.append(string[last:caps[0]])
            for g in range(1, self.groups + 1):
                a, b = caps[2 * g], caps[2 * g + 1]
                out.append(string[a:b] if a >= 0 and b >= 0 else None)
            last = caps[1]
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        string, text = _subject(self, string)
        kind = (bytes, bytearray) if self._bytes else str
        if callable(repl):
            filter_ = repl
            literal = None
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError('expected %s, %s found'
                                % ('a bytes-like object' if self._bytes else 'str instance',
                                   type(repl).__name__))
            if ('\\' if isinstance(repl, str) else b'\\') in repl:
                template = _parse_template(repl, self)
                literal = None
                filter_ = lambda m: _expand(template, m)
            else:
                literal = repl
                filter_ = None
        parts = []
        last = 0
        n = 0
        n_len = len(text)
        for found in self._iter(text, 0, n_len):
            if count > 0 and n >= count:
                break
            caps = found[0]
            if last < caps[0]:
                parts.append(string[last:caps[0]])
            if literal is not None:
                parts.append(literal)
            else:
                piece = filter_(self._make(string, found, 0, n_len))
                if piece is not None:
                    parts.append(piece)
            last = caps[1]
            n += 1
        if n == 0:
            return string, 0
        if last < n_len:
            parts.append(string[last:])
        for i, piece in enumerate(parts):
            if not isinstance(piece, kind):
                raise TypeError('sequence item %d: expected %s instance, %s found'
                                % (i, 'a bytes-like object' if self._bytes else 'str',
                                   type(piece).__name__))
        return self._empty.join(parts), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        """An object whose match() and search() return the successive matches."""
        return _PatternScanner(self, string, pos, endpos)


class _PatternScanner:
    """What Pattern.scanner returns: each match() or search() call goes on from where
    the last match ended (after an empty match, not with another at the same place)."""

    def __init__(self, pattern, string, pos, endpos):
        string, text = _subject(pattern, string)
        self.pattern = pattern
        self._string = string
        self._text = text
        self._pos, self._endpos = _clamp(pos, endpos, len(text))
        self._must_advance = False
        self._done = False

    def _step(self, searching):
        if self._done:
            return None
        p = self.pattern
        if searching:
            found = p._search(self._text, self._pos, self._endpos, self._must_advance)
        else:
            found = p._match_at(self._text, self._pos, self._endpos, self._must_advance,
                                False)
        if found is None:
            self._done = True
            return None
        caps = found[0]
        m = p._make(self._string, found, self._pos, self._endpos)
        self._must_advance = caps[1] == caps[0]
        self._pos = caps[1]
        return m

    def match(self):
        return self._step(False)

    def search(self):
        return self._step(True)


class Match:
    """The result of a successful match: <re.Match object; span=(0, 3), match='abc'>."""

    def __init__(self, pattern, string, caps, pos, endpos, lastindex):
        self.re = pattern
        self.string = string
        self._caps = caps
        self.pos = pos
        self.endpos = endpos
        self.lastindex = lastindex if lastindex is not None and lastindex >= 0 else None

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        return self.re._indexgroup.get(self.lastindex)

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, str):
            gid = self.re._groupindex.get(group)
            if gid is not None:
                return gid
        elif isinstance(group, int) and 0 <= group <= self.re.groups:
            return int(group)
        else:
            try:
                gid = group.__index__()
            except (AttributeError, TypeError):
                gid = -1
            if 0 <= gid <= self.re.groups:
                return gid
        raise IndexError('no such group')

    def _get(self, gid, default=None):
        a, b = self._caps[2 * gid], self._caps[2 * gid + 1]
        if a < 0 or b < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(gid, default) for name, gid in self.re._groupindex.items()}

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def span(self, group=0):
        gid = self._index(group)
        a, b = self._caps[2 * gid], self._caps[2 * gid + 1]
        if a < 0 or b < 0:
            return (-1, -1)
        return (a, b)

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%s>' % (self.span(), repr(self.group())[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---------------------------------------------------------------------------
# Replacement templates

def _parse_template(repl, pattern):
    """A list of str pieces and int group numbers for a replacement string."""
    if isinstance(repl, str):
        if pattern._bytes:
            raise TypeError('expected a bytes-like object, str found')
        src = _engine._Source(repl)
    else:
        if not pattern._bytes:
            raise TypeError('expected str instance, %s found' % type(repl).__name__)
        src = _engine._Source(bytes(repl).decode('latin-1'), repl)
    items = []
    literal = []

    def addgroup(index, offset):
        if index > pattern.groups:
            raise src.error('invalid group reference %d' % index, offset)
        if literal:
            items.append(''.join(literal))
            del literal[:]
        items.append(index)

    while True:
        this = src.get()
        if this is None:
            break
        if this[0] == '\\':
            c = this[1]
            if c == 'g':
                if not src.match('<'):
                    raise src.error('missing <')
                name = src.getuntil('>', 'group name')
                if name.isidentifier():
                    index = pattern._groupindex.get(name)
                    if index is None:
                        raise IndexError('unknown group name %r' % name)
                else:
                    if not (name.isdecimal() and name.isascii()):
                        raise src.error('bad character in group name %r' % name,
                                        len(name) + 1)
                    index = int(name)
                    if index >= _engine.MAXGROUPS:
                        raise src.error('invalid group reference %d' % index, len(name) + 1)
                addgroup(index, len(name) + 1)
            elif c == '0':
                if src.next is not None and src.next in _engine.OCTDIGITS:
                    this += src.get()
                    if src.next is not None and src.next in _engine.OCTDIGITS:
                        this += src.get()
                literal.append(chr(int(this[1:], 8) & 0xff))
            elif c in _engine.DIGITS:
                isoctal = False
                if src.next is not None and src.next in _engine.DIGITS:
                    this += src.get()
                    if (c in _engine.OCTDIGITS and this[2] in _engine.OCTDIGITS and
                            src.next is not None and src.next in _engine.OCTDIGITS):
                        this += src.get()
                        isoctal = True
                        code = int(this[1:], 8)
                        if code > 0o377:
                            raise src.error('octal escape value %s outside of range 0-0o377'
                                            % this, len(this))
                        literal.append(chr(code))
                if not isoctal:
                    addgroup(int(this[1:]), len(this) - 1)
            elif this in _engine._ESCAPES:
                literal.append(_engine._ESCAPES[this])
            else:
                if c in _engine.ASCIILETTERS:
                    raise src.error('bad escape %s' % this, len(this))
                literal.append(this)
        else:
            literal.append(this)
    if literal:
        items.append(''.join(literal))
    if pattern._bytes:
        items = [x.encode('latin-1') if isinstance(x, str) else x for x in items]
    return items


def _expand(template, match):
    out = []
    empty = match.re._empty
    for item in template:
        if not isinstance(item, int):
            out.append(item)
        else:
            piece = match._get(item)
            if piece:
                out.append(piece)
    return empty.join(out)


# ---------------------------------------------------------------------------
# Module-level functions

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if isinstance(pattern, bytearray):
        raise TypeError("unhashable type: 'bytearray'")
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    if flags & DEBUG:
        raise NotImplementedError('refscope re: the re.DEBUG flag is not supported')
    if flags & TEMPLATE:
        raise NotImplementedError('refscope re: re.template and the re.TEMPLATE flag are '
                                  'not supported')
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Match the pattern at the start of the string; a Match or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Match the pattern against the whole string; a Match or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first place in the string where the pattern matches; a Match or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """The string with non-overlapping matches replaced by repl (a str or a callable)."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of replacements)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the string by the matches of the pattern, with the groups in between."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """A list of all non-overlapping matches (or their groups)."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern (deprecated in CPython)."""
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c'}


def escape(pattern):
    """Escape the characters that are special in a regular expression."""
    if isinstance(pattern, str):
        return ''.join(_SPECIAL.get(c, c) for c in pattern)
    if isinstance(pattern, (bytes, bytearray)):
        text = bytes(pattern).decode('latin-1')
        return ''.join(_SPECIAL.get(c, c) for c in text).encode('latin-1')
    raise TypeError("expected string or bytes-like object, got '%s'" % type(pattern).__name__)


class Scanner:
    """A simple lexer: Scanner([(pattern, action), ...]).scan(string) gives the list of
    the actions' results and the text left unscanned. An action is None (skip the
    text), a value, or a callable taking (scanner, matched text)."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        alternatives = []
        for phrase, action in lexicon:
            alternatives.append('(%s)' % phrase)
        self.scanner = compile('|'.join(alternatives), flags)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
