"""The regular-expression engine behind refscope's re module: a parser from pattern text to
a node tree (with CPython 3.11's syntax rules and re.error messages) and a compiler from
that tree to a small program run by a backtracking machine with an explicit stack, so a
long subject string never deepens the Python call stack.

Nodes are tuples:
    ('lit', ch)  ('notlit', ch)  ('any',)  ('in', items, negate)
    ('at', kind)                          kind: bol eol A Z b B
    ('group', gid or None, add_flags, del_flags, seq)
    ('branch', [seq, ...])
    ('repeat', min, max, kind, seq)       kind: greedy lazy possessive
    ('ref', gid)  ('assert', dir, negate, seq)  ('atomic', seq)
    ('cond', gid, yes_seq, no_seq)
where a seq is a list of nodes and a class item is ('lit', ch), ('range', lo, hi) or
('cat', letter).
"""

F_TEMPLATE = 1
F_IGNORECASE = 2
F_LOCALE = 4
F_MULTILINE = 8
F_DOTALL = 16
F_UNICODE = 32
F_VERBOSE = 64
F_DEBUG = 128
F_ASCII = 256

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823
INF = MAXREPEAT

_FLAG_LETTERS = {'i': F_IGNORECASE, 'L': F_LOCALE, 'm': F_MULTILINE, 's': F_DOTALL,
                 'x': F_VERBOSE, 'a': F_ASCII, 't': F_TEMPLATE, 'u': F_UNICODE}
_TYPE_FLAGS = F_ASCII | F_LOCALE | F_UNICODE
_GLOBAL_FLAGS = F_DEBUG | F_TEMPLATE

DIGITS = '0123456789'
OCTDIGITS = '01234567'
HEXDIGITS = '0123456789abcdefABCDEF'
ASCIILETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
WHITESPACE = ' \t\n\r\x0b\x0c'
SPECIAL_CHARS = '.\\[{()*+?^$|'
REPEAT_CHARS = '*+?{'

_ESCAPES = {'\\a': '\x07', '\\b': '\x08', '\\f': '\x0c', '\\n': '\n', '\\r': '\r',
            '\\t': '\t', '\\v': '\x0b', '\\\\': '\\'}
_CATEGORIES = {'\\A': ('at', 'A'), '\\Z': ('at', 'Z'), '\\b': ('at', 'b'),
               '\\B': ('at', 'B'),
               '\\d': ('in', [('cat', 'd')], False), '\\D': ('in', [('cat', 'D')], False),
               '\\s': ('in', [('cat', 's')], False), '\\S': ('in', [('cat', 'S')], False),
               '\\w': ('in', [('cat', 'w')], False), '\\W': ('in', [('cat', 'W')], False)}


