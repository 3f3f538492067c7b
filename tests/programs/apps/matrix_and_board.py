def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]

def transpose(m):
    return [list(row) for row in zip(*m)]

a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b))
print(transpose([[1, 2, 3], [4, 5, 6]]))
identity = [[int(i == j) for j in range(3)] for i in range(3)]
print(identity)

board = [[" "] * 3 for _ in range(3)]
moves = [(1, 1, "X"), (0, 0, "O"), (0, 2, "X"), (2, 0, "O"), (1, 0, "X"), (1, 2, "O"), (2, 2, "X")]
for r, c, mark in moves:
    board[r][c] = mark
print("\n-+-+-\n".join("|".join(row) for row in board))

def winner(b):
    lines = b + transpose(b) + [[b[i][i] for i in range(3)], [b[i][2 - i] for i in range(3)]]
    for line in lines:
        if line[0] != " " and line.count(line[0]) == 3:
            return line[0]
    return None

print("winner:", winner(board))
