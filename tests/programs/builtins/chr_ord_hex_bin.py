print(chr(65), chr(97), chr(8364), chr(128512), repr(chr(10)))
print(ord("A"), ord("a"), ord("€"), ord("\n"))
print(hex(255), hex(-255), hex(0), hex(2 ** 64))
print(bin(10), bin(-10), bin(0), oct(64), oct(-8))
print(int(hex(1234), 16), int(bin(77), 2), int(oct(99), 8))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([hex(b) for b in b"Az"])
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
