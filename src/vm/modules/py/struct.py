"""Packing values into bytes and back (refscope's struct module): pack, unpack,
calcsize, pack_into, unpack_from, iter_unpack and Struct, with all of CPython 3.11's
format characters (x c b B ? h H i I l L q Q n N e f d s p P), repeat counts and the
byte-order prefixes @ = < > !.

'@' (the default) uses the native sizes and alignment of x86-64 Linux, so
calcsize('@ci') is 8 and 'l' takes 8 bytes; '=', '<', '>' and '!' use the standard
sizes ('l' is 4 bytes) with no padding. Integers become bytes with int.to_bytes;
floats are rounded to IEEE 754 single ('f') and half ('e') precision by exact integer
arithmetic, half-way cases to even, as the C casts do. The range checks and the
messages of struct.error are CPython's, including its quirks: on this little-endian
machine '<' and '=' share the native checks for the formats whose sizes agree, while
'>' and '!' use the standard ones. Like CPython, the module functions keep the last
100 compiled formats in a cache keyed by the format object.
"""

import math as _math

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


class error(Exception):
    pass


_SSIZE_MAX = 2**63 - 1
_LONG_MIN = -2**63
_LONG_MAX = 2**63 - 1
_ULONG_MAX = 2**64 - 1
_WHITESPACE = ' \t\n\x0b\x0c\r'
_DIGITS = '0123456789'
_MAXCACHE = 100


# ---------------------------------------------------------------------------
# Turning the Python values into C numbers, with CPython's errors.

def _as_int(v):
    """v itself when it is an int, else what its __index__ returns."""
    if isinstance(v, int):
        return v
    kind = type(v)
    if not hasattr(kind, '__index__'):
        raise error('required argument is not an integer')
    n = kind.__index__(v)
    if not isinstance(n, int):
        raise TypeError('__index__ returned non-int (type %s)' % type(n).__name__)
    return n


def _get_long(v):
    """v as a C long (64 bits), or struct.error."""
    n = _as_int(v)
    if n < _LONG_MIN or n > _LONG_MAX:
        raise error('argument out of range')
    return n


def _get_ulong(v):
    """v as a C unsigned long (64 bits), or struct.error."""
    n = _as_int(v)
    if n < 0 or n > _ULONG_MAX:
        raise error('argument out of range')
    return n


def _to_double(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int):
        return float(v)
    kind = type(v)
    if hasattr(kind, '__float__'):
        x = kind.__float__(v)
        if not isinstance(x, float):
            raise TypeError('__float__ returned non-float')
        return x
    return float(_as_int(v))


def _as_float(v):
    """v as a C double; any failure becomes 'required argument is not a float'."""
    try:
        return _to_double(v)
    except Exception:
        pass
    raise error('required argument is not a float')


def _as_index(v):
    """What __index__ gives for an offset, or the TypeError CPython raises."""
    if isinstance(v, int):
        return v
    kind = type(v)
    if not hasattr(kind, '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % kind.__name__)
    return _as_int(v)


_MISSING = object()


def _no_keywords(name, kwargs):
    if kwargs:
        raise TypeError('%s() takes no keyword arguments' % name)


def _one_argument(name, args, kwargs):
    """The single argument of a C function taking one (METH_O)."""
    _no_keywords(name, kwargs)
    if len(args) != 1:
        raise TypeError('%s() takes exactly one argument (%d given)' % (name, len(args)))
    return args[0]


def _parse_args(name, args, kwargs, names, required, posonly):
    """The arguments of a C function with keywords (Argument Clinic), in the order
    of names, with _MISSING for the optional ones not given; CPython's TypeErrors."""
    nargs = len(args)
    most = len(names)
    if nargs + len(kwargs) > most:
        raise TypeError('%s() takes at most %d %sargument%s (%d given)'
                        % (name, most, 'keyword ' if nargs == 0 else '',
                           '' if most == 1 else 's', nargs + len(kwargs)))
    if nargs < posonly:
        raise TypeError('%s() takes %s %d positional argument%s (%d given)'
                        % (name, 'at least' if posonly < most else 'exactly', posonly,
                           '' if posonly == 1 else 's', nargs))
    values = list(args)
    left = dict(kwargs)
    for i in range(max(nargs, posonly), most):
        if left:
            value = left.pop(names[i], _MISSING)
        elif i >= required:
            break
        else:
            value = _MISSING
        if value is _MISSING and i < required:
            raise TypeError("%s() missing required argument '%s' (pos %d)"
                            % (name, names[i], i + 1))
        values.append(value)
    if left:
        for i in range(posonly, nargs):
            if names[i] in left:
                raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                                % (name, names[i], i + 1))
        raise TypeError("'%s' is an invalid keyword argument for %s()" % (list(left)[0], name))
    while len(values) < most:
        values.append(_MISSING)
    return values


