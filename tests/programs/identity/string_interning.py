import sys

a = "hello"
b = "hel" + "lo"
c = "".join(["hel", "lo"])
print(a is b, a is c, a == c)
d = sys.intern(c)
print(d is a, sys.intern("hello") is a)
name = "refscope"
built = "ref" + name[3:]
print(built == name, built is name, sys.intern(built) is name)
print(str(name) is name)
