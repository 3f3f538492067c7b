from enum import IntEnum, IntFlag, Flag, auto
import sys
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
print(Priority.HIGH, repr(Priority.HIGH), Priority.HIGH == 3, Priority.LOW < Priority.HIGH, Priority(2), Priority.HIGH + 1, sorted([Priority.HIGH, Priority.LOW]))
print(f"{Priority.MEDIUM}", f"{Priority.MEDIUM:>3}", "%d" % Priority.LOW, [10, 20, 30, 40][Priority.HIGH], int(Priority.HIGH), max(Priority), isinstance(Priority.LOW, int), str(Priority.LOW))
print({1: "one"}[Priority.LOW], hash(Priority.LOW) == hash(1), Priority.LOW in [1, 2], list(Priority), Priority["LOW"])
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), rw == 6, Perm.R in rw, Perm.X in rw, ~Perm.R, repr(~Perm.R), Perm(7), list(rw), rw & 2, rw + 1, bool(Perm(0)), repr(Perm(0)))
print(sys.getsizeof(Priority.LOW), sys.getrefcount(Priority.LOW))
import json
print(json.dumps({"p": Priority.HIGH, Priority.LOW: 1}))
try:
    Priority(7)
except ValueError as e:
    print(e)
