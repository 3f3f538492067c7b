"""Conversions between binary data and ASCII (refscope's binascii module), written in
Python where CPython's is in C: hexlify/b2a_hex (with sep and bytes_per_sep),
unhexlify/a2b_hex, b2a_base64, a2b_base64 (with strict_mode), b2a_uu, a2b_uu, crc32
and crc_hqx, with the exceptions Error (a ValueError) and Incomplete.

The results and the messages of the errors are CPython 3.11's, including its quirks:
a2b_base64 skips characters outside the alphabet unless strict_mode is true and stops
at the first complete padding; a2b_uu of an empty line gives 32 zero bytes (the C code
reads the terminating NUL as the length character). The quoted-printable functions
(b2a_qp, a2b_qp) are not provided.
"""

__all__ = ['Error', 'Incomplete', 'hexlify', 'b2a_hex', 'unhexlify', 'a2b_hex',
           'b2a_base64', 'a2b_base64', 'b2a_uu', 'a2b_uu', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


# ---------------------------------------------------------------------------
# Arguments: the C functions take "Py_buffer" (any bytes-like object) or, for the
# decoders, "ascii_buffer" (a bytes-like object or a str of ASCII characters).

def _bytes_like(data):
    """The bytes of a bytes-like object, or CPython's TypeError."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None
    return view.tobytes()


def _ascii_data(data):
    """The bytes of a bytes-like object or of an ASCII-only str."""
    if isinstance(data, str):
        for ch in data:
            if ord(ch) > 127:
                raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError('argument should be bytes, buffer or ASCII string, not %r'
                        % type(data).__name__) from None
    return view.tobytes()


def _one_positional(func_name, args):
    """The single positional argument of a function that also takes keywords, with
    the message of CPython's argument clinic when there is not exactly one."""
    if len(args) != 1:
        raise TypeError('%s() takes exactly 1 positional argument (%d given)'
                        % (func_name, len(args)))
    return args[0]


def _unsigned_int(value, bits):
    """value as a C unsigned int converted 'bitwise': any int, kept modulo 2**bits."""
    if not isinstance(value, int):
        index = getattr(type(value), '__index__', None)
        if index is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(value).__name__)
        value = index(value)
    return value & ((1 << bits) - 1)


# ---------------------------------------------------------------------------
# Hexadecimal.