# ---------------------------------------------------------------------------
# Integer packers. Each check takes the value and returns the int to store.

def _named_check(name, lo, hi):
    """np_byte, np_ubyte, np_short, np_ushort: a C long, then a named range."""
    def check(v):
        n = _get_long(v)
        if n < lo or n > hi:
            raise error('%s format requires %d <= number <= %d' % (name, lo, hi))
        return n
    return check


def _signed_check(char, size):
    """A C long, then "'i' format requires -2147483648 <= number <= 2147483647"."""
    hi = 2**(size * 8 - 1) - 1
    def check(v):
        n = _get_long(v)
        if n < -hi - 1 or n > hi:
            raise error("'%s' format requires %d <= number <= %d" % (char, -hi - 1, hi))
        return n
    return check


def _unsigned_check(char, size):
    """A C unsigned long, then "'I' format requires 0 <= number <= 4294967295"."""
    hi = 2**(size * 8) - 1
    def check(v):
        n = _get_ulong(v)
        if n > hi:
            raise error("'%s' format requires 0 <= number <= %d" % (char, hi))
        return n
    return check


def _big_long_long(signed):
    """'>q' and '>Q': CPython writes the int's low 8 bytes straight into the buffer
    and only then finds it too big (an OverflowError), so pack_into leaves them there."""
    lo, hi = (_LONG_MIN, _LONG_MAX) if signed else (0, _ULONG_MAX)

    def pack(buf, pos, v):
        n = _as_int(v)
        if n < 0 and not signed:
            raise OverflowError("can't convert negative int to unsigned")
        buf[pos:pos + 8] = (n % 2**64).to_bytes(8, 'big')
        if n < lo or n > hi:
            raise OverflowError('int too big to convert')

    def unpack(data, pos):
        return int.from_bytes(data[pos:pos + 8], 'big', signed=signed)
    return pack, unpack


def _pointer(v):
    """'P': negative values are taken as C long and stored modulo 2**64."""
    n = _as_int(v)
    if n < 0:
        if n < _LONG_MIN:
            raise OverflowError('Python int too large to convert to C long')
        return n + 2**64
    if n > _ULONG_MAX:
        raise OverflowError('Python int too large to convert to C unsigned long')
    return n


def _int_codec(size, signed, order, check):
    def pack(buf, pos, v):
        buf[pos:pos + size] = check(v).to_bytes(size, order, signed=signed)

    def unpack(data, pos):
        return int.from_bytes(data[pos:pos + size], order, signed=signed)
    return pack, unpack


# ---------------------------------------------------------------------------
# IEEE 754 floats as integers of bits.

def _float_bits(x, exp_bits, mant_bits):
    """The bits of the finite float x rounded half-to-even to a binary format with
    exp_bits exponent bits and mant_bits fraction bits; None when it overflows."""
    sign = 1 << (exp_bits + mant_bits) if _math.copysign(1.0, x) < 0 else 0
    if x == 0:
        return sign
    bias = (1 << (exp_bits - 1)) - 1
    m, e = _math.frexp(abs(x))
    n = int(_math.ldexp(m, 53))             # x == n * 2**(e - 53), 2**52 <= n < 2**53
    top = e - 1                             # the exponent of x's leading bit
    lowest = max(top, 1 - bias) - mant_bits  # the exponent of the last kept bit
    shift = lowest - (e - 53)
    kept = n >> shift
    rest = n - (kept << shift)
    if shift > 0:
        half = 1 << (shift - 1)
        if rest > half or (rest == half and kept & 1):
            kept += 1
    if top < 1 - bias:
        bits = kept                          # subnormal (or rounded up to the smallest normal)
    else:
        bits = ((top + bias) << mant_bits) + kept - (1 << mant_bits)
    if bits >= ((1 << exp_bits) - 1) << mant_bits:
        return None
    return sign | bits


