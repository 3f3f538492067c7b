"""Lines of source files (refscope's linecache): the files the program loaded, the only
ones refscope reads. A line comes with its newline; a line that is not there is ''."""

from _tracemalloc import _getline

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]


def getline(filename, lineno, module_globals=None):
    if not isinstance(lineno, int) or lineno < 1:
        return ''
    return _getline(filename, lineno)


def getlines(filename, module_globals=None):
    lines = []
    while True:
        line = _getline(filename, len(lines) + 1)
        if not line:
            return lines
        lines.append(line)


def clearcache():
    pass


def checkcache(filename=None):
    pass


def lazycache(filename, module_globals):
    return False
