# refscope's tracemalloc: the Python layer over the native _tracemalloc, which records
# the file and line of every allocation of the modelled heap while tracing is on.
from _tracemalloc import start, stop, is_tracing, clear_traces, get_traced_memory, reset_peak, _get_traces


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
    __slots__ = ('filename', 'lineno')

    def __init__(self, filename, lineno):
        self.filename = filename
        self.lineno = lineno

    def __str__(self):
        return "%s:%s" % (self.filename, self.lineno)

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self.filename, self.lineno)

    def _key(self):
        return (self.filename, self.lineno)

    def __eq__(self, other):
        return isinstance(other, Frame) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())


class Traceback:
    def __init__(self, frames):
        self._frames = tuple(frames)

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        return self._frames[index]

    def __str__(self):
        return str(self._frames[0])

    def __repr__(self):
        return "<Traceback %r>" % (self._frames,)

    def __eq__(self, other):
        return isinstance(other, Traceback) and self._frames == other._frames

    def __lt__(self, other):
        return self._frames < other._frames

    def __hash__(self):
        return hash(self._frames)


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

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


class Filter:
    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        self.inclusive = inclusive
        self.filename_pattern = filename_pattern
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    def _match(self, filename, lineno):
        hit = filename == self.filename_pattern and (self.lineno is None or self.lineno == lineno)
        return hit if self.inclusive else not hit


class Snapshot:
    def __init__(self, traces):
        # traces: a list of (filename, lineno, size)
        self._traces = traces

    def filter_traces(self, filters):
        kept = []
        for t in self._traces:
            ok = True
            for f in filters:
                if not f._match(t[0], t[1]):
                    ok = False
            if ok:
                kept.append(t)
        return Snapshot(kept)

    def _group(self, key_type):
        if key_type not in ('lineno', 'filename', 'traceback'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        groups = {}
        for filename, lineno, size in self._traces:
            if key_type == 'filename':
                lineno = 0
            tb = Traceback((Frame(filename, lineno),))
            if tb in groups:
                s = groups[tb]
                groups[tb] = (s[0] + size, s[1] + 1)
            else:
                groups[tb] = (size, 1)
        return groups

    def statistics(self, key_type, cumulative=False):
        groups = self._group(key_type)
        stats = [Statistic(tb, size, count) for tb, (size, count) in groups.items()]
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new = self._group(key_type)
        old = old_snapshot._group(key_type)
        diffs = []
        for tb, (size, count) in new.items():
            o = old.get(tb, (0, 0))
            diffs.append(StatisticDiff(tb, size, size - o[0], count, count - o[1]))
        for tb, (size, count) in old.items():
            if tb not in new:
                diffs.append(StatisticDiff(tb, 0, -size, 0, -count))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory allocations to take a snapshot")
    return Snapshot(_get_traces())
