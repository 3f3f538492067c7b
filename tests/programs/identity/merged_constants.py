# As a script, equal constants are merged per file: these are all the same object.
a = 5
b = 5
print(a is b)
c = 1000
d = 1000
print(c is d)
def f():
    return 1000
def g():
    return 1000
print(f() is g(), f() is c)
e = 999 + 1
print(e is c)
s1 = "hello world"
s2 = "hello world"
print(s1 is s2)
t1 = (1, 2, 3)
t2 = (1, 2, 3)
print(t1 is t2)
