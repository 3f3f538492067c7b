# What str.encode and bytes.decode do with what a codec cannot handle: errors='strict'
# raises, 'ignore' leaves it out, 'replace' puts ? (encoding) or U+FFFD (decoding, one per
# invalid sequence), 'backslashreplace' and 'xmlcharrefreplace' write an escape.
s = "héllo wörld €1 😀"
for enc in ("ascii", "latin-1", "utf-8"):
    for err in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError", e)
b = "héllo wörld 😀".encode() + b"\xff\xfe tail \xe2\x82"
for enc in ("ascii", "utf-8", "latin-1"):
    for err in ("strict", "ignore", "replace", "backslashreplace"):
        try:
            print(enc, err, repr(b.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(enc, err, "UnicodeDecodeError", e)
print(b.decode(errors="replace"), "x".encode(errors="bogus"))
try:
    "é".encode("ascii", "bogus")
except LookupError as e:
    print("LookupError", e)
try:
    b"\xff".decode("utf-8", "bogus")
except LookupError as e:
    print("LookupError", e)
print(bytearray(b"a\xffb").decode("utf-8", "replace"))
