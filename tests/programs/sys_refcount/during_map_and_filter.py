# The refcount an object has while map(), filter(), sorted(key=) and min(key=) call a
# function on it: map keeps its own reference to each item during the call, as CPython.
import sys
class O:
    pass
obj = O()
print(list(map(lambda o: sys.getrefcount(o), [obj])))
print(list(map(lambda a, b: sys.getrefcount(a) + sys.getrefcount(b), [obj], [obj])))
print(list(filter(lambda o: print(sys.getrefcount(o)) or True, [obj])) == [obj])
print(sorted([obj], key=lambda o: sys.getrefcount(o)) == [obj])
print(min([obj], key=lambda o: sys.getrefcount(o)) is obj)
print([sys.getrefcount(o) for o in [obj]])
