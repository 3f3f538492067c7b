# The numbers' special methods can be called by hand, as a lesson on "1 + 2 is
# (1).__add__(2)" does: conversions, truth, divmod, and complex arithmetic.
print((5).__float__(), (7).__divmod__(2), (7).__rdivmod__(2), (0).__bool__(), (3).__bool__())
print((2.75).__int__(), (-2.75).__int__(), (7.5).__divmod__(2), (7.5).__rdivmod__(2))
print((2.5).__float__(), (0.0).__bool__(), (2.5).conjugate(), (2.5).__bool__())
print((3).__getnewargs__(), (2.5).__getnewargs__(), "ab".__getnewargs__(), (1, 2).__getnewargs__(), b"x".__getnewargs__(), (1j).__getnewargs__())
print((7).__divmod__(2.0), (7.0).__divmod__(True), True.__float__(), True.__bool__())
print(range(0).__bool__(), range(3).__bool__(), None.__bool__(), (0j).__bool__(), (1j).__bool__())

# An operand the number does not take gives NotImplemented, so that the other side is asked.
print((7).__divmod__("a"), (7).__divmod__(2.5), (1.5).__int__.__name__)

# complex: the arithmetic methods.
z = 3 + 4j
print(z.__add__(1), z.__radd__(2.5), z.__sub__(1j), z.__rsub__(1), z.__mul__(2j), z.__rmul__(2))
print(z.__truediv__(2), z.__rtruediv__(25), z.__pow__(2), z.__rpow__(2).real > 0, z.__neg__(), z.__pos__(), z.__abs__())
print(z.__add__("x"), complex.__add__(1j, 1j))

# Errors as python3 gives them.
for f in [lambda: (5).__divmod__(0), lambda: (5.0).__divmod__(0.0), lambda: float("inf").__int__(),
          lambda: float("nan").__int__(), lambda: (10**400).__float__(), lambda: z.__truediv__(0)]:
    try:
        print(f())
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)


# A subclass's __bool__ can use the base's, which does not call back into it.
class Flag(int):
    def __bool__(self):
        return not int.__bool__(self)


print(bool(Flag(0)), bool(Flag(3)), divmod(Flag(7), 2))
print(sorted(n for n in ["__bool__", "__float__", "__divmod__", "__rdivmod__", "__getnewargs__"] if n in dir(1)))
print(sorted(n for n in ["__int__", "conjugate", "__bool__"] if n in dir(1.0)))
