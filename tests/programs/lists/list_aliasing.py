# Two names, one list: mutation through one name is seen through the other.
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b)
c = a[:]
c.append(5)
print(a, c, a is c, a == c[:4])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
def add_item(lst):
    lst.append("added")
    lst = ["rebound"]
    return lst
original = []
print(add_item(original), original)
