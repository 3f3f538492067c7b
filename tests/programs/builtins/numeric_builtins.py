print(abs(-5), abs(3.5), abs(-0.0), abs(-2 ** 70), abs(3 + 4j))
print(round(2.567, 1), round(-1.5), round(1e20), round(12345, -3))
print(divmod(17, 5), divmod(-17, 5), divmod(2 ** 65, 7), divmod(7.5, -2))
print(pow(2, 8), pow(2.0, 3), pow(4, 0.5), pow(-8, 2), pow(2, 100, 97))
print(pow(9, -2))
print(max(0.1, 1 / 10), 2 ** 0.5 * 2 ** 0.5)
print(complex(1, 2) * 1j, (1 + 2j).real, (1 + 2j).conjugate())
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
