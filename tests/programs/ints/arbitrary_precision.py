# Python ints never overflow: they grow digit by digit.
big = 2 ** 100
print(big)
print(big * big)
print(2 ** 64 - 1)
print(-(2 ** 70))
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(3 ** 1000)))
print(10 ** 20 // 7)
print((10 ** 30 + 1) % 1000)
print(int("123456789012345678901234567890") + 1)
print(12345678901234567890 == 12345678901234567890)
print(2 ** 62 * 4 == 2 ** 64)
