# A class's __getattribute__ sees every attribute read (then __getattr__ what it could
# not find); object.__getattribute__ and super() give the ordinary lookup back.
class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        print("reading", name)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return f"<no {name}>"

    def hello(self):
        return "hello"


a = Logged()
print(a.x)
print(a.missing)
print(a.hello())
print(getattr(a, "y", "default"), hasattr(a, "x"))


class Strict:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"{name} is private")
        return object.__getattribute__(self, name)


s = Strict()
s.secret_key = 42
s.public = 1
print(s.public)
try:
    s.secret_key
except AttributeError as e:
    print("AttributeError:", e)
print(object.__getattribute__(s, "secret_key"))
print(object().__lt__(1), format(object(), "")[:15], format(s, "")[:15])
try:
    format(s, ">10")
except TypeError as e:
    print(e)
