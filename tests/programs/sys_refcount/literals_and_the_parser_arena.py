# Why sys.getrefcount(x) is 4 after x = 123456: the code's constants hold the int, x
# holds it, the call's argument holds it, and so does the parser's arena, which keeps
# every object the source's literals made until the program has run. What the optimizer
# folded (60 * 60, -1, a tuple of constants) is there too; a value computed at run time
# is not.
import sys

x = 123456
s = "hello world!"
f = 2.5
t = (1000, 2000)
fold = 60 * 60
neg = -123456
big = 2 ** 70
made = int("123456789")


def g(a=123457, b=(4, 5, 6)):
    y = 7777777
    return sys.getrefcount(y), sys.getrefcount(a), sys.getrefcount(b)


print(sys.getrefcount(x), sys.getrefcount(s), sys.getrefcount(f), sys.getrefcount(t))
print(sys.getrefcount(t[0]), sys.getrefcount(fold), sys.getrefcount(neg), sys.getrefcount(big), sys.getrefcount(made))
print(g())
c = {"key!": 99999}
print(sys.getrefcount(c["key!"]))
for item in [11111, 22222, 33333]:
    print(sys.getrefcount(item), end=" ")
print()
z = 44444
print(z in {44444, 55555}, sys.getrefcount(z))
