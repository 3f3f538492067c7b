# A float's repr is the shortest string that reads back as the same float: where the
# float lies exactly halfway between two such strings (2.0 ** -24 is
# 5.9604644775390625e-08), only one of them reads back, and that is the one written.
import math
import random

x = 2.0 ** -24
print(x, repr(x), float(repr(x)) == x, 2.0 ** -25, 2.0 ** 60, 5e-324, 1e23)

# A sweep: powers of two, scaled integers and random magnitudes, through a digest.
rng = random.Random(3)
h = 0
bad = 0
for i in range(1500):
    k = rng.random()
    if k < 0.3:
        x = 2.0 ** rng.randint(-1074, 1023)
    elif k < 0.6:
        x = rng.randint(1, 2**53) * 2.0 ** rng.randint(-200, 200)
    else:
        x = rng.uniform(-1e300, 1e300) * 10.0 ** rng.randint(-300, 0)
    r = repr(x)
    bad += float(r) != x
    for ch in r:
        h = (h * 131 + ord(ch)) % (2**61 - 1)
print(h, bad)

# float('-nan') keeps its sign, as float.fromhex('-nan') does.
print(math.copysign(1.0, float("-nan")), math.copysign(1.0, float.fromhex("-nan")), math.copysign(1.0, float("nan")))

# A bytearray's repr escapes a single quote even between double quotes.
print(bytearray(b"'"), bytes(b"'"), bytearray(b"'\""), bytearray(b"a'b"), [bytearray(b"it's")])
