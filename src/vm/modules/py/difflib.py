"""Helpers for computing deltas (refscope's difflib module).

SequenceMatcher (with CPython's junk and "popular element" heuristics, so every matching
block, opcode and ratio is the same as python3's), get_close_matches, Differ, ndiff,
restore, unified_diff, context_diff, diff_bytes, IS_LINE_JUNK and IS_CHARACTER_JUNK.

The matcher is the Ratcliff/Obershelp idea as CPython implements it: find the longest
matching block (the earliest one in `a`, then in `b`, among the longest), then recurse on
the pieces to its left and right. Elements of `b` that `isjunk` accepts never start a
match; with autojunk, an element making up more than 1% of a `b` of 200 or more items is
treated as "popular" and does not start a match either. Matches are then widened over
equal neighbouring elements, first non-junk, then junk, exactly as CPython does; that
order decides which of several equally long matches wins, so it must not change.

HtmlDiff builds the side-by-side HTML table (make_table) or page (make_file) with the
same markup, anchors and wrapping as CPython; its page templates are CPython's text.
diff_bytes decodes with latin-1 rather than ascii/surrogateescape (refscope's strs cannot
hold lone surrogates); the bytes it produces are the same.
"""

import re as _re
from collections import namedtuple as _namedtuple
from types import GenericAlias as _GenericAlias

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher', 'Differ',
           'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff', 'unified_diff',
           'diff_bytes', 'HtmlDiff', 'Match']

Match = _namedtuple('Match', 'a b size')


