"""io.StringIO and contextlib.redirect_stdout/redirect_stderr: print() writes to whatever
sys.stdout is, as CPython's print does, so output can be captured."""
import io
import sys
from contextlib import redirect_stdout, redirect_stderr

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured", 1, 2, sep="-")
    print("second line")
print(repr(buf.getvalue()))


class Upper:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())


u = Upper()
with redirect_stdout(u):
    print("hello", "world")
print(u.parts)
err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()))
s = io.StringIO("line one\nline two\nthree")
print(s.readline(), s.read(4), s.tell(), list(s), s.read())
s.seek(0)
print(s.readlines())
t = io.StringIO()
t.write("hello world")
t.seek(6)
t.write("there")
print(t.getvalue(), t.tell(), t.truncate(5), t.getvalue())
t.close()
try:
    t.getvalue()
except ValueError as e:
    print(e)
print(sys.stdout is sys.__stdout__ if hasattr(sys, '__stdout__') else True)
