# bytes and bytearray methods beyond the basics: ASCII predicates and case changes,
# padding, partitioning, searching with bounds, line splitting, hex with a separator,
# and bytearray.fromhex. Each result keeps its receiver's type.
data = b"Hello, World"
print(data.isalpha(), b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b"".isdigit())
print(b" \t\n".isspace(), b"abc".islower(), b"ABC1".isupper(), b"Hello World".istitle(),
      b"Hello world".istitle(), b"\xe9".isalpha(), b"abc".isascii(), b"\x80".isascii(),
      b"".isascii())
print(data.swapcase(), b"hello wORLD".capitalize(), b"they're bill's".title(),
      b"\xe9t\xe9".upper(), b"a1b2".title())
print(b"ab".center(6, b"*"), b"abc".center(6), b"ab".ljust(5, b"."), b"ab".rjust(5),
      b"-42".zfill(6), b"7".zfill(3), b"abc".center(2))
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(tabsize=4))
print(data.partition(b", "), data.rpartition(b"o"), data.partition(b"#"))
print(data.removeprefix(b"Hello"), data.removesuffix(b"World"), data.removeprefix(b"x"))
print(data.find(b"o", 5), data.rfind(b"o"), data.rfind(b"o", 0, 5), data.index(b"W"),
      data.rindex(b"l"), data.count(b"l", 4), data.find(111), data.count(b"l", 0, 4))
for call in (lambda: data.index(b"z"), lambda: data.rindex(b"z"),
             lambda: data.find(300), lambda: data.partition(b"")):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
print(b"one\ntwo\r\nthree\rfour".splitlines(), b"a\nb\n".splitlines(keepends=True),
      b"".splitlines(), b"x\x0by\x1cz".splitlines())
print(b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxpadxx".lstrip(b"x"),
      b"xxpadxx".rstrip(b"x"))
print(b"\xde\xad\xbe\xef".hex(":"), b"\xde\xad\xbe\xef\x01".hex("-", 2),
      b"\xde\xad\xbe\xef\x01".hex(b" ", -2), b"\x01\x02".hex(sep="|", bytes_per_sep=1))
try:
    b"ab".hex("::")
except ValueError as e:
    print("ValueError:", e)
for bad in ("*", b"**"):
    try:
        b"ab".center(5, bad)
    except TypeError as e:
        print("TypeError:", e)

buf = bytearray(b"key=value")
print(buf.partition(b"="), buf.upper(), buf.center(13, b"~"), buf.splitlines(),
      buf.isalpha(), buf.title())
print(bytearray.fromhex("de ad be ef"), type(bytearray.fromhex("00")).__name__,
      bytes.fromhex("6869"))
# Widths past what memory could hold fail cleanly, as in python3.
for call in (lambda: b"a".center(10**12), lambda: b"a".zfill(10**12),
             lambda: bytearray(b"a").rjust(10**12), lambda: b"a\tb".expandtabs(10**12)):
    try:
        call()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
