import random
random.seed(4)
for i in range(400):
    b = bytes(random.choice(b'ab \t\n') for _ in range(random.randrange(0, 12)))
    sep = random.choice([None, b'a', b'ab', b'aa', b' ', b'ba'])
    m = random.choice([-1, 0, 1, 2, 5])
    print(b.rsplit(sep, m), b.split(sep, m), bytearray(b).rsplit(sep, maxsplit=m), b.rsplit(sep=sep))
for bad in [lambda: b'a'.rsplit(b''), lambda: b'a'.rsplit('a'), lambda: b'a'.rsplit(x=1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
