# cmath: argument errors, with the messages of CPython's C functions.
import cmath


class NotComplex:
    def __complex__(self):
        return 1


class NotFloat:
    def __float__(self):
        return 1


tests = [
    lambda: cmath.sqrt('4'),
    lambda: cmath.sqrt(None),
    lambda: cmath.sqrt([1]),
    lambda: cmath.sqrt(NotComplex()),
    lambda: cmath.exp(NotFloat()),
    lambda: cmath.sqrt(10 ** 400),
    lambda: cmath.sqrt(),
    lambda: cmath.sqrt(1, 2),
    lambda: cmath.sqrt(z=1),
    lambda: cmath.phase(),
    lambda: cmath.isnan(1, 2),
    lambda: cmath.log(),
    lambda: cmath.log(1, 2, 3),
    lambda: cmath.log(8, base=2),
    lambda: cmath.log(8, 'two'),
    lambda: cmath.rect(1),
    lambda: cmath.rect(1j, 0),
    lambda: cmath.rect(r=1, phi=0),
    lambda: cmath.isclose(1),
    lambda: cmath.isclose(1, 2, 3),
    lambda: cmath.isclose(1, 2, tol=3),
    lambda: cmath.isclose(1, a=2),
    lambda: cmath.isclose(a=1, b=1.0),
    lambda: cmath.isclose(1, 2, rel_tol=-1),
    lambda: cmath.isclose(1, 2, abs_tol=-1e-9),
    lambda: cmath.isclose(1, 2, rel_tol='big'),
    lambda: cmath.isclose(float('nan'), float('nan')),
    lambda: cmath.isclose(complex('inf'), complex('inf')),
    lambda: cmath.isclose(complex('inf'), complex('-inf'), rel_tol=1e9),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
