# cmath: infinities, nans and signed zeros follow the C99 Annex G tables of CPython's
# cmathmodule.c, and 'math domain error' / 'math range error' are raised where CPython
# raises them.
import cmath

inf, nan = float('inf'), float('nan')
values = [0.0, -0.0, 1.5, -2.0, inf, -inf, nan]
funcs = ['sqrt', 'exp', 'log', 'acos', 'asinh', 'atanh', 'cosh', 'tanh']


def call(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        return f'{type(e).__name__}({e})'


for name in funcs:
    f = getattr(cmath, name)
    print(name)
    for x in values:
        print('  ', ' '.join(call(f, complex(x, y)) for y in values))

print('rect', [call(cmath.rect, r, phi) for r in (inf, -0.0, 2.0) for phi in (inf, -0.0, 1.0)])
print('isfinite/isinf/isnan', [(cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
                               for z in (1 + 1j, complex(inf, 1), complex(1, nan), complex(inf, nan))])

# overflow and domain errors
for f, args in [(cmath.exp, (1000,)), (cmath.exp, (709 + 1j,)), (cmath.cosh, (711,)),
                (cmath.sinh, (-720 + 1j,)), (cmath.cos, (1000j,)), (cmath.log, (0,)),
                (cmath.log10, (0j,)), (cmath.atanh, (1,)), (cmath.atanh, (-1,)), (cmath.atan, (1j,)),
                (cmath.log, (5, 1)), (cmath.log, (0, 2)), (cmath.log, (2, 0)),
                (cmath.polar, (complex(1.7e308, 1.7e308),)), (cmath.phase, (complex(2, 5e-324),)),
                (cmath.sqrt, (complex(inf, nan),)), (cmath.tanh, (complex(0, inf),)),
                (cmath.rect, (1, inf)), (cmath.exp, (complex(inf, inf),))]:
    print(f.__name__, args, call(f, *args))

# large and tiny arguments are scaled inside, so no spurious overflow or underflow
print(cmath.sqrt(complex(1e308, 1e308)), cmath.sqrt(5e-324j), cmath.log(complex(1e308, -1e308)),
      cmath.log(1e-320), cmath.acos(1e300), cmath.atanh(1e200j), cmath.exp(709.5 + 3j),
      cmath.tanh(1000 + 1j), cmath.log(1 + 1e-10j))
