# struct reports bad formats, bad values and bad buffers with struct.error
# (and TypeError, ValueError, IndexError, OverflowError where CPython does).
import struct


def attempt(call, *args):
    try:
        result = call(*args)
    except (struct.error, TypeError, ValueError, IndexError, OverflowError, SystemError) as e:
        print(type(e).__name__ + ':', e)
    else:
        print('ok:', result)


print(struct.error, issubclass(struct.error, Exception))

# Formats.
for fmt in ['y', '<n', '>P', '3', '3 i', '2\t', ' <i', 'i\0', '99999999999999999999i',
            '4611686018427387904h', '9223372036854775807x']:
    attempt(struct.calcsize, fmt)
attempt(struct.calcsize, 1)
attempt(struct.Struct, 'é')

# Integers out of range: the checks differ between native and standard formats.
for fmt in ['b', 'B', 'h', 'H', '<h', '>h', '>H', 'i', 'I', '<I', '<l', '>L', 'l', 'q', '>q',
            '<Q', '>Q', 'n', 'N', 'P']:
    for value in [-2 ** 64, -2 ** 31 - 1, -1, 2 ** 16, 2 ** 32, 2 ** 64]:
        attempt(struct.pack, fmt, value)
for value in [1.0, '1', None]:
    attempt(struct.pack, 'i', value)

# Floats.
for fmt in ['<f', 'f', 'e', '>e', 'd']:
    for value in [1e300, 65520.0, 10 ** 300, 10 ** 400, 'x']:
        attempt(struct.pack, fmt, value)

# Chars and strings.
for fmt, value in [('c', b'ab'), ('c', 'a'), ('c', bytearray(b'a')), ('s', 'a'), ('p', 1),
                   ('3s', bytearray(b'xy'))]:
    attempt(struct.pack, fmt, value)
attempt(struct.unpack, '0p', b'')

# Item counts.
attempt(struct.pack, 'ii', 1)
attempt(struct.pack, 'x', 1)
attempt(struct.pack)
attempt(struct.Struct('i').pack_into)
attempt(struct.Struct('i').pack_into, bytearray(4))
attempt(struct.pack_into, 'i', bytearray(4), 0, 1, 2)

# Buffers and offsets.
attempt(struct.unpack, 'i', b'abc')
attempt(struct.unpack, 'i', 'abcd')
attempt(struct.unpack)
attempt(struct.unpack_from, 'i', b'abcdef', 3)
attempt(struct.unpack_from, 'i', b'abcdef', -1)
attempt(struct.unpack_from, 'i', b'abcdef', -7)
attempt(struct.unpack_from, 'i', b'abcdef', 1.0)
attempt(struct.unpack_from, 'i')
attempt(struct.pack_into, 'i', bytearray(6), 3, 1)
attempt(struct.pack_into, 'i', bytearray(6), -1, 1)
attempt(struct.pack_into, 'i', bytearray(6), -7, 1)
attempt(struct.pack_into, 'i', b'abcd', 0, 1)
attempt(struct.pack_into, 'i', bytearray(4), 2 ** 64, 1)
attempt(struct.iter_unpack, 'i', b'abc')
attempt(struct.iter_unpack, '0s', b'')

# A failed pack_into leaves what it packed before the bad value.
buf = bytearray(b'\xee' * 16)
attempt(struct.pack_into, '<ixi', buf, 0, 7, 'z')
print(buf)
buf = bytearray(b'\xee' * 8)
attempt(struct.pack_into, '>q', buf, 0, 2 ** 70 + 5)
print(buf)

# An uncaught struct.error ends the program.
struct.pack('>h', 40000)
