def greet(name):
    return "hi " + name

print(greet("ann"))
print(greet(42))
