"""Text wrapping and filling (refscope's textwrap module): wrap, fill, shorten, dedent,
indent and TextWrapper with all of CPython's options.

CPython splits the text into chunks with a regular expression; refscope has no `re`, so
the chunking is written out by hand below and follows the same rules: runs of ASCII
whitespace, em-dashes ('--' between words), and words that may break after a hyphen
between letters ('goof-' 'ball'). The lines, the long-word breaking, max_lines with its
placeholder and the errors come out as with python3.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only the US-ASCII whitespace separates words: a no-break space (\xa0) stays in a word.
_whitespace = '\t\n\x0b\x0c\r '

# What may come just before an em-dash: a word character or some punctuation.
_WORD_PUNCT = '!"\'&.,?'


def _is_word_char(c):
    """A regex \\w character: a letter, a digit or an underscore."""
    return c.isalnum() or c == '_'


def _is_letter(c):
    """A \\w character that is not a decimal digit (so '_' counts as a letter)."""
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _letter_at(text, i):
    return 0 <= i < len(text) and _is_letter(text[i])


def _em_dash_end(text, i):
    """Where a run of two or more hyphens starting at text[i] ends, when a word
    character follows it; -1 otherwise."""
    n = len(text)
    j = i
    while j < n and text[j] == '-':
        j += 1
    if j - i >= 2 and j < n and _is_word_char(text[j]):
        return j
    return -1


def _breaks_after_hyphen(text, i):
    """Whether a word may break after the hyphen text[i]: it follows two letters, or a
    letter-hyphen-letter, and a letter, an optional hyphen and a letter come next."""
    before = ((_letter_at(text, i - 2) and _letter_at(text, i - 1)) or
              (_letter_at(text, i - 3) and text[i - 2] == '-' and _letter_at(text, i - 1)))
    if not before or not _letter_at(text, i + 1):
        return False
    if _letter_at(text, i + 2):
        return True
    return i + 2 < len(text) and text[i + 2] == '-' and _letter_at(text, i + 3)


def _word_end(text, start):
    """The end of the shortest word starting at text[start] (not whitespace): it ends
    before whitespace or the end of the text, after a hyphen it may break at, or just
    before an em-dash that follows a word character or punctuation."""
    n = len(text)
    end = start + 1
    while True:
        if end < n and text[end] == '-' and _breaks_after_hyphen(text, end):
            return end + 1
        if end == n or text[end] in _whitespace:
            return end
        c = text[end - 1]
        if (_is_word_char(c) or c in _WORD_PUNCT) and _em_dash_end(text, end) >= 0:
            return end
        end += 1


def _whitespace_end(text, start):
    end = start
    while end < len(text) and text[end] in _whitespace:
        end += 1
    return end


def _split_words_and_hyphens(text):
    """'Look, goof-ball -- use the -b option!' -> 'Look,', ' ', 'goof-', 'ball', ' ',
    '--', ' ', 'use', ' ', 'the', ' ', '-b', ' ', 'option!'."""
    chunks = []
    pos = 0
    while pos < len(text):
        c = text[pos]
        if c in _whitespace:
            end = _whitespace_end(text, pos)
        else:
            end = -1
            if pos > 0 and (_is_word_char(text[pos - 1]) or text[pos - 1] in _WORD_PUNCT):
                end = _em_dash_end(text, pos)
            if end < 0:
                end = _word_end(text, pos)
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _split_on_whitespace(text):
    """Runs of whitespace and runs of anything else, in turn."""
    chunks = []
    pos = 0
    while pos < len(text):
        if text[pos] in _whitespace:
            end = _whitespace_end(text, pos)
        else:
            end = pos
            while end < len(text) and text[end] not in _whitespace:
                end += 1
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _ends_sentence(chunk):
    """Whether chunk ends with a lowercase ASCII letter, '.', '!' or '?', and maybe a
    closing quote."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Wraps paragraphs into lines of at most `width` characters.

    Options (attributes): width (70), initial_indent and subsequent_indent (''),
    expand_tabs (True) with tabsize (8), replace_whitespace (True), fix_sentence_endings
    (False), break_long_words (True), drop_whitespace (True), break_on_hyphens (True),
    max_lines (None) and placeholder (' [...]').
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- The steps, which a subclass may override.

    def _munge_whitespace(self, text):
        """Expands tabs, then turns every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """The chunks of text: words (split after hyphens when break_on_hyphens is
        True itself) and the whitespace between them."""
        if self.break_on_hyphens is True:
            chunks = _split_words_and_hyphens(text)
        else:
            chunks = _split_on_whitespace(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        """Makes the single space after a sentence's end two spaces."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Puts what fits of a chunk too long for any line on the current line (at
        least one character), breaking after its last hyphen that fits if it can; or,
        with break_long_words off, the whole chunk alone on a line."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _check_widths(self):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % (self.width,))
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

    def _is_last_line(self, lines, chunks, cur_len, width):
        """Whether the line being built may be kept as it is under max_lines: there is
        room for more lines, or nothing (but dropped whitespace) follows it and it fits."""
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        rest_is_blank = (not chunks or
                         (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip()))
        return rest_is_blank and cur_len <= width

    def _truncate(self, lines, cur_line, cur_len, indent, width):
        """Ends the text with the placeholder: after the last words of this line that
        leave room for it, else after the previous line, else alone."""
        while cur_line:
            if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                cur_line.append(self.placeholder)
                lines.append(indent + ''.join(cur_line))
                return
            cur_len -= len(cur_line[-1])
            cur_line.pop()
        if lines:
            prev_line = lines[-1].rstrip()
            if len(prev_line) + len(self.placeholder) <= self.width:
                lines[-1] = prev_line + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _wrap_chunks(self, chunks):
        """Lays the chunks out on lines of at most width characters (longer only for a
        long word that may not be broken); whitespace chunks at the ends of lines are
        dropped when drop_whitespace is on."""
        self._check_widths()
        lines = []
        chunks.reverse()  # a stack: the next chunk is chunks[-1]
        while chunks:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Whitespace opening any line but the first goes.
            if self.drop_whitespace and lines and chunks[-1].strip() == '':
                chunks.pop()
            cur_line = []
            cur_len = 0
            while chunks and cur_len + len(chunks[-1]) <= width:
                chunk = chunks.pop()
                cur_line.append(chunk)
                cur_len += len(chunk)
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                cur_line.pop()
            if not cur_line:
                continue
            if self._is_last_line(lines, chunks, cur_len, width):
                lines.append(indent + ''.join(cur_line))
            else:
                self._truncate(lines, cur_line, cur_len, indent, width)
                break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- The public interface.

    def wrap(self, text):
        """The lines of the paragraph text, each at most width characters long."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The paragraph text wrapped, as one string of lines joined by newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """The lines of the paragraph text wrapped to width (see TextWrapper's options)."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """The paragraph text wrapped to width, as one string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, cut to fit in width with the placeholder
    ('Hello  world!', 11 -> 'Hello [...]')."""
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


def _leading_blanks(line):
    """The spaces and tabs that start line."""
    end = 0
    while end < len(line) and line[end] in ' \t':
        end += 1
    return line[:end]


def _common_prefix(a, b):
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return a[:i]


def dedent(text):
    """Removes the spaces and tabs that start every line of text (a tab and a space do
    not match); lines of only spaces and tabs become empty."""
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    margin = None
    for line in lines:
        if not line:
            continue
        blanks = _leading_blanks(line)
        margin = blanks if margin is None else _common_prefix(margin, blanks)
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """text with prefix added to the lines for which predicate(line) is true (by
    default, the lines that are not blank)."""
    out = []
    for line in text.splitlines(True):
        keep = predicate(line) if predicate is not None else line.strip()
        out.append(prefix + line if keep else line)
    return ''.join(out)
