class Config:
    debug = False
    def __init__(self):
        self.name = "app"

c = Config()
print(hasattr(c, "name"), hasattr(c, "debug"), hasattr(c, "nope"))
print(getattr(c, "name"), getattr(c, "nope", "default"))
setattr(c, "level", 3)
print(c.level, getattr(c, "level"))
for field in ["name", "debug", "level"]:
    print(field, "=", getattr(c, field))
delattr(c, "level")
print(hasattr(c, "level"), vars(c))
method = getattr("text", "upper")
print(method())
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError:", e)
