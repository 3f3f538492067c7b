print(2 ** 10)
print(pow(2, 10))
print((-2) ** 3)
print(-2 ** 2)
print(2 ** -1)
print(pow(3, 200, 1000))
print(pow(7, -1, 13))
print(0 ** 0)
print(10 ** 0)
print(2 ** 3 ** 2)
x = 5
x **= 3
print(x)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
