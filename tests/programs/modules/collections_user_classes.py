# collections.UserDict, UserList and UserString: wrappers whose contents are in `.data`,
# made to be subclassed (every update goes through the subclass's methods); the ABCs
# that recognise them; `collections.abc` after a plain `import collections`; and
# typing's aliases of collections' classes.
import collections
import typing
from collections import UserDict, UserList, UserString


class LowerDict(UserDict):
    """Keys are stored lower-case, however they are set."""

    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = LowerDict({"Alpha": 1}, Beta=2)
d["GAMMA"] = 3
d.update([("Delta", 4)])
d.setdefault("EPSILON", 5)
print(d, len(d), "alpha" in d, d.get("beta"), d.get("zeta", 0))
print(d.pop("delta"), d.popitem(), sorted(d.keys()), list(d.values()))
print(d == {"alpha": 1, "beta": 2, "gamma": 3}, type(d.copy()).__name__, d.copy() == d)
print(d | {"z": 26}, type(d | {"z": 26}).__name__, {"a": 0} | d)
d |= {"Q": 9}
print(d, d.data is d.data, type(d.data).__name__)
print(UserDict.fromkeys("ab", 0))


class Defaulting(UserDict):
    def __missing__(self, key):
        return f"<{key}?>"


print(Defaulting(x=1)["x"], Defaulting()["y"])
try:
    UserDict()["nope"]
except KeyError as e:
    print("KeyError:", e)
d.clear()
print(d, bool(d))


class Stack(UserList):
    def push(self, item):
        self.append(item)


s = Stack([3, 1, 2])
s.push(5)
s.extend(Stack([9]))
s.sort()
print(s, s[1:3], type(s[1:3]).__name__, s[0], len(s), 9 in s)
print(s + [0], type(s + [0]).__name__, [0] + s, s * 2, s == [1, 2, 3, 5, 9], s < [2])
s += (7,)
s.insert(0, 4)
s.remove(9)
print(s, s.pop(), s.index(3), s.count(1), list(reversed(s)))
del s[0]
s.reverse()
print(s, s.copy(), type(s.copy()).__name__)

u = UserString("Hello")
print(u.upper(), type(u.upper()).__name__, u + "!", "<" + u, u * 2, u[1:4])
print(len(u), "ell" in u, u == "Hello", u < "World", u.split("l"), u.find("l"))
print(u.replace("l", "L"), u.center(9, "*"), u.zfill(8), str(u), repr(u), hash(u) == hash("Hello"))

from collections.abc import Mapping, MutableMapping, MutableSequence, Sequence

print(isinstance(d, MutableMapping), isinstance(d, Mapping), isinstance(s, MutableSequence),
      isinstance(u, Sequence), isinstance(u, MutableSequence))
print(collections.abc.Mapping is Mapping, collections.abc.__name__)

print(typing.DefaultDict, typing.DefaultDict[str, int], typing.Deque[int], typing.Counter[str])
print(typing.OrderedDict[str, int], typing.ChainMap[str, int], typing.Self, typing.Never)
print(typing.Deque([1, 2]), typing.Counter("abca").most_common(1), typing.DefaultDict(list)["k"])


def make(x: typing.Deque[int]) -> typing.DefaultDict[str, list]:
    return collections.defaultdict(list)


print(make.__annotations__)
print(UserDict, UserList.__mro__[1].__name__, UserString.__module__)
print(UserDict(a=1).keys(), UserDict(a=1).items(), Defaulting(x=1).get("y"))
print(UserDict(a=1) == UserDict(a=1), UserDict(a=1) != {"a": 2}, "UserDict" in collections.__all__)