_HEX_PAIRS = ['%02x' % n for n in range(256)]


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data.

    sep (one character, str or bytes) goes between groups of abs(bytes_per_sep)
    bytes, counted from the right when bytes_per_sep is positive and from the left
    when it is negative.
    """
    raw = _bytes_like(data)
    pairs = [_HEX_PAIRS[b] for b in raw]
    if sep is None:
        return ''.join(pairs).encode('ascii')
    if len(sep) != 1:
        raise ValueError('sep must be length 1.')
    # CPython lets through any one-byte separator, even a non-ASCII one like 'é'.
    if isinstance(sep, str):
        if ord(sep) > 255:
            raise ValueError('sep must be ASCII.')
        sep_char = sep
    elif isinstance(sep, bytes):
        sep_char = chr(sep[0])
    else:
        raise TypeError('sep must be str or bytes.')
    if not isinstance(bytes_per_sep, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(bytes_per_sep).__name__)
    if bytes_per_sep > 2**31 - 1 or bytes_per_sep < -2**31:
        raise OverflowError('Python int too large to convert to C int')
    group = abs(bytes_per_sep)
    if group == 0 or len(pairs) <= group:
        return ''.join(pairs).encode('ascii')
    if bytes_per_sep > 0:
        # Counted from the right: the first group holds what is left over.
        first = len(pairs) % group or group
        chunks = [''.join(pairs[:first])]
        for start in range(first, len(pairs), group):
            chunks.append(''.join(pairs[start:start + group]))
    else:
        chunks = [''.join(pairs[start:start + group])
                  for start in range(0, len(pairs), group)]
    return sep_char.join(chunks).encode('latin-1')


b2a_hex = hexlify

_HEX_VALUES = {}
for _n, _ch in enumerate(b'0123456789abcdef'):
    _HEX_VALUES[_ch] = _n
for _n, _ch in enumerate(b'ABCDEF'):
    _HEX_VALUES[_ch] = 10 + _n
del _n, _ch


def unhexlify(hexstr):
    """Binary data of a hexadecimal representation (an even number of hex digits)."""
    raw = _ascii_data(hexstr)
    if len(raw) % 2:
        raise Error('Odd-length string')
    out = bytearray()
    for i in range(0, len(raw), 2):
        high = _HEX_VALUES.get(raw[i])
        low = _HEX_VALUES.get(raw[i + 1])
        if high is None or low is None:
            raise Error('Non-hexadecimal digit found')
        out.append(high * 16 + low)
    return bytes(out)


a2b_hex = unhexlify


# ---------------------------------------------------------------------------
# Base64.

_B64_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_VALUES = [64] * 256
for _n, _ch in enumerate(_B64_ALPHABET):
    _B64_VALUES[_ch] = _n
del _n, _ch
_PAD = 61     # ord('=')


def b2a_base64(*args, newline=True):
    """b2a_base64(data, *, newline=True): the base64 encoding of binary data, with a
    newline at the end when newline is true."""
    raw = _bytes_like(_one_positional('b2a_base64', args))
    out = bytearray()
    alphabet = _B64_ALPHABET
    full = len(raw) - len(raw) % 3
    for i in range(0, full, 3):
        n = (raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2]
        out.append(alphabet[n >> 18])
        out.append(alphabet[(n >> 12) & 63])
        out.append(alphabet[(n >> 6) & 63])
        out.append(alphabet[n & 63])
    rest = len(raw) - full
    if rest == 1:
        n = raw[full]
        out += bytes([alphabet[n >> 2], alphabet[(n & 3) << 4], _PAD, _PAD])
    elif rest == 2:
        n = (raw[full] << 8) | raw[full + 1]
        out += bytes([alphabet[n >> 10], alphabet[(n >> 4) & 63],
                      alphabet[(n & 15) << 2], _PAD])
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(*args, strict_mode=False):
    """a2b_base64(data, *, strict_mode=False): the binary data of base64 text.

    Without strict_mode, characters outside the alphabet are skipped and decoding
    stops at the padding that completes a group of four. With it, anything but
    well-formed base64 raises Error.
    """
    raw = _ascii_data(_one_positional('a2b_base64', args))
    values = _B64_VALUES
    out = bytearray()
    if strict_mode and raw and raw[0] == _PAD:
        raise Error('Leading padding not allowed')
    quad_pos = 0
    left = 0
    pads = 0
    padding_started = False
    count = len(raw)
    for i in range(count):
        ch = raw[i]
        if ch == _PAD:
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    # The padding completes the group: nothing after it is decoded.
                    if strict_mode and i + 1 < count:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        value = values[ch]
        if value >= 64:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            left = value
            quad_pos = 1
        elif quad_pos == 1:
            out.append(((left << 2) | (value >> 4)) & 0xff)
            left = value & 0x0f
            quad_pos = 2
        elif quad_pos == 2:
            out.append(((left << 4) | (value >> 2)) & 0xff)
            left = value & 0x03
            quad_pos = 3
        else:
            out.append(((left << 6) | value) & 0xff)
            left = 0
            quad_pos = 0
    if quad_pos == 1:
        # One lone character past complete groups: no input encodes to that. CPython
        # counts the characters from the bytes decoded so far.
        raise Error('Invalid base64-encoded string: number of data characters (%d) '
                    'cannot be 1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))
    if quad_pos != 0:
        raise Error('Incorrect padding')
    return bytes(out)


# ---------------------------------------------------------------------------
# uuencode, one line (at most 45 bytes) at a time.

def b2a_uu(*args, backtick=False):
    """b2a_uu(data, *, backtick=False): one uuencoded line (with its newline) of at
    most 45 bytes of data."""
    raw = _bytes_like(_one_positional('b2a_uu', args))
    if len(raw) > 45:
        raise Error('At most 45 bytes at once')
    out = bytearray()
    if backtick and not raw:
        out.append(96)
    else:
        out.append(32 + len(raw))
    padded = raw + b'\0' * (-len(raw) % 3)
    for i in range(0, len(padded), 3):
        n = (padded[i] << 16) | (padded[i + 1] << 8) | padded[i + 2]
        for shift in (18, 12, 6, 0):
            six = (n >> shift) & 63
            out.append(96 if backtick and six == 0 else 32 + six)
    out.append(10)
    return bytes(out)


def a2b_uu(data):
    """The bytes of one uuencoded line."""
    raw = _ascii_data(data)
    # The C code reads the buffer's terminating NUL as the length of an empty line.
    length = ((raw[0] if raw else 0) - 32) & 63
    pos = 1
    out = bytearray()
    bits = 0
    acc = 0
    while len(out) < length:
        ch = raw[pos] if pos < len(raw) else 10
        pos += 1
        if ch == 10 or ch == 13:
            # Spaces eaten at the end of the line: read them as zeros.
            six = 0
        else:
            if ch < 32 or ch > 96:
                raise Error('Illegal char')
            six = (ch - 32) & 63
        acc = (acc << 6) | six
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xff)
            acc &= (1 << bits) - 1
    for ch in raw[pos:]:
        if ch not in (32, 96, 10, 13):
            raise Error('Trailing garbage')
    return bytes(out)


# ---------------------------------------------------------------------------
# Checksums, table driven.

def _crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


def _crc_hqx_table():
    table = []
    for n in range(256):
        c = n << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) if c & 0x8000 else c << 1
        table.append(c & 0xffff)
    return table


_CRC32_TABLE = _crc32_table()
_CRC_HQX_TABLE = _crc_hqx_table()


def crc32(data, crc=0, /):
    """The CRC-32 of data (as zlib and PNG compute it), continuing from crc."""
    raw = _bytes_like(data)
    c = _unsigned_int(crc, 32) ^ 0xffffffff
    table = _CRC32_TABLE
    for b in raw:
        c = table[(c ^ b) & 0xff] ^ (c >> 8)
    return c ^ 0xffffffff


def crc_hqx(data, crc, /):
    """The 16-bit CRC-CCITT (XModem) of data, continuing from crc."""
    raw = _bytes_like(data)
    c = _unsigned_int(crc, 32) & 0xffff
    table = _CRC_HQX_TABLE
    for b in raw:
        c = ((c << 8) & 0xff00) ^ table[(c >> 8) ^ b]
    return c
