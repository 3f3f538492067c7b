"""In-memory streams (refscope's io): StringIO, to capture what print() writes
(with contextlib.redirect_stdout) or to read text as a file, and BytesIO, a binary file
in memory (what pickle.dump writes to and pickle.load reads from). The file classes of
CPython's io are left out: programs cannot touch the machine."""

__all__ = ['StringIO', 'BytesIO', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class _MemoryStream:
    """What StringIO and BytesIO share: a stream in memory that is always readable,
    writable and seekable, iterates by lines and closes at the end of a with block.
    (Each has its own _check: CPython's messages differ by a full stop.)"""

    def flush(self):
        self._check()

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class StringIO(_MemoryStream):
    """A text stream in memory: write() adds at the position, getvalue() gives it all."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not '
                            f'{type(initial_value).__name__}')
        self._value = initial_value
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        value, pos = self._value, self._pos
        if pos > len(value):
            value += '\0' * (pos - len(value))
        self._value = value[:pos] + s + value[pos + len(s):]
        self._pos = pos + len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._value

    def read(self, size=-1):
        self._check()
        value, pos = self._value, self._pos
        end = len(value) if size is None or size < 0 else min(len(value), pos + size)
        self._pos = max(pos, end)
        return value[pos:end]

    def readline(self, size=-1):
        self._check()
        value, pos = self._value, self._pos
        end = value.find('\n', pos)
        end = len(value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = max(pos, end)
        return value[pos:end]

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f'Negative size value {size}')
        self._value = self._value[:size]
        return size


class BytesIO(_MemoryStream):
    """A binary stream in memory: write() puts bytes at the position, getvalue() gives
    them all."""

    def __init__(self, initial_bytes=b''):
        self._value = bytearray(initial_bytes if initial_bytes is not None else b'')
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def getvalue(self):
        self._check()
        return bytes(self._value)

    def getbuffer(self):
        self._check()
        return memoryview(self._value)

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        value, pos = self._value, self._pos
        if pos > len(value):
            value += b'\0' * (pos - len(value))
        value[pos:pos + len(data)] = data
        self._pos = pos + len(data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        value, pos = self._value, self._pos
        end = len(value) if size is None or size < 0 else min(len(value), pos + size)
        self._pos = max(pos, end)
        return bytes(value[pos:end])

    read1 = read

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check()
        value, pos = self._value, self._pos
        end = value.find(b'\n', pos)
        end = len(value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = max(pos, end)
        return bytes(value[pos:end])

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'negative seek value {pos}')
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._value) + pos)
        else:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f'negative size value {size}')
        del self._value[size:]
        return size
