# refscope's tracemalloc: the Python layer over the native _tracemalloc, which records
# the traceback (nframe frames, most recent first) of every allocation of the modelled
# heap while tracing is on.
from _tracemalloc import (start, stop, is_tracing, clear_traces, get_traced_memory,
                          reset_peak, get_traceback_limit, _get_traces,
                          _get_object_traceback, _getline)


def _format_size(size, sign):
    for unit in ('B', 'KiB', 'MiB', 'GiB', 'TiB'):
        if abs(size) < 100 and unit != 'B':
            if sign:
                return "%+.1f %s" % (size, unit)
            return "%.1f %s" % (size, unit)
        if abs(size) < 10 * 1024 or unit == 'TiB':
            if sign:
                return "%+.0f %s" % (size, unit)
            return "%.0f %s" % (size, unit)
        size /= 1024


class Frame:
    """One frame of a traceback: filename and lineno."""
    __slots__ = ('_frame',)

    def __init__(self, frame):
        # frame: a (filename, lineno) tuple
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __str__(self):
        return "%s:%s" % (self.filename, self.lineno)

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self.filename, self.lineno)

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        return not self <= other

    def __ge__(self, other):
        return not self < other

    def __hash__(self):
        return hash(self._frame)


class Traceback:
    """Frames from the oldest to the most recent (the native layer gives them most
    recent first)."""
    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(f) for f in self._frames[index])
        return Frame(self._frames[index])

    def __iter__(self):
        for f in self._frames:
            yield Frame(f)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback %s" % (tuple(self),)
        if self._total_nframe is None:
            return text + ">"
        return text + " total_nframe=%s>" % self._total_nframe

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        return not self <= other

    def __ge__(self, other):
        return not self < other

    def __hash__(self):
        return hash(self._frames)

    def format(self, limit=None, most_recent_first=False):
        if limit is None:
            frames = self[:]
        elif limit > 0:
            frames = self[-limit:]
        else:
            frames = self[:limit]
        if most_recent_first:
            frames = tuple(reversed(frames))
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            line = _getline(frame.filename, frame.lineno).strip()
            if line:
                lines.append('    %s' % line)
        return lines


def get_object_traceback(obj):
    """The Traceback where obj was allocated, or None when it was not traced."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """One traced allocation: domain, size and traceback."""
    __slots__ = ('_trace',)

    def __init__(self, trace):
        # trace: (domain, size, frames, total_nframe)
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(t) for t in self._traces[index])
        return Trace(self._traces[index])

    def __iter__(self):
        for t in self._traces:
            yield Trace(t)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


class Statistic:
    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __str__(self):
        text = "%s: size=%s, count=%i" % (self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return "<Statistic traceback=%r size=%i count=%i>" % (self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return ('<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>'
                % (self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


def _fnmatch(name, pat):
    """Shell-style matching as fnmatch.fnmatch on POSIX: *, ?, [seq] and [!seq]."""
    # Backtracking over the last '*' seen: linear in practice.
    n = p = 0
    star = -1
    mark = 0
    while n < len(name):
        if p < len(pat) and pat[p] == '*':
            star = p
            mark = n
            p += 1
            continue
        if p < len(pat):
            ok, width = _match_one(name[n], pat, p)
            if ok:
                n += 1
                p += width
                continue
        if star >= 0:
            p = star + 1
            mark += 1
            n = mark
            continue
        return False
    while p < len(pat) and pat[p] == '*':
        p += 1
    return p == len(pat)


def _match_one(c, pat, p):
    """Whether the character c matches the pattern item at p, and the item's width."""
    if pat[p] == '?':
        return True, 1
    if pat[p] == '[':
        end = p + 1
        if end < len(pat) and pat[end] == '!':
            end += 1
        if end < len(pat) and pat[end] == ']':
            end += 1
        while end < len(pat) and pat[end] != ']':
            end += 1
        if end >= len(pat):
            return c == '[', 1
        body = pat[p + 1:end]
        negate = body.startswith('!')
        if negate:
            body = body[1:]
        hit = False
        i = 0
        while i < len(body):
            if i + 2 < len(body) and body[i + 1] == '-':
                if body[i] <= c <= body[i + 2]:
                    hit = True
                i += 3
            else:
                if body[i] == c:
                    hit = True
                i += 1
        return hit != negate, end - p + 1
    return c == pat[p], 1


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        filename = filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        if not _fnmatch(_normalize_filename(filename), self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_traceback(self, frames):
        # frames: most recent first
        if self.all_frames:
            for filename, lineno in frames:
                if self._match_frame_impl(filename, lineno):
                    return self.inclusive
            return not self.inclusive
        filename, lineno = frames[0]
        return self._match_frame_impl(filename, lineno) != (not self.inclusive)

    def _match(self, trace):
        domain, size, frames, total_nframe = trace
        res = self._match_traceback(frames)
        if self.domain is not None:
            if self.inclusive:
                return res and domain == self.domain
            return res or domain != self.domain
        return res


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self._domain) != (not self.inclusive)


class Snapshot:
    def __init__(self, traces, traceback_limit=1):
        # traces: a list of (domain, size, frames, total_nframe)
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def _keep(self, include, exclude, trace):
        if include and not any(f._match(trace) for f in include):
            return False
        if exclude and any(not f._match(trace) for f in exclude):
            return False
        return True

    def filter_traces(self, filters):
        try:
            filters = list(filters)
        except TypeError:
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__) from None
        include = [f for f in filters if f.inclusive]
        exclude = [f for f in filters if not f.inclusive]
        kept = [t for t in self.traces._traces if self._keep(include, exclude, t)]
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used with key type %r" % key_type)
        stats = {}
        for domain, size, frames, total_nframe in self.traces._traces:
            if cumulative:
                keys = []
                for frame in frames:
                    key = (frame,) if key_type == 'lineno' else ((frame[0], 0),)
                    if key not in keys:
                        keys.append(key)
            elif key_type == 'traceback':
                keys = [frames]
            elif key_type == 'lineno':
                keys = [frames[:1]]
            else:
                keys = [((frames[0][0], 0),)]
            for key in keys:
                tb = Traceback(key)
                stat = stats.get(tb)
                if stat is None:
                    stats[tb] = Statistic(tb, size, 1)
                else:
                    stat.size += size
                    stat.count += 1
        return stats

    def statistics(self, key_type, cumulative=False):
        stats = list(self._group_by(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for tb, stat in new.items():
            o = old.pop(tb, None)
            if o is None:
                diffs.append(StatisticDiff(tb, stat.size, stat.size, stat.count, stat.count))
            else:
                diffs.append(StatisticDiff(tb, stat.size, stat.size - o.size,
                                           stat.count, stat.count - o.count))
        for tb, stat in old.items():
            diffs.append(StatisticDiff(tb, 0, -stat.size, 0, -stat.count))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory allocations to take a snapshot")
    traces = [(0, size, frames, None) for frames, size in _get_traces()]
    return Snapshot(traces, get_traceback_limit())
