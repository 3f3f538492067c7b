def trace(func):
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result}")
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)
print(add.__name__)

def bold(f):
    return lambda: "<b>" + f() + "</b>"

def italic(f):
    return lambda: "<i>" + f() + "</i>"

@bold
@italic
def text():
    return "hi"

print(text())

registry = []
def register(f):
    registry.append(f.__name__)
    return f

@register
def one():
    pass

@register
def two():
    pass

print(registry)
