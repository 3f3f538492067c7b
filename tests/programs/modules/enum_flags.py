# Flag: members are bits that can be combined.
from enum import Flag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()


print(list(Perm), [p.value for p in Perm])
rw = Perm.READ | Perm.WRITE
print(rw)
print(repr(rw), rw.value, rw.name)
print(rw is (Perm.WRITE | Perm.READ))       # cached
print(Perm.READ in rw, Perm.EXECUTE in rw)
print(rw & Perm.WRITE, rw & Perm.EXECUTE)
print(repr(rw ^ Perm.READ), repr(rw ^ Perm.EXECUTE))
print(repr(~Perm.READ), repr(~rw))
print(bool(rw), bool(rw & Perm.EXECUTE))
print(list(rw), len(rw))
everything = Perm.READ | Perm.WRITE | Perm.EXECUTE
print(everything, list(everything))
nothing = Perm(0)
print(repr(nothing), nothing, list(nothing), bool(nothing))
print(Perm(5), f"{Perm(6)}")

try:
    Perm(8)
except ValueError as e:
    print('ValueError:', e)
try:
    Perm.READ | 1
except TypeError as e:
    print('TypeError:', e)


class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = RED | GREEN | BLUE       # a named combination


print(list(Color), len(Color))
print(Color.WHITE, repr(Color.RED | Color.GREEN | Color.BLUE))
print(list(Color.__members__), repr(Color))
