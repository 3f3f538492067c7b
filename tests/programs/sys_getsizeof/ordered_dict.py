"""sys.getsizeof of an OrderedDict is CPython's: the dict, 64 bytes of its own fields, a node
pointer per key slot once it has keys, and a 32-byte node per item (it counted as a plain
dict subclass: 88 bytes for an empty one where python3 has 128)."""
import sys
from collections import OrderedDict as OD
for n in [0, 1, 2, 5, 6, 10, 11, 22, 50, 100]:
    d = dict((i, i) for i in range(n))
    o = OD((i, i) for i in range(n))
    print(n, sys.getsizeof(d), sys.getsizeof(o))
o = OD()
print(sys.getsizeof(o))
o['a'] = 1
print(sys.getsizeof(o))
del o['a']
print(sys.getsizeof(o))
o.update(x=1, y=2, z=3)
o.move_to_end('x')
print(sys.getsizeof(o), list(o))
o.popitem()
print(sys.getsizeof(o))
class MyOD(OD):
    pass
print(sys.getsizeof(MyOD(a=1)), sys.getsizeof(OD(a=1)))
