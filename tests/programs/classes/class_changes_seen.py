# Classes change while instances use them: every later lookup sees the change
# (refscope caches class lookups and must drop the cache when a class changes).


class Base:
    greeting = "hello"

    def speak(self):
        return "base speaks"


class Child(Base):
    def __init__(self, x):
        self.x = x


c = Child(1)
for _ in range(3):
    print(c.greeting, c.speak())

# A base class attribute rebound, then shadowed in the subclass, then removed again.
Base.greeting = "hi"
print(c.greeting)
Child.greeting = "hey"
print(c.greeting)
del Child.greeting
print(c.greeting)

# A method replaced on the base, then on the subclass, through setattr.
Base.speak = lambda self: "patched base"
print(c.speak())
setattr(Child, "speak", lambda self: "patched child")
print(c.speak())
delattr(Child, "speak")
print(c.speak())

# __init__ replaced after instances were built.
def new_init(self, x):
    self.x = x * 100


Child.__init__ = new_init
print(Child(2).x)
del Child.__init__
try:
    Child(3)
except TypeError as e:
    print("TypeError:", e)

# __setattr__ added to a class whose instances were already being assigned to.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, i) for i in range(5)]


def loud_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


Point.__setattr__ = loud_setattr
p = Point(7, 8)
print(p.x, p.y, len(points))


# Many short-lived classes: a new class may reuse a freed one's place.
def make(n):
    class Temp:
        value = n

        def get(self):
            return self.value

    return Temp().get()


print([make(i) for i in range(6)])
