# ids are compared, never printed: they are addresses in CPython.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
print(type(id(a)).__name__)
x = object()
print(id(x) == id(x))
def ident(v):
    return v
print(id(ident(a)) == id(a))
t = (a, a)
print(t[0] is t[1], id(t[0]) == id(t[1]))
print(None is None, type(None)() is None)
s = "text"
print(str(s) is s, s[:] is s, list(a) is a, a[:] is a, tuple(t) is t)
