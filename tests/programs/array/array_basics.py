from array import array

a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
print(a, len(a), a[0], a[-1], a[2:4], sum(a))
a[0] = 100
print(a.typecode, a.itemsize, a.tolist())
for x in array('h', [3, 1, 2]):
    print(x, end=" ")
print()
print(array('d', [1.5, 2]), array('b'))
print(a.pop(), a.index(3), a.count(2), 5 in a)
a.insert(0, -1)
a.remove(100)
a.reverse()
print(a)
print(array('i', range(3)) == array('i', [0, 1, 2]), array('i', [1]) + array('i', [2]))
print(array('i', [7]) * 3, list(array('l', [2, 3])))
