print(int("42"))
print(int("  -17  "))
print(int("ff", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("101", 2), int("z", 36))
print(int(3.99), int(-3.99))
print(int(True), int())
print(int("1_000"))
for bad in ["abc", "1.5", ""]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
