squares = [x * x for x in range(8)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
print(evens)
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([[row[c] for row in matrix] for c in range(3)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
x = "outer"
print([x for x in "ab"], x)
flat = [v for row in matrix for v in row]
print(flat, sum(flat))
