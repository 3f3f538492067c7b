import sys

class Plain:
    def __init__(self):
        self.x = 1
        self.y = 2

class Slotted:
    __slots__ = ['x', 'y']
    def __init__(self):
        self.x = 1
        self.y = 2

class Empty:
    pass

print(sys.getsizeof(Plain()), sys.getsizeof(Slotted()), sys.getsizeof(Empty()))
def f():
    pass
print(sys.getsizeof(f), sys.getsizeof(lambda: 0))
def gen():
    yield 1
print(sys.getsizeof(gen()), sys.getsizeof(x for x in "ab"))
print(sys.getsizeof(sys))
