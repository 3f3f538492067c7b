# int.to_bytes and int.from_bytes: byte order, signed values, and the errors.
for n, args, kw in [(0, (), {}), (255, (), {}), (1024, (2, 'big'), {}), (1024, (2, 'little'), {}), (-1, (2, 'big'), {'signed': True}), (-129, (2,), {'byteorder': 'little', 'signed': True}), (2**64 + 5, (9, 'little'), {}), (127, (1, 'big'), {'signed': True}), (0, (0,), {})]:
    b = n.to_bytes(*args, **kw)
    print(n, b, int.from_bytes(b, args[1] if len(args) > 1 else kw.get('byteorder', 'big'), signed=kw.get('signed', False)))
for bad in [lambda: (256).to_bytes(), lambda: (-1).to_bytes(2, 'big'), lambda: (1).to_bytes(1, 'middle'), lambda: (128).to_bytes(1, 'big', signed=True), lambda: (1).to_bytes(-1, 'big')]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'\xff\xfe', 'little', signed=True), int.from_bytes(b''), int.from_bytes(bytearray(b'\x01\x00'), byteorder='little'))
print(type(int.from_bytes(b'\x05')).__name__, (3).to_bytes(length=2, byteorder='little'))
