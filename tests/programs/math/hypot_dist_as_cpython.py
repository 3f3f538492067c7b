"""math.hypot and math.dist as CPython 3.11 computes them (its own vector_norm, not the
C library's hypot, whose last bit differs in about 0.5% of cases), and abs() of a complex
that overflows."""
import math, random, struct
print(repr(math.hypot(5.052838205796004, 5.890022579825517)))
random.seed(3)
out = []
def rnd():
    k = random.random()
    if k < 0.3:
        return random.uniform(-10, 10)
    if k < 0.5:
        return random.uniform(-1e6, 1e6)
    if k < 0.7:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(63)))[0] * random.choice([1, -1])
    if k < 0.8:
        return random.choice([0.0, -0.0, 5e-324, 1e-310, 1.7e308, float('inf'), float('nan'), 1.0, 3.0, 4.0])
    return random.randint(-1000, 1000)
for i in range(300):
    n = random.choice([0, 1, 2, 2, 2, 3, 4, 5])
    args = [rnd() for _ in range(n)]
    try:
        r = math.hypot(*args)
    except Exception as e:
        r = type(e).__name__
    out.append(repr(r))
    if n >= 1:
        try:
            r = math.dist(args, [rnd() for _ in range(n)])
        except Exception as e:
            r = type(e).__name__
        out.append(repr(r))
for z in [complex(1.7e308, 1.7e308), complex(3, 4), complex(float('inf'), 1), complex(1e308, 1e308)]:
    try:
        out.append(repr(abs(z)))
    except OverflowError as e:
        out.append('OverflowError ' + str(e))
print(len(out))
print('\n'.join(out))
