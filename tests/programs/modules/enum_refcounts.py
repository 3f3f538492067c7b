# Who refers to a member?  The class __dict__, _member_map_ and
# _value2member_map_ (and getrefcount's own argument).
import sys
from enum import Enum, Flag


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1          # alias: one more name for RED


print(sys.getrefcount(Color.GREEN))
print(sys.getrefcount(Color.RED))      # RED and CRIMSON: two names
print(sys.getsizeof(Color.RED) == sys.getsizeof(Color.GREEN))
print(Color.__dict__['RED'] is Color.RED, Color._member_map_['CRIMSON'])
print(Color._value2member_map_)
print(Color._member_names_, sorted(Color.RED.__dict__))

favourite = Color.GREEN
print(sys.getrefcount(Color.GREEN))    # one more: the variable
palette = [Color.GREEN, Color.GREEN]
print(sys.getrefcount(Color.GREEN))    # two more: the list
del favourite, palette
print(sys.getrefcount(Color.GREEN))

label = {Color.GREEN: 'grass'}
print(sys.getrefcount(Color.GREEN))    # the dict key
del label


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W                   # a pseudo-member, kept in _value2member_map_
print(sys.getrefcount(rw), sys.getrefcount(Perm.R))
print(Perm._value2member_map_)
not_r = ~Perm.R                        # cached on Perm.R as _inverted_
print(sys.getrefcount(not_r), Perm.R.__dict__['_inverted_'] is not_r)
print(sys.getsizeof(rw) == sys.getsizeof(Perm.R))
