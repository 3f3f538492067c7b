# collections' defaultdict, Counter and OrderedDict are dict subclasses, as in CPython:
# isinstance, sizes, refcounts and gc referents show the dict itself, no wrapper.
import sys, gc, json, copy
from collections import defaultdict, Counter, OrderedDict

dd = defaultdict(list)
dd['a'].append(1)
print(isinstance(dd, dict), type(dd), type(dd).__mro__, sys.getsizeof(dd), sys.getsizeof(defaultdict(int)))
print(dd, repr(defaultdict(None)), defaultdict(int, a=1, b=2), dict(dd), json.dumps(dd))
print(sys.getrefcount(dd['a']), gc.get_referents(Counter('ab')), dd.default_factory)
try:
    dd.note = 1
except AttributeError as e:
    print('AttributeError', type(e).__name__)
dd |= {'b': [2]}
print(dd, dd | {'c': 3}, {'z': 0} | dd, type({'z': 0} | dd).__name__)
d2 = dd.copy(); print(d2 == dd, d2 is dd, type(d2).__name__, d2['a'] is dd['a'])
d3 = copy.copy(dd); print(d3, type(d3).__name__)
try:
    defaultdict(1)
except TypeError as e:
    print('TypeError', e)
print(dd.get('missing'), 'missing' in dd, dd.setdefault('s', 5), dd.pop('s'), sorted(dd))

c = Counter('hello world')
print(c, isinstance(c, dict), sys.getsizeof(Counter()), sys.getsizeof(c))
print(c.most_common(3), c['l'], c['?'], len(c), c.total())
c.note = 'kept'
print(c.__dict__, json.dumps(Counter('aab')))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {'a': 1}, Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=1))
print(Counter('aab') + Counter('bcc'), Counter('aab') - Counter('b'), +Counter(a=-1, b=2), -Counter(a=-1, b=2))
x = Counter(a=3); x += Counter(a=-5, b=1); print(x)
x = Counter(a=3, b=1); x -= Counter(a=1); print(x)
x = Counter(a=1); x |= Counter(a=4, z=2); print(x)
x = Counter(a=5, b=2); x &= Counter(a=2); print(x)
print(sorted(Counter(a=2, b=0, c=-1).elements()), Counter({'x': 2}).copy(), dict(Counter('ab')))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)
del c['zzz']; del c['h']; print(c)
c.update({'l': 10}); c.update('ll'); c.subtract(l=100); print(c['l'])

od = OrderedDict(b=1, a=2)
print(od, isinstance(od, dict), od == {'a': 2, 'b': 1}, od == OrderedDict(a=2, b=1), od != OrderedDict(a=2, b=1))
od.move_to_end('b'); print(list(od)); od.move_to_end('b', last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od, list(reversed(OrderedDict(x=1, y=2))))
od.extra = 'attr'; print(od.extra, od | {'q': 1}, type(od.copy()).__name__)
match Counter('aa'):
    case {'a': n}:
        print('matched', n)
class Tally(Counter):
    pass
t = Tally('xyx'); print(t, type(t + t).__name__, t.copy(), type(t.copy()).__name__)
cyc = defaultdict(list); cyc['me'].append(cyc)
del cyc
print(gc.collect())
