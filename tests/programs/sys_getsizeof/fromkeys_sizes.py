# dict.fromkeys of a dict or a set sizes the new table for the source's keys at once (a
# set's always for keys of any type); of other iterables it grows key by key.
import sys

for source in ({}, {1: 2}, {"a": 1}, {1}, frozenset("ab"), {1: 1, 2: 2, 3: 3, 4: 4},
               dict.fromkeys(range(5)), set(range(11)), [1, 2], "abc", range(3)):
    d = dict.fromkeys(source)
    print(type(source).__name__, len(d), sys.getsizeof(d))
    d["extra"] = 0
    print("  one more key:", sys.getsizeof(d))
