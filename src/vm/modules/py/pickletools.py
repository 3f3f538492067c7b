"""Reading pickles opcode by opcode (refscope's pickletools): genops() walks a pickle's
opcodes with their arguments and positions, and dis() prints them as CPython 3.11's
pickletools.dis does, MARK blocks indented, the memo checked.
"""

import sys
import struct
import pickle as _pickle

__all__ = ['dis', 'genops', 'opcodes', 'OpcodeInfo']


class OpcodeInfo:
    """One opcode: its name, its one-character code, the protocol it came in with, how
    it reads its argument, and what it does to the stack."""

    __slots__ = ('name', 'code', 'arg', 'proto', 'pops', 'pushes', 'mark', 'doc')

    def __init__(self, name, code, arg, proto, pops, pushes, mark):
        self.name = name
        self.code = code
        self.arg = arg
        self.proto = proto
        self.pops = pops          # items popped below the MARK block (or in all)
        self.pushes = pushes      # items pushed
        self.mark = mark          # 'uses' a MARK block, 'pushes' one, or None
        self.doc = name

    def __repr__(self):
        return f'<OpcodeInfo {self.name}>'


# Argument readers: each takes the stream, returns the argument.

def _read_exact(f, n):
    data = f.read(n)
    if len(data) != n:
        raise ValueError('expected %d bytes in a %s, but only %d remain' % (n, 'argument',
                                                                           len(data)))
    return data


def _line(f):
    data = f.readline()
    if not data.endswith(b'\n'):
        raise ValueError('no newline found when trying to read stringnl')
    return data[:-1]


def _uint1(f):
    return _read_exact(f, 1)[0]


def _uint2(f):
    return struct.unpack('<H', _read_exact(f, 2))[0]


def _int4(f):
    return struct.unpack('<i', _read_exact(f, 4))[0]


def _uint4(f):
    return struct.unpack('<I', _read_exact(f, 4))[0]


def _uint8(f):
    return struct.unpack('<Q', _read_exact(f, 8))[0]


def _decimalnl_short(f):
    s = str(_line(f), 'ascii')
    if s == '00':
        return False
    if s == '01':
        return True
    return int(s)


def _decimalnl_long(f):
    s = str(_line(f), 'ascii')
    if s[-1:] == 'L':
        s = s[:-1]
    return int(s)


def _floatnl(f):
    return float(str(_line(f), 'ascii'))


def _float8(f):
    return struct.unpack('>d', _read_exact(f, 8))[0]


def _stringnl(f):
    data = _line(f)
    if len(data) >= 2 and data[0] == data[-1] and data[:1] in (b'"', b"'"):
        data = data[1:-1]
    else:
        raise ValueError('no string quotes around %r' % data)
    return str(_pickle._escape_decode(data), 'ascii')


def _stringnl_noescape(f):
    return str(_line(f), 'utf-8')


def _stringnl_noescape_pair(f):
    return '%s %s' % (_stringnl_noescape(f), _stringnl_noescape(f))


def _unicodestringnl(f):
    return _pickle._raw_unicode_unescape(_line(f))


def _string4(f):
    n = _int4(f)
    if n < 0:
        raise ValueError('string4 byte count < 0: %d' % n)
    return str(_read_exact(f, n), 'latin-1')


def _string1(f):
    return str(_read_exact(f, _uint1(f)), 'latin-1')


def _bytes1(f):
    return _read_exact(f, _uint1(f))


def _bytes4(f):
    return _read_exact(f, _uint4(f))


def _bytes8(f):
    return _read_exact(f, _uint8(f))


def _bytearray8(f):
    return bytearray(_read_exact(f, _uint8(f)))


def _unicodestring1(f):
    return _pickle._from_utf8(_read_exact(f, _uint1(f)))


def _unicodestring4(f):
    return _pickle._from_utf8(_read_exact(f, _uint4(f)))


def _unicodestring8(f):
    return _pickle._from_utf8(_read_exact(f, _uint8(f)))


def _long1(f):
    return _pickle.decode_long(_read_exact(f, _uint1(f)))


def _long4(f):
    n = _int4(f)
    if n < 0:
        raise ValueError('long4 byte count < 0: %d' % n)
    return _pickle.decode_long(_read_exact(f, n))


