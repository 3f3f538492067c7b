"""Base16, Base32, Base64, Base85 and Ascii85 encodings (refscope's base64 module):
b64encode/b64decode (altchars, validate), standard_b64*, urlsafe_b64*, b32encode,
b32decode (casefold, map01), b32hexencode/b32hexdecode, b16encode/b16decode,
a85encode/a85decode, b85encode/b85decode, encodebytes/decodebytes and the legacy
file functions encode/decode.

Results and errors are CPython 3.11's: the decoders accept bytes-like objects and
ASCII-only str, the encoders only bytes-like objects, and malformed input raises
binascii.Error (a ValueError) with CPython's messages, or ValueError for the 85
encodings. Base64 itself is done by refscope's binascii module. The command-line
interface (main) is not provided.
"""

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes',
           'b64encode', 'b64decode', 'b32encode', 'b32decode',
           'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'b85encode', 'b85decode', 'a85encode', 'a85decode',
           'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode']

bytes_types = (bytes, bytearray)


# ---------------------------------------------------------------------------
# Arguments.

def _bytes_from_decode_data(s):
    """What the decoders accept: an ASCII str or a bytes-like object, as bytes."""
    if isinstance(s, str):
        for ch in s:
            if ord(ch) > 127:
                raise ValueError('string argument should contain only ASCII characters')
        return s.encode('ascii')
    if isinstance(s, bytes_types):
        return bytes(s)
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII string, not %r'
                        % type(s).__name__) from None


def _to_bytes(b):
    """What the encoders that do not go through binascii accept, as bytes."""
    if isinstance(b, bytes_types):
        return bytes(b)
    if isinstance(b, memoryview):
        return b.tobytes()
    try:
        return memoryview(b).tobytes()
    except TypeError:
        raise TypeError("memoryview: a bytes-like object is required, not '%s'"
                        % type(b).__name__) from None


def _translate(data, source, target):
    """data (bytes-like) with each byte of source replaced by the byte of target at the
    same position."""
    return bytes(data).translate(bytes.maketrans(source, target))


# ---------------------------------------------------------------------------
# Base64, through binascii.

