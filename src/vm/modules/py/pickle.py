"""Turning objects into bytes and back (refscope's pickle): the bytes are the ones
CPython 3.11's pickle.dumps (its C accelerator, _pickle) writes, opcode for opcode, for
every protocol from 0 to 5, frames of protocol 4 and up included.

Pickler walks an object graph keeping a memo (id of an object -> its index), so a shared
or recursive reference is written once and fetched back by GET; Unpickler runs the
opcodes on a stack machine and rebuilds the same graph.
"""

import sys
import struct
import copyreg
import builtins as _builtins  # (in sys.modules, where whichmodule searches)
from copyreg import dispatch_table, _extension_registry, _inverted_registry, \
    _extension_cache

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler',
           'dump', 'dumps', 'load', 'loads', 'PickleBuffer', 'ADDITEMS', 'APPEND',
           'APPENDS', 'BINBYTES', 'BINBYTES8', 'BINFLOAT', 'BINGET', 'BININT', 'BININT1',
           'BININT2', 'BINPERSID', 'BINPUT', 'BINSTRING', 'BINUNICODE', 'BINUNICODE8',
           'BUILD', 'BYTEARRAY8', 'DEFAULT_PROTOCOL', 'DICT', 'DUP', 'EMPTY_DICT',
           'EMPTY_LIST', 'EMPTY_SET', 'EMPTY_TUPLE', 'EXT1', 'EXT2', 'EXT4', 'FALSE',
           'FLOAT', 'FRAME', 'FROZENSET', 'GET', 'GLOBAL', 'HIGHEST_PROTOCOL', 'INST',
           'INT', 'LIST', 'LONG', 'LONG1', 'LONG4', 'LONG_BINGET', 'LONG_BINPUT', 'MARK',
           'MEMOIZE', 'NEWFALSE', 'NEWOBJ', 'NEWOBJ_EX', 'NEWTRUE', 'NEXT_BUFFER', 'NONE',
           'OBJ', 'PERSID', 'POP', 'POP_MARK', 'PROTO', 'PUT', 'READONLY_BUFFER', 'REDUCE',
           'SETITEM', 'SETITEMS', 'SHORT_BINBYTES', 'SHORT_BINSTRING', 'SHORT_BINUNICODE',
           'STACK_GLOBAL', 'STOP', 'STRING', 'TRUE', 'TUPLE', 'TUPLE1', 'TUPLE2', 'TUPLE3',
           'UNICODE']

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""
    pass


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to the
    dump() method."""
    pass


class UnpicklingError(PickleError):
    """This exception is raised when there is a problem unpickling an object."""
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


class PickleBuffer:
    """A wrapper of a buffer for protocol 5's out-of-band data (bytes-like objects)."""

    def __init__(self, buffer):
        self._obj = buffer

    def raw(self):
        return memoryview(self._obj)

    def release(self):
        pass


# Opcodes
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# Protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
# Protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# Protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# Protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_BATCHSIZE = 1000
_FRAME_SIZE_TARGET = 64 * 1024
_FRAME_SIZE_MIN = 4
_FRAME_HEADER_SIZE = 9


# Helpers

def _import(name):
    """The module called name, imported if it is not yet."""
    module = sys.modules.get(name)
    if module is None:
        ns = {}
        exec(f'import {name} as _m', ns)
        module = ns['_m']
    return module


def _codecs_encode(obj, encoding='utf-8', errors='strict'):
    """codecs.encode, the callable protocols 0 to 2 rebuild bytes with."""
    return obj.encode(encoding, errors)


def _utf8(s):
    """s encoded as UTF-8 with lone surrogates kept ('surrogatepass')."""
    try:
        return s.encode('utf-8')
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in s:
        c = ord(ch)
        if 0xd800 <= c <= 0xdfff:
            out += bytes([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)])
        else:
            out += ch.encode('utf-8')
    return bytes(out)


def _from_utf8(data):
    """data decoded from UTF-8 with encoded surrogates accepted ('surrogatepass')."""
    try:
        return str(data, 'utf-8')
    except UnicodeDecodeError:
        pass
    chars = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b == 0xed and i + 2 < n + 0 and i + 2 <= n - 1 and 0xa0 <= data[i + 1] <= 0xbf:
            chars.append(chr(((b & 0x0f) << 12) | ((data[i + 1] & 0x3f) << 6)
                             | (data[i + 2] & 0x3f)))
            i += 3
            continue
        j = i + 1
        while j < n and (data[j] & 0xc0) == 0x80 and j - i < 4:
            j += 1
        chars.append(str(data[i:j], 'utf-8'))
        i = j
    return ''.join(chars)


def _raw_unicode_escape(s):
    out = bytearray()
    for ch in s:
        c = ord(ch)
        if c < 256:
            out.append(c)
        elif c < 0x10000:
            out += b'\\u' + ('%04x' % c).encode('ascii')
        else:
            out += b'\\U' + ('%08x' % c).encode('ascii')
    return bytes(out)


def _raw_unicode_unescape(data):
    chars = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b == 0x5c and i + 1 < n and data[i + 1] in (0x75, 0x55):
            # An odd number of backslashes before u/U starts an escape.
            k = i
            while k > 0 and data[k - 1] == 0x5c:
                k -= 1
            if (i - k) % 2 == 0:
                width = 4 if data[i + 1] == 0x75 else 8
                digits = data[i + 2:i + 2 + width]
                if len(digits) != width:
                    raise UnicodeDecodeError('rawunicodeescape', bytes(data), i, n,
                                             'truncated \\uXXXX escape')
                chars.append(chr(int(str(digits, 'ascii'), 16)))
                i += 2 + width
                continue
        chars.append(chr(b))
        i += 1
    return ''.join(chars)


