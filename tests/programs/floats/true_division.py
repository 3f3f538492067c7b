print(7 / 2, 8 / 2, -7 / 2)
print(type(8 / 2))
print(1 / 3 * 3)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print(10 ** 20 / 3)
print(2 ** 0.5)
print(divmod(7.5, 2))
seven = 7
print(float(seven) == seven, float(seven) is seven)
print(3 * 0.1)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
