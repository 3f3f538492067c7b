# math.gamma and math.lgamma give python3's floats to the last digit: CPython computes
# them with its own Lanczos approximation, not the C library's tgamma and lgamma.
import math
import random

for x in [0.5, 1.5, 2.5, 3.7, 10.1, 23.0, 24.0, 30.0, 100.5, 141.3, 171.6, -0.5, -1.5, -2.25, -10.3, -150.7, -200.5, 1e-30, -1e-30]:
    print(x, math.gamma(x), math.lgamma(x))
print(math.gamma(5), math.gamma(True), math.lgamma(10**5), math.factorial(20) == math.gamma(21))

# A sweep of random arguments, compared through a digest of their reprs.
rng = random.Random(7)
xs = [rng.uniform(-180, 171) for _ in range(2000)] + [rng.uniform(-6, 6) for _ in range(2000)]
digest = 0
for x in xs:
    for r in (math.gamma(x), math.lgamma(x)):
        for ch in repr(r):
            digest = (digest * 131 + ord(ch)) % (2**61 - 1)
print(digest)

for f, x in [(math.gamma, 0.0), (math.gamma, -3.0), (math.gamma, 172.0), (math.gamma, float("-inf")), (math.gamma, 5e-324),
             (math.lgamma, 0), (math.lgamma, -2.0), (math.lgamma, 1e308), (math.gamma, "x")]:
    try:
        print(f(x))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, x, type(e).__name__, e)
print(math.gamma(float("inf")), math.lgamma(float("-inf")), math.gamma(float("nan")))
