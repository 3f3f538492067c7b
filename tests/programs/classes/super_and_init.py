class Animal:
    def __init__(self, name):
        print("Animal.__init__", name)
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        print("Dog.__init__", breed)
        self.breed = breed

    def speak(self):
        return super().speak() + " (woof)"

class Puppy(Dog):
    pass

p = Puppy("Rex", "beagle")
print(p.speak(), p.breed)
print(isinstance(p, Animal), type(p).__name__, Puppy.__bases__[0].__name__)
print(Dog.speak(p))

class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Dog("only name")
except TypeError as e:
    print("TypeError:", e)
