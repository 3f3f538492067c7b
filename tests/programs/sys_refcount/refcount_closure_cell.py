# A closure's cell is one more holder of the captured object.
import sys

def make():
    data = []
    def use():
        return len(data)
    return use, data

use, data = make()
print(sys.getrefcount(data))
del use
print(sys.getrefcount(data))

def capture(obj):
    def inner():
        return obj
    return inner

box = {}
keepers = [capture(box) for _ in range(3)]
print(sys.getrefcount(box))
keepers.pop()
print(sys.getrefcount(box))
keepers.clear()
print(sys.getrefcount(box))
