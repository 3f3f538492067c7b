from collections.abc import Iterable, Iterator, Sequence, Mapping, MutableMapping, Sized, Container, Callable, Hashable, Generator, Set, MutableSequence, Collection, Reversible
import collections.abc
from collections import abc
print(collections.abc is abc, abc.Sequence is Sequence, Sequence, type(Sequence).__name__)
for obj in ([], (), "s", {}, set(), frozenset(), range(3), iter([]), (x for x in []), len, 5, None, b"b", {}.keys()):
    print(type(obj).__name__, [c.__name__ for c in (Iterable, Iterator, Sequence, Mapping, MutableMapping, Sized, Container, Callable, Hashable, Generator, Set, MutableSequence, Collection, Reversible) if isinstance(obj, c)])
class Deck(Sequence):
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __getitem__(self, i):
        return self.cards[i]
    def __len__(self):
        return len(self.cards)
d = Deck()
print(list(d), "K" in d, d.index("Q"), d.count("A"), list(reversed(d)), isinstance(d, Iterable))
class Registry(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
r = Registry()
r["a"] = 1
r.update(b=2)
print(dict(r), r.get("z", 0), "a" in r, list(r.keys()), list(r.items()), r.pop("a"), r.setdefault("c", 3), len(r), r == {"b": 2, "c": 3})
try:
    Sequence()
except TypeError as e:
    print(e)
class Half(Sequence):
    def __len__(self):
        return 0
try:
    Half()
except TypeError as e:
    print(e)
class Duck:
    def __iter__(self):
        return iter([])
    def __len__(self):
        return 0
print(isinstance(Duck(), Iterable), isinstance(Duck(), Sized), isinstance(Duck(), Collection), issubclass(Duck, Container))
def walk(x):
    if isinstance(x, Mapping):
        return {k: walk(v) for k, v in x.items()}
    if isinstance(x, Iterable) and not isinstance(x, str):
        return [walk(v) for v in x]
    return x
print(walk({"a": (1, 2), "b": {"c": "str"}}))
try:
    import collections.nothing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import math.sub
except ImportError as e:
    print(type(e).__name__, e)
