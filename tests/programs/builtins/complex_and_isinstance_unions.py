"""complex() of a string, of an object with __complex__ (before __float__), and
isinstance/issubclass with `X | Y` unions."""
print(complex("1+2j"), complex("-3.5j"), complex(" (1-1e3j) "), complex("2"), complex("j"),
      complex("-J"), complex("1e-3+4E+2j"))
for bad in ["1+", "j1", "1 + 2j", "", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)


class Z:
    def __float__(self):
        return 2.5

    def __complex__(self):
        return 1j


class F:
    def __float__(self):
        return 2.5


print(complex(Z()), complex(F()), complex(1 + 2j), complex(3, 4))


class Bad:
    def __complex__(self):
        return 1


try:
    complex(Bad())
except TypeError as e:
    print(e)
print(isinstance(1, int | str), isinstance(None, int | None), isinstance("a", (float, int | str)),
      issubclass(bool, int | str), isinstance(2.0, int | str))
