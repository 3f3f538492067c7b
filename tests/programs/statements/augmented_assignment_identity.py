# += mutates a list in place but builds a new tuple / str / int.
items = [1, 2]
alias = items
items += [3]
print(items, alias, items is alias)
items = items + [4]
print(items, alias, items is alias)

t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias, t is t_alias)

s = "ab"
s_alias = s
s += "c"
print(s, s_alias, s is s_alias)

n = 10
n_alias = n
n += 1
print(n, n_alias)

counts = {"a": 1}
counts["a"] += 5
counts.setdefault("b", 0)
counts["b"] -= 1
print(counts)

class Acc:
    total = 0
acc = Acc()
acc.total += 7
print(acc.total, Acc.total)
x = 2
x *= 3; x -= 1; x //= 2; x **= 2; x %= 5; x <<= 3; x |= 1; x ^= 2
print(x)
