b = b'hello world'
t = bytes.maketrans(b'lo', b'01')
print(t[108], len(t), b.translate(t), b.translate(None, b'l'), b.translate(t, b'h'), b.translate(None) is b)
print(bytearray(b'abc').translate(None, delete=b'a'), bytearray(b'abc').translate(bytearray.maketrans(b'a', b'z')))
print(b'abc'.translate(None, b'') is not None, type(bytearray(b'x').translate(None)).__name__)
for bad in [lambda: b.translate(b'x'), lambda: bytes.maketrans(b'a', b'bc'), lambda: b.translate(None, 'a'), lambda: b.translate('a' * 256), lambda: b.translate()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b'\x00\xff'.translate(bytes(range(255, -1, -1))))
print(b'a'.translate(None, b'', b'') if False else 1)
try:
    b'a'.translate(None, b'', b'')
except TypeError as e:
    print(e)
