# The built-in types' arithmetic and comparison methods as attributes: what
# super().__add__(other) in a subclass of int, list or dict calls, and what
# int.__add__(2, 3) gives (NotImplemented for an operand the type does not take).
class Money(int):
    def __add__(self, o):
        return Money(super().__add__(o))
    def __neg__(self):
        return Money(super().__neg__())
    def __repr__(self):
        return f"Money({int(self)})"
m = Money(3) + 4
print(m, type(m).__name__, -Money(5), Money(2) - 2.5)
print(int.__add__(2, 3), int.__add__(2, 2.5), float.__radd__(2.5, 1), int.__neg__(4), float.__abs__(-2.0))
print(int.__truediv__(7, 2), int.__floordiv__(7, 2), int.__pow__(2, 10), int.__lshift__(1, 4), int.__and__(6, 3), int.__invert__(5))
class Stack(list):
    def __add__(self, other):
        return Stack(super().__add__(other))
    def __iadd__(self, other):
        print("iadd")
        return super().__iadd__(other)
s = Stack([1]) + [2]
print(s, type(s).__name__)
s += [3]
print(s, type(s).__name__)
print(list.__add__([1], [2]), list.__mul__([0], 3), tuple.__add__((1,), (2,)))
print(str.__add__("a", "b"), str.__mul__("ab", 2), str.__rmul__("ab", 2), str.__mod__("%d!", 5))
print(dict.__or__({1: 2}, {3: 4}), set.__or__({1}, {2}), frozenset.__and__(frozenset({1, 2}), {2}), set.__sub__({1,2}, [1]))
d = {1: 2}; d.__ior__({5: 6}); print(d)
class D(dict):
    def __or__(self, other):
        return D(super().__or__(other))
print(type(D(a=1) | {"b": 2}).__name__, D(a=1) | {"b": 2})
print(hasattr(int, "__add__"), "__add__" in dir(1), bool.__add__(True, True))
print(1 + 2, 1.5 + 1, "a" + "b", [1] + [2], {1} | {2}, {1: 1} | {2: 2}, -3, ~3, abs(-2))
for bad in ['"a" + 1', '[1] + (2,)', '1 + "a"', '{1} | [2]', '{1: 2} | [1]']:
    try:
        eval(bad)
    except TypeError as e:
        print(e)
for bad in ['list.__add__([1], (2,))', 'str.__add__("a", 1)', 'tuple.__add__((1,), [2])', 'bytes.__add__(b"a", 1)', 'list.__mul__([1], "x")', 'str.__rmul__("ab", "x")', 'list.__iadd__([1], 5)']:
    try:
        print(eval(bad))
    except TypeError as e:
        print(e)
print((3).__eq__(3), (3).__lt__(4), int.__eq__(3, 3.0), (3).__eq__("a"), "a".__lt__("b"), [1].__eq__([1]), (1,).__lt__((2,)), {1}.__le__({1, 2}), 2.5.__gt__(1), object.__ne__(1, 2), object.__eq__(1, 1))
class M(int):
    def __eq__(self, o):
        print("M.__eq__")
        return super().__eq__(o)
    __hash__ = int.__hash__
print(M(3) == M(3), M(3).__eq__(3))
