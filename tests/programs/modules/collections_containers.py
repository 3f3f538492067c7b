# collections: deque (a BFS queue, maxlen), namedtuple, defaultdict, Counter, OrderedDict and
# ChainMap, printing and comparing as python3's; and the keyword module.
from collections import deque, namedtuple, defaultdict, Counter, OrderedDict, ChainMap
import keyword
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist))
d = deque([1, 2, 3]); d.append(4); d.appendleft(0); print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)
d.rotate(1); print(d); d.rotate(-2); print(d); d.extendleft('ab'); print(d)
q = deque(maxlen=3)
for i in range(5):
    q.append(i)
print(q, q.maxlen, list(reversed(q)), deque('xyz') == deque('xyz'))
try:
    deque().pop()
except IndexError as e:
    print(e)
todo = deque(['a']); seen = []
while todo:
    n = todo.popleft(); seen.append(n)
    if len(seen) < 4:
        todo.extend([n + 'x', n + 'y'])
print(seen, todo)
Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), p == Point(1, 2), x if (x := p[0]) else 0, list(p), len(p), hash(p) == hash((1, 2)))
a, b = p; print(a, b, p._asdict(), p._replace(y=9), Point._make([5, 6]), Point._fields, Point.__doc__)
try:
    p.x = 3
except AttributeError as e:
    print(e)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: namedtuple('P', 'a a'), lambda: namedtuple('P', 'a _b'), lambda: namedtuple('P', 'a def')]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
Emp = namedtuple('Emp', ['name', 'dept', 'salary'], defaults=[0])
e = Emp('ann', 'it'); print(e, Emp._field_defaults, sorted([Emp('b', 'x', 2), Emp('a', 'y', 3)]))
print(namedtuple('R', 'a def b', rename=True)._fields)
dd = defaultdict(list)
for word in 'apple avocado banana blueberry cherry'.split():
    dd[word[0]].append(word)
print(dd, dd['z'], len(dd), dict(dd) == dd._data if hasattr(dd, '_data') else True, 'a' in dd)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, sorted(counts.items()), defaultdict(None, {'a': 1}))
try:
    defaultdict(None)['x']
except KeyError as e:
    print('KeyError', e)
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), c.total(), sorted(c.elements())[:6])
c.update('aaz'); c.subtract({'b': 1}); print(c, Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(), Counter([1, 1, 2]) | Counter([2, 2]), Counter('aab') & Counter('abb'), Counter(a=2) == Counter({'a': 2}))
od = OrderedDict(); od['x'] = 1; od['y'] = 2; od['z'] = 3
od.move_to_end('x'); print(od, od.popitem(), od.popitem(last=False), od, OrderedDict())
od['w'] = 0; od.move_to_end('w', last=False); print(list(od), od == OrderedDict(w=0, z=3), od == OrderedDict(z=3, w=0))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), sorted(cm), cm)
