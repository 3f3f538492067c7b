def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di"))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2))
print(append_to.__defaults__)

def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_safe(1), append_safe(2))
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    greet("x", name="y")
except TypeError as e:
    print("TypeError:", e)
