# struct packs floats bit-exactly: 'd' is the float itself, 'f' and 'e' (half) round
# half-way cases to even, and a value too large for 'f' or 'e' is an OverflowError.
# (Values are printed with '%.17g', every digit of the double, not the shortest repr.)
import math
import struct

values = [0.0, -0.0, 1.0, -2.5, 0.1, 1 / 3, 1e-8, 6e-8, 3e-8, 2.0 ** -24, 2.0 ** -25,
          2.0 ** -25 * 1.5, 65504.0, 65519.0, 1e-40, 1e-45, 7e-46, 2.0 ** -150,
          3.4028234663852886e+38, 3.4028235e+38, 1e300, 5e-324, math.inf, -math.inf]
for x in values:
    row = [('%.17g' % x).rjust(24), struct.pack('>d', x).hex()]
    for fmt in ['>f', '>e']:
        try:
            packed = struct.pack(fmt, x)
        except OverflowError as e:
            row.append(str(e))
        else:
            row.append(packed.hex() + ' %.17g' % struct.unpack(fmt, packed)[0])
    print(' | '.join(row))

# Native 'f' is a C cast: too large becomes infinity instead of an error.
print(struct.pack('f', 1e300), struct.unpack('f', struct.pack('f', 1e300)))

# Ties between neighbouring halves and singles go to the even one.
for bits in [0x3c00, 0x3c01, 0x0001, 0x7bfe]:
    low, high = struct.unpack('<2e', struct.pack('<2H', bits, bits + 1))
    middle = (low + high) / 2
    print(hex(bits), struct.pack('<e', middle).hex(), struct.pack('<e', math.nextafter(middle, 0)).hex(),
          struct.pack('<e', math.nextafter(middle, math.inf)).hex())
for bits in [0x3f800000, 0x3f800001, 0x00000001, 0x7f7ffffe]:
    low, high = struct.unpack('<2f', struct.pack('<2I', bits, bits + 1))
    middle = (low + high) / 2
    print(hex(bits), struct.pack('<f', middle).hex(), struct.pack('<f', math.nextafter(middle, 0)).hex())

# Every half-precision pattern of one binade and of the subnormals survives a round trip.
same = 0
for bits in list(range(0, 64)) + list(range(0x3c00, 0x3c40)) + list(range(0x7bc0, 0x7c01)):
    packed = struct.pack('<H', bits)
    if struct.pack('<e', struct.unpack('<e', packed)[0]) == packed:
        same += 1
print('half round trips:', same)

# NaNs unpack as nan; infinities keep their sign.
print(struct.unpack('<e', b'\x00\x7e'), struct.unpack('>f', b'\xff\x80\x00\x00'),
      struct.unpack('<d', b'\x00\x00\x00\x00\x00\x00\xf8\x7f'))
print(struct.pack('<e', math.nan), struct.pack('<f', math.nan), struct.pack('<d', math.nan))

# Floats at their standard sizes and the native ones agree (all little-endian here).
print(struct.pack('@edf', 1.5, 1.5, 1.5) == struct.pack('<e6xdf', 1.5, 1.5, 1.5))