def _getattribute(obj, name):
    """(attribute at the dotted path name of obj, its parent)."""
    parent = None
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError(f"Can't get local attribute {name!r} on {obj!r}")
        try:
            parent = obj
            obj = getattr(obj, subpath)
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on {obj!r}") from None
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj comes from."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in list(sys.modules.items()):
        if module_name == '__main__' or module_name == '__mp_main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def encode_long(x):
    """x as the little-endian two's complement bytes of LONG1 and LONG4."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, byteorder='little', signed=True)


_NoneType = type(None)
_latin1_keys = {}
_ModuleType = type(sys)
# builtins' functions name their module with another string object than the one
# sys.modules, the built-in types and a program's 'builtins' literal share.
_builtin_functions_module = ''.join(['built', 'ins'])


def _module_name_object(obj, module_name):
    """The string object CPython's pickle would be holding as obj's module name: it
    decides whether the memo meets the name again."""
    if module_name == 'builtins' and type(obj) is _BuiltinType:
        return _builtin_functions_module
    if module_name == 'builtins' or getattr(obj, '__module__', None) is None:
        # The key in sys.modules (the built-in types' __module__ in CPython).
        for key in list(sys.modules):
            if key == module_name:
                return key
    return _names.setdefault(module_name, module_name)

_names = {}
_FunctionType = type(_import)
_BuiltinType = type(len)


# Pickling

class Pickler:
    """Writes pickles of objects to a file (anything with a write(bytes) method)."""

    dispatch_table = dispatch_table

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._buffer_callback = buffer_callback
        if file is not None:
            try:
                self._file_write = file.write
            except AttributeError:
                raise TypeError("file must have a 'write' attribute") from None
        else:
            self._file_write = None
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self._out = bytearray()
        self._framing = False
        self._frame_start = -1

    def clear_memo(self):
        """Forgets the objects pickled so far: the next dump writes them again."""
        self.memo.clear()

    # Output, with frames as the C pickler lays them out.

    def write(self, data):
        if self._framing and self._frame_start == -1:
            self._frame_start = len(self._out)
            self._out += b'\0' * _FRAME_HEADER_SIZE
        self._out += data

    def _commit_frame(self):
        start = self._frame_start
        if not self._framing or start == -1:
            return
        length = len(self._out) - start - _FRAME_HEADER_SIZE
        if length >= _FRAME_SIZE_MIN:
            self._out[start:start + _FRAME_HEADER_SIZE] = FRAME + struct.pack('<Q', length)
        else:
            del self._out[start:start + _FRAME_HEADER_SIZE]
        self._frame_start = -1

    def _opcode_boundary(self):
        if not self._framing or self._frame_start == -1:
            return
        if len(self._out) - self._frame_start - _FRAME_HEADER_SIZE >= _FRAME_SIZE_TARGET:
            self._commit_frame()
            self._flush()

    def _flush(self):
        if self._file_write is not None and self._frame_start == -1 and self._out:
            self._file_write(bytes(self._out))
            self._out = bytearray()

    def _write_large(self, header, payload):
        if len(payload) >= _FRAME_SIZE_TARGET:
            self._commit_frame()
            framing = self._framing
            self._framing = False
            self.write(header)
            self.write(payload)
            self._framing = framing
        else:
            self.write(header)
            self.write(payload)

    def dump(self, obj):
        """Writes a pickle of obj to the file."""
        self._out = bytearray()
        self._frame_start = -1
        if self.proto >= 2:
            self.write(PROTO + struct.pack('<B', self.proto))
            if self.proto >= 4:
                self._framing = True
        self.save(obj)
        self.write(STOP)
        self._commit_frame()
        self._framing = False
        data = bytes(self._out)
        self._out = bytearray()
        if self._file_write is not None:
            if data:
                self._file_write(data)
        return data

    # The memo

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        self.write(self.put(idx))
        self.memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        elif self.bin:
            if idx < 256:
                return BINPUT + struct.pack('<B', idx)
            return LONG_BINPUT + struct.pack('<I', idx)
        return PUT + repr(idx).encode('ascii') + b'\n'

    def get(self, i):
        if self.bin:
            if i < 256:
                return BINGET + struct.pack('<B', i)
            return LONG_BINGET + struct.pack('<I', i)
        return GET + repr(i).encode('ascii') + b'\n'

    def _memo_get(self, obj):
        self.write(self.get(self.memo[id(obj)][0]))

    # Objects

    def save(self, obj, save_persistent_id=True):
        self._opcode_boundary()
        if save_persistent_id and hasattr(self, 'persistent_id'):
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        t = type(obj)
        if obj is None:
            self.write(NONE)
            return
        if obj is True or obj is False:
            if self.proto >= 2:
                self.write(NEWTRUE if obj else NEWFALSE)
            else:
                self.write(TRUE if obj else FALSE)
            return
        if t is int:
            self.save_long(obj)
            return
        if t is float:
            self.save_float(obj)
            return
        if id(obj) in self.memo:
            self._memo_get(obj)
            return
        f = self._dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        reduce = getattr(self, 'reducer_override', None)
        rv = NotImplemented
        if reduce is not None:
            rv = reduce(obj)
        if rv is NotImplemented:
            if t is type:
                self.save_type(obj)
                return
            if t is _FunctionType or t is _BuiltinType or t in _method_types:
                owner = getattr(obj, '__self__', None)
                if owner is None or type(owner) is _ModuleType:
                    self.save_global(obj)
                    return
                # A bound method: getattr(its object, its name).
                rv = (getattr, (owner, obj.__name__))
            table = getattr(self, 'dispatch_table', dispatch_table)
            if rv is not NotImplemented:
                pass
            elif table.get(t) is not None:
                reduce = table.get(t)
                rv = reduce(obj)
            elif issubclass(t, type):
                self.save_global(obj)
                return
            elif obj is NotImplemented or obj is Ellipsis:
                self.save_global(obj, 'NotImplemented' if obj is NotImplemented
                                 else 'Ellipsis')
                return
            else:
                reduce = getattr(obj, '__reduce_ex__', None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, '__reduce__', None)
                    if reduce is not None:
                        rv = reduce()
                    else:
                        raise PicklingError(f"can't pickle {t.__name__!r} object: {obj!r}")
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError('__reduce__ must return a string or tuple')
        n = len(rv)
        if not 2 <= n <= 6:
            raise PicklingError('tuple returned by __reduce__ must contain 2 through 6 '
                                'elements')
        self.save_reduce(obj=obj, *rv)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                text = str(pid)
                text.encode('ascii')
            except UnicodeEncodeError:
                raise PicklingError('persistent IDs in protocol 0 must be ASCII strings')
            self.write(PERSID + text.encode('ascii') + b'\n')

    def save_reduce(self, func, args=None, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError('second item of the tuple returned by __reduce__ must be '
                                'a tuple')
        if not callable(func):
            raise PicklingError('first item of the tuple returned by __reduce__ must be '
                                'callable')
        if listitems is not None and not hasattr(listitems, '__next__'):
            raise PicklingError('fourth element of the tuple returned by __reduce__ must '
                                'be an iterator, not %s' % type(listitems).__name__)
        if dictitems is not None and not hasattr(dictitems, '__next__'):
            raise PicklingError('fifth element of the tuple returned by __reduce__ must '
                                'be an iterator, not %s' % type(dictitems).__name__)
        if state_setter is not None and not callable(state_setter):
            raise PicklingError('sixth element of the tuple returned by __reduce__ must '
                                'be a function, not %s' % type(state_setter).__name__)
        save = self.save
        write = self.write
        func_name = getattr(func, '__name__', '') if self.proto >= 2 else ''
        if func_name == '__newobj_ex__':
            if len(args) != 3:
                raise PicklingError('length of the NEWOBJ_EX argument tuple must be exactly '
                                    '3, not %d' % len(args))
            cls, args, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError('first item from NEWOBJ_EX argument tuple must be a '
                                    'class, not %s' % type(cls).__name__)
            if obj is not None and cls is not obj.__class__:
                raise PicklingError('first item from NEWOBJ_EX argument tuple must be a '
                                    'class, not %s' % type(cls).__name__)
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                import functools
                func = functools.partial(cls.__new__, cls, *args, **kwargs)
                save(func)
                save(())
                write(REDUCE)
        elif func_name == '__newobj__':
            if len(args) < 1:
                raise PicklingError('__newobj__ arglist is empty')
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError('args[0] from __newobj__ args is not a type')
            if obj is not None and cls is not obj.__class__:
                raise PicklingError('args[0] from __newobj__ args has the wrong class')
            save(cls)
            save(args[1:])
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    def save_long(self, obj):
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj <= 0xff:
                    self.write(BININT1 + struct.pack('<B', obj))
                elif 0 <= obj <= 0xffff:
                    self.write(BININT2 + struct.pack('<H', obj))
                else:
                    self.write(BININT + struct.pack('<i', obj))
            else:
                self.write(INT + repr(obj).encode('ascii') + b'\n')
            return
        if self.proto >= 2:
            encoded = encode_long(obj)
            n = len(encoded)
            if n < 256:
                self.write(LONG1 + struct.pack('<B', n) + encoded)
            else:
                self.write(LONG4 + struct.pack('<i', n) + encoded)
            return
        self.write(LONG + repr(obj).encode('ascii') + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + struct.pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode('ascii') + b'\n')

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self._save_bytes_reduce(obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + struct.pack('<B', n) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large(BINBYTES8 + struct.pack('<Q', n), obj)
        else:
            self._write_large(BINBYTES + struct.pack('<I', n), obj)
        self.memoize(obj)

    def _save_bytes_reduce(self, obj):
        # save_reduce(codecs.encode, (str(obj, 'latin1'), 'latin1'), obj=obj), where a
        # one-character str is CPython's cached character: shared by all such bytes,
        # but never the same object as a str the program made.
        text = str(obj, 'latin1')
        self.save(_codecs_encode)
        if len(text) == 1:
            key = _latin1_keys.get(text)
            if key is None:
                key = _latin1_keys[text] = [text]
        else:
            key = text
        args = (text, 'latin1')
        if self.proto < 2:
            self.write(MARK)
        if id(key) in self.memo:
            self._memo_get(key)
        else:
            self._save_str_body(text)
            self.memoize(key)
        self.save('latin1')
        self.write(TUPLE2 if self.proto >= 2 else TUPLE)
        self.memoize(args)
        self.write(REDUCE)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        self._write_large(BYTEARRAY8 + struct.pack('<Q', n), bytes(obj))
        self.memoize(obj)

    def save_str(self, obj):
        self._save_str_body(obj)
        self.memoize(obj)

    def _save_str_body(self, obj):
        if self.bin:
            encoded = _utf8(obj)
            n = len(encoded)
            if n <= 0xff and self.proto >= 4:
                self.write(SHORT_BINUNICODE + struct.pack('<B', n) + encoded)
            elif n > 0xffffffff and self.proto >= 4:
                self._write_large(BINUNICODE8 + struct.pack('<Q', n), encoded)
            else:
                self._write_large(BINUNICODE + struct.pack('<I', n), encoded)
        else:
            tmp = obj.replace('\\', '\\u005c')
            tmp = tmp.replace('\0', '\\u0000')
            tmp = tmp.replace('\n', '\\u000a')
            tmp = tmp.replace('\r', '\\u000d')
            tmp = tmp.replace('\x1a', '\\u001a')
            self.write(UNICODE + _raw_unicode_escape(tmp) + b'\n')

    def save_tuple(self, obj):
        write = self.write
        if not obj:
            if self.bin:
                write(EMPTY_TUPLE)
            else:
                write(MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            if id(obj) in memo:
                write(POP * n + self.get(memo[id(obj)][0]))
            else:
                write(_tuplesize2code[n])
                self.memoize(obj)
            return
        write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            if self.bin:
                write(POP_MARK + get)
            else:
                write(POP * (n + 1) + get)
            return
        write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        if self.bin:
            self.write(EMPTY_LIST)
        else:
            self.write(MARK + LIST)
        self.memoize(obj)
        if not obj:
            return
        if type(obj) is list and self.bin:
            self._batch_list_exact(obj)
        else:
            self._batch_appends(iter(obj))

    def _batch_list_exact(self, obj):
        save = self.save
        write = self.write
        if len(obj) == 1:
            save(obj[0])
            write(APPEND)
            return
        total = 0
        while True:
            this_batch = 0
            write(MARK)
            while total < len(obj):
                save(obj[total])
                total += 1
                this_batch += 1
                if this_batch == _BATCHSIZE:
                    break
            write(APPENDS)
            if total >= len(obj):
                break

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        it = iter(items)
        while True:
            tmp = []
            for x in it:
                tmp.append(x)
                if len(tmp) == _BATCHSIZE:
                    break
            n = len(tmp)
            if n > 1:
                write(MARK)
                for x in tmp:
                    save(x)
                write(APPENDS)
            elif n:
                save(tmp[0])
                write(APPEND)
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.bin:
            self.write(EMPTY_DICT)
        else:
            self.write(MARK + DICT)
        self.memoize(obj)
        if not obj:
            return
        if type(obj) is dict and self.bin:
            self._batch_dict_exact(obj)
        else:
            self._batch_setitems(iter(obj.items()))

    def _batch_dict_exact(self, obj):
        save = self.save
        write = self.write
        size = len(obj)
        if size == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            write(SETITEM)
            return
        items = iter(list(obj.items()))
        while True:
            i = 0
            write(MARK)
            for k, v in items:
                save(k)
                save(v)
                i += 1
                if i == _BATCHSIZE:
                    break
            write(SETITEMS)
            if len(obj) != size:
                raise RuntimeError('dictionary changed size during iteration')
            if i != _BATCHSIZE:
                break

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for item in items:
                k, v = self._pair(item)
                save(k)
                save(v)
                write(SETITEM)
            return
        it = iter(items)
        while True:
            tmp = []
            for x in it:
                tmp.append(x)
                if len(tmp) == _BATCHSIZE:
                    break
            n = len(tmp)
            if n > 1:
                write(MARK)
                for item in tmp:
                    k, v = self._pair(item)
                    save(k)
                    save(v)
                write(SETITEMS)
            elif n:
                k, v = self._pair(tmp[0])
                save(k)
                save(v)
                write(SETITEM)
            if n < _BATCHSIZE:
                return

    @staticmethod
    def _pair(item):
        if not isinstance(item, tuple) or len(item) != 2:
            raise TypeError('dict items iterator must return 2-tuples')
        return item

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        write = self.write
        write(EMPTY_SET)
        self.memoize(obj)
        size = len(obj)
        if size == 0:
            return
        items = iter(list(obj))
        while True:
            i = 0
            write(MARK)
            for item in items:
                self.save(item)
                i += 1
                if i == _BATCHSIZE:
                    break
            write(ADDITEMS)
            if len(obj) != size:
                raise RuntimeError('set changed size during iteration')
            if i != _BATCHSIZE:
                break

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write = self.write
        write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        write(FROZENSET)
        self.memoize(obj)

    def save_type(self, obj):
        if obj is _NoneType:
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    def save_global(self, obj, name=None):
        write = self.write
        if obj is _codecs_encode:
            module_name, name = '_codecs', 'encode'
            module = parent = None
        else:
            if name is None:
                name = getattr(obj, '__qualname__', None)
                if name is None:
                    name = obj.__name__
            if '<locals>' in name.split('.'):
                raise AttributeError(f"Can't pickle local object {name!r}")
            module_name = whichmodule(obj, name)
            try:
                module = _import(module_name)
            except Exception:
                raise PicklingError(f"Can't pickle {obj!r}: import of module "
                                    f"{module_name!r} failed") from None
            try:
                obj2, parent = _getattribute(module, name)
            except AttributeError:
                raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {name} on "
                                    f"{module_name} failed") from None
            if obj2 is not obj:
                raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as "
                                    f"{module_name}.{name}")
        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    write(EXT1 + struct.pack('<B', code))
                elif code <= 0xffff:
                    write(EXT2 + struct.pack('<H', code))
                else:
                    write(EXT4 + struct.pack('<i', code))
                return
        # A module's name and a qualified name are interned strings in CPython: the
        # same object each time, met again in the memo.
        # (A module name found by searching sys.modules is its key there: another
        # string object than the modules' __module__ strings.)
        module_name = _module_name_object(obj, module_name)
        name = _names.setdefault(name, name)
        lastname = name.rpartition('.')[2]
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        else:
            if self.proto >= 3:
                write(GLOBAL + _utf8(module_name) + b'\n' + _utf8(name) + b'\n')
            else:
                if self.fix_imports:
                    r_name_mapping = _compat()[2]
                    r_import_mapping = _compat()[3]
                    if (module_name, name) in r_name_mapping:
                        module_name, name = r_name_mapping[(module_name, name)]
                    elif module_name in r_import_mapping:
                        module_name = r_import_mapping[module_name]
                try:
                    write(GLOBAL + module_name.encode('ascii') + b'\n'
                          + name.encode('ascii') + b'\n')
                except UnicodeEncodeError:
                    raise PicklingError("can't pickle global identifier '%s.%s' using "
                                        "pickle protocol %i" % (module_name, name,
                                                                self.proto)) from None
        self.memoize(obj)

    _dispatch = {}


Pickler._dispatch[bytes] = Pickler.save_bytes
Pickler._dispatch[bytearray] = Pickler.save_bytearray
Pickler._dispatch[str] = Pickler.save_str
Pickler._dispatch[tuple] = Pickler.save_tuple
Pickler._dispatch[list] = Pickler.save_list
Pickler._dispatch[dict] = Pickler.save_dict
Pickler._dispatch[set] = Pickler.save_set
Pickler._dispatch[frozenset] = Pickler.save_frozenset


# Unpickling

class _Reader:
    """The bytes of a pickle: from a bytes-like object, or from a file read as needed
    (a frame of protocol 4 at a time)."""

    def __init__(self, data=None, file=None):
        self.file = file
        self.data = bytes(data) if data is not None else b''
        self.pos = 0

    def read(self, n):
        data, pos = self.data, self.pos
        if pos + n <= len(data):
            self.pos = pos + n
            return data[pos:pos + n]
        if self.file is None or pos < len(data):
            raise UnpicklingError('pickle data was truncated')
        got = self.file.read(n)
        if len(got) != n:
            raise UnpicklingError('pickle data was truncated')
        return got

    def readline(self):
        data, pos = self.data, self.pos
        if pos < len(data):
            end = data.find(b'\n', pos)
            if end < 0:
                raise UnpicklingError('pickle data was truncated')
            self.pos = end + 1
            return data[pos:end + 1]
        if self.file is None:
            raise UnpicklingError('pickle data was truncated')
        line = self.file.readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError('pickle data was truncated')
        return line

    def load_frame(self, size):
        if self.pos < len(self.data):
            if self.pos + size > len(self.data):
                raise UnpicklingError('pickle data was truncated')
            return
        if self.file is not None:
            frame = self.file.read(size)
            if len(frame) != size:
                raise UnpicklingError('pickle data was truncated')
            self.data = frame
            self.pos = 0
        elif size:
            raise UnpicklingError('pickle data was truncated')


class Unpickler:
    """Reads pickles from a file (anything with read(n) and readline() methods)."""

    def __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict',
                 buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        self._file = file
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        """Reads one pickle from the file: the object it holds."""
        if not hasattr(self, '_file'):
            raise UnpicklingError('Unpickler.__init__() was not called by %s.__init__()'
                                  % type(self).__name__)
        if isinstance(self._file, _Reader):
            reader = self._file
        else:
            try:
                self._file.read
                self._file.readline
            except AttributeError:
                raise TypeError("file must have 'read' and 'readline' attributes") from None
            reader = _Reader(file=self._file)
        self._reader = reader
        self.read = reader.read
        self.readline = reader.readline
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        first = True
        dispatch = self._dispatch
        try:
            while True:
                try:
                    key = reader.read(1)
                except UnpicklingError:
                    if first:
                        raise EOFError('Ran out of input') from None
                    raise
                first = False
                f = dispatch.get(key[0])
                if f is None:
                    c = key[0]
                    if 0x20 <= c < 0x7f:
                        raise UnpicklingError("invalid load key, '%s'." % chr(c))
                    raise UnpicklingError("invalid load key, '\\x%02x'." % c)
                f(self)
        except _Stop as stopinst:
            return stopinst.value

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError('could not find MARK')
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError('A load persistent id instruction was encountered, but no '
                              'persistent_load function was specified.')

    def _pop(self):
        if not self.stack:
            if self.metastack:
                raise UnpicklingError('unexpected MARK found')
            raise UnpicklingError('unpickling stack underflow')
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            raise UnpicklingError('unpickling stack underflow')
        return self.stack[-1]

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError('unsupported pickle protocol: %d' % proto)
        self.proto = proto

    def load_frame(self):
        size, = struct.unpack('<Q', self.read(8))
        if size > sys.maxsize:
            raise ValueError('frame size > sys.maxsize: %d' % size)
        self._reader.load_frame(size)

    def load_persid(self):
        try:
            pid = str(self.readline()[:-1], 'ascii')
        except UnicodeDecodeError:
            raise UnpicklingError('persistent IDs in protocol 0 must be ASCII strings')
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self._pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            try:
                val = int(str(data, 'latin1'), 0)
            except ValueError:
                raise ValueError('invalid literal for int() with base 10: %r'
                                 % str(data[:-1], 'latin1')) from None
        self.append(val)

    def load_binint(self):
        self.append(struct.unpack('<i', self.read(4))[0])

    def load_binint1(self):
        self.append(self.read(1)[0])

    def load_binint2(self):
        self.append(struct.unpack('<H', self.read(2))[0])

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == b'L'[0]:
            val = val[:-1]
        self.append(int(str(val, 'latin1'), 0))

    def load_long1(self):
        n = self.read(1)[0]
        self.append(decode_long(self.read(n)))

    def load_long4(self):
        n, = struct.unpack('<i', self.read(4))
        if n < 0:
            raise UnpicklingError('LONG pickle has negative byte count')
        self.append(decode_long(self.read(n)))

    def load_float(self):
        self.append(float(str(self.readline()[:-1], 'latin1')))

    def load_binfloat(self):
        self.append(struct.unpack('>d', self.read(8))[0])

    def _decode_string(self, value):
        if self.encoding == 'bytes':
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError('the STRING opcode argument must be quoted')
        self.append(self._decode_string(_escape_decode(data)))

    def load_binstring(self):
        n, = struct.unpack('<i', self.read(4))
        if n < 0:
            raise UnpicklingError('BINSTRING pickle has negative byte count')
        self.append(self._decode_string(self.read(n)))

    def load_binbytes(self):
        n, = struct.unpack('<I', self.read(4))
        self.append(self.read(n))

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self.readline()[:-1]))

    def load_binunicode(self):
        n, = struct.unpack('<I', self.read(4))
        self.append(_from_utf8(self.read(n)))

    def load_binunicode8(self):
        n, = struct.unpack('<Q', self.read(8))
        self.append(_from_utf8(self.read(n)))

    def load_binbytes8(self):
        n, = struct.unpack('<Q', self.read(8))
        self.append(self.read(n))

    def load_bytearray8(self):
        n, = struct.unpack('<Q', self.read(8))
        self.append(bytearray(self.read(n)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError('pickle stream refers to out-of-band data but no '
                                  '*buffers* argument was given')
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError('not enough out-of-band buffers') from None
        self.append(buf)

    def load_readonly_buffer(self):
        pass

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(self.read(n))

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(_from_utf8(self.read(n)))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        a = self._pop()
        self.append((a,))

    def load_tuple2(self):
        b = self._pop()
        a = self._pop()
        self.append((a, b))

    def load_tuple3(self):
        c = self._pop()
        b = self._pop()
        a = self._pop()
        self.append((a, b, c))

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or hasattr(klass, '__getinitargs__')):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError('in constructor for %s: %s' % (klass.__name__, str(err)))
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = str(self.readline()[:-1], 'ascii')
        name = str(self.readline()[:-1], 'ascii')
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError('NEWOBJ class argument isn\'t a type object')
        if not isinstance(args, tuple):
            raise UnpicklingError('NEWOBJ expected an arg tuple.')
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError('NEWOBJ_EX class argument must be a type, not %s'
                                  % type(cls).__name__)
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = str(self.readline()[:-1], 'utf-8')
        name = str(self.readline()[:-1], 'utf-8')
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError('STACK_GLOBAL requires str')
        self.append(self.find_class(module, name))

    def load_ext1(self):
        self.get_extension(self.read(1)[0])

    def load_ext2(self):
        self.get_extension(struct.unpack('<H', self.read(2))[0])

    def load_ext4(self):
        self.get_extension(struct.unpack('<i', self.read(4))[0])

    def get_extension(self, code):
        nil = []
        obj = _extension_cache.get(code, nil)
        if obj is not nil:
            self.append(obj)
            return
        key = _inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError('EXT specifies code <= 0')
            raise ValueError('unregistered extension code %d' % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self.append(obj)

    def find_class(self, module, name):
        """The global called name in module (imported as needed)."""
        if self.proto < 3 and self.fix_imports:
            name_mapping, import_mapping = _compat()[0], _compat()[1]
            if (module, name) in name_mapping:
                module, name = name_mapping[(module, name)]
            elif module in import_mapping:
                module = import_mapping[module]
        if module in ('_codecs', 'codecs') and name == 'encode':
            return _codecs_encode
        mod = _import(module)
        if self.proto >= 4:
            return _getattribute(mod, name)[0]
        try:
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on {mod!r}") from None

    def load_reduce(self):
        args = self._pop()
        func = self._pop()
        self.append(func(*args))

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        elif self.metastack:
            self.pop_mark()
        else:
            raise UnpicklingError('unpickling stack underflow')

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self._top())

    def _memo_value(self, i):
        try:
            return self.memo[i]
        except KeyError:
            raise UnpicklingError('Memo value not found at index %d' % i) from None

    def load_get(self):
        i = int(str(self.readline()[:-1], 'latin1'))
        self.append(self._memo_value(i))

    def load_binget(self):
        self.append(self._memo_value(self.read(1)[0]))

    def load_long_binget(self):
        self.append(self._memo_value(struct.unpack('<I', self.read(4))[0]))

    def load_put(self):
        i = int(str(self.readline()[:-1], 'latin1'))
        if i < 0:
            raise ValueError('negative PUT argument')
        self.memo[i] = self._top()

    def load_binput(self):
        self.memo[self.read(1)[0]] = self._top()

    def load_long_binput(self):
        i, = struct.unpack('<I', self.read(4))
        self.memo[i] = self._top()

    def load_memoize(self):
        self.memo[len(self.memo)] = self._top()

    def load_append(self):
        value = self._pop()
        lst = self._top()
        lst.append(value)

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self._top()
        if isinstance(list_obj, list):
            list_obj.extend(items)
        else:
            for item in items:
                list_obj.append(item)

    def load_setitem(self):
        value = self._pop()
        key = self._pop()
        self._top()[key] = value

    def load_setitems(self):
        items = self.pop_mark()
        d = self._top()
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self._top()
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            for item in items:
                set_obj.add(item)

    def load_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    k = sys.intern(k) if hasattr(sys, 'intern') else k
                inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        value = self._pop()
        raise _Stop(value)

    _dispatch = {}


def _escape_decode(data):
    """The bytes a Python 2 STRING literal's escapes stand for."""
    out = bytearray()
    i, n = 0, len(data)
    simple = {0x6e: 10, 0x74: 9, 0x72: 13, 0x5c: 92, 0x27: 39, 0x22: 34, 0x61: 7,
              0x62: 8, 0x66: 12, 0x76: 11}
    while i < n:
        b = data[i]
        if b != 0x5c or i + 1 >= n:
            out.append(b)
            i += 1
            continue
        c = data[i + 1]
        if c in simple:
            out.append(simple[c])
            i += 2
        elif c == 0x0a:
            i += 2
        elif c == 0x78:
            out.append(int(str(data[i + 2:i + 4], 'ascii'), 16))
            i += 4
        elif 0x30 <= c <= 0x37:
            j = i + 1
            while j < n and j < i + 4 and 0x30 <= data[j] <= 0x37:
                j += 1
            out.append(int(str(data[i + 1:j], 'ascii'), 8) & 0xff)
            i = j
        else:
            out.append(b)
            i += 1
    return bytes(out)


