class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n

add5 = Adder(5)
print(add5(10), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2, 3])))

class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        print("__len__ called")
        return len(self.items)

class Flag:
    def __bool__(self):
        print("__bool__ called")
        return False

    def __len__(self):
        return 10

print(bool(Box([])), bool(Box([1])))
print(bool(Flag()), "yes" if Flag() else "no")
print(bool(object()))
try:
    five = 5
    five()
except TypeError as e:
    print("TypeError:", e)
