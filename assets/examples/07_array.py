# The array module: numbers stored as raw machine values, not as int objects.
#
# What to watch:
# - The list holds 5 references, one per int object (small ints are cached
#   and shared; bigger ones are separate objects of 28+ bytes each).
# - The array holds no references at all: its 5 values are 4-byte C ints
#   inside the array object itself (100 bytes in total).
# - Reading numbers[0] creates an int object on demand.
import sys
from array import array

numbers = [1, 2, 3, 4, 5]
print("list: ", sys.getsizeof(numbers), "bytes + the int objects")
numbers = array('i', [1, 2, 3, 4, 5])
print("array:", sys.getsizeof(numbers), "bytes, everything included")

numbers.append(6)        # appending over-allocates, like a list
print(numbers, sum(numbers), sys.getsizeof(numbers))

big_list = list(range(1000, 2000))
big_array = array('i', big_list)
print(sys.getsizeof(big_list), sys.getsizeof(big_array))
