# list.sort() and sorted() make exactly CPython's comparisons, in CPython's order
# (timsort: runs, binary insertion, powersort merges, galloping): a counting __lt__
# adds every comparison to a digest, which is printed with the number of comparisons.
seed = [2024]


def rand(n):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return (seed[0] >> 8) % n


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        # The digest of every comparison so far, and their number.
        acc[0] = (acc[0] * 1000003 + self.i * 7919 + other.i) % 1000000007
        acc[1] += 1
        return self.v < other.v


def make(n, kind):
    if kind == 0:
        return [rand(50) for _ in range(n)]
    if kind == 1:
        data = list(range(n))
        for _ in range(n // 10):
            i, j = rand(n), rand(n)
            data[i], data[j] = data[j], data[i]
        return data
    if kind == 2:
        return list(range(n, 0, -1)) + list(range(n // 2))
    data = []
    while len(data) < n:
        run = 1 + rand(40)
        start = rand(1000)
        step = 1 if rand(2) else -1
        data.extend(start + step * k for k in range(run))
    return data[:n]


acc = [0, 0]
# Short lists are sorted by binary insertion alone; past 64 items, runs are merged, and
# the runs of kind 3 make the merges gallop.
for n, kinds in [(0, 1), (1, 1), (2, 4), (3, 4), (5, 4), (13, 4), (64, 4), (65, 4), (200, 1)]:
    for kind in range(4 - kinds, 4):
        data = make(n, kind)
        items = [K(v, i) for i, v in enumerate(data)]
        counts = [acc[1]]
        out = sorted(items)
        assert [k.v for k in out] == sorted(data)
        counts.append(acc[1])
        items.sort(reverse=True)
        counts.append(acc[1])
        sorted(items, key=lambda k: K(-k.v, k.i))
        counts.append(acc[1])
        print(n, kind, [b - a for a, b in zip(counts, counts[1:])])
print("digest", acc[0])
