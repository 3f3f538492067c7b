"""Unix shell-style filename matching (refscope's fnmatch module): fnmatch, fnmatchcase,
filter and translate.

translate() returns the same regular expression text as CPython 3.11 (a run of
characters between two stars becomes an atomic group `(?>.*?...)`, so matching never
backtracks catastrophically), and the patterns are compiled with refscope's re module.

refscope has no os module, so case normalisation is POSIX's: names and patterns are
compared as they are (fnmatch behaves like fnmatchcase), after the same type check as
os.path.normcase. Compiled patterns are kept in a plain dict instead of an lru_cache.
"""

import re

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

# Pattern -> compiled match method; cleared when it grows past CPython's cache size.
_cache = {}
_CACHE_MAX = 32768


def _normcase(s):
    """POSIX os.path.normcase: the identity, for str, bytes or a path-like object."""
    if isinstance(s, (str, bytes)):
        return s
    fspath = getattr(type(s), '__fspath__', None)
    if fspath is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(s).__name__)
    path = fspath(s)
    if not isinstance(path, (str, bytes)):
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(s).__name__, type(path).__name__))
    return path


def fnmatch(name, pat):
    """Test whether name matches the shell pattern pat (* ? [seq] [!seq])."""
    name = _normcase(name)
    pat = _normcase(pat)
    return fnmatchcase(name, pat)


def _compile_pattern(pat):
    # Keyed by type too, as CPython's typed lru_cache: b'a' and 'a' differ anyway, but
    # keep the key exact.
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is None:
        if isinstance(pat, bytes):
            text = translate(str(pat, 'ISO-8859-1'))
            match = re.compile(bytes(text, 'ISO-8859-1')).match
        else:
            match = re.compile(translate(pat)).match
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[key] = match
    return match


def filter(names, pat):
    """The list of those names that match pat."""
    pat = _normcase(pat)
    match = _compile_pattern(pat)
    return [name for name in names if match(name)]


def fnmatchcase(name, pat):
    """Test whether name matches pat, without case normalisation."""
    match = _compile_pattern(pat)
    return match(name) is not None


def _bracket(pat, start, end):
    """The regex character class for the set pat[start:end] (the text inside [ ])."""
    body = pat[start:end]
    if '-' not in body:
        body = body.replace('\\', '\\\\')
    else:
        # Split the set at the hyphens that form ranges: 'a-c-e' is the ranges a-c and
        # c-e; the first character (after '!') is never a range's hyphen.
        pieces = []
        i = start
        k = start + 2 if pat[start] == '!' else start + 1
        while True:
            k = pat.find('-', k, end)
            if k < 0:
                break
            pieces.append(pat[i:k])
            i = k + 1
            k = k + 3
        last = pat[i:end]
        if last:
            pieces.append(last)
        else:
            # A trailing hyphen stands for itself.
            pieces[-1] += '-'
        # Drop empty ranges like 'z-a' (they would be an error in a regex) by joining
        # their neighbours, working from the right.
        for k in range(len(pieces) - 1, 0, -1):
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
        body = '-'.join(p.replace('\\', '\\\\').replace('-', '\\-') for p in pieces)
    # Escape the characters of possible future set operations (&&, ~~, ||).
    escaped = []
    for c in body:
        if c in '&~|':
            escaped.append('\\')
        escaped.append(c)
    body = ''.join(escaped)
    if not body:
        return '(?!)'          # an empty range: matches nothing
    if body == '!':
        return '.'             # '[!]' is any character
    if body[0] == '!':
        body = '^' + body[1:]
    elif body[0] in ('^', '['):
        body = '\\' + body
    return '[' + body + ']'


# A marker for '*' in the list of translated pieces.
_STAR = object()


def translate(pat):
    """The regular expression (a str) matching what the shell pattern pat matches."""
    pieces = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            # Consecutive stars are one star.
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif c == '?':
            pieces.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                # No closing bracket: a literal '['.
                pieces.append('\\[')
            else:
                pieces.append(_bracket(pat, i, j))
                i = j + 1
        else:
            pieces.append(re.escape(c))

    # Join the pieces: the text before the first star is matched as is; the text
    # between two stars goes in an atomic lazy group; the last star is a plain '.*'
    # followed by the text after it.
    out = []
    i, n = 0, len(pieces)
    while i < n and pieces[i] is not _STAR:
        out.append(pieces[i])
        i += 1
    while i < n:
        i += 1          # the star
        if i == n:
            out.append('.*')
            break
        fixed = []
        while i < n and pieces[i] is not _STAR:
            fixed.append(pieces[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            out.append('.*')
            out.append(fixed)
        else:
            out.append('(?>.*?' + fixed + ')')
    return '(?s:' + ''.join(out) + ')\\Z'
