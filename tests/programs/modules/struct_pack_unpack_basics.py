# struct turns Python values into the C bytes they would occupy, and back.
import struct
import sys

# The int 1 is a 28-byte object on the heap, but packs into 4 bytes as a C int.
one = struct.pack('i', 1)
print(one, len(one), sys.getsizeof(1))
print(struct.unpack('i', one))

# Byte order: native (@), standard little (<, =) and big (>, !) endian.
for prefix in '@=<>!':
    print(prefix, struct.pack(prefix + 'hiq', 1, 2, 3).hex())

# Native sizes and alignment (x86-64) against the standard sizes.
for fmt in ['c', 'ci', 'ic', 'cq', 'chi', 'c0i', 'l', 'L', 'P', 'n', 'N', '?', 'e', 'f', 'd',
            '3s', '10p', '2x', 'cd', 'bhilqfd']:
    line = ['%-8s' % fmt, '@', struct.calcsize('@' + fmt)]
    if fmt[-1] not in 'PnN':
        line += ['=', struct.calcsize('=' + fmt)]
    print(*line)

print(struct.pack('@ci', b'*', 7))
print(struct.pack('=ci', b'*', 7))

# Every integer format at its limits, both ways.
limits = {'b': 8, 'h': 16, 'i': 32, 'l': 32, 'q': 64}
for code, bits in limits.items():
    lo, hi = -2 ** (bits - 1), 2 ** (bits - 1) - 1
    packed = struct.pack('<' + code * 2, lo, hi)
    print(code, packed.hex(), struct.unpack('<' + code * 2, packed))
    packed = struct.pack('>' + code.upper(), 2 ** bits - 1)
    print(code.upper(), packed.hex(), struct.unpack('>' + code.upper(), packed))
print(struct.pack('nNP', -5, 2 ** 64 - 1, 4096).hex())
print(struct.unpack('nNP', struct.pack('nNP', -5, 2 ** 64 - 1, 4096)))

# Floats, bools, chars, strings and Pascal strings.
print(struct.pack('>d', 0.1).hex(), struct.pack('>f', 0.1).hex(), struct.pack('>e', 0.1).hex())
print(struct.unpack('>fe', struct.pack('>fe', 0.1, 0.1)))
print(struct.pack('???', 0, 'x', []), struct.unpack('??', b'\x00\x02'))
print(struct.pack('c3s5s', b'a', b'hello', b'hi'))
print(struct.pack('5p', b'hello world'), struct.unpack('5p', b'\x03abcd'))
print(struct.unpack('<2sxh', b'ok\x00\x10\x00'))

# Repeat counts and whitespace.
print(struct.pack('<4B 2h', 1, 2, 3, 4, -1, -2))
print(struct.unpack('< 3H', b'\x01\x00\x02\x00\x03\x00'))

# A Struct compiles the format once.
point = struct.Struct('<hh')
print(point.format, point.size)
data = b''.join(point.pack(x, x * x) for x in range(4))
print(data)
print(list(point.iter_unpack(data)))
it = struct.iter_unpack('<hh', data)
print(it.__length_hint__(), next(it), it.__length_hint__())
print(point.unpack_from(data, 8), struct.unpack_from('<h', data, offset=-2))

# pack_into writes into a bytearray in place.
buf = bytearray(10)
struct.pack_into('<HI', buf, 2, 0xBEEF, 0xCAFEBABE)
print(buf)
point.pack_into(buf, -4, -1, 1)
print(buf, point.unpack_from(buf, 6))

# Bytes formats work too, and an int-like object is accepted for ints.
class Seven:
    def __index__(self):
        return 7

print(struct.pack(b'>H', Seven()), struct.calcsize(b'!Q'), struct.Struct(b'=i').format)
print(struct.pack('<d', 3), struct.pack('<f', True))
print(struct.__all__)
