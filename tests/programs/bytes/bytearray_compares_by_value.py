"""A bytearray compares by its bytes, with another bytearray or with bytes (it compared
by identity)."""
x = bytearray(b"ab")
print(x == bytearray(b"ab"), x == b"ab", b"ab" == x, x != b"ac", x == x)
print(x < bytearray(b"b"), x >= b"a", sorted([bytearray(b"b"), bytearray(b"a")]))
print(x == "ab", bytearray() == b"")
