# decimal: exact decimal arithmetic, rounding to the context's precision, and reprs.
from decimal import Decimal, getcontext, localcontext, Context, ROUND_HALF_UP, ROUND_DOWN
import decimal
import numbers

print(Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), 0.1 + 0.2 == 0.3)
print(Decimal(0.1))
print(repr(Decimal('1E+2')), repr(Decimal('-0')), Decimal('nan'), Decimal('-sNaN7'), Decimal('inf'))
print(Decimal((1, (3, 1, 4), -2)), Decimal(10) ** -3, Decimal('123E-10'), Decimal('0.0000001'))
print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), Decimal(1) / 3 * 3)
print(Decimal('7.5') // 2, Decimal(-7) % 3, divmod(Decimal(-7), Decimal(2)))
print(Decimal('1.30') + Decimal('1.20'), Decimal('1.30') * Decimal('1.20'), -Decimal('0'), abs(Decimal('-2.50')))
print(Decimal('1.1') ** 10, Decimal(2) ** Decimal('0.5'), Decimal(2) ** -2)
print(Decimal(1).exp(), Decimal(10).ln(), Decimal(2).log10(), Decimal(1000).log10())
print(Decimal('1.2345').quantize(Decimal('0.01')), Decimal('1.2345').quantize(Decimal('0.01'), ROUND_UP := decimal.ROUND_UP))
print(Decimal('2.5').to_integral_value(), Decimal('2.5').to_integral_value(ROUND_HALF_UP), Decimal('1.2000E+3').normalize())
print(Decimal('123.45').as_tuple(), Decimal('-0.00123').adjusted(), Decimal('-3').copy_sign(Decimal('0.0')))
print(int(Decimal('-3.9')), float(Decimal('1.1')), round(Decimal('2.5')), round(Decimal('2.675'), 2), round(Decimal('123.456'), -1))
print(Decimal('1.5') == 1.5, Decimal(5) == 5, Decimal(3) < 4, sorted([Decimal(3), Decimal('1.5'), 2]))
print(hash(Decimal('1.5')) == hash(1.5), hash(Decimal('5.000')) == hash(5))
print(isinstance(Decimal(1), numbers.Number), isinstance(Decimal(1), numbers.Real))
print(f"{Decimal('1234567.891'):,.2f}", format(Decimal('0.1234'), '.1%'), format(Decimal('123.456'), '.3e'))
print(format(Decimal('-1.5'), '020'), format(Decimal('1.5'), '^+12.2f'), f"{Decimal('1E+3'):f}", f"{Decimal('0.000001234'):g}")
print(getcontext())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / 3, ctx.flags[decimal.Inexact])
with localcontext(prec=3, rounding=ROUND_DOWN):
    print(Decimal(2) / 3)
print(Decimal(1) / 3)
c = Context(prec=6)
print(c.divide(Decimal(1), 7), c.create_decimal('3.14159265'), c)
try:
    Decimal(1) + 1.5
except TypeError as e:
    print('TypeError:', e)
