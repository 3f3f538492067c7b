# In a Flag, auto() members are plain ints by the next line of the class
# body, so named combinations can be built from them.
from enum import Flag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    RWX = R | W | X
    print('body:', R, W, X, RW, RWX)


print(list(Perm), len(Perm))
print(list(Perm.__members__))
print(repr(Perm.RWX), Perm.RW, Perm.RWX is (Perm.R | Perm.W | Perm.X))
print(Perm.RW in Perm.RWX, Perm.X in Perm.RW)
print(list(Perm.RWX), len(Perm.RWX))
print(repr(~Perm.RW), repr(Perm.RWX & ~Perm.W))
print(Perm(3), Perm(7), Perm['RW'])


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    YELLOW = RED | GREEN
    NONE = 0


print(list(Color), Color.WHITE, repr(Color.YELLOW))
print(Color(0), repr(Color.NONE), bool(Color.NONE))
print(Color.RED | Color.GREEN is Color.YELLOW)
print(Color._member_names_)
print(sorted(Color.__members__))


class Out(Flag):                    # out of order: iterates in definition order
    _order_ = 'B A'
    B = 4
    A = auto()                      # the next power of two after 4
    AB = A | B


print(list(Out), Out.AB, Out.A.value)