def b64encode(s, altchars=None):
    """Encode the bytes-like object s using Base64 and return a bytes object.

    altchars, two bytes, replace '+' and '/' (for URLs or file names, say).
    """
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        if isinstance(altchars, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return _translate(encoded, b'+/', _to_bytes(altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s.

    Without validate, characters outside the alphabet are discarded before the
    padding check; with it, they raise binascii.Error.
    """
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, altchars, b'+/')
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """Encode bytes-like object s using the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode bytes encoded with the standard Base64 alphabet."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """Encode bytes-like object s using the URL- and filesystem-safe alphabet, with
    '-' instead of '+' and '_' instead of '/'."""
    return _translate(b64encode(s), b'+/', b'-_')


def urlsafe_b64decode(s):
    """Decode bytes encoded with the URL- and filesystem-safe Base64 alphabet."""
    s = _bytes_from_decode_data(s)
    s = _translate(s, b'-_', b'+/')
    return b64decode(s)


# ---------------------------------------------------------------------------
# Base32: groups of 5 bytes become 8 characters.

_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'

# Characters of the last group that stay when the input ends 1, 2, 3 or 4 bytes
# into a group of 5; the rest of the 8 become '='.
_B32_KEEP = {1: 2, 2: 4, 3: 5, 4: 7}
# The other way round: bytes decoded from a last group with this many '='.
_B32_BYTES_FOR_PADDING = {1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    data = _to_bytes(s)
    leftover = len(data) % 5
    if leftover:
        data = data + bytes(5 - leftover)
    out = bytearray()
    for start in range(0, len(data), 5):
        group = int.from_bytes(data[start:start + 5], 'big')
        for shift in range(35, -1, -5):
            out.append(alphabet[(group >> shift) & 31])
    if leftover:
        keep = _B32_KEEP[leftover]
        out[len(out) - 8 + keep:] = b'=' * (8 - keep)
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    values = {}
    for n, ch in enumerate(alphabet):
        values[ch] = n
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        # RFC 3548 section 2.4: read the digit 0 as O and 1 as map01 (I or L).
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = _translate(s, b'01', b'O' + map01)
    if casefold:
        s = s.upper()
    total = len(s)
    s = s.rstrip(b'=')
    padchars = total - len(s)
    out = bytearray()
    group = 0
    for start in range(0, len(s), 8):
        group = 0
        for ch in s[start:start + 8]:
            value = values.get(ch)
            if value is None:
                raise binascii.Error('Non-base32 digit found')
            group = (group << 5) | value
        out += group.to_bytes(5, 'big')
    if padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        # The last group was short: shift in the bits of the padding and keep the
        # bytes it really encodes.
        last = (group << (5 * padchars)).to_bytes(5, 'big')
        del out[-5:]
        out += last[:_B32_BYTES_FOR_PADDING[padchars]]
    return bytes(out)


def b32encode(s):
    """Encode the bytes-like object s using base32 and return a bytes object."""
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    """Decode the base32 encoded bytes-like object or ASCII string s.

    casefold accepts a lowercase alphabet; map01, when not None, is the letter (I or
    L) the digit 1 stands for, and 0 then stands for O.
    """
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    """Encode the bytes-like object s using base32hex and return a bytes object."""
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    """Decode the base32hex encoded bytes-like object or ASCII string s."""
    return _b32decode(_b32hexalphabet, s, casefold)


# ---------------------------------------------------------------------------
# Base16: upper-case hexadecimal.

def b16encode(s):
    """Encode the bytes-like object s using Base16 and return a bytes object."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode the Base16 encoded bytes-like object or ASCII string s; casefold
    accepts lower-case digits."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for ch in s:
        if not (48 <= ch <= 57 or 65 <= ch <= 70):
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---------------------------------------------------------------------------
# Ascii85 and base85: groups of 4 bytes become 5 base-85 digits.

_A85START = b'<~'
_A85END = b'~>'
_a85alphabet = bytes(range(33, 118))
_b85alphabet = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    data = _to_bytes(b)
    padding = -len(data) % 4
    data = data + bytes(padding)
    chunks = []
    for start in range(0, len(data), 4):
        word = int.from_bytes(data[start:start + 4], 'big')
        if foldnuls and word == 0:
            chunks.append(b'z')
        elif foldspaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            digits = bytearray(5)
            for i in range(4, -1, -1):
                word, digit = divmod(word, 85)
                digits[i] = alphabet[digit]
            chunks.append(bytes(digits))
    if padding and not pad:
        # The last group came from zero bytes added here: drop their digits.
        if chunks[-1] == b'z':
            chunks[-1] = bytes([alphabet[0]]) * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode bytes-like object b using Ascii85 and return a bytes object.

    foldspaces writes 'y' for four spaces (as btoa does); wrapcol, when not zero,
    breaks the output into lines of at most that many characters; pad pads the
    input to a multiple of 4 bytes; adobe frames the result with <~ and ~>.
    """
    result = _85encode(b, _a85alphabet, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(lines[-1]) + 2 > wrapcol:
            # The closing ~> goes on a line of its own.
            lines.append(b'')
        result = b'\n'.join(lines)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode the Ascii85 encoded bytes-like object or ASCII string b.

    foldspaces accepts 'y' for four spaces; adobe expects the input framed by <~ and
    ~> (the opening one optional); the bytes of ignorechars are skipped.
    """
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError('Ascii85 encoded byte sequences must end with %r' % _A85END)
        if b.startswith(_A85START):
            b = b[2:-2]
        else:
            b = b[:-2]
    out = bytearray()
    group = []
    # Four 'u' (digit 84) at the end complete a short last group; the bytes they
    # produce are cut off below.
    for ch in b + b'uuuu':
        if 33 <= ch <= 117:
            group.append(ch - 33)
            if len(group) == 5:
                word = 0
                for digit in group:
                    word = word * 85 + digit
                if word > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += word.to_bytes(4, 'big')
                group = []
        elif ch == 122:                       # 'z': four zero bytes
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and ch == 121:        # 'y': four spaces
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif ch in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % ch)
    padding = 4 - len(group)
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


def b85encode(b, pad=False):
    """Encode bytes-like object b in base85 format (as git and Mercurial do); pad
    pads the input with zero bytes to a multiple of 4."""
    return _85encode(b, _b85alphabet, pad)


_b85values = [None] * 256
for _n, _ch in enumerate(_b85alphabet):
    _b85values[_ch] = _n
del _n, _ch


def b85decode(b):
    """Decode the base85-encoded bytes-like object or ASCII string b."""
    b = _bytes_from_decode_data(b)
    padding = -len(b) % 5
    b = b + b'~' * padding
    out = bytearray()
    for start in range(0, len(b), 5):
        word = 0
        for offset in range(5):
            value = _b85values[b[start + offset]]
            if value is None:
                raise ValueError('bad base85 character at position %d' % (start + offset))
            word = word * 85 + value
        if word > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % start)
        out += word.to_bytes(4, 'big')
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


# ---------------------------------------------------------------------------
# The legacy interface: base64 in lines of 76 characters.

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode a file; input and output are binary files."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode a file; input and output are binary files."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    try:
        view = memoryview(s)
    except TypeError:
        raise TypeError('expected bytes-like object, not %s' % type(s).__name__) from None
    if view.format not in ('c', 'b', 'B'):
        raise TypeError('expected single byte elements, not %r from %s'
                        % (view.format, type(s).__name__))
    if view.ndim != 1:
        raise TypeError('expected 1-D data, not %d-D data from %s'
                        % (view.ndim, type(s).__name__))


def encodebytes(s):
    """Encode a bytestring into a bytes object containing multiple lines of base-64
    data (76 characters and a newline each)."""
    _input_type_check(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE])
                    for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """Decode a bytestring of base-64 data into a bytes object."""
    _input_type_check(s)
    return binascii.a2b_base64(s)
