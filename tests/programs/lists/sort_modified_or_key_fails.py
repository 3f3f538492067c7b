# A key function that appends to the list being sorted (ValueError, the additions
# dropped), a comparison that looks at the list (empty while sorting), a key that raises
# (the list unchanged).
l = [3, 1, 2]
def k(x):
    l.append(0)
    return x
try:
    l.sort(key=k)
except ValueError as e:
    print("ValueError:", e)
print(l)

m = [5, 4, 6]
class W:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("during sort, list looks like", m2)
        return self.v < o.v
m2 = [W(2), W(1)]
m2.sort()
print([w.v for w in m2])
def bad(x):
    raise KeyError(x)
try:
    m.sort(key=bad)
except KeyError as e:
    print("KeyError", e)
print(m)
print(sorted([3, 1, 2], reverse=True), sorted("hello"))