_I = OpcodeInfo
opcodes = [
    _I('INT', 'I', _decimalnl_short, 0, 0, 1, None),
    _I('BININT', 'J', _int4, 1, 0, 1, None),
    _I('BININT1', 'K', _uint1, 1, 0, 1, None),
    _I('BININT2', 'M', _uint2, 1, 0, 1, None),
    _I('LONG', 'L', _decimalnl_long, 0, 0, 1, None),
    _I('LONG1', '\x8a', _long1, 2, 0, 1, None),
    _I('LONG4', '\x8b', _long4, 2, 0, 1, None),
    _I('STRING', 'S', _stringnl, 0, 0, 1, None),
    _I('BINSTRING', 'T', _string4, 1, 0, 1, None),
    _I('SHORT_BINSTRING', 'U', _string1, 1, 0, 1, None),
    _I('BINBYTES', 'B', _bytes4, 3, 0, 1, None),
    _I('SHORT_BINBYTES', 'C', _bytes1, 3, 0, 1, None),
    _I('BINBYTES8', '\x8e', _bytes8, 4, 0, 1, None),
    _I('BYTEARRAY8', '\x96', _bytearray8, 5, 0, 1, None),
    _I('NEXT_BUFFER', '\x97', None, 5, 0, 1, None),
    _I('READONLY_BUFFER', '\x98', None, 5, 1, 1, None),
    _I('NONE', 'N', None, 0, 0, 1, None),
    _I('NEWTRUE', '\x88', None, 2, 0, 1, None),
    _I('NEWFALSE', '\x89', None, 2, 0, 1, None),
    _I('UNICODE', 'V', _unicodestringnl, 0, 0, 1, None),
    _I('SHORT_BINUNICODE', '\x8c', _unicodestring1, 4, 0, 1, None),
    _I('BINUNICODE', 'X', _unicodestring4, 1, 0, 1, None),
    _I('BINUNICODE8', '\x8d', _unicodestring8, 4, 0, 1, None),
    _I('FLOAT', 'F', _floatnl, 0, 0, 1, None),
    _I('BINFLOAT', 'G', _float8, 1, 0, 1, None),
    _I('EMPTY_LIST', ']', None, 1, 0, 1, None),
    _I('APPEND', 'a', None, 0, 2, 1, None),
    _I('APPENDS', 'e', None, 1, 1, 1, 'uses'),
    _I('LIST', 'l', None, 0, 0, 1, 'uses'),
    _I('EMPTY_TUPLE', ')', None, 1, 0, 1, None),
    _I('TUPLE', 't', None, 0, 0, 1, 'uses'),
    _I('TUPLE1', '\x85', None, 2, 1, 1, None),
    _I('TUPLE2', '\x86', None, 2, 2, 1, None),
    _I('TUPLE3', '\x87', None, 2, 3, 1, None),
    _I('EMPTY_DICT', '}', None, 1, 0, 1, None),
    _I('DICT', 'd', None, 0, 0, 1, 'uses'),
    _I('SETITEM', 's', None, 0, 3, 1, None),
    _I('SETITEMS', 'u', None, 1, 1, 1, 'uses'),
    _I('EMPTY_SET', '\x8f', None, 4, 0, 1, None),
    _I('ADDITEMS', '\x90', None, 4, 1, 1, 'uses'),
    _I('FROZENSET', '\x91', None, 4, 0, 1, 'uses'),
    _I('POP', '0', None, 0, 1, 0, None),
    _I('DUP', '2', None, 0, 1, 2, None),
    _I('MARK', '(', None, 0, 0, 0, 'pushes'),
    _I('POP_MARK', '1', None, 1, 0, 0, 'uses'),
    _I('GET', 'g', _decimalnl_short, 0, 0, 1, None),
    _I('BINGET', 'h', _uint1, 1, 0, 1, None),
    _I('LONG_BINGET', 'j', _uint4, 1, 0, 1, None),
    _I('PUT', 'p', _decimalnl_short, 0, 0, 0, None),
    _I('BINPUT', 'q', _uint1, 1, 0, 0, None),
    _I('LONG_BINPUT', 'r', _uint4, 1, 0, 0, None),
    _I('MEMOIZE', '\x94', None, 4, 0, 0, None),
    _I('EXT1', '\x82', _uint1, 2, 0, 1, None),
    _I('EXT2', '\x83', _uint2, 2, 0, 1, None),
    _I('EXT4', '\x84', _int4, 2, 0, 1, None),
    _I('GLOBAL', 'c', _stringnl_noescape_pair, 0, 0, 1, None),
    _I('STACK_GLOBAL', '\x93', None, 4, 2, 1, None),
    _I('REDUCE', 'R', None, 0, 2, 1, None),
    _I('BUILD', 'b', None, 0, 2, 1, None),
    _I('INST', 'i', _stringnl_noescape_pair, 0, 0, 1, 'uses'),
    _I('OBJ', 'o', None, 1, 0, 1, 'uses'),
    _I('NEWOBJ', '\x81', None, 2, 2, 1, None),
    _I('NEWOBJ_EX', '\x92', None, 4, 3, 1, None),
    _I('PROTO', '\x80', _uint1, 2, 0, 0, None),
    _I('STOP', '.', None, 0, 1, 0, None),
    _I('FRAME', '\x95', _uint8, 4, 0, 0, None),
    _I('PERSID', 'P', _stringnl_noescape, 0, 0, 1, None),
    _I('BINPERSID', 'Q', None, 1, 1, 1, None),
]
del _I

