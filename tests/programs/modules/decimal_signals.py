# decimal: signals set flags, and trapped ones raise, listing their conditions.
import decimal
from decimal import Decimal, getcontext, localcontext

for expr in ['Decimal(1) / 0', 'Decimal(0) / 0', 'Decimal(1) % 0', 'Decimal("abc")',
             'Decimal(-1).sqrt()', 'Decimal("NaN") < 1', 'Decimal("inf") - Decimal("inf")',
             'Decimal("1E+999999") * 10', 'Decimal(10) ** 1000000']:
    getcontext().clear_flags()
    try:
        print(expr, '->', eval(expr))
    except decimal.DecimalException as e:
        print(expr, '->', type(e).__name__, e)
    print('  flags:', [s.__name__ for s, v in getcontext().flags.items() if v])

print(issubclass(decimal.DivisionByZero, ZeroDivisionError), issubclass(decimal.FloatOperation, TypeError))
with localcontext() as ctx:
    ctx.traps[decimal.DivisionByZero] = False
    ctx.traps[decimal.InvalidOperation] = False
    print(Decimal(1) / 0, Decimal(0) / 0, Decimal('x'), ctx.flags[decimal.DivisionByZero])
with localcontext() as ctx:
    ctx.traps[decimal.Inexact] = True
    try:
        Decimal(1) / 3
    except decimal.Inexact as e:
        print('Inexact:', e)
with localcontext() as ctx:
    ctx.traps[decimal.FloatOperation] = True
    print(Decimal('1.5') == 1.5)
    try:
        Decimal(1.5)
    except decimal.FloatOperation as e:
        print('FloatOperation:', e)
print(Decimal(1) / 0)
