# binascii as a student meets it: hex dumps, base64 by hand, checksums of messages.
import binascii

packet = bytes([0, 1, 127, 128, 254, 255]) + b'Hi!'
print(binascii.hexlify(packet))
print(binascii.b2a_hex(packet, ':'))
print(binascii.hexlify(packet, b' ', 2))      # groups counted from the right
print(binascii.hexlify(packet, '-', -4))      # ... or from the left
print(binascii.hexlify(bytearray(b'\x0a\x0b')), binascii.hexlify(memoryview(b'xyz')))
print(binascii.unhexlify('48656c6c6f'), binascii.a2b_hex(b'DEADbeef'))

for bad in ['abc', 'zz', 'é1', 42]:
    try:
        binascii.unhexlify(bad)
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e)

for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(250, 256))]:
    encoded = binascii.b2a_base64(data)
    print(data, encoded, binascii.b2a_base64(data, newline=False),
          binascii.a2b_base64(encoded) == data)

# Lenient by default: junk is skipped and decoding stops at the padding.
print(binascii.a2b_base64('Zm9v\nYmFy'), binascii.a2b_base64('Zm8=trailing'),
      binascii.a2b_base64(b'Z m 9 v !'))
for text, strict in [('Zm9vY', False), ('Zm9vYmFyZ', False), ('Zm8', False),
                     ('Zm9v!', True), ('=Zm9v', True), ('Zm8=a', True), ('Zm===', True),
                     ('Zm=9v', True), ('Zm9v', True)]:
    try:
        print(repr(text), binascii.a2b_base64(text, strict_mode=strict))
    except binascii.Error as e:
        print(repr(text), type(e).__name__, e)

print(binascii.crc32(b'The quick brown fox jumps over the lazy dog'))
crc = binascii.crc32(b'hello ')
print(crc, binascii.crc32(b'world', crc) == binascii.crc32(b'hello world'))
print(binascii.crc_hqx(b'123456789', 0xffff), binascii.crc_hqx(b'', 12345))

line = binascii.b2a_uu(b'Cat')
print(line, binascii.a2b_uu(line), binascii.b2a_uu(b'', backtick=True))
for call in [lambda: binascii.b2a_uu(bytes(46)), lambda: binascii.a2b_uu(b'#86)C!!'),
             lambda: binascii.hexlify('text'), lambda: binascii.hexlify(b'ab', '::'),
             lambda: binascii.crc32(b'x', 1.5)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
