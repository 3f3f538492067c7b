import math
print(int(2.9), int(-2.9), math.trunc(-2.9))
print(float(10 ** 20))
print((1.5).is_integer(), (2.0).is_integer())
print((0.25).as_integer_ratio())
print(float(2 ** 53) == float(2 ** 53 + 1))
print(2 ** 53 + 1 == float(2 ** 53 + 1))
print(1 == 1.0, hash(1) == hash(1.0))
print(max(1, 1.0), max(1.0, 1))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