def _special_bits(x, exp_bits, mant_bits):
    """The bits of an infinity or a (quiet) NaN, keeping the sign."""
    sign = 1 << (exp_bits + mant_bits) if _math.copysign(1.0, x) < 0 else 0
    bits = ((1 << exp_bits) - 1) << mant_bits
    if x != x:
        bits |= 1 << (mant_bits - 1)
    return sign | bits


def _bits_float(bits, exp_bits, mant_bits):
    """The float that the bits of a binary format stand for."""
    negative = bits >> (exp_bits + mant_bits)
    exp = (bits >> mant_bits) & ((1 << exp_bits) - 1)
    frac = bits & ((1 << mant_bits) - 1)
    bias = (1 << (exp_bits - 1)) - 1
    if exp == (1 << exp_bits) - 1:
        x = _math.inf if frac == 0 else _math.nan
    elif exp == 0:
        x = _math.ldexp(frac, 1 - bias - mant_bits)
    else:
        x = _math.ldexp(frac + (1 << mant_bits), exp - bias - mant_bits)
    if negative:
        return _math.copysign(x, -1.0)
    return x


def _float_codec(char, size, exp_bits, mant_bits, order, saturate):
    """Packer and unpacker of 'e', 'f' or 'd'. With saturate (native 'f', a C cast)
    a value too large becomes an infinity instead of an OverflowError."""
    def pack(buf, pos, v):
        x = _as_float(v)
        if x - x != 0:
            bits = _special_bits(x, exp_bits, mant_bits)
        else:
            bits = _float_bits(x, exp_bits, mant_bits)
            if bits is None:
                if not saturate:
                    raise OverflowError('float too large to pack with %s format' % char)
                bits = _special_bits(_math.copysign(_math.inf, x), exp_bits, mant_bits)
        buf[pos:pos + size] = bits.to_bytes(size, order)

    def unpack(data, pos):
        return _bits_float(int.from_bytes(data[pos:pos + size], order), exp_bits, mant_bits)
    return pack, unpack


# ---------------------------------------------------------------------------
# The other formats.

def _pack_char(buf, pos, v):
    if not isinstance(v, bytes) or len(v) != 1:
        raise error('char format requires a bytes object of length 1')
    buf[pos:pos + 1] = v


def _unpack_char(data, pos):
    return data[pos:pos + 1]


def _pack_bool(buf, pos, v):
    buf[pos] = 1 if v else 0


def _unpack_bool(data, pos):
    return data[pos] != 0


_BOOL = (_pack_bool, _unpack_bool)
_CHAR = (_pack_char, _unpack_char)


def _table(order, native):
    """char -> (size, alignment, pack, unpack) for one byte order. 'x', 's' and 'p'
    are handled by Struct itself and only need a size here."""
    def ints(size, signed, check):
        return _int_codec(size, signed, order, check)
    byte = ints(1, True, _named_check('byte', -128, 127))
    ubyte = ints(1, False, _named_check('ubyte', 0, 255))
    half = _float_codec('e', 2, 5, 10, order, False)
    double = _float_codec('d', 8, 11, 52, order, False)
    if native:
        return {
            'x': (1, 1, None), 's': (1, 1, None), 'p': (1, 1, None),
            'c': (1, 1, _CHAR), '?': (1, 1, _BOOL),
            'b': (1, 1, byte), 'B': (1, 1, ubyte),
            'h': (2, 2, ints(2, True, _named_check('short', -32768, 32767))),
            'H': (2, 2, ints(2, False, _named_check('ushort', 0, 65535))),
            'i': (4, 4, ints(4, True, _signed_check('i', 4))),
            'I': (4, 4, ints(4, False, _unsigned_check('I', 4))),
            'l': (8, 8, ints(8, True, _get_long)),
            'L': (8, 8, ints(8, False, _get_ulong)),
            'q': (8, 8, ints(8, True, _get_long)),
            'Q': (8, 8, ints(8, False, _get_ulong)),
            'n': (8, 8, ints(8, True, _get_long)),
            'N': (8, 8, ints(8, False, _get_ulong)),
            'P': (8, 8, ints(8, False, _pointer)),
            'e': (2, 2, half),
            'f': (4, 4, _float_codec('f', 4, 8, 23, order, True)),
            'd': (8, 8, double),
        }
    table = {
        'x': (1, 0, None), 's': (1, 0, None), 'p': (1, 0, None),
        'c': (1, 0, _CHAR), '?': (1, 0, _BOOL),
        'b': (1, 0, byte), 'B': (1, 0, ubyte),
        'h': (2, 0, ints(2, True, _signed_check('h', 2))),
        'H': (2, 0, ints(2, False, _unsigned_check('H', 2))),
        'i': (4, 0, ints(4, True, _signed_check('i', 4))),
        'I': (4, 0, ints(4, False, _unsigned_check('I', 4))),
        'l': (4, 0, ints(4, True, _signed_check('l', 4))),
        'L': (4, 0, ints(4, False, _unsigned_check('L', 4))),
        'q': (8, 0, _big_long_long(True)),
        'Q': (8, 0, _big_long_long(False)),
        'e': (2, 0, half),
        'f': (4, 0, _float_codec('f', 4, 8, 23, order, False)),
        'd': (8, 0, double),
    }
    if order == 'little':
        # What CPython does on a little-endian machine: the standard formats whose
        # size is the native one use the native packers (and their messages).
        native_table = _table('little', True)
        for char in 'bBhHiIqQ':
            table[char] = (table[char][0], 0, native_table[char][2])
    return table


