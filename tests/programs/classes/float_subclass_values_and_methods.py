import sys, gc, math
class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32
    def __repr__(self):
        return f"Celsius({float.__repr__(self)})"
t = Celsius(21.5)
print(t, repr(t), str(t), t.to_f(), type(t.to_f()).__name__, type(t + 1).__name__)
print(isinstance(t, float), isinstance(t, Celsius), float(t), type(float(t)).__name__)
print(t == 21.5, hash(t) == hash(21.5), t > 20, t < 22.0, -t, abs(Celsius(-2.5)), round(t), round(t, 0))
print(f"{t:.2f}", "%.1f" % t, format(t, "e"), int(t), math.floor(t), math.sqrt(Celsius(16)))
print(sys.getsizeof(t), gc.is_tracked(t))
t.label = 'room'
print(t.label, t.__dict__, vars(t))
class Plain(float):
    pass
p = Plain('3.25')
print(p, repr(p), Plain(), Plain(7), type(p).__name__, p.is_integer(), p.as_integer_ratio(), p.hex())
class Slotted(float):
    __slots__ = ()
s = Slotted(1.5)
print(sys.getsizeof(s), repr(s))
try:
    s.x = 1
except AttributeError as e:
    print(e)
try:
    Plain('abc')
except ValueError as e:
    print(e)
class Money(float):
    def __new__(cls, amount, currency='EUR'):
        self = super().__new__(cls, amount)
        self.currency = currency
        return self
    def __str__(self):
        return f"{float(self):.2f} {self.currency}"
m = Money(3.5, 'USD')
print(m, m + 1, m.currency, [Money(1)], sorted([Plain(3), 1.0, Plain(2)]))
print({Plain(1.0): 'a'}[1.0], 1.0 in {Plain(1.0)}, Plain(2) ** 2, divmod(Plain(7), 2), Plain(7) // 2)
print(float.__new__(Plain, 2.5), type(float.__new__(Plain, 2.5)).__name__)
print(sys.getrefcount(t), gc.get_referents(t) == [t.__dict__] if False else len(gc.get_referents(m)))
print(Plain(1e300) * 1e10, Plain('nan') != Plain('nan'), Plain('-inf'))
print(math.isclose(Celsius(0.1) + 0.2, 0.3), Plain(2.5).__round__(), Plain(2.5).real, Plain(2.5).imag, Plain(2.5).conjugate())
