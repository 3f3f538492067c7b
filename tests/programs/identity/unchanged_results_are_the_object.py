# Where an operation on an exact str, bytes, tuple or frozenset would give back an equal
# object, CPython 3.11 gives back the object itself: no copy is made, and `is` says so.
# Methods that always build a new string (lower, title, split of a real split) do not.
import sys

s = "hello world"
t = (1, 2, 3)
b = b"bytes!"
fs = frozenset({1, 2})
print(s.replace("z", "q") is s, s * 1 is s, 1 * s is s, "{}".format(s) is s, f"{s}" is s, format(s) is s)
print(s.strip() is s, s.lstrip() is s, s.rstrip() is s, s[:] is s, s[0:] is s, str(s) is s)
print(s.center(3) is s, s.ljust(2) is s, s.rjust(0) is s, s.zfill(1) is s, s.center(20) is s)
print(s + "" is s, "" + s is s, s.expandtabs() is s, s.removeprefix("x") is s, s.removesuffix("x") is s)
print("".join([s]) is s, ", ".join((s,)) is s, s.format() is s, s.title() is s, s.lower() is s)
print(s.split()[0] is s, "hello".split()[0] == "hello", "hello".split()[0] is "hello".split()[0])
word = "memory"
print(word.split()[0] is word, word.partition("z")[0] is word, word.rpartition("z")[2] is word)
print(word.splitlines()[0] is word, word.rsplit(",")[0] is word, word.partition("m")[0] is word)
print(t * 1 is t, t[:] is t, tuple(t) is t, t + () is t, () + t is t, t * 2 is t)
print(b * 1 is b, b[:] is b, bytes(b) is b, b.replace(b"z", b"q") is b, b.strip() is b, b[1:] is b)
print(frozenset(fs) is fs, fs.copy() is fs, set(fs) is fs, fs | frozenset() is fs)
before = sys.getrefcount(word)
same = word.strip()
print(sys.getrefcount(word) - before)
