# round() uses banker's rounding on exact halves; floats are not always exact halves.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5]:
    print(v, round(v))
print(round(2.675, 2))
print(round(3.14159, 3))
print(round(1234.5678, -2))
print(round(1234, -2), round(1250, -2), round(1350, -2))
print(round(7))
print(type(round(2.5)), type(round(2.5, 1)))
print(round(-2.5), round(-3.5))