for _name, _code in [('load_proto', PROTO), ('load_frame', FRAME),
                     ('load_persid', PERSID), ('load_binpersid', BINPERSID),
                     ('load_none', NONE), ('load_false', NEWFALSE),
                     ('load_true', NEWTRUE), ('load_int', INT), ('load_binint', BININT),
                     ('load_binint1', BININT1), ('load_binint2', BININT2),
                     ('load_long', LONG), ('load_long1', LONG1), ('load_long4', LONG4),
                     ('load_float', FLOAT), ('load_binfloat', BINFLOAT),
                     ('load_string', STRING), ('load_binstring', BINSTRING),
                     ('load_binbytes', BINBYTES), ('load_unicode', UNICODE),
                     ('load_binunicode', BINUNICODE), ('load_binunicode8', BINUNICODE8),
                     ('load_binbytes8', BINBYTES8), ('load_bytearray8', BYTEARRAY8),
                     ('load_next_buffer', NEXT_BUFFER),
                     ('load_readonly_buffer', READONLY_BUFFER),
                     ('load_short_binstring', SHORT_BINSTRING),
                     ('load_short_binbytes', SHORT_BINBYTES),
                     ('load_short_binunicode', SHORT_BINUNICODE),
                     ('load_tuple', TUPLE), ('load_empty_tuple', EMPTY_TUPLE),
                     ('load_tuple1', TUPLE1), ('load_tuple2', TUPLE2),
                     ('load_tuple3', TUPLE3), ('load_empty_list', EMPTY_LIST),
                     ('load_empty_dictionary', EMPTY_DICT), ('load_empty_set', EMPTY_SET),
                     ('load_frozenset', FROZENSET), ('load_list', LIST),
                     ('load_dict', DICT), ('load_inst', INST), ('load_obj', OBJ),
                     ('load_newobj', NEWOBJ), ('load_newobj_ex', NEWOBJ_EX),
                     ('load_global', GLOBAL), ('load_stack_global', STACK_GLOBAL),
                     ('load_ext1', EXT1), ('load_ext2', EXT2), ('load_ext4', EXT4),
                     ('load_reduce', REDUCE), ('load_pop', POP),
                     ('load_pop_mark', POP_MARK), ('load_dup', DUP), ('load_get', GET),
                     ('load_binget', BINGET), ('load_long_binget', LONG_BINGET),
                     ('load_put', PUT), ('load_binput', BINPUT),
                     ('load_long_binput', LONG_BINPUT), ('load_memoize', MEMOIZE),
                     ('load_append', APPEND), ('load_appends', APPENDS),
                     ('load_setitem', SETITEM), ('load_setitems', SETITEMS),
                     ('load_additems', ADDITEMS), ('load_build', BUILD),
                     ('load_mark', MARK), ('load_stop', STOP)]:
    Unpickler._dispatch[_code[0]] = getattr(Unpickler, _name)