class error(Exception):
    """Exception raised for invalid regular expressions (re.error).

    Attributes: msg (the bare message), pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'


# ---------------------------------------------------------------------------
# Tokenizer and parser

class _Source:
    """The pattern text read one token at a time; an escape is one two-char token."""

    def __init__(self, string, original=None):
        # A bytes pattern is read as its latin-1 decoding; errors show the bytes.
        self.string = string
        self.istext = original is None
        self.original = string if original is None else original
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        index = self.index
        if index >= len(self.string):
            self.next = None
            return
        char = self.string[index]
        if char == '\\':
            index += 1
            if index >= len(self.string):
                raise error('bad escape (end of pattern)', self.original,
                            len(self.string) - 1)
            char += self.string[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self._advance()
            return True
        return False

    def get(self):
        this = self.next
        self._advance()
        return this

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            result += c
            self._advance()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not result:
                    raise self.error('missing ' + name)
                raise self.error('missing %s, unterminated name' % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error('missing ' + name, 1)
                break
            result += c
        return result

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, offset=0):
        if not self.istext:
            msg = msg.encode('ascii', 'backslashreplace').decode('ascii')
        return error(msg, self.original, self.tell() - offset)

    def checkgroupname(self, name, offset):
        if not name.isidentifier():
            raise self.error('bad character in group name %r' % name, len(name) + offset)


class _State:
    def __init__(self, flags):
        self.flags = flags
        self.groupdict = {}
        self.groupwidths = [None]
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > MAXGROUPS:
            raise error('too many groups')
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                raise error('redefinition of group name %r as group %d; was group %d'
                            % (name, gid, ogid))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, seq):
        self.groupwidths[gid] = seq_width(seq, self)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error('cannot refer to an open group')
            if gid >= self.lookbehindgroups:
                raise source.error('cannot refer to group defined in the same '
                                   'lookbehind subpattern')


def seq_width(seq, state):
    """(min, max) number of characters a node sequence can match (max capped)."""
    lo = hi = 0
    for node in seq:
        op = node[0]
        if op in ('lit', 'notlit', 'any', 'in'):
            lo += 1
            hi += 1
        elif op == 'group':
            i, j = seq_width(node[4], state)
            lo += i
            hi += j
        elif op == 'atomic':
            i, j = seq_width(node[1], state)
            lo += i
            hi += j
        elif op == 'branch':
            ws = [seq_width(alt, state) for alt in node[1]]
            lo += min(w[0] for w in ws)
            hi += max(w[1] for w in ws)
        elif op == 'repeat':
            i, j = seq_width(node[4], state)
            lo += i * node[1]
            hi += j * node[2]
        elif op == 'ref':
            i, j = state.groupwidths[node[1]]
            lo += i
            hi += j
        elif op == 'cond':
            i, j = seq_width(node[2], state)
            if node[3] is not None:
                k, m = seq_width(node[3], state)
                i = min(i, k)
                j = max(j, m)
            else:
                i = 0
            lo += i
            hi += j
    cap = 1 << 64
    return min(lo, cap), min(hi, cap)


def _class_escape(source, escape):
    """An escape inside [...]: ('lit', ch) or ('cat', letter)."""
    if escape in _ESCAPES:
        return ('lit', _ESCAPES[escape])
    code = _CATEGORIES.get(escape)
    if code is not None and code[0] == 'in':
        return code[1][0]
    return _char_escape(source, escape, True, None)


def _char_escape(source, escape, in_class, state):
    c = escape[1:2]
    if c == 'x':
        escape += source.getwhile(2, HEXDIGITS)
        if len(escape) != 4:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return ('lit', chr(int(escape[2:], 16)))
    if c == 'u' and source.istext:
        escape += source.getwhile(4, HEXDIGITS)
        if len(escape) != 6:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return ('lit', chr(int(escape[2:], 16)))
    if c == 'U' and source.istext:
        escape += source.getwhile(8, HEXDIGITS)
        if len(escape) != 10:
            raise source.error('incomplete escape %s' % escape, len(escape))
        code = int(escape[2:], 16)
        if code > 0x10FFFF:
            raise source.error('bad escape %s' % escape, len(escape))
        return ('lit', chr(code))
    if c == 'N' and source.istext:
        if not source.match('{'):
            raise source.error('missing {')
        charname = source.getuntil('}', 'character name')
        try:
            import unicodedata
        except ImportError:
            raise NotImplementedError('refscope re: \\N{...} named escapes are not supported')
        try:
            return ('lit', unicodedata.lookup(charname))
        except (KeyError, TypeError):
            raise source.error('undefined character name %r' % charname,
                               len(charname) + len(r'\N{}')) from None
    if in_class:
        if c in OCTDIGITS:
            escape += source.getwhile(2, OCTDIGITS)
            code = int(escape[1:], 8)
            if code > 0o377:
                raise source.error('octal escape value %s outside of range 0-0o377'
                                   % escape, len(escape))
            return ('lit', chr(code))
        if c in DIGITS:
            raise source.error('bad escape %s' % escape, len(escape))
    else:
        if c == '0':
            escape += source.getwhile(2, OCTDIGITS)
            return ('lit', chr(int(escape[1:], 8)))
        if c in DIGITS:
            if source.next is not None and source.next in DIGITS:
                escape += source.get()
                if (escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and
                        source.next is not None and source.next in OCTDIGITS):
                    escape += source.get()
                    code = int(escape[1:], 8)
                    if code > 0o377:
                        raise source.error('octal escape value %s outside of range '
                                           '0-0o377' % escape, len(escape))
                    return ('lit', chr(code))
            group = int(escape[1:])
            if group < state.groups:
                if not state.checkgroup(group):
                    raise source.error('cannot refer to an open group', len(escape))
                state.checklookbehindgroup(group, source)
                return ('ref', group)
            raise source.error('invalid group reference %d' % group, len(escape) - 1)
    if len(escape) == 2:
        if c in ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return ('lit', escape[1])
    raise source.error('bad escape %s' % escape, len(escape))


def _escape(source, escape, state):
    code = _CATEGORIES.get(escape)
    if code is not None:
        if code[0] == 'in':
            return ('in', list(code[1]), False)
        return code
    if escape in _ESCAPES:
        return ('lit', _ESCAPES[escape])
    return _char_escape(source, escape, False, state)


def _parse_sub(source, state, verbose, nested):
    """An alternation a|b|c: one seq, or a seq holding one 'branch' node."""
    items = []
    while True:
        items.append(_parse(source, state, verbose, nested + 1, not nested and not items))
        if not source.match('|'):
            break
        if not nested:
            verbose = state.flags & F_VERBOSE
    if len(items) == 1:
        return items[0]
    return [('branch', items)]


def _parse_set(source):
    here = source.tell() - 1
    items = []
    negate = source.match('^')
    while True:
        this = source.get()
        if this is None:
            raise source.error('unterminated character set', source.tell() - here)
        if this == ']' and items:
            break
        if this[0] == '\\':
            code1 = _class_escape(source, this)
        else:
            code1 = ('lit', this)
        if source.match('-'):
            that = source.get()
            if that is None:
                raise source.error('unterminated character set', source.tell() - here)
            if that == ']':
                items.append(code1)
                items.append(('lit', '-'))
                break
            if that[0] == '\\':
                code2 = _class_escape(source, that)
            else:
                code2 = ('lit', that)
            if code1[0] != 'lit' or code2[0] != 'lit':
                raise source.error('bad character range %s-%s' % (this, that),
                                   len(this) + 1 + len(that))
            if code2[1] < code1[1]:
                raise source.error('bad character range %s-%s' % (this, that),
                                   len(this) + 1 + len(that))
            items.append(('range', code1[1], code2[1]))
        else:
            items.append(code1)
    if len(items) == 1 and items[0][0] == 'lit':
        return ('notlit', items[0][1]) if negate else items[0]
    return ('in', items, bool(negate))


def _parse(source, state, verbose, nested, first=False):
    seq = []
    while True:
        this = source.next
        if this is None or this in '|)':
            break
        source.get()
        if verbose:
            if this in WHITESPACE:
                continue
            if this == '#':
                while True:
                    this = source.get()
                    if this is None or this == '\n':
                        break
                continue
        if this[0] == '\\':
            seq.append(_escape(source, this, state))
        elif this not in SPECIAL_CHARS:
            seq.append(('lit', this))
        elif this == '[':
            seq.append(_parse_set(source))
        elif this in REPEAT_CHARS:
            here = source.tell()
            if this == '?':
                lo, hi = 0, 1
            elif this == '*':
                lo, hi = 0, INF
            elif this == '+':
                lo, hi = 1, INF
            else:
                if source.next == '}':
                    seq.append(('lit', this))
                    continue
                lo, hi = 0, INF
                los = his = ''
                while source.next is not None and source.next in DIGITS:
                    los += source.get()
                if source.match(','):
                    while source.next is not None and source.next in DIGITS:
                        his += source.get()
                else:
                    his = los
                if not source.match('}'):
                    seq.append(('lit', this))
                    source.seek(here)
                    continue
                if los:
                    lo = int(los)
                    if lo >= MAXREPEAT:
                        raise OverflowError('the repetition number is too large')
                if his:
                    hi = int(his)
                    if hi >= MAXREPEAT:
                        raise OverflowError('the repetition number is too large')
                    if hi < lo:
                        raise source.error('min repeat greater than max repeat',
                                           source.tell() - here)
            if not seq or seq[-1][0] == 'at':
                raise source.error('nothing to repeat', source.tell() - here + len(this))
            item = seq[-1]
            if item[0] == 'repeat':
                raise source.error('multiple repeat', source.tell() - here + len(this))
            if item[0] == 'group' and item[1] is None and not item[2] and not item[3]:
                body = item[4]
            else:
                body = [item]
            if source.match('?'):
                kind = 'lazy'
            elif source.match('+'):
                kind = 'possessive'
            else:
                kind = 'greedy'
            seq[-1] = ('repeat', lo, hi, kind, body)
        elif this == '.':
            seq.append(('any',))
        elif this == '(':
            if _parse_group(source, state, verbose, nested, first, seq):
                verbose = state.flags & F_VERBOSE
        elif this == '^':
            seq.append(('at', 'bol'))
        elif this == '$':
            seq.append(('at', 'eol'))
    # unpack plain non-capturing groups
    out = []
    for node in seq:
        if node[0] == 'group' and node[1] is None and not node[2] and not node[3]:
            out.extend(node[4])
        else:
            out.append(node)
    return out


def _parse_group(source, state, verbose, nested, first, seq):
    """Parse what follows '('; append the node to seq. True when global flags were set."""
    start = source.tell() - 1
    capture = True
    atomic = False
    name = None
    add_flags = del_flags = 0
    if source.match('?'):
        char = source.get()
        if char is None:
            raise source.error('unexpected end of pattern')
        if char == 'P':
            if source.match('<'):
                name = source.getuntil('>', 'group name')
                source.checkgroupname(name, 1)
            elif source.match('='):
                name = source.getuntil(')', 'group name')
                source.checkgroupname(name, 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise source.error('unknown group name %r' % name, len(name) + 1)
                if not state.checkgroup(gid):
                    raise source.error('cannot refer to an open group', len(name) + 1)
                state.checklookbehindgroup(gid, source)
                seq.append(('ref', gid))
                return False
            else:
                char = source.get()
                if char is None:
                    raise source.error('unexpected end of pattern')
                raise source.error('unknown extension ?P' + char, len(char) + 2)
        elif char == ':':
            capture = False
        elif char == '#':
            while True:
                if source.next is None:
                    raise source.error('missing ), unterminated comment',
                                       source.tell() - start)
                if source.get() == ')':
                    break
            return False
        elif char in '=!<':
            direction = 1
            lookbehindgroups = None
            if char == '<':
                char = source.get()
                if char is None:
                    raise source.error('unexpected end of pattern')
                if char not in '=!':
                    raise source.error('unknown extension ?<' + char, len(char) + 2)
                direction = -1
                lookbehindgroups = state.lookbehindgroups
                if lookbehindgroups is None:
                    state.lookbehindgroups = state.groups
            p = _parse_sub(source, state, verbose, nested + 1)
            if direction < 0 and lookbehindgroups is None:
                state.lookbehindgroups = None
            if not source.match(')'):
                raise source.error('missing ), unterminated subpattern', source.tell() - start)
            seq.append(('assert', direction, char == '!', p))
            return False
        elif char == '(':
            condname = source.getuntil(')', 'group name')
            if condname.isidentifier():
                condgroup = state.groupdict.get(condname)
                if condgroup is None:
                    raise source.error('unknown group name %r' % condname, len(condname) + 1)
            else:
                if not (condname.isdecimal() and condname.isascii()):
                    raise source.error('bad character in group name %r' % condname,
                                       len(condname) + 1)
                condgroup = int(condname)
                if not condgroup:
                    raise source.error('bad group number', len(condname) + 1)
                if condgroup >= MAXGROUPS:
                    raise source.error('invalid group reference %d' % condgroup,
                                       len(condname) + 1)
                if condgroup not in state.grouprefpos:
                    state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
            state.checklookbehindgroup(condgroup, source)
            item_yes = _parse(source, state, verbose, nested + 1)
            if source.match('|'):
                item_no = _parse(source, state, verbose, nested + 1)
                if source.next == '|':
                    raise source.error('conditional backref with more than two branches')
            else:
                item_no = None
            if not source.match(')'):
                raise source.error('missing ), unterminated subpattern', source.tell() - start)
            seq.append(('cond', condgroup, item_yes, item_no))
            return False
        elif char == '>':
            capture = False
            atomic = True
        elif char in _FLAG_LETTERS or char == '-':
            flags = _parse_flags(source, state, char)
            if flags is None:
                if not first or seq:
                    raise source.error('global flags not at the start of the expression',
                                       source.tell() - start)
                return True
            add_flags, del_flags = flags
            capture = False
        else:
            raise source.error('unknown extension ?' + char, len(char) + 1)
    if capture:
        try:
            group = state.opengroup(name)
        except error as err:
            raise source.error(err.msg, len(name) + 1) from None
    else:
        group = None
    sub_verbose = ((verbose or (add_flags & F_VERBOSE)) and not (del_flags & F_VERBOSE))
    p = _parse_sub(source, state, sub_verbose, nested + 1)
    if not source.match(')'):
        raise source.error('missing ), unterminated subpattern', source.tell() - start)
    if group is not None:
        state.closegroup(group, p)
    if atomic:
        seq.append(('atomic', p))
    else:
        seq.append(('group', group, add_flags, del_flags, p))
    return False


def _parse_flags(source, state, char):
    add_flags = del_flags = 0
    if char != '-':
        while True:
            flag = _FLAG_LETTERS[char]
            if source.istext:
                if char == 'L':
                    raise source.error("bad inline flags: cannot use 'L' flag with a str "
                                       "pattern")
            elif char == 'u':
                raise source.error("bad inline flags: cannot use 'u' flag with a bytes "
                                   "pattern")
            add_flags |= flag
            if (flag & _TYPE_FLAGS) and (add_flags & _TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error('missing -, : or )')
            if char in ')-:':
                break
            if char not in _FLAG_LETTERS:
                msg = 'unknown flag' if char.isalpha() else 'missing -, : or )'
                raise source.error(msg, len(char))
    if char == ')':
        state.flags |= add_flags
        return None
    if add_flags & _GLOBAL_FLAGS:
        raise source.error('bad inline flags: cannot turn on global flag', 1)
    if char == '-':
        char = source.get()
        if char is None:
            raise source.error('missing flag')
        if char not in _FLAG_LETTERS:
            msg = 'unknown flag' if char.isalpha() else 'missing flag'
            raise source.error(msg, len(char))
        while True:
            flag = _FLAG_LETTERS[char]
            if flag & _TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            del_flags |= flag
            char = source.get()
            if char is None:
                raise source.error('missing :')
            if char == ':':
                break
            if char not in _FLAG_LETTERS:
                msg = 'unknown flag' if char.isalpha() else 'missing :'
                raise source.error(msg, len(char))
    if del_flags & _GLOBAL_FLAGS:
        raise source.error('bad inline flags: cannot turn off global flag', 1)
    if add_flags & del_flags:
        raise source.error('bad inline flags: flag turned on and off', 1)
    return add_flags, del_flags


def parse(pattern, flags):
    """(seq, state) for a str or bytes pattern; state.flags holds the final flags."""
    if isinstance(pattern, str):
        source = _Source(pattern)
    else:
        source = _Source(bytes(pattern).decode('latin-1'), pattern)
    state = _State(flags)
    seq = _parse_sub(source, state, flags & F_VERBOSE, 0)
    if source.istext:
        if state.flags & F_LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if not state.flags & F_ASCII:
            state.flags |= F_UNICODE
        elif state.flags & F_UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if state.flags & F_UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if state.flags & F_LOCALE and state.flags & F_ASCII:
            raise ValueError('ASCII and LOCALE flags are incompatible')
        if state.flags & F_LOCALE:
            raise NotImplementedError('refscope re: the LOCALE flag is not supported')
    if source.next is not None:
        raise source.error('unbalanced parenthesis')
    for g in state.grouprefpos:
        if g >= state.groups:
            raise error('invalid group reference %d' % g, pattern, state.grouprefpos[g])
    return seq, state


# ---------------------------------------------------------------------------
# Character tests

def _is_word(ch):
    return ch.isalnum() or ch == '_'


def _is_word_ascii(ch):
    return ch < '\x80' and (ch.isalnum() or ch == '_')


def _category(letter, ascii_only):
    """The test for \\d \\D \\s \\S \\w \\W (letter is d D s S w W)."""
    return _CATEGORY_TESTS[letter, ascii_only]


def _not_digit(ch):
    return not ch.isdecimal()


def _not_digit_ascii(ch):
    return not '0' <= ch <= '9'


def _not_space(ch):
    return not ch.isspace()


def _not_space_ascii(ch):
    return ch not in ' \t\n\r\x0b\x0c'


def _not_word(ch):
    return not (ch.isalnum() or ch == '_')


def _not_word_ascii(ch):
    return not (ch < '\x80' and (ch.isalnum() or ch == '_'))


def _is_digit(ch):
    return ch.isdecimal()


def _is_digit_ascii(ch):
    return '0' <= ch <= '9'


def _is_space(ch):
    return ch.isspace()


def _is_space_ascii(ch):
    return ch in ' \t\n\r\x0b\x0c'


_CATEGORY_TESTS = {
    ('d', False): _is_digit, ('d', True): _is_digit_ascii,
    ('D', False): _not_digit, ('D', True): _not_digit_ascii,
    ('s', False): _is_space, ('s', True): _is_space_ascii,
    ('S', False): _not_space, ('S', True): _not_space_ascii,
    ('w', False): _is_word, ('w', True): _is_word_ascii,
    ('W', False): _not_word, ('W', True): _not_word_ascii,
}


def _lower1(ch):
    low = ch.lower()
    return low if len(low) == 1 else ch


def _upper1(ch):
    up = ch.upper()
    return up if len(up) == 1 else ch


def _lower_ascii(ch):
    return ch.lower() if 'A' <= ch <= 'Z' else ch


def _upper_ascii(ch):
    return ch.upper() if 'a' <= ch <= 'z' else ch


def _case_funcs(flags):
    if flags & F_ASCII:
        return _lower_ascii, _upper_ascii
    return _lower1, _upper1


# Characters that match each other under IGNORECASE beyond their simple lower and upper
# cases (code point of a lowercase letter -> the others), as CPython's table lists them.
_EXTRA_CASES = {
    105: (305,), 115: (383,), 181: (956,), 305: (105,), 383: (115,), 837: (953, 8126),
    912: (8147,), 944: (8163,), 946: (976,), 949: (1013,), 952: (977,), 953: (837,
    8126), 954: (1008,), 956: (181,), 960: (982,), 961: (1009,), 962: (963,), 963:
    (962,), 966: (981,), 976: (946,), 977: (952,), 981: (966,), 982: (960,), 1008:
    (954,), 1009: (961,), 1013: (949,), 1074: (7296,), 1076: (7297,), 1086: (7298,),
    1089: (7299,), 1090: (7300, 7301), 1098: (7302,), 1123: (7303,), 7296: (1074,),
    7297: (1076,), 7298: (1086,), 7299: (1089,), 7300: (1090, 7301), 7301: (1090, 7300),
    7302: (1098,), 7303: (1123,), 7304: (42571,), 7777: (7835,), 7835: (7777,), 8126:
    (837, 953), 8147: (912,), 8163: (944,), 42571: (7304,), 64261: (64262,), 64262:
    (64261,)}


def _extra_cases(ch):
    return [chr(x) for x in _EXTRA_CASES.get(ord(ch), ())]


def _lit_test(c, flags):
    """A one-character test for a literal; None means plain equality with c."""
    if not flags & F_IGNORECASE:
        return None
    lower, upper = _case_funcs(flags)
    lc = lower(c)
    uc = upper(c)
    if c < '\x80' and lc == c and uc == c:
        return None
    same = {c, lc, uc}
    if not flags & F_ASCII:
        same.update(_extra_cases(lc))
    same = frozenset(same)
    return lambda ch: ch in same or lower(ch) == lc or upper(ch) == uc


def _set_test(items, negate, flags):
    chars = set()
    ranges = []
    cats = []
    ascii_only = bool(flags & F_ASCII)
    for item in items:
        if item[0] == 'lit':
            chars.add(item[1])
        elif item[0] == 'range':
            ranges.append((item[1], item[2]))
        else:
            cats.append(_category(item[1], ascii_only))
    chars = frozenset(chars)
    if len(cats) == 1 and not chars and not ranges and not negate and \
            not flags & F_IGNORECASE:
        return cats[0]

    def base(ch):
        if ch in chars:
            return True
        for lo, hi in ranges:
            if lo <= ch <= hi:
                return True
        for f in cats:
            if f(ch):
                return True
        return False

    test = base
    if flags & F_IGNORECASE:
        lower, upper = _case_funcs(flags)

        unicode_cases = not flags & F_ASCII

        def test(ch):
            if base(ch) or base(lower(ch)) or base(upper(ch)):
                return True
            if unicode_cases:
                for other in _extra_cases(lower(ch)):
                    if base(other):
                        return True
            return False
    if negate:
        positive = test
        return lambda ch: not positive(ch)
    if not ranges and not cats and not flags & F_IGNORECASE:
        return lambda ch: ch in chars
    return test


def _not_newline(ch):
    return ch != '\n'


# ---------------------------------------------------------------------------
# Compiler: node tree -> program
#
# Instructions are lists [op, a, b, ...]:
OP_CHAR = 0      # [0, ch]                 one character equal to ch
OP_TEST = 1      # [1, f]                  one character with f(ch) true
OP_SPLIT = 2     # [2, x, y]               try pc x, on failure pc y
OP_JMP = 3       # [3, x]
OP_SAVE = 4      # [4, slot]               caps[slot] = pos
OP_AT = 5        # [5, kind]               zero-width assertion
OP_REF = 6       # [6, gid, icase]         backreference
OP_LOOK = 7      # [7, prog, dir, negate, width]
OP_ATOMIC = 8    # [8, prog]
OP_COND = 9      # [9, gid, else_pc]
OP_SETREG = 10   # [10, reg]               regs[reg] = pos
OP_IFEMPTY = 11  # [11, reg, x]            if pos == regs[reg]: pc = x
OP_REP1 = 12     # [12, f, min, max, kind] repeat a one-character test (f None: any char)
OP_MATCH = 13
OP_ANY = 14      # [14]                    any character but '\n'
OP_LIT = 16      # [16, text]              several literal characters
OP_POSS = 15     # [15, prog, min, max]    possessive repeat: each iteration atomic

MAX_PROGRAM = 200000


class _Compiler:
    def __init__(self, state):
        self.state = state
        self.nregs = 0

    def program(self, seq, flags):
        code = []
        self.emit_seq(code, seq, flags)
        code.append([OP_MATCH])
        return code

    def emit_seq(self, code, seq, flags):
        i = 0
        n = len(seq)
        while i < n:
            node = seq[i]
            if node[0] == 'lit' and _lit_test(node[1], flags) is None:
                j = i + 1
                while j < n and seq[j][0] == 'lit' and _lit_test(seq[j][1], flags) is None:
                    j += 1
                if j - i > 1:
                    code.append([OP_LIT, ''.join(seq[k][1] for k in range(i, j))])
                    i = j
                    continue
            self.emit(code, node, flags)
            i += 1
            if len(code) > MAX_PROGRAM:
                raise NotImplementedError('refscope re: pattern too large '
                                          '(a repeat count expands too far)')

    def single_test(self, node, flags):
        """(True, f) when node matches exactly one character (f None: any char), else
        (False, None)."""
        op = node[0]
        if op == 'lit':
            t = _lit_test(node[1], flags)
            if t is None:
                c = node[1]
                t = lambda ch: ch == c
            return True, t
        if op == 'notlit':
            t = _lit_test(node[1], flags)
            c = node[1]
            if t is None:
                return True, lambda ch: ch != c
            return True, lambda ch: not t(ch)
        if op == 'in':
            return True, _set_test(node[1], node[2], flags)
        if op == 'any':
            return True, (None if flags & F_DOTALL else _not_newline)
        return False, None

    def emit(self, code, node, flags):
        op = node[0]
        if op == 'lit':
            t = _lit_test(node[1], flags)
            code.append([OP_CHAR, node[1]] if t is None else [OP_TEST, t])
        elif op in ('notlit', 'in'):
            code.append([OP_TEST, self.single_test(node, flags)[1]])
        elif op == 'any':
            if flags & F_DOTALL:
                code.append([OP_TEST, _any_char])
            else:
                code.append([OP_ANY])
        elif op == 'at':
            kind = node[1]
            if kind == 'bol' and flags & F_MULTILINE:
                kind = 'bolm'
            elif kind == 'eol' and flags & F_MULTILINE:
                kind = 'eolm'
            elif kind in ('b', 'B') and flags & F_ASCII:
                kind += 'a'
            code.append([OP_AT, kind])
        elif op == 'group':
            gid = node[1]
            inner = (flags | node[2]) & ~node[3]
            if gid is not None:
                code.append([OP_SAVE, 2 * gid])
            self.emit_seq(code, node[4], inner)
            if gid is not None:
                code.append([OP_SAVE, 2 * gid + 1])
        elif op == 'branch':
            jumps = []
            alts = node[1]
            for i, alt in enumerate(alts):
                if i < len(alts) - 1:
                    split = [OP_SPLIT, len(code) + 1, None]
                    code.append(split)
                    self.emit_seq(code, alt, flags)
                    jmp = [OP_JMP, None]
                    code.append(jmp)
                    jumps.append(jmp)
                    split[2] = len(code)
                else:
                    self.emit_seq(code, alt, flags)
            for jmp in jumps:
                jmp[1] = len(code)
        elif op == 'repeat':
            self.emit_repeat(code, node, flags)
        elif op == 'ref':
            code.append([OP_REF, node[1], bool(flags & F_IGNORECASE), _case_funcs(flags)[0]])
        elif op == 'assert':
            direction, negate, body = node[1], node[2], node[3]
            width = 0
            if direction < 0:
                lo, hi = seq_width(body, self.state)
                if lo != hi:
                    raise error('look-behind requires fixed-width pattern')
                width = lo
            code.append([OP_LOOK, self.program(body, flags), direction, negate, width])
        elif op == 'atomic':
            code.append([OP_ATOMIC, self.program(node[1], flags)])
        elif op == 'cond':
            cond = [OP_COND, node[1], None]
            code.append(cond)
            self.emit_seq(code, node[2], flags)
            if node[3] is not None:
                jmp = [OP_JMP, None]
                code.append(jmp)
                cond[2] = len(code)
                self.emit_seq(code, node[3], flags)
                jmp[1] = len(code)
            else:
                cond[2] = len(code)
        else:
            raise NotImplementedError('refscope re: unsupported construct %r' % (op,))

    def emit_repeat(self, code, node, flags):
        lo, hi, kind, body = node[1], node[2], node[3], node[4]
        if len(body) == 1:
            ok, f = self.single_test(body[0], flags)
            if ok:
                node = body[0]
                fast = None
                if node[0] == 'lit' and _lit_test(node[1], flags) is None:
                    fast = node[1]
                elif node[0] == 'any' and not flags & F_DOTALL:
                    fast = '\n'
                code.append([OP_REP1, f, lo, hi, kind, node[0] == 'any', fast])
                return
        if kind == 'possessive':
            code.append([OP_POSS, self.program(body, flags), lo, hi])
            return
        lazy = kind == 'lazy'
        for _ in range(lo):
            self.emit_seq(code, body, flags)
        if hi == lo:
            return
        nullable = seq_width(body, self.state)[0] == 0
        reg = None
        if nullable:
            reg = self.nregs
            self.nregs += 1
        if hi >= INF:
            top = len(code)
            split = [OP_SPLIT, None, None]
            code.append(split)
            body_pc = len(code)
            if nullable:
                code.append([OP_SETREG, reg])
            self.emit_seq(code, body, flags)
            empty = None
            if nullable:
                empty = [OP_IFEMPTY, reg, None]
                code.append(empty)
            code.append([OP_JMP, top])
            exit_pc = len(code)
            if lazy:
                split[1], split[2] = exit_pc, body_pc
            else:
                split[1], split[2] = body_pc, exit_pc
            if empty is not None:
                empty[2] = exit_pc
            return
        patches = []
        for _ in range(hi - lo):
            split = [OP_SPLIT, None, None]
            code.append(split)
            body_pc = len(code)
            if nullable:
                code.append([OP_SETREG, reg])
            self.emit_seq(code, body, flags)
            if nullable:
                empty = [OP_IFEMPTY, reg, None]
                code.append(empty)
                patches.append((empty, 2))
            patches.append((split, 1 if lazy else 2))
            if lazy:
                split[2] = body_pc
            else:
                split[1] = body_pc
        exit_pc = len(code)
        for ins, idx in patches:
            ins[idx] = exit_pc


def _any_char(ch):
    return True


def compile_pattern(pattern, flags):
    """(program, number of registers, state) for a str or bytes pattern (a bytes
    pattern matches the latin-1 decoding of a bytes subject, with ASCII classes)."""
    seq, state = parse(pattern, flags)
    comp = _Compiler(state)
    prog = comp.program(seq, state.flags if isinstance(pattern, str) else state.flags | F_ASCII)
    return prog, comp.nregs, state


# ---------------------------------------------------------------------------
# The backtracking machine

def _at(kind, s, pos, end):
    if kind == 'bol':
        return pos == 0
    if kind == 'bolm':
        return pos == 0 or s[pos - 1] == '\n'
    if kind == 'eol':
        return pos == end or (pos == end - 1 and s[pos] == '\n')
    if kind == 'eolm':
        return pos == end or s[pos] == '\n'
    if kind == 'A':
        return pos == 0
    if kind == 'Z':
        return pos == end
    if end == 0:
        return False
    word = _is_word_ascii if kind[-1] == 'a' else _is_word
    before = pos > 0 and word(s[pos - 1])
    after = pos < end and word(s[pos])
    if kind[0] == 'b':
        return before != after
    return before == after


def run(code, s, pos, end, caps, nregs, lastindex, must_advance, match_all):
    """Match code at pos; on success return (end position, lastindex) and leave the
    captures in caps; on failure return None with caps as they were."""
    stack = []
    push = stack.append
    pop = stack.pop
    regs = [-1] * nregs if nregs else None
    start = pos
    pc = 0
    while True:
        ins = code[pc]
        op = ins[0]
        if op == OP_CHAR:
            if pos < end and s[pos] == ins[1]:
                pos += 1
                pc += 1
                continue
        elif op == OP_LIT:
            if s.startswith(ins[1], pos, end):
                pos += len(ins[1])
                pc += 1
                continue
        elif op == OP_TEST:
            if pos < end and ins[1](s[pos]):
                pos += 1
                pc += 1
                continue
        elif op == OP_SPLIT:
            push((0, ins[2], pos))
            pc = ins[1]
            continue
        elif op == OP_JMP:
            pc = ins[1]
            continue
        elif op == OP_SAVE:
            slot = ins[1]
            push((1, slot, caps[slot], lastindex))
            caps[slot] = pos
            if slot & 1:
                lastindex = slot >> 1
            pc += 1
            continue
        elif op == OP_ANY:
            if pos < end and s[pos] != '\n':
                pos += 1
                pc += 1
                continue
        elif op == OP_REP1:
            f, lo, hi, kind = ins[1], ins[2], ins[3], ins[4]
            limit = end - pos
            if hi < limit:
                limit = hi
            if kind == 'lazy':
                n = 0
                if f is None:
                    n = lo if lo <= limit else limit
                else:
                    while n < lo and n < limit and f(s[pos + n]):
                        n += 1
                if n >= lo:
                    pos += n
                    if n < limit:
                        push((3, pc + 1, pos, pos + (limit - n), f))
                    pc += 1
                    continue
            else:
                if f is None:
                    n = limit
                elif ins[6] is not None:
                    c = ins[6]
                    if ins[5]:
                        n = s.find(c, pos, pos + limit)
                        n = limit if n < 0 else n - pos
                    else:
                        n = 0
                        while n < limit and s[pos + n] == c:
                            n += 1
                else:
                    n = 0
                    while n < limit and f(s[pos + n]):
                        n += 1
                if n >= lo:
                    if n > lo and kind == 'greedy':
                        push((2, pc + 1, pos + lo, pos + n))
                    pos += n
                    pc += 1
                    continue
        elif op == OP_AT:
            if _at(ins[1], s, pos, end):
                pc += 1
                continue
        elif op == OP_MATCH:
            if not ((match_all and pos != end) or (must_advance and pos == start)):
                return pos, lastindex
        elif op == OP_SETREG:
            reg = ins[1]
            push((4, reg, regs[reg]))
            regs[reg] = pos
            pc += 1
            continue
        elif op == OP_IFEMPTY:
            if pos == regs[ins[1]]:
                pc = ins[2]
            else:
                pc += 1
            continue
        elif op == OP_REF:
            gid = ins[1]
            a, b = caps[2 * gid], caps[2 * gid + 1]
            if a >= 0 and b >= 0:
                n = b - a
                if pos + n <= end:
                    if ins[2]:
                        lower = ins[3]
                        k = 0
                        while k < n and lower(s[pos + k]) == lower(s[a + k]):
                            k += 1
                        same = k == n
                    else:
                        same = s[pos:pos + n] == s[a:b]
                    if same:
                        pos += n
                        pc += 1
                        continue
        elif op == OP_COND:
            gid = ins[1]
            if gid < len(caps) // 2 and caps[2 * gid] >= 0 and caps[2 * gid + 1] >= 0:
                pc += 1
            else:
                pc = ins[2]
            continue
        elif op == OP_LOOK:
            sub, direction, negate, width = ins[1], ins[2], ins[3], ins[4]
            at = pos
            ok = True
            if direction < 0:
                at = pos - width
                if at < 0:
                    ok = False
            if ok:
                trial = list(caps)
                res = run(sub, s, at, end, trial, nregs, lastindex, False, False)
                ok = res is not None
            if ok != negate:
                if ok and not negate:
                    lastindex = _adopt(caps, trial, lastindex, res[1], push)
                pc += 1
                continue
        elif op == OP_ATOMIC:
            sub = ins[1]
            trial = list(caps)
            res = run(sub, s, pos, end, trial, nregs, lastindex, False, False)
            if res is not None:
                lastindex = _adopt(caps, trial, lastindex, res[1], push)
                pos = res[0]
                pc += 1
                continue
        elif op == OP_POSS:
            sub, lo, hi = ins[1], ins[2], ins[3]
            count = 0
            ok = True
            while count < lo:
                trial = list(caps)
                res = run(sub, s, pos, end, trial, nregs, lastindex, False, False)
                if res is None:
                    ok = False
                    break
                lastindex = _adopt(caps, trial, lastindex, res[1], push)
                pos = res[0]
                count += 1
            if ok:
                last = -1
                while count < hi and pos != last:
                    last = pos
                    trial = list(caps)
                    res = run(sub, s, pos, end, trial, nregs, lastindex, False, False)
                    if res is None:
                        break
                    lastindex = _adopt(caps, trial, lastindex, res[1], push)
                    pos = res[0]
                    count += 1
                pc += 1
                continue
        # failure: backtrack
        while True:
            if not stack:
                return None
            e = pop()
            k = e[0]
            if k == 0:
                pc = e[1]
                pos = e[2]
                break
            if k == 1:
                caps[e[1]] = e[2]
                lastindex = e[3]
            elif k == 2:
                cur = e[3] - 1
                if cur > e[2]:
                    push((2, e[1], e[2], cur))
                pc = e[1]
                pos = cur
                break
            elif k == 3:
                cur = e[2]
                f = e[4]
                if f is None or f(s[cur]):
                    cur += 1
                    if cur < e[3]:
                        push((3, e[1], cur, e[3], f))
                    pc = e[1]
                    pos = cur
                    break
            else:
                regs[e[1]] = e[2]


def _adopt(caps, trial, lastindex, new_lastindex, push):
    """Take the captures a sub-match made, recording undo entries."""
    for i in range(len(caps)):
        if caps[i] != trial[i]:
            push((1, i, caps[i], lastindex))
            caps[i] = trial[i]
    if new_lastindex != lastindex:
        push((1, 0, caps[0], lastindex))
    return new_lastindex
