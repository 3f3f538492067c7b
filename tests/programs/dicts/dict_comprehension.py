squares = {n: n * n for n in range(6)}
print(squares)
inverse = {v: k for k, v in squares.items()}
print(inverse)
words = ["apple", "bob", "civic", "dog"]
print({w: w == w[::-1] for w in words})
print({w[0]: len(w) for w in words if len(w) > 3})
grid = {(r, c): r * c for r in range(2) for c in range(3)}
print(grid)
print(dict(zip("abc", [1, 2, 3])))