_NATIVE = _table('little', True)
_LITTLE = _table('little', False)
_BIG = _table('big', False)
_TABLES = {'@': _NATIVE, '=': _LITTLE, '<': _LITTLE, '>': _BIG, '!': _BIG}


def _compile(fmt):
    """Parses a format (a str of code points below 256): returns the size, the
    number of items and the runs (char, count, offset, itemsize, codec)."""
    if '\0' in fmt:
        raise error('embedded null character')
    table = _NATIVE
    i = 0
    if fmt and fmt[0] in _TABLES:
        table = _TABLES[fmt[0]]
        i = 1
    size = 0
    items = 0
    runs = []
    end = len(fmt)
    while i < end:
        c = fmt[i]
        i += 1
        if c in _WHITESPACE:
            continue
        if c in _DIGITS:
            num = _DIGITS.index(c)
            while i < end and fmt[i] in _DIGITS:
                num = num * 10 + _DIGITS.index(fmt[i])
                if num > _SSIZE_MAX:
                    raise error('total struct size too long')
                i += 1
            if i == end:
                raise error('repeat count given without format specifier')
            c = fmt[i]
            i += 1
        else:
            num = 1
        entry = table.get(c)
        if entry is None:
            raise error('bad char in struct format')
        itemsize, alignment, codec = entry
        if alignment and size > 0:
            size += (alignment - 1) - (size - 1) % alignment
            if size > _SSIZE_MAX:
                raise error('total struct size too long')
        if num > (_SSIZE_MAX - size) // itemsize:
            raise error('total struct size too long')
        if c in 'sp':
            items += 1
            runs.append((c, num, size, num, None))
        elif c != 'x':
            items += num
            if num:
                runs.append((c, num, size, itemsize, codec))
        size += num * itemsize
    return size, items, runs


def _readable(buffer):
    """The bytes of a bytes-like object: bytes, bytearray, array, memoryview."""
    if isinstance(buffer, bytes):
        return buffer
    try:
        view = memoryview(buffer)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(buffer).__name__) from None
    with view:
        return view.tobytes()


