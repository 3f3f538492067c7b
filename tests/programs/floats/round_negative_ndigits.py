# round(x, -n) rounds the float's exact value to a multiple of 10**n (half to even) and
# reads that back as the nearest float, as CPython does: 12000000000000006.0 rounds to
# 1.200000000000001e+16, not 1.2e+16 (dividing by 10 in floats first rounds twice).
import random

random.seed(7)
values = [12000000000000006.0, 1.5e16, 2.5e16, 12345678901234567890.0, 1e300,
          1.7976931348623157e308, -12000000000000006.0, 5.0, 15.0, 25.0, 35.0, -25.0, 0.5,
          2675.0, 1234.5678, -0.0, 4.0, -4.0, 1e-5]
values += [random.uniform(-1, 1) * 10 ** random.randint(-5, 308) for _ in range(100)]
for v in values:
    row = []
    for n in (-1, -2, -3, -5, -10, -16, -20, -100, -300, -308, -309):
        try:
            row.append(repr(round(v, n)))
        except OverflowError as e:
            row.append("OverflowError: " + str(e))
    print(repr(v), *row)
