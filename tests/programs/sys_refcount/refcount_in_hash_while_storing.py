# What sys.getrefcount shows inside __hash__ and __eq__ while a dict stores a key:
# PyDict_SetItem takes its references to the key and value first, a dict
# comprehension hands its own over, and a merge from another dict reuses the
# stored hashes without calling __hash__ again.
import sys


class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        print("  hash", self.name, sys.getrefcount(self))
        return 1

    def __eq__(self, other):
        print("  eq", self.name, sys.getrefcount(self), other.name, sys.getrefcount(other))
        return self is other


def main():
    k = Key("k")
    d = {}
    print("d[k] = 1");                    d[k] = 1
    print("d[k] = 2 (already there)");   d[k] = 2
    print("{k: 1}");                     e = {k: 1}
    print("dict([(k, 1)])");             e = dict([(k, 1)])
    print("k in d");                     k in d
    print("d.get(k)");                   d.get(k)
    print("d.setdefault(k, 3)");         d.setdefault(k, 3)
    print("d.update({k: 4})");           d.update({k: 4})
    print("dict.fromkeys([k])");         dict.fromkeys([k])
    print("{**d}");                      e = {**d}
    print("d |= {k: 5}");                d |= {k: 5}
    print("{k: 1 for _ in range(1)}");   e = {k: 1 for _ in range(1)}
    print("set().add(k)");               s = set(); s.add(k)
    print("{k}");                        s = {k}
    print("d.pop(k)");                   d.pop(k)
    other = Key("other")
    print("a second key, same hash");    d[k] = 1; d[other] = 2
    print(sorted(key.name for key in d))


main()
