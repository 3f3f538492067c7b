import sys
from array import array

print(sys.getsizeof(array('i')))
print(sys.getsizeof(array('i', [1, 2, 3, 4, 5])))
print(sys.getsizeof(array('d', [1.0, 2.0])), sys.getsizeof(array('b', [1, 2, 3])))
grown = array('i')
previous = sys.getsizeof(grown)
for i in range(40):
    grown.append(i)
    size = sys.getsizeof(grown)
    if size != previous:
        print(len(grown), size)
        previous = size
print(sys.getsizeof(array('i', range(5))))
numbers_list = list(range(1000))
numbers_array = array('i', numbers_list)
print(sys.getsizeof(numbers_list), sys.getsizeof(numbers_array))
