import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Temp:
    def __init__(self):
        self.c = 20
        self.cache = [1, 2]

    def __getstate__(self):
        return {'c': self.c}

    def __setstate__(self, state):
        self.c = state['c']
        self.cache = None


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __reduce__(self):
        return (Money, (self.cents,))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(b)


class Source:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n):
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk


print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
values = [None, True, False, 0, 255, 256, 65536, -1, 2**31, -2**31 - 1, 2**100, -2**70,
          1.5, -0.0, 1e300, 'text', 'h\u00e9\u1234\n\\', b'', b'raw', bytearray(b'ab'),
          (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2]], {}, {'a': 1, 2: 'b'},
          {1, 2, 3}, frozenset([4, 5]), frozenset(), Point(1, 2), Point, len, int,
          type(None), Temp(), Money(250), ..., NotImplemented, list(range(1001)),
          {i: i for i in range(1000)}]
for protocol in range(6):
    for v in values:
        print(protocol, pickle.dumps(v, protocol))

print(pickle.dumps(1.5) == pickle.dumps(1.5, 4))
for protocol in range(6):
    shared = [1, 2]
    pair = pickle.loads(pickle.dumps([shared, shared], protocol))
    print(protocol, pair, pair[0] is pair[1])
    a = []
    a.append(a)
    b = pickle.loads(pickle.dumps(a, protocol))
    print(protocol, b[0] is b, len(b))
    d = {}
    d['me'] = d
    e = pickle.loads(pickle.dumps(d, protocol))
    print(protocol, e['me'] is e)
    p = pickle.loads(pickle.dumps(Point(3, [4]), protocol))
    print(protocol, type(p).__name__, p.x, p.y)
    t = pickle.loads(pickle.dumps(Temp(), protocol))
    print(protocol, t.c, t.cache)
    m = pickle.loads(pickle.dumps(Money(7), protocol))
    print(protocol, type(m).__name__, m.cents)
    s = pickle.loads(pickle.dumps({'s': {1, 2}, 'f': frozenset([3]), 'b': b'xy',
                                   'ba': bytearray(b'z'), 'big': -2**200}, protocol))
    print(protocol, sorted(s), s['s'], s['f'], s['b'], s['ba'], s['big'] == -2**200)
    print(protocol, pickle.loads(pickle.dumps(len, protocol)) is len,
          pickle.loads(pickle.dumps(Point, protocol)) is Point)

# Pickles written by CPython 3.11.
print(pickle.loads(b'\x80\x04\x951\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01\x8c\x02hi\x94G?\xf8\x00\x00\x00\x00\x00\x00N\x88\x8a\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01}\x94\x8c\x01a\x94K\x01K\x02\x86\x94se.'))
print(pickle.loads(b'(lp0\nI1\naVhi\np1\naF1.5\naNaI01\na.'))

sink = Sink()
pickle.dump({'k': [1, 2]}, sink)
pickle.dump('second', sink, protocol=0)
data = b''.join(sink.parts)
print(data)
src = Source(data)
print(pickle.load(src), pickle.load(src))


class Pers(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Point):
            return ('point', obj.x)
        return None


class UnPers(pickle.Unpickler):
    def persistent_load(self, pid):
        return Point(pid[1], 'restored')


sink = Sink()
Pers(sink, 2).dump([Point(9, 0), 'x'])
data = b''.join(sink.parts)
print(data)
back = UnPers(Source(data)).load()
print(back[0].x, back[0].y, back[1])

try:
    pickle.dumps(lambda: 0)
except pickle.PicklingError as exc:
    print(type(exc).__name__, str(exc).split(' at 0x')[0], str(exc).split('>: ')[1])


def outer():
    def inner():
        pass
    return inner


try:
    pickle.dumps(outer())
except AttributeError as exc:
    print('AttributeError', exc)
for bad in [b'', b'\x80\x04K', b'zz', b'\x80\x04h\x05.', b'\x80\x04c__main__\nnope\n.']:
    try:
        pickle.loads(bad)
    except Exception as exc:
        print(type(exc).__name__, str(exc).split(' on <module')[0])
try:
    pickle.dumps(1, 6)
except ValueError as exc:
    print('ValueError', exc)
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError))
