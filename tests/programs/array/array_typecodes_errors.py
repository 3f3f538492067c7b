from array import array

for code in "bBhHiIlLqQfd":
    arr = array(code, [1, 2])
    print(code, arr.itemsize, arr)
try:
    array('b', [200])
except OverflowError as e:
    print("OverflowError:", e)
try:
    array('i', [1.5])
except TypeError as e:
    print("TypeError:", e)
try:
    array('x')
except ValueError as e:
    print("ValueError:", e)
try:
    array('I', [-1])
except OverflowError as e:
    print("OverflowError:", e)
a = array('f', [0.1])
print(a[0], a)
