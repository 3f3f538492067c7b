# Each top-level statement is compiled on its own, as in the interactive interpreter.
a = 5
b = 5
print(a is b)
c = 1000
d = 1000
print(c is d)
e, f = 1000, 1000
print(e is f)
def g():
    x = 1000
    y = 1000
    return x is y
print(g())
