# cmath: the complex functions as a student meets them: roots of negative numbers,
# Euler's formula, polar form, logarithms with a base, trig and hyperbolic functions
# and their inverses, isclose, and CPython's exact last bits.
import cmath
import math

print(cmath.sqrt(-1), cmath.sqrt(-4), cmath.sqrt(2j), cmath.sqrt(3 + 4j), cmath.sqrt(-0.0))
print(cmath.exp(1j * cmath.pi), cmath.exp(1), cmath.exp(2 + 3j), cmath.exp(-1j * cmath.pi / 2))

# polar form and back
for z in [1 + 1j, -2, 3j, -1 - 1j, 0j, complex(-0.0, -0.0)]:
    r, phi = cmath.polar(z)
    print(z, (r, phi), cmath.phase(z), cmath.rect(r, phi), abs(cmath.rect(r, phi) - z) < 1e-15)
print(cmath.rect(2, math.pi / 3), cmath.rect(1, -0.0), cmath.rect(-1, 0.0))

# logarithms, also to a base
print(cmath.log(-1), cmath.log(1j), cmath.log(10), cmath.log(8, 2), cmath.log(1 + 1j, 1j))
print(cmath.log10(1000), cmath.log10(-100), cmath.log(100, 10), cmath.log(0.5 + 0.5j))

# quadratic formula with complex roots: x**2 + 2x + 5 = 0
a, b, c = 1, 2, 5
d = cmath.sqrt(b * b - 4 * a * c)
print('roots', (-b + d) / (2 * a), (-b - d) / (2 * a))

# trig, hyperbolic and their inverses, on the same arguments
names = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan',
         'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh']
for z in [0.5, 2, 1 + 2j, -0.3 - 0.7j, 1e-8j, 20 + 1j]:
    print(z, [getattr(cmath, name)(z) for name in names])

# round trips land close to where they started
z = 0.3 + 0.4j
print(cmath.sin(cmath.asin(z)), cmath.tanh(cmath.atanh(z)), cmath.exp(cmath.log(z)))
print(cmath.isclose(cmath.sin(cmath.asin(z)), z), cmath.isclose(1, 1 + 1e-10),
      cmath.isclose(1, 1.001), cmath.isclose(1, 1.001, rel_tol=0.01),
      cmath.isclose(1e-12j, 0), cmath.isclose(1e-12j, 0, abs_tol=1e-9))

# ints, floats and objects with __complex__ / __float__ / __index__ are accepted
class Impedance:
    def __init__(self, r, x):
        self.r, self.x = r, x
    def __complex__(self):
        return complex(self.r, self.x)

class Half:
    def __float__(self):
        return 0.5

class Seven:
    def __index__(self):
        return 7

print(cmath.polar(Impedance(3, 4)), cmath.sqrt(Half()), cmath.exp(Seven()), cmath.sqrt(True))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.sqrt.__name__, cmath.log.__doc__.splitlines()[0])
