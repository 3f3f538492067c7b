import gc
import sys


class Registry(type):
    """Remembers every class made with it."""
    classes = []

    def __new__(mcls, name, bases, namespace, **kwargs):
        print("Registry.__new__", mcls.__name__, name, [b.__name__ for b in bases],
              sorted(k for k in namespace if not k.startswith("__")), kwargs)
        cls = super().__new__(mcls, name, bases, namespace)
        mcls.classes.append(cls)
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        print("Registry.__init__", name)
        super().__init__(name, bases, namespace)
        cls.tag = kwargs.get("tag", name.lower())

    def describe(cls):
        return f"{cls.__name__} (tag {cls.tag})"


class Plugin(metaclass=Registry):
    def run(self):
        return "plugin"


class Audio(Plugin, tag="sound"):
    volume = 3


print(type(Plugin), type(Audio), Audio.__class__)
print([c.__name__ for c in Registry.classes])
print(Audio.describe(), Plugin.describe())
print(isinstance(Audio, Registry), isinstance(Audio, type), issubclass(Registry, type))
print(Audio().run(), Audio.volume, Audio.tag)
try:
    Audio().describe()
except AttributeError as e:
    print("AttributeError:", e)


class Singleton(type):
    def __call__(cls, *args, **kwargs):
        if "instance" not in cls.__dict__:
            print("making the one", cls.__name__)
            cls.instance = super().__call__(*args, **kwargs)
        return cls.instance


class Config(metaclass=Singleton):
    def __init__(self, path):
        self.path = path


a = Config("a.ini")
b = Config("b.ini")
print(a is b, a.path, b.path)


class Sized(type):
    def __len__(cls):
        return len(cls.items)

    def __iter__(cls):
        return iter(cls.items)

    def __getitem__(cls, i):
        return cls.items[i]

    def __contains__(cls, x):
        return x in cls.items

    def __repr__(cls):
        return f"<sized class {cls.__name__}>"

    @property
    def first(cls):
        return cls.items[0]


class Colors(metaclass=Sized):
    items = ["red", "green", "blue"]


print(len(Colors), list(Colors), Colors[1], "green" in Colors, "pink" in Colors)
print(repr(Colors), Colors, Colors.first, bool(Colors))
print(str(Colors), f"{Colors}")


class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("__prepare__", name, kwargs)
        return {"prepared": True}

    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, ns)
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls


class Form(metaclass=Ordered, extra=1):
    name = "x"
    age = 3

    def check(self):
        return True


print(Form.order, Form.prepared)


def upper_attrs(name, bases, attrs):
    return type(name, bases, {k if k.startswith("__") else k.upper(): v
                              for k, v in attrs.items()})


class Shout(metaclass=upper_attrs):
    greeting = "hi"


print(type(Shout), Shout.GREETING, hasattr(Shout, "greeting"))

Dyn = Registry("Dyn", (Plugin,), {"x": 1})
print(type(Dyn), Dyn.x, Dyn.tag, [c.__name__ for c in Registry.classes])
Child = type("Child", (Plugin,), {})
print(type(Child), Child.tag)


class Other(type):
    pass


class O(metaclass=Other):
    pass


try:
    class Both(Plugin, O):
        pass
except TypeError as e:
    print("TypeError:", e)

print(sys.getrefcount(Sized))


class Meta(type):
    pass


print(sys.getrefcount(Meta))


class C(metaclass=Meta):
    pass


print(sys.getrefcount(Meta))
print([type(x).__name__ for x in gc.get_referents(C)], gc.get_referents(C)[0] is Meta)
print(sys.getsizeof(C), sys.getsizeof(Meta), list(Meta.__dict__))
del C
print(gc.collect(), sys.getrefcount(Meta))
print(type.__call__(Config, "c.ini") is a)
print(type(int), type(type), type.__new__(type, "T", (), {}).__name__)
