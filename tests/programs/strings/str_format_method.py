print("{} and {}".format("spam", "eggs"))
print("{1} and {0}".format("spam", "eggs"))
print("{name} is {age}".format(name="Ann", age=9))
print("{0:>8}|{0:<8}|{0:^8}|".format("mid"))
print("{:.2f} {:,} {:08.3f}".format(2 / 3, 10 ** 6, -3.14159))
print("{0[0]} {0[1]}".format(["a", "b"]))
print("{p.real} {p.imag}".format(p=3 + 4j))
print("{!r} {!s}".format("q", "q"))
print("{{}} {}".format(1))
print(format(255, "x"), format(3.5, ".1e"), format("s", ">3"))
print("{:b}".format(10))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