def _ratio(matches, length):
    """2*M/T, CPython's similarity measure; two empty sequences are identical (1.0)."""
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    """Compares two sequences of hashable elements (strings, lists of lines, ...)."""

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.a = self.b = None
        self.autojunk = autojunk
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        """Set both sequences to compare."""
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        """Set the first sequence; the index built for `b` is kept (it is the costly one)."""
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        """Set the second sequence and index it: where each element occurs in it."""
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        # b2j maps each element of b to the ascending list of its positions. Junk and
        # popular elements are then removed from it (and remembered in bjunk and
        # bpopular), so they can never start a match.
        b = self.b
        self.b2j = b2j = {}
        for pos, elt in enumerate(b):
            positions = b2j.setdefault(elt, [])
            positions.append(pos)

        self.bjunk = junk = set()
        isjunk = self.isjunk
        if isjunk:
            for elt in b2j.keys():
                if isjunk(elt):
                    junk.add(elt)
            for elt in junk:
                del b2j[elt]

        self.bpopular = popular = set()
        n = len(b)
        if self.autojunk and n >= 200:
            limit = n // 100 + 1
            for elt, positions in b2j.items():
                if len(positions) > limit:
                    popular.add(elt)
            for elt in popular:
                del b2j[elt]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """The longest matching block in a[alo:ahi] and b[blo:bhi], as a Match.

        Among the longest blocks, the one starting earliest in `a` wins, and of those the
        one starting earliest in `b`. With no match, Match(alo, blo, 0).
        """
        a, b, b2j, isbjunk = self.a, self.b, self.b2j, self.bjunk.__contains__
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        besti, bestj, bestsize = alo, blo, 0
        # run_at[j] is the length of the match of non-junk elements ending at a[i-1]
        # and b[j]; each row is rebuilt from the previous one.
        run_at = {}
        empty = []
        for i in range(alo, ahi):
            previous = run_at
            run_at = {}
            for j in b2j.get(a[i], empty):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = previous.get(j - 1, 0) + 1
                run_at[j] = k
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k

        # Widen the block over equal non-junk elements on both sides (popular elements
        # were left out of b2j but are not junk), then over equal junk elements, so that
        # junk is absorbed into a match but never starts one.
        while (besti > alo and bestj > blo and not isbjunk(b[bestj - 1])
               and a[besti - 1] == b[bestj - 1]):
            besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
        while (besti + bestsize < ahi and bestj + bestsize < bhi
               and not isbjunk(b[bestj + bestsize])
               and a[besti + bestsize] == b[bestj + bestsize]):
            bestsize += 1
        while (besti > alo and bestj > blo and isbjunk(b[bestj - 1])
               and a[besti - 1] == b[bestj - 1]):
            besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
        while (besti + bestsize < ahi and bestj + bestsize < bhi
               and isbjunk(b[bestj + bestsize])
               and a[besti + bestsize] == b[bestj + bestsize]):
            bestsize += 1
        return Match(besti, bestj, bestsize)

    def get_matching_blocks(self):
        """The matching blocks as Match triples, ascending, ending with (len(a), len(b), 0)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        # A stack of (alo, ahi, blo, bhi) pieces still to search.
        pending = [(0, la, 0, lb)]
        found = []
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            match = self.find_longest_match(alo, ahi, blo, bhi)
            i, j, k = match
            if k:
                found.append(match)
                if alo < i and blo < j:
                    pending.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    pending.append((i + k, ahi, j + k, bhi))
        found.sort()

        # Blocks that touch (the end of one is the start of the next in both sequences)
        # are merged into one.
        merged = []
        i1 = j1 = k1 = 0
        for i2, j2, k2 in found:
            if i1 + k1 == i2 and j1 + k1 == j2:
                k1 += k2
            else:
                if k1:
                    merged.append((i1, j1, k1))
                i1, j1, k1 = i2, j2, k2
        if k1:
            merged.append((i1, j1, k1))
        merged.append((la, lb, 0))
        self.matching_blocks = [Match._make(block) for block in merged]
        return self.matching_blocks

    def get_opcodes(self):
        """(tag, i1, i2, j1, j2) 5-tuples turning a into b; tags are 'replace', 'delete',
        'insert' and 'equal'."""
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        self.opcodes = codes = []
        for ai, bj, size in self.get_matching_blocks():
            if i < ai and j < bj:
                tag = 'replace'
            elif i < ai:
                tag = 'delete'
            elif j < bj:
                tag = 'insert'
            else:
                tag = ''
            if tag:
                codes.append((tag, i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                codes.append(('equal', ai, i, bj, j))
        return codes

    def get_grouped_opcodes(self, n=3):
        """Generate groups of opcodes with up to `n` lines of context around each change.

        Like CPython, this trims the first and last 'equal' opcodes of the cached list
        returned by get_opcodes() in place.
        """
        codes = self.get_opcodes()
        if not codes:
            codes = [('equal', 0, 1, 0, 1)]
        if codes[0][0] == 'equal':
            tag, i1, i2, j1, j2 = codes[0]
            codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        if codes[-1][0] == 'equal':
            tag, i1, i2, j1, j2 = codes[-1]
            codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)

        twice = n + n
        group = []
        for tag, i1, i2, j1, j2 in codes:
            # A long equal stretch ends the group (keeping n lines of context) and
            # starts the next one (with its last n lines).
            if tag == 'equal' and i2 - i1 > twice:
                group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            group.append((tag, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == 'equal'):
            yield group

    def ratio(self):
        """Similarity in [0, 1]: 2*M/T for M matched elements and T elements in all."""
        matches = 0
        for block in self.get_matching_blocks():
            matches += block[-1]
        return _ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio(), from the multiset intersection of a and b."""
        if self.fullbcount is None:
            self.fullbcount = counts = {}
            for elt in self.b:
                counts[elt] = counts.get(elt, 0) + 1
        counts = self.fullbcount
        left = {}
        matches = 0
        for elt in self.a:
            if elt in left:
                have = left[elt]
            else:
                have = counts.get(elt, 0)
            left[elt] = have - 1
            if have > 0:
                matches += 1
        return _ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """A cheaper upper bound on ratio(), from the two lengths alone."""
        la, lb = len(self.a), len(self.b)
        return _ratio(min(la, lb), la + lb)

    __class_getitem__ = classmethod(_GenericAlias)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """The best (at most n) "good enough" matches for word among possibilities, best first."""
    if not n > 0:
        raise ValueError('n must be > 0: %r' % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError('cutoff must be in [0.0, 1.0]: %r' % (cutoff,))
    scored = []
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        # The cheap upper bounds rule most candidates out before the real ratio.
        if (matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff
                and matcher.ratio() >= cutoff):
            scored.append((matcher.ratio(), candidate))
    # heapq.nlargest(n, scored) in CPython: the same as the first n of a reverse sort.
    scored.sort(reverse=True)
    return [candidate for score, candidate in scored[:n]]


def _keep_original_ws(text, tags):
    """Replace the blank tags under whitespace in `text` with that whitespace (tabs stay)."""
    return ''.join(c if tag == ' ' and c.isspace() else tag for c, tag in zip(text, tags))


class Differ:
    """Produces human-readable deltas between sequences of lines, as ndiff does."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Generate the delta lines turning a into b, each prefixed '- ', '+ ', '  ' or '? '."""
        matcher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in matcher.get_opcodes():
            if tag == 'replace':
                lines = self._fancy_replace(a, alo, ahi, b, blo, bhi)
            elif tag == 'delete':
                lines = self._dump('-', a, alo, ahi)
            elif tag == 'insert':
                lines = self._dump('+', b, blo, bhi)
            elif tag == 'equal':
                lines = self._dump(' ', a, alo, ahi)
            else:
                raise ValueError('unknown tag %r' % (tag,))
            yield from lines

    def _dump(self, tag, x, lo, hi):
        for i in range(lo, hi):
            yield '%s %s' % (tag, x[i])

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        # The shorter block is shown first.
        if bhi - blo < ahi - alo:
            first = self._dump('+', b, blo, bhi)
            second = self._dump('-', a, alo, ahi)
        else:
            first = self._dump('-', a, alo, ahi)
            second = self._dump('+', b, blo, bhi)
        yield from first
        yield from second

    def _fancy_replace(self, a, alo, ahi, b, blo, bhi):
        # Find the most similar pair of lines (ratio above 0.74, first best found wins,
        # scanning b's lines in the outer loop); it becomes a synch point marked with
        # '?' guide lines, and the blocks on either side are handled recursively. With
        # no similar pair, an identical pair (junk lines can leave some) synchs instead.
        best_ratio, cutoff = 0.74, 0.75
        matcher = SequenceMatcher(self.charjunk)
        eqi = eqj = None
        best_i = best_j = None
        for j in range(blo, bhi):
            bj = b[j]
            matcher.set_seq2(bj)
            for i in range(alo, ahi):
                ai = a[i]
                if ai == bj:
                    if eqi is None:
                        eqi, eqj = i, j
                    continue
                matcher.set_seq1(ai)
                if (matcher.real_quick_ratio() > best_ratio
                        and matcher.quick_ratio() > best_ratio
                        and matcher.ratio() > best_ratio):
                    best_ratio, best_i, best_j = matcher.ratio(), i, j
        if best_ratio < cutoff:
            if eqi is None:
                yield from self._plain_replace(a, alo, ahi, b, blo, bhi)
                return
            best_i, best_j, best_ratio = eqi, eqj, 1.0
        else:
            eqi = None

        yield from self._fancy_helper(a, alo, best_i, b, blo, best_j)
        aelt, belt = a[best_i], b[best_j]
        if eqi is None:
            atags = btags = ''
            matcher.set_seqs(aelt, belt)
            for tag, ai1, ai2, bj1, bj2 in matcher.get_opcodes():
                la, lb = ai2 - ai1, bj2 - bj1
                if tag == 'replace':
                    atags += '^' * la
                    btags += '^' * lb
                elif tag == 'delete':
                    atags += '-' * la
                elif tag == 'insert':
                    btags += '+' * lb
                elif tag == 'equal':
                    atags += ' ' * la
                    btags += ' ' * lb
                else:
                    raise ValueError('unknown tag %r' % (tag,))
            yield from self._qformat(aelt, belt, atags, btags)
        else:
            yield '  ' + aelt
        yield from self._fancy_helper(a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _fancy_helper(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi:
            if blo < bhi:
                yield from self._fancy_replace(a, alo, ahi, b, blo, bhi)
            else:
                yield from self._dump('-', a, alo, ahi)
        elif blo < bhi:
            yield from self._dump('+', b, blo, bhi)

    def _qformat(self, aline, bline, atags, btags):
        atags = _keep_original_ws(aline, atags).rstrip()
        btags = _keep_original_ws(bline, btags).rstrip()
        yield '- ' + aline
        if atags:
            yield '? %s\n' % atags
        yield '+ ' + bline
        if btags:
            yield '? %s\n' % btags


_LINE_JUNK = _re.compile(r'\s*(?:#\s*)?$').match


def IS_LINE_JUNK(line, pat=_LINE_JUNK):
    """True for a blank line or one holding only a '#' (with whitespace around)."""
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=' \t'):
    """True for a blank or a tab."""
    return ch in ws


def _format_range_unified(start, stop):
    # "first,count" with lines counted from 1; an empty range names the line before it.
    first = start + 1
    length = stop - start
    if length == 1:
        return '%d' % first
    if not length:
        first -= 1
    return '%d,%d' % (first, length)


def _format_range_context(start, stop):
    # "first,last" with lines counted from 1; an empty range names the line before it.
    first = start + 1
    length = stop - start
    if not length:
        first -= 1
    if length <= 1:
        return '%d' % first
    return '%d,%d' % (first, first + length - 1)


def _check_types(a, b, *args):
    if a and not isinstance(a[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' %
                        (type(a[0]).__name__, a[0]))
    if b and not isinstance(b[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' %
                        (type(b[0]).__name__, b[0]))
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError('all arguments must be str, not: %r' % (arg,))


def _file_headers(first, second, fromfile, tofile, fromfiledate, tofiledate, lineterm):
    fromdate = '\t' + fromfiledate if fromfiledate else ''
    todate = '\t' + tofiledate if tofiledate else ''
    return ('%s %s%s%s' % (first, fromfile, fromdate, lineterm),
            '%s %s%s%s' % (second, tofile, todate, lineterm))


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3,
                 lineterm='\n'):
    """Generate the delta between two lists of lines as a unified diff."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            yield from _file_headers('---', '+++', fromfile, tofile, fromfiledate,
                                     tofiledate, lineterm)
        first, last = group[0], group[-1]
        yield '@@ -%s +%s @@%s' % (_format_range_unified(first[1], last[2]),
                                   _format_range_unified(first[3], last[4]), lineterm)
        for tag, i1, i2, j1, j2 in group:
            if tag == 'equal':
                for line in a[i1:i2]:
                    yield ' ' + line
                continue
            if tag == 'replace' or tag == 'delete':
                for line in a[i1:i2]:
                    yield '-' + line
            if tag == 'replace' or tag == 'insert':
                for line in b[j1:j2]:
                    yield '+' + line


_CONTEXT_PREFIX = {'insert': '+ ', 'delete': '- ', 'replace': '! ', 'equal': '  '}


def context_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3,
                 lineterm='\n'):
    """Generate the delta between two lists of lines as a context diff."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            yield from _file_headers('***', '---', fromfile, tofile, fromfiledate,
                                     tofiledate, lineterm)
        first, last = group[0], group[-1]
        yield '***************' + lineterm
        yield '*** %s ****%s' % (_format_range_context(first[1], last[2]), lineterm)
        # A side's lines are listed only when that side has changes in the group.
        if any(code[0] == 'replace' or code[0] == 'delete' for code in group):
            for tag, i1, i2, _, _ in group:
                if tag != 'insert':
                    for line in a[i1:i2]:
                        yield _CONTEXT_PREFIX[tag] + line
        yield '--- %s ----%s' % (_format_range_context(first[3], last[4]), lineterm)
        if any(code[0] == 'replace' or code[0] == 'insert' for code in group):
            for tag, _, _, j1, j2 in group:
                if tag != 'delete':
                    for line in b[j1:j2]:
                        yield _CONTEXT_PREFIX[tag] + line


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'', tofiledate=b'',
               n=3, lineterm=b'\n'):
    """Run a str diff function (unified_diff, context_diff) on bytes lines and arguments.

    CPython decodes with 'ascii'/'surrogateescape'; refscope's strs cannot hold lone
    surrogates, so the bytes are decoded as latin-1 instead. That is just as lossless
    (the diff only compares lines for equality and adds ASCII), so the bytes produced
    are the same.
    """
    def decode(s):
        try:
            return s.decode('latin-1')
        except AttributeError as err:
            raise TypeError('all arguments must be bytes, not %s (%r)' %
                            (type(s).__name__, s)) from err
    a = list(map(decode, a))
    b = list(map(decode, b))
    fromfile = decode(fromfile)
    tofile = decode(tofile)
    fromfiledate = decode(fromfiledate)
    tofiledate = decode(tofiledate)
    lineterm = decode(lineterm)
    for line in dfunc(a, b, fromfile, tofile, fromfiledate, tofiledate, n, lineterm):
        yield line.encode('latin-1')


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """A Differ-style delta between two lists of lines (a generator)."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Recover one of the two sequences (which=1 or 2) from an ndiff/compare delta."""
    try:
        tag = {1: '- ', 2: '+ '}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r' % which) from None
    keep = ('  ', tag)
    for line in delta:
        if line[:2] in keep:
            yield line[2:]


# ---- Side-by-side HTML (HtmlDiff) ----------------------------------------------------
#
# _mdiff turns ndiff's delta into pairs of lines for a side-by-side view. Changed text
# inside a line is wrapped as '\0' + one of '+-^' + text + '\1'; the HTML table later
# turns those markers into <span> elements.

_CHANGE_RUN = _re.compile(r'(\++|\-+|\^+)')


def _mdiff(fromlines, tolines, context=None, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Generate (from, to, changed) triples: from and to are (line number, marked text)
    or None (a filler line); with `context`, only changed lines and `context` lines
    around them, with (None, None, None) between separate hunks."""
    delta = ndiff(fromlines, tolines, linejunk, charjunk)
    counts = [0, 0]     # the line numbers reached on each side

    def make_line(lines, kind, side):
        # Consume the delta line (and its '?' guide for kind '?') at the front of
        # `lines`, numbering it on `side`.
        counts[side] += 1
        if kind is None:
            return (counts[side], lines.pop(0)[2:])
        if kind == '?':
            text, guide = lines.pop(0), lines.pop(0)
            spans = [(m.group(1)[0], m.span()) for m in _CHANGE_RUN.finditer(guide)]
            for key, (begin, end) in reversed(spans):
                text = text[:begin] + '\0' + key + text[begin:end] + '\1' + text[end:]
            return (counts[side], text[2:])
        text = lines.pop(0)[2:]
        if not text:
            text = ' '
        return (counts[side], '\0' + kind + text + '\1')

    def line_triples():
        # Look at the kinds of the next four delta lines ('X' past the end) to pair
        # deletions with additions; blank filler lines keep the two sides level.
        lines = []
        blanks_pending = blanks_to_yield = 0
        while True:
            while len(lines) < 4:
                lines.append(next(delta, 'X'))
            kinds = ''.join([line[0] for line in lines])
            if kinds.startswith('X'):
                blanks_to_yield = blanks_pending
            elif kinds.startswith('-?+?'):
                yield make_line(lines, '?', 0), make_line(lines, '?', 1), True
                continue
            elif kinds.startswith('--++'):
                blanks_pending -= 1
                yield make_line(lines, '-', 0), None, True
                continue
            elif kinds.startswith(('--?+', '--+', '- ')):
                from_line, to_line = make_line(lines, '-', 0), None
                blanks_to_yield, blanks_pending = blanks_pending - 1, 0
            elif kinds.startswith('-+?'):
                yield make_line(lines, None, 0), make_line(lines, '?', 1), True
                continue
            elif kinds.startswith('-?+'):
                yield make_line(lines, '?', 0), make_line(lines, None, 1), True
                continue
            elif kinds.startswith('-'):
                blanks_pending -= 1
                yield make_line(lines, '-', 0), None, True
                continue
            elif kinds.startswith('+--'):
                blanks_pending += 1
                yield None, make_line(lines, '+', 1), True
                continue
            elif kinds.startswith(('+ ', '+-')):
                from_line, to_line = None, make_line(lines, '+', 1)
                blanks_to_yield, blanks_pending = blanks_pending + 1, 0
            elif kinds.startswith('+'):
                blanks_pending += 1
                yield None, make_line(lines, '+', 1), True
                continue
            elif kinds.startswith(' '):
                yield make_line(lines[:], None, 0), make_line(lines, None, 1), False
                continue
            while blanks_to_yield < 0:
                blanks_to_yield += 1
                yield None, ('', '\n'), True
            while blanks_to_yield > 0:
                blanks_to_yield -= 1
                yield ('', '\n'), None, True
            if kinds.startswith('X'):
                return
            yield from_line, to_line, True

    def line_pairs():
        # Pair each "from" line with the next "to" line.
        triples = line_triples()
        froms, tos = [], []
        while True:
            while not froms or not tos:
                try:
                    from_line, to_line, changed = next(triples)
                except StopIteration:
                    return
                if from_line is not None:
                    froms.append((from_line, changed))
                if to_line is not None:
                    tos.append((to_line, changed))
            from_line, from_changed = froms.pop(0)
            to_line, to_changed = tos.pop(0)
            yield (from_line, to_line, from_changed or to_changed)

    pairs = line_pairs()
    if context is None:
        yield from pairs
        return
    # Keep a ring of the last `context` + 1 pairs; when a change shows up, write out
    # what the ring holds (after a hunk separator if lines were skipped), then follow
    # with pairs until `context` unchanged ones have passed.
    size = context + 1
    while True:
        index, ring = 0, [None] * size
        changed = False
        while changed is False:
            try:
                from_line, to_line, changed = next(pairs)
            except StopIteration:
                return
            ring[index % size] = (from_line, to_line, changed)
            index += 1
        if index > size:
            yield None, None, None
            to_write = size
        else:
            to_write = index
            index = 0
        while to_write:
            yield ring[index % size]
            index += 1
            to_write -= 1
        to_write = size - 1
        try:
            while to_write:
                from_line, to_line, changed = next(pairs)
                if changed:
                    to_write = size - 1
                else:
                    to_write -= 1
                yield from_line, to_line, changed
        except StopIteration:
            return


_file_template = """
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
          "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html>

<head>
    <meta http-equiv="Content-Type"
          content="text/html; charset=%(charset)s" />
    <title></title>
    <style type="text/css">%(styles)s
    </style>
</head>

<body>
    %(table)s%(legend)s
</body>

</html>"""

_styles = """
        table.diff {font-family:Courier; border:medium;}
        .diff_header {background-color:#e0e0e0}
        td.diff_header {text-align:right}
        .diff_next {background-color:#c0c0c0}
        .diff_add {background-color:#aaffaa}
        .diff_chg {background-color:#ffff77}
        .diff_sub {background-color:#ffaaaa}"""

_table_template = """
    <table class="diff" id="difflib_chg_%(prefix)s_top"
           cellspacing="0" cellpadding="0" rules="groups" >
        <colgroup></colgroup> <colgroup></colgroup> <colgroup></colgroup>
        <colgroup></colgroup> <colgroup></colgroup> <colgroup></colgroup>
        %(header_row)s
        <tbody>
%(data_rows)s        </tbody>
    </table>"""

_legend = """
    <table class="diff" summary="Legends">
        <tr> <th colspan="2"> Legends </th> </tr>
        <tr> <td> <table border="" summary="Colors">
                      <tr><th> Colors </th> </tr>
                      <tr><td class="diff_add">&nbsp;Added&nbsp;</td></tr>
                      <tr><td class="diff_chg">Changed</td> </tr>
                      <tr><td class="diff_sub">Deleted</td> </tr>
                  </table></td>
             <td> <table border="" summary="Links">
                      <tr><th colspan="2"> Links </th> </tr>
                      <tr><td>(f)irst change</td> </tr>
                      <tr><td>(n)ext change</td> </tr>
                      <tr><td>(t)op</td> </tr>
                  </table></td> </tr>
    </table>"""


class HtmlDiff(object):
    """Makes an HTML table (or a complete HTML file) showing a side-by-side, line by line
    comparison of two texts, with the changes inside lines highlighted."""

    _file_template = _file_template
    _styles = _styles
    _table_template = _table_template
    _legend = _legend
    # Shared by all instances: numbers the anchors of successive tables.
    _default_prefix = 0

    def __init__(self, tabsize=8, wrapcolumn=None, linejunk=None,
                 charjunk=IS_CHARACTER_JUNK):
        self._tabsize = tabsize
        self._wrapcolumn = wrapcolumn
        self._linejunk = linejunk
        self._charjunk = charjunk

    def make_file(self, fromlines, tolines, fromdesc='', todesc='', context=False,
                  numlines=5, *, charset='utf-8'):
        """A complete HTML file holding the comparison table and a legend."""
        page = self._file_template % dict(
            styles=self._styles,
            legend=self._legend,
            table=self.make_table(fromlines, tolines, fromdesc, todesc,
                                  context=context, numlines=numlines),
            charset=charset)
        return page.encode(charset, 'xmlcharrefreplace').decode(charset)

    def _tab_newline_replace(self, fromlines, tolines):
        # Expand tabs without touching the blanks already there (they become '\0' for a
        # moment), leaving the expansion as tabs, which make_table turns into &nbsp;.
        def expand(line):
            line = line.replace(' ', '\0').expandtabs(self._tabsize)
            return line.replace(' ', '\t').replace('\0', ' ').rstrip('\n')
        return [expand(line) for line in fromlines], [expand(line) for line in tolines]

    def _split_line(self, data_list, line_num, text):
        # Wrap a marked-up line at the wrap column (markers take no room), carrying an
        # open highlight over to the continuation line, which is numbered '>'.
        if not line_num:
            data_list.append((line_num, text))
            return
        size = len(text)
        limit = self._wrapcolumn
        if size <= limit or size - text.count('\0') * 3 <= limit:
            data_list.append((line_num, text))
            return
        i = n = 0
        mark = ''
        while n < limit and i < size:
            if text[i] == '\0':
                i += 1
                mark = text[i]
                i += 1
            elif text[i] == '\1':
                i += 1
                mark = ''
            else:
                i += 1
                n += 1
        first, rest = text[:i], text[i:]
        if mark:
            first = first + '\1'
            rest = '\0' + mark + rest
        data_list.append((line_num, first))
        self._split_line(data_list, '>', rest)

    def _line_wrapper(self, diffs):
        for fromdata, todata, flag in diffs:
            if flag is None:
                yield fromdata, todata, flag
                continue
            (fromline, fromtext), (toline, totext) = fromdata, todata
            fromlist, tolist = [], []
            self._split_line(fromlist, fromline, fromtext)
            self._split_line(tolist, toline, totext)
            while fromlist or tolist:
                fromdata = fromlist.pop(0) if fromlist else ('', ' ')
                todata = tolist.pop(0) if tolist else ('', ' ')
                yield fromdata, todata, flag

    def _collect_lines(self, diffs):
        fromlist, tolist, flaglist = [], [], []
        for fromdata, todata, flag in diffs:
            try:
                fromlist.append(self._format_line(0, flag, *fromdata))
                tolist.append(self._format_line(1, flag, *todata))
            except TypeError:
                # A hunk separator (None, None, None).
                fromlist.append(None)
                tolist.append(None)
            flaglist.append(flag)
        return fromlist, tolist, flaglist

    def _format_line(self, side, flag, linenum, text):
        try:
            linenum = '%d' % linenum
            anchor = ' id="%s%s"' % (self._prefix[side], linenum)
        except TypeError:
            # A filler or continuation line has no number, so no anchor.
            anchor = ''
        text = text.replace('&', '&amp;').replace('>', '&gt;').replace('<', '&lt;')
        text = text.replace(' ', '&nbsp;').rstrip()
        return '<td class="diff_header"%s>%s</td><td nowrap="nowrap">%s</td>' % (
            anchor, linenum, text)

    def _make_prefix(self):
        number = HtmlDiff._default_prefix
        HtmlDiff._default_prefix += 1
        self._prefix = ['from%d_' % number, 'to%d_' % number]

    def _convert_flags(self, fromlist, tolist, flaglist, context, numlines):
        # The "next change" links: each change gets an anchor `numlines` rows before
        # it, and the row where it starts links to the following change's anchor.
        toprefix = self._prefix[1]
        next_id = [''] * len(flaglist)
        next_href = [''] * len(flaglist)
        changes, in_change = 0, False
        last = 0
        for i, flag in enumerate(flaglist):
            if flag:
                if not in_change:
                    in_change = True
                    last = i
                    next_id[max(0, i - numlines)] = ' id="difflib_chg_%s_%d"' % (
                        toprefix, changes)
                    changes += 1
                    next_href[last] = '<a href="#difflib_chg_%s_%d">n</a>' % (
                        toprefix, changes)
            else:
                in_change = False
        if not flaglist:
            flaglist = [False]
            next_id = ['']
            next_href = ['']
            last = 0
            if context:
                fromlist = ['<td></td><td>&nbsp;No Differences Found&nbsp;</td>']
                tolist = fromlist
            else:
                fromlist = tolist = ['<td></td><td>&nbsp;Empty File&nbsp;</td>']
        if not flaglist[0]:
            next_href[0] = '<a href="#difflib_chg_%s_0">f</a>' % toprefix
        next_href[last] = '<a href="#difflib_chg_%s_top">t</a>' % toprefix
        return fromlist, tolist, flaglist, next_href, next_id

    def make_table(self, fromlines, tolines, fromdesc='', todesc='', context=False,
                   numlines=5):
        """An HTML table comparing the two lists of lines side by side; with context,
        only the changes and `numlines` lines around each."""
        self._make_prefix()
        fromlines, tolines = self._tab_newline_replace(fromlines, tolines)
        diffs = _mdiff(fromlines, tolines, numlines if context else None,
                       linejunk=self._linejunk, charjunk=self._charjunk)
        if self._wrapcolumn:
            diffs = self._line_wrapper(diffs)
        fromlist, tolist, flaglist = self._collect_lines(diffs)
        fromlist, tolist, flaglist, next_href, next_id = self._convert_flags(
            fromlist, tolist, flaglist, context, numlines)

        rows = []
        row = ('            <tr><td class="diff_next"%s>%s</td>%s'
               '<td class="diff_next">%s</td>%s</tr>\n')
        for i in range(len(flaglist)):
            if flaglist[i] is None:
                # A hunk separator: a new table body.
                if i > 0:
                    rows.append('        </tbody>        \n        <tbody>\n')
            else:
                rows.append(row % (next_id[i], next_href[i], fromlist[i], next_href[i],
                                   tolist[i]))
        if fromdesc or todesc:
            header_row = '<thead><tr>%s%s%s%s</tr></thead>' % (
                '<th class="diff_next"><br /></th>',
                '<th colspan="2" class="diff_header">%s</th>' % fromdesc,
                '<th class="diff_next"><br /></th>',
                '<th colspan="2" class="diff_header">%s</th>' % todesc)
        else:
            header_row = ''
        table = self._table_template % dict(data_rows=''.join(rows),
                                            header_row=header_row,
                                            prefix=self._prefix[1])
        return (table.replace('\0+', '<span class="diff_add">')
                .replace('\0-', '<span class="diff_sub">')
                .replace('\0^', '<span class="diff_chg">')
                .replace('\1', '</span>')
                .replace('\t', '&nbsp;'))
