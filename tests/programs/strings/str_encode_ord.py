s = "héllo €"
b = s.encode("utf-8")
print(b, len(s), len(b))
print(b.decode("utf-8") == s)
print("abc".encode("ascii"), "é".encode("latin-1"))
print([ord(c) for c in "Az€"])
print("".join(chr(c) for c in [72, 105, 33]))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
