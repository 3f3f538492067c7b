# Bound methods: a new object each time (a.m is not a.m), but equal, and hashed alike,
# when they bind the same object to the same function.
class A:
    def m(self): return 1
a, b = A(), A()
print(a.m == a.m, a.m is a.m, a.m != a.m, a.m == b.m, hash(a.m) == hash(a.m), A.m == A.m)
l = []
print(l.append == l.append, l.append == [].append, hash(l.append) == hash(l.append))
d = {a.m: "bound"}
print(d[a.m], a.m in {a.m}, len({a.m, a.m, b.m}))
