c = 1000
d = int("1000")
print(c == d, c is d)
e = 500 + 500
n = 500
f = n + n
print(e is c, f is c, f == c)
print(int("1000") is int("1000"))
one = 1
k = 257
print(256 + one is k)
print(n * 2 is n * 2)
