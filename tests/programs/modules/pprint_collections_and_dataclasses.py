# pprint: OrderedDict, defaultdict, Counter, deque, ChainMap, the User classes,
# SimpleNamespace, mappingproxy and dataclasses written over several lines as CPython does;
# subclasses with their own __repr__ keep it.
import pprint, dataclasses, types
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap, UserDict, UserList, UserString
long = list(range(25))
pprint.pprint(OrderedDict((str(i), i * 1000) for i in range(12)))
pprint.pprint([OrderedDict(), OrderedDict(a=1), defaultdict(int), Counter(), deque()])
pprint.pprint([OrderedDict(a=long)])
dd = defaultdict(list)
for i in range(12):
    dd['key%d' % i].append(i * 1111)
pprint.pprint(dd)
pprint.pprint(defaultdict(None, {'a': 1, 'b': list(range(30))}))
pprint.pprint(Counter('abracadabra' * 3 + 'xyzwvutsrqponm'))
pprint.pprint(Counter(a=3, b=1), indent=3, width=5)
pprint.pprint(deque(long))
pprint.pprint(deque(long, maxlen=30))
pprint.pprint(deque([deque(range(30), maxlen=40)], maxlen=3))
pprint.pprint(OrderedDict([('a', Counter('hello world'))]), width=30)
pprint.pprint(ChainMap({'a': long}, {'b': long}))
pprint.pprint(ChainMap({'a': 1}))
pprint.pprint(UserDict({'a': long, 'b': long}))
pprint.pprint(UserList([long, long]))
pprint.pprint(UserString('hello world ' * 10))


@dataclasses.dataclass
class Point:
    x: int
    y: int
    label: str = 'origin'
    tags: list = dataclasses.field(default_factory=list)
    hidden: int = dataclasses.field(default=0, repr=False)


pprint.pprint(Point(1, 2))
pprint.pprint(Point(1, 2, 'a fairly long label for this point', list(range(20))))
pprint.pprint([Point(i, i * i, 'p' * 20) for i in range(3)])


@dataclasses.dataclass
class Custom:
    a: list

    def __repr__(self):
        return 'Custom!' + 'x' * 100


pprint.pprint(Custom(long))


@dataclasses.dataclass
class Node:
    value: int
    children: list


n = Node(1, [Node(2, []), Node(3, [Node(4, list(range(30)))])])
pprint.pprint(n)
pprint.pprint(n, width=30)


@dataclasses.dataclass
class Loop:
    name: str
    other: object = None
    pad: list = dataclasses.field(default_factory=lambda: list(range(20)))


r = Loop('r')
r.other = r
pprint.pprint(r)

ns = types.SimpleNamespace(alpha=long, beta='b' * 50, gamma={'x': 1})
pprint.pprint(ns)


class NS(types.SimpleNamespace):
    pass


pprint.pprint(NS(a=long))
pprint.pprint(types.MappingProxyType({'a': long, 'b': 2}))


class MyList(list):
    pass


class ReprList(list):
    def __repr__(self):
        return 'ReprList' + list.__repr__(self)


pprint.pprint(MyList(long * 2))
pprint.pprint(ReprList(long * 2))
