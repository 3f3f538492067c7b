# A.__dict__ is a read-only mappingproxy of the class's namespace: it sees attributes
# set on the class later, refuses item assignment, and str() prints its mapping.
import sys, gc
class A:
    x = 1
m = A.__dict__
print(sys.getsizeof(m), gc.is_tracked(m), [type(o).__name__ for o in gc.get_referents(m)], m is A.__dict__)
print(str(m)[:30]); print(repr(m)[:30]); print(type(m).__name__)
print(type(m.keys()).__name__, list(m)[:2], len(m), 'x' in m, 1 in m, m['x'], m.get('y', 5), type(m.copy()).__name__)
try: m['y'] = 1
except TypeError as e: print(e)
try: m['nope']
except KeyError as e: print('KeyError', e)
try: [] in m
except TypeError as e: print(e)
try: hash(m)
except TypeError as e: print(e)
print(type(vars(A)).__name__, sorted(vars(A)), dict(m)['x'], list(reversed(m))[0])
print(sys.getrefcount(A))
A.y = 2
print('y' in m, m['y'], len(m), bool(m))
print({k: v for k, v in m.items() if not k.startswith('__')})
