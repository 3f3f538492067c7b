# // rounds towards minus infinity, and % takes the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(f"{a:3} // {b:2} = {q:3}   {a:3} % {b:2} = {r:2}   check {q * b + r == a}")
print(divmod(-17, 5))
print(divmod(17, -5))
print(-(2 ** 80) // 3)
print(-(2 ** 80) % 3)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
