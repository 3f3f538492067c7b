# OSError(errno, strerror[, filename[, winerror[, filename2]]]): OSError itself given a
# known errno makes the matching subclass, the fields come from the arguments, and
# str() shows them as CPython does. All of 3.11's OSError subclasses are built in.
for code in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115, 999]:
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno, e.strerror, e.filename, str(e))

e = OSError(2, "No such file or directory", "data.csv")
print(type(e).__name__, e.args, e.filename, e.filename2, str(e), repr(e))
e = OSError(17, "File exists", "a.txt", None, "b.txt")
print(type(e).__name__, e.args, str(e))
for args in [(), ("just a message",), (2,), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, repr(str(e)))

# A subclass called directly stays itself.
e = FileNotFoundError(13, "Permission denied")
print(type(e).__name__, e.errno, str(e))
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError),
      IOError is OSError, EnvironmentError is OSError)
# (python3's own startup adds stdlib subclasses, so look for the built-in ones.)
builtin_subclasses = (BlockingIOError, ChildProcessError, ConnectionError, FileExistsError,
                      FileNotFoundError, InterruptedError, IsADirectoryError,
                      NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError)
subclasses = OSError.__subclasses__()
positions = [subclasses.index(c) for c in builtin_subclasses]
print(positions == sorted(positions), len(positions))
print([c.__name__ for c in ConnectionError.__subclasses__()])
print(issubclass(UnicodeTranslateError, UnicodeError),
      [c.__name__ for c in Warning.__subclasses__()])


def load(path):
    raise OSError(2, "No such file or directory", path)


try:
    load("settings.ini")
except FileNotFoundError as err:
    print("caught:", err, "|", err.filename)

try:
    raise ConnectionRefusedError(111, "Connection refused")
except ConnectionError as err:
    print("caught:", type(err).__name__, err)


class AppError(OSError):
    pass


e = AppError(2, "missing")
print(type(e).__name__, e.errno, str(e))
raise OSError(13, "Permission denied", "/etc/shadow")
