import math

print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.5))
print(math.pi, math.e, math.tau)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.lcm(4, 6))
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.inf, -math.inf, math.inf > 10 ** 300, math.isinf(math.inf), math.isnan(math.nan))
print(math.fabs(-3), math.pow(2, 10), math.log(math.e), math.log10(1000), math.log2(8))
print(math.hypot(3, 4), math.isclose(0.1 + 0.2, 0.3), math.copysign(1, -0.0))
print(round(math.sin(math.pi / 2), 10), round(math.cos(0), 10))
print(math.trunc(-7.9), math.modf(2.5), math.fsum([0.1] * 10))
print(math.comb(5, 2), math.perm(5, 2), math.prod([1, 2, 3, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
