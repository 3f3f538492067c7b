b = b"hello"
print(b, type(b).__name__, len(b))
print(b[0], b[-1], b[1:3], b[::-1])
print(list(b"abc"))
print(bytes([72, 105]), bytes(3), bytes(range(65, 70)))
print(b + b" world", b * 2, b"ll" in b)
print(b.upper(), b.split(b"l"), b.replace(b"l", b"L"))
print(b"\x00\xff\n'", repr(b'"'), b"it's")
print(b.hex(), bytes.fromhex("48 69"))
print(b == b"hello", b"a" < b"b")
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
print(ba, len(ba))
print(bytes(ba), b.decode())
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