class Struct:
    """A compiled format: Struct(format) packs and unpacks like the functions of
    the module, without parsing the format again."""

    __slots__ = ('_format', '_size', '_items', '_runs')

    def __init__(self, *args, **kwargs):
        format, = _parse_args('Struct', args, kwargs, ('format',), 1, 0)
        if isinstance(format, str):
            format = format.encode('ascii')
        elif not isinstance(format, bytes):
            raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                            % type(format).__name__)
        self._size, self._items, self._runs = _compile(format.decode('latin-1'))
        self._format = format

    @property
    def format(self):
        """The format string the Struct was made with."""
        return self._format.decode('latin-1')

    @property
    def size(self):
        """The number of bytes pack() returns and unpack() needs."""
        return self._size

    def _write(self, buf, start, values):
        """Packs values into buf from start on (the bytes there are zero already)."""
        k = 0
        for c, num, offset, itemsize, codec in self._runs:
            pos = start + offset
            if codec is None:
                _write_string(buf, pos, c, num, values[k])
                k += 1
                continue
            pack = codec[0]
            for _ in range(num):
                v = values[k]
                k += 1
                overflow = False
                try:
                    pack(buf, pos, v)
                except OverflowError:
                    if not isinstance(v, int):
                        raise
                    overflow = True
                if overflow:
                    raise error('int too large to convert')
                pos += itemsize

    def _read(self, data, start):
        out = []
        for c, num, offset, itemsize, codec in self._runs:
            pos = start + offset
            if codec is None:
                out.append(_read_string(data, pos, c, num))
                continue
            unpack = codec[1]
            for _ in range(num):
                out.append(unpack(data, pos))
                pos += itemsize
        return tuple(out)

    def pack(self, *values, **kwargs):
        """Returns bytes holding the values packed by the format."""
        _no_keywords('Struct.pack', kwargs)
        if len(values) != self._items:
            raise error('pack expected %d items for packing (got %d)'
                        % (self._items, len(values)))
        buf = bytearray(self._size)
        self._write(buf, 0, values)
        return bytes(buf)

    def pack_into(self, *args, **kwargs):
        """pack_into(buffer, offset, *values): packs the values into the writable
        buffer (a bytearray or a writable memoryview) starting at offset; a negative
        offset counts from the end."""
        _no_keywords('Struct.pack_into', kwargs)
        if len(args) != self._items + 2:
            if not args:
                raise error('pack_into expected buffer argument')
            if len(args) == 1:
                raise error('pack_into expected offset argument')
            raise error('pack_into expected %d items for packing (got %d)'
                        % (self._items, len(args) - 2))
        buffer = args[0]
        if isinstance(buffer, memoryview) and not buffer.readonly:
            buffer = buffer.cast('B')
        elif not isinstance(buffer, bytearray):
            raise TypeError('argument must be read-write bytes-like object, not %s'
                            % type(buffer).__name__)
        offset = _as_index(args[1])
        if offset < -_SSIZE_MAX - 1 or offset > _SSIZE_MAX:
            raise IndexError("cannot fit '%s' into an index-sized integer"
                             % type(args[1]).__name__)
        size = self._size
        length = len(buffer)
        if offset < 0:
            if offset + size > 0:
                raise error('no space to pack %d bytes at offset %d' % (size, offset))
            if offset + length < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, length))
            offset += length
        if length - offset < size:
            raise error('pack_into requires a buffer of at least %d bytes for packing '
                        '%d bytes at offset %d (actual buffer size is %d)'
                        % (size + offset, size, offset, length))
        buffer[offset:offset + size] = bytes(size)
        self._write(buffer, offset, args[2:])

    def unpack(self, *args, **kwargs):
        """unpack(buffer): the tuple of values packed in buffer, which must hold
        exactly size bytes."""
        data = _readable(_one_argument('Struct.unpack', args, kwargs))
        if len(data) != self._size:
            raise error('unpack requires a buffer of %d bytes' % self._size)
        return self._read(data, 0)

    def unpack_from(self, *args, **kwargs):
        """unpack_from(buffer, offset=0): the tuple of values packed in buffer from
        offset on; the buffer may be longer. A negative offset counts from the end."""
        buffer, offset = _parse_args('unpack_from', args, kwargs, ('buffer', 'offset'), 1, 0)
        data = _readable(buffer)
        start = 0 if offset is _MISSING else _as_index(offset)
        if start < -_SSIZE_MAX - 1 or start > _SSIZE_MAX:
            raise OverflowError('Python int too large to convert to C ssize_t')
        size = self._size
        length = len(data)
        if start < 0:
            if start + size > 0:
                raise error('not enough data to unpack %d bytes at offset %d'
                            % (size, start))
            if start + length < 0:
                raise error('offset %d out of range for %d-byte buffer' % (start, length))
            start += length
        if length - start < size:
            raise error('unpack_from requires a buffer of at least %d bytes for '
                        'unpacking %d bytes at offset %d (actual buffer size is %d)'
                        % (size + start, size, start, length))
        return self._read(data, start)

    def iter_unpack(self, *args, **kwargs):
        """iter_unpack(buffer): an iterator over the tuples packed one after the
        other in buffer, whose length must be a multiple of size."""
        buffer = _one_argument('Struct.iter_unpack', args, kwargs)
        if self._size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        data = _readable(buffer)
        if len(data) % self._size != 0:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % self._size)
        return unpack_iterator(self, data)


