# repr of a float is the shortest string that reads back as the same float.
values = [0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0, 1e-5, 0.0001,
          -0.0, 1.0, 100.0, 1e22, 1.5e300 * 1e10, 2.5, 3.14159]
for v in values:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3)
print(float("1e500"), float("-inf"))
print(float("nan") == float("nan"))
print(float("  2.5  "), float("1_0.5"))
print(1e308 * 10)
print(5e-324, 5e-324 / 2)
