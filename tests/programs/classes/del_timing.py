# With reference counting, __del__ runs the moment the last reference goes away.
class Noisy:
    def __init__(self, name):
        self.name = name
        print("create", name)

    def __del__(self):
        print("delete", self.name)

a = Noisy("a")
b = a
print("del a")
del a
print("del b")
del b
print("rebind")
c = Noisy("c1")
c = Noisy("c2")
print("list")
items = [Noisy("x"), Noisy("y")]
items = None
print("function")
def use():
    local = Noisy("local")
    print("leaving use")
use()
print("del c")
del c
print("end of program")
