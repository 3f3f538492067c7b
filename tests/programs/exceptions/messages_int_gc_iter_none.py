"""CPython's wording: an unknown keyword of int(), keywords given to gc.get_referrers and
get_referents, and a class whose __iter__ is None (not iterable, rather than None called)."""
import gc
for call in (lambda: int(x='5'), lambda: int('5', base=10, x=1), lambda: gc.get_referrers(x=1),
             lambda: gc.get_referents(x=1)):
    try:
        print(call())
    except TypeError as e:
        print(e)
print(int('ff', base=16), int(base=10, x='1') if False else '')


class N:
    __iter__ = None


for call in (lambda: iter(N()), lambda: list(N()), lambda: [x for x in N()]):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    for _ in N():
        pass
except TypeError as e:
    print(e)
