# float.hex() writes the exact bits (13 hex digits, subnormals as 0x0.…p-1022), and
# int.as_integer_ratio() is the int over 1.
for v in (0.1, 1.0, -2.5, 0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1e308, 3.0,
          float("inf"), float("nan"), 1 / 3):
    print(v.hex())
print((7).as_integer_ratio(), (-10**20).as_integer_ratio(), True.as_integer_ratio())
