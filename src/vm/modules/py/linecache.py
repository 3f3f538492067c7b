"""Lines of source files (refscope's linecache): the files the program loaded, the only
ones refscope reads. A line comes with its newline; a line that is not there is ''."""

from _tracemalloc import _getline

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# Lines put here by a program (as timeit's print_exc does for '<timeit-src>'), by file
# name: (size, mtime, lines, fullname). They are found before the loaded files.
cache = {}


def getline(filename, lineno, module_globals=None):
    if not isinstance(lineno, int) or lineno < 1:
        return ''
    if filename in cache and len(cache[filename]) != 1:
        lines = cache[filename][2]
        if lineno <= len(lines):
            return lines[lineno - 1]
        return ''
    return _getline(filename, lineno)


def getlines(filename, module_globals=None):
    if filename in cache and len(cache[filename]) != 1:
        return cache[filename][2]
    lines = []
    while True:
        line = _getline(filename, len(lines) + 1)
        if not line:
            return lines
        lines.append(line)


def clearcache():
    cache.clear()


def checkcache(filename=None):
    pass


def lazycache(filename, module_globals):
    return False
