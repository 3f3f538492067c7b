# __getattr__ runs only when normal lookup fails; __setattr__ runs on every assignment.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))

    def __getattr__(self, name):
        print("__getattr__", name)
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"no field {name!r}") from None

    def __setattr__(self, name, value):
        print("__setattr__", name, value)
        self._fields[name] = value

r = Record(x=1)
print(r.x)
r.y = 2
print(r.y, r._fields)
print(hasattr(r, "z"))
print(getattr(r, "z", "default"))
try:
    r.z
except AttributeError as e:
    print("AttributeError:", e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only")

f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e)
