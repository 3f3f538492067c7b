"""Bisection algorithms (refscope's bisect module): find where an item goes in a
sorted list, and insert it there.

As CPython's: with key, the key is applied to the list's items, not to x (insort
applies it to x too); lo and hi bound the search.
"""

__all__ = ["bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right"]


def _search(a, x, lo, hi, key, right):
    """Where x goes among a[lo:hi] (sorted): after the items equal to it when right,
    before them otherwise."""
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        item = a[mid] if key is None else key(a[mid])
        if (x < item) if right else not (item < x):
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """The index where x goes in a (sorted) to keep it sorted, after any items equal
    to x."""
    return _search(a, x, lo, hi, key, True)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """The index where x goes in a (sorted) to keep it sorted, before any items equal
    to x."""
    return _search(a, x, lo, hi, key, False)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Inserts x in a (sorted), after any items equal to it."""
    k = x if key is None else key(x)
    lo = bisect_right(a, k, lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Inserts x in a (sorted), before any items equal to it."""
    k = x if key is None else key(x)
    lo = bisect_left(a, k, lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
