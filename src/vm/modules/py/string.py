"""Common strings (refscope's string module): the character classes as constants, and
capwords."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "Template",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits s into words (by sep), capitalizes each and joins them with sep (one
    space when sep is None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class Template:
    """Template('Hello $name'): substitute(name='Ann') puts values in for the $names
    ($$ is a dollar sign, ${name} ends a name inside a word)."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _render(self, mapping, safe):
        t = self.template
        out = []
        i = 0
        n = len(t)
        while i < n:
            c = t[i]
            if c != '$':
                out.append(c)
                i += 1
                continue
            if t.startswith('$$', i):
                out.append('$')
                i += 2
                continue
            braced = t.startswith('${', i)
            j = i + 2 if braced else i + 1
            k = j
            if k < n and (t[k] == '_' or t[k].isascii() and t[k].isalpha()):
                k += 1
                while k < n and (t[k] == '_' or t[k].isascii() and t[k].isalnum()):
                    k += 1
            name = t[j:k]
            if name and (not braced or (k < n and t[k] == '}')):
                end = k + 1 if braced else k
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    if not safe:
                        raise
                    out.append(t[i:end])
                i = end
                continue
            if safe:
                out.append('$')
                i += 1
                continue
            line = t.count('\n', 0, i) + 1
            col = i - (t.rfind('\n', 0, i) + 1) + 1
            raise ValueError(f'Invalid placeholder in string: line {line}, col {col}')
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        """The template with each $name replaced; a missing name raises KeyError."""
        return self._render(_merged(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        """The template with the $names it can replace replaced, the others left."""
        return self._render(_merged(mapping, kws), True)


def _merged(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        merged = dict(mapping)
        merged.update(kws)
        return merged
    return mapping
