import sys

def one_local():
    x = [1, 2]
    return sys.getrefcount(x)

def two_locals():
    x = [1, 2]
    y = x
    return sys.getrefcount(x)

def g(a):
    return sys.getrefcount(a)

def f():
    lst = []
    return g(lst)

print(one_local())
print(two_locals())
shared = {}
print(g(shared))
print(f())
print(sys.getrefcount([]))
print(sys.getrefcount(int("1000")), sys.getrefcount("-".join(["a", "b"])))
