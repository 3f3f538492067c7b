import pickle, copyreg, io


class Slot:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1
        self.b = [2]


class SlotDict:
    __slots__ = ('a', '__dict__')

    def __init__(self):
        self.a = 1
        self.z = 2


class KW:
    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self.args = args
        self.kwargs = kwargs
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kwargs


class NA:
    def __new__(cls, a, b):
        self = object.__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs__(self):
        return (self.a, self.b)


class Setter:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Setter, (0,), {'v': self.v}, None, None, Setter.set_state)

    @staticmethod
    def set_state(obj, state):
        obj.v = state['v'] * 10


class MyList(list):
    pass


class MyDict(dict):
    pass


class Outer:
    class Inner:
        pass


class Vec:
    def __init__(self, x):
        self.x = x


def reduce_vec(v):
    return (Vec, (v.x * 2,))


copyreg.pickle(Vec, reduce_vec)

values = [Slot(), SlotDict(), KW(1, k=2), NA(3, 4), Setter(5), MyList([1, 2]),
          MyDict(a=1), Outer.Inner, Outer.Inner(), Vec(4), [Vec(1), Vec(1)]]
for protocol in range(6):
    for v in values:
        try:
            print(protocol, pickle.dumps(v, protocol))
        except Exception as exc:
            print(protocol, type(exc).__name__, str(exc).split(' at 0x')[0])
for protocol in range(2, 6):
    s = pickle.loads(pickle.dumps(Slot(), protocol))
    print(s.a, s.b)
    k = pickle.loads(pickle.dumps(KW(1, k=2), protocol))
    print(k.args, k.kwargs)
    n = pickle.loads(pickle.dumps(NA(3, 4), protocol))
    print(n.a, n.b)
    print(pickle.loads(pickle.dumps(Setter(5), protocol)).v)
    m = pickle.loads(pickle.dumps(MyList([1, 2]), protocol))
    print(type(m).__name__, m)
    print(pickle.loads(pickle.dumps(Outer.Inner, protocol)) is Outer.Inner)
    print(pickle.loads(pickle.dumps(Vec(3), protocol)).x)


class Overrider(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Vec):
            return (str, ('vec',))
        return NotImplemented


f = io.BytesIO()
Overrider(f, 4).dump([Vec(1), 2, 'a'])
print(f.getvalue(), pickle.loads(f.getvalue()))

f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = {Vec: lambda v: (int, (v.x,))}
p.dump(Vec(7))
print(f.getvalue())
x = [1]
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump(x)
p.dump(x)
p.clear_memo()
p.dump(x)
print(f.getvalue())
import functools
part = functools.partial(max, 1, key=abs)
for protocol in range(6):
    print(pickle.dumps(part, protocol))
    q = pickle.loads(pickle.dumps(part, protocol))
    print(q(-5, 3), q.args, q.keywords)
