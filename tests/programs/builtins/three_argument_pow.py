# pow(base, exp, mod) calls a class's __pow__(exp, mod); it never calls __rpow__.
class S:
    def __pow__(self, e, mod=None):
        return ('pow', e, mod)
class N:
    def __pow__(self, e, mod=None):
        return NotImplemented
print(pow(S(), 4, 5), pow(S(), 2), pow(S(), 4, None))
try:
    pow(N(), 2, 3)
except TypeError as e:
    print(e)
try:
    pow(2, S(), 3)
except TypeError as e:
    print(e)