del _name, _code


# Shorthands

class _BytesSink:
    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Writes a pickle of obj to file."""
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """A pickle of obj, as bytes."""
    return Pickler(None, protocol, fix_imports=fix_imports,
                   buffer_callback=buffer_callback).dump(obj)


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    """Reads a pickle from file: the object it holds."""
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers, encoding=encoding,
                     errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    """The object the pickle data (a bytes-like object) holds."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    u = Unpickler(_Reader(data), fix_imports=fix_imports, buffers=buffers,
                  encoding=encoding, errors=errors)
    return u.load()


_compat_tables = None
_method_types = (type(PickleError().with_traceback), type(_BytesSink().write))


def _compat():
    """The name tables of Python 2's standard library (CPython's _compat_pickle)."""
    global _compat_tables
    if _compat_tables is None:
        _compat_tables = _make_compat()
    return _compat_tables


def _make_compat():
    name_mapping = {('UserDict', 'IterableUserDict'): ('collections', 'UserDict'),
                     ('UserDict', 'UserDict'): ('collections', 'UserDict'),
                     ('UserList', 'UserList'): ('collections', 'UserList'),
                     ('UserString', 'UserString'): ('collections', 'UserString'),
                     ('__builtin__', 'basestring'): ('builtins', 'str'),
                     ('__builtin__', 'intern'): ('sys', 'intern'),
                     ('__builtin__', 'long'): ('builtins', 'int'),
                     ('__builtin__', 'reduce'): ('functools', 'reduce'),
                     ('__builtin__', 'unichr'): ('builtins', 'chr'),
                     ('__builtin__', 'unicode'): ('builtins', 'str'),
                     ('__builtin__', 'xrange'): ('builtins', 'range'),
                     ('_multiprocessing', 'Connection'): ('multiprocessing.connection', 'Connection'),
                     ('_socket', 'fromfd'): ('socket', 'fromfd'),
                     ('exceptions', 'ArithmeticError'): ('builtins', 'ArithmeticError'),
                     ('exceptions', 'AssertionError'): ('builtins', 'AssertionError'),
                     ('exceptions', 'AttributeError'): ('builtins', 'AttributeError'),
                     ('exceptions', 'BaseException'): ('builtins', 'BaseException'),
                     ('exceptions', 'BufferError'): ('builtins', 'BufferError'),
                     ('exceptions', 'BytesWarning'): ('builtins', 'BytesWarning'),
                     ('exceptions', 'DeprecationWarning'): ('builtins', 'DeprecationWarning'),
                     ('exceptions', 'EOFError'): ('builtins', 'EOFError'),
                     ('exceptions', 'EnvironmentError'): ('builtins', 'EnvironmentError'),
                     ('exceptions', 'Exception'): ('builtins', 'Exception'),
                     ('exceptions', 'FloatingPointError'): ('builtins', 'FloatingPointError'),
                     ('exceptions', 'FutureWarning'): ('builtins', 'FutureWarning'),
                     ('exceptions', 'GeneratorExit'): ('builtins', 'GeneratorExit'),
                     ('exceptions', 'IOError'): ('builtins', 'IOError'),
                     ('exceptions', 'ImportError'): ('builtins', 'ImportError'),
                     ('exceptions', 'ImportWarning'): ('builtins', 'ImportWarning'),
                     ('exceptions', 'IndentationError'): ('builtins', 'IndentationError'),
                     ('exceptions', 'IndexError'): ('builtins', 'IndexError'),
                     ('exceptions', 'KeyError'): ('builtins', 'KeyError'),
                     ('exceptions', 'KeyboardInterrupt'): ('builtins', 'KeyboardInterrupt'),
                     ('exceptions', 'LookupError'): ('builtins', 'LookupError'),
                     ('exceptions', 'MemoryError'): ('builtins', 'MemoryError'),
                     ('exceptions', 'NameError'): ('builtins', 'NameError'),
                     ('exceptions', 'NotImplementedError'): ('builtins', 'NotImplementedError'),
                     ('exceptions', 'OSError'): ('builtins', 'OSError'),
                     ('exceptions', 'OverflowError'): ('builtins', 'OverflowError'),
                     ('exceptions', 'PendingDeprecationWarning'): ('builtins',
                                                                   'PendingDeprecationWarning'),
                     ('exceptions', 'ReferenceError'): ('builtins', 'ReferenceError'),
                     ('exceptions', 'RuntimeError'): ('builtins', 'RuntimeError'),
                     ('exceptions', 'RuntimeWarning'): ('builtins', 'RuntimeWarning'),
                     ('exceptions', 'StandardError'): ('builtins', 'Exception'),
                     ('exceptions', 'StopIteration'): ('builtins', 'StopIteration'),
                     ('exceptions', 'SyntaxError'): ('builtins', 'SyntaxError'),
                     ('exceptions', 'SyntaxWarning'): ('builtins', 'SyntaxWarning'),
                     ('exceptions', 'SystemError'): ('builtins', 'SystemError'),
                     ('exceptions', 'SystemExit'): ('builtins', 'SystemExit'),
                     ('exceptions', 'TabError'): ('builtins', 'TabError'),
                     ('exceptions', 'TypeError'): ('builtins', 'TypeError'),
                     ('exceptions', 'UnboundLocalError'): ('builtins', 'UnboundLocalError'),
                     ('exceptions', 'UnicodeDecodeError'): ('builtins', 'UnicodeDecodeError'),
                     ('exceptions', 'UnicodeEncodeError'): ('builtins', 'UnicodeEncodeError'),
                     ('exceptions', 'UnicodeError'): ('builtins', 'UnicodeError'),
                     ('exceptions', 'UnicodeTranslateError'): ('builtins', 'UnicodeTranslateError'),
                     ('exceptions', 'UnicodeWarning'): ('builtins', 'UnicodeWarning'),
                     ('exceptions', 'UserWarning'): ('builtins', 'UserWarning'),
                     ('exceptions', 'ValueError'): ('builtins', 'ValueError'),
                     ('exceptions', 'Warning'): ('builtins', 'Warning'),
                     ('exceptions', 'ZeroDivisionError'): ('builtins', 'ZeroDivisionError'),
                     ('itertools', 'ifilter'): ('builtins', 'filter'),
                     ('itertools', 'ifilterfalse'): ('itertools', 'filterfalse'),
                     ('itertools', 'imap'): ('builtins', 'map'),
                     ('itertools', 'izip'): ('builtins', 'zip'),
                     ('itertools', 'izip_longest'): ('itertools', 'zip_longest'),
                     ('multiprocessing', 'AuthenticationError'): ('multiprocessing.context',
                                                                  'AuthenticationError'),
                     ('multiprocessing', 'BufferTooShort'): ('multiprocessing.context',
                                                             'BufferTooShort'),
                     ('multiprocessing', 'ProcessError'): ('multiprocessing.context', 'ProcessError'),
                     ('multiprocessing', 'TimeoutError'): ('multiprocessing.context', 'TimeoutError'),
                     ('multiprocessing.forking', 'Popen'): ('multiprocessing.popen_fork', 'Popen'),
                     ('multiprocessing.process', 'Process'): ('multiprocessing.context', 'Process'),
                     ('socket', '_socketobject'): ('socket', 'SocketType'),
                     ('urllib', 'ContentTooShortError'): ('urllib.error', 'ContentTooShortError'),
                     ('urllib', 'getproxies'): ('urllib.request', 'getproxies'),
                     ('urllib', 'pathname2url'): ('urllib.request', 'pathname2url'),
                     ('urllib', 'quote'): ('urllib.parse', 'quote'),
                     ('urllib', 'quote_plus'): ('urllib.parse', 'quote_plus'),
                     ('urllib', 'unquote'): ('urllib.parse', 'unquote'),
                     ('urllib', 'unquote_plus'): ('urllib.parse', 'unquote_plus'),
                     ('urllib', 'url2pathname'): ('urllib.request', 'url2pathname'),
                     ('urllib', 'urlcleanup'): ('urllib.request', 'urlcleanup'),
                     ('urllib', 'urlencode'): ('urllib.parse', 'urlencode'),
                     ('urllib', 'urlopen'): ('urllib.request', 'urlopen'),
                     ('urllib', 'urlretrieve'): ('urllib.request', 'urlretrieve'),
                     ('urllib2', 'HTTPError'): ('urllib.error', 'HTTPError'),
                     ('urllib2', 'URLError'): ('urllib.error', 'URLError'),
                     ('whichdb', 'whichdb'): ('dbm', 'whichdb')}
    import_mapping = {'BaseHTTPServer': 'http.server',
                       'CGIHTTPServer': 'http.server',
                       'ConfigParser': 'configparser',
                       'Cookie': 'http.cookies',
                       'Dialog': 'tkinter.dialog',
                       'DocXMLRPCServer': 'xmlrpc.server',
                       'FileDialog': 'tkinter.filedialog',
                       'HTMLParser': 'html.parser',
                       'Queue': 'queue',
                       'ScrolledText': 'tkinter.scrolledtext',
                       'SimpleDialog': 'tkinter.simpledialog',
                       'SimpleHTTPServer': 'http.server',
                       'SimpleXMLRPCServer': 'xmlrpc.server',
                       'SocketServer': 'socketserver',
                       'StringIO': 'io',
                       'Tix': 'tkinter.tix',
                       'Tkconstants': 'tkinter.constants',
                       'Tkdnd': 'tkinter.dnd',
                       'Tkinter': 'tkinter',
                       'UserDict': 'collections',
                       'UserList': 'collections',
                       'UserString': 'collections',
                       '__builtin__': 'builtins',
                       '_abcoll': 'collections.abc',
                       '_elementtree': 'xml.etree.ElementTree',
                       '_winreg': 'winreg',
                       'anydbm': 'dbm',
                       'cPickle': 'pickle',
                       'cStringIO': 'io',
                       'commands': 'subprocess',
                       'cookielib': 'http.cookiejar',
                       'copy_reg': 'copyreg',
                       'dbhash': 'dbm.bsd',
                       'dbm': 'dbm.ndbm',
                       'dumbdbm': 'dbm.dumb',
                       'dummy_thread': '_dummy_thread',
                       'gdbm': 'dbm.gnu',
                       'htmlentitydefs': 'html.entities',
                       'httplib': 'http.client',
                       'markupbase': '_markupbase',
                       'repr': 'reprlib',
                       'robotparser': 'urllib.robotparser',
                       'test.test_support': 'test.support',
                       'thread': '_thread',
                       'tkColorChooser': 'tkinter.colorchooser',
                       'tkCommonDialog': 'tkinter.commondialog',
                       'tkFileDialog': 'tkinter.filedialog',
                       'tkFont': 'tkinter.font',
                       'tkMessageBox': 'tkinter.messagebox',
                       'tkSimpleDialog': 'tkinter.simpledialog',
                       'ttk': 'tkinter.ttk',
                       'urllib2': 'urllib.request',
                       'urlparse': 'urllib.parse',
                       'whichdb': 'dbm',
                       'xmlrpclib': 'xmlrpc.client'}
    reverse_name_mapping = {('_functools', 'reduce'): ('__builtin__', 'reduce'),
                             ('_socket', 'socket'): ('socket', '_socketobject'),
                             ('builtins', 'ArithmeticError'): ('exceptions', 'ArithmeticError'),
                             ('builtins', 'AssertionError'): ('exceptions', 'AssertionError'),
                             ('builtins', 'AttributeError'): ('exceptions', 'AttributeError'),
                             ('builtins', 'BaseException'): ('exceptions', 'BaseException'),
                             ('builtins', 'BrokenPipeError'): ('exceptions', 'OSError'),
                             ('builtins', 'BufferError'): ('exceptions', 'BufferError'),
                             ('builtins', 'BytesWarning'): ('exceptions', 'BytesWarning'),
                             ('builtins', 'ChildProcessError'): ('exceptions', 'OSError'),
                             ('builtins', 'ConnectionAbortedError'): ('exceptions', 'OSError'),
                             ('builtins', 'ConnectionError'): ('exceptions', 'OSError'),
                             ('builtins', 'ConnectionRefusedError'): ('exceptions', 'OSError'),
                             ('builtins', 'ConnectionResetError'): ('exceptions', 'OSError'),
                             ('builtins', 'DeprecationWarning'): ('exceptions', 'DeprecationWarning'),
                             ('builtins', 'EOFError'): ('exceptions', 'EOFError'),
                             ('builtins', 'EnvironmentError'): ('exceptions', 'EnvironmentError'),
                             ('builtins', 'Exception'): ('exceptions', 'Exception'),
                             ('builtins', 'FileExistsError'): ('exceptions', 'OSError'),
                             ('builtins', 'FileNotFoundError'): ('exceptions', 'OSError'),
                             ('builtins', 'FloatingPointError'): ('exceptions', 'FloatingPointError'),
                             ('builtins', 'FutureWarning'): ('exceptions', 'FutureWarning'),
                             ('builtins', 'GeneratorExit'): ('exceptions', 'GeneratorExit'),
                             ('builtins', 'IOError'): ('exceptions', 'IOError'),
                             ('builtins', 'ImportError'): ('exceptions', 'ImportError'),
                             ('builtins', 'ImportWarning'): ('exceptions', 'ImportWarning'),
                             ('builtins', 'IndentationError'): ('exceptions', 'IndentationError'),
                             ('builtins', 'IndexError'): ('exceptions', 'IndexError'),
                             ('builtins', 'InterruptedError'): ('exceptions', 'OSError'),
                             ('builtins', 'IsADirectoryError'): ('exceptions', 'OSError'),
                             ('builtins', 'KeyError'): ('exceptions', 'KeyError'),
                             ('builtins', 'KeyboardInterrupt'): ('exceptions', 'KeyboardInterrupt'),
                             ('builtins', 'LookupError'): ('exceptions', 'LookupError'),
                             ('builtins', 'MemoryError'): ('exceptions', 'MemoryError'),
                             ('builtins', 'ModuleNotFoundError'): ('exceptions', 'ImportError'),
                             ('builtins', 'NameError'): ('exceptions', 'NameError'),
                             ('builtins', 'NotADirectoryError'): ('exceptions', 'OSError'),
                             ('builtins', 'NotImplementedError'): ('exceptions', 'NotImplementedError'),
                             ('builtins', 'OSError'): ('exceptions', 'OSError'),
                             ('builtins', 'OverflowError'): ('exceptions', 'OverflowError'),
                             ('builtins', 'PendingDeprecationWarning'): ('exceptions',
                                                                         'PendingDeprecationWarning'),
                             ('builtins', 'PermissionError'): ('exceptions', 'OSError'),
                             ('builtins', 'ProcessLookupError'): ('exceptions', 'OSError'),
                             ('builtins', 'ReferenceError'): ('exceptions', 'ReferenceError'),
                             ('builtins', 'RuntimeError'): ('exceptions', 'RuntimeError'),
                             ('builtins', 'RuntimeWarning'): ('exceptions', 'RuntimeWarning'),
                             ('builtins', 'StopIteration'): ('exceptions', 'StopIteration'),
                             ('builtins', 'SyntaxError'): ('exceptions', 'SyntaxError'),
                             ('builtins', 'SyntaxWarning'): ('exceptions', 'SyntaxWarning'),
                             ('builtins', 'SystemError'): ('exceptions', 'SystemError'),
                             ('builtins', 'SystemExit'): ('exceptions', 'SystemExit'),
                             ('builtins', 'TabError'): ('exceptions', 'TabError'),
                             ('builtins', 'TimeoutError'): ('exceptions', 'OSError'),
                             ('builtins', 'TypeError'): ('exceptions', 'TypeError'),
                             ('builtins', 'UnboundLocalError'): ('exceptions', 'UnboundLocalError'),
                             ('builtins', 'UnicodeDecodeError'): ('exceptions', 'UnicodeDecodeError'),
                             ('builtins', 'UnicodeEncodeError'): ('exceptions', 'UnicodeEncodeError'),
                             ('builtins', 'UnicodeError'): ('exceptions', 'UnicodeError'),
                             ('builtins', 'UnicodeTranslateError'): ('exceptions', 'UnicodeTranslateError'),
                             ('builtins', 'UnicodeWarning'): ('exceptions', 'UnicodeWarning'),
                             ('builtins', 'UserWarning'): ('exceptions', 'UserWarning'),
                             ('builtins', 'ValueError'): ('exceptions', 'ValueError'),
                             ('builtins', 'Warning'): ('exceptions', 'Warning'),
                             ('builtins', 'ZeroDivisionError'): ('exceptions', 'ZeroDivisionError'),
                             ('builtins', 'chr'): ('__builtin__', 'unichr'),
                             ('builtins', 'filter'): ('itertools', 'ifilter'),
                             ('builtins', 'int'): ('__builtin__', 'long'),
                             ('builtins', 'map'): ('itertools', 'imap'),
                             ('builtins', 'range'): ('__builtin__', 'xrange'),
                             ('builtins', 'str'): ('__builtin__', 'unicode'),
                             ('builtins', 'zip'): ('itertools', 'izip'),
                             ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
                             ('collections', 'UserList'): ('UserList', 'UserList'),
                             ('collections', 'UserString'): ('UserString', 'UserString'),
                             ('dbm', 'whichdb'): ('whichdb', 'whichdb'),
                             ('functools', 'reduce'): ('__builtin__', 'reduce'),
                             ('http.server', 'CGIHTTPRequestHandler'): ('CGIHTTPServer',
                                                                        'CGIHTTPRequestHandler'),
                             ('http.server', 'SimpleHTTPRequestHandler'): ('SimpleHTTPServer',
                                                                           'SimpleHTTPRequestHandler'),
                             ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
                             ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
                             ('multiprocessing.connection', 'Connection'): ('_multiprocessing', 'Connection'),
                             ('multiprocessing.context', 'AuthenticationError'): ('multiprocessing',
                                                                                  'AuthenticationError'),
                             ('multiprocessing.context', 'BufferTooShort'): ('multiprocessing',
                                                                             'BufferTooShort'),
                             ('multiprocessing.context', 'Process'): ('multiprocessing.process', 'Process'),
                             ('multiprocessing.context', 'ProcessError'): ('multiprocessing', 'ProcessError'),
                             ('multiprocessing.context', 'TimeoutError'): ('multiprocessing', 'TimeoutError'),
                             ('multiprocessing.popen_fork', 'Popen'): ('multiprocessing.forking', 'Popen'),
                             ('socket', 'fromfd'): ('_socket', 'fromfd'),
                             ('sys', 'intern'): ('__builtin__', 'intern'),
                             ('tkinter.filedialog', 'FileDialog'): ('FileDialog', 'FileDialog'),
                             ('tkinter.filedialog', 'LoadFileDialog'): ('FileDialog', 'LoadFileDialog'),
                             ('tkinter.filedialog', 'SaveFileDialog'): ('FileDialog', 'SaveFileDialog'),
                             ('tkinter.simpledialog', 'SimpleDialog'): ('SimpleDialog', 'SimpleDialog'),
                             ('urllib.error', 'ContentTooShortError'): ('urllib', 'ContentTooShortError'),
                             ('urllib.error', 'HTTPError'): ('urllib2', 'HTTPError'),
                             ('urllib.error', 'URLError'): ('urllib2', 'URLError'),
                             ('urllib.parse', 'quote'): ('urllib', 'quote'),
                             ('urllib.parse', 'quote_plus'): ('urllib', 'quote_plus'),
                             ('urllib.parse', 'unquote'): ('urllib', 'unquote'),
                             ('urllib.parse', 'unquote_plus'): ('urllib', 'unquote_plus'),
                             ('urllib.parse', 'urlencode'): ('urllib', 'urlencode'),
                             ('urllib.request', 'getproxies'): ('urllib', 'getproxies'),
                             ('urllib.request', 'pathname2url'): ('urllib', 'pathname2url'),
                             ('urllib.request', 'url2pathname'): ('urllib', 'url2pathname'),
                             ('urllib.request', 'urlcleanup'): ('urllib', 'urlcleanup'),
                             ('urllib.request', 'urlopen'): ('urllib', 'urlopen'),
                             ('urllib.request', 'urlretrieve'): ('urllib', 'urlretrieve'),
                             ('xmlrpc.server', 'DocCGIXMLRPCRequestHandler'): ('DocXMLRPCServer',
                                                                               'DocCGIXMLRPCRequestHandler'),
                             ('xmlrpc.server', 'DocXMLRPCRequestHandler'): ('DocXMLRPCServer',
                                                                            'DocXMLRPCRequestHandler'),
                             ('xmlrpc.server', 'DocXMLRPCServer'): ('DocXMLRPCServer', 'DocXMLRPCServer'),
                             ('xmlrpc.server', 'ServerHTMLDoc'): ('DocXMLRPCServer', 'ServerHTMLDoc'),
                             ('xmlrpc.server', 'XMLRPCDocGenerator'): ('DocXMLRPCServer', 'XMLRPCDocGenerator')}
    reverse_import_mapping = {'_bz2': 'bz2',
                               '_dbm': 'dbm',
                               '_dummy_thread': 'dummy_thread',
                               '_functools': 'functools',
                               '_gdbm': 'gdbm',
                               '_markupbase': 'markupbase',
                               '_pickle': 'pickle',
                               '_thread': 'thread',
                               'builtins': '__builtin__',
                               'collections.abc': '_abcoll',
                               'configparser': 'ConfigParser',
                               'copyreg': 'copy_reg',
                               'dbm': 'anydbm',
                               'dbm.bsd': 'dbhash',
                               'dbm.dumb': 'dumbdbm',
                               'dbm.gnu': 'gdbm',
                               'dbm.ndbm': 'dbm',
                               'html.entities': 'htmlentitydefs',
                               'html.parser': 'HTMLParser',
                               'http.client': 'httplib',
                               'http.cookiejar': 'cookielib',
                               'http.cookies': 'Cookie',
                               'http.server': 'BaseHTTPServer',
                               'queue': 'Queue',
                               'reprlib': 'repr',
                               'socketserver': 'SocketServer',
                               'subprocess': 'commands',
                               'test.support': 'test.test_support',
                               'tkinter': 'Tkinter',
                               'tkinter.colorchooser': 'tkColorChooser',
                               'tkinter.commondialog': 'tkCommonDialog',
                               'tkinter.constants': 'Tkconstants',
                               'tkinter.dialog': 'Dialog',
                               'tkinter.dnd': 'Tkdnd',
                               'tkinter.filedialog': 'tkFileDialog',
                               'tkinter.font': 'tkFont',
                               'tkinter.messagebox': 'tkMessageBox',
                               'tkinter.scrolledtext': 'ScrolledText',
                               'tkinter.simpledialog': 'tkSimpleDialog',
                               'tkinter.tix': 'Tix',
                               'tkinter.ttk': 'ttk',
                               'urllib.parse': 'urlparse',
                               'urllib.request': 'urllib2',
                               'urllib.robotparser': 'robotparser',
                               'winreg': '_winreg',
                               'xmlrpc.client': 'xmlrpclib',
                               'xmlrpc.server': 'SimpleXMLRPCServer'}
    return name_mapping, import_mapping, reverse_name_mapping, reverse_import_mapping
