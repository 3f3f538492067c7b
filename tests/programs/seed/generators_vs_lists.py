import sys

numbers = [x for x in range(1000000)]
print(sys.getsizeof(numbers))
numbers = (x for x in range(1000000))
print(sys.getsizeof(numbers))
