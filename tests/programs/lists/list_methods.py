items = [3, 1, 4]
items.append(1)
items.extend([5, 9])
items.insert(0, 2)
items.insert(100, 6)
print(items, len(items))
print(items.pop(), items.pop(0), items)
items.remove(1)
print(items, items.index(4), items.count(1))
items.reverse()
print(items)
copy = items.copy()
copy.clear()
print(copy, items)
items += [7]
items *= 2
print(items)
del items[1:3]
print(items)
try:
    items.remove(100)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
print([1, 2] + [3], [0] * 3, [1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 3])
