# math's functions of floats that CPython 3.11 has, at ordinary and edge values: the
# C library's asinh, acosh, atanh, erf, erfc, expm1 and log1p, and the exact ones
# (frexp, ldexp, nextafter, ulp, remainder).
import math

values = [0.0, -0.0, 1e-310, -2.5e-320, 1e-8, 0.1, 0.5, 0.999, 1.0, 1.5, 2.0, 3.7, 10.0,
          123.456, 1e15, 1e16 + 2, 1e300, 1.7976931348623157e308, -0.3, -1.0, -7.25,
          float("inf"), float("-inf"), float("nan")]
for name in ("asinh", "acosh", "atanh", "erf", "erfc", "expm1", "log1p", "frexp", "ulp"):
    row = []
    for v in values:
        try:
            row.append(repr(getattr(math, name)(v)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(name, row)
for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, -1.0), (-0.0, 1.0), (1e308, float("inf")), (5.0, 5.0),
             (float("nan"), 1.0), (1e-320, -1.0), (-1.0, -2.0)]:
    print("nextafter", x, y, repr(math.nextafter(x, y)))
for x, y in [(5.0, 3.0), (7.5, 2.0), (-7.5, 2.0), (2.5, 1.0), (3.5, 1.0), (1e300, 3.3), (0.0, 1.0),
             (1.0, float("inf")), (float("inf"), 1.0), (1.0, 0.0), (-0.0, 2.0)]:
    try:
        print("remainder", x, y, repr(math.remainder(x, y)))
    except ValueError as e:
        print("remainder", x, y, e)
for x, i in [(1.0, 1), (0.75, -1074), (1.5, 1023), (1.0, 1024), (3.0, -1080), (-2.0, 10**20),
             (1.0, -10**20), (0.0, 5), (float("nan"), 3)]:
    try:
        print("ldexp", x, i, repr(math.ldexp(x, i)))
    except OverflowError as e:
        print("ldexp", x, i, e)
try:
    math.ldexp(1.0, 1.5)
except TypeError as e:
    print(e)