_code2op = {op.code: op for op in opcodes}


class _Bytes:
    def __init__(self, data):
        self.data = bytes(data)
        self.pos = 0

    def read(self, n):
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk

    def tell(self):
        return self.pos


def genops(pickle):
    """(opcode, argument or None, position) for each opcode of the pickle (bytes or a
    file), through its STOP."""
    if isinstance(pickle, (bytes, bytearray)):
        pickle = _Bytes(pickle)
    getpos = getattr(pickle, 'tell', None)
    while True:
        pos = getpos() if getpos is not None else None
        code = pickle.read(1)
        opcode = _code2op.get(chr(code[0]) if code else '')
        if opcode is None:
            if code == b'':
                raise ValueError('pickle exhausted before seeing STOP')
            raise ValueError('at position %s, opcode %r unknown' % (
                '<unknown>' if pos is None else pos, code))
        arg = None if opcode.arg is None else opcode.arg(pickle)
        yield opcode, arg, pos
        if code == b'.':
            break


_MARK = object()


def dis(pickle, out=None, memo=None, indentlevel=4, annotate=0):
    """Prints a symbolic disassembly of the pickle (bytes or a file), through its first
    STOP, checking that MARKs and the memo are used soundly."""
    stack = []
    if memo is None:
        memo = {}
    maxproto = -1
    markstack = []
    indentchunk = ' ' * indentlevel
    errormsg = None
    for opcode, arg, pos in genops(pickle):
        if pos is not None:
            print('%5d:' % pos, end=' ', file=out)
        line = '%-4s %s%s' % (repr(opcode.code)[1:-1], indentchunk * len(markstack),
                              opcode.name)
        maxproto = max(maxproto, opcode.proto)
        numtopop = opcode.pops
        pushes = [None] * opcode.pushes
        markmsg = None
        uses_mark = opcode.mark == 'uses'
        if uses_mark or (opcode.name == 'POP' and stack and stack[-1] is _MARK):
            if markstack:
                markpos = markstack.pop()
                if markpos is None:
                    markmsg = '(MARK at unknown opcode offset)'
                else:
                    markmsg = '(MARK at %d)' % markpos
                while stack[-1] is not _MARK:
                    stack.pop()
                stack.pop()
                if not uses_mark:
                    numtopop = 0
            else:
                errormsg = markmsg = 'no MARK exists on stack'
        if opcode.name in ('PUT', 'BINPUT', 'LONG_BINPUT', 'MEMOIZE'):
            if opcode.name == 'MEMOIZE':
                memo_idx = len(memo)
                markmsg = '(as %d)' % memo_idx
            else:
                memo_idx = arg
            if memo_idx in memo:
                errormsg = 'memo key %r already defined' % arg
            elif not stack:
                errormsg = "stack is empty -- can't store into memo"
            elif stack[-1] is _MARK:
                errormsg = "can't store markobject in the memo"
            else:
                memo[memo_idx] = stack[-1]
        elif opcode.name in ('GET', 'BINGET', 'LONG_BINGET'):
            if arg in memo:
                pushes = [memo[arg]]
            else:
                errormsg = 'memo key %r has never been stored into' % arg
        elif opcode.name == 'DUP' and stack:
            pushes = [stack[-1], stack[-1]]
        if arg is not None or markmsg:
            line += ' ' * (10 - len(opcode.name))
            if arg is not None:
                line += ' ' + repr(arg)
            if markmsg:
                line += ' ' + markmsg
        print(line, file=out)
        if errormsg:
            raise ValueError(errormsg)
        if len(stack) < numtopop:
            raise ValueError('tries to pop %d items from stack with only %d items'
                             % (numtopop, len(stack)))
        if numtopop:
            del stack[-numtopop:]
        if opcode.mark == 'pushes':
            markstack.append(pos)
            stack.append(_MARK)
        stack.extend(pushes)
    print('highest protocol among opcodes =', maxproto, file=out)
