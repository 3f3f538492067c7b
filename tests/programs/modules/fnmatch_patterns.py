# Picking files out of a directory listing with shell patterns, and the regular
# expressions fnmatch.translate builds for them.
import fnmatch
import re

files = ["report.txt", "Report.TXT", "notes.md", "data_2023.csv", "data_2024.csv",
         "data_x.csv", ".hidden", "script.py", "test_script.py", "archive.tar.gz",
         "a[1].txt", "file-1", "file-9", "file-b", "!important", "back\\slash"]

for pat in ["*.txt", "*.csv", "data_20??.csv", "data_[0-9]*.csv", "*[!0-9].csv", "test_*",
            "*.*.*", ".*", "*", "?", "a[[]1].txt", "file-[1-5]", "file-[!a-z]", "[!]*",
            "*[\\]*", "*.py", "*script*", "[]!]*"]:
    print(pat.ljust(16), fnmatch.filter(files, pat))

print(fnmatch.fnmatch("Report.TXT", "*.txt"), fnmatch.fnmatchcase("Report.TXT", "*.TXT"))
print(fnmatch.fnmatch("line1\nline2", "line*"), fnmatch.fnmatch("abc", "a*c*"))
print(fnmatch.fnmatchcase(b"photo.JPG", b"*.JPG"), fnmatch.filter([b"a.c", b"b.h"], b"*.c"))

for pat in ["*.py", "a*b*c", "**x**", "?[abc]", "[!abc]", "[a-z]-[0-9]", "[z-a]", "[!]",
            "[^x]", "[a&&b]", "[a~~b||c]", "[", "[!", "]", "x[a-c-e]y", "[\\-z]", "a.b+c",
            "[-a]", "[a-]", "[--z]", "*a*b*", "[[]", "***"]:
    regex = fnmatch.translate(pat)
    print(repr(pat).ljust(14), regex, bool(re.match(regex, pat)))

for bad in [(1, "*"), ("x", 2), ("x", None), (b"x", "*"), ("x", b"*")]:
    try:
        print(fnmatch.fnmatch(*bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    fnmatch.translate(5)
except Exception as e:
    print(type(e).__name__, e)
