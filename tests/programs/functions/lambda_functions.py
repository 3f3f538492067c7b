square = lambda x: x * x
print(square(7), square.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda s: s.startswith("t"), ["two", "one", "ten"])))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(3))
print((lambda *a, **k: (a, k))(1, z=2))
