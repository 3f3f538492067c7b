import types
from collections import OrderedDict, deque
n = types.SimpleNamespace(a=1)
n.me = n
print(n)
class NS(types.SimpleNamespace):
    pass
m = NS(b=2)
m.me = m
print(m)
o = OrderedDict(x=1)
o['x'] = o
print(o)
d = deque([1])
d.append(d)
print(d)
t = ([],)
t[0].append(t)
print(t, repr(t[0]))
l = [1]
l.append((l, {'k': l}))
print(l)
dd = {}
dd['self'] = (dd,)
print(dd)