def _write_string(buf, pos, c, num, v):
    """Packs an 's' (num bytes, cut or padded with zeros) or a 'p' (a length byte,
    then at most num - 1 bytes)."""
    if not isinstance(v, (bytes, bytearray)):
        raise error("argument for '%s' must be a bytes object" % c)
    n = len(v)
    if c == 's':
        if n > num:
            n = num
        if n > 0:
            buf[pos:pos + n] = v[:n]
        return
    if n > num - 1:
        n = num - 1
    if n > 0:
        buf[pos + 1:pos + 1 + n] = v[:n]
    if n > 255:
        n = 255
    # A '0p' still writes its length byte (255), over whatever follows it.
    if pos < len(buf):
        buf[pos] = n & 0xff


def _read_string(data, pos, c, num):
    if c == 's':
        return data[pos:pos + num]
    n = data[pos] if pos < len(data) else 0
    if n >= num:
        n = num - 1
    if n < 0:
        raise SystemError('Negative size passed to PyBytes_FromStringAndSize')
    return data[pos + 1:pos + 1 + n]


class unpack_iterator:
    """What iter_unpack returns: the tuples of a buffer, one struct at a time."""

    __slots__ = ('_struct', '_data', '_index')

    def __init__(self, struct, data):
        self._struct = struct
        self._data = data
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._struct is None or self._index >= len(self._data):
            self._struct = None
            self._data = b''
            raise StopIteration
        values = self._struct._read(self._data, self._index)
        self._index += self._struct._size
        return values

    def __length_hint__(self):
        if self._struct is None:
            return 0
        return (len(self._data) - self._index) // self._struct._size


Struct.__module__ = '_struct'
unpack_iterator.__module__ = '_struct'

_cache = {}


def _get_struct(format):
    """The Struct of a format, from the cache when it was used lately."""
    s = _cache.get(format)
    if s is None:
        s = Struct(format)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[format] = s
    return s


def _clearcache():
    """Empties the cache of compiled formats."""
    _cache.clear()


def calcsize(*args, **kwargs):
    """calcsize(format): the size in bytes of the struct described by the format."""
    return _get_struct(_one_argument('_struct.calcsize', args, kwargs))._size


def pack(*args, **kwargs):
    """pack(format, v1, v2, ...): the values packed into bytes by the format."""
    _no_keywords('_struct.pack', kwargs)
    if not args:
        raise TypeError('missing format argument')
    return _get_struct(args[0]).pack(*args[1:])


def pack_into(*args, **kwargs):
    """pack_into(format, buffer, offset, v1, v2, ...): packs the values into the
    bytearray buffer from offset on."""
    _no_keywords('_struct.pack_into', kwargs)
    if not args:
        raise TypeError('missing format argument')
    return _get_struct(args[0]).pack_into(*args[1:])


def _two_arguments(name, args, kwargs):
    _no_keywords('_struct.' + name, kwargs)
    if len(args) != 2:
        raise TypeError('%s expected 2 arguments, got %d' % (name, len(args)))
    return args


def unpack(*args, **kwargs):
    """unpack(format, buffer): the tuple of values packed in buffer, which must
    hold exactly calcsize(format) bytes."""
    format, buffer = _two_arguments('unpack', args, kwargs)
    return _get_struct(format).unpack(buffer)


def unpack_from(*args, **kwargs):
    """unpack_from(format, /, buffer, offset=0): the tuple of values packed in
    buffer from offset on."""
    format, buffer, offset = _parse_args('unpack_from', args, kwargs,
                                         ('format', 'buffer', 'offset'), 2, 1)
    if offset is _MISSING:
        offset = 0
    return _get_struct(format).unpack_from(buffer, offset)


def iter_unpack(*args, **kwargs):
    """iter_unpack(format, buffer): an iterator over the tuples packed one after
    the other in buffer."""
    format, buffer = _two_arguments('iter_unpack', args, kwargs)
    return _get_struct(format).iter_unpack(buffer)
