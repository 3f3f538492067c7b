# random after seed() draws the numbers python3 draws: the Mersenne Twister seeded from ints,
# floats, str and bytes as CPython seeds it, and the same algorithms on top of it.
import random
random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 10), random.randrange(100), random.randrange(5, 50, 5), random.randrange(10, 0, -3))
xs = list(range(10)); random.shuffle(xs); print(xs)
print(random.choice('abcdef'), random.choice([1, 2, 3]), random.sample(range(100), 5), random.sample('abcdefg', 3))
print(random.sample(range(10**6), 8), random.sample(['r', 'b'], counts=[3, 2], k=4))
print(random.choices('abc', k=5), random.choices([1, 2, 3], weights=[1, 0, 5], k=4), random.choices('xy', cum_weights=[1, 3], k=3))
print(random.uniform(1, 2), random.triangular(0, 10, 3), random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2))
print(random.expovariate(2), random.lognormvariate(0, 1), random.paretovariate(3), random.weibullvariate(1, 2), random.vonmisesvariate(1, 4))
print(random.gammavariate(2.5, 1), random.gammavariate(0.5, 2), random.gammavariate(1, 3), random.betavariate(2, 3))
print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(100), random.randbytes(5))
r = random.Random(12345); print(r.random(), r.randint(0, 10**30))
r2 = random.Random('hello'); print(r2.random()); r3 = random.Random(b'hello'); print(r3.random())
r4 = random.Random(3.75); print(r4.random()); r5 = random.Random(-7); print(r5.random()); r6 = random.Random(0); print(r6.random())
r7 = random.Random(2**100 + 17); print(r7.random(), r7.getrandbits(64))
st = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)], st[0], len(st[1]), st[1][-1])
random.seed('text', version=1); print(random.random())
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(3, 3), lambda: random.sample({1, 2}, 1), lambda: random.sample([1], 2), lambda: random.randrange(1, 5, 0), lambda: random.seed([1])]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
random.seed(1)
print([random.randint(1, 6) for _ in range(20)])
print(sum(random.random() for _ in range(2000)))
