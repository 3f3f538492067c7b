"""pow() takes its arguments by name too (base, exp, mod); object.__ne__ answers
NotImplemented when __eq__ does; the empty string's hash is 0, as CPython's."""
print(pow(2, 10, mod=7), pow(base=2, exp=10), pow(2, exp=3))
for call in (lambda: pow(), lambda: pow(2), lambda: pow(2, 3, 4, 5),
             lambda: pow(2, 3, base=4), lambda: pow(2, modulo=3)):
    try:
        call()
    except TypeError as e:
        print(e)
print(object().__ne__(1), object().__ne__(object()))


class E:
    def __eq__(self, other):
        return isinstance(other, E)


print(E().__ne__(E()), E().__ne__(1), E() != 1, E() != E())
print(hash(''), hash(b''), hash('') == hash(b''))
