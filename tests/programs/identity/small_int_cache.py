# Every int computed at run time in -5..256 is one cached object; 257 and up are new.
def make(n):
    return int(str(n))

for n in [-6, -5, 0, 100, 256, 257, 1000]:
    print(n, make(n) is make(n))
x = 200
y = 56
lit256 = 256
lit257 = 257
print(x + y is lit256, x + y + 1 is lit257)
big = 10 ** 3
print(big * 1 is big)
print(sum([128, 128]) is lit256, sum([128, 129]) is lit257)
lit300 = 300
print(len("a" * 256) is lit256, len("a" * 300) is lit300)
