# A SyntaxError's fields: compile() raises one whose arguments are (msg, (filename,
# lineno, offset, text, end_lineno, end_offset)) and whose str() is "msg (file, line N)";
# the compiler's own errors (not the parser's) have no text. SyntaxError(msg, details)
# made by the program takes its fields from the details, as CPython's __init__ does.
SOURCES = [
    "return 5\n",
    "def f(:\n  pass\n",
    "x = 1 +\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def g():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "def h():\n    nonlocal q\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
]
for src in SOURCES:
    try:
        compile(src, "dir/s.py", "exec")
    except SyntaxError as e:
        print(repr(e))
        print("  ", str(e), "|", e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)

e = SyntaxError("bad thing", ("f.py", 3, 5, "x = = 1\n", 3, 7))
print(repr(e), "|", str(e), "|", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
print(e.end_lineno, e.end_offset)
plain = SyntaxError("plain")
print(repr(plain), str(plain), plain.msg, plain.lineno, plain.filename, plain.text)
short = SyntaxError("x", ["dir/f.py", 3, 5, "t"])
print(str(short), short.end_lineno, short.args)
print(str(SyntaxError("only line", (None, 4, None, None))))
for details in [("f", 1), ("f", 1, 2, "t", 3), ("f", 1, 2, "t", 3, 4, 5)]:
    try:
        SyntaxError("m", details)
    except TypeError as err:
        print(err)


class Mine(SyntaxError):
    def __init__(self, where):
        super().__init__("mine", (where, 9, 1, None, 9, 2))


m = Mine("m.py")
print(str(m), m.lineno, m.end_offset, repr(m))
