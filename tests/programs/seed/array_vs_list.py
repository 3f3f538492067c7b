from array import array
numbers = [1, 2, 3, 4, 5]
numbers = array('i', [1, 2, 3, 4, 5])


import sys

print(numbers)
print(sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof(numbers))
